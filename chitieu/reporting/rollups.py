"""Aggregates up the unit tree, maintained incrementally, and rebuilt from the results on demand.

The rule (progress.py): a unit's figure for a period is its own reported figure when it has one,
otherwise the roll-up of the units below it. Each Rollup row keeps, for a unit, indicator and period,
the Sums of its children's contributions — a child's own figure if it reported one, else the child's
own Rollup row: Σ values and how many, Σ numerators and denominators of the figures that have both
(ratios are recomputed as Σnum/Σden, never averaged), Σ value × weight and Σ weight (the weight is
the indicator's weight indicator, same unit and period), and how many meet the indicator's threshold.
progress.rolled_value() turns a row into the value the indicator's rule asks for.

result_save applies the change of a unit's contribution to each ancestor in its own transaction, up
to and including the first ancestor that reported its own figure (above it nothing changes), so a
changed commune figure is visible in its province at once — no nightly batch. rebuild_all()
recomputes everything from the results, level by level from the bottom of the tree, and writes only
the rows that differ, to check or repair the table and after bulk loads.

SQLite has no decimal type: there the sums are floating point (≈15 significant digits); PostgreSQL
keeps them exact in numeric.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction

from chitieu.indicators.choices import Dimension
from chitieu.indicators.models import Indicator

from .models import Result, Rollup
from .progress import NOTHING, Sums, rolled_value
from .progress import contribution as figure_sums

COLUMNS = ("total", "reporting", "numerator", "denominator", "paired", "weighted", "weight", "meeting")
_COLS = ", ".join(COLUMNS)

_UPSERT_SQL = (
    f"INSERT INTO reporting_rollup (unit_id, indicator_id, period, {_COLS}) VALUES {{rows}} "
    "ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET "
    + ", ".join(f"{c} = reporting_rollup.{c} + excluded.{c}" for c in COLUMNS)
)

# A figure reported: a value, or a numerator with its denominator.
_REPORTED = "(r.value IS NOT NULL OR (r.numerator IS NOT NULL AND r.denominator IS NOT NULL))"
_PAIRED = "(r.numerator IS NOT NULL AND r.denominator IS NOT NULL)"

# rebuild_all, step 1: every reported figure summed under its unit's parent (one pass over the
# results: grouping 15 million rows by parent first is 40 times fewer rows than joining every result
# to every ancestor), and apart, the weighted sums of the indicators that have a weight.
_STAGE_SQL = f"""
CREATE TEMP TABLE rollup_stage AS
SELECT u.parent_id AS unit_id, r.indicator_id, r.period,
       SUM(COALESCE(r.value, 0)) AS total,
       COUNT(r.value) AS reporting,
       SUM(CASE WHEN {_PAIRED} THEN r.numerator ELSE 0 END) AS numerator,
       SUM(CASE WHEN {_PAIRED} THEN r.denominator ELSE 0 END) AS denominator,
       SUM(CASE WHEN {_PAIRED} THEN 1 ELSE 0 END) AS paired,
       CAST(0 AS NUMERIC) AS weighted,  -- typed as the weighted sums inserted below (not an integer)
       CAST(0 AS NUMERIC) AS weight,
       SUM(CASE WHEN i.threshold IS NOT NULL AND r.value IS NOT NULL AND (
                (i.polarity = 'lower' AND r.value <= i.threshold) OR
                (i.polarity <> 'lower' AND r.value >= i.threshold)) THEN 1 ELSE 0 END) AS meeting
FROM reporting_result r
JOIN orgs_unit u ON u.id = r.unit_id
JOIN indicators_indicator i ON i.id = r.indicator_id
WHERE u.parent_id IS NOT NULL AND {_REPORTED}
GROUP BY u.parent_id, r.indicator_id, r.period
"""
_STAGE_WEIGHTS_SQL = """
INSERT INTO rollup_stage (unit_id, indicator_id, period, total, reporting, numerator, denominator, paired,
                          weighted, weight, meeting)
SELECT u.parent_id, r.indicator_id, r.period, 0, 0, 0, 0, 0, SUM(r.value * w.value), SUM(w.value), 0
FROM indicators_indicator i
JOIN reporting_result r ON r.indicator_id = i.id
JOIN reporting_result w ON w.indicator_id = i.weight_indicator_id AND w.unit_id = r.unit_id AND w.period = r.period
JOIN orgs_unit u ON u.id = r.unit_id
WHERE i.weight_indicator_id IS NOT NULL AND u.parent_id IS NOT NULL AND r.value IS NOT NULL
  AND w.value IS NOT NULL
