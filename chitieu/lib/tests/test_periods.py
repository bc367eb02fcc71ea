"""Tests for chitieu.lib.periods (pure, no Django)."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.lib.periods import (
    Period,
    PeriodError,
    PeriodKind,
    parse_any,
    parse_period,
    parse_period_vi,
    periods_in_year,
)

M, Q, H, N, Y, T = (
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.HALF,
    PeriodKind.NINE_MONTHS,
    PeriodKind.YEAR,
    PeriodKind.TERM,
)

years = st.integers(1946, 2090)
periods = st.one_of(
    st.builds(Period, st.just(M), years, st.integers(1, 12)),
    st.builds(Period, st.just(Q), years, st.integers(1, 4)),
    st.builds(Period, st.just(H), years, st.integers(1, 2)),
    st.builds(Period, st.just(N), years),
    st.builds(Period, st.just(Y), years),
    st.builds(lambda y, n: Period(T, y, 0, y + n), years, st.integers(1, 10)),
)


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


# -- codes and labels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "code", "vi", "en"),
    [
        (Period(M, 2023, 6), "2023-06", "tháng 6/2023", "June 2023"),
        (Period(Q, 2023, 1), "2023-Q1", "quý I/2023", "Q1 2023"),
        (Period(Q, 2023, 4), "2023-Q4", "quý IV/2023", "Q4 2023"),
        (Period(H, 2023, 1), "2023-H1", "6 tháng đầu năm 2023", "first half of 2023"),
        (Period(H, 2023, 2), "2023-H2", "6 tháng cuối năm 2023", "second half of 2023"),
        (Period(N, 2023), "2023-9M", "9 tháng năm 2023", "first nine months of 2023"),
        (Period(Y, 2023), "2023", "năm 2023", "2023"),
        (Period(T, 2020, 0, 2025), "2020-2025", "nhiệm kỳ 2020\u20132025", "term 2020\u20132025"),
    ],
)
def test_it_writes_canonical_codes_and_labels_in_both_languages(
    period: Period, code: str, vi: str, en: str
) -> None:
    assert period.code == code
    assert str(period) == code
    assert period.label() == vi
    assert period.label("vi") == vi
    assert period.label("en") == en


def test_it_refuses_an_unknown_label_language() -> None:
    with pytest.raises(ValueError):
        Period(Y, 2023).label("fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06", Period(M, 2023, 6)),
        ("2023-6", Period(M, 2023, 6)),
        ("2023-M06", Period(M, 2023, 6)),
        ("2023-m6", Period(M, 2023, 6)),
        ("2023-Q1", Period(Q, 2023, 1)),
        ("2023-q1", Period(Q, 2023, 1)),
        ("  2023-H2  ", Period(H, 2023, 2)),
        ("2023-9M", Period(N, 2023)),
        ("2023-9m", Period(N, 2023)),
        ("2023", Period(Y, 2023)),
        ("2020-2025", Period(T, 2020, 0, 2025)),
        ("2020\u20132025", Period(T, 2020, 0, 2025)),
    ],
)
def test_it_parses_canonical_codes_leniently(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2023-Q5", "out_of_range"),
        ("2023-Q0", "out_of_range"),
        ("2023-13", "out_of_range"),
        ("2023-00", "out_of_range"),
        ("2023-H3", "out_of_range"),
        ("2025-2020", "out_of_range"),
        ("2020-2020", "out_of_range"),
        ("2020-2031", "out_of_range"),
        ("1944", "out_of_range"),
        ("2101", "out_of_range"),
        ("2100-2101", "out_of_range"),
        ("", "empty"),
        ("   ", "empty"),
        ("garbage", "syntax"),
        ("2023-Q", "syntax"),
        ("23-Q1", "syntax"),
        ("2023/Q1", "syntax"),
        ("2023-123", "syntax"),
        ("２０２３", "syntax"),
    ],
)
def test_it_refuses_bad_codes_with_a_reason(text: str, code: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert info.value.code == code
    if text.strip():
        assert text.strip() in str(info.value)


def test_it_rejects_inconsistent_periods_at_construction() -> None:
    for args in [(M, 2023, 0), (Y, 2023, 1), (N, 2023, 2), (T, 2020, 0, None), (Y, 2023, 0, 2024)]:
        with pytest.raises(PeriodError) as info:
            Period(*args)  # type: ignore[arg-type]
        assert info.value.code == "out_of_range"
    with pytest.raises(TypeError):
        Period(Y, "2023")  # type: ignore[arg-type]


def test_it_accepts_kind_given_as_a_plain_string() -> None:
    period = Period("quarter", 2023, 2)  # type: ignore[arg-type]
    assert period.kind is PeriodKind.QUARTER
    assert period == Period(Q, 2023, 2)
    assert hash(period) == hash(Period(Q, 2023, 2))


# -- Vietnamese phrases --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quý I/2023", Period(Q, 2023, 1)),
        ("Quý II/2023", Period(Q, 2023, 2)),
        ("quý 1 năm 2023", Period(Q, 2023, 1)),
        ("quý IV năm 2023", Period(Q, 2023, 4)),
        ("quí III/2023", Period(Q, 2023, 3)),
        ("6 tháng đầu năm 2023", Period(H, 2023, 1)),
        ("sáu tháng đầu năm 2023", Period(H, 2023, 1)),
        ("6 tháng năm 2023", Period(H, 2023, 1)),
        ("6 tháng cuối năm 2023", Period(H, 2023, 2)),
        ("9 tháng năm 2023", Period(N, 2023)),
        ("9 tháng đầu năm 2023", Period(N, 2023)),
        ("chín tháng năm 2023", Period(N, 2023)),
        ("tháng 6/2023", Period(M, 2023, 6)),
        ("tháng 06/2023", Period(M, 2023, 6)),
        ("tháng 6 năm 2023", Period(M, 2023, 6)),
        ("năm 2023", Period(Y, 2023)),
        ("nhiệm kỳ 2020 - 2025", Period(T, 2020, 0, 2025)),
        ("nhiệm kỳ 2020–2025", Period(T, 2020, 0, 2025)),
        ("Nhiệm kỳ 2020-2025", Period(T, 2020, 0, 2025)),
        ("  QUÝ  I/2023 ", Period(Q, 2023, 1)),
        ("quy I/2023", Period(Q, 2023, 1)),
        ("6 thang dau nam 2023", Period(H, 2023, 1)),
        ("nhiem ky 2020-2025", Period(T, 2020, 0, 2025)),
        ("thang 6 nam 2023", Period(M, 2023, 6)),
    ],
)
def test_it_reads_vietnamese_period_phrases(text: str, expected: Period) -> None:
    assert parse_period_vi(text) == expected


def test_it_reads_decomposed_unicode_the_same_as_composed() -> None:
    text = unicodedata.normalize("NFD", "6 tháng cuối năm 2023")
    assert parse_period_vi(text) == Period(H, 2023, 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("quý V/2023", "out_of_range"),
        ("quý 5 năm 2023", "out_of_range"),
        ("tháng 13/2023", "out_of_range"),
        ("năm 1900", "out_of_range"),
        ("nhiệm kỳ 2025 - 2020", "out_of_range"),
        ("quý IIII/2023", "syntax"),
        ("10 tháng năm 2023", "syntax"),
        ("hôm qua", "syntax"),
        ("", "empty"),
    ],
)
def test_it_refuses_unknown_vietnamese_phrases(text: str, code: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period_vi(text)
    assert info.value.code == code


def test_parse_any_tries_codes_then_phrases_and_keeps_the_best_reason() -> None:
    assert parse_any("2023-Q2") == Period(Q, 2023, 2)
    assert parse_any("quý II/2023") == Period(Q, 2023, 2)
    for text, code in [
        ("2023-Q5", "out_of_range"),
        ("quý V/2023", "out_of_range"),
        ("x", "syntax"),
        ("", "empty"),
    ]:
        with pytest.raises(PeriodError) as info:
            parse_any(text)
        assert info.value.code == code


# -- calendar ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2023-Q3", date(2023, 7, 1), date(2023, 9, 30)),
        ("2023-H2", date(2023, 7, 1), date(2023, 12, 31)),
        ("2023-9M", date(2023, 1, 1), date(2023, 9, 30)),
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2020-2025", date(2020, 1, 1), date(2025, 12, 31)),
    ],
)
def test_it_knows_the_nominal_calendar_bounds(code: str, start: date, end: date) -> None:
    period = parse_period(code)
    assert (period.start, period.end) == (start, end)
    assert period.data_window("calendar") == (start, end)


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2023-06", date(2023, 5, 15), date(2023, 6, 14)),
        ("2023-01", date(2022, 12, 15), date(2023, 1, 14)),
        ("2023-Q1", date(2022, 12, 15), date(2023, 3, 14)),
        ("2023-Q3", date(2023, 6, 15), date(2023, 9, 14)),
        ("2023-H1", date(2022, 12, 15), date(2023, 6, 14)),
        ("2023-H2", date(2023, 6, 15), date(2023, 12, 14)),
        ("2023-9M", date(2022, 12, 15), date(2023, 9, 14)),
        ("2023", date(2022, 12, 15), date(2023, 12, 14)),
        ("2020-2025", date(2019, 12, 15), date(2025, 12, 14)),
    ],
)
def test_it_applies_the_nd09_data_cut_off(code: str, start: date, end: date) -> None:
    assert parse_period(code).data_window("nd09") == (start, end)


def test_it_refuses_an_unknown_data_window_rule() -> None:
    with pytest.raises(ValueError, match="bogus"):
        Period(Y, 2023).data_window("bogus")


@pytest.mark.parametrize(
    ("code", "fraction"),
    [
        ("2023-Q1", Decimal("0.25")),
        ("2023-H1", Decimal("0.5")),
        ("2023-9M", Decimal("0.75")),
        ("2023", Decimal(1)),
        ("2023-06", Decimal("0.5")),
        ("2023-Q3", Decimal("0.75")),
        ("2023-H2", Decimal(1)),
        ("2023-12", Decimal(1)),
        ("2020-2025", Decimal(1)),
    ],
)
def test_elapsed_fraction_is_the_year_share_cumulated_to_the_period_end(code: str, fraction: Decimal) -> None:
    assert parse_period(code).elapsed_fraction_of_year() == fraction


def test_relations_between_periods() -> None:
    h1 = Period(H, 2023, 1)
    assert h1.same_period_last_year() == Period(H, 2022, 1)
    assert Period(T, 2020, 0, 2025).same_period_last_year() is None
    assert Period(Y, 1945).same_period_last_year() is None
    assert h1.year_period() == Period(Y, 2023)
    assert Period(T, 2020, 0, 2025).year_period() is None
    assert h1.contains(Period(Q, 2023, 2))
    assert h1.contains(Period(M, 2023, 1))
    assert not h1.contains(Period(Q, 2023, 3))
    assert not Period(Q, 2023, 3).contains(Period(H, 2023, 2))
    assert Period(T, 2020, 0, 2025).contains(Period(M, 2024, 7))


def test_periods_in_a_year_are_the_twenty_standard_ones_sorted() -> None:
    listed = [p.code for p in periods_in_year(2023)]
    assert len(listed) == 20
    assert listed[:5] == ["2023-01", "2023-02", "2023-03", "2023-Q1", "2023-04"]
    assert listed[-4:] == ["2023-12", "2023-Q4", "2023-H2", "2023"]
    assert listed.index("2023-Q2") < listed.index("2023-H1") < listed.index("2023-07")
    assert listed.index("2023-Q3") < listed.index("2023-9M") < listed.index("2023-10")


# -- properties ----------------------------------------------------------------------------------


@given(periods)
def test_codes_round_trip(period: Period) -> None:
    assert parse_period(period.code) == period
    assert parse_period(f"  {period.code.lower()} ") == period
    assert parse_any(period.code) == period


@given(periods)
def test_vietnamese_labels_round_trip_with_or_without_diacritics(period: Period) -> None:
    label = period.label("vi")
    assert parse_period_vi(label) == period
    assert parse_period_vi(label.upper()) == period
    assert parse_period_vi(strip_diacritics(label)) == period
    assert parse_any(label) == period


@given(periods)
def test_bounds_and_windows_are_consistent(period: Period) -> None:
    assert period.start <= period.end
    assert period.contains(period)
    window_start, window_end = period.data_window("nd09")
    assert window_start < period.start and window_end < period.end
    assert window_start.day == 15 and window_end.day == 14
    assert Decimal(0) < period.elapsed_fraction_of_year() <= 1
    container = period.year_period()
    if container is not None:
        assert container.contains(period)
        previous = period.same_period_last_year()
        assert previous is not None and previous.kind == period.kind and previous.year == period.year - 1


@given(years)
def test_nd09_month_windows_tile_the_year_without_gaps(year: int) -> None:
    windows = [Period(M, year, m).data_window("nd09") for m in range(1, 13)]
    for (_, end), (start, _) in zip(windows, windows[1:], strict=False):
        assert start == end + timedelta(days=1)
    assert (windows[0][0], windows[-1][1]) == Period(Y, year).data_window("nd09")


@given(st.lists(periods, min_size=2, max_size=6, unique=True))
def test_sort_key_orders_by_end_then_length_and_never_ties(items: list[Period]) -> None:
    ordered = sorted(items, key=lambda p: p.sort_key)
    for a, b in zip(ordered, ordered[1:], strict=False):
        assert a.sort_key < b.sort_key
        assert a.end < b.end or (a.end == b.end and a.start > b.start)


@given(st.text(max_size=30))
def test_parsing_arbitrary_text_raises_only_period_errors(text: str) -> None:
    for parse in (parse_period, parse_period_vi, parse_any):
        try:
            result = parse(text)
        except PeriodError as exc:
            assert exc.code in {"empty", "syntax", "out_of_range"}
        else:
            assert isinstance(result, Period)


# -- what clerks type ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 tháng đầu năm 2024", Period(H, 2024, 1)),
        ("6 tháng cuối năm 2024", Period(H, 2024, 2)),
        ("quý III/2024", Period(Q, 2024, 3)),
        ("Quý 3 năm 2024", Period(Q, 2024, 3)),
        ("quý 3/2024", Period(Q, 2024, 3)),
        ("quý III 2024", Period(Q, 2024, 3)),
        ("Quý III, năm 2024", Period(Q, 2024, 3)),
        ("Q3/2024", Period(Q, 2024, 3)),
        ("tháng 11/2026", Period(M, 2026, 11)),
        ("T11/2026", Period(M, 2026, 11)),
        ("11/2026", Period(M, 2026, 11)),
        ("năm 2025", Period(Y, 2025)),
        ("nhiệm kỳ 2020–2025", Period(T, 2020, 0, 2025)),
        ("9 tháng năm 2024", Period(N, 2024)),
        ("9 tháng 2024", Period(N, 2024)),
        ("9 THANG NAM 2024", Period(N, 2024)),
        ("quy iii nam 2024", Period(Q, 2024, 3)),
        # the English labels the pages print in English
        ("Q3 2024", Period(Q, 2024, 3)),
        ("June 2023", Period(M, 2023, 6)),
        ("Sep 2024", Period(M, 2024, 9)),
        ("first half of 2024", Period(H, 2024, 1)),
        ("second half of 2024", Period(H, 2024, 2)),
        ("first nine months of 2024", Period(N, 2024)),
        ("term 2020–2025", Period(T, 2020, 0, 2025)),
    ],
)
def test_it_reads_what_a_clerk_types(text: str, expected: Period) -> None:
    assert parse_any(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [("quý 5/2024", "out_of_range"), ("tháng 13/2024", "out_of_range"), ("10 tháng năm 2024", "syntax")],
)
def test_what_a_clerk_types_wrongly_is_refused_with_the_reason(text: str, code: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_any(text)
    assert info.value.code == code


def _roman_to_arabic(label: str) -> str:
    for roman, arabic in (("IV", "4"), ("III", "3"), ("II", "2"), ("I", "1")):
        label = label.replace(f"quý {roman}/", f"quý {arabic}/")
    return label


@given(periods)
def test_every_label_in_either_language_parses_back_to_its_period(period: Period) -> None:
    for lang in ("vi", "en"):
        label = period.label(lang)
        assert parse_any(label) == period, label
        assert parse_any(label.upper()) == period, label
    vi = period.label("vi")
    assert parse_any(_roman_to_arabic(vi)) == period
    assert parse_any(strip_diacritics(vi).replace("/", " năm ")) == period
