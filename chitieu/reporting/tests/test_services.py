import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from chitieu.reporting.models import ReportingSetup, Result, StatedComparison
from chitieu.reporting.services import StatedInput, result_save, target_save, window_rule_for

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 7, 1)


def save(world, **kw):
    args = dict(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023-H1",
        value=D("40.7"),
        today=TODAY,
    )
    args.update(kw)
    return result_save(**args).object


def test_it_keeps_one_result_per_indicator_unit_and_period(world):
    first = save(world)
    second = save(world, value=D("41"))
    assert first.pk == second.pk and second.version == 2
    assert Result.objects.get().value == D("41")


def test_the_database_enforces_one_result_per_indicator_unit_and_period(world):
    Result.objects.create(indicator=world.revenue, unit=world.district, period="2023", value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Result.objects.create(indicator=world.revenue, unit=world.district, period="2023", value=2)


def test_it_refuses_a_period_code_that_does_not_exist(world):
    with pytest.raises(ValidationError) as exc:
        save(world, period="2023-Q5")
    assert "period" in exc.value.message_dict
    assert not Result.objects.exists()


def test_it_refuses_a_result_for_a_unit_that_did_not_exist_in_the_period(world):
    world.town.valid_to = dt.date(2020, 1, 1)
    world.town.save()
    with pytest.raises(ValidationError) as exc:
        save(world, unit=world.town, period="2023")
    assert "unit" in exc.value.message_dict
    assert not Result.objects.exists()


def test_an_unfinished_period_can_hold_only_estimates(world):
    with pytest.raises(ValidationError) as exc:
        save(world, period="2024-H2", status="actual")
    assert "status" in exc.value.message_dict
    assert save(world, period="2024-H2", status="estimate").status == "estimate"


def test_the_data_window_rule_comes_from_the_nearest_setup_up_the_tree(world):
    # Decree 09: the first half's data closes on 14 June, so a figure entered on 20 June is actual.
    assert window_rule_for(world.communes[0]) == "nd09"
    save(world, period="2024-H1", today=dt.date(2024, 6, 20))
    ReportingSetup.objects.create(unit=world.district, window_rule="calendar")
    assert window_rule_for(world.communes[0]) == "calendar"
    with pytest.raises(ValidationError):
        save(world, period="2024-H1", today=dt.date(2024, 6, 20), value=D("50"))
    # A commune two levels down follows the district's rule, unless it has its own.
    commune = world.communes[0]
    with pytest.raises(ValidationError):
        save(world, unit=commune, period="2024-H1", today=dt.date(2024, 6, 20))
    ReportingSetup.objects.create(unit=commune, window_rule="nd09")
    assert save(world, unit=commune, period="2024-H1", today=dt.date(2024, 6, 20)).status == "actual"


def test_a_share_cannot_exceed_one_hundred_percent(world):
    with pytest.raises(ValidationError) as exc:
        save(world, indicator=world.coverage, value=D("100.5"))
    assert "value" in exc.value.message_dict
    assert save(world, indicator=world.coverage, value=D("95.49")).value == D("95.49")


def test_a_count_cannot_exceed_its_denominator(world):
    with pytest.raises(ValidationError):
        save(world, indicator=world.ntm_count, value=D(10), denominator=D(9))


def test_a_zero_denominator_is_refused_naming_the_field_even_without_a_numerator(world):
    """The database's check constraint would refuse it too, but with a message no user can act on."""
    with pytest.raises(ValidationError) as exc:
        save(world, indicator=world.ntm_count, value=D(0), denominator=D(0))
    assert exc.value.message_dict == {"denominator": ["Mẫu số không được bằng 0."]}
    assert not Result.objects.exists()


def test_a_ratio_is_computed_from_numerator_and_denominator(world):
    r = save(world, indicator=world.coverage, value=None, numerator=D(9549), denominator=D(10000))
    assert r.value == D("95.49")


def test_a_figure_given_only_as_percentages_keeps_them_and_nothing_else(world):
    r = save(
        world,
        value=None,
        stated=[StatedInput("plan", "of", D(31)), StatedInput("estimate_upper", "of", D(49))],
    )
    assert r.value is None
    assert sorted(StatedComparison.objects.values_list("basis", "percent")) == [
        ("estimate_upper", D(49)),
        ("plan", D(31)),
    ]


def test_a_result_with_neither_value_nor_percentage_is_refused(world):
    with pytest.raises(ValidationError):
        save(world, value=None)


def test_a_stale_version_is_refused_rather_than_overwritten(world):
    r = save(world)
    save(world, value=D(42), expected_version=r.version)
    with pytest.raises(ValidationError) as exc:
        save(world, value=D(43), expected_version=r.version)
    assert "42" in str(exc.value)
    assert Result.objects.get().value == D(42)


def test_targets_of_several_bases_hold_at_once(world):
    target_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", basis="plan", value=D(131)
    )
    target_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="estimate_upper",
        value=D(83),
    )
    assert world.district.targets.count() == 2


def test_a_target_outside_its_resolutions_period_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        target_save(
            actor=None,
            indicator=world.revenue,
            unit=world.district,
            period="2024",
            basis="plan",
            value=D(1),
            resolution=world.resolution,
        )
    assert "period" in exc.value.message_dict


def test_a_create_that_finds_the_figure_already_there_is_refused(world):
    save(world, create_only=True)
    with pytest.raises(ValidationError) as exc:
        save(world, value=D("99"), create_only=True)
    assert exc.value.code == "exists"
    assert Result.objects.get().value == D("40.7")
