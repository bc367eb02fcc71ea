"""A task from the conference that sets it to the next conference's report: its owner and deadline,
its dated progress, its closing, its correction, and the task list of a whole subtree."""

import datetime as dt
import io
from decimal import Decimal as D

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from chitieu.audit.models import AuditEntry
from chitieu.meetings import services
from chitieu.meetings.models import Task, TaskUpdate
from chitieu.reporting.services import result_save

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


@pytest.fixture
def task(conf, world):
    return services.task_create(
        text="Đôn đốc thu ngân sách quý III",
        unit=world.district,
        conference=conf,
        owner_text="Phòng Tài chính - Kế hoạch",
        deadline=dt.date(2099, 9, 30),
    )


# -- the task page and its progress form ----------------------------------------------------------


@pytest.mark.parametrize("role", ["office", "admin"])
def test_the_progress_form_is_shown_to_those_who_may_manage_the_unit(login, personas, task, role):
    body = login(personas[role]).get(reverse("meetings:task_detail", args=[task.pk])).content.decode()
    assert 'name="progress-text"' in body and "Ghi nhận tiến độ" in body


@pytest.mark.parametrize("role", ["reporter", "approver", "leader"])
def test_the_progress_form_is_not_shown_to_those_who_may_only_read(login, personas, task, role):
    client = login(personas[role])
    body = client.get(reverse("meetings:task_detail", args=[task.pk])).content.decode()
    assert "Đôn đốc thu ngân sách quý III" in body and 'name="progress-text"' not in body
    resp = client.post(
        reverse("meetings:task_detail", args=[task.pk]),
        {"progress-date": "2023-07-01", "progress-text": "Đã xong", "progress-status": "done"},
    )
    assert resp.status_code == 403
    task.refresh_from_db()
    assert task.status == "not_started" and not task.updates.exists()


def test_an_outsider_does_not_find_the_task(login, personas, task):
    assert login(personas["outsider"]).get(reverse("meetings:task_detail", args=[task.pk])).status_code == 404


def test_the_owner_records_progress_then_closes_the_task_with_the_date(login, personas, task):
    client = login(personas["office"])
    url = reverse("meetings:task_detail", args=[task.pk])
    client.post(
        url,
        {
            "progress-date": "2023-07-10",
            "progress-text": "Đã giao chỉ tiêu",
            "progress-status": "in_progress",
        },
    )
    resp = client.post(
        url, {"progress-date": "2023-09-25", "progress-text": "Thu đạt 102%", "progress-status": "done"}
    )
    assert resp.status_code == 302
    task.refresh_from_db()
    assert (task.status, task.done_on) == ("done", dt.date(2023, 9, 25))
    page = client.get(url).content.decode()
    assert "hoàn thành ngày 25/09/2023" in page and "Thu đạt 102%" in page
    updates = list(task.updates.order_by("date"))
    assert [u.by for u in updates] == [personas["office"]] * 2
    trail = AuditEntry.objects.filter(object_type="meetings.task", object_id=str(task.pk), action="update")
    assert [(e.before["status"], e.after["status"]) for e in trail.order_by("id")] == [
        ("not_started", "in_progress"),
        ("in_progress", "done"),
    ]
    assert trail.order_by("id").last().after["done_on"] == "2023-09-25"


def test_an_earlier_update_fills_the_history_without_moving_the_status_back(task):
    services.task_progress(actor=None, task=task, date=dt.date(2023, 9, 1), text="Xong", status="done")
    services.task_progress(
        actor=None, task=task, date=dt.date(2023, 7, 1), text="Bắt đầu", status="in_progress"
    )
    task.refresh_from_db()
    assert (task.status, task.done_on) == ("done", dt.date(2023, 9, 1))
    services.task_progress(
        actor=None, task=task, date=dt.date(2023, 10, 1), text="Mở lại", status="in_progress"
    )
    task.refresh_from_db()
    assert (task.status, task.done_on) == ("in_progress", None)


