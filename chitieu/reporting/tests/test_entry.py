"""A commune reporter's month on the server: the periods offered, the entry form that keeps every
typed row, the save-many service (all rows or none), the roll-up at once, and the refusals."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone

from chitieu.access.services import role_grant
from chitieu.audit.models import AuditEntry
from chitieu.lib.periods import PeriodKind
from chitieu.lib.reportable import reportable_periods
from chitieu.orgs.models import Unit
from chitieu.reporting.calendar import unit_period_choices
from chitieu.reporting.models import Result, Rollup
from chitieu.reporting.services import ResultInput, ResultRowsRefused, results_save_many, target_save
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
FORMED = dt.date(2025, 7, 1)


@pytest.fixture
def new_commune(world):
    """A commune formed on 1/7/2025 under the district (as after the reorganisation), never reported."""
    return Unit.objects.create(
        code="xa-moi", name="Xã Mới", kind="commune", parent=world.district, valid_from=FORMED
    )


@pytest.fixture
def reporter(client, world, new_commune):
    user = make_user("reporter")
    role_grant(actor=None, user=user, unit=new_commune, role="reporter")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    client.force_login(user)
    return user


def open_month(unit):
    """This month's period as the reporting setup has it open today (Decree 09 from the 15th: next)."""
    return next(p for p in unit_period_choices(unit).open if p.kind is PeriodKind.MONTH)


def test_a_commune_formed_in_2025_is_offered_this_month_and_the_entry_link(client, reporter, new_commune):
    resp = client.get(reverse("reporting:unit_detail", args=[new_commune.code]))
    body = resp.content.decode()
    month = open_month(new_commune)
    expected = reportable_periods(rule="nd09", today=timezone.localdate(), exists_from=FORMED)
    assert resp.status_code == 200
    assert f'<option value="{month.code}" selected>' in body  # the month it has to report, chosen
    for p in expected:
        assert f'<option value="{p.code}"' in body
    assert '<option value="2025-Q2"' not in body  # before the commune existed
    assert reverse("reporting:results_edit", args=[new_commune.code, month.code]) in body


def test_adding_an_indicator_keeps_every_row_typed_before(client, reporter, world, new_commune):
    target_save(
        actor=None, indicator=world.revenue, unit=new_commune, period="2026", basis="plan", value=D(80)
    )
    month = open_month(new_commune)
    url = reverse("reporting:results_edit", args=[new_commune.code, month.code])
    resp = client.post(
        url,
        {"thu-ns-value": "12,5", "thu-ns-status": "estimate", "new_indicator": "lua", "add_row": "1"},
    )
    body = resp.content.decode()
    assert resp.status_code == 200
    assert 'name="thu-ns-value" value="12,5"' in body  # the typed row and its value are still there
    assert 'name="lua-value"' in body  # and the added one
    assert '<input type="hidden" name="add" value="lua">' in body
    # Nothing was saved by adding a row.
    assert not Result.objects.filter(unit=new_commune).exists()
    assert not AuditEntry.objects.filter(object_type="reporting.result").exists()

    # A second row added keeps both: the first added one travels as a hidden field.
    resp = client.post(
        url,
        {
            "thu-ns-value": "12,5",
            "thu-ns-status": "estimate",
            "lua-value": "1.234",
            "lua-status": "estimate",
            "add": "lua",
            "new_indicator": "bhyt",
            "add_row": "1",
        },
    )
    body = resp.content.decode()
    assert 'value="12,5"' in body and 'name="lua-value" value="1.234"' in body and 'name="bhyt-value"' in body


def test_saving_the_rows_stores_each_figure_rolls_it_up_and_audits_it(client, reporter, world, new_commune):
    month = open_month(new_commune)
    url = reverse("reporting:results_edit", args=[new_commune.code, month.code])
    resp = client.post(
        url,
        {
            "add": ["thu-ns", "lua"],
            "thu-ns-value": "12,5",
            "thu-ns-status": "estimate",
            "lua-value": "1.234",
            "lua-status": "estimate",
        },
    )
    assert resp.status_code == 302, re.findall(r"errorlist.{0,200}", resp.content.decode())
    stored = {r.indicator.code: r for r in Result.objects.filter(unit=new_commune, period=month.code)}
    assert stored["thu-ns"].value == D("12.5") and stored["lua"].value == D("1234")
    assert stored["thu-ns"].status == "estimate" and stored["thu-ns"].entered_by == reporter
    # The district and the province see the figure at once, through the roll-up table.
    for above in (world.district, world.province):
        rollup = Rollup.objects.get(unit=above, indicator=world.revenue, period=month.code)
        assert rollup.total == D("12.5") and rollup.reporting == 1
    entries = AuditEntry.objects.filter(object_type="reporting.result", actor=reporter)
    assert entries.count() == 2 and {e.action for e in entries} == {"create"}
    # The district's page shows it (the reporter's district clerk would open it).
    clerk = make_user("clerk", superuser=True)
    client.force_login(clerk)
    page = client.get(reverse("reporting:unit_detail", args=[world.district.code]), {"period": month.code})
    row = re.search(r'data-indicator="thu-ns".*?</tr>', page.content.decode(), re.S).group(0)
    assert "12,5" in row and "(1/" in row


