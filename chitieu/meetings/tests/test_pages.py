import datetime as dt

import pytest
from django.urls import reverse

from chitieu.meetings.models import Conference, Task, Vote
from chitieu.meetings.services import conference_create, task_create, vote_record
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def conf(world):
    return conference_create(
        unit=world.district,
        body="executive",
        date=dt.date(2023, 6, 22),
        term=world.term,
        period="2023-H1",
        resolution=world.resolution,
    )


def test_a_conference_is_created_with_the_next_ordinal(client, clerk, world):
    client.force_login(clerk)
    resp = client.post(
        reverse("meetings:conference_list", args=["huyen-d"]),
        {
            "body": "executive",
            "term": world.term.pk,
            "kind": "regular",
            "date": "2023-06-22",
            "period": "2023-H1",
        },
    )
    assert resp.status_code == 302
    assert Conference.objects.get().ordinal == 1


def test_a_colliding_ordinal_is_refused_on_the_page_and_keeps_the_form(client, clerk, conf):
    client.force_login(clerk)
    resp = client.post(
        reverse("meetings:conference_list", args=["huyen-d"]),
        {
            "body": "executive",
            "term": conf.term.pk,
            "ordinal": "1",
            "kind": "regular",
            "date": "2023-09-01",
            "place": "Hội trường Huyện ủy",
        },
    )
    body = resp.content.decode()
    assert resp.status_code == 400 and "Hội trường Huyện ủy" in body
    assert Conference.objects.count() == 1


def test_a_vote_tally_larger_than_those_present_is_refused_on_the_page(client, clerk, conf):
    client.force_login(clerk)
    resp = client.post(
        reverse("meetings:conference_detail", args=[conf.pk]),
        {"form": "vote", "vote-matter": "Nhân sự", "vote-present": "30", "vote-votes_for": "31"},
    )
    assert resp.status_code == 400 and not Vote.objects.exists()
    assert "30" in resp.content.decode()


def test_personnel_votes_are_hidden_from_those_not_allowed(client, world, conf):
    from chitieu.access.services import role_grant

    vote_record(
        conference=conf,
        matter="Điều chỉnh cơ cấu nhân sự",
        outcome="passed",
        personnel=True,
        details=[{"bloc": "Khối Đảng", "members": 11}],
    )
    vote_record(conference=conf, matter="Thông qua báo cáo", present=40, votes_for=40)
    reader = make_user("reader")
    role_grant(actor=None, user=reader, unit=world.district, role="reporter")
    client.force_login(reader)
    body = client.get(reverse("meetings:conference_detail", args=[conf.pk])).content.decode()
    assert "Thông qua báo cáo" in body and "Điều chỉnh cơ cấu nhân sự" not in body and "Khối Đảng" not in body
    role_grant(actor=None, user=reader, unit=world.province, role="leader")
    body = client.get(reverse("meetings:conference_detail", args=[conf.pk])).content.decode()
    assert "Điều chỉnh cơ cấu nhân sự" in body and "Khối Đảng: 11" in body


def test_a_task_deadline_before_the_conference_is_refused_on_the_page(client, clerk, conf):
    client.force_login(clerk)
    resp = client.post(
        reverse("meetings:conference_detail", args=[conf.pk]),
        {"form": "task", "task-text": "Thu ngân sách", "task-unit": "huyen-d", "task-deadline": "2023-01-01"},
    )
    assert resp.status_code == 400 and not Task.objects.exists()
    assert "Thu ngân sách" in resp.content.decode()


def test_the_task_list_puts_the_overdue_first(vi_client, world, conf):
    client = vi_client
    task_create(text="Việc còn hạn", unit=world.district, conference=conf, deadline=dt.date(2099, 1, 1))
    task_create(text="Việc quá hạn", unit=world.district, conference=conf, deadline=dt.date(2023, 7, 1))
    body = client.get(reverse("meetings:task_list", args=["huyen-d"])).content.decode()
    assert body.index("Việc quá hạn") < body.index("Việc còn hạn")


def test_progress_is_recorded_on_the_task_page(client, clerk, world, conf):
    t = task_create(text="x", unit=world.district, conference=conf, deadline=dt.date(2099, 1, 1))
    client.force_login(clerk)
    resp = client.post(
        reverse("meetings:task_detail", args=[t.pk]),
        {"progress-date": "2023-07-01", "progress-text": "Đã triển khai", "progress-status": "in_progress"},
    )
    assert resp.status_code == 302
    t.refresh_from_db()
    assert t.status == "in_progress" and t.updates.get().text == "Đã triển khai"


def test_the_report_button_downloads_a_docx(vi_client, world, conf):
    client = vi_client
    from decimal import Decimal as D

    from chitieu.reporting.services import result_save

    result_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023-H1",
        value=D("40.7"),
        today=dt.date(2024, 1, 1),
    )
    resp = client.get(
        reverse("documents:report_docx", args=["huyen-d"]),
        {"period": "2023-H1", "resolution": world.resolution.pk},
    )
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(resp.streaming_content)[:2] == b"PK"
    xlsx = client.get(reverse("documents:appendix_xlsx", args=["huyen-d"]), {"period": "2023-H1"})
    assert xlsx.status_code == 200


def test_a_report_without_results_redirects_with_a_message(vi_client, world, conf):
    client = vi_client
    resp = client.get(reverse("documents:report_docx", args=["huyen-d"]), {"period": "2019"}, follow=True)
    assert "chưa có kết quả" in resp.content.decode()
