"""Separation of duties (issue 11, item 9): whoever submitted or last changed a unit's figures for a
period cannot approve them, unless an administrator allowed it for that unit (audited)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from chitieu.access.services import role_grant
from chitieu.audit.models import AuditEntry
from chitieu.reporting.services import result_save
from chitieu.reporting.workflow import (
    self_approval_set,
    status_of,
    submission_approve,
    submission_submit,
)
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
DAY = dt.date(2024, 6, 1)


@pytest.fixture(autouse=True)
def language_restored():
    """A request in English leaves English active in this thread: later tests expect the default."""
    from django.utils import translation

    with translation.override(None):
        yield


@pytest.fixture
def both(world):
    """A user who is both reporter and approver on huyen-d."""
    user = make_user("both")
    role_grant(actor=None, user=user, unit=world.district, role="reporter")
    role_grant(actor=None, user=user, unit=world.district, role="approver")
    return user


def enter(world, actor, value="10", indicator=None):
    return result_save(
        actor=actor,
        indicator=indicator or world.revenue,
        unit=world.district,
        period="2023",
        value=D(value),
        today=DAY,
    )


def test_the_reporter_who_submitted_cannot_approve_their_own_submission(world, both):
    enter(world, both)
    submission_submit(actor=both, unit=world.district, period="2023")
    with pytest.raises(ValidationError) as exc:
        submission_approve(actor=both, unit=world.district, period="2023")
    assert exc.value.code == "four_eyes"
    assert status_of(world.district, "2023") == "submitted"


def test_whoever_last_changed_a_figure_cannot_approve_even_when_someone_else_submitted(world, both):
    other = make_user("other")
    role_grant(actor=None, user=other, unit=world.district, role="reporter")
    enter(world, other, "10")
    enter(world, both, "11", indicator=world.rice)  # the last change of one figure is theirs
    submission_submit(actor=other, unit=world.district, period="2023")
    with pytest.raises(ValidationError):
        submission_approve(actor=both, unit=world.district, period="2023")
    approver = make_user("approver")
    role_grant(actor=None, user=approver, unit=world.province, role="approver")
    submission_approve(actor=approver, unit=world.district, period="2023")
    assert status_of(world.district, "2023") == "approved"


def test_a_figure_changed_back_by_someone_else_frees_its_first_author(world, both):
    other = make_user("other")
    role_grant(actor=None, user=other, unit=world.district, role="reporter")
    enter(world, both, "10")
    enter(world, other, "12")
    submission_submit(actor=other, unit=world.district, period="2023")
    submission_approve(actor=both, unit=world.district, period="2023")
    assert status_of(world.district, "2023") == "approved"


def test_an_administrator_may_allow_self_approval_on_a_unit_and_it_is_audited(world, both, clerk):
    enter(world, both)
    submission_submit(actor=both, unit=world.district, period="2023")
    with pytest.raises(PermissionDenied):
        self_approval_set(actor=both, unit=world.district, allowed=True, reason="một người")
    with pytest.raises(ValidationError):
        self_approval_set(actor=clerk, unit=world.district, allowed=True, reason=" ")
    self_approval_set(actor=clerk, unit=world.district, allowed=True, reason="Xã chỉ có một cán bộ")
    submission_approve(actor=both, unit=world.district, period="2023")
    assert status_of(world.district, "2023") == "approved"
    entry = AuditEntry.objects.get(object_type="reporting.selfapproval")
    assert entry.actor == clerk and entry.reason == "Xã chỉ có một cán bộ" and entry.after["allowed"] is True


def test_allowing_self_approval_on_one_unit_does_not_allow_it_below(world, clerk):
    self_approval_set(actor=clerk, unit=world.district, allowed=True, reason="Huyện nhỏ")
    commune = world.communes[0]
    user = make_user("xa")
    role_grant(actor=None, user=user, unit=commune, role="reporter")
    role_grant(actor=None, user=user, unit=commune, role="approver")
    result_save(actor=user, indicator=world.revenue, unit=commune, period="2023", value=D(1), today=DAY)
    submission_submit(actor=user, unit=commune, period="2023")
    with pytest.raises(ValidationError):
        submission_approve(actor=user, unit=commune, period="2023")


def test_the_page_tells_the_approver_why_they_cannot_approve(client, world, both):
    enter(world, both)
    client.force_login(both)
    url = reverse("reporting:submission_action", args=["huyen-d", "2023"])
    client.post(url, {"action": "submit"})
    resp = client.post(url, {"action": "approve"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert status_of(world.district, "2023") == "submitted"
    assert "another approver" in resp.content.decode()


def test_the_command_allows_and_forbids_self_approval(world, clerk, capsys):
    call_command("selfapproval", "huyen-d", "allow", "--reason", "Thiếu người", "--as", "clerk")
    call_command("selfapproval", "huyen-d", "forbid", "--reason", "Đã đủ người", "--as", "clerk")
    assert list(
        AuditEntry.objects.filter(object_type="reporting.selfapproval")
        .order_by("id")
        .values_list("after__allowed", flat=True)
    ) == [True, False]
