"""Typed reporting periods (kỳ báo cáo).

A :class:`Period` is a *nominal* period: a month, quarter, half year, the first nine months, a calendar year
or a congress term (nhiệm kỳ).  Its calendar bounds are :attr:`Period.start` / :attr:`Period.end`; the
data actually covered by a report may be a different window (see :meth:`Period.data_window`, which knows
the Nghị định 09/2019/NĐ-CP cut-off rule).

Canonical codes (what :func:`parse_period` reads and :attr:`Period.code` writes)::

    2023-06     month          2023-Q1   quarter       2023-H1 / 2023-H2   half year
    2023-9M     nine months    2023      year          2020-2025           term

:func:`parse_period_vi` reads the Vietnamese phrases used in reports ("quý I/2023", "6 tháng đầu năm
2023", "nhiệm kỳ 2020–2025", ...), with or without diacritics.

This module is pure Python (no Django).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

__all__ = [
    "MAX_TERM_YEARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "Period",
    "PeriodError",
    "PeriodKind",
    "parse_any",
    "parse_period",
    "parse_period_vi",
    "periods_in_year",
]

MIN_YEAR = 1945
MAX_YEAR = 2100
MAX_TERM_YEARS = 10

RULE_CALENDAR = "calendar"
RULE_ND09 = "nd09"
DATA_WINDOW_RULES = (RULE_CALENDAR, RULE_ND09)


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    TERM = "term"


class PeriodError(ValueError):
    """A period code or phrase could not be read, or a period is out of range.

    ``code`` is one of ``'empty'``, ``'syntax'``, ``'out_of_range'``; ``str(e)`` is an English message that
    names the offending text.  Callers translate by ``code``.
    """

    EMPTY = "empty"
    SYNTAX = "syntax"
    OUT_OF_RANGE = "out_of_range"

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


_INDEX_RANGE: dict[PeriodKind, tuple[int, int]] = {
    PeriodKind.MONTH: (1, 12),
    PeriodKind.QUARTER: (1, 4),
    PeriodKind.HALF: (1, 2),
    PeriodKind.NINE_MONTHS: (0, 0),
    PeriodKind.YEAR: (0, 0),
    PeriodKind.TERM: (0, 0),
}

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_FROM_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_EN_MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by ``delta`` months."""
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


