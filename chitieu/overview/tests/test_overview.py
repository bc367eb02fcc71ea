"""A leader's overview: what is behind in the subtree, each item a link, and nothing from outside."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from chitieu.access.services import role_grant
from chitieu.meetings.services import conference_create, limitation_add, task_create
from chitieu.orgs.models import Unit, UnitLineage
from chitieu.reporting.services import result_save, target_save
from chitieu.reporting.workflow import submission_submit
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
LATER = dt.date(2024, 1, 1)


@pytest.fixture
def behind(world):
    """The district's revenue at 40% of the year's plan at mid-year (behind pace), the rice on pace;
    commune X1 reported and submitted, X2 reported only, X3 nothing; an overdue task and a limitation
    in the district, and the same outside it (the town)."""
    d = world.district
    target_save(actor=None, indicator=world.revenue, unit=d, period="2023", basis="plan", value=D(1000))
    target_save(actor=None, indicator=world.rice, unit=d, period="2023", basis="plan", value=D(100))
    result_save(actor=None, indicator=world.revenue, unit=d, period="2023-H1", value=D(400), today=LATER)
    result_save(actor=None, indicator=world.rice, unit=d, period="2023-H1", value=D(60), today=LATER)
    x1, x2, _x3 = world.communes
    for x in (x1, x2):
        result_save(actor=None, indicator=world.rice, unit=x, period="2023-H1", value=D(5), today=LATER)
    submission_submit(actor=None, unit=x1, period="2023-H1")
    conf = conference_create(
        unit=d, body="executive", date=dt.date(2023, 6, 20), period="2023-H1", term=world.term
    )
    limitation_add(conference=conf, text="Giải ngân vốn đầu tư công chậm.")
    task_create(
        text="Đẩy nhanh giải phóng mặt bằng.", unit=x2, conference=conf, deadline=dt.date(2023, 9, 30)
    )
    task_create(text="Hoàn thành sớm.", unit=x2, conference=conf, deadline=dt.date(2099, 1, 1))
    other = conference_create(unit=world.town, body="executive", date=dt.date(2023, 6, 21), period="2023-H1")
    limitation_add(conference=other, text="Hạn chế của thị xã.")
    task_create(text="Nhiệm vụ của thị xã.", unit=world.town, conference=other, deadline=dt.date(2023, 7, 1))
    return world


@pytest.fixture
def leader(client, world):
    user = make_user("leader")
    role_grant(actor=None, user=user, unit=world.district, role="leader")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    client.force_login(user)
    return user


def section(body: str, name: str) -> str:
    return re.search(rf'<section class="panel" id="{name}">.*?</section>', body, re.S).group(0)


def test_a_leader_lands_on_what_is_behind_in_the_district(client, leader, behind):
    body = client.get(reverse("orgs:home")).content.decode()
    assert "Tổng quan: Huyện D" in body and "6 tháng đầu năm 2023" in body
    slow = section(body, "behind")
    assert "Thu ngân sách" in slow and "40,0%" in slow and "Sản lượng lúa" not in slow
    assert reverse("reporting:unit_detail", args=["huyen-d"]) + "?period=2023-H1#ind-thu-ns" in slow
    units = section(body, "reporting")
    assert "2/3 đã báo cáo" in units and "1/3 đã nộp" in units
    not_reported = units.split("Chưa báo cáo")[1].split("</ul>")[0]
    assert "Xã X3" in not_reported and "Xã X1" not in not_reported and "Xã X2" not in not_reported
    assert "Xã X2" in units.split("chưa nộp")[1]
    overdue = section(body, "overdue")
    assert "Đẩy nhanh giải phóng mặt bằng." in overdue and "Hoàn thành sớm." not in overdue
    assert "hạn 30/09/2023" in overdue
    limits = section(body, "limitations")
    assert "Giải ngân vốn đầu tư công chậm." in limits
    # Nothing from the town, outside the leader's subtree.
    assert "Thị xã T" not in body
    assert "Hạn chế của thị xã." not in body and "Nhiệm vụ của thị xã." not in body


def test_the_period_picker_changes_the_period_and_keeps_the_unit(client, leader, behind):
    body = client.get(reverse("orgs:home"), {"unit": "Xã X2 (xa-2)", "period": "quý I/2023"}).content.decode()
    assert "Tổng quan: Xã X2" in body and "quý I/2023" in body
    assert "Sản lượng lúa" not in section(body, "behind")


def test_a_leader_whose_district_closed_sees_it_as_it_last_stood_with_its_successor(client, leader, behind):
    d = behind.district
    d.valid_to = dt.date(2025, 7, 1)
    d.save(update_fields=["valid_to"])
    new = Unit.objects.create(
        code="xa-moi", name="Xã Mới", kind="commune", parent=behind.province, valid_from=d.valid_to
    )
    UnitLineage.objects.create(predecessor=d, successor=new, kind="merge", date=d.valid_to)
    body = client.get(reverse("orgs:home")).content.decode()
    assert "Tổng quan: Huyện D" in body and "6 tháng đầu năm 2023" in body  # its last period with figures
    assert "đã chấm dứt hoạt động từ ngày 01/07/2025" in body and "Xã Mới" in body
    assert "chitieu demo" not in body
    # Given a role on the successor too, the successor comes first.
    role_grant(actor=None, user=leader, unit=new, role="leader")
    client.force_login(leader)
    assert "Tổng quan: Xã Mới" in client.get(reverse("orgs:home")).content.decode()


def test_a_user_without_any_role_is_told_to_ask_for_one_not_to_run_a_command(client, world):
    client.force_login(make_user("nobody"))
    body = client.get(reverse("orgs:home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "chưa được phân quyền" in body and "chitieu demo" not in body


def test_a_bad_period_is_named_and_the_latest_one_shown(client, leader, behind):
    body = client.get(reverse("orgs:home"), {"period": "quý V/2023"}).content.decode()
    assert "“quý V/2023” không phải là kỳ báo cáo" in body and "6 tháng đầu năm 2023" in body


def test_the_overview_needs_a_login(client, world):
    assert client.get(reverse("orgs:home")).status_code == 302
