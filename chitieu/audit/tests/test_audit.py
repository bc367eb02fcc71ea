import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse

from chitieu.access.services import role_grant, role_revoke
from chitieu.audit.models import AuditEntry
from chitieu.indicators.services import indicator_save
from chitieu.meetings.services import conference_create
from chitieu.orgs.services import unit_rename
from chitieu.reporting.services import result_save, target_save
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def test_every_change_writes_one_entry_with_before_and_after(world, clerk):
    r = result_save(
        actor=clerk, indicator=world.revenue, unit=world.district, period="2023", value=D(5), today=TODAY
    ).object
    result_save(
        actor=clerk, indicator=world.revenue, unit=world.district, period="2023", value=D(5), today=TODAY
    )
    result_save(
        actor=clerk, indicator=world.revenue, unit=world.district, period="2023", value=D(6), today=TODAY
    )
    entries = list(
        AuditEntry.objects.filter(object_type="reporting.result", object_id=str(r.pk)).order_by("id")
    )
    assert [e.action for e in entries] == ["create", "update"]  # the no-op save wrote nothing
    assert entries[1].before["value"] == "5" and entries[1].after["value"] == "6"
    assert entries[1].actor == clerk and entries[1].unit == world.district


def test_targets_indicators_units_conferences_and_roles_are_audited(world, clerk):
    target_save(
        actor=clerk, indicator=world.revenue, unit=world.district, period="2023", basis="plan", value=D(9)
    )
    indicator_save(actor=clerk, data={"name": "Thu ngân sách nhà nước"}, instance=world.revenue)
    unit_rename(actor=clerk, unit=world.town, new_name="Thành phố T", on=dt.date(2021, 1, 1))
    conference_create(
        actor=clerk, unit=world.district, body="executive", date=dt.date(2023, 6, 1), term=world.term
    )
    someone = make_user("someone")
    role_grant(actor=clerk, user=someone, unit=world.district, role="reporter")
    role_revoke(actor=clerk, user=someone, unit=world.district, role="reporter", reason="chuyển công tác")
    kinds = set(AuditEntry.objects.values_list("object_type", "action"))
    assert {
        ("indicators.target", "create"),
        ("indicators.indicator", "update"),
        ("orgs.unit", "rename"),
        ("meetings.conference", "create"),
        ("access.roleassignment", "grant"),
        ("access.roleassignment", "revoke"),
    } <= kinds
    assert AuditEntry.objects.get(action="revoke").reason == "chuyển công tác"


def test_the_trail_is_append_only_in_the_model_and_the_database(world, clerk):
    result_save(
        actor=clerk, indicator=world.revenue, unit=world.district, period="2023", value=D(5), today=TODAY
    )
    entry = AuditEntry.objects.get()
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(reason="sửa lén")


def test_a_change_made_through_a_page_records_where_it_came_from(vi_client, world):
    url = reverse("reporting:results_edit", args=["huyen-d", "2023"])
    vi_client.post(
        url + "?add=thu-ns",
        {"thu-ns-value": "7", "thu-ns-status": "actual", "add": "thu-ns"},
        REMOTE_ADDR="10.1.2.3",
    )
    entry = AuditEntry.objects.get(object_type="reporting.result")
    assert entry.ip == "10.1.2.3" and entry.request_id and entry.actor_name == "clerk"


def test_the_trail_is_shown_and_exported_within_the_users_scope(client, world, clerk):
    result_save(
        actor=clerk, indicator=world.revenue, unit=world.district, period="2023", value=D(5), today=TODAY
    )
    result_save(actor=clerk, indicator=world.revenue, unit=world.town, period="2023", value=D(8), today=TODAY)
    reader = make_user("reader")
    role_grant(actor=clerk, user=reader, unit=world.district, role="leader")
    client.force_login(reader)
    body = client.get(reverse("audit:list")).content.decode()
    assert "Huyện D" in body and "Thị xã T" not in body
    csv = client.get(reverse("audit:export")).content.decode("utf-8-sig")
    assert "huyen-d" in csv and "thi-xa-t" not in csv
    assert client.get(reverse("audit:list"), {"unit": "thi-xa-t"}).status_code == 404