def test_progress_dated_in_the_future_is_refused_and_what_was_typed_is_kept(login, personas, task):
    client = login(personas["office"])
    future = TODAY + dt.timedelta(days=3)
    resp = client.post(
        reverse("meetings:task_detail", args=[task.pk]),
        {"progress-date": future.isoformat(), "progress-text": "Sẽ hoàn thành", "progress-status": "done"},
    )
    body = resp.content.decode()
    assert resp.status_code == 400 and "Sẽ hoàn thành" in body and "trong tương lai" in body
    assert not TaskUpdate.objects.exists()


# -- a commitment becomes a task with its owner and deadline --------------------------------------


@pytest.fixture
def question(conf):
    return services.question_add(
        conference=conf,
        question="Bao giờ hoàn thành giải phóng mặt bằng?",
        asked_by=services.person_get_or_create("Vũ Đức"),
        addressed_to=services.person_get_or_create("Trần Bình"),
        answer="Đang kiểm đếm",
        commitment="Hoàn thành giải phóng mặt bằng dự án đường tỉnh 391",
        commitment_deadline=dt.date(2023, 12, 31),
    )


def test_a_commitment_becomes_a_task_carrying_its_owner_and_deadline(login, personas, question):
    client = login(personas["office"])
    page = client.get(reverse("meetings:conference_detail", args=[question.conference_id])).content.decode()
    assert "Giao thành nhiệm vụ" in page and 'value="Trần Bình"' in page and 'value="2023-12-31"' in page
    resp = client.post(reverse("meetings:question_to_task", args=[question.pk]), {})
    task = Task.objects.get()
    assert resp.status_code == 302 and resp["Location"] == reverse("meetings:task_detail", args=[task.pk])
    assert (task.owner.full_name, task.owner_text, task.deadline) == (
        "Trần Bình",
        "Trần Bình",
        dt.date(2023, 12, 31),
    )
    question.refresh_from_db()
    assert question.follow_up == task
    assert AuditEntry.objects.filter(object_type="meetings.task", action="create").count() == 1
    assert AuditEntry.objects.get(object_type="meetings.task").actor == personas["office"]
    body = client.get(resp["Location"]).content.decode()
    assert "Trần Bình" in body and "31/12/2023" in body


def test_the_clerk_may_name_another_owner_and_deadline_for_the_commitment(login, personas, question, world):
    client = login(personas["office"])
    p = f"q{question.pk}-"
    client.post(
        reverse("meetings:question_to_task", args=[question.pk]),
        {p + "unit": "xa-1", p + "owner": "Chủ tịch UBND xã X1", p + "deadline": "2024-03-31"},
    )
    task = Task.objects.get()
    assert (task.unit, task.owner_text, task.deadline) == (
        world.communes[0],
        "Chủ tịch UBND xã X1",
        dt.date(2024, 3, 31),
    )


def test_a_deadline_before_the_conference_is_refused_beside_the_field(login, personas, question):
    client = login(personas["office"])
    p = f"q{question.pk}-"
    resp = client.post(
        reverse("meetings:question_to_task", args=[question.pk]), {p + "deadline": "2023-01-01"}
    )
    body = resp.content.decode()
    assert resp.status_code == 400 and 'value="2023-01-01"' in body and "sớm hơn ngày hội nghị" in body
    assert not Task.objects.exists()


# -- correcting and deleting a task ---------------------------------------------------------------


def test_a_task_is_corrected_with_its_owner_and_deadline(login, personas, task):
    client = login(personas["office"])
    url = reverse("meetings:task_edit", args=[task.pk])
    assert client.get(url).status_code == 200
    resp = client.post(
        url,
        {
            "text": task.text,
            "unit": "huyen-d",
            "owner": "Chi cục Thuế",
            "deadline": "2099-10-31",
            "version": task.version,
        },
    )
    assert resp.status_code == 302
    task.refresh_from_db()
    assert (task.owner_text, task.deadline, task.version) == ("Chi cục Thuế", dt.date(2099, 10, 31), 2)
    entry = AuditEntry.objects.get(object_type="meetings.task", action="update")
    assert (
        entry.before["owner_text"] == "Phòng Tài chính - Kế hoạch"
        and entry.after["owner_text"] == "Chi cục Thuế"
    )


