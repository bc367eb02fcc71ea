"""A clerk corrects and deletes mistaken entries of every kind a conference records; each change is
audited with its before and after, and only those who may manage the unit may make it."""

import datetime as dt

import pytest
from django.urls import reverse

from chitieu.audit.models import AuditEntry
from chitieu.meetings import services
from chitieu.meetings.models import (
    AgendaItem,
    Attendance,
    Conference,
    Limitation,
    PresentedDocument,
    Question,
    Vote,
)

pytestmark = pytest.mark.django_db


def entries(obj, action):
    return list(
        AuditEntry.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action
        ).order_by("id")
    )


@pytest.fixture
def records(conf, world):
    p = services.person_get_or_create
    return {
        "attendance": services.attendance_add(
            conference=conf, person=p("Nguyễn Văn An"), role="chair", title="Bí thư Huyện ủy"
        ),
        "agenda": services.agenda_item_add(actor=None, conference=conf, text="Đánh giá 6 tháng đầu năm"),
        "document": services.document_present(
            conference=conf, title="Báo cáo số 12-BC/HU", presenter=p("Lê C")
        ),
        "question": services.question_add(
            conference=conf,
            question="Vì sao thu ngân sách đạt thấp?",
            addressed_to=p("Trần Bình"),
            answer="Do thu tiền sử dụng đất chậm",
            commitment="Đẩy nhanh đấu giá đất trong quý III",
            commitment_deadline=dt.date(2023, 9, 30),
        ),
        "vote": services.vote_record(conference=conf, matter="Thông qua báo cáo", present=40, votes_for=39),
        "limitation": services.limitation_add(
            conference=conf, text="Thu ngân sách chưa đạt tiến độ", indicators=[world.revenue]
        ),
    }


CORRECTIONS = {
    "attendance": (
        {"person": "Nguyễn Văn An", "role": "chair", "title": "Bí thư Huyện ủy, Chủ tịch HĐND"},
        lambda o: o.title == "Bí thư Huyện ủy, Chủ tịch HĐND",
        "title",
    ),
    "agenda": ({"text": "Đánh giá kết quả 6 tháng đầu năm 2023"}, lambda o: o.text.endswith("2023"), "text"),
    "document": (
        {"title": "Báo cáo số 15-BC/HU", "presenter": "Lê Văn C"},
        lambda o: o.title == "Báo cáo số 15-BC/HU" and o.presenter.full_name == "Lê Văn C",
        "title",
    ),
    "question": (
        {
            "question": "Vì sao thu ngân sách 6 tháng đạt thấp?",
            "addressed_to": "Trần Bình",
            "commitment": "Đẩy nhanh đấu giá đất trong quý III",
            "commitment_deadline": "2023-10-15",
        },
        lambda o: o.commitment_deadline == dt.date(2023, 10, 15),
        "commitment_deadline",
    ),
    "vote": (
        {"matter": "Thông qua báo cáo", "present": "40", "votes_for": "38", "votes_against": "2"},
        lambda o: (o.votes_for, o.votes_against) == (38, 2),
        "votes_for",
    ),
    "limitation": (
        {"text": "Thu ngân sách chưa đạt tiến độ đề ra", "cause": "Thị trường bất động sản trầm lắng"},
        lambda o: o.cause.startswith("Thị trường") and not o.indicators.exists(),
        "cause",
    ),
}


