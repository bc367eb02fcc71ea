"""Invented test texts, one module per class of error from issue 15, with the figures an annotator
following SCHEMA.md (and its conventions for harder cases) would write.  Written for these tests,
not copied from published reports.

Each case is (name, text, expected) and each expected figure is (indicator, value, unit,
denominator, qualifiers, [(basis, kind, percent)]), as in ``own_texts.py``.
"""

from __future__ import annotations

from . import bases, genres, growth, indicators, not_figures, ranges, rates

CLASSES: dict[str, list[tuple[str, str, list[tuple]]]] = {
    "growth": growth.CASES,
    "bases": bases.CASES,
    "rates": rates.CASES,
    "not_figures": not_figures.CASES,
    "ranges": ranges.CASES,
    "indicators": indicators.CASES,
    "genres": genres.CASES,
}