def test_a_task_cannot_be_given_to_a_unit_outside_the_conferences_subtree(task, world):
    with pytest.raises(Exception) as exc:
        services.task_update(actor=None, task=task, text=task.text, unit=world.town)
    assert "unit" in exc.value.message_dict


def test_a_mistaken_task_is_deleted_but_one_with_progress_is_kept(login, personas, task, conf, world):
    client = login(personas["office"])
    mistaken = services.task_create(text="Nhập nhầm", unit=world.district, conference=conf)
    resp = client.post(reverse("meetings:task_delete", args=[mistaken.pk]), {"reason": "Trùng nhiệm vụ"})
    assert resp.status_code == 302 and resp["Location"].endswith("#task")
    assert not Task.objects.filter(pk=mistaken.pk).exists()
    assert AuditEntry.objects.get(action="delete", object_type="meetings.task").reason == "Trùng nhiệm vụ"
    services.task_progress(
        actor=None, task=task, date=dt.date(2023, 7, 1), text="Bắt đầu", status="in_progress"
    )
    resp = client.post(reverse("meetings:task_delete", args=[task.pk]), {"reason": "thử"})
    assert resp.status_code == 400 and "không thể xóa" in resp.content.decode()
    assert Task.objects.filter(pk=task.pk).exists()


def test_a_reporter_cannot_correct_or_delete_a_task(login, personas, task):
    client = login(personas["reporter"])
    assert client.get(reverse("meetings:task_edit", args=[task.pk])).status_code == 403
    assert client.post(reverse("meetings:task_delete", args=[task.pk])).status_code == 403
    assert Task.objects.filter(pk=task.pk).exists()


# -- the next conference's report -----------------------------------------------------------------


def test_the_next_conference_and_its_report_show_what_became_of_the_previous_tasks(
    login, personas, task, conf, world
):
    services.task_progress(
        actor=None, task=task, date=dt.date(2023, 9, 25), text="Thu ngân sách quý III đạt 102%", status="done"
    )
    late = services.task_create(
        text="Hoàn thành quy hoạch chung", unit=world.district, conference=conf, deadline=dt.date(2023, 10, 1)
    )
    nxt = services.conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 12, 20), term=world.term, period="2023",
        resolution=world.resolution,
    )  # fmt: skip
    client = login(personas["leader"])
    page = client.get(reverse("meetings:conference_detail", args=[nxt.pk])).content.decode()
    section = page[page.index('id="previous"') :]
    done, late_item = (
        section[section.index(t) :].split("</li>")[0] for t in (task.text, "Hoàn thành quy hoạch")
    )
    assert "hoàn thành" in done and "25/09/2023" in done and "Thu ngân sách quý III đạt 102%" in done
    assert "quá hạn" in late_item
    result_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        value=D("950"),
        today=dt.date(2024, 1, 20),
    )
    resp = client.get(
        reverse("documents:report_docx", args=["huyen-d"]),
        {"resolution": world.resolution.pk, "period": "2023", "conference": nxt.pk},
    )
    assert resp.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(b"".join(resp.streaming_content))).paragraphs)
    assert "Đôn đốc thu ngân sách quý III" in text and "Thu ngân sách quý III đạt 102%" in text
    line = next(x for x in text.splitlines() if "Đôn đốc thu ngân sách" in x)
    assert "hoàn thành" in line.lower()
    late_line = next(x for x in text.splitlines() if late.text in x)
    assert "quá hạn" in late_line.lower()


# -- the task list of a subtree -------------------------------------------------------------------


