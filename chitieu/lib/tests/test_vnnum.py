"""Tests for chitieu.lib.vnnum (pure, no Django)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.lib.vnnum import (
    NumberParseError,
    format_number,
    format_percent,
    format_signed_percent,
    parse_number,
)

D = Decimal
six_places = st.decimals(
    min_value=D("-1e15"), max_value=D("1e15"), places=6, allow_nan=False, allow_infinity=False
)
wide = st.decimals(allow_nan=False, allow_infinity=False, places=6)


# -- parsing, Vietnamese ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("101.761", D("101761")),
        ("101761", D("101761")),
        ("59,9", D("59.9")),
        ("905,653", D("905.653")),
        ("1.234.567,89", D("1234567.89")),
        ("-2,1", D("-2.1")),
        ("\u22122,1", D("-2.1")),
        ("+3", D("3")),
        (" 31.167 ", D("31167")),
        ("0,5", D("0.5")),
        ("1.500", D("1500")),
        ("101\u00a0761", D("101761")),
        ("101\u2009761", D("101761")),
        ("101\u202f761", D("101761")),
        ("1 234 567,5", D("1234567.5")),
        ("3.798,254", D("3798.254")),
        ("29.232,75", D("29232.75")),
        ("007", D("7")),
    ],
)
def test_it_reads_vietnamese_numbers(text: str, expected: Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert isinstance(result, Decimal)


def test_it_keeps_the_written_fraction_digits() -> None:
    assert str(parse_number("59,90")) == "59.90"


@pytest.mark.parametrize(
    "text", ["1,234.5", "1,234,567", "1,234,567.25", "1.5", "12.75", "0.5", "1.2345", "1234.567"]
)
def test_it_refuses_english_style_numbers_in_vi(text: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse_number(text)
    assert info.value.code == "ambiguous"
    message = str(info.value)
    assert text in message
    assert "English way of writing" in message
    assert "in Vietnamese the decimal separator is a comma" in message


@pytest.mark.parametrize(
    "text", ["1.23.456", "1.2.3,4", "1,2,3", "12,34,5", "1..234", "1.234,", ",5", "1 23", "1.234 567", "1,5,"]
)
def test_it_refuses_badly_grouped_numbers(text: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse_number(text)
    assert info.value.code == "invalid"


@pytest.mark.parametrize("text", ["abc", "12a", "1e5", "NaN", "Infinity", "--1", "- 1", "59,9%", "1/2", "٣"])
def test_it_refuses_letters_and_symbols(text: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse_number(text)
    assert info.value.code == "invalid"


@pytest.mark.parametrize("text", ["", "   ", "\u00a0"])
def test_it_reports_empty_text_as_empty(text: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse_number(text)
    assert info.value.code == "empty"


def test_it_limits_decimals_ignoring_trailing_zeros() -> None:
    assert parse_number("59,9", max_decimals=1) == D("59.9")
    assert parse_number("59,90", max_decimals=1) == D("59.9")
    assert parse_number("101.761", max_decimals=0) == D(101761)
    with pytest.raises(NumberParseError) as info:
        parse_number("905,653", max_decimals=2)
    assert info.value.code == "too_many_decimals"
    assert "905,653" in str(info.value)


def test_it_refuses_non_text_and_unknown_languages() -> None:
    with pytest.raises(TypeError):
        parse_number(12)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        parse_number("1", lang="fr")


# -- parsing, English ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("101,761", D(101761)), ("59.9", D("59.9")), ("1,234,567.89", D("1234567.89")), ("-2.1", D("-2.1"))],
)
def test_it_reads_english_numbers(text: str, expected: Decimal) -> None:
    assert parse_number(text, lang="en") == expected
    assert parse_number(text, lang="en-US") == expected


@pytest.mark.parametrize("text", ["1.234,5", "1.234.567", "1,5", "12,75"])
def test_it_refuses_vietnamese_style_numbers_in_en(text: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse_number(text, lang="en")
    assert info.value.code == "ambiguous"
    assert "Vietnamese way of writing" in str(info.value)


def test_it_refuses_bad_english_grouping() -> None:
    with pytest.raises(NumberParseError) as info:
        parse_number("1,23,456", lang="en")
    assert info.value.code == "invalid"


# -- formatting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("905.653"), None, "905,653"),
        (D("101761"), None, "101.761"),
        (101761, None, "101.761"),
        (D("59.90"), None, "59,9"),
        (D("59.90"), 1, "59,9"),
        (D("59.94"), 1, "59,9"),
        (D("59.95"), 1, "60,0"),
        (D("2.5"), 0, "3"),
        (D("-2.5"), 0, "-3"),
        (D("-2.1"), None, "-2,1"),
        (D("1234567.891"), 2, "1.234.567,89"),
        (D("0"), None, "0"),
        (D("-0.00"), None, "0"),
        (D("-0.04"), 1, "0,0"),
        (D("0.000001"), None, "0,000001"),
        (D("1E+3"), None, "1.000"),
        (D("100.000"), None, "100"),
        (D("12"), 3, "12,000"),
        (None, None, ""),
        (None, 2, ""),
    ],
)
def test_it_formats_numbers_the_vietnamese_way(
    value: Decimal | int | None, decimals: int | None, expected: str
) -> None:
    assert format_number(value, decimals) == expected


def test_it_formats_numbers_the_english_way_and_without_grouping() -> None:
    assert format_number(D("101761"), lang="en") == "101,761"
    assert format_number(D("59.9"), lang="en") == "59.9"
    assert format_number(D("1234567.5"), 2, lang="en") == "1,234,567.50"
    assert format_number(D("1234567.5"), grouping=False) == "1234567,5"
    assert format_number(D("1234567.5"), lang="en", grouping=False) == "1234567.5"


def test_it_refuses_floats_and_non_finite_values() -> None:
    with pytest.raises(TypeError):
        format_number(59.9)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_percent(0.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_number(D("NaN"))
    with pytest.raises(ValueError):
        format_number(D(1), -1)


def test_it_formats_percentages() -> None:
    assert format_percent(D("59.9")) == "59,9%"
    assert format_percent(D("59.94")) == "59,9%"
    assert format_percent(D("60")) == "60,0%"
    assert format_percent(D("60.0"), None) == "60%"
    assert format_percent(D("51.70"), None) == "51,7%"
    assert format_percent(D("106"), 0) == "106%"
    assert format_percent(D("1234.5"), lang="en") == "1,234.5%"
    assert format_percent(None) == ""


def test_it_formats_signed_percentages() -> None:
    assert format_signed_percent(D("15.9")) == "+15,9%"
    assert format_signed_percent(D("-2.1")) == "-2,1%"
    assert format_signed_percent(D("0")) == "0%"
    assert format_signed_percent(D("0.04")) == "0%"
    assert format_signed_percent(D("-0.04")) == "0%"
    assert format_signed_percent(D("0.05")) == "+0,1%"
    assert format_signed_percent(D("17.25"), None) == "+17,25%"
    assert format_signed_percent(D("1234.5"), lang="en") == "+1,234.5%"
    assert format_signed_percent(None) == ""


# -- properties ------------------------------------------------------------------------------------


@given(six_places, st.sampled_from(["vi", "en"]), st.booleans())
def test_format_then_parse_round_trips(value: Decimal, lang: str, grouping: bool) -> None:
    assert parse_number(format_number(value, lang=lang, grouping=grouping), lang=lang) == value


@given(wide, st.sampled_from(["vi", "en"]))
def test_format_then_parse_round_trips_for_huge_values(value: Decimal, lang: str) -> None:
    assert parse_number(format_number(value, lang=lang), lang=lang) == value


@given(six_places, st.integers(0, 6), st.sampled_from(["vi", "en"]))
def test_fixed_decimals_keep_exactly_that_many_places(value: Decimal, decimals: int, lang: str) -> None:
    text = format_number(value, decimals, lang=lang)
    decimal_sep = "," if lang == "vi" else "."
    fraction = text.partition(decimal_sep)[2]
    assert len(fraction) == decimals
    assert abs(parse_number(text, lang=lang) - value) <= D(1).scaleb(-decimals) / 2


@given(st.text(max_size=25), st.sampled_from(["vi", "en"]), st.none() | st.integers(0, 4))
def test_parse_raises_only_number_parse_errors_on_arbitrary_text(
    text: str, lang: str, max_decimals: int | None
) -> None:
    try:
        result = parse_number(text, lang=lang, max_decimals=max_decimals)
    except NumberParseError as exc:
        assert exc.code in {"empty", "invalid", "ambiguous", "too_many_decimals"}
    else:
        assert isinstance(result, Decimal) and result.is_finite()


@given(st.text(alphabet="0123456789.,- \u00a0", max_size=15), st.sampled_from(["vi", "en"]))
def test_parse_raises_only_number_parse_errors_on_number_like_text(text: str, lang: str) -> None:
    try:
        assert isinstance(parse_number(text, lang=lang), Decimal)
    except NumberParseError:
        pass
