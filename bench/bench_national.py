"""National-scale benchmark: load, province dashboard, roll-ups, update-to-visible, DuckDB comparison.

    .venv/bin/python bench/bench_national.py [--engine sqlite|postgresql|both]
        [--provinces 34 --communes 3321 --indicators 300 --months 24] [--seed 1]
        [--requests 240] [--updates 50] [--keep]
    .venv/bin/python bench/bench_national.py --reuse postgres://…/chitieu_bench   # measure again, no load

For each engine, on a fresh database (SQLite: a temporary CHITIEU_HOME; PostgreSQL: a database
``chitieu_bench`` created and dropped by this script at --pg-server), it prints:

* load time: ``chitieu migrate`` + ``chitieu generate`` (new processes, wall clock);
* the province dashboard (``unit_dashboard``) through the real Django view, with the Django test
  ``Client`` logged in as a superuser (in-process: middleware, view, template — no HTTP server),
  p50/p95 over --requests requests spread over 8 provinces after a warm-up;
* the national roll-up: ``rollups.rebuild_all()``;
* update-to-visible: ``result_save`` on a commune's figure, then the province's Rollup row read back
  and checked; p50/p95 over --updates updates (and the same followed by the dashboard page);
* the same national aggregation in DuckDB over the data exported to Parquet (pyarrow): sums, counts,
  numerator/denominator sums and threshold counts per ancestor × indicator × period, as
  ``rebuild_all`` computes them; every row of both is compared; the ratio rebuild_all / DuckDB.

The measuring runs in a child process per engine (Django settings are per process).
Needs the bench extras: duckdb, pyarrow (pip install -e ".[bench]").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHITIEU = str(Path(sys.executable).with_name("chitieu"))
BENCH_DB = "chitieu_bench"
GOALS = {
    "dashboard_p95_ms": 50.0,  # on PostgreSQL
    "update_p95_ms": 20.0,
    "rebuild_vs_duckdb": 2.0,
}


# -- orchestration (parent process) ---------------------------------------------------------------------


def _run(cmd: list[str], env: dict[str, str], label: str) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{label} failed (exit {done.returncode})")
    return seconds, done.stdout


def _pg_admin(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def reuse_engine(args: argparse.Namespace) -> dict:
    """Measure again on a database loaded earlier (--keep), without loading: for comparing code changes."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATABASE_REPLICA_URL"}}
    env.update(DATABASE_URL=args.reuse, ALLOWED_HOSTS="127.0.0.1,localhost,testserver")
    env["CHITIEU_HOME"] = tempfile.mkdtemp(prefix="chitieu-bench-reuse-")
    print(f"\n== reusing {args.reuse} (no load)", flush=True)
    done = subprocess.run(
        [sys.executable, __file__, "--worker", json.dumps(vars(args))], env=env, stdout=subprocess.PIPE,
        text=True, cwd=ROOT,
    )  # fmt: skip
    shutil.rmtree(env["CHITIEU_HOME"], ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"the measurements failed (exit {done.returncode})")
    lines = done.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line, flush=True)
    result = json.loads(lines[-1])
    engine = "postgresql" if args.reuse.startswith("postgres") else "sqlite"
    result.update(engine=engine, migrate_s=0.0, generate_s=float("nan"), load_s=float("nan"))
    return result


