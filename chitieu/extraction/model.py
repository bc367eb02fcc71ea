"""Data types returned by the extraction library."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


class ExtractionError(Exception):
    """A document that cannot be read.  ``str(e)`` is one line naming the file (``x.pdf: password-
    protected PDF``); ``e.reason`` is the message without the name; ``e.code`` and ``e.params`` say
    the same for a translated message (the codes and their English texts are in ``refusals.py``)."""

    def __init__(
        self, message: str, path: str | None = None, *, code: str = "unreadable", params: dict | None = None
    ) -> None:
        self.reason = " ".join(str(message).split())
        self.path = path
        self.code = code
        self.params = dict(params or {})
        super().__init__(f"{path}: {self.reason}" if path else self.reason)


def json_number(x: Decimal) -> int | float:
    """A Decimal as a JSON number: int when integral, else float."""
    if x == x.to_integral_value():
        return int(x)
    return float(x)


@dataclass(slots=True)
class Comparison:
    basis: str  # plan, resolution, estimate, target, same_period, other
    kind: str  # of, change
    percent: Decimal
    qualifiers: list[str] = field(default_factory=list)
    start: int = 0  # offsets of the percentage in the normalised text
    end: int = 0
    implicit: bool = False  # basis carried over from context, not written next to the number

    def to_json(self) -> dict[str, Any]:
        return {
            "basis": self.basis,
            "kind": self.kind,
            "percent": json_number(self.percent),
            "qualifiers": list(self.qualifiers),
        }


@dataclass(slots=True)
class Figure:
    indicator: str
    value: Decimal | None
    unit: str | None
    denominator: Decimal | None = None
    qualifiers: list[str] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    start: int = 0  # offsets of the figure's number in the normalised text
    end: int = 0
    text: str = ""  # the source sentence
    upper: Decimal | None = None  # upper bound of a range (`15-16%`: value 15, upper 16)
    parent: int | None = None  # index of the total this figure is a component of (`Trong đó: ...`)
    lower: int | None = None  # for the upper bound of a range (a figure of its own): the lower's index

    def to_json(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "value": None if self.value is None else json_number(self.value),
            "unit": self.unit if self.value is not None else None,
            "denominator": None if self.denominator is None else json_number(self.denominator),
            "qualifiers": list(self.qualifiers),
            "comparisons": [c.to_json() for c in self.comparisons],
        }


@dataclass(slots=True)
class ExtractionWarning:
    code: str
    message: str
    start: int
    end: int


@dataclass(slots=True)
class Extraction:
    figures: list[Figure]
    warnings: list[ExtractionWarning]


@dataclass(slots=True)
class Official:
    name: str
    titles: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "titles": list(self.titles)}


@dataclass(slots=True)
class Meeting:
    body: str | None = None  # Ban Chấp hành, Ban Thường vụ, Thường trực, giao ban, Đại hội, Hội nghị
    kind: str | None = None  # plenum, standing_committee, standing_office, briefing, congress, conference
    organisation: str | None = None  # e.g. "Đảng bộ thị xã Kiến Tường"
    unit: str | None = None  # e.g. "thị xã Kiến Tường"
    ordinal: int | None = None  # Hội nghị lần thứ 14 -> 14
    term: str | None = None  # nhiệm kỳ 2020-2025 -> "2020-2025"
    khoa: str | None = None  # khóa 25 -> "25", khóa XI -> "XI"
    date: str | None = None  # ISO date when day, month and year are known
    day_month: str | None = None  # "22/6" as written
    year: int | None = None
    period: str | None = None  # 2023-H1, 2023-Q1, 2023-09, 2023-9M, 2023, 2020-2025
    chairs: list[str] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "kind": self.kind,
            "organisation": self.organisation,
            "unit": self.unit,
            "ordinal": self.ordinal,
            "term": self.term,
            "khoa": self.khoa,
            "date": self.date,
            "day_month": self.day_month,
            "year": self.year,
            "period": self.period,
            "chairs": list(self.chairs),
            "officials": [o.to_json() for o in self.officials],
        }


@dataclass(slots=True)
class Issue:
    code: str
    message_vi: str
    message_en: str
    figures: list[int] = field(default_factory=list)
    severity: str = "error"  # error or warning

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
            "figures": list(self.figures),
        }
