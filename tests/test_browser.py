"""A real browser walks the demo as a user would."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

from chitieu.demo.loader import load_demo

from .browser import ARTIFACTS, launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop


@pytest.fixture
def page(live_server):
    load_demo()
    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(live_server.url + "/login/")
        page.fill("input[name=username]", "demo")
        page.fill("input[name=password]", "demo")
        page.locator("form.narrow button[type=submit]").click()
        page.wait_for_url(live_server.url + "/")
        yield page
        context.close()
        browser.close()


def test_a_user_finds_kinh_mons_production_value_at_51_7_percent_of_plan(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Hải Dương").click()
    page.get_by_role("link", name="Thị xã Kinh Môn").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kinh Môn")
    row = page.locator("tr[data-indicator='gtsx']")
    expect(row).to_contain_text("31.167 tỷ đồng")
    expect(row.locator(".pct").first).to_have_text("51,7%")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kinh-mon.png"), full_page=True)
    assert (ARTIFACTS / "kinh-mon.png").stat().st_size > 10_000


def test_switching_to_english_rewrites_the_numbers(page, live_server):
    page.goto(live_server.url + "/units/kinh-mon/?period=2022-H1")
    page.get_by_role("button", name="English").click()
    row = page.locator("tr[data-indicator='gtsx']")
    expect(row).to_contain_text("31,167")
    expect(row.locator(".pct").first).to_have_text("51.7%")


def test_choosing_another_period_updates_the_table_in_place(page, live_server):
    page.goto(live_server.url + "/units/vinh-hung/")
    expect(page.locator("#progress")).to_contain_text("8/9")
    expect(page.locator("tr[data-indicator='ntm-so-xa']")).to_contain_text("8/9")
