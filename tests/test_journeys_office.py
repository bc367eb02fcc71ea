"""Two journeys of the office in a real browser, at phone (390×844) and desktop (1366×768) width: an
approver approves a commune's submitted figures and reopens them with a reason; an office user finds
the Excel import in the menu, downloads the template of a district's communes, fills one figure and
imports it. Each asserts what the user sees and, after reloading, what was stored."""

from __future__ import annotations

import io
import os
from decimal import Decimal as D

import openpyxl
import pytest
from django.utils import translation
from playwright.sync_api import expect, sync_playwright

from chitieu.access.services import role_grant
from chitieu.audit.models import AuditEntry
from chitieu.demo.loader import load_demo
from chitieu.imports.layout import HEADER_ROW, RESULTS_SHEET
from chitieu.orgs.models import Unit
from chitieu.reporting.choices import SubmissionStatus
from chitieu.reporting.models import Result, Submission
from chitieu.reporting.workflow import submission_submit
from chitieu.testing import make_user

from .browser import launch
from .test_journeys_field import PHONE, WIDTHS, no_sideways_scroll, open_page, tap_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

PERIOD = "2024-H1"


@pytest.fixture
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def _label(status: SubmissionStatus) -> str:
    with translation.override("vi"):
        return str(status.label)


@WIDTHS
def test_an_approver_approves_a_communes_figures_and_reopens_them_with_a_reason(
    browser, live_server, viewport
):
    load_demo()
    commune = Unit.objects.get(code="vh-tuyen-binh-tay")
    assert Result.objects.filter(unit=commune, period=PERIOD).exists()
    reporter, approver = make_user("reporter"), make_user("approver")
    role_grant(actor=None, user=reporter, unit=commune, role="reporter")
    role_grant(actor=None, user=approver, unit=Unit.objects.get(code="vinh-hung"), role="approver")
    submission_submit(actor=reporter, unit=commune, period=PERIOD)
    ctx, page = open_page(browser, live_server, viewport, "approver", "pw-approver")

    page.goto(f"{live_server.url}/units/{commune.code}/?period={PERIOD}")
    expect(page.locator(".wf")).to_have_text(_label(SubmissionStatus.SUBMITTED))
    page.locator("button[value=approve]").click()
    expect(page.locator(".wf")).to_have_text(_label(SubmissionStatus.APPROVED))
    page.reload()
    expect(page.locator(".wf")).to_have_text(_label(SubmissionStatus.APPROVED))
    assert Submission.objects.get(unit=commune, period=PERIOD).status == SubmissionStatus.APPROVED

    # Reopening needs a reason: the browser asks for it before anything is sent.
    page.locator("button[value=reopen]").click()
    assert Submission.objects.get(unit=commune, period=PERIOD).status == SubmissionStatus.APPROVED
    page.fill("input[name=reason]", "Xã báo cáo lại số xã đạt chuẩn")
    page.locator("button[value=reopen]").click()
    expect(page.locator(".wf")).to_have_text(_label(SubmissionStatus.REOPENED))
    page.reload()
    expect(page.locator(".wf")).to_have_text(_label(SubmissionStatus.REOPENED))
    assert Submission.objects.get(unit=commune, period=PERIOD).status == SubmissionStatus.REOPENED
    reopened = AuditEntry.objects.filter(actor=approver, reason="Xã báo cáo lại số xã đạt chuẩn")
    assert reopened.exists()
    if viewport is PHONE:
        assert no_sideways_scroll(page) <= 390
    ctx.close()


@WIDTHS
def test_an_office_user_imports_a_workbook_for_a_districts_communes_found_from_the_menu(
    browser, live_server, viewport, settings, tmp_path
):
    settings.CHITIEU_IMPORTS_SYNC = True  # the job runs at once instead of in `chitieu worker`
    load_demo()
    commune = Unit.objects.get(code="vh-tuyen-binh")
    assert not Result.objects.filter(unit=commune, indicator__code="bhyt", period=PERIOD).exists()
    ctx, page = open_page(browser, live_server, viewport, "demo", "demo")

    tap_menu(page, viewport, "Nhập từ Excel")
    template_form = page.locator("form[action$='/imports/template/']")
    template_form.locator("input.unit-picker").fill("Huyện Vĩnh Hưng (vinh-hung)")
    template_form.locator("input[name=period]").fill("6 tháng đầu năm 2024")  # as the pages print it
    template_form.locator("input[name=below]").check()
    if viewport is PHONE:
        assert no_sideways_scroll(page) <= 390
    with page.expect_download() as download:
        template_form.locator("button[type=submit]").click()
    path = tmp_path / "mau.xlsx"
    download.value.save_as(path)

    # The clerk fills Xã Tuyên Bình's health-insurance coverage, the Vietnamese way.
    wb = openpyxl.load_workbook(path)
    ws = wb[RESULTS_SHEET]
    row = next(
        r
        for r in range(HEADER_ROW + 1, ws.max_row + 1)
        if ws[f"A{r}"].value == commune.code and ws[f"C{r}"].value == "bhyt"
    )
    assert ws[f"F{row}"].value == PERIOD
    ws[f"G{row}"] = "92,5"
    filled = io.BytesIO()
    wb.save(filled)
    (tmp_path / "da-dien.xlsx").write_bytes(filled.getvalue())

    page.set_input_files("input[type=file]", str(tmp_path / "da-dien.xlsx"))
    page.locator("form.upload button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("da-dien.xlsx")
    stored = Result.objects.get(unit=commune, indicator__code="bhyt", period=PERIOD)
    assert stored.value == D("92.5")

    # The commune's page shows the imported figure, after a reload too.
    page.goto(f"{live_server.url}/units/{commune.code}/?period={PERIOD}")
    expect(page.locator("tr[data-indicator=bhyt]")).to_contain_text("92,5")
    page.reload()
    expect(page.locator("tr[data-indicator=bhyt]")).to_contain_text("92,5")
    ctx.close()
