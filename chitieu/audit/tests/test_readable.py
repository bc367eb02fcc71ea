"""The history of changes reads as a clerk would say it: the action in Vietnamese, the object by its
indicator, unit and period, each changed field before → after with numbers written the Vietnamese
way, the reason; filtered by unit subtree, indicator, person, date and action; the demo's own load
kept apart from people's changes."""

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from chitieu.access.services import role_grant
from chitieu.audit.context import demo_load
from chitieu.audit.models import AuditEntry
from chitieu.meetings import services as meetings
from chitieu.reporting.services import result_save, target_save
from chitieu.reporting.workflow import submission_approve, submission_reopen, submission_submit
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def rows_of(body: str) -> list[str]:
    """The text of each row of the trail's table, tags stripped, whitespace collapsed."""
    table = body[body.index('<table class="list audit">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr data-entry=.*?</tr>", table, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", r).split()).replace(" :", ":") for r in rows]


def figure_rows(body: str) -> list[str]:
    """The rows of the trail about figures and other records, leaving out the role grants."""
    return [r for r in rows_of(body) if "cấp quyền" not in r and "granted a role" not in r]


@pytest.fixture
def clerk_d(world):
    user = make_user("nguyen-thi-lan")
    user.first_name, user.last_name = "Lan", "Nguyễn Thị"
    user.save()
    role_grant(actor=None, user=user, unit=world.district, role="office")
    role_grant(actor=None, user=user, unit=world.district, role="reporter")
    role_grant(actor=None, user=user, unit=world.district, role="approver")
    return user


def test_a_changed_figure_reads_as_indicator_unit_period_and_vietnamese_numbers(vi_client, world, clerk_d):
    result_save(
        actor=clerk_d,
        indicator=world.revenue,
        unit=world.district,
        period="2023-H1",
        value=D("31167"),
        today=TODAY,
    )
    result_save(
        actor=clerk_d, indicator=world.revenue, unit=world.district, period="2023-H1", value=D("905.653"),
        today=TODAY, reason="Sửa theo báo cáo của Chi cục Thuế",
    )  # fmt: skip
    body = vi_client.get(reverse("audit:list")).content.decode()
    changed, created = figure_rows(body)
    assert "sửa" in changed and "Thu ngân sách · Huyện D · 6 tháng đầu năm 2023" in changed
    assert "31.167 tỷ đồng → 905,653 tỷ đồng" in changed
    assert "Sửa theo báo cáo của Chi cục Thuế" in changed and "Nguyễn Thị Lan" in changed
    assert "Giá trị: 31.167 tỷ đồng → 905,653 tỷ đồng" in changed
    assert "tạo" in created and "31.167 tỷ đồng" in created
    assert "reporting.result" not in body and "{'value'" not in body and "&#x27;value&#x27;" not in body


def test_the_trail_in_english_writes_english_words_and_numbers(en_client, world, clerk_d):
    result_save(
        actor=clerk_d,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        value=D("31167"),
        today=TODAY,
    )
    result_save(
        actor=clerk_d,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        value=D("905.653"),
        today=TODAY,
    )
    changed = figure_rows(en_client.get(reverse("audit:list")).content.decode())[0]
    assert "changed" in changed and "Value: 31,167 tỷ đồng → 905.653 tỷ đồng" in changed
    assert "Thu ngân sách · Huyện D · 2023" in changed


def test_approval_and_reopening_read_as_vietnamese_actions_with_the_reason(vi_client, world, clerk_d):
    result_save(
        actor=clerk_d, indicator=world.revenue, unit=world.district, period="2023", value=D("5"), today=TODAY
    )
    submission_submit(actor=clerk_d, unit=world.district, period="2023")
    approver = make_user("pho-chanh-van-phong")
    role_grant(actor=None, user=approver, unit=world.district, role="approver")
    submission_approve(actor=approver, unit=world.district, period="2023")
    submission_reopen(actor=approver, unit=world.district, period="2023", reason="Số thu chưa khớp kho bạc")
    rows = figure_rows(vi_client.get(reverse("audit:list")).content.decode())
    reopened, approved, submitted = rows[:3]
    assert " mở lại " in f" {reopened} " and "pho-chanh-van-phong" in reopened
    assert "Số thu chưa khớp kho bạc" in reopened and "Huyện D · năm 2023" in reopened
    assert " duyệt " in f" {approved} " and "gửi duyệt" in submitted
    assert "đã phê duyệt → đã mở lại" in reopened


def test_a_deleted_record_is_named_from_its_last_state(vi_client, world, clerk_d):
    conf = meetings.conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 6, 22), term=world.term
    )
    item = meetings.agenda_item_add(actor=clerk_d, conference=conf, text="Tổng kết công tác xây dựng Đảng")
    meetings.agenda_item_delete(actor=clerk_d, item=item, reason="Nhập nhầm hội nghị")
    deleted = figure_rows(vi_client.get(reverse("audit:list")).content.decode())[0]
    assert "xóa" in deleted and "Nội dung chương trình" in deleted
    assert "Tổng kết công tác xây dựng Đảng · Ban Chấp hành" in deleted and "Nhập nhầm hội nghị" in deleted


