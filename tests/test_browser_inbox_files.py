"""A reviewer reads a Word appendix and a scanned report into chitieu, in a real browser: table
figures show the cell they came from, scanned figures their OCR confidence beside the page image,
and an accepted figure is stored."""

import os

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect, sync_playwright

from chitieu.demo.loader import LoadReport, load_catalogue, load_units
from chitieu.extraction.ocr import missing_packages
from chitieu.extraction.tests import docx_tables
from chitieu.extraction.tests.scans import scanned_pdf

from .browser import ARTIFACTS, launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
SCAN_TEXT = (
    "Báo cáo kết quả 6 tháng đầu năm 2024 của thị xã Kinh Môn.\n"
    "Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ."
)


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
        page.set_default_timeout(30000)
        page.goto(live_server.url + "/login/?next=/inbox/")
        page.fill("input[name=username]", "reviewer")
        page.fill("input[name=password]", "pw-reviewer")
        page.locator("form.narrow").get_by_role("button", name="Đăng nhập").click()
        yield page
        context.close()
        browser.close()


def _upload(page, path):
    page.select_option("select[name=unit]", "kinh-mon")
    page.fill("input[name=period]", "2024-H1")
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="Đọc số liệu").click()


def test_a_word_table_and_a_scan_go_through_the_inbox(page, live_server, tmp_path):
    missing = missing_packages()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"OCR is required under CI: install {missing}")
        pytest.skip(f"OCR not installed: apt-get install {missing}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    # a Word appendix: the table's figures say their cell
    _upload(page, docx_tables.appendix(tmp_path / "bieu-chi-tieu.docx"))
    expect(page.locator("p.reading")).to_contain_text("tài liệu Word")
    row = page.locator("tbody.cand", has_text="Thu ngân sách nhà nước trên địa bàn")
    expect(row.locator(".cell")).to_have_text("bảng 1, dòng 9, cột 5 (Ước thực hiện 6 tháng)")
    expect(row.locator(".basis.target")).to_contain_text("Kế hoạch năm 2024")
    row.locator("select[name$='-indicator']").select_option("thu-ngan-sach")
    row.get_by_role("button", name="Chấp nhận").click()
    expect(
        page.locator("tbody.cand", has_text="Thu ngân sách nhà nước trên địa bàn").locator(".s-achieved")
    ).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "inbox-docx-table.png"), full_page=True)

    # a scanned, signed report: OCR with its confidence, the page image beside the text
    pdf = tmp_path / "bao-cao-scan.pdf"
    pdf.write_bytes(scanned_pdf(SCAN_TEXT, angle=1.1, seed=11))
    page.goto(live_server.url + "/inbox/")
    _upload(page, pdf)
    expect(page.locator("p.reading")).to_contain_text("PDF bản quét")
    expect(page.locator("p.reading .ocr")).to_contain_text("Độ tin cậy OCR")
    expect(page.locator("section.scan img")).to_have_count(1)
    assert page.locator("section.scan img").evaluate("img => img.complete && img.naturalWidth > 0")
    row = page.locator("tbody.cand", has=page.locator("strong.fig", has_text="31.167"))
    expect(row.locator(".ocr")).to_contain_text("Độ tin cậy OCR")
    row.locator("select[name$='-indicator']").select_option("gtsx")
    row.get_by_role("button", name="Chấp nhận").click()
    expect(
        page.locator("tbody.cand", has=page.locator("strong.fig", has_text="31.167")).locator(".s-achieved")
    ).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "inbox-scan.png"), full_page=True)

    # both are stored results of the unit's half-year
    page.goto(live_server.url + "/units/kinh-mon/?period=2024-H1")
    expect(page.locator("tr[data-indicator='thu-ngan-sach']")).to_contain_text("40,7 tỷ đồng")
    expect(page.locator("tr[data-indicator='gtsx']")).to_contain_text("31.167 tỷ đồng")
