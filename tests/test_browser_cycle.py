"""The conference cycle in a real browser, on a phone (390×844) and on a desktop (1366×768):

- a clerk prepares a conference (its ordinal proposed), records attendance, agenda, documents,
  questioning with a commitment turned into a task, a vote, a limitation, a conclusion task and the
  minutes, corrects and deletes mistaken entries, and finds each change in the history of changes;
- a task owner finds the task in the province's list, records progress and closes it, and the next
  conference (and its report) shows what became of it; the filtered list exports to .xlsx;
- htmx answers with an error (a refusal, a wrong value, a lost connection) are shown in place.

Each asserts what the user sees and, after reloading, what was stored.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from decimal import Decimal as D

import docx
import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from playwright.sync_api import expect, sync_playwright

from chitieu.access.services import role_grant
from chitieu.audit.models import AuditEntry
from chitieu.meetings import services as meetings
from chitieu.meetings.models import Conference, Task
from chitieu.reporting.services import result_save
from chitieu.testing import make_world

from .browser import ARTIFACTS, launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}


@pytest.fixture(params=list(VIEWPORTS))
def screen(request):
    return request.param


@pytest.fixture
def world(db):
    return make_world()


def make_person(world, username: str, role: str, unit=None):
    user = get_user_model().objects.create_user(username, "", "pw-" + username)
    role_grant(actor=None, user=user, unit=unit or world.district, role=role)
    return user


@pytest.fixture
def browser_page(live_server, screen):
    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(locale="vi-VN", viewport=VIEWPORTS[screen], accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
        browser.close()


def login(page, live_server, username: str, next_url: str) -> None:
    page.goto(f"{live_server.url}/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw-" + username)
    page.locator("form.narrow button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}{next_url}")


def open_form(page, section: str):
    """The add form of a section of the conference page, opened (it sits in a <details>)."""
    details = page.locator(f"section#{section} > details")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator("form")


# -- the clerk's conference -----------------------------------------------------------------------


def test_a_clerk_runs_a_conference_from_preparation_to_corrections(browser_page, live_server, world, screen):
    page = browser_page
    make_person(world, "van-phong", "office")
    meetings.conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 3, 10), term=world.term, ordinal=3
    )
    login(page, live_server, "van-phong", "/units/huyen-d/conferences/")

    # prepare: the ordinal proposed for the body and term, following the body chosen
    ordinal = page.locator("input[name=ordinal]")
    expect(ordinal).to_have_value("4")
    page.select_option("select[name=body]", "standing")
    expect(page.locator("input[name=ordinal]")).to_have_value("1")
    page.select_option("select[name=body]", "executive")
    expect(page.locator("input[name=ordinal]")).to_have_value("4")
    page.fill("input[name=date]", "2023-06-22")
    page.fill("input[name=place]", "Hội trường Huyện ủy")
    page.fill("input[name=period]", "2023-H1")
    page.select_option("select[name=resolution]", str(world.resolution.pk))
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("lần thứ 4")
    conf = Conference.objects.get(ordinal=4)
    assert page.url.startswith(f"{live_server.url}/conferences/{conf.pk}/")

    # attendance: a title taken after the conference is refused beside the field, the name kept
    form = open_form(page, "attendance")
    form.locator("input[name=attendance-person]").fill("Nguyễn Văn An")
    form.locator("select[name=attendance-role]").select_option("chair")
    form.locator("input[name=attendance-title]").fill("Bí thư Huyện ủy")
    form.locator("input[name=attendance-title_since]").fill("2024-01-05")
    form.get_by_role("button", name="Thêm").click()
    form = page.locator("section#attendance form")
    expect(form.locator("label.has-error")).to_contain_text("sau ngày hội nghị")
    expect(form.locator("input[name=attendance-person]")).to_have_value("Nguyễn Văn An")
    form.locator("input[name=attendance-title_since]").fill("2020-10-15")
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("section#attendance tbody")).to_contain_text("Nguyễn Văn An")

    # agenda, reordered
    for text in ("Thảo luận báo cáo 6 tháng", "Khai mạc hội nghị"):
        form = open_form(page, "agenda")
        form.locator("input[name=agenda-text]").fill(text)
        form.get_by_role("button", name="Thêm").click()
    page.locator("section#agenda li", has_text="Khai mạc hội nghị").get_by_role("button", name="lên").click()
    expect(page.locator("section#agenda ol li").first).to_contain_text("Khai mạc hội nghị")

    # a document presented
    form = open_form(page, "document")
    form.locator("input[name=document-title]").fill("Báo cáo số 45-BC/HU")
    form.locator("input[name=document-presenter]").fill("Lê Văn C")
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("section#document")).to_contain_text("Báo cáo số 45-BC/HU — Lê Văn C")

    # questioning: the commitment becomes a task with its owner and deadline
    form = open_form(page, "question")
    form.locator("input[name=question-asked_by]").fill("Vũ Đức")
    form.locator("input[name=question-addressed_to]").fill("Trần Bình")
    form.locator("textarea[name=question-question]").fill(
        "Bao giờ hoàn thành giải phóng mặt bằng đường tỉnh 391?"
    )
    form.locator("textarea[name=question-answer]").fill("Đang kiểm đếm, áp giá.")
    form.locator("textarea[name=question-commitment]").fill("Hoàn thành giải phóng mặt bằng đường tỉnh 391")
    form.locator("input[name=question-commitment_deadline]").fill("2023-12-31")
    form.get_by_role("button", name="Thêm").click()
    qa = page.locator("section#question .qa").first
    expect(qa).to_contain_text("hạn 31/12/2023")
    qa.locator("summary", has_text="Giao thành nhiệm vụ").click()
    expect(qa.locator("input[name$='-owner']")).to_have_value("Trần Bình")
    expect(qa.locator("input[name$='-deadline']")).to_have_value("2023-12-31")
    qa.get_by_role("button", name="Giao nhiệm vụ").click()
    expect(page.locator("dl.task-facts")).to_contain_text("Trần Bình")
    expect(page.locator("dl.task-facts")).to_contain_text("31/12/2023")
    page.goto(f"{live_server.url}/conferences/{conf.pk}/")

    # a vote: a tally larger than those present is refused beside the field, the figures kept
    form = open_form(page, "vote")
    form.locator("textarea[name=vote-matter]").fill("Thông qua báo cáo 6 tháng")
    form.locator("input[name=vote-present]").fill("41")
    form.locator("input[name=vote-votes_for]").fill("42")
    form.get_by_role("button", name="Thêm").click()
    form = page.locator("section#vote form")
    expect(form.locator("label.has-error")).to_contain_text(
        "Tổng số phiếu là 42 nhưng chỉ có 41 thành viên có mặt"
    )
    expect(form.locator("textarea[name=vote-matter]")).to_have_value("Thông qua báo cáo 6 tháng")
    form.locator("input[name=vote-votes_for]").fill("40")
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("section#vote")).to_contain_text("thông qua")

    # a limitation tied to an indicator, and a conclusion task
    form = open_form(page, "limitation")
    form.locator("textarea[name=limitation-text]").fill("Thu ngân sách chưa đạt tiến độ")
    form.locator("select[name=limitation-indicators]").select_option(["thu-ns"])
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("section#limitation")).to_contain_text("Thu ngân sách chưa đạt tiến độ")
    form = open_form(page, "task")
    form.locator("textarea[name=task-text]").fill("Tập trung thu ngân sách 6 tháng cuối năm")
    form.locator("input[name=task-owner]").fill("Phòng Tài chính - Kế hoạch")
    form.locator("input[name=task-deadline]").fill("2023-12-31")
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("section#task tbody")).to_contain_text("Phòng Tài chính - Kế hoạch")

    # the minutes
    page.locator("section#minutes").get_by_role("link", name="Ghi hoặc sửa biên bản").click()
    page.fill("input[name=opened_at]", "07:30")
    page.fill("input[name=closed_at]", "11:15")
    page.fill("input[name=secretary]", "Phạm Thị Dung")
    page.fill("input[name=members_total]", "41")
    page.fill("input[name=members_present]", "45")
    page.fill("textarea[name=minutes]", "Đồng chí Bí thư Huyện ủy khai mạc hội nghị.")
    page.get_by_role("button", name="Lưu biên bản").click()
    expect(page.locator("label.has-error")).to_contain_text("nhiều hơn tổng số ủy viên")
    expect(page.locator("textarea[name=minutes]")).to_have_value(
        "Đồng chí Bí thư Huyện ủy khai mạc hội nghị."
    )
    page.fill("input[name=members_present]", "39")
    page.fill("textarea[name=conclusion]", "Thống nhất các nhiệm vụ trọng tâm 6 tháng cuối năm.")
    page.get_by_role("button", name="Lưu biên bản").click()
    expect(page.locator("section#minutes")).to_contain_text("39/41")
    expect(page.locator("section#minutes")).to_contain_text("Phạm Thị Dung")

    # correct a mistaken agenda item, delete a mistaken vote
    page.locator("section#agenda li", has_text="Thảo luận báo cáo").get_by_role(
        "link", name="Sửa hoặc xóa"
    ).click()
    page.fill("input[name=text]", "Thảo luận báo cáo kết quả 6 tháng đầu năm 2023")
    page.get_by_role("button", name="Lưu sửa đổi").click()
    expect(page.locator("section#agenda")).to_contain_text("Thảo luận báo cáo kết quả 6 tháng đầu năm 2023")
    page.locator("section#vote .vote").first.get_by_role("link", name="Sửa hoặc xóa").click()
    page.fill("input[name=reason]", "Nhập nhầm hội nghị")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Xóa").click()
    expect(page.locator(".messages")).to_contain_text("Đã xóa biểu quyết")
    expect(page.locator("section#vote")).to_contain_text("Chưa ghi nhận biểu quyết")

    # after reloading, everything is as stored
    page.reload()
    expect(page.locator("section#attendance")).to_contain_text("Bí thư Huyện ủy")
    expect(page.locator("section#agenda ol li")).to_have_count(2)
    expect(page.locator("section#minutes")).to_contain_text("07:30 – 11:15")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"conference-{screen}.png"), full_page=True)
    conf.refresh_from_db()
    assert (conf.ordinal, conf.members_present, conf.members_total) == (4, 39, 41)
    assert [a.text for a in conf.agenda.all()] == [
        "Khai mạc hội nghị",
        "Thảo luận báo cáo kết quả 6 tháng đầu năm 2023",
    ]
    assert not conf.votes.exists() and conf.limitations.get().indicators.get().code == "thu-ns"
    follow = conf.questions.get().follow_up
    assert (follow.owner_text, follow.deadline) == ("Trần Bình", dt.date(2023, 12, 31))
    assert conf.tasks.count() == 2

    # the history of changes tells it in words
    page.goto(f"{live_server.url}/audit/?unit=huyen-d")
    trail = page.locator("table.audit tbody")
    deleted = trail.locator("tr", has_text="Nhập nhầm hội nghị")
    expect(deleted).to_contain_text("xóa")
    expect(deleted).to_contain_text("Biểu quyết")
    corrected = trail.locator("tr", has_text="Thảo luận báo cáo kết quả 6 tháng đầu năm 2023").first
    expect(corrected).to_contain_text("sửa")
    expect(corrected.locator("del")).to_have_text("Thảo luận báo cáo 6 tháng")
    entry = AuditEntry.objects.get(object_type="meetings.vote", action="delete")
    assert entry.before["votes_for"] == 40 and entry.reason == "Nhập nhầm hội nghị"


# -- the task owner's task ------------------------------------------------------------------------


@pytest.fixture
def cycle(world):
    conf = meetings.conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 6, 22), term=world.term,
        period="2023-H1", resolution=world.resolution,
    )  # fmt: skip
    nxt = meetings.conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 12, 20), term=world.term,
        period="2023", resolution=world.resolution,
    )  # fmt: skip
    task = meetings.task_create(
        text="Đôn đốc thu ngân sách quý III", unit=world.district, conference=conf,
        owner_text="Phòng Tài chính - Kế hoạch", deadline=dt.date(2023, 9, 30),
    )  # fmt: skip
    commune = meetings.task_create(
        text="Hoàn thành tiêu chí giao thông xã X1", unit=world.communes[0], conference=conf,
        owner_text="Chủ tịch UBND xã X1", deadline=dt.date(2099, 6, 30),
    )  # fmt: skip
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", value=D("950"),
        today=dt.date(2024, 1, 20),
    )  # fmt: skip
    return {"conf": conf, "next": nxt, "task": task, "commune": commune}


def test_a_task_owner_records_progress_closes_the_task_and_the_next_conference_shows_it(
    browser_page, live_server, world, cycle, screen
):
    page = browser_page
    make_person(world, "tai-chinh", "office", unit=world.province)
    login(page, live_server, "tai-chinh", "/units/tinh-p/tasks/")

    # the province sees its subtree's tasks, and filters the overdue ones
    table = page.locator("table.tasks tbody")
    expect(table).to_contain_text("Đôn đốc thu ngân sách quý III")
    expect(table).to_contain_text("Hoàn thành tiêu chí giao thông xã X1")
    page.check("input[name=overdue]")
    expect(page.locator("#task-count")).to_contain_text("1 nhiệm vụ")
    expect(table).not_to_contain_text("xã X1")
    page.uncheck("input[name=overdue]")
    page.select_option("select[name=owner]", "Chủ tịch UBND xã X1")
    expect(page.locator("table.tasks tbody tr")).to_have_count(1)
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất danh sách nhiệm vụ (.xlsx)").click()
    ws = load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active
    assert [c.value for c in ws["B"]][3:] == ["Hoàn thành tiêu chí giao thông xã X1"]
    page.goto(f"{live_server.url}/units/tinh-p/tasks/?sort=deadline")

    # progress: a date in the future is refused beside the field, what was typed kept
    page.get_by_role("link", name="Đôn đốc thu ngân sách quý III").click()
    expect(page.locator("#task-status")).to_have_text("quá hạn")
    future = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    page.fill("input[name=progress-date]", future)
    page.fill("textarea[name=progress-text]", "Đã giao chỉ tiêu thu cho các xã")
    page.select_option("select[name=progress-status]", "in_progress")
    page.get_by_role("button", name="Ghi nhận tiến độ").click()
    expect(page.locator("label.has-error")).to_contain_text("trong tương lai")
    expect(page.locator("textarea[name=progress-text]")).to_have_value("Đã giao chỉ tiêu thu cho các xã")
    page.fill("input[name=progress-date]", "2023-07-10")
    page.get_by_role("button", name="Ghi nhận tiến độ").click()
    expect(page.locator("#task-status")).to_have_text("quá hạn")
    expect(page.locator("#progress-list")).to_contain_text("10/07/2023 — Đã giao chỉ tiêu thu cho các xã")

    # closing: done, with its date
    page.fill("input[name=progress-date]", "2023-09-28")
    page.fill("textarea[name=progress-text]", "Thu ngân sách quý III đạt 102% kế hoạch")
    page.select_option("select[name=progress-status]", "done")
    page.get_by_role("button", name="Ghi nhận tiến độ").click()
    expect(page.locator("#task-status")).to_have_text("đã hoàn thành")
    expect(page.locator("dl.task-facts")).to_contain_text("hoàn thành ngày 28/09/2023")
    page.reload()
    expect(page.locator("#progress-list li")).to_have_count(2)
    task = Task.objects.get(pk=cycle["task"].pk)
    assert (task.status, task.done_on) == ("done", dt.date(2023, 9, 28))
    assert [u.text for u in task.updates.order_by("date")] == [
        "Đã giao chỉ tiêu thu cho các xã",
        "Thu ngân sách quý III đạt 102% kế hoạch",
    ]

    # the next conference shows what became of the task, and so does its report
    page.goto(f"{live_server.url}/conferences/{cycle['next'].pk}/")
    previous = page.locator("section#previous")
    expect(previous.locator("li", has_text="Đôn đốc thu ngân sách quý III")).to_contain_text("đã hoàn thành")
    expect(previous.locator("li", has_text="Đôn đốc thu ngân sách quý III")).to_contain_text("28/09/2023")
    with page.expect_download() as download:
        page.get_by_role("link", name="Dự thảo báo cáo (.docx)").click()
    text = "\n".join(p.text for p in docx.Document(download.value.path()).paragraphs)
    line = next(x for x in text.splitlines() if "Đôn đốc thu ngân sách quý III" in x)
    assert "Đã hoàn thành" in line and "102%" in line
    page.screenshot(path=str(ARTIFACTS / f"task-cycle-{screen}.png"), full_page=True)


def test_a_reader_sees_the_task_but_no_form_to_change_it(browser_page, live_server, world, cycle):
    page = browser_page
    make_person(world, "lanh-dao", "leader")
    login(page, live_server, "lanh-dao", f"/tasks/{cycle['task'].pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đôn đốc thu ngân sách quý III")
    expect(page.locator("textarea[name=progress-text]")).to_have_count(0)
    expect(page.get_by_role("link", name="Sửa hoặc xóa")).to_have_count(0)


# -- htmx errors shown in place -------------------------------------------------------------------


@pytest.fixture
def inbox_doc(world):
    from chitieu.inbox.services import document_ingest

    text = "Thu ngân sách 6 tháng đầu năm 2023 đạt 905,653 tỷ đồng, bằng 59,9% dự toán."
    return document_ingest(actor=None, unit=world.district, period="2023-H1", text=text)


def test_a_refusal_of_an_htmx_action_is_shown_in_place(browser_page, live_server, world, inbox_doc):
    page = browser_page
    make_person(world, "chi-xem", "leader")
    login(page, live_server, "chi-xem", f"/inbox/{inbox_doc.pk}/")
    row = page.locator("tbody.cand").first
    row.get_by_role("button", name="Bỏ qua").click()
    alert = row.locator(".htmx-error")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Vai trò của bạn không cho phép nhập hoặc nhập khẩu kết quả")
    page.reload()
    assert inbox_doc.candidates.filter(decision="pending").count() == inbox_doc.candidates.count()


def test_a_wrong_value_and_a_lost_connection_are_shown_in_place(browser_page, live_server, world, inbox_doc):
    page = browser_page
    make_person(world, "bao-cao", "reporter")
    login(page, live_server, "bao-cao", f"/inbox/{inbox_doc.pk}/")
    row = page.locator("tbody.cand").first
    row.locator("select[name$='-indicator']").select_option("thu-ns")
    row.locator("input[name$='-value']").fill("chín trăm")
    row.get_by_role("button", name="Chấp nhận").click()  # not a number: refused, the row says why
    errors = page.locator("tbody.cand").first.locator(".errorlist")
    expect(errors).to_contain_text("“chín trăm” không phải là số")
    page.route("**/inbox/figures/**", lambda route: route.abort())
    page.locator("tbody.cand").first.get_by_role("button", name="Bỏ qua").click()
    expect(page.locator("tbody.cand").first.locator(".htmx-error")).to_contain_text(
        "Không kết nối được máy chủ"
    )
    page.unroute("**/inbox/figures/**")
    page.reload()
    assert not inbox_doc.candidates.exclude(decision="pending").exists()
