"""Personnel votes stay hidden in the audit trail from whoever the conference page hides them from
(issue 11, item 2): the list, its CSV and every filter of them read through one selector."""

import datetime as dt

import pytest
from django.urls import reverse

from chitieu.access.services import role_grant
from chitieu.audit.selectors import audit_entries
from chitieu.meetings.services import conference_create, vote_record
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
SECRET = "Bầu bổ sung Ủy viên Ban Thường vụ (phiếu kín)"


@pytest.fixture
def votes(world):
    conf = conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 6, 22), term=world.term
    )
    vote_record(
        conference=conf,
        matter=SECRET,
        present=30,
        votes_for=21,
        votes_against=9,
        personnel=True,
        details=[{"bloc": "Khối Đảng", "members": 12}],
    )
    vote_record(conference=conf, matter="Thông qua chương trình công tác", outcome="passed")
    return conf


def persona(world, role):
    user = make_user(f"{role}-d")
    role_grant(actor=None, user=user, unit=world.district, role=role)
    return user


@pytest.mark.parametrize("role", ["reporter", "approver"])
@pytest.mark.parametrize(
    "url",
    [
        "/audit/",
        "/audit/?object_type=meetings.vote",
        "/audit/?unit=huyen-d",
        "/audit/export.csv",
        "/audit/export.csv?object_type=meetings.vote",
    ],
)
def test_a_reporter_or_approver_finds_no_personnel_vote_in_the_trail(client, world, votes, role, url):
    client.force_login(persona(world, role))
    resp = client.get(url)
    assert resp.status_code == 200
    body = resp.content.decode("utf-8-sig")
    assert "Khối Đảng" not in body and "phiếu kín" not in body
    if "object_type" in url:
        assert "Thông qua chương trình công tác" in body  # the other vote is there: the filter is not blind


def test_an_entry_of_a_personnel_vote_is_not_found_by_its_id_either(client, world, votes):
    client.force_login(persona(world, "reporter"))
    vote = votes.votes.get(personnel=True)
    body = client.get(reverse("audit:list"), {"object_type": "meetings.vote", "object_id": vote.pk}).content
    assert "phiếu kín" not in body.decode()


@pytest.mark.parametrize("role", ["leader", "office"])
def test_a_leader_or_the_office_sees_the_personnel_vote_in_the_trail(client, world, votes, role):
    client.force_login(persona(world, role))
    assert SECRET in client.get("/audit/export.csv").content.decode("utf-8-sig")


def test_the_selector_hides_personnel_votes_of_units_where_the_user_may_not_see_them(world, votes):
    leader_elsewhere = make_user("leader-t")
    role_grant(actor=None, user=leader_elsewhere, unit=world.town, role="leader")
    role_grant(actor=None, user=leader_elsewhere, unit=world.district, role="reporter")
    assert not audit_entries(leader_elsewhere).filter(after__personnel=True).exists()
    assert audit_entries(make_user("root", superuser=True)).filter(after__personnel=True).count() == 1