@dataclass(frozen=True, order=False)
class Period:
    """A nominal reporting period.

    ``index`` is the month (1-12), quarter (1-4) or half (1-2); it is 0 for nine months, year and term.
    ``end_year`` is set only for a term, whose ``year`` is the start year.  Invalid combinations raise
    :class:`PeriodError` with code ``'out_of_range'``.  Use :attr:`sort_key` to sort chronologically.
    """

    kind: PeriodKind
    year: int
    index: int = 0
    end_year: int | None = None

    def __post_init__(self) -> None:
        try:
            kind = PeriodKind(self.kind)
        except ValueError:
            raise PeriodError(PeriodError.SYNTAX, f"unknown period kind {self.kind!r}") from None
        object.__setattr__(self, "kind", kind)
        for name in ("year", "index", "end_year"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise TypeError(f"Period.{name} must be an int, got {value!r}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(PeriodError.OUT_OF_RANGE, f"year {self.year} is outside {MIN_YEAR}..{MAX_YEAR}")
        low, high = _INDEX_RANGE[kind]
        if not low <= self.index <= high:
            raise PeriodError(
                PeriodError.OUT_OF_RANGE,
                f"index {self.index} is outside {low}..{high} for a period of kind {kind.value!r}",
            )
        if kind is PeriodKind.TERM:
            if self.end_year is None:
                raise PeriodError(PeriodError.OUT_OF_RANGE, "a term needs an end year")
            if not self.year < self.end_year <= MAX_YEAR:
                raise PeriodError(
                    PeriodError.OUT_OF_RANGE,
                    f"term end year {self.end_year} must be after {self.year} and not after {MAX_YEAR}",
                )
            if self.end_year - self.year > MAX_TERM_YEARS:
                raise PeriodError(
                    PeriodError.OUT_OF_RANGE,
                    f"term {self.year}-{self.end_year} is longer than {MAX_TERM_YEARS} years",
                )
        elif self.end_year is not None:
            raise PeriodError(PeriodError.OUT_OF_RANGE, f"only a term has an end year, not a {kind.value}")

    # -- identity ------------------------------------------------------------------------------------

    @property
    def code(self) -> str:
        """Canonical code: ``2023-06``, ``2023-Q1``, ``2023-H2``, ``2023-9M``, ``2023``, ``2020-2025``."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"{self.year}-{self.index:02d}"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.index}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.index}"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case PeriodKind.YEAR:
                return f"{self.year}"
            case _:
                return f"{self.year}-{self.end_year}"

    def __str__(self) -> str:
        return self.code

    def label(self, lang: str = "vi") -> str:
        """Human label in Vietnamese (``"quý I/2023"``) or English (``"Q1 2023"``)."""
        lang = _lang(lang)
        y, i = self.year, self.index
        if lang == "vi":
            match self.kind:
                case PeriodKind.MONTH:
                    return f"tháng {i}/{y}"
                case PeriodKind.QUARTER:
                    return f"quý {_ROMAN[i]}/{y}"
                case PeriodKind.HALF:
                    return f"6 tháng {'đầu' if i == 1 else 'cuối'} năm {y}"
                case PeriodKind.NINE_MONTHS:
                    return f"9 tháng năm {y}"
                case PeriodKind.YEAR:
                    return f"năm {y}"
                case _:
                    return f"nhiệm kỳ {y}\u2013{self.end_year}"
        match self.kind:
            case PeriodKind.MONTH:
                return f"{_EN_MONTHS[i]} {y}"
            case PeriodKind.QUARTER:
                return f"Q{i} {y}"
            case PeriodKind.HALF:
                return f"{'first' if i == 1 else 'second'} half of {y}"
            case PeriodKind.NINE_MONTHS:
                return f"first nine months of {y}"
            case PeriodKind.YEAR:
                return f"{y}"
            case _:
                return f"term {y}\u2013{self.end_year}"

    # -- calendar bounds -----------------------------------------------------------------------------

    def _month_span(self) -> tuple[int, int, int, int]:
        """(start year, start month, end year, end month) of the nominal period."""
        y, i = self.year, self.index
        match self.kind:
            case PeriodKind.MONTH:
                return y, i, y, i
            case PeriodKind.QUARTER:
                return y, 3 * i - 2, y, 3 * i
            case PeriodKind.HALF:
                return y, 6 * i - 5, y, 6 * i
            case PeriodKind.NINE_MONTHS:
                return y, 1, y, 9
            case PeriodKind.YEAR:
                return y, 1, y, 12
            case _:
                assert self.end_year is not None
                return y, 1, self.end_year, 12

    @property
    def start(self) -> date:
        """First calendar day of the nominal period (a term starts on 1 January of its start year)."""
        sy, sm, _, _ = self._month_span()
        return date(sy, sm, 1)

    @property
    def end(self) -> date:
        """Last calendar day of the nominal period (a term ends on 31 December of its end year)."""
        _, _, ey, em = self._month_span()
        return date(ey, em, calendar.monthrange(ey, em)[1])

    @property
    def sort_key(self) -> tuple[date, int]:
        """Chronological key: by end date, then by length (shorter first).

        Distinct periods never share a key, so sorting with it is deterministic.
        """
        return (self.end, (self.end - self.start).days)

    # -- relations -----------------------------------------------------------------------------------

    def same_period_last_year(self) -> Period | None:
        """The same period one year earlier ("cùng kỳ"); ``None`` for a term or before 1945."""
        if self.kind is PeriodKind.TERM or self.year - 1 < MIN_YEAR:
            return None
        return Period(self.kind, self.year - 1, self.index)

    def year_period(self) -> Period | None:
        """The calendar year containing this period; ``None`` for a term."""
        if self.kind is PeriodKind.TERM:
            return None
        return Period(PeriodKind.YEAR, self.year)

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies within this period's nominal bounds (a period contains itself)."""
        return self.start <= other.start and other.end <= self.end

    def elapsed_fraction_of_year(self) -> Decimal:
        """Share of the calendar year covered "cumulatively to date" at the end of this period.

        Defined as (months from 1 January to the period's end) / 12, whatever the period's own start:
        Q1 -> 1/4, H1 -> 1/2, 9M -> 3/4, year -> 1, and likewise June -> 1/2, Q3 -> 3/4, H2 -> 1.
        It is the pro-rata factor for judging a year-to-date (lũy kế) result against the year's plan.
        A term returns 1.
        """
        if self.kind is PeriodKind.TERM:
            return Decimal(1)
        return Decimal(self.end.month) / Decimal(12)

    def data_window(self, rule: str) -> tuple[date, date]:
        """The dates whose data the report for this period covers.

        ``"calendar"``: the nominal bounds ``(start, end)`` (statistical and financial regimes).
        ``"nd09"``: the Nghị định 09/2019/NĐ-CP cut-off (thời gian chốt số liệu): from the 15th of the month
        before the period's first month to the 14th of its last month, i.e. month: 15th of the previous
        month .. 14th; quarter: 15th of the month before the quarter .. 14th of its last month; H1: 15 Dec
        of the previous year .. 14 Jun; H2: 15 Jun .. 14 Dec; 9M: 15 Dec .. 14 Sep; year: 15 Dec .. 14 Dec;
        term: 15 Dec before the start year .. 14 Dec of the end year.  Any other rule raises ``ValueError``.
        """
        if rule == RULE_CALENDAR:
            return self.start, self.end
        if rule == RULE_ND09:
            sy, sm, ey, em = self._month_span()
            py, pm = _add_months(sy, sm, -1)
            return date(py, pm, 15), date(ey, em, 14)
        raise ValueError(f"unknown data window rule {rule!r}; expected one of {', '.join(DATA_WINDOW_RULES)}")


def periods_in_year(year: int) -> list[Period]:
    """All months, quarters, halves, the nine months and the year of ``year``, chronologically sorted."""
    periods = [Period(PeriodKind.MONTH, year, m) for m in range(1, 13)]
    periods += [Period(PeriodKind.QUARTER, year, q) for q in range(1, 5)]
    periods += [Period(PeriodKind.HALF, year, h) for h in (1, 2)]
    periods += [Period(PeriodKind.NINE_MONTHS, year), Period(PeriodKind.YEAR, year)]
    return sorted(periods, key=lambda p: p.sort_key)


# -- parsing -----------------------------------------------------------------------------------------


def _lang(lang: str) -> str:
    base = lang.strip().lower().replace("_", "-").split("-")[0]
    if base not in ("vi", "en"):
        raise ValueError(f"unsupported language {lang!r}; expected 'vi' or 'en'")
    return base


def _build(text: str, kind: PeriodKind, year: str, index: int = 0, end_year: str | None = None) -> Period:
    """Construct a period, re-raising range errors with the offending text in the message."""
    try:
        return Period(kind, int(year), index, int(end_year) if end_year is not None else None)
    except PeriodError as exc:
        raise PeriodError(exc.code, f"{text!r} is not a valid period: {exc}") from None


def _check_text(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"a period must be given as text, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise PeriodError(PeriodError.EMPTY, "empty period text")
    return stripped


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")

_Y = r"([0-9]{4})"
_CODE_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(rf"{_Y}"), PeriodKind.YEAR),
    (re.compile(rf"{_Y}-M?([0-9]{{1,2}})"), PeriodKind.MONTH),
    (re.compile(rf"{_Y}-Q([0-9]+)"), PeriodKind.QUARTER),
    (re.compile(rf"{_Y}-H([0-9]+)"), PeriodKind.HALF),
    (re.compile(rf"{_Y}-9M"), PeriodKind.NINE_MONTHS),
    (re.compile(rf"{_Y} ?- ?{_Y}"), PeriodKind.TERM),
)


def parse_period(code: str) -> Period:
    """Read a canonical period code (see the module docstring).

    Also accepted: lower case, surrounding spaces, ``2023-M06`` and ``2023-6`` for months, and an en dash
    in a term (``2020–2025``).  Raises :class:`PeriodError` (``'empty'``, ``'syntax'`` or
    ``'out_of_range'``: ``2023-Q5``, ``2023-13``, ``2025-2020``, years outside 1945..2100, terms longer
    than 10 years).
    """
    text = _check_text(code)
    norm = text.upper().translate(_DASHES)
    for pattern, kind in _CODE_PATTERNS:
        m = pattern.fullmatch(norm)
        if m is None:
            continue
        if kind is PeriodKind.TERM:
            return _build(text, kind, m[1], 0, m[2])
        if kind in (PeriodKind.YEAR, PeriodKind.NINE_MONTHS):
            return _build(text, kind, m[1])
        return _build(text, kind, m[1], int(m[2]))
    raise PeriodError(
        PeriodError.SYNTAX, f"{text!r} is not a period code (expected e.g. 2023-06, 2023-Q1, 2023)"
    )


def _fold(text: str) -> str:
    """Lower case, NFC, without diacritics (đ -> d), dashes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).lower().translate(_DASHES)
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d"))
    folded = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(folded.split()).strip(" .,;:")


_N = r"([0-9]{1,2}|[ivx]+)"  # a quarter / month number, Arabic or Roman
_SEP = r"(?:\s*[/-]\s*|\s+nam\s+|\s*,\s*nam\s+|\s+)"  # "/2023", "-2023", " năm 2023", ", năm 2023", " 2023"
_OF_YEAR = r"\s*(?:nam\s+|/\s*|-\s*)?"  # "9 tháng năm 2023", "9 tháng 2023", "9 tháng/2023"
_VI_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind, int], ...] = (
    (re.compile(rf"(?:ca\s+)?nam\s+{_Y}"), PeriodKind.YEAR, 0),
    (re.compile(rf"(?:thang|t)\s*{_N}{_SEP}{_Y}"), PeriodKind.MONTH, -1),
    (re.compile(rf"([0-9]{{1,2}})\s*/\s*{_Y}"), PeriodKind.MONTH, -1),  # "11/2026"
    (re.compile(rf"(?:qu[yi]|q)\s*{_N}{_SEP}{_Y}"), PeriodKind.QUARTER, -1),
    (re.compile(rf"(?:6|sau)\s+thang\s+(?:dau\s+)?(?:nam\s+)?{_Y}"), PeriodKind.HALF, 1),
    (re.compile(rf"(?:6|sau)\s+thang\s+cuoi\s+(?:nam\s+)?{_Y}"), PeriodKind.HALF, 2),
    (re.compile(rf"(?:9|chin)\s+thang\s+(?:dau\s+)?{_OF_YEAR}{_Y}"), PeriodKind.NINE_MONTHS, 0),
    (re.compile(rf"(?:nhiem\s+ky\s+)?{_Y}\s*-\s*{_Y}"), PeriodKind.TERM, 0),
    # The English labels the pages print in English ("Q3 2024", "first half of 2024", "term 2020–2025").
    (re.compile(rf"(?:q|quarter)\s*([1-4])\s*(?:of\s+)?{_Y}"), PeriodKind.QUARTER, -1),
    (re.compile(rf"(?:the\s+)?first\s+half\s+(?:of\s+)?{_Y}"), PeriodKind.HALF, 1),
    (re.compile(rf"(?:the\s+)?second\s+half\s+(?:of\s+)?{_Y}"), PeriodKind.HALF, 2),
    (re.compile(rf"(?:the\s+)?first\s+nine\s+months\s+(?:of\s+)?{_Y}"), PeriodKind.NINE_MONTHS, 0),
    (re.compile(rf"(?:year\s+)?{_Y}"), PeriodKind.YEAR, 0),
    (re.compile(rf"term\s+{_Y}\s*-\s*{_Y}"), PeriodKind.TERM, 0),
)
_EN_MONTH_PATTERN = re.compile(r"([a-z]+)\.?\s+([0-9]{4})")
_EN_MONTH_NAMES = {name.lower(): i for i, name in enumerate(_EN_MONTHS) if name}
_EN_MONTH_NAMES.update({name.lower()[:3]: i for i, name in enumerate(_EN_MONTHS) if name})
_EN_MONTH_NAMES["sept"] = 9


def _number(text: str, raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    if raw in _FROM_ROMAN:
        return _FROM_ROMAN[raw]
    raise PeriodError(PeriodError.SYNTAX, f"{text!r}: {raw.upper()!r} is not a number")


def parse_period_vi(text: str) -> Period:
    """Read a Vietnamese period phrase.

    Understood: "tháng 6/2023", "tháng 6 năm 2023", "T6/2023", "6/2023", "quý I/2023", "quý 1 năm 2023",
    "Quý 3 năm 2023", "quý III 2023", "Q3/2023", "6 tháng đầu năm 2023", "sáu tháng đầu năm 2023",
    "6 tháng năm 2023" (H1), "6 tháng cuối năm 2023", "9 tháng (đầu) năm 2023", "9 tháng 2023", "năm 2023",
    "nhiệm kỳ 2020 - 2025" / "2020–2025", and the English labels the pages print in English ("June 2023",
    "Q1 2023", "first half of 2023", "first nine months of 2023", "2023", "term 2020–2025").
    Case-insensitive, NFC-normalised and tolerant of missing diacritics ("quy I/2023", "6 thang dau nam
    2023").  Raises :class:`PeriodError` otherwise.
    """
    original = _check_text(text)
    folded = _fold(original)
    m = _EN_MONTH_PATTERN.fullmatch(folded)
    if m is not None and m[1] in _EN_MONTH_NAMES:
        return _build(original, PeriodKind.MONTH, m[2], _EN_MONTH_NAMES[m[1]])
    for pattern, kind, index in _VI_PATTERNS:
        m = pattern.fullmatch(folded)
        if m is None:
            continue
        if kind is PeriodKind.TERM:
            return _build(original, kind, m[1], 0, m[2])
        if index == -1:
            return _build(original, kind, m[2], _number(original, m[1]))
        return _build(original, kind, m[1], index)
    raise PeriodError(
        PeriodError.SYNTAX, f"{original!r} is not a Vietnamese period phrase (expected e.g. 'quý I/2023')"
    )


def parse_any(text: str) -> Period:
    """Read a canonical code or, failing that, a Vietnamese phrase.

    When both readings fail, an ``'out_of_range'`` error from either is preferred to a ``'syntax'`` one.
    """
    try:
        return parse_period(text)
    except PeriodError as code_error:
        if code_error.code == PeriodError.EMPTY:
            raise
        try:
            return parse_period_vi(text)
        except PeriodError as vi_error:
            if code_error.code == PeriodError.OUT_OF_RANGE:
                raise code_error from None
            if vi_error.code == PeriodError.OUT_OF_RANGE:
                raise
            raise PeriodError(
                PeriodError.SYNTAX,
                f"{text.strip()!r} is neither a period code (2023-Q1) nor a Vietnamese period phrase (quý I/2023)",
            ) from None