def test_one_refused_row_saves_no_row_and_keeps_everything_typed(client, reporter, world, new_commune):
    month = open_month(new_commune)
    url = reverse("reporting:results_edit", args=[new_commune.code, month.code])
    resp = client.post(
        url,
        {
            "add": ["thu-ns", "bhyt"],
            "thu-ns-value": "12,5",
            "thu-ns-status": "estimate",
            "bhyt-value": "140",  # a share above 100%
            "bhyt-status": "estimate",
        },
    )
    body = resp.content.decode()
    assert resp.status_code == 400
    assert 'name="thu-ns-value" value="12,5"' in body and 'name="bhyt-value" value="140"' in body
    bhyt_row = re.search(r'data-indicator="bhyt".*?</tr>', body, re.S).group(0)
    assert "140% nằm ngoài khoảng 0–100" in bhyt_row  # the reason, in Vietnamese, beside the row it concerns
    assert not Result.objects.filter(unit=new_commune).exists()
    assert not Rollup.objects.filter(period=month.code).exists()
    assert not AuditEntry.objects.filter(object_type="reporting.result").exists()


def test_an_actual_figure_in_an_open_period_is_refused_beside_its_row(client, reporter, new_commune):
    month = open_month(new_commune)
    url = reverse("reporting:results_edit", args=[new_commune.code, month.code])
    resp = client.post(url, {"add": "thu-ns", "thu-ns-value": "7", "thu-ns-status": "actual"})
    body = resp.content.decode()
    assert resp.status_code == 400 and "ước" in re.search(
        r'data-indicator="thu-ns".*?</tr>', body, re.S
    ).group(0)
    assert not Result.objects.exists()


def test_a_period_not_yet_open_is_refused_with_the_day_it_opens(client, reporter, new_commune):
    later = timezone.localdate().year + 2
    url = reverse("reporting:results_edit", args=[new_commune.code, f"{later}-Q1"])
    resp = client.get(url)
    body = resp.content.decode()
    assert "chưa mở" in body and f"15/12/{later - 1}" in body and 'name="thu-ns-value"' not in body
    resp = client.post(url, {"add": "thu-ns", "thu-ns-value": "7", "thu-ns-status": "estimate"})
    assert resp.status_code == 400 and "chưa mở" in resp.content.decode()
    assert not Result.objects.exists()


def test_a_period_before_the_commune_existed_is_refused_with_its_founding_date(client, reporter, new_commune):
    url = reverse("reporting:results_edit", args=[new_commune.code, "2025-Q1"])
    resp = client.post(url, {"add": "thu-ns", "thu-ns-value": "7", "thu-ns-status": "actual"})
    body = resp.content.decode()
    assert resp.status_code == 400 and "01/07/2025" in body and "Xã Mới" in body
    assert not Result.objects.exists()


def test_a_reporter_of_another_commune_cannot_open_the_form(client, world, new_commune):
    other = make_user("other")
    role_grant(actor=None, user=other, unit=world.communes[0], role="reporter")
    client.force_login(other)
    month = open_month(new_commune)
    assert (
        client.get(reverse("reporting:results_edit", args=[new_commune.code, month.code])).status_code == 404
    )
    assert (
        client.post(reverse("reporting:results_edit", args=[new_commune.code, month.code])).status_code == 404
    )


def test_the_save_many_service_keeps_all_rows_or_none(world):
    d = world.communes[0]
    rows = [
        ResultInput(indicator=world.revenue, value=D(5)),
        ResultInput(indicator=world.coverage, value=D(101)),  # refused: a share above 100%
        ResultInput(indicator=world.rice, value=D(9)),
    ]
    with pytest.raises(ResultRowsRefused) as info:
        results_save_many(actor=None, unit=d, period="2023-H1", rows=rows)
    assert set(info.value.rows) == {"bhyt"}
    assert not Result.objects.exists() and not Rollup.objects.exists()
    saved = results_save_many(actor=None, unit=d, period="2023-H1", rows=[rows[0], rows[2]])
    assert [r.object.value for r in saved] == [D(5), D(9)] and all(r.created for r in saved)
    assert Result.objects.filter(unit=d).count() == 2
    assert Rollup.objects.get(unit=world.district, indicator=world.rice, period="2023-H1").total == D(9)


def test_the_save_many_service_names_the_figure_saved_meanwhile(world):
    d = world.communes[0]
    first = results_save_many(actor=None, unit=d, period="2023-H1", rows=[ResultInput(world.revenue, D(5))])[
        0
    ].object
    results_save_many(
        actor=None, unit=d, period="2023-H1", rows=[ResultInput(world.revenue, D(6), expected_version=1)]
    )
    with pytest.raises(ResultRowsRefused) as info:
        results_save_many(
            actor=None, unit=d, period="2023-H1", rows=[ResultInput(world.revenue, D(7), expected_version=1)]
        )
    assert info.value.current["thu-ns"].value == D(6)
    first.refresh_from_db()
    assert first.value == D(6) and first.version == 2