def bench_engine(engine: str, args: argparse.Namespace) -> dict:
    home = Path(tempfile.mkdtemp(prefix=f"chitieu-bench-{engine}-"))
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATABASE_REPLICA_URL"}}
    env["CHITIEU_HOME"] = str(home)
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    if engine == "postgresql":
        _pg_admin(args.pg_server, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        _pg_admin(args.pg_server, f"CREATE DATABASE {BENCH_DB}")
        env["DATABASE_URL"] = f"{args.pg_server}/{BENCH_DB}"
    print(f"\n== {engine}: loading into {env.get('DATABASE_URL') or home / 'chitieu.sqlite3'}", flush=True)
    try:
        migrate_s, _ = _run([CHITIEU, "migrate", "-v0"], env, "chitieu migrate")
        sizes = [
            "--provinces", str(args.provinces), "--communes", str(args.communes),
            "--indicators", str(args.indicators), "--months", str(args.months), "--seed", str(args.seed), "--end", args.end,
        ]  # fmt: skip
        generate_s, out = _run([CHITIEU, "generate", *sizes], env, "chitieu generate")
        print(out.rstrip(), flush=True)
        print(f"migrate {migrate_s:.1f} s + generate {generate_s:.1f} s", flush=True)
        worker = [sys.executable, __file__, "--worker", json.dumps(vars(args))]
        done = subprocess.run(worker, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"the {engine} measurements failed (exit {done.returncode})")
        lines = done.stdout.strip().splitlines()
        for line in lines[:-1]:
            print(line, flush=True)
        result = json.loads(lines[-1])
        result.update(
            engine=engine, migrate_s=migrate_s, generate_s=generate_s, load_s=migrate_s + generate_s
        )
        result["generate_output"] = out
        return result
    finally:
        if args.keep:
            print(
                f"kept: CHITIEU_HOME={home}"
                + (f" DATABASE_URL={env['DATABASE_URL']}" if "DATABASE_URL" in env else "")
            )
        else:
            shutil.rmtree(home, ignore_errors=True)
            if engine == "postgresql":
                _pg_admin(args.pg_server, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


def _verdict(value: float | None, goal: float) -> str:
    if value is None:
        return "n/a"
    return "met" if value <= goal else "MISSED"


def summary(results: list[dict], args: argparse.Namespace) -> None:
    print("\n== Summary")
    print(
        f"machine: {os.cpu_count()} cores; sizes: {args.provinces} provinces, {args.communes} communes, "
        f"{args.indicators} indicators, {args.months} months; dashboard via the Django test Client (in-process)"
    )
    for r in results:
        e = r["engine"]
        d, u, x = r["dashboard"], r["update"], r["duckdb"]
        print(f"\n[{e}] {r['results']:,} results, {r['rollups']:,} roll-up rows, {r['units']:,} units")
        print(
            f"  load (migrate + generate)        {r['load_s']:8.1f} s   ({r['results'] / r['generate_s']:,.0f} results/s)"
            if r["load_s"] == r["load_s"]
            else "  load                             (reused a loaded database)"
        )
        goal = f"goal p95 ≤ {GOALS['dashboard_p95_ms']:.0f} ms on PostgreSQL"
        verdict = (
            _verdict(d["p95_ms"], GOALS["dashboard_p95_ms"])
            if e == "postgresql"
            else "(goal is for PostgreSQL)"
        )
        print(
            f"  province dashboard p50 / p95     {d['p50_ms']:8.1f} / {d['p95_ms']:.1f} ms over {d['n']} requests, "
            f"{d['provinces']} provinces, {d['queries']} queries each   {goal}: {verdict}"
        )
        print(f"  national roll-up (rebuild_all)   {r['rebuild_s']:8.2f} s")
        print(
            f"  update → visible p50 / p95       {u['p50_ms']:8.1f} / {u['p95_ms']:.1f} ms over {u['n']} updates "
            f"(result_save + province Rollup read)   goal p95 ≤ {GOALS['update_p95_ms']:.0f} ms: "
            f"{_verdict(u['p95_ms'], GOALS['update_p95_ms'])}"
        )
        print(
            f"  update → dashboard p50 / p95     {u['page_p50_ms']:8.1f} / {u['page_p95_ms']:.1f} ms "
            "(result_save + the province dashboard page)"
        )
        print(
            f"  DuckDB national aggregation      {x['median_s']:8.2f} s (median of {x['runs']}, Parquet "
            f"export {x['export_s']:.1f} s, {x['rows']:,} rows; agrees with Rollup: {x['agree']})"
        )
        ratio = r["rebuild_s"] / x["median_s"] if x["median_s"] else None
        print(
            f"  re-aggregation / DuckDB          {ratio:8.1f} ×   goal ≤ {GOALS['rebuild_vs_duckdb']:.0f} ×: "
            f"{_verdict(ratio, GOALS['rebuild_vs_duckdb'])}"
        )
        print(f"  load average during the run      {r['loadavg']}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    p.add_argument("--provinces", type=int, default=34)
    p.add_argument("--communes", type=int, default=3321)
    p.add_argument("--indicators", type=int, default=300)
    p.add_argument("--months", type=int, default=24)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--end", default="2026-06", help="last month generated; the dashboard shows it")
    p.add_argument("--requests", type=int, default=240, help="dashboard requests measured (after a warm-up)")
    p.add_argument("--updates", type=int, default=50)
    p.add_argument("--duckdb-runs", type=int, default=3)
    p.add_argument("--pg-server", default="postgres://postgres@127.0.0.1:5432")
    p.add_argument("--keep", action="store_true", help="keep the databases (e.g. for bench_web.py --reuse)")
    p.add_argument(
        "--reuse", metavar="DATABASE_URL", help="measure on a database kept by an earlier --keep run; no load"
    )
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        print(json.dumps(measure(argparse.Namespace(**json.loads(args.worker)))))
        return
    if args.reuse:
        summary([reuse_engine(args)], args)
        return
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    results = [bench_engine(e, args) for e in engines]
    summary(results, args)


# -- measurements (child process, Django set up on the engine's database) -------------------------------


def _pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def _ms(samples: list[float]) -> dict:
    return {
        "n": len(samples),
        "p50_ms": 1000 * statistics.median(samples),
        "p95_ms": 1000 * _pct(samples, 0.95),
        "max_ms": 1000 * max(samples),
    }


def measure(args: argparse.Namespace) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.settings")
    import django

    django.setup()
    import random

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from chitieu.indicators.models import Indicator, Resolution
    from chitieu.orgs.models import Unit
    from chitieu.reporting.models import Result, Rollup

    out: dict = {"loadavg": []}

    def note_load() -> None:
        out["loadavg"].append(round(os.getloadavg()[0], 1))

    note_load()
    out["units"] = Unit.objects.count()
    out["results"] = Result.objects.count()
    user = get_user_model().objects.filter(
        username="bench"
    ).first() or get_user_model().objects.create_superuser("bench", "", "bench-password-1")
    client = Client()
    client.force_login(user)

    # -- the province dashboard -----------------------------------------------------------------------
    rng = random.Random(args.seed)
    provinces = list(
        Unit.objects.filter(parent__parent=None, valid_to=None, parent__isnull=False).order_by("code")
    )
    step = max(1, len(provinces) // 8)
    chosen = provinces[::step][:8]
    period = args.end  # the last month generated: every province has figures for it
    urls = []
    for prov in chosen:
        res = Resolution.objects.filter(unit=prov).first()
        query = f"?period={period}" + (f"&resolution={res.pk}" if res else "")
        urls.append(reverse("reporting:unit_dashboard", args=[prov.code]) + query)
    for url in urls * 2:  # warm-up
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
    with CaptureQueriesContext(connection) as q:
        client.get(urls[0])
    out_queries = len(q.captured_queries)
    samples = []
    order = [urls[k % len(urls)] for k in range(args.requests)]
    rng.shuffle(order)
    for url in order:
        t0 = time.perf_counter()
        r = client.get(url)
        samples.append(time.perf_counter() - t0)
        assert r.status_code == 200
    out["dashboard"] = {**_ms(samples), "provinces": len(chosen), "queries": out_queries, "period": period}
    print(
        f"dashboard {period}: p50 {out['dashboard']['p50_ms']:.1f} ms, p95 {out['dashboard']['p95_ms']:.1f} ms "
        f"({out_queries} queries/request)",
        flush=True,
    )
    note_load()

    # -- update one commune figure, see it in its province --------------------------------------------
    from chitieu.reporting.services import result_save
    from chitieu.synth.plan import make_plan

    plan = make_plan(
        seed=args.seed, provinces=1, communes=1, indicators=1, months=args.months, end=_end_of(args.end),
        resolution_indicators=0, predecessors=0,
    )  # fmt: skip
    today = plan.as_of  # the generated figures are "actual": their periods closed before this day
    flows = list(Indicator.objects.filter(measure="flow", aggregation="sum").values_list("pk", flat=True))
    candidates = list(
        Result.objects.filter(unit__parent__in=chosen, period=period, indicator_id__in=flows).values_list(
            "pk", flat=True
        )[:20000]
    )
    picks = rng.sample(candidates, min(args.updates, len(candidates)))
    inds = Indicator.objects.in_bulk()
    units = {u.pk: u for u in Unit.objects.filter(parent__in=chosen).select_related("parent")}
    dash = {prov.pk: url for prov, url in zip(chosen, urls, strict=True)}
    save_samples, page_samples = [], []
    for n, pk in enumerate(picks * 2):
        r = Result.objects.get(pk=pk)
        unit = units[r.unit_id]
        ind = inds[r.indicator_id]
        before = Rollup.objects.get(unit=unit.parent, indicator=ind, period=period).total
        new_value = r.value + 1
        t0 = time.perf_counter()
        result_save(actor=user, indicator=ind, unit=unit, period=period, value=new_value, today=today)
        if n < len(picks):
            after = Rollup.objects.get(unit=unit.parent, indicator=ind, period=period).total
            save_samples.append(time.perf_counter() - t0)
            assert abs(float(after) - float(before) - 1) < 1e-6 * max(1.0, abs(float(after))), (before, after)
        else:
            page = client.get(dash[unit.parent_id])
            page_samples.append(time.perf_counter() - t0)
            assert page.status_code == 200
    out["update"] = _ms(save_samples)
    page = _ms(page_samples)
    out["update"].update(page_p50_ms=page["p50_ms"], page_p95_ms=page["p95_ms"])
    print(
        f"update→visible: p50 {out['update']['p50_ms']:.1f} ms, p95 {out['update']['p95_ms']:.1f} ms",
        flush=True,
    )
    note_load()

    # -- national roll-up ------------------------------------------------------------------------------
    from chitieu.reporting.rollups import rebuild_all

    t0 = time.perf_counter()
    rebuilt = rebuild_all()
    out["rollups"] = rebuilt.rows
    out["rebuild_repaired"] = rebuilt.repaired
    out["rebuild_s"] = time.perf_counter() - t0
    print(f"rebuild_all: {out['rebuild_s']:.2f} s, {out['rollups']:,} rows", flush=True)
    note_load()

    # -- DuckDB over Parquet -----------------------------------------------------------------------------
    out["duckdb"] = duckdb_compare(args)
    note_load()
    return out


def _end_of(period: str) -> tuple[int, int]:
    return int(period[:4]), int(period[5:7])


DUCKDB_SQL = """
WITH RECURSIVE anc(unit_id, ancestor_id) AS (
    SELECT id, parent_id FROM units WHERE parent_id IS NOT NULL
    UNION ALL
    SELECT anc.unit_id, u.parent_id FROM anc JOIN units u ON u.id = anc.ancestor_id
    WHERE u.parent_id IS NOT NULL
)
SELECT a.ancestor_id AS unit_id, r.indicator_id, r.period,
       COALESCE(SUM(r.value), 0) AS total,
       COUNT(r.value) AS reporting,
       COALESCE(SUM(r.numerator), 0) AS numerator,
       COALESCE(SUM(r.denominator), 0) AS denominator,
       SUM(CASE WHEN i.threshold IS NOT NULL AND r.value IS NOT NULL AND (
                (i.polarity = 'higher' AND r.value >= i.threshold) OR
                (i.polarity = 'lower' AND r.value <= i.threshold)) THEN 1 ELSE 0 END) AS meeting
FROM read_parquet('{dir}/results.parquet') r
JOIN anc a ON a.unit_id = r.unit_id
JOIN indicators i ON i.id = r.indicator_id
WHERE r.unit_id NOT IN (SELECT parent_id FROM units WHERE parent_id IS NOT NULL)
GROUP BY ALL
"""


def _export_parquet(directory: Path) -> None:
    """results, units, indicators → Parquet (PostgreSQL: COPY to CSV, exact decimals; SQLite: doubles)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq
    from django.db import connection

    tables = {
        "units": ("SELECT id, parent_id FROM orgs_unit", [("id", pa.int64()), ("parent_id", pa.int64())]),
        "indicators": (
            "SELECT id, threshold, polarity FROM indicators_indicator",
            [("id", pa.int64()), ("threshold", pa.float64()), ("polarity", pa.string())],
        ),
    }
    for name, (sql, fields) in tables.items():
        with connection.cursor() as cur:
            cur.execute(sql)
            rows = cur.fetchall()
        cols = list(zip(*rows, strict=True)) if rows else [[] for _ in fields]
        arrays = [
            pa.array([None if v is None else float(v) for v in c] if t == pa.float64() else list(c), type=t)
            for c, (_n, t) in zip(cols, fields, strict=True)
        ]
        pq.write_table(pa.table(arrays, names=[n for n, _t in fields]), directory / f"{name}.parquet")

    sql = "SELECT unit_id, indicator_id, period, value, numerator, denominator FROM reporting_result"
    if connection.vendor == "postgresql":
        dec = pa.decimal128(24, 6)
        csv_path = directory / "results.csv"
        with connection.cursor() as cur, open(csv_path, "wb") as f:
            with cur.cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:
                for block in copy:
                    f.write(block)
        names = ["unit_id", "indicator_id", "period", "value", "numerator", "denominator"]
        types = {"unit_id": pa.int64(), "indicator_id": pa.int64(), "period": pa.string(),
                 "value": dec, "numerator": dec, "denominator": dec}  # fmt: skip
        table = pacsv.read_csv(
            csv_path,
            read_options=pacsv.ReadOptions(column_names=names),
            convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=False),
        )
        pq.write_table(table, directory / "results.parquet")
        csv_path.unlink()
    else:
        schema = pa.schema([("unit_id", pa.int64()), ("indicator_id", pa.int64()), ("period", pa.string()),
                            ("value", pa.float64()), ("numerator", pa.float64()), ("denominator", pa.float64())])  # fmt: skip
        raw = connection.connection.cursor()
        raw.execute(sql)
        with pq.ParquetWriter(directory / "results.parquet", schema) as writer:
            while rows := raw.fetchmany(500_000):
                cols = list(zip(*rows, strict=True))
                writer.write_batch(
                    pa.record_batch(
                        [pa.array(c, type=f.type) for c, f in zip(cols, schema, strict=True)], schema=schema
                    )
                )
        raw.close()


def duckdb_compare(args: argparse.Namespace) -> dict:
    import duckdb
    from django.db import connection

    with tempfile.TemporaryDirectory(prefix="chitieu-parquet-") as tmp:
        directory = Path(tmp)
        t0 = time.perf_counter()
        _export_parquet(directory)
        export_s = time.perf_counter() - t0
        con = duckdb.connect()
        con.execute(f"CREATE TABLE units AS SELECT * FROM read_parquet('{directory}/units.parquet')")
        con.execute(
            f"CREATE TABLE indicators AS SELECT * FROM read_parquet('{directory}/indicators.parquet')"
        )
        query = DUCKDB_SQL.format(dir=directory)
        con.execute(f"CREATE OR REPLACE TABLE agg AS {query}")  # warm-up (file cache, plan)
        runs = []
        for _ in range(args.duckdb_runs):
            t0 = time.perf_counter()
            con.execute(f"CREATE OR REPLACE TABLE agg AS {query}")
            runs.append(time.perf_counter() - t0)
        duck = {
            (u, i, p): (t, n, num, den, m)
            for u, i, p, t, n, num, den, m in con.execute("SELECT * FROM agg").fetchall()
        }
    exact = connection.vendor == "postgresql"
    with connection.cursor() as cur:
        cur.execute(
            "SELECT unit_id, indicator_id, period, total, reporting, numerator, denominator, meeting FROM reporting_rollup"
        )
        ours = {(u, i, p): (t, n, num, den, m) for u, i, p, t, n, num, den, m in cur.fetchall()}

    def same(a, b) -> bool:
        if exact:
            return a == b
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))

    mismatches = [
        k
        for k, v in ours.items()
        if k not in duck or not all(same(x, y) for x, y in zip(v, duck[k], strict=True))
    ]
    agree = len(ours) == len(duck) and not mismatches
    if not agree:
        print(
            f"DuckDB vs Rollup: {len(ours)} vs {len(duck)} rows, {len(mismatches)} differ, e.g. "
            f"{[(k, ours.get(k), duck.get(k)) for k in mismatches[:3]]}",
            flush=True,
        )
    median = statistics.median(runs)
    print(
        f"DuckDB: median {median:.2f} s over {len(runs)} runs ({len(duck):,} rows; export {export_s:.1f} s); "
        f"{'exact' if exact else 'within 1e-9'} agreement on all rows: {agree}",
        flush=True,
    )
    return {"median_s": median, "runs": len(runs), "export_s": export_s, "rows": len(duck), "agree": agree,
            "checked": len(ours)}  # fmt: skip


if __name__ == "__main__":
    main()
