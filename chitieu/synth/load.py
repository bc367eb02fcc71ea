"""Write a planned data set into the configured database, fast, and rebuild the roll-ups.

Small tables (units, indicators, resolutions) go through the ORM's bulk_create; results and targets
are streamed: PostgreSQL through COPY (psycopg's ``cursor.copy()``), SQLite through executemany in
one transaction. For big loads the secondary indexes and foreign keys of the results table are
dropped first and rebuilt after, which is several times faster than maintaining them row by row.
Not through result_save: no audit entries, no per-row validation — the generator's own rules keep
the figures valid (ratios with nonzero denominators, counts within range, units existing).

Everything generated is marked (``SYNTH_MARK`` in the notes, ``synth-`` measure-unit codes) so that
``--replace`` can remove it again without touching anything else.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.db.migrations.executor import MigrationExecutor

from chitieu.indicators.models import Indicator, MeasureUnit, Resolution
from chitieu.orgs.choices import UnitKind
from chitieu.orgs.models import Unit, UnitLineage
from chitieu.reporting.models import ReportingSetup, Result

from .catalogue import MEASURE_UNITS
from .plan import FREQ_LABEL, LINEAGE_BASIS, REFORM, SOURCE_REF, Model, Plan

SYNTH_MARK = "[chitieu generate] synthetic data"
BULK_DDL_ROWS = 200_000  # drop and rebuild the results table's indexes above this many rows
CHUNK = 20_000

RESULT_COLUMNS = (
    "indicator_id", "unit_id", "period", "value", "numerator", "denominator", "status", "qualifier", "note",
    "source", "source_ref", "source_text", "entered_at", "updated_at", "version",
)  # fmt: skip
TARGET_COLUMNS = (
    "indicator_id", "unit_id", "period", "basis", "basis_label", "kind", "value", "resolution_id", "derived",
    "illustrative", "note", "updated_at", "version",
)  # fmt: skip


class GenerateError(Exception):
    """The database is not in a state to generate into; the message says why and what to do."""


@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=dict)
    details: dict[str, Counter] = field(default_factory=dict)
    timings: list[tuple[str, float]] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(s for _, s in self.timings)


class _Timer:
    def __init__(self, report: Report, log: Callable[[str], None]) -> None:
        self.report, self.log = report, log

    def __call__(self, label: str):
        timer = self

        class _Phase:
            def __enter__(self):
                self.t0 = time.perf_counter()

            def __exit__(self, *exc):
                if exc[0] is None:
                    seconds = time.perf_counter() - self.t0
                    timer.report.timings.append((label, seconds))
                    timer.log(f"  {label}: {seconds:.1f} s")

        return _Phase()


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def pending_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _backwards in plan]


def existing_data() -> dict[str, int]:
    return {
        "units": Unit.objects.count(),
        "indicators": Indicator.objects.count(),
        "results": Result.objects.count(),
    }


# -- removing generated data ----------------------------------------------------------------------------


def _reverse_relations(model: type[models.Model]):
    """(child model, FK column) for every FK pointing at ``model``, hidden ones (related_name '+') too."""
    for f in model._meta.get_fields(include_hidden=True):
        if not (f.auto_created and not f.concrete):
            continue
        if f.many_to_many:
            through = f.through if hasattr(f, "through") else f.remote_field.through
            for tf in through._meta.concrete_fields:
                if tf.is_relation and tf.related_model is model:
                    yield through, tf.column
        elif f.one_to_many or f.one_to_one:
            if f.related_model is model:
                continue  # self-references go in the same statement (constraints are deferred)
            yield f.related_model, f.field.column


def _purge(cur, model: type[models.Model], where: str, removed: dict[str, int], depth: int = 0) -> None:
    """Delete the rows of ``model`` matching ``where`` and, first, every row referring to them."""
    table = model._meta.db_table
    pk = model._meta.pk.column
    if depth > 8:
        raise GenerateError(f"references to {table} nest too deep to remove safely")
    for child, column in _reverse_relations(model):
        _purge(cur, child, f'"{column}" IN (SELECT "{pk}" FROM "{table}" WHERE {where})', removed, depth + 1)
    cur.execute(f'DELETE FROM "{table}" WHERE {where}')
    if cur.rowcount:
        removed[table] = removed.get(table, 0) + cur.rowcount


def remove_generated() -> dict[str, int]:
    """Delete everything an earlier run generated, and what refers to it. Returns rows removed per table."""
    removed: dict[str, int] = {}
    mark = SYNTH_MARK.replace("'", "''")
    with transaction.atomic(), connection.cursor() as cur:
        _purge(
            cur,
            Resolution,
            f"\"note\" = '{mark}' OR \"unit_id\" IN (SELECT id FROM orgs_unit WHERE note = '{mark}')",
            removed,
        )
        _purge(cur, Unit, f"\"note\" = '{mark}'", removed)  # lineage, results, targets, roll-ups first
        _purge(cur, Indicator, f"\"description\" LIKE '{mark}%'", removed)
        _purge(cur, MeasureUnit, "\"code\" LIKE 'synth-%'", removed)
    return removed


# -- fast paths per engine -------------------------------------------------------------------------------


class _Bulk:
    """The per-engine part: session settings, index handling and the row stream."""

    def __init__(self, drop_indexes: bool) -> None:
        self.drop_indexes = drop_indexes
        self.saved: list[str] = []

    def prepare_session(self) -> None:
        """Before the load's transaction."""

    def prepare_transaction(self) -> None:
        """Inside the load's transaction."""

    def restore_session(self) -> None: ...

    def drop(self, table: str) -> None: ...

    def rebuild(self) -> None: ...

    def write(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        raise NotImplementedError


class _Postgres(_Bulk):
    def prepare_transaction(self) -> None:
        with connection.cursor() as cur:
            cur.execute("SET LOCAL synchronous_commit = off")
            cur.execute("SET LOCAL maintenance_work_mem = '512MB'")

    def drop(self, table: str) -> None:
        if not self.drop_indexes:
            return
        with connection.cursor() as cur:
            # Pending deferred checks (from the units just inserted) would forbid ALTER TABLE.
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cur.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype IN ('f', 'u') ORDER BY contype DESC, conname",
                [table],
            )
            constraints = cur.fetchall()
            cur.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
                [table, table],
            )
            indexes = cur.fetchall()
            for name, _definition in constraints:
                cur.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            for name, _definition in indexes:
                cur.execute(f'DROP INDEX "{name}"')
        self.saved += [d + ";" for _n, d in indexes]
        self.saved += [f'ALTER TABLE "{table}" ADD CONSTRAINT "{n}" {d}' for n, d in constraints]

    def rebuild(self) -> None:
        with connection.cursor() as cur:
            # Index builds sort in memory up to maintenance_work_mem (default 64 MB): 15 million rows
            # per index want more; the setting is this session's only.
            cur.execute("SET maintenance_work_mem = '512MB'")
            for sql in self.saved:
                cur.execute(sql)
            cur.execute("RESET maintenance_work_mem")
            cur.execute("SET CONSTRAINTS ALL DEFERRED")
        self.saved = []

    def write(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        n = 0
        cols = ", ".join(columns)
        with connection.cursor() as cur:
            with cur.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                buf: list[str] = []
                for row in rows:
                    buf.append("\t".join("\\N" if x is None else str(x) for x in row))
                    if len(buf) >= CHUNK:
                        copy.write("\n".join(buf) + "\n")
                        n += len(buf)
                        buf = []
                if buf:
                    copy.write("\n".join(buf) + "\n")
                    n += len(buf)
        return n

    def analyze(self, tables: list[str]) -> None:
        with connection.cursor() as cur:
            for t in tables:
                cur.execute(f'ANALYZE "{t}"')


class _Sqlite(_Bulk):
    PRAGMAS = {"synchronous": "OFF", "cache_size": "-1048576", "temp_store": "MEMORY"}

    def __init__(self, drop_indexes: bool) -> None:
        super().__init__(drop_indexes)
        self.before: dict[str, str] = {}
        self.fk_off = False

    def prepare_session(self) -> None:
        """Bulk-load pragmas (SQLite refuses them inside a transaction: then the load runs without)."""
        if connection.in_atomic_block:
            return
        self.foreign_keys_off()
        with connection.cursor() as cur:
            for name, value in self.PRAGMAS.items():
                cur.execute(f"PRAGMA {name}")
                self.before[name] = cur.fetchone()[0]
                cur.execute(f"PRAGMA {name} = {value}")

    def restore_session(self) -> None:
        with connection.cursor() as cur:
            for name, value in self.before.items():
                cur.execute(f"PRAGMA {name} = {value}")
            if self.fk_off:
                cur.execute("PRAGMA foreign_keys = ON")

    def foreign_keys_off(self) -> None:
        """Outside a transaction only (SQLite ignores the pragma inside one): the generator's ids are
        taken from the database, so the per-row parent lookups would check nothing."""
        with connection.cursor() as cur:
            cur.execute("PRAGMA foreign_keys = OFF")
        self.fk_off = True

    def drop(self, table: str) -> None:
        if not self.drop_indexes:
            return
        with connection.cursor() as cur:
            cur.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [table],
            )
            indexes = cur.fetchall()
            for name, _sql in indexes:
                cur.execute(f'DROP INDEX "{name}"')
        self.saved += [sql for _n, sql in indexes]

    def rebuild(self) -> None:
        with connection.cursor() as cur:
            for sql in self.saved:
                cur.execute(sql)
        self.saved = []

    def write(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        raw = connection.connection.cursor()  # sqlite3 cursor: no per-call wrapping
        n = 0
        buf: list[tuple] = []
        for row in rows:
            buf.append(row)
            if len(buf) >= CHUNK:
                raw.executemany(sql, buf)
                n += len(buf)
                buf = []
        if buf:
            raw.executemany(sql, buf)
            n += len(buf)
        raw.close()
        return n

    def analyze(self, tables: list[str]) -> None:
        with connection.cursor() as cur:
            cur.execute("PRAGMA analysis_limit = 2000")
            for t in tables:
                cur.execute(f'ANALYZE "{t}"')


# -- the load ---------------------------------------------------------------------------------------------


def _root_kind() -> str:
    """The national root's kind: a dedicated choice when the model has one."""
    values = {v for v, _label in UnitKind.choices}
    for kind in ("country", "nation", "national"):
        if kind in values:
            return kind
    return UnitKind.PROVINCE


def _timestamp(day: dt.date, postgres: bool) -> str:
    # 09:00 in Vietnam (UTC+7) = 02:00 UTC; Django keeps UTC in the database.
    return f"{day.isoformat()} 02:00:00{'+00' if postgres else ''}"


def load(
    plan: Plan,
    *,
    replace: bool = False,
    log: Callable[[str], None] = print,
    drop_indexes: bool | None = None,
    vacuum: bool = True,
) -> Report:
    """Write ``plan`` into the database; returns what was written and how long each step took."""
    from chitieu.reporting.rollups import rebuild_all

    report = Report()
    timer = _Timer(report, log)
    pending = pending_migrations()
    if pending:
        raise GenerateError(
            f"the database schema is not up to date ({len(pending)} migrations pending, e.g. {pending[0]}): "
            "run `chitieu migrate` first"
        )
    if replace:
        with timer("remove earlier generated data"):
            report.removed = remove_generated()
    have = existing_data()
    if any(have.values()):
        if not replace:
            raise GenerateError(
                "the database is not empty ({units} units, {indicators} indicators, {results} results): "
                "generate into an empty database, or pass --replace to delete earlier generated data "
                "first".format(**have)
            )
        clash = Unit.objects.filter(code__in=[u.code for u in plan.units[:50]]).exists() or (
            Indicator.objects.filter(code__in=[i.code for i in plan.indicators]).exists()
        )
        if clash:
            raise GenerateError(
                "units or indicators with the generated codes (p01, p01-x0001, ind-001 …) exist and were "
                "not generated: refusing to mix them"
            )

    postgres = is_postgresql()
    model = Model(plan)
    n_results_guess = len(plan.communes) * len(plan.indicators) * 3
    if drop_indexes is None:
        drop_indexes = n_results_guess > BULK_DDL_ROWS
    bulk: _Bulk = _Postgres(drop_indexes) if postgres else _Sqlite(drop_indexes)
    bulk.prepare_session()
    try:
        with transaction.atomic():
            bulk.prepare_transaction()
            with timer("units, indicators, resolutions"):
                unit_ids, ind_ids, resolutions = _write_catalogue(plan, report)
            with timer("results"):
                bulk.drop(Result._meta.db_table)
                report.counts["results"] = bulk.write(
                    Result._meta.db_table,
                    RESULT_COLUMNS,
                    _result_rows(plan, model, unit_ids, ind_ids, postgres),
                )
            if drop_indexes:
                with timer("results: indexes and constraints"):
                    bulk.rebuild()
            with timer("targets"):
                report.counts["targets"] = bulk.write(
                    "indicators_target",
                    TARGET_COLUMNS,
                    _target_rows(plan, model, unit_ids, ind_ids, resolutions, postgres),
                )
            with timer("roll-ups (rebuild_all)"):
                report.counts["rollups"] = rebuild_all().rows
            with timer("statistics (ANALYZE)"):
                bulk.analyze([Result._meta.db_table, "indicators_target", "reporting_rollup", "orgs_unit"])
    finally:
        bulk.restore_session()
    if postgres and vacuum and not connection.in_atomic_block:
        with timer("VACUUM (visibility map for index-only scans)"), connection.cursor() as cur:
            for t in (Result._meta.db_table, "reporting_rollup", "indicators_target"):
                cur.execute(f'VACUUM "{t}"')
    report.counts["missing"] = model.slots - report.counts["results"]
    return report


def _write_catalogue(plan: Plan, report: Report):
    mus = MeasureUnit.objects.bulk_create(
        [MeasureUnit(code=c, symbol=s, dimension=d, factor=f) for c, s, d, f in MEASURE_UNITS]
    )
    mu_ids = {m.code: m.pk for m in mus}

    root_kind = _root_kind()
    objs = [
        Unit(
            code=u.code,
            name=u.name,
            kind=u.kind or root_kind,
            valid_from=u.valid_from,
            valid_to=u.valid_to,
            party_committee=u.party_committee,
            party_abbrev=u.party_abbrev,
            note=SYNTH_MARK,
        )
        for u in plan.units
    ]
    # Parents first: level by level down the tree.
    depth = [0] * len(plan.units)
    for k, u in enumerate(plan.units):
        depth[k] = 0 if u.parent is None else depth[u.parent] + 1
    for level in range(max(depth) + 1):
        batch = [k for k in range(len(objs)) if depth[k] == level]
        for k in batch:
            parent = plan.units[k].parent
            objs[k].parent_id = objs[parent].pk if parent is not None else None
        Unit.objects.bulk_create([objs[k] for k in batch], batch_size=2000)
    unit_ids = [o.pk for o in objs]
    UnitLineage.objects.bulk_create(
        [
            UnitLineage(
                predecessor_id=unit_ids[old],
                successor_id=unit_ids[new],
                kind=kind,
                date=REFORM,
                share=1,
                basis=LINEAGE_BASIS,
            )
            for old, new, kind in plan.lineage
        ],
        batch_size=2000,
    )
    ReportingSetup.objects.create(unit_id=unit_ids[0], window_rule="nd09")
    current = [u for u in plan.units if u.valid_to is None]
    report.details["units today"] = Counter(u.kind or root_kind for u in current)
    report.details["of them new on 2025-07-01"] = Counter(u.kind for u in current if u.valid_from == REFORM)
    report.details["units before the reform"] = Counter(u.kind for u in plan.units if u.valid_to is not None)
    report.counts["units"] = len(objs)
    report.counts["lineage"] = len(plan.lineage)

    inds = []
    for ind in plan.indicators:
        t = ind.template
        inds.append(
            Indicator(
                code=ind.code,
                name=t.name,
                measure_unit_id=mu_ids[t.unit],
                field=t.field,
                polarity=t.polarity,
                measure=ind.measure,
                aggregation=ind.aggregation,
                threshold=1 if t.kind == "flag" else None,
                child_kinds="commune ward special_zone" if t.kind == "flag" else "",
                is_share=t.kind == "ratio" and t.hi <= 100,
                sort_order=ind.sort_order,
                description=f"{SYNTH_MARK}; reported {FREQ_LABEL[t.freq]}",
            )
        )
    Indicator.objects.bulk_create(inds)
    ind_ids = [i.pk for i in inds]
    report.counts["indicators"] = len(inds)
    report.details["indicators by field"] = Counter(i.template.field for i in plan.indicators)
    report.details["indicators by measure"] = Counter(i.measure for i in plan.indicators)
    report.details["indicators by frequency"] = Counter(FREQ_LABEL[i.template.freq] for i in plan.indicators)

    year = plan.resolution_year
    res = []
    for n, k in enumerate(plan.provinces, start=1):
        res.append(
            Resolution(
                unit_id=unit_ids[k],
                body="executive",
                kind="annual",
                number=f"{n:02d}-NQ/TU",
                issued_on=dt.date(year - 1, 12, 20),
                title=f"Nghị quyết về phương hướng, nhiệm vụ năm {year}",
                year=year,
                note=SYNTH_MARK,
            )
        )
    Resolution.objects.bulk_create(res)
    report.counts["resolutions"] = len(res)
    return unit_ids, ind_ids, {k: r.pk for k, r in zip(plan.provinces, res, strict=True)}


def _result_rows(plan: Plan, model: Model, unit_ids, ind_ids, postgres: bool):
    statuses = {}
    stamps = {}
    for pp in plan.periods:
        _start, window_end = pp.period.data_window("nd09")
        statuses[pp.code] = "actual" if window_end < plan.as_of else "estimate"
        stamps[pp.code] = _timestamp(window_end + dt.timedelta(days=2), postgres)  # reported 2 days after
    codes = [pp.code for pp in plan.periods]
    for u, pi, figures in model.rows():
        uid = unit_ids[u]
        code = codes[pi]
        status, ts = statuses[code], stamps[code]
        for k, value, num, den in figures:
            yield (
                ind_ids[k],
                uid,
                code,
                value,
                num,
                den,
                status,
                "",
                "",
                "imported",
                SOURCE_REF,
                "",
                ts,
                ts,
                1,
            )


def _target_rows(plan: Plan, model: Model, unit_ids, ind_ids, resolutions, postgres: bool):
    year = plan.resolution_year
    for u, k, y, kind, value in model.targets():
        unit = plan.units[u]
        province = u if unit.parent == 0 else unit.parent
        res = resolutions[province] if y == year else None
        stamp = _timestamp(dt.date(y - 1, 12, 20), postgres)
        derived = "f" if postgres else 0
        yield (
            ind_ids[k],
            unit_ids[u],
            str(y),
            "plan",
            "kế hoạch năm",
            kind,
            value,
            res,
            derived,
            derived,  # illustrative: no (a generated value, marked [chitieu generate] in its note)
            SYNTH_MARK,
            stamp,
            1,
        )