def test_a_task_closed_reads_its_status_and_date(vi_client, world, clerk_d):
    conf = meetings.conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 6, 22), term=world.term
    )
    task = meetings.task_create(
        actor=clerk_d, text="Đôn đốc thu ngân sách", unit=world.district, conference=conf
    )
    meetings.task_progress(actor=clerk_d, task=task, date=dt.date(2023, 9, 1), text="Đạt 102%", status="done")
    changed = next(
        r for r in rows_of(vi_client.get(reverse("audit:list")).content.decode()) if " sửa " in f" {r} "
    )
    assert "Trạng thái: chưa thực hiện → đã hoàn thành" in changed
    assert "Ngày hoàn thành: — → 01/09/2023" in changed


def test_the_demo_load_is_not_shown_as_peoples_changes(vi_client, world, clerk_d):
    with demo_load():
        result_save(
            actor=clerk_d,
            indicator=world.rice,
            unit=world.district,
            period="2023",
            value=D("101761"),
            today=TODAY,
        )
    result_save(
        actor=clerk_d, indicator=world.revenue, unit=world.district, period="2023", value=D("7"), today=TODAY
    )
    resp = vi_client.get(reverse("audit:list"))
    rows = figure_rows(resp.content.decode())
    assert len(rows) == 1 and "Thu ngân sách" in rows[0]
    assert "Đang ẩn 1 mục do nạp dữ liệu mẫu" in resp.content.decode()
    shown = figure_rows(vi_client.get(reverse("audit:list"), {"sample": "on"}).content.decode())
    assert len(shown) == 2 and "dữ liệu mẫu" in next(r for r in shown if "Sản lượng lúa" in r)
    assert AuditEntry.objects.filter(object_type="reporting.result").count() == 2  # hidden, not lost


def test_a_change_made_outside_any_request_is_the_systems(vi_client, world):
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", value=D("7"), today=TODAY
    )
    assert "hệ thống" in rows_of(vi_client.get(reverse("audit:list")).content.decode())[0]


@pytest.fixture
def trail(world, clerk_d):
    other = make_user("tran-van-binh")
    role_grant(actor=None, user=other, unit=world.province, role="office")
    role_grant(
        actor=None, user=other, unit=world.province, role="reporter"
    )  # office users do not enter figures
    result_save(
        actor=clerk_d, indicator=world.revenue, unit=world.district, period="2023", value=D("5"), today=TODAY
    )
    result_save(
        actor=clerk_d, indicator=world.rice, unit=world.communes[0], period="2023", value=D("9"), today=TODAY
    )
    result_save(
        actor=other, indicator=world.revenue, unit=world.town, period="2023", value=D("8"), today=TODAY
    )
    target_save(
        actor=other, indicator=world.revenue, unit=world.district, period="2023", basis="plan", value=D("10")
    )
    return {"clerk": clerk_d, "other": other}


# The trail's figures: results of huyen-d, xa-1 (below huyen-d) and thi-xa-t, and huyen-d's plan.
RESULT_D, RESULT_X1, RESULT_T = (
    "Thu ngân sách · Huyện D · năm 2023",
    "Sản lượng lúa · Xã X1",
    "Thu ngân sách · Thị xã T",
)
PLAN_D = "Thu ngân sách · Huyện D · năm 2023 · kế hoạch"


def figures(rows: list[str]) -> list[str]:
    """Which of the trail's figures the rows are, the plan told apart from the result."""
    out = []
    for r in rows:
        if PLAN_D in r:
            out.append(PLAN_D)
        else:
            out.extend(w for w in (RESULT_D, RESULT_X1, RESULT_T) if w in r)
    return sorted(out)


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ({"unit": "huyen-d"}, [RESULT_D, RESULT_X1, PLAN_D]),
        ({"unit": "Huyện D"}, [RESULT_D, RESULT_X1, PLAN_D]),
        ({"unit": "huyen-d", "only_unit": "on"}, [RESULT_D, PLAN_D]),
        ({"unit": "tinh-p"}, [RESULT_D, RESULT_X1, RESULT_T, PLAN_D]),
        ({"indicator": "lua"}, [RESULT_X1]),
        ({"indicator": "thu-ns"}, [RESULT_D, RESULT_T, PLAN_D]),
        ({"indicator": "thu-ns", "unit": "thi-xa-t"}, [RESULT_T]),
    ],
)
def test_the_trail_filters_by_unit_subtree_and_indicator(vi_client, trail, query, wanted):
    resp = vi_client.get(reverse("audit:list"), query | {"action": "create"})
    rows = rows_of(resp.content.decode())
    assert resp.status_code == 200 and len(rows) == len(wanted) and figures(rows) == sorted(wanted)


