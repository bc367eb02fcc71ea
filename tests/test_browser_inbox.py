"""A reviewer reads a commune report into chitieu through the inbox, in a real browser."""

import os

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect, sync_playwright

from chitieu.demo.loader import LoadReport, load_catalogue, load_units
from chitieu.inbox.models import SourceDocument
from chitieu.inbox.tests.texts import KINH_MON_H1_2022

from .browser import ARTIFACTS, launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WANTED = {
    "31.167": "gtsx",
    "1.712": "gtsx-nlts",
    "27.150": "gtsx-cnxd",
    "2.305": "gtsx-dv",
    "905": "thu-ngan-sach",
}


@pytest.fixture
def page(live_server):
    report = LoadReport()
    load_catalogue(report)
    load_units(report)
    get_user_model().objects.create_superuser("reviewer", "", "pw-reviewer")
    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(locale="vi-VN", viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
        browser.close()


def test_a_reviewer_uploads_a_report_accepts_its_figures_and_sees_them_on_kinh_mon(
    page, live_server, tmp_path
):
    report = tmp_path / "bao-cao-kinh-mon.txt"
    report.write_text(KINH_MON_H1_2022, encoding="utf-8")
    page.goto(live_server.url + "/login/?next=/inbox/")
    page.fill("input[name=username]", "reviewer")
    page.fill("input[name=password]", "pw-reviewer")
    page.locator("form.narrow").get_by_role("button", name="Đăng nhập").click()
    page.select_option("select[name=unit]", "kinh-mon")
    page.fill("input[name=period]", "2022-H1")
    page.set_input_files("input[name=file]", str(report))
    page.get_by_role("button", name="Đọc số liệu").click()
    expect(page.locator("section.doctext mark").first).to_be_visible()
    expect(page.locator("section.doctext mark")).to_have_count(
        SourceDocument.objects.get().candidates.count()
    )
    rows = page.locator("tbody.cand")
    for i in range(rows.count()):
        row = rows.nth(i)
        fig = row.locator("strong.fig").inner_text()
        code = next((c for prefix, c in WANTED.items() if fig.startswith(prefix)), None)
        if code is None:
            row.get_by_role("button", name="Bỏ qua").click()
            expect(row.locator(".s-no_target")).to_be_visible()
            continue
        row.locator("select[name$='-indicator']").select_option(code)
        row.get_by_role("button", name="Chấp nhận").click()
        expect(page.locator(f"tbody.cand >> nth={i}").locator(".s-achieved")).to_be_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "inbox-kinh-mon.png"), full_page=True)
    page.goto(live_server.url + "/units/kinh-mon/?period=2022-H1")
    row = page.locator("tr[data-indicator='gtsx']")
    expect(row).to_contain_text("31.167 tỷ đồng")
    expect(row.locator(".pct").first).to_have_text("51,7%")
    expect(page.locator("tr[data-indicator='thu-ngan-sach']")).to_contain_text("905,653 tỷ đồng")
