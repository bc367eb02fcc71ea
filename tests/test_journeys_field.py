"""The field's journeys in a real browser (Debian's Chromium), at phone (390×844) and desktop
(1366×768) width: a commune reporter's month, a leader's overview, every page at 390 px without
sideways scrolling, the chart. Each asserts what the user sees and, after reloading, what was
stored. Screenshots go to artifacts/ (copied to docs/ for the README)."""

from __future__ import annotations

import os
import re
import shutil
from decimal import Decimal as D
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from chitieu.access.services import role_grant
from chitieu.audit.models import AuditEntry
from chitieu.demo.loader import load_demo
from chitieu.lib.periods import PeriodKind
from chitieu.orgs.models import Unit
from chitieu.reporting.calendar import unit_period_choices
from chitieu.reporting.choices import SubmissionStatus
from chitieu.reporting.models import Result, Rollup, Submission
from chitieu.reporting.services import result_save, target_save
from chitieu.testing import make_user

from .browser import ARTIFACTS, launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
WIDTHS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.fixture
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def open_page(browser, live_server, viewport, username, password):
    ctx = browser.new_context(viewport=viewport, locale="vi-VN")
    page = ctx.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form.narrow button[type=submit]").click()
    page.wait_for_url(live_server.url + "/")
    return ctx, page


