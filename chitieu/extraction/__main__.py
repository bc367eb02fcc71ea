"""``python -m chitieu.extraction FILE... [--out DIR] [--format json|table]``."""

import sys

from .cli import main

sys.exit(main(sys.argv[1:]))
