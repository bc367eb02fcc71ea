"""chitieu's settings with the benchmark's floor routes added (bench_web.py sets
DJANGO_SETTINGS_MODULE=floor_settings and puts this folder on PYTHONPATH): the product itself has none."""

from chitieu.settings import *  # noqa: F403

ROOT_URLCONF = "floor_urls"