@pytest.mark.parametrize("kind", list(CORRECTIONS))
def test_the_office_corrects_an_entry_and_the_trail_holds_before_and_after(
    login, personas, conf, records, kind
):
    obj = records[kind]
    client = login(personas["office"])
    url = reverse("meetings:record_edit", args=[conf.pk, kind, obj.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Lưu sửa đổi" in page.content.decode()
    data, holds, field = CORRECTIONS[kind]
    resp = client.post(url, data)
    assert resp.status_code == 302 and resp["Location"].endswith(f"#{kind}")
    obj.refresh_from_db()
    assert holds(obj)
    (entry,) = entries(obj, "update")
    assert entry.actor == personas["office"] and entry.unit == conf.unit
    assert entry.before[f"{field}_id" if field == "presenter" else field] != entry.after[field]


@pytest.mark.parametrize("kind", list(CORRECTIONS))
def test_the_office_deletes_a_mistaken_entry_with_a_reason(login, personas, conf, records, kind):
    obj = records[kind]
    model = type(obj)
    client = login(personas["office"])
    resp = client.post(
        reverse("meetings:record_delete", args=[conf.pk, kind, obj.pk]), {"reason": "Nhập nhầm hội nghị"}
    )
    assert resp.status_code == 302
    assert not model.objects.filter(pk=obj.pk).exists()
    (entry,) = entries(obj, "delete")
    assert entry.before and entry.after is None and entry.reason == "Nhập nhầm hội nghị"
    assert "Đã xóa" in client.get(resp["Location"]).content.decode()


@pytest.mark.parametrize("role", ["reporter", "approver", "leader"])
def test_those_who_may_only_read_cannot_correct_or_delete(login, personas, conf, records, role):
    client = login(personas[role])
    q = records["question"]
    edit = reverse("meetings:record_edit", args=[conf.pk, "question", q.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"question": "sửa lén"}).status_code == 403
    assert client.post(reverse("meetings:record_delete", args=[conf.pk, "question", q.pk])).status_code == 403
    q.refresh_from_db()
    assert q.question.startswith("Vì sao") and not entries(q, "update") and not entries(q, "delete")
    page = client.get(reverse("meetings:conference_detail", args=[conf.pk])).content.decode()
    assert edit not in page


def test_an_outsider_does_not_even_find_the_entry(login, personas, conf, records):
    client = login(personas["outsider"])
    q = records["question"]
    assert client.get(reverse("meetings:record_edit", args=[conf.pk, "question", q.pk])).status_code == 404
    assert client.post(reverse("meetings:record_delete", args=[conf.pk, "question", q.pk])).status_code == 404
    assert Question.objects.filter(pk=q.pk).exists()


def test_an_entry_is_reached_only_through_its_own_conference(login, personas, conf, records, world):
    other = services.conference_create(unit=world.district, body="standing", date=dt.date(2023, 7, 1))
    client = login(personas["office"])
    url = reverse("meetings:record_edit", args=[other.pk, "agenda", records["agenda"].pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("meetings:record_edit", args=[conf.pk, "nonsense", 1])).status_code == 404


def test_a_refused_correction_keeps_what_was_typed_and_says_why_beside_the_field(
    login, personas, conf, records
):
    client = login(personas["office"])
    vote = records["vote"]
    resp = client.post(
        reverse("meetings:record_edit", args=[conf.pk, "vote", vote.pk]),
        {"matter": "Thông qua báo cáo (đã sửa)", "present": "40", "votes_for": "41"},
    )
    body = resp.content.decode()
    assert resp.status_code == 400
    assert "Thông qua báo cáo (đã sửa)" in body and 'value="41"' in body
    assert "Tổng số phiếu là 41 nhưng chỉ có 40 thành viên có mặt" in body
    vote.refresh_from_db()
    assert vote.votes_for == 39 and not entries(vote, "update")


def test_a_personnel_vote_is_not_found_by_those_who_may_not_see_it(login, personas, conf):
    vote = services.vote_record(
        conference=conf, matter="Bầu bổ sung Ủy viên BTV", outcome="passed", personnel=True
    )
    client = login(personas["reporter"])
    assert client.get(reverse("meetings:record_edit", args=[conf.pk, "vote", vote.pk])).status_code == 404
    client = login(personas["office"])
    assert client.get(reverse("meetings:record_edit", args=[conf.pk, "vote", vote.pk])).status_code == 200


def test_agenda_items_are_moved_up_and_down_in_order(login, personas, conf):
    a, b, c = (services.agenda_item_add(actor=None, conference=conf, text=t) for t in "ABC")
    client = login(personas["office"])
    client.post(reverse("meetings:agenda_move", args=[conf.pk, c.pk]), {"direction": "up"})
    assert [i.text for i in conf.agenda.all()] == ["A", "C", "B"]
    client.post(reverse("meetings:agenda_move", args=[conf.pk, a.pk]), {"direction": "down"})
    assert [i.text for i in conf.agenda.all()] == ["C", "A", "B"]
    moved = AuditEntry.objects.filter(object_type="meetings.agendaitem", action="update")
    assert {(e.before["order"], e.after["order"]) for e in moved if e.object_id == str(c.pk)} == {
        (3, 2),
        (2, 1),
    }


def test_an_attendance_correction_cannot_make_a_duplicate(personas, conf):
    p = services.person_get_or_create
    services.attendance_add(conference=conf, person=p("A"), role="member")
    b = services.attendance_add(conference=conf, person=p("B"), role="member")
    with pytest.raises(Exception) as exc:
        services.attendance_update(actor=None, attendance=b, person=p("A"), role="member")
    assert "person" in exc.value.message_dict
    assert Attendance.objects.filter(conference=conf).count() == 2


def test_the_conference_details_are_corrected_and_a_stale_copy_is_refused(login, personas, conf, world):
    client = login(personas["office"])
    url = reverse("meetings:conference_edit", args=[conf.pk])
    form = {
        "body": "executive",
        "term": world.term.pk,
        "ordinal": "14",
        "kind": "extended",
        "date": "2023-06-23",
        "place": "Hội trường Huyện ủy",
        "period": "2023-H1",
        "version": conf.version,
    }
    assert client.post(url, form).status_code == 302
    conf.refresh_from_db()
    assert (conf.ordinal, conf.kind, conf.date, conf.place) == (
        14,
        "extended",
        dt.date(2023, 6, 23),
        "Hội trường Huyện ủy",
    )
    (entry,) = entries(conf, "update")
    assert entry.before["ordinal"] == 1 and entry.after["ordinal"] == 14
    stale = client.post(url, form | {"place": "Nhà văn hóa"})
    assert stale.status_code == 400 and "Nhà văn hóa" in stale.content.decode()
    assert "Người khác đã sửa" in stale.content.decode()
    conf.refresh_from_db()
    assert conf.place == "Hội trường Huyện ủy"


def test_the_minutes_are_a_form_of_their_own(login, personas, conf):
    client = login(personas["office"])
    url = reverse("meetings:conference_minutes", args=[conf.pk])
    form = {
        "version": conf.version,
        "opened_at": "07:30",
        "closed_at": "11:15",
        "secretary": "Phạm Thị Dung",
        "members_total": "41",
        "members_present": "39",
        "absent_note": "2 đồng chí vắng có lý do",
        "minutes": "Đồng chí Bí thư khai mạc hội nghị.",
        "conclusion": "Hội nghị thống nhất các nhiệm vụ trọng tâm 6 tháng cuối năm.",
    }
    assert client.get(url).status_code == 200
    assert client.post(url, form).status_code == 302
    conf.refresh_from_db()
    assert (conf.opened_at, conf.closed_at) == (dt.time(7, 30), dt.time(11, 15))
    assert (conf.members_present, conf.members_total, conf.secretary) == (39, 41, "Phạm Thị Dung")
    page = client.get(reverse("meetings:conference_detail", args=[conf.pk])).content.decode()
    assert "39/41" in page and "Phạm Thị Dung" in page and "6 tháng cuối năm" in page
    assert entries(conf, "update")[-1].after["secretary"] == "Phạm Thị Dung"


def test_minutes_with_more_present_than_members_are_refused_beside_the_field(login, personas, conf):
    client = login(personas["office"])
    resp = client.post(
        reverse("meetings:conference_minutes", args=[conf.pk]),
        {"version": conf.version, "members_total": "41", "members_present": "45", "minutes": "Diễn biến"},
    )
    body = resp.content.decode()
    assert resp.status_code == 400 and "Diễn biến" in body and "nhiều hơn" in body
    conf.refresh_from_db()
    assert conf.members_present is None and conf.minutes == ""


def test_minutes_cannot_close_before_they_open(conf):
    with pytest.raises(Exception) as exc:
        services.conference_minutes_save(
            actor=None, conference=conf, opened_at=dt.time(14, 0), closed_at=dt.time(8, 0)
        )
    assert "closed_at" in exc.value.message_dict


def test_a_reporter_cannot_write_the_minutes(login, personas, conf):
    client = login(personas["reporter"])
    url = reverse("meetings:conference_minutes", args=[conf.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"minutes": "x"}).status_code == 403
    assert Conference.objects.get(pk=conf.pk).minutes == ""


def test_documents_presented_are_added_from_the_page(login, personas, conf):
    client = login(personas["office"])
    resp = client.post(
        reverse("meetings:conference_detail", args=[conf.pk]),
        {"form": "document", "document-title": "Báo cáo kiểm điểm 6 tháng", "document-presenter": "Lê C"},
    )
    assert resp.status_code == 302
    doc = PresentedDocument.objects.get(conference=conf)
    assert doc.presenter.full_name == "Lê C" and entries(doc, "create")


def test_an_unknown_form_on_the_page_saves_nothing_and_says_so(login, personas, conf):
    client = login(personas["office"])
    resp = client.post(reverse("meetings:conference_detail", args=[conf.pk]), {"form": "bogus", "x": "1"})
    assert resp.status_code == 400 and "Không lưu" in resp.content.decode()


def test_deleting_a_question_keeps_the_task_made_of_its_commitment(records):
    q = records["question"]
    task = services.question_commitment_to_task(actor=None, question=q)
    services.question_delete(actor=None, question=q, reason="Trùng")
    task.refresh_from_db()
    assert task.text == "Đẩy nhanh đấu giá đất trong quý III"


def test_the_limitation_trail_names_its_indicators(records, world):
    lim = records["limitation"]
    services.limitation_update(
        actor=None, limitation=lim, text=lim.text, indicators=[world.revenue, world.rice]
    )
    (entry,) = entries(lim, "update")
    assert entry.before["indicators"] == ["thu-ns"] and entry.after["indicators"] == ["lua", "thu-ns"]
    assert Limitation.objects.get(pk=lim.pk).indicators.count() == 2
    assert AgendaItem.objects.count() == 1 and Vote.objects.count() == 1


def test_the_name_fields_offer_the_people_already_recorded_at_the_units_conferences(
    login, personas, conf, records
):
    page = (
        login(personas["office"]).get(reverse("meetings:conference_detail", args=[conf.pk])).content.decode()
    )
    datalist = page[page.index('<datalist id="people">') :]
    assert all(f'<option value="{n}">' in datalist for n in ("Nguyễn Văn An", "Trần Bình"))
    field = page[
        page.index('name="question-addressed_to"') - 120 : page.index('name="question-addressed_to"') + 120
    ]
    assert 'list="people"' in field
    assert (
        '<datalist id="people">'
        not in login(personas["reporter"])
        .get(reverse("meetings:conference_detail", args=[conf.pk]))
        .content.decode()
    )
