"""Which periods a unit may report in on a day (pure, no Django)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from chitieu.lib.periods import Period, PeriodKind, parse_period
from chitieu.lib.reportable import Availability, availability, pace_fraction, reportable_periods

M, Q, Y, T = PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.TERM
FORMED = date(2025, 7, 1)
TODAY = date(2026, 12, 2)


def test_a_period_opens_with_its_data_window_and_closes_when_the_window_ends() -> None:
    # Decree 09: December's window is 15/11 .. 14/12; January 2027's opens on 15/12/2026.
    kw = {"rule": "nd09", "today": TODAY, "exists_from": FORMED}
    assert availability(parse_period("2026-12"), **kw) is Availability.OPEN
    assert availability(parse_period("2026-11"), **kw) is Availability.CLOSED
    assert availability(parse_period("2027-01"), **kw) is Availability.NOT_OPEN
    assert availability(parse_period("2027-01"), **{**kw, "today": date(2026, 12, 15)}) is Availability.OPEN
    # Calendar periods: December is open from its first day, until its last.
    assert availability(parse_period("2026-12"), **{**kw, "rule": "calendar"}) is Availability.OPEN
    assert availability(parse_period("2027-01"), **{**kw, "rule": "calendar"}) is Availability.NOT_OPEN


def test_a_commune_formed_in_2025_has_no_period_before_it_and_a_dissolved_one_none_after() -> None:
    kw = {"rule": "nd09", "today": TODAY, "exists_from": FORMED}
    assert availability(parse_period("2025-Q2"), **kw) is Availability.BEFORE_UNIT
    assert availability(parse_period("2025-Q3"), **kw) is Availability.CLOSED
    assert availability(parse_period("2025"), **kw) is Availability.CLOSED  # overlaps: reported as it was
    old = {"rule": "nd09", "today": TODAY, "exists_from": date(2010, 1, 1), "exists_to": FORMED}
    assert availability(parse_period("2025-H1"), **old) is Availability.CLOSED
    assert availability(parse_period("2025-Q3"), **old) is Availability.AFTER_UNIT


def test_a_new_commune_is_offered_this_month_and_quarter_and_every_period_since_it_was_formed() -> None:
    offered = reportable_periods(rule="nd09", today=TODAY, exists_from=FORMED)
    codes = [p.code for p in offered]
    assert {"2026-12", "2026-Q4", "2026-H2", "2026", "2026-11", "2025-07", "2025-Q3", "2025-H2"} <= set(codes)
    assert "2025-06" not in codes and "2025-H1" not in codes and "2027-01" not in codes
    assert codes == [p.code for p in sorted(offered, key=lambda p: p.sort_key, reverse=True)]


def test_a_dissolved_unit_is_offered_its_last_periods_and_its_terms() -> None:
    offered = reportable_periods(
        rule="nd09",
        today=TODAY,
        exists_from=date(2010, 1, 1),
        exists_to=FORMED,
        terms=(Period(T, 2020, 0, 2025),),
    )
    codes = {p.code for p in offered}
    assert {"2025-H1", "2025-06", "2024", "2024-Q1", "2020-2025"} <= codes
    assert not {"2025-Q3", "2026", "2023"} & codes


def test_pace_is_the_share_of_the_targets_period_gone_by() -> None:
    assert pace_fraction(parse_period("2024-H1"), parse_period("2024")) == Decimal(1) / 2
    assert pace_fraction(parse_period("2024-9M"), parse_period("2024")) == Decimal(3) / 4
    assert pace_fraction(parse_period("2024"), parse_period("2024")) == 1
    term = pace_fraction(parse_period("2022"), parse_period("2020-2025"))
    assert Decimal("0.49") < term < Decimal("0.51")


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(days, days, st.sampled_from(["nd09", "calendar"]))
def test_every_offered_period_is_reportable_and_overlaps_the_unit(formed, today, rule) -> None:
    exists_to = formed + timedelta(days=900)
    for p in reportable_periods(rule=rule, today=today, exists_from=formed, exists_to=exists_to):
        assert availability(p, rule=rule, today=today, exists_from=formed, exists_to=exists_to).reportable
        assert p.end >= formed and p.start < exists_to
        assert p.data_window(rule)[0] <= today
