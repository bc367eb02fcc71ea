import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chitieu.lib.periods import parse_period
from chitieu.reporting.choices import Status
from chitieu.reporting.selectors import progress_table
from chitieu.reporting.services import StatedInput, result_save, target_save

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 1, 10)


def res(world, indicator, unit, period, value, **kw):
    return result_save(
        actor=None, indicator=indicator, unit=unit, period=period, value=value, today=TODAY, **kw
    ).object


def rows(unit, period, **kw):
    return {r.indicator.code: r for g in progress_table(unit, parse_period(period), **kw) for r in g.rows}


def test_each_basis_gets_its_own_percentage(world):
    target_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D(200),
        resolution=world.resolution,
    )
    target_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="estimate_upper",
        value=D(80),
    )
    res(world, world.revenue, world.district, "2023", D(100))
    row = rows(world.district, "2023")["thu-ns"]
    pct = {c.basis: c.assessment.percent for c in row.bases}
    assert pct == {"plan": D(50), "estimate_upper": D(125)}


def test_a_half_year_is_measured_against_the_years_plan_at_pace(world):
    target_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", basis="plan", value=D(1000)
    )
    res(world, world.revenue, world.district, "2023-H1", D(517))
    row = rows(world.district, "2023-H1")["thu-ns"]
    assert row.bases[0].assessment.percent == D("51.7")
    assert row.status == Status.ON_PACE and row.on_pace  # 51,7% of the year at its half: never "vượt"
    res(world, world.revenue, world.district, "2023-H1", D(310))
    assert rows(world.district, "2023-H1")["thu-ns"].status == Status.BEHIND


def test_change_against_the_same_period_last_year_is_computed(world):
    res(world, world.revenue, world.district, "2022-H1", D(200))
    res(world, world.revenue, world.district, "2023-H1", D("231.8"))
    row = rows(world.district, "2023-H1")["thu-ns"]
    assert row.change == D("15.9") and not row.change_stated and not row.change_is_points


def test_a_percentage_indicator_changes_in_points(world):
    res(world, world.coverage, world.district, "2022", D("93.5"))
    res(world, world.coverage, world.district, "2023", D("95.49"))
    row = rows(world.district, "2023")["bhyt"]
    assert row.change_is_points and row.change == D("1.99")


def test_a_stated_change_is_shown_when_last_year_is_missing(world):
    res(
        world,
        world.revenue,
        world.district,
        "2023-H1",
        D(100),
        stated=[StatedInput("same_period", "change", D("15.9"))],
    )
    row = rows(world.district, "2023-H1")["thu-ns"]
    assert row.change == D("15.9") and row.change_stated


def test_children_roll_up_and_count_those_meeting_the_standard(world):
    x1, x2, x3 = world.communes
    for unit, v in ((x1, 10), (x2, 20)):
        res(world, world.revenue, unit, "2023", D(v))
    for unit, v in ((x1, 1), (x2, 1), (x3, 0)):
        res(world, world.ntm, unit, "2023", D(v))
    table = rows(world.district, "2023")
    assert table["thu-ns"].rollup.value == D(30)
    assert (table["thu-ns"].rollup.reporting, table["thu-ns"].rollup.expected) == (2, 3)
    assert table["ntm-so-xa"].rollup_count == (2, 3)


def test_a_resolution_filter_keeps_only_its_targets(world):
    target_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D(1),
        resolution=world.resolution,
    )
    res(world, world.rice, world.district, "2023", D(5))
    assert set(rows(world.district, "2023", resolution=world.resolution)) == {"thu-ns"}
    assert set(rows(world.district, "2023")) == {"thu-ns", "lua"}


def test_the_table_costs_the_same_queries_for_many_indicators(world):
    res(world, world.revenue, world.district, "2023", D(1))
    res(world, world.revenue, world.communes[0], "2023", D(1))
    with CaptureQueriesContext(connection) as few:
        rows(world.district, "2023")
    for ind in (world.rice, world.coverage):
        res(world, ind, world.district, "2023", D(2))
        target_save(actor=None, indicator=ind, unit=world.district, period="2023", basis="plan", value=D(4))
        res(world, ind, world.communes[0], "2023", D(1))
    with CaptureQueriesContext(connection) as many:
        rows(world.district, "2023")
    assert len(many) == len(few)
