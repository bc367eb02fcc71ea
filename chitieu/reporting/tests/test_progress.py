"""Tests for chitieu.reporting.progress (pure, no Django)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from chitieu.indicators.choices import Aggregation, Measure, Polarity, TargetKind
from chitieu.lib.periods import parse_period
from chitieu.reporting.choices import Status
from chitieu.reporting.progress import (
    Assessment,
    ChildValue,
    Sums,
    TreeUnit,
    assess,
    assess_share,
    change_percent,
    change_points,
    contribution,
    count_meeting,
    count_units,
    derive_target,
    expected_share,
    figure_of,
    judge_pace,
    percent_of,
    rolled_value,
    rollup,
)

D = Decimal
HALF = D("0.5")
amounts = st.decimals(min_value=D(0), max_value=D("1e9"), places=3, allow_nan=False, allow_infinity=False)
positive = st.decimals(
    min_value=D("0.001"), max_value=D("1e9"), places=3, allow_nan=False, allow_infinity=False
)
signed = st.decimals(min_value=D("-1e9"), max_value=D("1e9"), places=3, allow_nan=False, allow_infinity=False)
maybe = st.none() | amounts


def close(a: Decimal, b: Decimal, places: int = 20) -> bool:
    return abs(a - b) <= D(1).scaleb(-places)


# -- percent of target and status ----------------------------------------------------------------


def test_it_reproduces_the_report_percentages() -> None:
    # "sản lượng 101.761 tấn, đạt 59,9% so với kế hoạch" (target 169.885 t)
    result = assess(D(101761), D(169885))
    assert result.percent is not None
    assert result.percent.quantize(D("0.1"), ROUND_HALF_UP) == D("59.9")
    assert result.status is Status.NOT_ACHIEVED
    assert result.on_pace is False


@pytest.mark.parametrize(
    ("value", "target", "kind", "status"),
    [
        (D(11), D(10), TargetKind.LEVEL, Status.EXCEEDED),
        (D(10), D(10), TargetKind.LEVEL, Status.ACHIEVED),
        (D(9), D(10), TargetKind.LEVEL, Status.NOT_ACHIEVED),
        (D(11), D(10), TargetKind.CUMULATIVE, Status.EXCEEDED),
        (D(10), D(10), TargetKind.CUMULATIVE, Status.ACHIEVED),
        (D(26), D(25), TargetKind.FLOOR, Status.EXCEEDED),
        (D(25), D(25), TargetKind.FLOOR, Status.ACHIEVED),
        (D(24), D(25), TargetKind.FLOOR, Status.NOT_ACHIEVED),
        (D("0.9"), D(1), TargetKind.CEILING, Status.ACHIEVED),
        (D(1), D(1), TargetKind.CEILING, Status.NOT_ACHIEVED),
        (D("1.1"), D(1), TargetKind.CEILING, Status.NOT_ACHIEVED),
    ],
)
def test_it_judges_status_by_target_kind(
    value: Decimal, target: Decimal, kind: TargetKind, status: Status
) -> None:
    assert assess(value, target, kind=kind, measure=Measure.STOCK).status is status


@pytest.mark.parametrize(
    ("value", "status"),
    [(D("1.5"), Status.EXCEEDED), (D(2), Status.ACHIEVED), (D("2.5"), Status.NOT_ACHIEVED)],
)
def test_lower_is_better_indicators_score_the_inverse_ratio(value: Decimal, status: Status) -> None:
    result = assess(value, D(2), polarity=Polarity.LOWER, measure=Measure.RATIO)
    assert result.status is status
    assert result.percent is not None
    assert close(result.percent, D(2) / value * 100)


def test_a_zero_value_with_lower_polarity_has_no_percent_but_is_exceeded() -> None:
    assert assess(D(0), D(2), polarity="lower") == Assessment(None, Status.EXCEEDED, False)
    assert assess(D(0), D(2), kind="ceiling") == Assessment(None, Status.ACHIEVED, False)


def test_a_ceiling_is_lower_is_better_and_a_floor_higher_is_better_whatever_the_polarity() -> None:
    assert assess(D(1), D(2), kind="ceiling").percent == D(200)
    floor = assess(D(30), D(25), kind="floor", polarity="lower")
    assert floor.percent == D(120)
    assert floor.status is Status.EXCEEDED


def test_missing_figures_mean_no_target() -> None:
    assert assess(None, D(10)) == Assessment(None, Status.NO_TARGET, False)
    assert assess(D(10), None) == Assessment(None, Status.NO_TARGET, False)
    assert assess(None, None, elapsed=HALF) == Assessment(None, Status.NO_TARGET, False)


def test_a_zero_target_has_no_percent_but_a_status() -> None:
    result = assess(D(3), D(0))
    assert result.percent is None
    assert result.status is Status.EXCEEDED


def test_part_way_through_a_year_a_flow_is_judged_on_pace_never_exceeded_below_a_hundred() -> None:
    # Kinh Môn H1 2022: "Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch"
    on_track = assess(D("51.7"), D(100), elapsed=HALF)
    assert on_track == Assessment(D("51.7"), Status.ON_PACE, True, D(50))
    # Kiến Tường H1 2023: "Tổng thu ngân sách đạt 31% kế hoạch": the one item the article calls behind
    assert assess(D(31), D(100), elapsed=HALF).status is Status.BEHIND
    assert assess(D("59.9"), D(100), elapsed=HALF).status is Status.AHEAD  # rice, 59,9% at H1
    assert assess(D(250_000), D(500_000), elapsed=HALF).status is Status.ON_PACE  # exactly on the line
    assert assess(D("27.9"), D(100), elapsed=D("0.25")).status is Status.ON_PACE  # Hữu Lũng, Q1
    # Kinh Môn's budget: 106% of the year's estimate by H1 is the year's target exceeded already
    assert assess(D(106), D(100), elapsed=HALF).status is Status.EXCEEDED
    assert assess(D(100), D(100), elapsed=HALF).status is Status.ACHIEVED


def test_the_pace_band_is_five_points_either_side_bounds_included() -> None:
    assert judge_pace(D(55), D(50)) is Status.ON_PACE and judge_pace(D(45), D(50)) is Status.ON_PACE
    assert judge_pace(D("55.01"), D(50)) is Status.AHEAD and judge_pace(D("44.99"), D(50)) is Status.BEHIND


def test_a_share_stated_without_value_or_target_is_assessed_too() -> None:
    assert assess_share(D(31), expected=D(50)).status is Status.BEHIND
    assert assess_share(D(49), expected=D(50)).status is Status.ON_PACE
    assert assess_share(D("100.51")).status is Status.EXCEEDED
    assert assess_share(D(58), kind=TargetKind.CUMULATIVE, measure=Measure.STOCK, expected=D(50)).status is (
        Status.AHEAD
    )


def test_the_share_expected_follows_the_time_elapsed_or_the_season() -> None:
    year, term = parse_period("2023"), parse_period("2020-2025")
    assert expected_share(parse_period("2023-H1"), year) == 50
    assert expected_share(parse_period("2023-Q1"), year) == 25
    assert expected_share(parse_period("2023-9M"), year) == 75
    assert expected_share(parse_period("2023-04"), year).quantize(D("0.01")) == D("33.33")
    assert expected_share(year, year) is None  # the whole period: judged directly
    season = [D(x) for x in (5, 10, 20, 40, 70, 90, 92, 94, 96, 97, 99, 100)]
    assert expected_share(parse_period("2023-H1"), year, season=season) == 90
    assert expected_share(parse_period("2022"), term) == 40  # two of the five years of work
    assert expected_share(term, term, as_of=dt.date(2023, 6, 30)) == 50  # the mid-term review
    assert expected_share(term, term) is None


def test_partial_stock_and_ratio_periods_are_judged_directly() -> None:
    for measure in (Measure.STOCK, Measure.RATIO, Measure.COUNT_MEETING):
        result = assess(D("51.7"), D(100), measure=measure, elapsed=HALF)
        assert result == Assessment(D("51.7"), Status.NOT_ACHIEVED, False)


def test_part_way_lower_is_better_flows_compare_the_ceiling_used_with_the_time_elapsed() -> None:
    # at most 100 accidents a year; 40 by mid-year is ahead of the pro-rata 50, 60 behind
    result = assess(D(40), D(100), polarity=Polarity.LOWER, elapsed=HALF)
    assert result.status is Status.AHEAD and result.on_pace
    assert assess(D(60), D(100), polarity="lower", elapsed=HALF).status is Status.BEHIND
    assert assess(D(110), D(100), polarity="lower", elapsed=HALF).status is Status.NOT_ACHIEVED


def test_elapsed_must_be_a_share_of_the_period() -> None:
    for bad in (D(0), D("-0.5"), D("1.01")):
        with pytest.raises(ValueError):
            assess(D(1), D(1), elapsed=bad)


def test_it_refuses_floats() -> None:
    with pytest.raises(TypeError):
        assess(1.5, D(1))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        change_percent(D(1), 0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        rollup([ChildValue("a", 1.5)], Aggregation.SUM)  # type: ignore[arg-type]


def test_it_accepts_ints_and_enum_values_as_strings() -> None:
    assert assess(5, 10, polarity="higher", kind="level", measure="stock").percent == D(50)


# -- average growth ------------------------------------------------------------------------------


def test_average_growth_compares_the_compound_annual_rate() -> None:
    exact = assess(D(121), D(10), kind=TargetKind.AVG_GROWTH, baseline=D(100), years=2)
    assert exact.status is Status.ACHIEVED
    assert exact.percent == D(100)
    three_years = assess(D("133.1"), D(10), kind="avg_growth", baseline=D(100), years=3)
    assert three_years.status is Status.ACHIEVED
    faster = assess(D(150), D(10), kind="avg_growth", baseline=D(100), years=2)
    assert faster.status is Status.EXCEEDED
    assert faster.percent is not None and D(224) < faster.percent < D(225)  # 22,47%/year vs 10%
    slower = assess(D(110), D(8), kind="avg_growth", baseline=D(100), years=5)
    assert slower.status is Status.NOT_ACHIEVED
    assert slower.on_pace is False


def test_average_growth_needs_a_baseline_and_years() -> None:
    for baseline, years in [(None, 5), (D(100), None), (D(100), 0), (D(0), 5), (D(-1), 5)]:
        result = assess(D(121), D(10), kind="avg_growth", baseline=baseline, years=years)
        assert result == Assessment(None, Status.NO_TARGET, False)


def test_average_growth_ignores_elapsed_and_handles_decline() -> None:
    result = assess(D(81), D(5), kind="avg_growth", baseline=D(100), years=2, elapsed=HALF)
    assert result.status is Status.NOT_ACHIEVED and result.on_pace is False
    assert result.percent == D(-200)  # -10%/year against +5%/year


# -- changes -------------------------------------------------------------------------------------


def test_change_percent_and_points() -> None:
    assert change_percent(D("115.9"), D(100)) == D("15.9")
    assert change_percent(D(-3), D(-2)) == D(-50)
    assert change_percent(D(1), D(0)) is None
    assert change_percent(None, D(1)) is None
    assert change_percent(D(1), None) is None
    assert change_points(D("4.2"), D("5.0")) == D("-0.8")
    assert change_points(None, D(1)) is None


# -- roll-ups ------------------------------------------------------------------------------------

CHILDREN = [
    ChildValue("a", D(10), numerator=D(3), denominator=D(10), weight=D(1), target=D(8)),
    ChildValue("b", None, numerator=None, denominator=D(5), weight=D(2), target=D(5)),
    ChildValue("c", D(20), numerator=D(5), denominator=D(20), weight=D(3), target=D(25)),
    ChildValue("d", D(30), weight=None, target=None),
]


@pytest.mark.parametrize(
    ("aggregation", "value", "numerator", "denominator", "reporting", "missing"),
    [
        (Aggregation.SUM, D(60), None, None, 3, ("b",)),
        (Aggregation.AVG, D(20), D(60), D(3), 3, ("b",)),
        (Aggregation.WEIGHTED_AVG, D("17.5"), D(70), D(4), 2, ("b", "d")),
        (
            Aggregation.RATIO_OF_SUMS,
            D("26.666666666666666666666666666666666666667"),
            D(8),
            D(30),
            2,
            ("b", "d"),
        ),
        (Aggregation.COUNT_MEETING, D(1), D(1), D(4), 3, ("b",)),
        (Aggregation.NONE, None, None, None, 3, ("b",)),
    ],
)
def test_rollup_aggregates_children(
    aggregation: Aggregation,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    reporting: int,
    missing: tuple[str, ...],
) -> None:
    result = rollup(CHILDREN, aggregation)
    assert (result.numerator, result.denominator) == (numerator, denominator)
    assert result.value == value or (
        result.value is not None and value is not None and close(result.value, value)
    )
    assert (result.reporting, result.expected, result.missing) == (reporting, 4, missing)


def test_count_meeting_uses_a_threshold_honouring_polarity() -> None:
    assert count_meeting(CHILDREN, threshold=D(20)) == (2, 4)
    assert count_meeting(CHILDREN, threshold=D(20), polarity="lower") == (2, 4)
    assert count_meeting(CHILDREN) == (1, 4)  # only "a" meets its own target
    # "8/9 xã đạt chuẩn nông thôn mới": 19 criteria needed
    communes = [ChildValue(f"x{i}", D(19)) for i in range(8)] + [ChildValue("x8", D(17))]
    assert count_meeting(communes, threshold=D(19)) == (8, 9)
    result = rollup(communes, "count_meeting", threshold=D(19))
    assert (result.value, result.numerator, result.denominator) == (D(8), D(8), D(9))


def test_rollup_of_nothing_is_empty() -> None:
    for aggregation in Aggregation:
        assert rollup([], aggregation) == rollup((), aggregation)
        result = rollup([], aggregation)
        assert (result.value, result.reporting, result.expected, result.missing) == (None, 0, 0, ())


def test_rollup_is_none_when_no_child_reports_except_count_meeting() -> None:
    silent = [ChildValue("a", None), ChildValue("b", None)]
    for aggregation in (
        Aggregation.SUM,
        Aggregation.AVG,
        Aggregation.WEIGHTED_AVG,
        Aggregation.RATIO_OF_SUMS,
    ):
        result = rollup(silent, aggregation)
        assert (result.value, result.reporting, result.expected) == (None, 0, 2)
        assert result.missing == ("a", "b")
    counted = rollup(silent, Aggregation.COUNT_MEETING, threshold=D(1))
    assert (counted.value, counted.numerator, counted.denominator, counted.reporting) == (D(0), D(0), D(2), 0)


def test_rollup_zero_denominators_give_no_value() -> None:
    zero = [ChildValue("a", D(1), numerator=D(0), denominator=D(0), weight=D(0))]
    assert rollup(zero, "ratio_of_sums").value is None
    assert rollup(zero, "weighted_avg").value is None


def test_rollup_ratio_of_sums_honours_the_scale() -> None:
    children = [ChildValue("a", None, numerator=D(1), denominator=D(4))]
    assert rollup(children, "ratio_of_sums", scale=D(1)).value == D("0.25")
    assert rollup(children, "ratio_of_sums", scale=D(1000)).value == D(250)


# -- derive_target -------------------------------------------------------------------------------


def test_derive_target_reads_a_report_backwards() -> None:
    assert derive_target(D(101761), D("59.9")) == D("169884.808")
    target = derive_target(D("905.653"), D(106))
    assert percent_of(D("905.653"), target) is not None
    assert D(3) == derive_target(D(3), D(100), places=0)
    assert derive_target(D(3), D("33.3"), polarity="lower") == D("0.999")


def test_derive_target_adds_decimals_when_places_are_too_few() -> None:
    target = derive_target(D("0.001"), D("99.9"), places=0)
    back = percent_of(D("0.001"), target)
    assert back is not None and back.quantize(D("0.1"), ROUND_HALF_UP) == D("99.9")


def test_derive_target_refuses_impossible_input() -> None:
    for value, percent in [(D(1), D(0)), (D(1), D(-5)), (D(0), D(50))]:
        with pytest.raises(ValueError):
            derive_target(value, percent)
    with pytest.raises(ValueError):
        derive_target(D(1), D(1), places=-1)


# -- properties ----------------------------------------------------------------------------------


def _leaf_keys(tree: list[list[Decimal | None]]) -> list[ChildValue]:
    return [ChildValue(f"{g}.{i}", v) for g, group in enumerate(tree) for i, v in enumerate(group)]


@given(st.lists(st.lists(maybe, max_size=5), max_size=5))
def test_sum_of_a_two_level_tree_equals_the_sum_of_its_leaves(tree: list[list[Decimal | None]]) -> None:
    groups = [rollup(_leaf_keys([group]), Aggregation.SUM) for group in tree]
    top = rollup([ChildValue(str(i), g.value) for i, g in enumerate(groups)], Aggregation.SUM)
    leaves = rollup(_leaf_keys(tree), Aggregation.SUM)
    assert top.value == leaves.value
    present = [v for group in tree for v in group if v is not None]
    assert leaves.value == (sum(present, D(0)) if present else None)


fractions = st.tuples(amounts, positive) | st.tuples(st.none(), positive) | st.tuples(amounts, st.none())


@given(st.lists(st.lists(fractions, max_size=5), max_size=5))
def test_ratio_of_sums_over_a_two_level_tree_equals_the_ratio_over_leaves(
    tree: list[list[tuple[Decimal | None, Decimal | None]]],
) -> None:
    def children(group: list[tuple[Decimal | None, Decimal | None]], prefix: str) -> list[ChildValue]:
        return [
            ChildValue(f"{prefix}{i}", None, numerator=n, denominator=d) for i, (n, d) in enumerate(group)
        ]

    groups = [rollup(children(group, f"{g}."), Aggregation.RATIO_OF_SUMS) for g, group in enumerate(tree)]
    top = rollup(
        [
            ChildValue(str(i), r.value, numerator=r.numerator, denominator=r.denominator)
            for i, r in enumerate(groups)
        ],
        Aggregation.RATIO_OF_SUMS,
    )
    flat = rollup(
        [c for g, group in enumerate(tree) for c in children(group, f"{g}.")], Aggregation.RATIO_OF_SUMS
    )
    assert top.value == flat.value
    assert (top.numerator, top.denominator) == (flat.numerator, flat.denominator)


@given(st.lists(maybe, max_size=12), amounts, st.sampled_from(list(Polarity)))
def test_count_meeting_counts_leaves_meeting_the_threshold(
    values: list[Decimal | None], threshold: Decimal, polarity: Polarity
) -> None:
    children = [ChildValue(str(i), v) for i, v in enumerate(values)]
    met, total = count_meeting(children, polarity=polarity, threshold=threshold)
    result = rollup(children, Aggregation.COUNT_MEETING, polarity=polarity, threshold=threshold)
    if not children:
        assert result.value is None
        return
    assert result.numerator is not None and result.denominator is not None
    assert result.numerator <= result.denominator == total == len(values)
    expected = sum(
        1
        for v in values
        if v is not None and (v >= threshold if polarity is Polarity.HIGHER else v <= threshold)
    )
    assert met == expected == result.numerator == result.value


@given(st.lists(maybe, min_size=1, max_size=12))
def test_average_lies_between_min_and_max(values: list[Decimal | None]) -> None:
    present = [v for v in values if v is not None]
    result = rollup([ChildValue(str(i), v) for i, v in enumerate(values)], Aggregation.AVG)
    if not present:
        assert result.value is None
    else:
        assert result.value is not None and min(present) <= result.value <= max(present)


@given(st.lists(st.tuples(amounts, positive), min_size=1, max_size=8))
def test_weighted_average_lies_between_min_and_max(pairs: list[tuple[Decimal, Decimal]]) -> None:
    children = [ChildValue(str(i), v, weight=w) for i, (v, w) in enumerate(pairs)]
    result = rollup(children, Aggregation.WEIGHTED_AVG)
    values = [v for v, _ in pairs]
    assert result.value is not None and min(values) <= result.value <= max(values)


@given(positive, positive, positive, st.sampled_from([TargetKind.LEVEL, TargetKind.CUMULATIVE]))
def test_percent_is_monotone_for_higher_and_antitone_for_lower(
    a: Decimal, b: Decimal, target: Decimal, kind: TargetKind
) -> None:
    low, high = sorted((a, b))
    up_low, up_high = assess(low, target, kind=kind).percent, assess(high, target, kind=kind).percent
    assert up_low is not None and up_high is not None and up_low <= up_high
    down_low = assess(low, target, kind=kind, polarity=Polarity.LOWER).percent
    down_high = assess(high, target, kind=kind, polarity=Polarity.LOWER).percent
    assert down_low is not None and down_high is not None and down_low >= down_high


@given(amounts, positive, st.sampled_from([D("0.25"), HALF, D("0.75"), D(1)]))
def test_no_share_below_a_hundred_is_called_exceeded_and_the_pace_agrees_with_the_percent(
    value: Decimal, target: Decimal, elapsed: Decimal
) -> None:
    result = assess(value, target, elapsed=elapsed)
    assert result.percent is not None
    if result.status is Status.EXCEEDED:
        assert result.percent > 100
    assert result.on_pace == (elapsed < 1)
    if elapsed < 1 and result.percent < 100:
        gap = result.percent - elapsed * 100
        expected = Status.AHEAD if gap > 5 else Status.BEHIND if gap < -5 else Status.ON_PACE
        assert result.status is expected


@given(signed, signed.filter(lambda p: p != 0))
def test_change_percent_applied_to_the_previous_value_gives_it_back(
    value: Decimal, previous: Decimal
) -> None:
    change = change_percent(value, previous)
    assert change is not None
    rebuilt = previous + abs(previous) * change / 100
    assert abs(rebuilt - value) <= D("1e-25") * max(abs(value), abs(previous), D(1))
    points = change_points(value, previous)
    assert points is not None and previous + points == value


@given(
    positive,
    st.decimals(min_value=D("0.1"), max_value=D(500), places=2, allow_nan=False, allow_infinity=False),
    st.integers(0, 4),
    st.sampled_from(list(Polarity)),
)
def test_derive_target_round_trips_the_stated_percent(
    value: Decimal, percent: Decimal, places: int, polarity: Polarity
) -> None:
    assume(percent > 0)
    target = derive_target(value, percent, polarity=polarity, places=places)
    back = percent_of(value, target, polarity=polarity)
    exponent = percent.as_tuple().exponent
    assert isinstance(exponent, int)
    assert back is not None
    assert back.quantize(D(1).scaleb(min(exponent, 0)), ROUND_HALF_UP) == percent
    assert -target.as_tuple().exponent >= places  # type: ignore[operator]


@given(
    st.lists(st.tuples(maybe, maybe, maybe, maybe), max_size=6),
    st.sampled_from(list(Aggregation)),
    st.none() | amounts,
)
def test_results_are_decimal_never_float(
    rows: list[tuple[Decimal | None, ...]], aggregation: Aggregation, threshold: Decimal | None
) -> None:
    children = [
        ChildValue(str(i), v, numerator=n, denominator=d, weight=w) for i, (v, n, d, w) in enumerate(rows)
    ]
    result = rollup(children, aggregation, threshold=threshold)
    for field in (result.value, result.numerator, result.denominator):
        assert field is None or isinstance(field, Decimal)
    for v, n, _, _ in rows:
        a = assess(v, n, elapsed=HALF)
        assert a.percent is None or isinstance(a.percent, Decimal)
        c = change_percent(v, n)
        assert c is None or isinstance(c, Decimal)


# -- the one roll-up rule ------------------------------------------------------------------------------


def test_rolled_values_follow_each_indicators_rule() -> None:
    a = contribution(D(10), D(9), D(10), weight=D(100))
    b = contribution(D(50), D(5), D(10), weight=D(300))
    both = a + b
    assert rolled_value(both, Aggregation.SUM) == 60
    assert rolled_value(both, Aggregation.AVG) == 30
    assert rolled_value(both, Aggregation.WEIGHTED_AVG) == 40  # (10×100 + 50×300) / 400
    assert rolled_value(both, Aggregation.RATIO_OF_SUMS) == 70  # 14 / 20
    assert rolled_value(both, Aggregation.NONE) is None
    assert rolled_value(Sums(), Aggregation.SUM) is None


def test_a_ratio_without_numerator_is_its_own_ratio_alone_and_cannot_be_combined_with_others() -> None:
    alone = contribution(D("95.49"))
    assert rolled_value(alone, Aggregation.RATIO_OF_SUMS) == D("95.49")
    assert rolled_value(alone + contribution(D(90), D(90), D(100)), Aggregation.RATIO_OF_SUMS) is None


def test_a_units_own_figure_wins_over_the_units_below_it() -> None:
    own, below = contribution(D("98.6")), contribution(D("12.5"))
    assert figure_of(own, below) == (own, False)
    assert figure_of(contribution(None), below) == (below, True)


def test_x_of_y_counts_the_units_that_exist_below_and_a_reported_count_stands_for_its_own() -> None:
    units = [
        TreeUnit("long-an", None, "province"),
        TreeUnit("vinh-hung", "long-an", "district"),
        TreeUnit("kien-tuong", "long-an", "town"),
        *[TreeUnit(f"x{i}", "vinh-hung", "commune") for i in range(9)],
        TreeUnit("tt", "vinh-hung", "township"),
    ]
    flags = {f"x{i}": D(1) for i in range(8)}  # x8 has not reported: it is one of Y, not of X
    counts = count_units(units, kinds={"commune"}, flags=flags, own={}, threshold=D(1))
    assert counts["long-an"] == (8, 9) and counts["vinh-hung"] == (8, 9) and counts["kien-tuong"] == (0, 0)
    own = count_units(units, kinds={"commune"}, flags={}, own={"vinh-hung": (D(8), D(9))}, threshold=D(1))
    assert own["long-an"] == (8, 9)


@given(st.lists(st.tuples(st.none() | amounts, st.none() | positive), min_size=0, max_size=12))
def test_sums_of_sums_are_the_sums_of_the_figures(figures) -> None:
    parts = [
        contribution(v, v, d) if d is not None and v is not None else contribution(v) for v, d in figures
    ]
    left = sum(parts[: len(parts) // 2], Sums()) + sum(parts[len(parts) // 2 :], Sums())
    assert left == sum(parts, Sums())
    if left.reporting and left.paired == left.reporting:
        ratio = rolled_value(left, Aggregation.RATIO_OF_SUMS)
        assert abs(ratio - left.numerator * 100 / left.denominator) <= abs(ratio) * D("1e-25")
