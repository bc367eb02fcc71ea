"""Whether a checked row would change what is stored: rows that would not are not saved again, so
importing the same file twice changes nothing the second time. Used by the checking pass (a target
outside the importer's scope shown unchanged is no error) and by the writing pass."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from chitieu.indicators.choices import Dimension, Measure
from chitieu.indicators.models import Target
from chitieu.reporting.models import Result

from .report import ResultRow, TargetRow


def same(a: Decimal | None, b: Decimal | None) -> bool:
    return a == b if a is not None and b is not None else a is None and b is None


def computed_value(row: ResultRow) -> Decimal | None:
    """The value result_save stores for a ratio given only as numerator and denominator."""
    ind = row.indicator
    if row.value is None and ind.measure == Measure.RATIO and row.numerator is not None and row.denominator:
        scale = 100 if ind.measure_unit.dimension == Dimension.PERCENT else 1
        try:
            return (row.numerator * scale / row.denominator).quantize(Decimal("0.000001"))
        except InvalidOperation:
            return None
    return row.value


def result_unchanged(ex: Result | None, row: ResultRow) -> bool:
    return (
        ex is not None
        and same(ex.value, computed_value(row))
        and same(ex.numerator, row.numerator)
        and same(ex.denominator, row.denominator)
        and ex.status == row.status
        and ex.note == row.note
    )


def target_unchanged(ex: Target | None, row: TargetRow) -> bool:
    return ex is not None and same(ex.value, row.value) and ex.kind == row.kind and ex.note == row.note
