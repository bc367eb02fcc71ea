"""Launching Debian's Chromium through Playwright, with the flags this sandboxed machine needs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ARTIFACTS = Path(os.environ.get("CHITIEU_ARTIFACTS", Path(__file__).resolve().parent.parent / "artifacts"))
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    path = os.environ.get("CHITIEU_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError(
            "Chromium is not installed: run bin/test, which installs Debian's chromium package"
        )
    return path


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
