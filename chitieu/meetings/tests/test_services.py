import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from chitieu.meetings.choices import TaskStatus
from chitieu.meetings.models import Conference, Task, Vote
from chitieu.meetings.selectors import previous_conference, tasks_for_unit
from chitieu.meetings.services import (
    attendance_add,
    conference_create,
    next_ordinal,
    person_get_or_create,
    question_add,
    question_commitment_to_task,
    task_create,
    task_progress,
    vote_record,
)
from chitieu.orgs.models import Term

pytestmark = pytest.mark.django_db
DAY = dt.date(2023, 6, 22)


def conf(world, **kw):
    args = dict(unit=world.district, body="executive", date=DAY, term=world.term)
    args.update(kw)
    return conference_create(**args)


def test_ordinals_are_proposed_in_sequence_within_body_and_term(world):
    assert conf(world).ordinal == 1
    assert conf(world, date=dt.date(2023, 7, 1)).ordinal == 2
    assert conf(world, body="standing", date=dt.date(2023, 7, 2)).ordinal == 1


def test_ordinals_restart_for_a_new_term(world):
    conf(world, ordinal=14)
    new_term = Term.objects.create(unit=world.district, start_year=2025, end_year=2030, congress_ordinal=1)
    assert next_ordinal(unit=world.district, body="executive", term=new_term) == 1


def test_a_colliding_ordinal_is_refused_with_the_next_free_one(world):
    conf(world, ordinal=14)
    with pytest.raises(ValidationError) as exc:
        conf(world, ordinal=14, date=dt.date(2023, 9, 1))
    assert "15" in str(exc.value.message_dict["ordinal"])
    assert Conference.objects.count() == 1


def test_the_database_refuses_a_duplicate_ordinal_too(world):
    c = conf(world, ordinal=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Conference.objects.create(unit=c.unit, body=c.body, term=c.term, ordinal=3, date=DAY)


def test_an_attendee_title_taken_after_the_conference_is_refused(world):
    c = conf(world)
    p = person_get_or_create("Nguyễn Văn A")
    with pytest.raises(ValidationError) as exc:
        attendance_add(conference=c, person=p, title="Bí thư", title_since=dt.date(2024, 1, 1))
    assert "title_since" in exc.value.message_dict
    assert (
        attendance_add(conference=c, person=p, title="Phó Bí thư", title_since=dt.date(2021, 1, 1)).title
        == "Phó Bí thư"
    )


def test_a_person_keeps_a_title_per_conference(world):
    p = person_get_or_create("Nguyễn Văn A")
    a1 = attendance_add(conference=conf(world), person=p, title="Phó Bí thư")
    a2 = attendance_add(conference=conf(world, date=dt.date(2024, 6, 1)), person=p, title="Bí thư")
    a1.refresh_from_db()
    assert (a1.title, a2.title) == ("Phó Bí thư", "Bí thư")


def test_a_tally_larger_than_those_present_is_refused(world):
    c = conf(world)
    with pytest.raises(ValidationError):
        vote_record(conference=c, matter="x", present=40, votes_for=39, votes_against=2)
    assert not Vote.objects.exists()
    assert Vote.objects.model  # the DB also holds the rule
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(conference=c, matter="x", present=3, votes_for=4, outcome="passed")


def test_a_vote_passes_with_more_than_half_of_those_present(world):
    c = conf(world)
    assert vote_record(conference=c, matter="a", present=41, votes_for=21).outcome == "passed"
    assert vote_record(conference=c, matter="b", present=40, votes_for=20).outcome == "rejected"


def test_a_deadline_before_the_conference_is_refused(world):
    c = conf(world)
    with pytest.raises(ValidationError) as exc:
        task_create(text="Thu ngân sách", unit=world.district, conference=c, deadline=dt.date(2023, 6, 1))
    assert "deadline" in exc.value.message_dict
    assert not Task.objects.exists()


def test_tasks_list_the_overdue_first(world):
    c = conf(world)
    late = task_create(text="late", unit=world.district, conference=c, deadline=dt.date(2023, 7, 1))
    soon = task_create(text="soon", unit=world.district, conference=c, deadline=dt.date(2023, 12, 1))
    done = task_create(text="done", unit=world.district, conference=c, deadline=dt.date(2023, 6, 30))
    task_progress(actor=None, task=done, date=dt.date(2023, 6, 29), text="xong", status=TaskStatus.DONE)
    order = [t.text for t in tasks_for_unit(world.district, today=dt.date(2023, 8, 1))]
    assert order == ["late", "soon", "done"]
    assert late.effective_status(dt.date(2023, 8, 1)) == "overdue"
    assert soon.effective_status(dt.date(2023, 8, 1)) == "not_started"


def test_progress_updates_are_dated_and_move_the_status(world):
    c = conf(world)
    t = task_create(text="x", unit=world.district, conference=c, deadline=dt.date(2023, 12, 1))
    task_progress(actor=None, task=t, date=dt.date(2023, 7, 1), text="bắt đầu", status=TaskStatus.IN_PROGRESS)
    t.refresh_from_db()
    assert t.status == "in_progress" and t.updates.count() == 1
    with pytest.raises(ValidationError):
        task_progress(actor=None, task=t, date=dt.date(2023, 5, 1), text="sớm", status=TaskStatus.DONE)


def test_a_commitment_becomes_a_task_once(world):
    c = conf(world)
    q = question_add(
        conference=c,
        question="Vì sao thu ngân sách chậm?",
        asked_by=person_get_or_create("A"),
        addressed_to=person_get_or_create("B"),
        answer="Do …",
        commitment="Đẩy mạnh thu ngân sách quý III",
    )
    t = question_commitment_to_task(question=q, unit=world.district, deadline=dt.date(2023, 9, 30))
    assert question_commitment_to_task(question=q, unit=world.district) == t
    assert t.owner.full_name == "B" and t.conference == c


def test_the_previous_conference_of_the_same_body(world):
    first = conf(world, date=dt.date(2023, 1, 10))
    conf(world, body="standing", date=dt.date(2023, 3, 1))
    second = conf(world)
    assert previous_conference(second) == first
