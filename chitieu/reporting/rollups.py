"""Aggregates up the unit tree, maintained incrementally and rebuilt in one statement.

A result of a base unit (one with no units under it) adds to every ancestor's Rollup row for its
indicator and period: the sum of values, the count of values, the sums of numerators and
denominators (ratios are recomputed as Σnum/Σden, never averaged) and the count of units meeting the
indicator's threshold. result_save applies the difference between the old and the new figure to all
ancestors in its own transaction, so a changed commune figure is visible in its province at once —
no nightly batch. rebuild_all() recomputes everything from the results in one SQL statement (a
recursive CTE for the ancestor pairs), to check or repair the table and after bulk loads.

SQLite has no decimal type: there the sums are floating point (≈15 significant digits); PostgreSQL
keeps them exact in numeric.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import connection, transaction

from chitieu.indicators.models import Indicator
from chitieu.orgs.selectors import unit_ancestor_ids

from .models import Result, Rollup

_UPSERT_SQL = """
INSERT INTO reporting_rollup (unit_id, indicator_id, period, total, reporting, numerator, denominator, meeting)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET
    total = reporting_rollup.total + excluded.total,
    reporting = reporting_rollup.reporting + excluded.reporting,
    numerator = reporting_rollup.numerator + excluded.numerator,
    denominator = reporting_rollup.denominator + excluded.denominator,
    meeting = reporting_rollup.meeting + excluded.meeting
"""

_REBUILD_SQL = """
INSERT INTO reporting_rollup (unit_id, indicator_id, period, total, reporting, numerator, denominator, meeting)
WITH RECURSIVE anc(unit_id, ancestor_id) AS (
    SELECT id, parent_id FROM orgs_unit WHERE parent_id IS NOT NULL
    UNION ALL
    SELECT anc.unit_id, u.parent_id FROM anc JOIN orgs_unit u ON u.id = anc.ancestor_id
    WHERE u.parent_id IS NOT NULL
)
SELECT a.ancestor_id, r.indicator_id, r.period,
       COALESCE(SUM(r.value), 0),
       COUNT(r.value),
       COALESCE(SUM(r.numerator), 0),
       COALESCE(SUM(r.denominator), 0),
       SUM(CASE WHEN i.threshold IS NOT NULL AND r.value IS NOT NULL AND (
                (i.polarity = 'higher' AND r.value >= i.threshold) OR
                (i.polarity = 'lower' AND r.value <= i.threshold)) THEN 1 ELSE 0 END)
FROM reporting_result r
JOIN anc a ON a.unit_id = r.unit_id
JOIN indicators_indicator i ON i.id = r.indicator_id
WHERE NOT EXISTS (SELECT 1 FROM orgs_unit c WHERE c.parent_id = r.unit_id)
GROUP BY a.ancestor_id, r.indicator_id, r.period
"""

Contribution = tuple[Decimal, int, Decimal, Decimal, int]
NONE: Contribution = (Decimal(0), 0, Decimal(0), Decimal(0), 0)


def contribution(indicator: Indicator, value, numerator, denominator) -> Contribution:
    if value is None and numerator is None:
        return NONE
    meets = 0
    if value is not None and indicator.threshold is not None:
        if indicator.polarity == "lower":
            meets = int(value <= indicator.threshold)
        else:
            meets = int(value >= indicator.threshold)
    return (
        Decimal(value or 0),
        int(value is not None),
        Decimal(numerator or 0),
        Decimal(denominator or 0),
        meets,
    )


def is_base_unit(unit_id: int) -> bool:
    from chitieu.orgs.models import Unit

    return not Unit.objects.filter(parent_id=unit_id).exists()


def apply_change(result: Result, old: Contribution, new: Contribution) -> None:
    """Add new − old to every ancestor of the result's unit (call inside the write's transaction)."""
    delta = tuple(n - o for n, o in zip(new, old, strict=True))
    if not any(delta) or not is_base_unit(result.unit_id):
        return
    ancestors = unit_ancestor_ids(result.unit_id)
    if not ancestors:
        return
    with connection.cursor() as cur:
        cur.executemany(
            _UPSERT_SQL,
            [(a, result.indicator_id, result.period, *[_db(x) for x in delta]) for a in ancestors],
        )


def _db(x):
    return str(x) if isinstance(x, Decimal) else x


@transaction.atomic
def rebuild_all() -> int:
    """Recompute every Rollup row from the results; returns the number of rows."""
    with connection.cursor() as cur:
        cur.execute("DELETE FROM reporting_rollup")
        cur.execute(_REBUILD_SQL)
    return Rollup.objects.count()


def rollup_value(row: Rollup | None, indicator: Indicator) -> Decimal | None:
    """The aggregate an indicator's roll-up rule asks for, from a Rollup row."""
    if row is None or (row.reporting == 0 and row.denominator == 0):
        return None
    agg = indicator.aggregation
    if agg == "sum":
        return Decimal(row.total)
    if agg == "avg":
        return Decimal(row.total) / row.reporting if row.reporting else None
    if agg == "ratio_of_sums":
        if not row.denominator:
            return None
        scale = 100 if indicator.measure_unit.dimension == "percent" else 1
        return Decimal(row.numerator) * scale / Decimal(row.denominator)
    if agg == "count_meeting":
        return Decimal(row.meeting)
    return None