def test_the_trail_filters_by_action(vi_client, trail):
    rows = rows_of(vi_client.get(reverse("audit:list"), {"action": "grant"}).content.decode())
    assert len(rows) == 5 and all("cấp quyền" in r for r in rows)  # the five role grants of the trail


def test_the_trail_filters_by_person(vi_client, trail):
    rows = rows_of(vi_client.get(reverse("audit:list"), {"person": trail["other"].pk}).content.decode())
    assert len(rows) == 2 and all("tran-van-binh" in r for r in rows)


def test_the_trail_filters_by_date_range(vi_client, world, trail):
    AuditEntry.objects.create(
        at=timezone.make_aware(dt.datetime(2022, 3, 5, 9, 0)), actor_name="cũ", action="create",
        object_type="orgs.unit", object_id=str(world.district.pk), object_repr="Huyện D", unit=world.district,
    )  # fmt: skip
    march = {"date_from": "2022-03-01", "date_to": "2022-03-31"}
    rows = rows_of(vi_client.get(reverse("audit:list"), march).content.decode())
    assert len(rows) == 1 and "05/03/2022" in rows[0]
    today = timezone.localdate().isoformat()
    since_today = rows_of(vi_client.get(reverse("audit:list"), {"date_from": today}).content.decode())
    assert len(since_today) == AuditEntry.objects.count() - 1
    assert not any("05/03/2022" in r for r in since_today)
    assert len(rows_of(vi_client.get(reverse("audit:list"), {"date_to": "2022-12-31"}).content.decode())) == 1


def test_a_wrong_filter_is_refused_beside_it_and_what_was_typed_is_kept(vi_client, trail):
    resp = vi_client.get(
        reverse("audit:list"), {"unit": "Huyện Không Có", "date_from": "2024-05-01", "date_to": "2024-04-01"}
    )
    body = resp.content.decode()
    assert resp.status_code == 400
    assert 'value="Huyện Không Có"' in body and "Không có đơn vị “Huyện Không Có”" in body
    assert "Ngày kết thúc sớm hơn ngày bắt đầu" in body


def test_a_unit_outside_the_users_scope_is_not_found(client, world, trail):
    reader = make_user("reader")
    role_grant(actor=None, user=reader, unit=world.district, role="leader")
    client.force_login(reader)
    assert client.get(reverse("audit:list"), {"unit": "thi-xa-t"}).status_code == 404
    body = client.get(reverse("audit:list")).content.decode()
    assert "Thị xã T" not in body


def test_the_page_costs_the_same_queries_for_more_entries(vi_client, world, clerk_d):
    def make(n):
        for i in range(n):
            result_save(
                actor=clerk_d,
                indicator=world.revenue,
                unit=world.communes[i % 3],
                period=f"20{10 + i}",
                value=D(i + 1),
                today=TODAY,
            )

    make(3)
    vi_client.get(reverse("audit:list"))
    with CaptureQueriesContext(connection) as few:
        vi_client.get(reverse("audit:list"))
    make(12)
    with CaptureQueriesContext(connection) as many:
        vi_client.get(reverse("audit:list"))
    assert len(many) == len(few)


def test_the_export_follows_the_filters(vi_client, trail):
    csv = vi_client.get(reverse("audit:export"), {"indicator": "lua"}).content.decode("utf-8-sig")
    assert "xa-1" in csv and "thi-xa-t" not in csv and "huyen-d," not in csv


def test_loading_the_demo_marks_every_row_it_writes_as_sample_data(client):
    from chitieu.demo.loader import load_demo

    load_demo(today=dt.date(2026, 1, 15))
    assert AuditEntry.objects.exists()
    assert not AuditEntry.objects.exclude(request_id="demo-load").exists()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="demo"))
    resp = client.get(reverse("audit:list"), HTTP_ACCEPT_LANGUAGE="vi")
    assert rows_of(resp.content.decode()) == [] and "Đang ẩn" in resp.content.decode()