def no_sideways_scroll(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def shot(page, name: str, *, docs: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000
    if docs:
        shutil.copyfile(path, DOCS / name)


def tap_menu(page, viewport, link: str) -> None:
    """Open a menu entry as the user would: on a phone, through the collapsed menu."""
    nav = page.locator("header.top nav")
    if viewport is PHONE:
        expect(nav).to_be_hidden()
        page.locator("label.menu-button").click()
    expect(nav).to_be_visible()
    nav.get_by_role("link", name=link, exact=True).click()


# --------------------------------------------------------------------------------------------------
# A commune reporter's month
# --------------------------------------------------------------------------------------------------

A, B = "thu-ngan-sach", "lua-dong-xuan"


@WIDTHS
def test_a_commune_reporter_enters_this_month_row_by_row_and_submits(browser, live_server, viewport):
    load_demo()
    commune = Unit.objects.get(code="tn-khanh-hung")  # formed on 1/7/2025, never reported
    reporter = make_user("reporter")
    role_grant(actor=None, user=reporter, unit=commune, role="reporter")
    month = next(p for p in unit_period_choices(commune).open if p.kind is PeriodKind.MONTH)
    ctx, page = open_page(browser, live_server, viewport, "reporter", "pw-reporter")

    # The overview of the reporter's commune, then its page: this month is chosen, with the entry link.
    expect(page.locator("h1")).to_contain_text("Xã Khánh Hưng")
    page.get_by_role("link", name="Kết quả và chỉ tiêu").click()
    expect(page.locator("select[name=period]")).to_have_value(month.code)
    page.get_by_role("link", name="Nhập hoặc sửa kết quả").click()
    expect(page.locator("h1")).to_contain_text(month.label("vi"))

    # Row by row: adding the second indicator keeps the first one's figure.
    page.select_option("select[name=new_indicator]", A)
    page.get_by_role("button", name="Thêm chỉ tiêu").click()
    page.fill(f"input[name={A}-value]", "12,5")
    expect(page.locator(f"select[name={A}-status]")).to_have_value("estimate")  # the month is still open
    page.select_option("select[name=new_indicator]", B)
    page.get_by_role("button", name="Thêm chỉ tiêu").click()
    expect(page.locator(f"input[name={A}-value]")).to_have_value("12,5")
    page.fill(f"input[name={B}-value]", "1,234.5")  # written the English way on a Vietnamese page
    if viewport is PHONE:
        assert no_sideways_scroll(page) <= 390
        shot(page, "entry-phone.png", docs=True)

    # A failed save: the reason beside the row, both figures still typed, nothing stored.
    page.locator("p.save").get_by_role("button", name="Lưu").click()
    expect(page.locator(f"tr[data-indicator={B}] .errorlist")).to_contain_text("1,234.5")
    expect(page.locator(f"input[name={A}-value]")).to_have_value("12,5")
    expect(page.locator(f"input[name={B}-value]")).to_have_value("1,234.5")
    assert not Result.objects.filter(unit=commune).exists()

    # A lost connection: the browser kept the figures and offers them again on return.
    page.fill(f"input[name={B}-value]", "1.234")
    ctx.set_offline(True)
    try:
        page.locator("p.save").get_by_role("button", name="Lưu").click()
        page.wait_for_load_state()
    except PlaywrightError:
        pass  # the navigation fails: no network
    ctx.set_offline(False)
    assert not Result.objects.filter(unit=commune).exists()
    page.goto(f"{live_server.url}/units/{commune.code}/results/{month.code}/")
    offer = page.locator(".draft-offer")
    expect(offer).to_be_visible()
    offer.get_by_role("button", name="Điền lại vào biểu mẫu").click()
    expect(page.locator(f"input[name={A}-value]")).to_have_value("12,5")  # the added rows come back too
    expect(page.locator(f"input[name={B}-value]")).to_have_value("1.234")
    page.locator("p.save").get_by_role("button", name="Lưu").click()

    # Saved: the unit page shows the figures; the stored rows, their audit and the kept draft agree.
    expect(page.locator(".messages")).to_contain_text("2")
    expect(page.locator(f"tr[data-indicator={A}]")).to_contain_text("12,5")
    page.reload()
    expect(page.locator(f"tr[data-indicator={B}]")).to_contain_text("1.234")
    stored = {r.indicator.code: r for r in Result.objects.filter(unit=commune, period=month.code)}
    assert stored[A].value == D("12.5") and stored[B].value == D(1234)
    assert stored[A].status == "estimate" and stored[A].entered_by == reporter
    assert (
        AuditEntry.objects.filter(object_type="reporting.result", actor=reporter, action="create").count()
        == 2
    )
    key = f"chitieu-draft:results/{commune.code}/{month.code}"
    assert page.evaluate(f"localStorage.getItem({key!r})") is None

    # The province sees the roll-up at once (its office, in another browser).
    octx, office = open_page(browser, live_server, viewport, "demo", "demo")
    office.goto(f"{live_server.url}/units/tay-ninh/?period={month.code}")
    expect(office.locator(f"tr[data-indicator={A}] .rollup")).to_contain_text("12,5")
    assert Rollup.objects.get(unit__code="tay-ninh", indicator__code=A, period=month.code).total == D("12.5")
    octx.close()

    # Submitted for approval: the page says so after a reload, and the database agrees.
    page.get_by_role("button", name="Nộp để phê duyệt").click()
    expect(page.locator(".wf")).to_have_text("đã nộp")
    page.reload()
    expect(page.locator(".wf")).to_have_text("đã nộp")
    assert Submission.objects.get(unit=commune, period=month.code).status == SubmissionStatus.SUBMITTED
    if viewport is PHONE:
        assert no_sideways_scroll(page) <= 390
    ctx.close()


# --------------------------------------------------------------------------------------------------
# A leader's overview
# --------------------------------------------------------------------------------------------------


@WIDTHS
def test_a_leader_lands_on_what_is_behind_in_the_subtree(browser, live_server, viewport):
    load_demo()
    # Long An closed on 1/7/2025; its leader cannot see the successor (Tây Ninh), so Long An is
    # shown at its last period with figures. One of Vĩnh Hưng's figures is behind pace.
    vinh_hung = Unit.objects.get(code="vinh-hung")
    target_save(
        actor=None, indicator=_ind("giai-ngan-dtc"), unit=vinh_hung, period="2024", basis="plan", value=D(100)
    )
    result_save(actor=None, indicator=_ind("giai-ngan-dtc"), unit=vinh_hung, period="2024-H1", value=D(20))
    leader = make_user("leader")
    role_grant(actor=None, user=leader, unit=Unit.objects.get(code="long-an"), role="leader")
    ctx, page = open_page(browser, live_server, viewport, "leader", "pw-leader")

    expect(page.locator("h1")).to_contain_text("Long An")
    expect(page.locator("h1")).to_contain_text("6 tháng đầu năm 2024")
    expect(page.locator("main")).to_contain_text("đã chấm dứt hoạt động từ ngày 01/07/2025")
    expect(page.locator("main")).not_to_contain_text("chitieu demo")
    slow = page.locator("#behind")
    expect(slow).to_contain_text("Giải ngân vốn đầu tư công")
    expect(slow).to_contain_text("Huyện Vĩnh Hưng")
    expect(slow).to_contain_text("20,0%")
    expect(page.locator("#reporting")).to_contain_text("Thị xã Kiến Tường")
    expect(page.locator("#overdue")).to_contain_text("Huyện Vĩnh Hưng")
    expect(page.locator("#limitations li").first).to_be_visible()
    if viewport is PHONE:
        assert no_sideways_scroll(page) <= 390
    shot(page, f"overview-{'phone' if viewport is PHONE else 'desktop'}.png", docs=viewport is DESKTOP)

    # Each item is a link: the slow indicator opens the unit page at its row.
    slow.get_by_role("link", name="Giải ngân vốn đầu tư công").click()
    expect(page).to_have_url(re.compile(r"/units/vinh-hung/\?period=2024-H1#ind-giai-ngan-dtc$"))
    row = page.locator("#ind-giai-ngan-dtc")
    expect(row).to_contain_text("20")
    expect(row.locator(".status").first).to_have_text("chậm tiến độ")  # 20% of the year's plan at mid-year
    # An overdue task opens the task.
    page.go_back()
    page.locator("#overdue li a").first.click()
    expect(page).to_have_url(re.compile(r"/tasks/\d+/$"))
    # The tree of units is still reachable from the menu.
    tap_menu(page, viewport, "Đơn vị")
    expect(page.locator("ul.tree")).to_contain_text("Long An")
    ctx.close()


def _ind(code):
    from chitieu.indicators.models import Indicator

    return Indicator.objects.get(code=code)


# --------------------------------------------------------------------------------------------------
# No page scrolls sideways at 390 px
# --------------------------------------------------------------------------------------------------

SKIP = (
    "/logout",
    "/admin/",
    "/i18n/",
    ".docx",
    ".xlsx",
    ".csv",
    "/export",
    "/imports/template/",
    "/api/schema",
)


def test_no_page_reachable_from_the_menu_scrolls_sideways_on_a_phone(browser, live_server):
    """Every page the menu and the demo's links reach, as a logged-in administrator at 390 px: one
    page per address and set of query parameters (a unit page is visited once per unit, not once
    per period), downloads excepted."""
    load_demo()
    ctx, page = open_page(browser, live_server, PHONE, "demo", "demo")
    base = urlparse(live_server.url)
    queue, shapes, visited, wide = ["/"], {"/?"}, 0, []
    while queue:
        url = queue.pop(0)
        resp = page.goto(live_server.url + url, wait_until="domcontentloaded")
        if resp is None or "text/html" not in (resp.headers.get("content-type") or ""):
            continue
        visited += 1
        assert resp.status < 500, url
        found = page.evaluate(
            """() => {
              const width = document.documentElement.scrollWidth, culprits = [];
              if (width > window.innerWidth) {
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.right > window.innerWidth + 1 && culprits.length < 3)
                    culprits.push(el.tagName.toLowerCase() + '.' + el.className + ' → ' + Math.round(r.right) + 'px');
                }
              }
              return {width, culprits, links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))};
            }"""
        )
        if found["width"] > 390:
            wide.append(f"{url}: {found['width']}px ({'; '.join(found['culprits'])})")
        for href in found["links"]:
            u = urlparse(urljoin(live_server.url + url, href))
            path = u.path + (f"?{u.query}" if u.query else "")
            if u.netloc != base.netloc or any(s in path for s in SKIP):
                continue
            shape = u.path + "?" + ",".join(sorted({kv.split("=")[0] for kv in u.query.split("&") if kv}))
            if shape not in shapes:
                shapes.add(shape)
                queue.append(path)
    print(f"crawled {visited} pages at 390 px")  # shown with -s; the figure docs/STATUS.md quotes
    assert visited > 150, f"the crawl reached only {visited} pages"
    assert not wide, "pages wider than 390 px:\n" + "\n".join(wide)
    ctx.close()


# --------------------------------------------------------------------------------------------------
# The chart and the unit page, for the README
# --------------------------------------------------------------------------------------------------


def test_the_chart_and_the_unit_page_are_drawn_in_vietnamese(browser, live_server):
    load_demo()
    kinh_mon = Unit.objects.get(code="kinh-mon")
    gtsx = _ind("gtsx")
    # A few more half-years and years around the demo's 2022-H1, as the town would have reported.
    for code, value in [
        ("2020-H1", 24810),
        ("2021-H1", 26890),
        ("2023-H1", 33420),
        ("2021", 55100),
        ("2022", 61250),
    ]:
        result_save(actor=None, indicator=gtsx, unit=kinh_mon, period=code, value=D(value))
    target_save(actor=None, indicator=gtsx, unit=kinh_mon, period="2021", basis="plan", value=D(54000))
    target_save(actor=None, indicator=gtsx, unit=kinh_mon, period="2022", basis="plan", value=D(60284))
    ctx, page = open_page(browser, live_server, DESKTOP, "demo", "demo")
    page.goto(f"{live_server.url}/indicators/gtsx/?unit=kinh-mon")
    svg = page.locator("svg.history")
    expect(svg.locator("rect.bar")).to_have_count(4)  # the half-years; the years are another series
    expect(svg.locator("rect.prev")).to_have_count(3)
    for attr in ("x", "y", "width", "height"):
        values = svg.locator("rect.bar").evaluate_all(f"els => els.map(e => e.getAttribute('{attr}'))")
        assert all(re.fullmatch(r"-?\d+(\.\d+)?", v) for v in values), (attr, values)
    assert svg.locator("rect.bar").first.bounding_box()["height"] > 10  # drawn, not collapsed
    page.get_by_role("link", name="theo năm").click()
    expect(svg.locator("rect.bar")).to_have_count(2)
    expect(svg.locator("line.target")).to_have_count(2)
    shot(page, "chart.png", docs=True)

    page.goto(f"{live_server.url}/units/kinh-mon/?period=2022-H1")
    expect(page.locator("tr[data-indicator=gtsx] svg.bullet")).to_be_visible()
    shot(page, "unit-page.png", docs=True)
    ctx.close()


def test_the_unit_page_and_the_dashboard_print_without_menus_or_forms(browser, live_server):
    load_demo()
    ctx, page = open_page(browser, live_server, DESKTOP, "demo", "demo")
    page.emulate_media(media="print")
    page.goto(f"{live_server.url}/units/kinh-mon/?period=2022-H1")
    expect(page.locator("header.top")).to_be_hidden()
    expect(page.locator("form").first).to_be_hidden()
    expect(page.locator("p.print-only")).to_have_text("6 tháng đầu năm 2022")
    expect(page.locator("tr[data-indicator=gtsx]")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
    page.goto(f"{live_server.url}/units/vinh-hung/dashboard/?period=2024-H1")
    expect(page.locator("header.top")).to_be_hidden()
    head = page.locator("table.dashboard thead th").first
    assert head.evaluate("e => getComputedStyle(e).position") == "static"  # not stuck over the rows
    assert page.locator(".dash-wrap").evaluate("e => getComputedStyle(e).overflow") == "visible"
    ctx.close()


@WIDTHS
def test_the_unit_picker_suggests_as_one_types_and_the_menu_search_finds_without_diacritics(
    browser, live_server, viewport
):
    load_demo()
    ctx, page = open_page(browser, live_server, viewport, "demo", "demo")
    picker = page.locator("input.unit-picker")
    picker.fill("vinh hung")
    options = page.locator("#id_unit-units option")
    expect(options.first).to_have_attribute("value", re.compile(r"Vĩnh Hưng"))  # htmx refilled the list
    picker.fill("Huyện Vĩnh Hưng (vinh-hung)")
    page.get_by_role("button", name="Xem", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Huyện Vĩnh Hưng")
    # The menu's search, as typed on a phone keyboard without diacritics.
    if viewport is PHONE:
        page.locator("label.menu-button").click()
    page.fill("#menu-search", "vinh hung")
    page.locator("form.search button").click()
    expect(page.locator("ul.hits").first).to_contain_text("Huyện Vĩnh Hưng")
    page.locator("ul.hits a", has_text="Huyện Vĩnh Hưng").click()
    expect(page.locator("h1")).to_contain_text("Huyện Vĩnh Hưng")
    ctx.close()