@pytest.fixture
def subtree_tasks(world, conf):
    x1, x2 = world.communes[0], world.communes[1]
    commune_conf = services.conference_create(unit=x1, body="executive", date=dt.date(2023, 7, 5))
    make = services.task_create
    tasks = {
        "district": make(text="Việc của huyện", unit=world.district, conference=conf, owner_text="Văn phòng Huyện ủy", deadline=dt.date(2099, 1, 1)),
        "x1_late": make(text="Việc xã X1 quá hạn", unit=x1, conference=commune_conf, owner_text="Chủ tịch UBND xã X1", deadline=dt.date(2023, 8, 1)),
        "x2_open": make(text="Việc xã X2 đang làm", unit=x2, conference=conf, owner_text="Chủ tịch UBND xã X2", deadline=dt.date(2099, 6, 1)),
        "town": make(text="Việc của thị xã", unit=world.town, owner_text="UBND thị xã", deadline=dt.date(2023, 8, 1)),
    }  # fmt: skip
    services.task_progress(
        actor=None, task=tasks["x2_open"], date=dt.date(2023, 8, 1), text="Đã khởi công", status="in_progress"
    )
    done = make(
        text="Việc xã X2 đã xong",
        unit=x2,
        conference=conf,
        owner_text="Chủ tịch UBND xã X2",
        deadline=dt.date(2023, 9, 1),
    )
    services.task_progress(actor=None, task=done, date=dt.date(2023, 8, 20), text="Xong", status="done")
    tasks["x2_done"] = done
    return tasks


TEXTS = (
    "Việc của huyện",
    "Việc xã X1 quá hạn",
    "Việc xã X2 đang làm",
    "Việc xã X2 đã xong",
    "Việc của thị xã",
)


def rows(resp) -> list[str]:
    """The tasks listed, in the order the page lists them."""
    body = resp.content.decode()
    return sorted((t for t in TEXTS if t in body), key=body.index)


def test_a_province_sees_the_tasks_of_its_whole_subtree(vi_client, subtree_tasks):
    resp = vi_client.get(reverse("meetings:task_list", args=["tinh-p"]))
    assert set(rows(resp)) == {
        "Việc của huyện",
        "Việc xã X1 quá hạn",
        "Việc xã X2 đang làm",
        "Việc xã X2 đã xong",
        "Việc của thị xã",
    }
    # overdue first, then in progress, then not started, done last
    body = resp.content.decode()
    assert (
        body.index("Việc xã X1 quá hạn")
        < body.index("Việc xã X2 đang làm")
        < body.index("Việc của huyện")
        < body.index("Việc xã X2 đã xong")
    )
    district = vi_client.get(reverse("meetings:task_list", args=["huyen-d"]))
    assert "Việc của thị xã" not in district.content.decode() and len(rows(district)) == 4


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ({"status": "overdue"}, {"Việc xã X1 quá hạn"}),
        ({"overdue": "on"}, {"Việc xã X1 quá hạn"}),
        ({"status": "open"}, {"Việc của huyện", "Việc xã X1 quá hạn", "Việc xã X2 đang làm"}),
        ({"status": "in_progress"}, {"Việc xã X2 đang làm"}),
        ({"status": "not_started"}, {"Việc của huyện"}),
        ({"status": "done"}, {"Việc xã X2 đã xong"}),
        ({"owner": "Chủ tịch UBND xã X2"}, {"Việc xã X2 đang làm", "Việc xã X2 đã xong"}),
        ({"unit": "xa-1"}, {"Việc xã X1 quá hạn"}),
        ({"owner": "Chủ tịch UBND xã X2", "status": "open"}, {"Việc xã X2 đang làm"}),
    ],
)
def test_the_task_list_filters_by_status_owner_overdue_and_unit(vi_client, subtree_tasks, query, wanted):
    resp = vi_client.get(reverse("meetings:task_list", args=["huyen-d"]), query)
    assert resp.status_code == 200 and set(rows(resp)) == wanted