GROUP BY u.parent_id, r.indicator_id, r.period
"""
_DEPTH_SQL = """
CREATE TEMP TABLE rollup_depth AS
WITH RECURSIVE d(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM orgs_unit WHERE parent_id IS NULL
    UNION ALL
    SELECT u.id, u.parent_id, d.depth + 1 FROM orgs_unit u JOIN d ON u.parent_id = d.id
)
SELECT id, parent_id, depth FROM d
"""
_REBUILT_SQL = f"""
CREATE TEMP TABLE rollup_rebuilt AS
SELECT unit_id, indicator_id, period, {_COLS} FROM rollup_stage WHERE 1 = 0
"""
# Step 2, for each depth from the bottom up: the parents at that depth get their reported children's
# figures (from the stage) plus the roll-ups of their children that reported nothing themselves.
_LEVEL_SQL = f"""
INSERT INTO rollup_rebuilt (unit_id, indicator_id, period, {_COLS})
SELECT x.unit_id, x.indicator_id, x.period, {", ".join(f"SUM(x.{c})" for c in COLUMNS)}
FROM (
    SELECT s.unit_id, s.indicator_id, s.period, {", ".join(f"s.{c}" for c in COLUMNS)}
    FROM rollup_stage s JOIN rollup_depth d ON d.id = s.unit_id
    WHERE d.depth = %s
    UNION ALL
    SELECT d.parent_id, n.indicator_id, n.period, {", ".join(f"n.{c}" for c in COLUMNS)}
    FROM rollup_rebuilt n JOIN rollup_depth d ON d.id = n.unit_id
    WHERE d.depth = %s AND NOT EXISTS (
        SELECT 1 FROM reporting_result r
        WHERE r.unit_id = n.unit_id AND r.indicator_id = n.indicator_id AND r.period = n.period AND {_REPORTED})
) x
GROUP BY x.unit_id, x.indicator_id, x.period
"""
_SAME_KEY = "o.unit_id = n.unit_id AND o.indicator_id = n.indicator_id AND o.period = n.period"
# Exact on PostgreSQL; SQLite's floating-point sums may differ in the last bits between the
# incremental and the rebuilt path, which is not an error to repair.
_DIFFERS = {
    "postgresql": "{a} <> {b}",
    "sqlite": "ABS({a} - {b}) > 1e-9 * MAX(1, ABS({b}))",
}


def _apply_sql(vendor: str) -> list[str]:
    """Step 2: only the rows that differ are written — a check of a correct table writes nothing,
    readers are never blocked, and 900,000 rows are not pushed again through five indexes (measured at
    national size: 12 s of index upkeep and 10 s of foreign-key checks for a delete-and-insert)."""
    differs = _DIFFERS.get(vendor, _DIFFERS["postgresql"])
    changed = " OR ".join(differs.format(a=f"reporting_rollup.{c}", b=f"n.{c}") for c in COLUMNS)
    return [
        """DELETE FROM reporting_rollup WHERE NOT EXISTS (
                SELECT 1 FROM rollup_rebuilt n WHERE n.unit_id = reporting_rollup.unit_id
                AND n.indicator_id = reporting_rollup.indicator_id AND n.period = reporting_rollup.period)""",
        f"""UPDATE reporting_rollup SET {", ".join(f"{c} = n.{c}" for c in COLUMNS)}
            FROM rollup_rebuilt n
            WHERE reporting_rollup.unit_id = n.unit_id AND reporting_rollup.indicator_id = n.indicator_id
              AND reporting_rollup.period = n.period
              AND ({changed})""",
        f"""INSERT INTO reporting_rollup (unit_id, indicator_id, period, {_COLS})
            SELECT n.unit_id, n.indicator_id, n.period, {", ".join(f"n.{c}" for c in COLUMNS)}
            FROM rollup_rebuilt n
            WHERE NOT EXISTS (SELECT 1 FROM reporting_rollup o WHERE {_SAME_KEY})""",
    ]


def contribution(indicator: Indicator, value, numerator, denominator, weight=None) -> Sums:
    """A reported figure of ``indicator`` as the Sums it adds up to (see progress.contribution)."""
    return figure_sums(
        value,
        numerator,
        denominator,
        weight=weight,
        threshold=indicator.threshold,
        polarity=indicator.polarity,
    )


def sums_of(row: Rollup | None) -> Sums:
    """The Sums a kept Rollup row holds (nothing when there is no row)."""
    if row is None:
        return NOTHING
    return Sums(*(_dec(getattr(row, c)) if c in _DECIMALS else int(getattr(row, c)) for c in COLUMNS))


_DECIMALS = {"total", "numerator", "denominator", "weighted", "weight"}


def _dec(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def chain_up(ancestors: list[tuple[int, bool]]) -> list[int]:
    """The ancestors (nearest first, each with whether it reported its own figure) whose Rollup rows a
    change of one contribution reaches: up to and including the first that reported its own."""
    out = []
    for uid, has_own in ancestors:
        out.append(uid)
        if has_own:
            break
    return out


def apply_change(result: Result, chain: list[int], delta: Sums) -> None:
    """Add ``delta`` to the roll-up row of each unit of ``chain`` in one statement inside the write's
    transaction."""
    values = delta.as_tuple()
    if not any(values) or not chain:
        return
    row = [result.indicator_id, result.period, *[_db(x) for x in values]]
    marks = "(" + ", ".join(["%s"] * (3 + len(COLUMNS))) + ")"
    with connection.cursor() as cur:
        cur.execute(
            _UPSERT_SQL.format(rows=", ".join([marks] * len(chain))), [x for a in chain for x in (a, *row)]
        )


def _db(x):
    return str(x) if isinstance(x, Decimal) else x


@dataclass(frozen=True)
class Rebuild:
    rows: int  # roll-up rows after the rebuild
    deleted: int  # rows that should not have been there
    updated: int  # rows whose figures were wrong
    inserted: int  # rows that were missing

    @property
    def repaired(self) -> int:
        return self.deleted + self.updated + self.inserted


@transaction.atomic
def rebuild_all() -> Rebuild:
    """Recompute every Rollup row from the results and write only the differences."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            # One large aggregation: a hash table in memory rather than sorts spilled to disk (the
            # planner overestimates the groups 9× and would sort), and no JIT compilation (3.5 s of
            # compiling for a statement that runs once).
            cur.execute("SET LOCAL work_mem = '256MB'")
            cur.execute("SET LOCAL enable_sort = off")
            cur.execute("SET LOCAL jit = off")
        for t in ("rollup_stage", "rollup_depth", "rollup_rebuilt"):
            cur.execute(f"DROP TABLE IF EXISTS {t}")
        cur.execute(_STAGE_SQL)
        cur.execute(_STAGE_WEIGHTS_SQL)
        if connection.vendor == "postgresql":
            cur.execute("SET LOCAL enable_sort = on")
            cur.execute("ANALYZE rollup_stage")
        cur.execute(_DEPTH_SQL)
        cur.execute(_REBUILT_SQL)
        cur.execute("SELECT MAX(depth) FROM rollup_depth")
        deepest = cur.fetchone()[0] or 0
        for depth in range(deepest - 1, -1, -1):
            cur.execute(_LEVEL_SQL, [depth, depth + 1])
        if connection.vendor == "postgresql":
            cur.execute("ANALYZE rollup_rebuilt")
        counts = []
        for sql in _apply_sql(connection.vendor):
            cur.execute(sql)
            counts.append(cur.rowcount)
        for t in ("rollup_stage", "rollup_depth", "rollup_rebuilt"):
            cur.execute(f"DROP TABLE {t}")
    return Rebuild(Rollup.objects.count(), *counts)


def rollup_value(row: Rollup | None, indicator: Indicator) -> Decimal | None:
    """The aggregate an indicator's roll-up rule asks for, from a Rollup row (progress.rolled_value)."""
    return rolled_value(sums_of(row), indicator.aggregation, scale=scale_of(indicator))


def scale_of(indicator: Indicator) -> Decimal:
    """A ratio of sums in % is ×100; any other ratio (per person, per ha) ×1."""
    return Decimal(100) if indicator.measure_unit.dimension == Dimension.PERCENT else Decimal(1)
