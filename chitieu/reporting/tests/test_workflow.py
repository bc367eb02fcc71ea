import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from chitieu.access.services import role_grant
from chitieu.audit.models import AuditEntry
from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save
from chitieu.reporting.workflow import (
    children_status,
    status_of,
    submission_approve,
    submission_reopen,
    submission_submit,
)
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def save(world, value, unit=None, **kw):
    return result_save(
        actor=None,
        indicator=world.revenue,
        unit=unit or world.district,
        period="2023",
        value=D(value),
        today=TODAY,
        **kw,
    ).object


def test_results_go_from_draft_to_submitted_to_approved_and_lock(world):
    save(world, "10")
    assert status_of(world.district, "2023") == "draft"
    submission_submit(actor=None, unit=world.district, period="2023")
    with pytest.raises(ValidationError) as exc:
        save(world, "11")
    assert exc.value.code == "locked"
    submission_approve(actor=None, unit=world.district, period="2023")
    with pytest.raises(ValidationError):
        save(world, "12")
    assert Result.objects.get().value == D(10)


def test_reopening_needs_a_reason_and_a_change_afterwards_needs_one_too(world):
    save(world, "10")
    submission_submit(actor=None, unit=world.district, period="2023")
    submission_approve(actor=None, unit=world.district, period="2023")
    with pytest.raises(ValidationError):
        submission_reopen(actor=None, unit=world.district, period="2023", reason="  ")
    submission_reopen(
        actor=None, unit=world.district, period="2023", reason="Cục Thống kê điều chỉnh số liệu"
    )
    with pytest.raises(ValidationError) as exc:
        save(world, "11")
    assert "note" in exc.value.message_dict
    save(world, "11", reason="Số liệu chính thức của Chi cục Thuế")
    entry = AuditEntry.objects.filter(object_type="reporting.result", action="update").get()
    assert entry.reason == "Số liệu chính thức của Chi cục Thuế"
    assert entry.before["value"] == "10" and entry.after["value"] == "11"
    reopen = AuditEntry.objects.get(action="reopened")
    assert reopen.reason == "Cục Thống kê điều chỉnh số liệu"


def test_only_submitted_results_can_be_approved(world):
    save(world, "10")
    with pytest.raises(ValidationError):
        submission_approve(actor=None, unit=world.district, period="2023")


def test_a_higher_unit_sees_which_children_have_submitted(world):
    x1, x2, x3 = world.communes
    for u in (x1, x2):
        save(world, "1", unit=u)
        submission_submit(actor=None, unit=u, period="2023")
    st = children_status(world.district, "2023")
    assert (st.submitted, st.total) == (2, 3) and st.missing == [x3]


def test_the_unit_page_says_when_figures_are_not_approved_and_how_many_children_submitted(vi_client, world):
    save(world, "10")
    save(world, "1", unit=world.communes[0])
    submission_submit(actor=None, unit=world.communes[0], period="2023")
    body = vi_client.get(
        reverse("reporting:unit_detail", args=["huyen-d"]), {"period": "2023"}
    ).content.decode()
    assert "1/3" in body
    assert "chưa được phê duyệt" in body or "not approved yet" in body


def test_a_reporter_submits_and_an_approver_approves_through_the_page(client, world):
    reporter, approver = make_user("rep"), make_user("appr")
    role_grant(actor=None, user=reporter, unit=world.district, role="reporter")
    role_grant(actor=None, user=approver, unit=world.province, role="approver")
    save(world, "10")
    url = reverse("reporting:submission_action", args=["huyen-d", "2023"])
    client.force_login(reporter)
    assert client.post(url, {"action": "approve"}).status_code == 403
    client.post(url, {"action": "submit"})
    assert status_of(world.district, "2023") == "submitted"
    client.force_login(approver)
    client.post(url, {"action": "approve"})
    assert status_of(world.district, "2023") == "approved"
    client.post(url, {"action": "reopen", "reason": ""})
    assert status_of(world.district, "2023") == "approved"
    client.post(url, {"action": "reopen", "reason": "Sai đơn vị tính"})
    assert status_of(world.district, "2023") == "reopened"