def test_the_task_list_filters_by_the_conference_that_set_them(vi_client, subtree_tasks):
    conf = subtree_tasks["x1_late"].conference
    resp = vi_client.get(reverse("meetings:task_list", args=["huyen-d"]), {"conference": conf.pk})
    assert set(rows(resp)) == {"Việc xã X1 quá hạn"}


def test_the_task_list_sorts_by_deadline_both_ways(vi_client, subtree_tasks):
    asc = rows(vi_client.get(reverse("meetings:task_list", args=["huyen-d"]), {"sort": "deadline"}))
    desc = rows(vi_client.get(reverse("meetings:task_list", args=["huyen-d"]), {"sort": "-deadline"}))
    by_deadline = sorted((t for k, t in subtree_tasks.items() if k != "town"), key=lambda t: t.deadline)
    assert asc == [t.text for t in by_deadline] and desc == [t.text for t in reversed(by_deadline)]


def test_an_unknown_filter_value_is_refused_beside_the_filter(vi_client, subtree_tasks):
    resp = vi_client.get(
        reverse("meetings:task_list", args=["huyen-d"]), {"owner": "Ai đó", "status": "done"}
    )
    body = resp.content.decode()
    assert resp.status_code == 400 and "Ai đó không phải là một trong các lựa chọn" in body
    assert set(rows(resp)) == {"Việc xã X2 đã xong"}  # the valid filter still applies


def test_the_task_list_costs_the_same_queries_for_more_tasks(vi_client, subtree_tasks, world, conf):
    url = reverse("meetings:task_list", args=["tinh-p"])
    vi_client.get(url)
    with CaptureQueriesContext(connection) as few:
        vi_client.get(url)
    for i in range(15):
        t = services.task_create(
            text=f"Thêm {i}", unit=world.communes[i % 3], conference=conf, owner_text=f"Người {i}"
        )
        services.task_progress(
            actor=None, task=t, date=dt.date(2023, 8, 1), text="Bắt đầu", status="in_progress"
        )
    with CaptureQueriesContext(connection) as many:
        vi_client.get(url)
    assert len(many) == len(few)


def test_the_filtered_task_list_exports_to_a_workbook(vi_client, subtree_tasks):
    resp = vi_client.get(reverse("meetings:task_export", args=["huyen-d"]), {"owner": "Chủ tịch UBND xã X2"})
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(resp.content)).active
    header = [c.value for c in ws[3]]
    assert header[:6] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Người phụ trách", "Thời hạn", "Trạng thái"]
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert [r[1] for r in data] == ["Việc xã X2 đang làm", "Việc xã X2 đã xong"]
    in_progress, done = data
    assert in_progress[5] == "Đang thực hiện" and in_progress[7] == "Đã khởi công"
    assert done[5] == "Đã hoàn thành" and done[6].date() == dt.date(2023, 8, 20)
    assert in_progress[4].date() == dt.date(2099, 6, 1)


def test_text_that_looks_like_a_formula_stays_text_in_the_export(vi_client, world, conf):
    services.task_create(
        text='=HYPERLINK("http://x","bấm")', unit=world.district, conference=conf, owner_text="+1"
    )
    ws = load_workbook(
        io.BytesIO(vi_client.get(reverse("meetings:task_export", args=["huyen-d"])).content)
    ).active
    cell = ws.cell(row=4, column=2)
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"
    assert ws.cell(row=4, column=4).data_type == "s"


def test_the_export_reaches_only_the_users_scope(login, personas, subtree_tasks):
    client = login(personas["reporter"])
    assert client.get(reverse("meetings:task_export", args=["thi-xa-t"])).status_code == 404
    ws = load_workbook(
        io.BytesIO(client.get(reverse("meetings:task_export", args=["huyen-d"])).content)
    ).active
    assert "Việc của thị xã" not in [c.value for c in ws["B"]]
