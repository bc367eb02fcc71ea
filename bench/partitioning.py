"""Would partitioning the results table by year pay? A measurement on a scratch PostgreSQL database.

    .venv/bin/python bench/partitioning.py [--url postgres://postgres@127.0.0.1:5432/postgres]
        [--provinces 6 --communes 600 --indicators 60 --months 48] [--repeat 30] [--keep] [--reuse]

Creates a scratch database (--db, default chitieu_bench_partitioning) on the server --url points
to, fills it with `chitieu migrate` and `chitieu generate`, then copies reporting_result four ways,
rows in the same order, each with the indexes chitieu's migrations give it (unique (indicator, unit,
period); period; unit; indicator):

  plain      an ordinary table, PRIMARY KEY (id) — what chitieu's migrations create today
  plain_ix   the same plus one index on (unit_id, period): what an index alone buys
  by_period  PARTITION BY RANGE (period), one partition per year ('2024' <= period < '2025');
             PRIMARY KEY (id, period); the existing UNIQUE (indicator, unit, period) stays as it is
  by_year    a smallint `year` column, PARTITION BY RANGE (year); PRIMARY KEY (id, year),
             UNIQUE (indicator, unit, period, year); queries must add `year = …` to be pruned

It times dashboard-like queries on each, sent as Django sends them (client-side binding, no prepared
statements): the server's planning + execution time from EXPLAIN (ANALYZE, TIMING OFF) and the
client's round trip, medians of --repeat runs taken round-robin after a warm-up, with the relations
(partitions) each plan reads and its shared buffers; then the removal of the oldest year (DELETE vs
DETACH PARTITION + DROP TABLE). Prints Markdown. The scratch database is dropped unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg import sql

CHITIEU = str(Path(sys.executable).with_name("chitieu"))
INDEXED = ("period", "unit_id", "indicator_id")
TABLES = ("plain", "plain_ix", "by_period", "by_year")


def db_url(url: str, db: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + db


def run_chitieu(args: list[str], url: str, home: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_REPLICA_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DATABASE_URL=url, CHITIEU_HOME=home)
    out = subprocess.run([CHITIEU, *args], env=env, capture_output=True, text=True, timeout=1800)
    if out.returncode:
        sys.exit(f"chitieu {' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    return out.stdout


def build_tables(conn: psycopg.Connection) -> dict[str, float]:
    years = [
        r[0] for r in conn.execute("SELECT DISTINCT left(period, 4)::int FROM reporting_result ORDER BY 1")
    ]
    years.append(years[-1] + 1)  # next year's partition exists before its first figure
    copy_cols = "SELECT * FROM reporting_result ORDER BY id"
    took = {}
    conn.execute("DROP TABLE IF EXISTS plain, plain_ix, by_period, by_year CASCADE")

    for table in ("plain", "plain_ix"):
        t0 = time.perf_counter()
        name = sql.Identifier(table)
        conn.execute(sql.SQL("CREATE TABLE {} (LIKE reporting_result INCLUDING CONSTRAINTS)").format(name))
        conn.execute(sql.SQL("INSERT INTO {} ").format(name) + sql.SQL(copy_cols))
        conn.execute(sql.SQL("ALTER TABLE {} ADD PRIMARY KEY (id)").format(name))
        conn.execute(sql.SQL("ALTER TABLE {} ADD UNIQUE (indicator_id, unit_id, period)").format(name))
        took[table] = time.perf_counter() - t0
    # The alternative to partitions for the dashboards' reads: one more index.
    conn.execute("CREATE INDEX ON plain_ix (unit_id, period)")

    t0 = time.perf_counter()
    conn.execute(
        "CREATE TABLE by_period (LIKE reporting_result INCLUDING CONSTRAINTS) PARTITION BY RANGE (period)"
    )
    for y in years:
        conn.execute(
            sql.SQL("CREATE TABLE {} PARTITION OF by_period FOR VALUES FROM ({}) TO ({})").format(
                sql.Identifier(f"by_period_{y}"), sql.Literal(str(y)), sql.Literal(str(y + 1))
            )
        )
    conn.execute(f"INSERT INTO by_period {copy_cols}")
    conn.execute("ALTER TABLE by_period ADD PRIMARY KEY (id, period)")
    conn.execute("ALTER TABLE by_period ADD UNIQUE (indicator_id, unit_id, period)")
    took["by_period"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    conn.execute(
        "CREATE TABLE by_year (LIKE reporting_result INCLUDING CONSTRAINTS, year smallint NOT NULL) "
        "PARTITION BY RANGE (year)"
    )
    for y in years:
        conn.execute(
            sql.SQL("CREATE TABLE {} PARTITION OF by_year FOR VALUES FROM ({}) TO ({})").format(
                sql.Identifier(f"by_year_{y}"), sql.Literal(y), sql.Literal(y + 1)
            )
        )
    conn.execute(f"INSERT INTO by_year SELECT r.*, left(r.period, 4)::smallint FROM ({copy_cols}) r")
    conn.execute("ALTER TABLE by_year ADD PRIMARY KEY (id, year)")
    conn.execute("ALTER TABLE by_year ADD UNIQUE (indicator_id, unit_id, period, year)")
    took["by_year"] = time.perf_counter() - t0

    for table in TABLES:
        for col in INDEXED:
            conn.execute(
                sql.SQL("CREATE INDEX ON {} ({})").format(sql.Identifier(table), sql.Identifier(col))
            )
        conn.execute(sql.SQL("VACUUM ANALYZE {}").format(sql.Identifier(table)))
    return took


def explain(conn: psycopg.Connection, query: str, params: dict) -> tuple[float, set[str], int]:
    """(planning + execution ms, relations scanned, shared buffers) from EXPLAIN (ANALYZE, BUFFERS)."""
    explained = conn.execute(
        f"EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) {query}", params
    ).fetchone()[0]
    top = (explained if isinstance(explained, list) else json.loads(explained))[0]
    relations: set[str] = set()

    def walk(node):
        if "Relation Name" in node:
            relations.add(node["Relation Name"])
        for child in node.get("Plans", []):
            walk(child)

    walk(top["Plan"])
    buffers = top["Plan"].get("Shared Hit Blocks", 0) + top["Plan"].get("Shared Read Blocks", 0)
    return top["Planning Time"] + top["Execution Time"], relations, buffers


def measure(conn: psycopg.Connection, variants: dict[str, str], params: dict, repeat: int) -> dict[str, dict]:
    """Round-robin over the variants (so that load on the machine hits all alike): server and client ms."""
    server: dict[str, list[float]] = {t: [] for t in variants}
    client: dict[str, list[float]] = {t: [] for t in variants}
    facts = {}
    for i in range(repeat + 3):
        for table, query in variants.items():
            ms, relations, buffers = explain(conn, query, params)
            t0 = time.perf_counter()
            conn.execute(query, params).fetchall()
            if i >= 3:  # the first rounds warm the caches
                server[table].append(ms)
                client[table].append((time.perf_counter() - t0) * 1000)
            facts[table] = (len(relations), buffers)
    return {
        t: {
            "server": statistics.median(server[t]),
            "client": statistics.median(client[t]),
            "relations": facts[t][0],
            "buffers": facts[t][1],
        }
        for t in variants
    }


def queries(conn: psycopg.Connection) -> tuple[list[tuple[str, str, str]], dict]:
    # The province with the most units under it, its resolution's indicators, the latest full year.
    (province,) = conn.execute(
        "SELECT p.id FROM orgs_unit p JOIN orgs_unit c ON c.parent_id = p.id "
        "GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
    ).fetchone()
    children = [r[0] for r in conn.execute("SELECT id FROM orgs_unit WHERE parent_id = %s", [province])]
    indicators = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT t.indicator_id FROM indicators_target t JOIN indicators_resolution r "
            "ON r.id = t.resolution_id WHERE r.unit_id = %s",
            [province],
        )
    ] or [r[0] for r in conn.execute("SELECT id FROM indicators_indicator ORDER BY id LIMIT 40")]
    year = conn.execute(
        "SELECT max(left(period, 4)::int) FROM reporting_result WHERE period ~ '^[0-9]{4}$'"
    ).fetchone()[0]
    quarter = f"{year}-Q4"
    params = {
        "units": children,
        "inds": indicators,
        "periods": [quarter, f"{year - 1}-Q4"],
        "y0": str(year),
        "y1": str(year + 1),
        "year": year,
        "years": [year, year - 1],
    }
    q = [
        (
            f"dashboard cells: {len(children)} units × {len(indicators)} indicators, {quarter} and a year before",
            "SELECT unit_id, indicator_id, period, value, denominator FROM {t} "
            "WHERE unit_id = ANY(%(units)s) AND indicator_id = ANY(%(inds)s) AND period = ANY(%(periods)s)",
            "AND year = ANY(%(years)s)",
        ),
        (
            f"a province's whole year {year} (every period of the year, e.g. an export)",
            "SELECT unit_id, indicator_id, period, value FROM {t} "
            "WHERE unit_id = ANY(%(units)s) AND period >= %(y0)s AND period < %(y1)s",
            "AND year = %(year)s",
        ),
        (
            f"sum over the country for year {year} (a roll-up rebuild of one year)",
            "SELECT indicator_id, period, sum(value), count(value) FROM {t} "
            "WHERE period >= %(y0)s AND period < %(y1)s GROUP BY indicator_id, period",
            "AND year = %(year)s",
        ),
        (
            "the dashboard's period picker (no year filter: every partition)",
            "SELECT DISTINCT period FROM {t} WHERE unit_id = ANY(%(units)s)",
            "",
        ),
    ]
    return q, params


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--url", default="postgres://postgres@127.0.0.1:5432/postgres", help="a maintenance database"
    )
    ap.add_argument(
        "--db", default="chitieu_bench_partitioning", help="the scratch database (created, dropped)"
    )
    ap.add_argument("--provinces", type=int, default=6)
    ap.add_argument("--communes", type=int, default=600)
    ap.add_argument("--indicators", type=int, default=60)
    ap.add_argument("--months", type=int, default=48)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--keep", action="store_true", help="keep the scratch database")
    ap.add_argument("--reuse", action="store_true", help="measure a database kept by --keep again")
    a = ap.parse_args()

    url = db_url(a.url, a.db)
    if not a.reuse:
        with psycopg.connect(a.url, autocommit=True, connect_timeout=5) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(a.db)))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(a.db)))
    try:
        if not a.reuse:
            with tempfile.TemporaryDirectory(prefix="chitieu-bench-") as home:
                t0 = time.perf_counter()
                run_chitieu(["migrate", "-v", "0"], url, home)
                out = run_chitieu(
                    [
                        "generate", "--provinces", str(a.provinces), "--communes", str(a.communes),
                        "--indicators", str(a.indicators), "--months", str(a.months),
                        "--resolution-indicators", "30",
                    ],
                    url, home,
                )  # fmt: skip
            print(next(line for line in out.splitlines() if line.startswith("created")))
            print(f"generated in {time.perf_counter() - t0:.1f} s")
        # Client-side binding and no prepared statements: the queries reach the server as Django sends them.
        with psycopg.connect(
            url, autocommit=True, cursor_factory=psycopg.ClientCursor, prepare_threshold=None
        ) as conn:
            server = conn.execute("SHOW server_version").fetchone()[0]
            took = build_tables(conn)
            rows = conn.execute("SELECT count(*) FROM plain").fetchone()[0]
            sizes = {
                t: conn.execute(
                    "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c "
                    "WHERE c.relname = %s OR c.oid IN (SELECT inhrelid FROM pg_inherits i "
                    "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = %s)",
                    [t, t],
                ).fetchone()[0]
                for t in TABLES
            }
            print(f"\nPostgreSQL {server}, {rows:,} results; copies built in " + ", ".join(
                f"{t} {s:.1f} s ({sizes[t]})" for t, s in took.items()
            ))  # fmt: skip
            qs, params = queries(conn)
            print(
                "\n| query | table | server ms (median) | client ms (median) | relations scanned | shared buffers |"
            )
            print("| --- | --- | ---: | ---: | ---: | ---: |")
            for label, template, year_filter in qs:
                variants = {}
                for table in TABLES:
                    query = template.format(t=table)
                    if table == "by_year" and year_filter:
                        head, sep, tail = query.partition(" GROUP BY")
                        query = f"{head} {year_filter}{sep}{tail}"
                    variants[table] = query
                for table, m in measure(conn, variants, params, a.repeat).items():
                    print(
                        f"| {label} | {table} | {m['server']:.1f} | {m['client']:.1f} | {m['relations']} "
                        f"| {m['buffers']} |"
                    )
                    label = ""

            oldest = conn.execute("SELECT min(left(period, 4)::int) FROM plain").fetchone()[0]
            print(f"\nRemoving the oldest year ({oldest}):")
            with conn.transaction():
                t0 = time.perf_counter()
                cur = conn.execute(
                    "DELETE FROM plain WHERE period >= %s AND period < %s", [str(oldest), str(oldest + 1)]
                )
                print(f"- plain: DELETE of {cur.rowcount:,} rows: {(time.perf_counter() - t0) * 1000:.0f} ms "
                      "(and the dead rows still await VACUUM)")  # fmt: skip
            for table in ("by_period", "by_year"):
                part = sql.Identifier(f"{table}_{oldest}")
                t0 = time.perf_counter()
                conn.execute(
                    sql.SQL("ALTER TABLE {} DETACH PARTITION {}").format(sql.Identifier(table), part)
                )
                conn.execute(sql.SQL("DROP TABLE {}").format(part))
                print(f"- {table}: DETACH PARTITION + DROP TABLE: {(time.perf_counter() - t0) * 1000:.0f} ms")
    finally:
        if not a.keep:
            with psycopg.connect(a.url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(a.db)))


if __name__ == "__main__":
    main()
