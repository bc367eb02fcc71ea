import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.reporting.models import Rollup
from chitieu.reporting.rollups import rebuild_all, rollup_value
from chitieu.reporting.services import result_save

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def save(world, unit, value, indicator=None, **kw):
    return result_save(
        actor=None,
        indicator=indicator or world.revenue,
        unit=unit,
        period="2023",
        value=value,
        today=TODAY,
        **kw,
    ).object


def snapshot():
    return sorted(
        (
            r.unit_id,
            r.indicator_id,
            r.period,
            D(r.total).normalize(),
            r.reporting,
            D(r.numerator).normalize(),
            D(r.denominator).normalize(),
            r.meeting,
        )
        for r in Rollup.objects.all()
    )


def test_a_commune_figure_reaches_its_district_and_province_at_once(world):
    x1, x2, _x3 = world.communes
    save(world, x1, D(10))
    save(world, x2, D(5))
    district = Rollup.objects.get(unit=world.district, indicator=world.revenue, period="2023")
    province = Rollup.objects.get(unit=world.province, indicator=world.revenue, period="2023")
    assert (district.total, district.reporting) == (15, 2) and province.total == 15
    save(world, x1, D(12))
    province.refresh_from_db()
    assert province.total == 17 and province.reporting == 2


def test_a_districts_own_figure_stands_for_its_communes_and_is_never_counted_twice(world):
    """After a district reports its own 98,6 and one of its communes 12,5, the province counts the
    district's own figure (not 12,5, not both); the district keeps its communes' roll-up beside it."""
    save(world, world.communes[0], D("12.5"))
    save(world, world.district, D("98.6"))
    save(world, world.town, D(1))
    province = Rollup.objects.get(unit=world.province, indicator=world.revenue, period="2023")
    district = Rollup.objects.get(unit=world.district, indicator=world.revenue, period="2023")
    assert (province.total, province.reporting) == (D("99.6"), 2) and district.total == D("12.5")
    save(world, world.communes[1], D(1))  # below a district with its own figure: the province is unmoved
    province.refresh_from_db()
    assert province.total == D("99.6")


def test_ratios_roll_up_as_ratio_of_sums_and_counts_meet_the_threshold(world):
    x1, x2, x3 = world.communes
    save(world, x1, None, indicator=world.coverage, numerator=D(90), denominator=D(100))
    save(world, x2, None, indicator=world.coverage, numerator=D(960), denominator=D(1000))
    row = Rollup.objects.get(unit=world.district, indicator=world.coverage, period="2023")
    assert abs(rollup_value(row, world.coverage) - D(1050) * 100 / D(1100)) < D("1e-20")
    for unit, v in ((x1, 1), (x2, 1), (x3, 0)):
        save(world, unit, D(v), indicator=world.ntm)
    assert Rollup.objects.get(unit=world.district, indicator=world.ntm, period="2023").meeting == 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10**9)), min_size=1, max_size=12))
def test_incremental_rollups_equal_a_full_rebuild(world, writes):
    for i, v in writes:
        save(world, world.communes[i], D(v) / 100)
    incremental = snapshot()
    rebuild_all()
    assert snapshot() == incremental


def test_a_rebuild_repairs_only_the_rows_that_are_wrong(world):
    x1, x2, _x3 = world.communes
    save(world, x1, D(10))
    save(world, x2, D(5))
    save(world, x1, None, indicator=world.coverage, numerator=D(9), denominator=D(10))
    correct = snapshot()
    assert rebuild_all().repaired == 0  # a correct table: nothing written
    # Damage it three ways: a wrong sum, a missing row, a row for a period nobody reported.
    Rollup.objects.filter(unit=world.district, indicator=world.revenue).update(total=D(999))
    Rollup.objects.filter(unit=world.province, indicator=world.coverage).delete()
    Rollup.objects.create(
        unit=world.province, indicator=world.revenue, period="2019", total=D(1), reporting=1
    )
    done = rebuild_all()
    assert (done.deleted, done.updated, done.inserted) == (1, 1, 1)
    assert done.rows == len(correct) and snapshot() == correct


def test_the_command_checks_without_changing_and_then_repairs(world, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    save(world, world.communes[0], D(10))
    Rollup.objects.filter(unit=world.district).update(total=D(1))
    with pytest.raises(CommandError, match="1 of .* rows differ .*1 wrong"):
        call_command("rollups", "--check")
    assert Rollup.objects.get(unit=world.district, indicator=world.revenue).total == D(1)  # untouched
    call_command("rollups")
    assert Rollup.objects.get(unit=world.district, indicator=world.revenue).total == D(10)
    call_command("rollups", "--check")
    assert "0 extra, 0 wrong, 0 missing" in capsys.readouterr().out
