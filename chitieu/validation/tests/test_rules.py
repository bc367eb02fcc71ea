"""Each rule kind, on the mistyped figures issue 12 lists: hard rules refuse the save naming the field,
the rule and the figures, and write nothing; soft rules store a finding that is fixed by a correction
or overridden with an audited reason; approval waits for them; bad rules are refused when saved."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from chitieu.audit.models import AuditEntry
from chitieu.indicators.models import Indicator
from chitieu.reporting.models import Result, Rollup
from chitieu.reporting.services import StatedInput, result_save, target_save
from chitieu.reporting.workflow import submission_approve, submission_submit
from chitieu.validation.choices import FindingStatus
from chitieu.validation.models import Finding, Rule
from chitieu.validation.services import finding_override, rule_save

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)


def save(indicator, unit, value, period="2024-H1", **kw):
    return result_save(
        actor=None, indicator=indicator, unit=unit, period=period, value=value, today=TODAY, **kw
    )


def refusal(call) -> dict:
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        call()
    return exc.value.message_dict


def findings(unit, period="2024-H1", **kw):
    return list(Finding.objects.filter(unit=unit, period=period, **kw).select_related("rule"))


def test_a_negative_budget_revenue_is_refused_naming_the_field_rule_and_figure(world):
    x1 = world.communes[0]
    errors = refusal(lambda: save(world.revenue, x1, D(-5)))
    assert "value" in errors
    assert (
        "Thu ngân sách" in errors["value"][0]
        and "-5" in errors["value"][0]
        and "không âm" in errors["value"][0]
    )
    assert not Result.objects.filter(unit=x1).exists() and not Rollup.objects.exists()


def test_a_numerator_above_its_denominator_and_a_value_beside_other_counts_are_refused(world):
    x1 = world.communes[0]
    errors = refusal(lambda: save(world.coverage, x1, None, numerator=D(1200), denominator=D(1000)))
    assert "numerator" in errors and "1,200" in errors["numerator"][0] and "1,000" in errors["numerator"][0]
    errors = refusal(lambda: save(world.coverage, x1, D(50), numerator=D(900), denominator=D(1000)))
    assert "value" in errors and "90" in errors["value"][0]  # 900/1.000 gives 90, not 50
    assert not Result.objects.exists()
    assert save(world.coverage, x1, D(90), numerator=D(900), denominator=D(1000)).changed


def test_a_standard_flag_of_two_and_twenty_five_of_nineteen_criteria_are_refused(world):
    x1 = world.communes[0]
    assert "value" in refusal(lambda: save(world.ntm, x1, D(2)))
    criteria = Indicator.objects.create(
        code="tieu-chi", name="Tiêu chí đã đạt", measure_unit=world.percent, field="economy",
        measure="count_meeting", aggregation="none",
    )  # fmt: skip
    errors = refusal(lambda: save(criteria, x1, D(25), denominator=D(19)))
    assert "25/19" in errors["value"][0]
    assert not Result.objects.exists()


def test_a_target_of_minus_nine_communes_is_refused(world):
    errors = refusal(
        lambda: target_save(
            actor=None,
            indicator=world.ntm_count,
            unit=world.district,
            period="2024",
            basis="plan",
            value=D(-9),
        )
    )
    assert "value" in errors and "-9" in errors["value"][0]


def test_parts_that_no_longer_add_up_to_the_whole_leave_a_finding_until_corrected(world):
    whole, a, b = world.revenue, world.rice, Indicator.objects.get(code="bhyt")
    part2 = Indicator.objects.create(
        code="thu-khac", name="Thu khác", measure_unit=world.billion, field="economy", measure="flow",
        aggregation="sum",
    )  # fmt: skip
    part1 = Indicator.objects.create(
        code="thu-thue", name="Thu thuế", measure_unit=world.billion, field="economy", measure="flow",
        aggregation="sum",
    )  # fmt: skip
    del a, b
    rule_save(
        actor=None,
        data={"name": "Thu = thuế + khác", "kind": "parts_sum", "indicator": whole},
        parts=[part1, part2],
    )
    town = world.town
    save(whole, town, D(100))
    save(part1, town, D(60))
    save(part2, town, D(40))
    assert findings(town) == []
    saved = save(part2, town, D(45))  # one part changed, the whole left standing
    assert saved.changed and [f.rule.name for f in saved.findings] == ["Thu = thuế + khác"]
    (f,) = findings(town, status=FindingStatus.OPEN)
    assert f.indicator == whole and f.details["parts"] == "105" and f.details["whole"] == "100"
    save(whole, town, D(105))  # corrected: the finding is fixed, and the history says so
    f.refresh_from_db()
    assert f.status == FindingStatus.FIXED
    assert AuditEntry.objects.filter(object_type="validation.finding", action="finding_fixed").count() == 1


def test_months_that_do_not_add_up_to_their_quarter_are_a_finding(world):
    town = world.town
    for month, v in (("2024-01", 10), ("2024-02", 10), ("2024-03", 10)):
        save(world.revenue, town, D(v), period=month)
    save(world.revenue, town, D(35), period="2024-Q1")
    (f,) = findings(town, period="2024-Q1", status=FindingStatus.OPEN)
    assert f.rule.kind == "periods_sum" and f.details["parts"] == "30"


def test_a_stated_change_left_standing_on_a_corrected_value_is_a_finding(world):
    town = world.town
    stated = [StatedInput(basis="same_period", kind="change", percent=D("13.8"), basis_label="cùng kỳ")]
    save(world.revenue, town, D(2305), stated=stated)
    assert findings(town) == []
    save(world.revenue, town, D(2400))  # the value corrected, the "+13,8%" kept
    (f,) = findings(town, status=FindingStatus.OPEN)
    assert f.rule.kind == "stated_matches" and f.details["stated"] == "13.8"
    with translation.override("vi"):
        assert "13,8" in f.message and "18,5" in f.message


def test_a_stated_share_that_no_longer_matches_its_worked_back_target_is_a_finding(world):
    from chitieu.reporting.services import DerivableShare, targets_derive

    town = world.town
    stated = [StatedInput(basis="plan", kind="of", percent=D("51.7"), basis_label="kế hoạch")]
    r = save(world.revenue, town, D(31167), stated=stated).object
    targets_derive(actor=None, result=r, shares=[DerivableShare(stated[0])])
    assert findings(town) == []
    save(world.revenue, town, D(33000))
    (f,) = findings(town, status=FindingStatus.OPEN)
    assert f.rule.kind == "stated_matches"


def test_a_figure_far_from_the_units_own_history_is_a_warning(world):
    town = world.town
    for year, v in ((2019, 100), (2020, 110), (2021, 95), (2022, 105)):
        save(world.revenue, town, D(v), period=f"{year}-H1")
    save(world.revenue, town, D(1000), period="2023-H1")
    (f,) = findings(town, period="2023-H1")
    assert f.rule.kind == "outlier" and f.details["median"] == "102.5"


def test_a_parents_own_figure_disagreeing_with_its_units_below_is_a_finding(world):
    x1, x2, _x3 = world.communes
    save(world.revenue, x1, D("12.5"))
    save(world.revenue, world.district, D("98.6"))
    (f,) = findings(world.district, status=FindingStatus.OPEN)
    assert f.rule.kind == "rollup_matches" and f.details["own"] == "98.6" and f.details["below"] == "12.5"
    save(world.revenue, x2, D("86.1"))  # the units below now add up to the district's own figure
    f.refresh_from_db()
    assert f.status == FindingStatus.FIXED


def test_approval_waits_for_each_open_finding_to_be_fixed_or_overridden_with_a_reason(world, clerk):
    x1 = world.communes[0]
    save(world.revenue, world.district, D("98.6"))
    save(world.revenue, x1, D("12.5"))
    # Submitted by the district's reporter (here the system), approved by the clerk: four eyes hold.
    submission_submit(actor=None, unit=world.district, period="2024-H1")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        submission_approve(actor=clerk, unit=world.district, period="2024-H1")
    assert "still open" in str(exc.value) and "Thu ngân sách" in str(exc.value)
    (f,) = findings(world.district, status=FindingStatus.OPEN)
    with pytest.raises(ValidationError):
        finding_override(actor=clerk, finding=f, reason="  ")
    finding_override(
        actor=clerk, finding=f, reason="Số của huyện gồm cả thu điều tiết, các xã chưa báo cáo đủ."
    )
    f.refresh_from_db()
    assert f.status == FindingStatus.OVERRIDDEN and f.decided_by == clerk
    entry = AuditEntry.objects.get(object_type="validation.finding", action="finding_overridden")
    assert entry.reason.startswith("Số của huyện")
    assert submission_approve(actor=clerk, unit=world.district, period="2024-H1").status == "approved"


def test_an_override_covers_those_figures_only(world, clerk):
    x1, x2, _x3 = world.communes
    save(world.revenue, world.district, D(100))
    save(world.revenue, x1, D(10))
    (f,) = findings(world.district, status=FindingStatus.OPEN)
    finding_override(actor=clerk, finding=f, reason="đã kiểm tra")
    save(world.revenue, x2, D(20))  # the units below changed: still off, but not what was accepted
    f.refresh_from_db()
    assert f.status == FindingStatus.OPEN and f.details["below"] == "30"


def test_a_rule_naming_no_indicator_or_contradicting_itself_is_refused_when_saved(world):
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            rule_save(
                actor=None, data={"name": "x", "kind": "bounds", "indicator": "khong-co", "minimum": D(0)}
            )
        assert "khong-co" in str(exc.value)
        with pytest.raises(ValidationError) as exc:
            rule_save(
                actor=None,
                data={
                    "name": "x",
                    "kind": "bounds",
                    "indicator": world.revenue,
                    "minimum": D(10),
                    "maximum": D(5),
                },
            )
        assert "maximum" in exc.value.message_dict
        with pytest.raises(ValidationError) as exc:
            rule_save(
                actor=None,
                data={"name": "x", "kind": "parts_sum", "indicator": world.revenue},
                parts=[world.revenue, world.rice],
            )
        assert "parts" in exc.value.message_dict
        with pytest.raises(ValidationError) as exc:
            rule_save(actor=None, data={"name": "x", "kind": "num_le_den", "indicator": world.revenue})
        assert "indicator" in exc.value.message_dict
        rule_save(
            actor=None,
            data={
                "name": "a",
                "kind": "bounds",
                "severity": "hard",
                "indicator": world.revenue,
                "minimum": D(200),
            },
        )
        with pytest.raises(ValidationError) as exc:
            rule_save(
                actor=None,
                data={
                    "name": "b",
                    "kind": "bounds",
                    "severity": "hard",
                    "indicator": world.revenue,
                    "maximum": D(100),
                },
            )
        assert "“a”" in str(exc.value)
    assert not Rule.objects.filter(name__in=["x", "b"]).exists()


def test_an_office_edits_the_rules_as_data_and_the_saves_follow(world):
    town = world.town
    rule = Rule.objects.get(kind="bounds", scope="flows")
    rule_save(actor=None, data={"active": False}, instance=rule)
    assert save(world.revenue, town, D(-5)).changed  # the office switched it off: the figure is taken
    rule_save(
        actor=None,
        data={
            "name": "Thu tối đa",
            "kind": "bounds",
            "severity": "hard",
            "indicator": world.revenue,
            "maximum": D(1000),
            "unit": world.province,
        },
    )
    assert "value" in refusal(lambda: save(world.revenue, town, D(5000)))
