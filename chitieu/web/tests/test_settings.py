"""Settings come from the environment in one place, each listed in .env.example, and a bad value stops
chitieu with a one-line error."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
ROOT = PACKAGE.parent


def test_every_variable_settings_reads_is_listed_in_env_example():
    read = set(
        re.findall(
            r"""(?:environ(?:\.get)?[\[(]|env_(?:bool|int|number)\()\s*"([A-Z][A-Z0-9_]+)\"""",
            (PACKAGE / "settings.py").read_text(),
        )
    )
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "no variable found: the pattern no longer matches settings.py"
    assert read - listed == set(), f"read by settings.py but not in .env.example: {sorted(read - listed)}"
    assert listed - read == set(), f"in .env.example but never read: {sorted(listed - read)}"


def test_no_product_code_reads_a_setting_that_settings_py_does_not_declare():
    offenders = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in PACKAGE.rglob("*.py")
        if "tests" not in p.parts and p.name not in {"settings.py", "testing.py"}
        for i, line in enumerate(p.read_text().splitlines(), 1)
        if "getattr(settings" in line or re.search(r"os\.environ(\.get)?[\[(]\s*\"CHITIEU_", line)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "name, value, words",
    [
        ("CHITIEU_PORT", "eighty", "CHITIEU_PORT must be a whole number"),
        ("AXES_FAILURE_LIMIT", "0", "AXES_FAILURE_LIMIT must be at least 1"),
        ("CHITIEU_DEFAULT_WINDOW_RULE", "lunar", "must be nd09 or calendar"),
        ("CHITIEU_DEBUG", "maybe", "CHITIEU_DEBUG must be true or false"),
    ],
)
def test_a_bad_value_is_a_one_line_configuration_error(tmp_path, name, value, words):
    env = {**os.environ, name: value, "CHITIEU_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "chitieu.cli", "check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
