"""chitieu stands on its own: a clone with nothing beside it, built into a wheel and installed (not
editable) into a fresh virtual environment, loads its demo, serves every page with its static files in
both languages, and a logged-in user reads Kinh Môn's figures in a real browser.

The clone is of the repository's committed state (what a user gets), so commit before running it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from .browser import launch

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout}\n{done.stderr}"
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A clone in an empty folder, its wheel, a fresh venv with the wheel installed."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to clone")
    top = tmp_path_factory.mktemp("fresh")
    run(["git", "clone", "--quiet", str(ROOT), str(top / "chitieu")])
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(top / "dist"),
            str(top / "chitieu"),
        ]
    )
    wheel = next((top / "dist").glob("chitieu-*.whl"))
    run([sys.executable, "-m", "venv", str(top / "venv")])
    run(
        [
            str(top / "venv/bin/python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ]
    )
    return top


def env_for(top: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHITIEU_", "DATABASE_", "DJANGO_"))}
    env["CHITIEU_HOME"] = str(top / "home")
    return env


def test_the_wheel_carries_its_templates_static_files_and_translations(installed):
    site = next((installed / "venv/lib").glob("python3*/site-packages"))
    pkg = site / "chitieu"
    assert (pkg / "templates/base.html").is_file()
    assert (pkg / "static/css/chitieu.css").is_file()
    assert (pkg / "locale/vi/LC_MESSAGES/django.mo").is_file()
    assert (pkg / "demo/data/vinh-hung-2025-illustrative.csv").is_file()
    assert not (site / "templates").exists() and not (site / "static").exists()


def test_a_fresh_install_loads_the_demo_quietly_serves_it_and_shows_kinh_mons_figures(installed, tmp_path):
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    chitieu = str(installed / "venv/bin/chitieu")
    env = env_for(installed)
    demo = run([chitieu, "demo"], cwd=empty, env=env)
    assert "created" in demo.stdout and "demo" in demo.stdout  # the summary and the login
    assert "WARNING" not in demo.stdout + demo.stderr and "W040" not in demo.stderr, demo.stderr
    port = free_port()
    server = subprocess.Popen(
        [chitieu, "serve", "--port", str(port), "--workers", "1"],
        cwd=empty,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        css = urllib.request.urlopen(base + "/static/css/chitieu.css", timeout=5)
        assert css.status == 200 and b"{" in css.read()
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_context(locale="vi-VN").new_page()
            page.goto(base + "/login/?next=/units/kinh-mon/%3Fperiod%3D2022-H1")
            page.fill("input[name=username]", "demo")
            page.fill("input[name=password]", "demo")
            page.locator("form.narrow button[type=submit]").click()
            row = page.locator("tr[data-indicator='gtsx']")
            expect(row).to_contain_text("31.167 tỷ đồng")
            expect(row).to_contain_text("51,7%")
            # The page is styled by the package's own CSS (served by WhiteNoise from the wheel).
            assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
            assert page.evaluate("[...document.styleSheets].some(s => s.href && s.href.includes('chitieu'))")
            # The English translation ships too.
            page.goto(base + "/units/kinh-mon/?period=2022-H1", wait_until="load")
            page.context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
            page.reload()
            expect(page.locator("tr[data-indicator='gtsx']")).to_contain_text("51.7%")
            browser.close()
    finally:
        server.terminate()
        out, err = server.communicate(timeout=20)
    assert "serving on" in out
    assert "Traceback" not in err, err
