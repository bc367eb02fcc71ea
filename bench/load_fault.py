"""Load and fault test of the results API: concurrent writers, a hard server kill mid-run, and a
check of the database afterwards.

    .venv/bin/python bench/load_fault.py [--engine sqlite|postgresql|both] [--writers 20]
                                         [--per-writer 500] [--workers 2] [--kill-at 0.4]
                                         [--outage 2] [--timeout 900] [--seed 2024] [--no-migrate]

Not part of the test suite: it prints figures and exits 1 when an invariant fails (2 when the
set-up itself fails). For each engine it

1. prepares a fresh database — SQLite: a new temporary $CHITIEU_HOME; PostgreSQL: the database
   ``chitieu_load`` on 127.0.0.1:5432 (``--pg-admin-url``), dropped and recreated — then runs
   ``chitieu migrate``, ``chitieu demo`` and creates a superuser with an API token;
2. starts ``chitieu serve --host 127.0.0.1 --port <free port> --workers N`` in its own process
   group and waits for /healthz (``--no-migrate`` adds that flag to ``chitieu serve``: then the
   gunicorn master opens no database connection before it forks its workers);
3. runs ``--writers`` threads, each sending ``--per-writer`` requests to /api/v1/results/ with
   ``Authorization: Token …`` over keep-alive connections (http.client):
     * valid creates (~77 %) on keys (indicator, unit, period) that only this writer uses —
       months, quarters, halves, nine months and years of 2011–2024 where the unit existed,
       minus the keys the demo already holds;
     * invalid requests (~10 %): unknown indicator, period "2023-Q9", value "abc", a share over
       100, an "actual" for a period whose data window is not closed, a unit outside its
       validity — each must be refused with 400 naming that field;
     * conflicting creates: contested keys (~3 %), each created by two neighbouring writers
       at unrelated moments, and races (~2 %): two clients (the writer's connection and a
       second one in a helper thread, released by one barrier) creating the same key at the same
       instant. Per key exactly one create must win (201, version 1) and the other be refused
       with 400 ("already exists");
     * updates (~6 %, PATCH with the version last acknowledged), stale updates (~2 %, PATCH with
       an older expected_version: 400 on "value" naming the current value) and no-op updates
       (~1 %, the same value again: 200, no new version, no audit row);
4. kills the server with SIGKILL to its whole process group after ``--kill-at`` of the
   requests, keeps the writers going for ``--outage`` seconds (their attempts fail with
   connection errors; these are counted, never taken for 4xx/5xx), restarts it on the same port
   and lets the writers resume;
5. stops the server and reads the database directly (sqlite3 / psycopg) to check the invariants
   below, then prints a summary: requests, acknowledged, refused by reason, 5xx, connection
   failures, requests/s, p50/p95/p99 latency of acknowledged writes, outage, PASS/FAIL.

Retries. Only a connection error (refused, reset, closed without a response, timeout) is
retried, with a short backoff, for at most ``--retry-window`` seconds. The attempt that failed
may or may not have been committed before the server died, so a retry can meet the first
attempt's own write:

* a retried POST refused with "already exists" counts as the original being acknowledged only
  if the stored row (read back with GET) is at version 1 and holds exactly the value and status
  sent. Keys are owned by one writer and every value sent is unique (writer and sequence number
  are in its decimals), so equal means "it is our own write"; for a contested key a different
  value means the other writer won, and the refusal stands;
* a retried PATCH refused as stale counts as acknowledged only if the stored row is at
  expected_version + 1 and holds the value sent.

A write that was committed but never acknowledged (its response was lost and no retry resolved
it) is allowed: it is reported as "stored, not acknowledged" and must be explained by a request
that failed with a connection error (or a 5xx).

Invariants (all per engine):

* acknowledged writes stored — for every key, the database holds the latest acknowledged version
  with the acknowledged value (or a later version explained by a write that was sent but not
  acknowledged), the same row id, and the audit trail holds every acknowledged version with its
  value;
* nothing acknowledged lost across the kill — the same, for the writes acknowledged before it;
* refusals are 4xx with a JSON body naming a field with a message (never an empty body);
* no 5xx at all;
* audit trail exact — the audit rows of reporting.result written during the run number exactly
  the stored changes (the sum of the versions of the rows created during the run); per row they
  are versions 1..n, "create" then "update"s, and the last one's "after" is the stored value;
  their number also equals acknowledged changes + changes stored but not acknowledged;
* outcomes as expected — valid requests acknowledged, each invalid one refused on its field, one
  winner per contested key, stale updates refused naming the current value, no-ops not versioned;
* no connection errors outside the outage; every planned request ran before ``--timeout``.

Traffic goes only to 127.0.0.1. The work directory printed at the end (``--workdir``; remove it
when done) keeps the server log (tracebacks of any 5xx), the SQLite database, every request with
its answer (requests-ENGINE.jsonl, times relative to the kill) and the failing ones
(failures-ENGINE.json). The server is always
killed on exit, and a watchdog ends everything if a run hangs.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chitieu.lib.periods import parse_period  # noqa: E402  (pure helpers, no Django)
from chitieu.lib.vnnum import format_number  # noqa: E402

HOST = "127.0.0.1"
CHITIEU = str(Path(sys.executable).parent / "chitieu")
Q6 = Decimal("0.000001")
RESULTS = "/api/v1/results/"
CONN_ERRORS = (OSError, http.client.HTTPException)  # refused, reset, timeout, no response
INVALID_KINDS = {
    # kind: the field the refusal must name
    "unknown_indicator": "indicator",
    "bad_period": "period",
    "not_a_number": "value",
    "share_over_100": "value",
    "actual_not_over": "status",
    "unit_out_of_validity": "unit",
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def dec(value) -> Decimal | None:
    """A stored or sent value as a Decimal with 6 places (SQLite may hand back a float)."""
    if value is None:
        return None
    try:
        return Decimal(str(value)).quantize(Q6)
    except (InvalidOperation, ValueError):
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# -- preparing a database ------------------------------------------------------------------------


@dataclass
class Engine:
    name: str
    home: Path
    env: dict
    pg_url: str = ""
    token: str = ""

    def connect(self):
        if self.name == "sqlite":
            return sqlite3.connect(self.home / "chitieu.sqlite3", timeout=30)
        import psycopg

        return psycopg.connect(self.pg_url, autocommit=True)


def run_chitieu(eng: Engine, *args: str, timeout: float = 600) -> str:
    proc = subprocess.run(
        [CHITIEU, *args], env=eng.env, capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"chitieu {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )
    return proc.stdout


def prepare(name: str, workdir: Path, args) -> Engine:
    home = workdir / name
    home.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(CHITIEU_HOME=str(home), CHITIEU_DEBUG="false", CHITIEU_PRODUCTION="false", LOG_LEVEL="WARNING")
    eng = Engine(name, home, env)
    if name == "postgresql":
        import psycopg

        base = args.pg_admin_url.rsplit("/", 1)[0]
        host = base.split("@")[-1].split(":")[0]
        if host not in {"127.0.0.1", "localhost"}:
            raise RuntimeError(f"--pg-admin-url must point at 127.0.0.1, not {host}")
        with psycopg.connect(args.pg_admin_url, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{args.pg_db}" WITH (FORCE)')
            con.execute(f'CREATE DATABASE "{args.pg_db}"')
        eng.pg_url = f"{base}/{args.pg_db}"
        env["DATABASE_URL"] = eng.pg_url
    t0 = time.monotonic()
    run_chitieu(eng, "migrate", "--noinput", "-v", "0")
    run_chitieu(eng, "demo")
    out = run_chitieu(
        eng,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model\n"
        "from rest_framework.authtoken.models import Token\n"
        "u = get_user_model().objects.create_superuser('loadbench', 'loadbench@example.invalid', "
        "'loadbench-unused-password')\n"
        "print('TOKEN=' + Token.objects.create(user=u).key)\n",
    )
    eng.token = next(line[6:] for line in out.splitlines() if line.startswith("TOKEN="))
    log(f"{name}: database ready in {time.monotonic() - t0:.1f}s ({eng.pg_url or home / 'chitieu.sqlite3'})")
    return eng


# -- the server ----------------------------------------------------------------------------------


LIVE_SERVERS: set[Server] = set()  # for the watchdog


class Server:
    def __init__(self, eng: Engine, port: int, workers: int, logfile: Path, no_migrate: bool = False):
        self.eng, self.port, self.workers, self.logfile = eng, port, workers, logfile
        self.no_migrate = no_migrate
        self.proc: subprocess.Popen | None = None
        LIVE_SERVERS.add(self)

    def start(self, timeout: float = 90) -> None:
        with open(self.logfile, "ab") as fh:
            self.proc = subprocess.Popen(
                [CHITIEU, "serve", "--host", HOST, "--port", str(self.port), "--workers", str(self.workers)]
                + (["--no-migrate"] if self.no_migrate else []),
                env=self.eng.env,
                stdout=fh,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=ROOT,
                start_new_session=True,  # own process group: killpg reaches gunicorn's workers too
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}; see {self.logfile}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
                conn.close()
            except CONN_ERRORS:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"the server did not answer /healthz within {timeout}s; see {self.logfile}")

    def _signal_group(self, sig: int) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        """SIGKILL to the whole process group: master and workers die mid-request."""
        self._signal_group(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        self._signal_group(signal.SIGKILL)  # stragglers (workers) even if the master is gone
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        self.proc = None
        LIVE_SERVERS.discard(self)


# -- the workload --------------------------------------------------------------------------------


@dataclass
class Catalogue:
    keys: list[tuple[str, str, str]]  # free (indicator, unit, period) keys, shuffled
    shares: set[str]  # indicators whose value is a share (0..100)
    indicators: list[str]
    any_unit: str  # a unit valid today (for "not over yet")
    expiring_unit: str  # a unit that has ceased (for "outside its validity")
    after_expiry: str  # a month after it ceased
    not_over: str  # next month: its data window is not closed under any rule


def period_codes() -> list[str]:
    codes = []
    for y in range(2011, 2025):
        codes += [f"{y}-{m:02d}" for m in range(1, 13)]
        codes += [f"{y}-Q{q}" for q in range(1, 5)]
        codes += [f"{y}-H1", f"{y}-H2", f"{y}-9M", str(y)]
    return codes


def load_catalogue(eng: Engine, seed: int) -> Catalogue:
    con = eng.connect()
    try:
        cur = con.cursor()
        cur.execute("SELECT code, is_share FROM indicators_indicator ORDER BY code")
        indicators = cur.fetchall()
        cur.execute("SELECT code, valid_from, valid_to FROM orgs_unit ORDER BY code")
        units = [
            (c, date.fromisoformat(str(f)), date.fromisoformat(str(t)) if t else None)
            for c, f, t in cur.fetchall()
        ]
        cur.execute(
            "SELECT i.code, u.code, r.period FROM reporting_result r "
            "JOIN indicators_indicator i ON i.id = r.indicator_id JOIN orgs_unit u ON u.id = r.unit_id"
        )
        taken = {tuple(r) for r in cur.fetchall()}
    finally:
        con.close()
    periods = [parse_period(c) for c in period_codes()]
    keys = []
    for ucode, vfrom, vto in units:
        for p in periods:
            if not (vfrom <= p.end and (vto is None or vto > p.start)):
                continue  # the same rule as Unit.overlaps
            for icode, _share in indicators:
                if (icode, ucode, p.code) not in taken:
                    keys.append((icode, ucode, p.code))
    random.Random(seed).shuffle(keys)
    today = date.today()
    first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    living = [u for u in units if u[2] is None]
    ceased = [u for u in units if u[2] is not None and u[2] < today]
    if not living or not ceased:
        raise RuntimeError("the demo has no unit valid today or none that has ceased")
    any_unit = "lang-son" if any(u[0] == "lang-son" for u in living) else living[0][0]
    exp = next((u for u in ceased if u[0] == "vh-hung-dien-a"), ceased[0])
    after = (exp[2] + timedelta(days=40)).replace(day=1)
    return Catalogue(
        keys=keys,
        shares={c for c, s in indicators if s},
        indicators=[c for c, _s in indicators],
        any_unit=any_unit,
        expiring_unit=exp[0],
        after_expiry=f"{after.year}-{after.month:02d}",
        not_over=f"{first_next.year}-{first_next.month:02d}",
    )


@dataclass
class Rec:
    """One logical request (all its attempts)."""

    writer: int
    seq: int
    kind: str  # create, contest, update, stale, noop, invalid:<kind>, get
    method: str
    path: str
    key: tuple | None
    payload: dict
    expect_field: str = ""
    attempts: int = 0
    conn_errors: list = field(default_factory=list)  # (monotonic time, exception name)
    status: int | None = None
    body: str = ""
    data: object = None
    latency: float | None = None
    t_end: float | None = None
    acked: bool = False
    ack_via_check: bool = False
    ack_id: int | None = None
    ack_version: int | None = None
    ack_value: Decimal | None = None
    expected_version: int | None = None
    known_value: Decimal | None = None  # stale/noop: the value the writer last saw acknowledged
    gave_up: bool = False
    skipped: bool = False
    mismatch: str = ""


class Api:
    def __init__(self, port: int, token: str, timeout: float):
        self.port, self.timeout = port, timeout
        self.headers = {
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Accept-Language": "en",
            "Connection": "keep-alive",
        }
        self.conn: http.client.HTTPConnection | None = None

    def call(self, method: str, path: str, payload: dict | None) -> tuple[int, str]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        body = json.dumps(payload) if payload is not None else None
        try:
            self.conn.request(method, path, body=body, headers=self.headers)
            resp = self.conn.getresponse()
            data = resp.read().decode("utf-8", "replace")
        except BaseException:
            self.reset()
            raise
        if resp.will_close:
            self.reset()
        return resp.status, data

    def reset(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = None


class Run:
    """Shared state of one engine's run."""

    def __init__(self, args, cat: Catalogue, port: int, token: str):
        self.args, self.cat, self.port, self.token = args, cat, port, token
        self.lock = threading.Lock()
        self.done = 0
        self.total = args.writers * args.per_writer
        self.deadline = time.monotonic() + args.timeout
        self.kill_time: float | None = None
        self.ready_time: float | None = None
        self.restart_error = ""
        self.records: list[list[Rec]] = [[] for _ in range(args.writers)]
        self.own: list[list[tuple]] = []
        self.contested: list[list[tuple]] = [[] for _ in range(args.writers)]
        self._split_keys()

    def _split_keys(self) -> None:
        w, n = self.args.writers, self.args.per_writer
        pairs = [] if w < 2 else [(0, 1)] if w == 2 else [(i, (i + 1) % w) for i in range(w)]
        per_pair = max(1, round(n * 0.015)) if pairs else 0
        need = w * n + len(pairs) * per_pair
        keys = self.cat.keys
        if need > len(keys):
            raise SystemExit(f"only {len(keys)} free keys for {need} needed: lower --writers or --per-writer")
        self.own = [keys[i * n : (i + 1) * n] for i in range(w)]
        pool = keys[w * n : need]
        for i, key in enumerate(pool):
            for writer in pairs[i % len(pairs)]:
                self.contested[writer].append(key)

    def plan(self, w: int, rng: random.Random) -> list[str]:
        """The writer's requests in a random order; a "race" op sends two requests."""
        n = self.args.per_writer
        n_contest = min(len(self.contested[w]), n // 2)
        n_race = round(n * 0.01)
        counts = {
            "invalid": round(n * 0.10),
            "update": round(n * 0.06),
            "stale": round(n * 0.02),
            "noop": round(n * 0.01),
        }
        n_create = max(0, n - n_contest - 2 * n_race - sum(counts.values()))
        kinds = list(INVALID_KINDS)
        ops = ["create"] * n_create + ["update"] * counts["update"] + ["stale"] * counts["stale"]
        ops += ["noop"] * counts["noop"] + [
            f"invalid:{kinds[i % len(kinds)]}" for i in range(counts["invalid"])
        ]
        ops = (["contest"] * n_contest + ["race"] * n_race + ops)[: n - n_race]
        rng.shuffle(ops)
        return ops

    def finished(self, count: int = 1) -> None:
        with self.lock:
            self.done += count


def value_for(indicator: str, cat: Catalogue, w: int, seq: int, rng: random.Random) -> str:
    """A value unique to (writer, sequence): both are in its six decimals."""
    whole = rng.randint(0, 98) if indicator in cat.shares else rng.randint(1, 9_999_999)
    return f"{whole}.{w % 100:02d}{seq % 10000:04d}"


def send(run: Run, api: Api, rec: Rec) -> None:
    """Send with bounded retries on connection errors only."""
    first = time.monotonic()
    backoff = 0.05
    while True:
        now = time.monotonic()
        if rec.attempts and (now - first > run.args.retry_window or now > run.deadline):
            rec.gave_up = True
            return
        rec.attempts += 1
        t0 = time.monotonic()
        try:
            status, body = api.call(rec.method, rec.path, rec.payload if rec.method != "GET" else None)
        except CONN_ERRORS as exc:
            # the time of the failure, not of the attempt: a request in flight at the kill fails after it
            rec.conn_errors.append((time.monotonic(), type(exc).__name__))
            time.sleep(backoff * (0.5 + random.random()))
            backoff = min(backoff * 2, 0.5)
            continue
        rec.latency = time.monotonic() - t0
        rec.t_end = time.monotonic()
        rec.status, rec.body = status, body
        try:
            rec.data = json.loads(body) if body else None
        except ValueError:
            rec.data = None
        return


def read_back(run: Run, api: Api, key: tuple) -> dict | None:
    """The stored row for a key, through the API (used only to settle a retried write)."""
    q = urlencode({"indicator": key[0], "unit": key[1], "period": key[2]})
    rec = Rec(-1, -1, "get", "GET", f"{RESULTS}?{q}", key, {})
    send(run, api, rec)
    if rec.status == 200 and isinstance(rec.data, dict) and rec.data.get("results"):
        return rec.data["results"][0]
    return None


def settle(run: Run, api: Api, rec: Rec) -> None:
    """Decide whether a request is acknowledged (see the module docstring on retries)."""
    if rec.status is None:
        return
    if 200 <= rec.status < 300 and isinstance(rec.data, dict) and "version" in rec.data:
        rec.acked = True
        rec.ack_id, rec.ack_version, rec.ack_value = (
            rec.data.get("id"),
            rec.data.get("version"),
            dec(rec.data.get("value")),
        )
        return
    if rec.status != 400 or not rec.conn_errors or rec.kind not in {"create", "contest", "race", "update"}:
        return
    row = read_back(run, api, rec.key)
    if row is None:
        return
    sent = dec(rec.payload.get("value"))
    if rec.method == "POST":
        ours = row.get("version") == 1 and row.get("status") == rec.payload.get("status", "actual")
    else:
        ours = row.get("version") == rec.expected_version + 1
    if ours and dec(row.get("value")) == sent:
        rec.acked, rec.ack_via_check = True, True
        rec.ack_id, rec.ack_version, rec.ack_value = row.get("id"), row.get("version"), sent


def writer(run: Run, w: int) -> None:
    args, cat = run.args, run.cat
    rng = random.Random(args.seed * 1000 + w)
    api = Api(run.port, run.token, args.request_timeout)
    own = list(run.own[w])
    own_shares = [k for k in own if k[0] in cat.shares]
    contested = list(run.contested[w])
    rng.shuffle(contested)  # the two writers of a contested key meet it at unrelated moments
    known: dict[tuple, dict] = {}  # own keys acknowledged: id, version, value
    out = run.records[w]

    def take_own() -> tuple:
        return own.pop()

    try:
        for seq, op in enumerate(run.plan(w, rng)):
            if time.monotonic() > run.deadline:
                out.append(Rec(w, seq, op, "", "", None, {}, skipped=True))
                continue
            if op in {"update", "stale", "noop"} and not known:
                op = "create"
            if op == "stale" and not any(v["version"] >= 2 for v in known.values()):
                op = "update"
            rec = build(run, w, seq, op, rng, take_own, own_shares, contested, known)
            if op == "race":
                out.extend(race(run, api, rec, rng))
                run.finished(2)
                continue
            send(run, api, rec)
            settle(run, api, rec)
            if rec.acked and op in {"create", "update", "noop"}:
                known[rec.key] = {"id": rec.ack_id, "version": rec.ack_version, "value": rec.ack_value}
            out.append(rec)
            run.finished()
    finally:
        api.reset()


def race(run: Run, api: Api, rec: Rec, rng: random.Random) -> list[Rec]:
    """Two clients create the same key at the same instant: rec from this writer's connection, a twin
    (another value) from a second connection in a helper thread, both released by one barrier."""
    twin = Rec(rec.writer, rec.seq, "race", "POST", RESULTS, rec.key, dict(rec.payload))
    twin.payload["value"] = value_for(rec.key[0], run.cat, rec.writer + 50, rec.seq, rng)
    gate = threading.Barrier(2, timeout=10)
    other = Api(run.port, run.token, run.args.request_timeout)

    def go(r: Rec, a: Api) -> None:
        try:
            gate.wait()
        except threading.BrokenBarrierError:
            pass
        send(run, a, r)
        settle(run, a, r)

    helper = threading.Thread(target=go, args=(twin, other), daemon=True)
    helper.start()
    try:
        go(rec, api)
        helper.join(run.args.retry_window + 2 * run.args.request_timeout)
    finally:
        other.reset()
    return [rec, twin]


def build(run: Run, w: int, seq: int, op: str, rng, take_own, own_shares, contested, known) -> Rec:
    cat = run.cat
    status = "estimate" if rng.random() < 0.2 else "actual"
    if op in {"create", "race"}:
        key = take_own()
        if key in own_shares:
            own_shares.remove(key)
        payload = {
            "indicator": key[0],
            "unit": key[1],
            "period": key[2],
            "value": value_for(key[0], cat, w, seq, rng),
            "status": status,
        }
        return Rec(w, seq, op, "POST", RESULTS, key, payload)
    if op == "contest":
        key = contested.pop()
        payload = {
            "indicator": key[0],
            "unit": key[1],
            "period": key[2],
            "value": value_for(key[0], cat, w, seq, rng),
            "status": status,
        }
        return Rec(w, seq, op, "POST", RESULTS, key, payload)
    if op in {"update", "noop"}:
        key = rng.choice(sorted(known))
        k = known[key]
        value = str(k["value"]) if op == "noop" else value_for(key[0], cat, w, seq, rng)
        rec = Rec(
            w,
            seq,
            op,
            "PATCH",
            f"{RESULTS}{k['id']}/",
            key,
            {"value": value, "expected_version": k["version"]},
        )
        rec.expected_version, rec.known_value = k["version"], k["value"]
        return rec
    if op == "stale":
        key = rng.choice(sorted(kk for kk, v in known.items() if v["version"] >= 2))
        k = known[key]
        stale = rng.randint(1, k["version"] - 1)
        rec = Rec(
            w,
            seq,
            op,
            "PATCH",
            f"{RESULTS}{k['id']}/",
            key,
            {"value": value_for(key[0], cat, w, seq, rng), "expected_version": stale},
        )
        rec.expected_version, rec.known_value = stale, k["value"]
        return rec
    kind = op.split(":", 1)[1]
    ind = cat.indicators[seq % len(cat.indicators)]
    if kind == "unknown_indicator":
        key = take_own()
        payload = {
            "indicator": f"no-such-indicator-{w}-{seq}",
            "unit": key[1],
            "period": key[2],
            "value": "1",
            "status": "actual",
        }
    elif kind == "bad_period":
        key = take_own()
        payload = {"indicator": key[0], "unit": key[1], "period": "2023-Q9", "value": "1", "status": "actual"}
    elif kind == "not_a_number":
        key = take_own()
        payload = {"indicator": key[0], "unit": key[1], "period": key[2], "value": "abc", "status": "actual"}
    elif kind == "share_over_100":
        key = own_shares.pop() if own_shares else (sorted(cat.shares)[0], *take_own()[1:])
        payload = {
            "indicator": key[0],
            "unit": key[1],
            "period": key[2],
            "value": f"{rng.randint(101, 999)}.5",
            "status": "actual",
        }
    elif kind == "actual_not_over":
        payload = {
            "indicator": ind,
            "unit": cat.any_unit,
            "period": cat.not_over,
            "value": "1",
            "status": "actual",
        }
    else:  # unit_out_of_validity
        payload = {
            "indicator": ind,
            "unit": cat.expiring_unit,
            "period": cat.after_expiry,
            "value": "1",
            "status": "estimate",
        }
    key = (payload["indicator"], payload["unit"], payload["period"])
    return Rec(w, seq, op, "POST", RESULTS, key, payload, expect_field=INVALID_KINDS[kind])


def fault(run: Run, server: Server, stop: threading.Event) -> None:
    """Kill the server hard once --kill-at of the requests are done, then restart it."""
    target = max(1, int(run.total * run.args.kill_at))
    while not stop.is_set() and run.done < target and time.monotonic() < run.deadline:
        time.sleep(0.01)
    if stop.is_set() or time.monotonic() >= run.deadline:
        return
    run.kill_time = time.monotonic()
    server.kill()
    log(f"SIGKILL sent to the server's process group after {run.done} requests; down for {run.args.outage}s")
    time.sleep(run.args.outage)
    try:
        server.start()
        run.ready_time = time.monotonic()
        log(f"server back after {run.ready_time - run.kill_time:.2f}s")
    except Exception as exc:  # the writers will give up; the summary says why
        run.restart_error = str(exc)
        log(f"restart failed: {exc}")


# -- checking ------------------------------------------------------------------------------------


def read_db(eng: Engine, base_result: int, base_audit: int):
    con = eng.connect()
    try:
        cur = con.cursor()
        cur.execute(
            "SELECT r.id, i.code, u.code, r.period, r.value, r.version, r.status FROM reporting_result r "
            "JOIN indicators_indicator i ON i.id = r.indicator_id JOIN orgs_unit u ON u.id = r.unit_id"
        )
        rows = {}
        for rid, icode, ucode, period, value, version, status in cur.fetchall():
            rows[(icode, ucode, period)] = {
                "id": rid,
                "value": dec(value),
                "version": version,
                "status": status,
                "new": rid > base_result,
            }
        cur.execute(
            "SELECT id, action, object_id, after FROM audit_auditentry "
            "WHERE object_type = 'reporting.result' AND id > %s ORDER BY id".replace(
                "%s", "?" if eng.name == "sqlite" else "%s"
            ),
            (base_audit,),
        )
        audit = [
            (aid, action, oid, after if isinstance(after, dict) else json.loads(after or "null"))
            for aid, action, oid, after in cur.fetchall()
        ]
    finally:
        con.close()
    return rows, audit


def baseline(eng: Engine) -> tuple[int, int]:
    con = eng.connect()
    try:
        cur = con.cursor()
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM reporting_result")
        r = cur.fetchone()[0]
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM audit_auditentry")
        a = cur.fetchone()[0]
    finally:
        con.close()
    return r, a


def body_names_field(rec: Rec) -> bool:
    """A refusal body: a JSON object whose every key carries a non-empty message (or "detail")."""
    if not isinstance(rec.data, dict) or not rec.data:
        return False
    for v in rec.data.values():
        msgs = v if isinstance(v, list) else [v]
        if not msgs or not all(isinstance(m, str) and m.strip() for m in msgs):
            return False
    return True


def first_field(rec: Rec) -> str:
    return next(iter(rec.data)) if isinstance(rec.data, dict) and rec.data else "?"


def check(run: Run, eng: Engine, base_result: int, base_audit: int) -> dict:
    recs = [r for ws in run.records for r in ws]
    sent = [r for r in recs if not r.skipped]
    rows, audit = read_db(eng, base_result, base_audit)
    kill, ready = run.kill_time, run.ready_time
    grace_end = (ready or kill or 0) + 1.0
    fails: dict[str, list] = defaultdict(list)

    def fail(inv: str, rec: Rec | None, why: str) -> None:
        entry = {"why": why}
        if rec is not None:
            entry.update(
                writer=rec.writer,
                seq=rec.seq,
                kind=rec.kind,
                method=rec.method,
                path=rec.path,
                payload=rec.payload,
                status=rec.status,
                body=rec.body[:2000],
                attempts=rec.attempts,
            )
        fails[inv].append(entry)

    # no 5xx; refusals are 4xx with a body naming a field
    for r in sent:
        if r.status is not None and r.status >= 500:
            fail("no 5xx", r, f"HTTP {r.status}")
        elif r.status is not None and not (200 <= r.status < 300) and not r.acked:
            if not (400 <= r.status < 500):
                fail("refusals are 4xx naming a field", r, f"HTTP {r.status}")
            elif not body_names_field(r):
                fail("refusals are 4xx naming a field", r, "empty or unreadable body")

    # an acknowledgement must echo the key that was sent
    for r in sent:
        if r.acked and not r.ack_via_check and isinstance(r.data, dict) and r.key is not None:
            echoed = (r.data.get("indicator"), r.data.get("unit"), r.data.get("period"))
            if echoed != r.key:
                fail("acknowledged writes stored", r, f"sent {r.key}, acknowledged {echoed}")

    # outcomes as expected
    by_key: dict[tuple, list[Rec]] = defaultdict(list)
    for r in sent:
        if r.key is not None:
            by_key[r.key].append(r)
    for r in sent:
        if r.status is None:
            continue
        if r.kind.startswith("invalid:"):
            if r.status != 400 or not isinstance(r.data, dict) or r.expect_field not in r.data:
                fail("outcomes as expected", r, f"expected 400 naming {r.expect_field!r}")
        elif r.kind in {"create", "update"}:
            if not r.acked:
                fail("outcomes as expected", r, "a valid write was not acknowledged")
            elif r.ack_value != dec(r.payload["value"]):
                fail("outcomes as expected", r, "acknowledged a value other than the one sent")
            elif r.kind == "create" and r.ack_version != 1:
                fail("outcomes as expected", r, f"a create answered version {r.ack_version}")
            elif r.kind == "update" and r.ack_version != r.expected_version + 1:
                fail("outcomes as expected", r, f"an update answered version {r.ack_version}")
        elif r.kind == "noop":
            if not r.acked or r.ack_version != r.expected_version:
                fail("outcomes as expected", r, "a no-op update was not answered with the same version")
        elif r.kind == "stale":
            msgs = r.data.get("value") if isinstance(r.data, dict) else None
            current = format_number(r.known_value, lang="en") if r.known_value is not None else "?"
            if r.status != 400 or not msgs:
                fail("outcomes as expected", r, "a stale update was not refused on 'value'")
            elif current not in " ".join(msgs):
                fail(
                    "outcomes as expected", r, f"the stale refusal does not name the current value {current}"
                )
    for key, rs in by_key.items():
        contest = [r for r in rs if r.kind in {"contest", "race"} and r.status is not None]
        if len(contest) == 2:
            winners = [r for r in contest if r.acked]
            losers = [r for r in contest if not r.acked]
            if len(winners) != 1 or winners[0].ack_version != 1:
                both = "; ".join(
                    f"w{r.writer} sent {r.payload['value']}: HTTP {r.status}"
                    + (f" id {r.ack_id} version {r.ack_version}" if r.acked else f" {r.body[:200]}")
                    for r in contest
                )
                fail(
                    "outcomes as expected",
                    winners[-1] if winners else contest[0],
                    f"contested key {key}: {len(winners)} acknowledged creates ({both})",
                )
            elif losers[0].status != 400 or first_field(losers[0]) not in {"non_field_errors", "__all__"}:
                # "__all__": the unique constraint caught by full_clean() when both passed the API's check
                fail("outcomes as expected", losers[0], "the contested loser was not refused with 400")

    # acknowledged writes stored (and across the kill), audit exact
    audit_by_obj: dict[str, list] = defaultdict(list)
    for aid, action, oid, after in audit:
        audit_by_obj[oid].append((aid, action, after))
    acked_changes = set()
    lost_before_kill = 0
    acked_before_kill = 0
    for key, rs in by_key.items():
        acked = [r for r in rs if r.acked]
        if not acked:
            continue
        row = rows.get(key)
        latest = max(acked, key=lambda r: (r.ack_version, r.t_end or 0))
        before_kill = [r for r in acked if kill is not None and r.t_end is not None and r.t_end < kill]
        acked_before_kill += len(before_kill)
        if row is None:
            for r in acked:
                fail("acknowledged writes stored", r, "acknowledged but no row in the database")
            lost_before_kill += len(before_kill)
            continue
        history = {
            (a[2] or {}).get("version"): dec((a[2] or {}).get("value"))
            for a in audit_by_obj.get(str(row["id"]), [])
        }
        for r in acked:
            acked_changes.add((key, r.ack_version))
            problem = ""
            if r.ack_id != row["id"]:
                problem = f"acknowledged id {r.ack_id}, stored id {row['id']}"
            elif row["version"] < r.ack_version:
                problem = f"acknowledged version {r.ack_version}, stored version {row['version']}"
            elif history.get(r.ack_version) != r.ack_value:
                problem = f"no audit row for version {r.ack_version} with value {r.ack_value}"
            if problem:
                fail("acknowledged writes stored", r, problem)
                if r in before_kill:
                    lost_before_kill += 1
        if row["version"] == latest.ack_version and row["value"] != latest.ack_value:
            fail(
                "acknowledged writes stored",
                latest,
                f"stored value {row['value']} != acknowledged {latest.ack_value}",
            )
        elif row["version"] > latest.ack_version:
            unacked = [
                r
                for r in rs
                if not r.acked and (r.conn_errors or (r.status or 0) >= 500) and r.method in {"POST", "PATCH"}
            ]
            if row["value"] not in {dec(r.payload.get("value")) for r in unacked} | {
                r.ack_value for r in acked
            }:
                fail(
                    "acknowledged writes stored",
                    latest,
                    f"stored version {row['version']} value {row['value']} is explained by no request",
                )

    new_rows = {k: v for k, v in rows.items() if v["new"]}
    expected_audit = sum(v["version"] for v in new_rows.values())
    new_ids = {str(v["id"]): (k, v) for k, v in new_rows.items()}
    for oid in audit_by_obj:
        if oid not in new_ids:
            fail(
                "audit trail exact",
                None,
                f"audit rows for result {oid}, which was not created during the run",
            )
    for oid, (key, row) in new_ids.items():
        entries = audit_by_obj.get(oid, [])
        versions = [(e[2] or {}).get("version") for e in entries]
        actions = [e[1] for e in entries]
        if versions != list(range(1, row["version"] + 1)):
            fail(
                "audit trail exact",
                None,
                f"result {oid} {key}: version {row['version']} but audit versions {versions}",
            )
        elif actions != ["create"] + ["update"] * (row["version"] - 1):
            fail("audit trail exact", None, f"result {oid} {key}: audit actions {actions}")
        elif dec(entries[-1][2].get("value")) != row["value"]:
            fail(
                "audit trail exact",
                None,
                f"result {oid} {key}: last audit value {entries[-1][2].get('value')} != stored {row['value']}",
            )
        if key not in by_key:
            fail("audit trail exact", None, f"result {oid} {key} was stored but never sent")
    stored_unacked = len(audit) - len(acked_changes)
    if len(audit) != expected_audit:
        fail("audit trail exact", None, f"{len(audit)} audit rows for {expected_audit} stored changes")
    unacked_sent = sum(
        1
        for r in sent
        if not r.acked and (r.conn_errors or (r.status or 0) >= 500) and r.method in {"POST", "PATCH"}
    )
    if stored_unacked < 0 or stored_unacked > unacked_sent:
        fail(
            "audit trail exact",
            None,
            f"{stored_unacked} stored changes not acknowledged, but only {unacked_sent} writes failed without an answer",
        )

    conn_outage = conn_other = 0
    for r in recs:
        for t, name in r.conn_errors:
            if kill is not None and kill <= t <= grace_end:
                conn_outage += 1
            else:
                conn_other += 1
                if conn_other <= 20:
                    fail(
                        "no connection errors outside the outage",
                        r,
                        f"{name} at +{t - (kill or t):.2f}s from the kill",
                    )
    if conn_other > 20:
        fail("no connection errors outside the outage", None, f"… {conn_other} in all")
    skipped = sum(1 for r in recs if r.skipped)
    if skipped or any(r.gave_up for r in recs):
        fail(
            "completed in time",
            None,
            f"{skipped} requests not sent before --timeout, {sum(r.gave_up for r in recs)} gave up retrying",
        )
    if run.restart_error:
        fail("completed in time", None, f"restart failed: {run.restart_error}")
    if kill is None:
        fail("nothing acknowledged lost across the kill", None, "the kill never happened")
    elif lost_before_kill:
        fail(
            "nothing acknowledged lost across the kill",
            None,
            f"{lost_before_kill} of {acked_before_kill} writes acknowledged before the kill are missing or changed",
        )

    return {
        "recs": recs,
        "sent": sent,
        "fails": fails,
        "audit_rows": len(audit),
        "expected_audit": expected_audit,
        "acked_changes": len(acked_changes),
        "stored_unacked": stored_unacked,
        "acked_before_kill": acked_before_kill,
        "conn_outage": conn_outage,
        "conn_other": conn_other,
    }


INVARIANTS = [
    "acknowledged writes stored",
    "nothing acknowledged lost across the kill",
    "refusals are 4xx naming a field",
    "no 5xx",
    "audit trail exact",
    "outcomes as expected",
    "no connection errors outside the outage",
    "completed in time",
]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def summarise(name: str, run: Run, res: dict, wall: float, workdir: Path) -> bool:
    sent, fails = res["sent"], res["fails"]
    acked = [r for r in sent if r.acked]
    refused = [r for r in sent if r.status is not None and 400 <= r.status < 500 and not r.acked]
    five = [r for r in sent if r.status is not None and r.status >= 500]
    reasons = Counter(f"{r.kind.replace('invalid:', '')} → {r.status} {first_field(r)}" for r in refused)
    lat = [r.latency * 1000 for r in acked if r.latency is not None and not r.ack_via_check]
    outage = (run.ready_time - run.kill_time) if run.kill_time and run.ready_time else float("nan")
    print(
        f"\n=== {name}: {run.args.writers} writers × {run.args.per_writer}, {run.args.workers} gunicorn workers ==="
    )
    print(
        f"requests            {len(sent)} ({sum(r.attempts for r in sent)} attempts, {len(res['recs']) - len(sent)} not sent)"
    )
    print(
        f"acknowledged        {len(acked)} (creates {sum(r.kind in {'create', 'contest', 'race'} for r in acked)}, updates {sum(r.kind == 'update' for r in acked)}, no-ops {sum(r.kind == 'noop' for r in acked)}; {sum(r.ack_via_check for r in acked)} settled after a retry)"
    )
    print(f"refused 4xx         {len(refused)}")
    for reason, n in sorted(reasons.items()):
        print(f"    {n:6d}  {reason}")
    print(f"5xx                 {len(five)}" + (f"  {dict(Counter(r.status for r in five))}" if five else ""))
    print(f"no answer           {sum(r.status is None for r in sent)} (gave up after retries)")
    print(f"connection failures {res['conn_outage']} during the outage, {res['conn_other']} outside it")
    print(f"throughput          {len(sent) / wall:.1f} requests/s over {wall:.1f}s")
    print(
        f"latency (acked)     p50 {pct(lat, 0.5):.1f} ms, p95 {pct(lat, 0.95):.1f} ms, p99 {pct(lat, 0.99):.1f} ms"
    )
    print(f"outage              {outage:.2f}s (kill → /healthz answers again)")
    print(
        f"audit rows          {res['audit_rows']} = stored changes {res['expected_audit']}; acknowledged changes {res['acked_changes']} + stored but not acknowledged {res['stored_unacked']}"
    )
    print(f"acked before kill   {res['acked_before_kill']}")
    ok = True
    for inv in INVARIANTS:
        bad = fails.get(inv, [])
        ok &= not bad
        print(f"  {'PASS' if not bad else 'FAIL'}  {inv}" + (f"  ({len(bad)})" if bad else ""))
        for entry in bad[:3]:
            print(
                f"        - {entry['why']}"
                + (
                    f": {entry.get('method')} {entry.get('path')} {json.dumps(entry.get('payload'), ensure_ascii=False)} → {entry.get('status')} {str(entry.get('body'))[:300]}"
                    if "method" in entry
                    else ""
                )
            )
    origin = run.kill_time or 0.0
    with open(workdir / f"requests-{name}.jsonl", "w") as fh:
        for r in res["recs"]:
            row = {
                "writer": r.writer,
                "seq": r.seq,
                "kind": r.kind,
                "method": r.method,
                "path": r.path,
                "payload": r.payload,
                "status": r.status,
                "body": r.body[:500],
                "attempts": r.attempts,
                "conn_errors": [(round(t - origin, 3), n) for t, n in r.conn_errors],
                "answered_at": round(r.t_end - origin, 3) if r.t_end else None,
                "latency_ms": round(r.latency * 1000, 1) if r.latency else None,
                "acked": r.acked,
                "version": r.ack_version,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"  every request (times relative to the kill): {workdir / f'requests-{name}.jsonl'}")
    if fails:
        path = workdir / f"failures-{name}.json"
        path.write_text(json.dumps(fails, ensure_ascii=False, indent=1, default=str))
        print(f"  failing requests: {path}")
    return ok


# -- main ----------------------------------------------------------------------------------------


def run_engine(name: str, args, workdir: Path) -> bool:
    eng = prepare(name, workdir, args)
    cat = load_catalogue(eng, args.seed)
    port = free_port()
    logfile = workdir / f"server-{name}.log"
    server = Server(eng, port, args.workers, logfile, args.no_migrate)
    stop = threading.Event()
    try:
        server.start()
        base_result, base_audit = baseline(eng)
        run = Run(args, cat, port, eng.token)
        log(
            f"{name}: server on {HOST}:{port} (log {logfile}); {run.total} requests from {args.writers} writers"
        )
        killer = threading.Thread(target=fault, args=(run, server, stop), daemon=True)
        threads = [threading.Thread(target=writer, args=(run, w), daemon=True) for w in range(args.writers)]
        t0 = time.monotonic()
        killer.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join(max(1.0, run.deadline + args.retry_window + args.request_timeout - time.monotonic()))
        wall = time.monotonic() - t0
        stop.set()
        killer.join(120)
        if any(t.is_alive() for t in threads):
            log("some writers are still running past the deadline")
    finally:
        stop.set()
        server.stop()
    res = check(run, eng, base_result, base_audit)
    return summarise(name, run, res, wall, workdir)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--writers", type=int, default=20)
    ap.add_argument("--per-writer", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    ap.add_argument(
        "--kill-at", type=float, default=0.4, help="fraction of the requests done before the kill"
    )
    ap.add_argument(
        "--outage", type=float, default=2.0, help="seconds the server stays down before restarting"
    )
    ap.add_argument(
        "--retry-window", type=float, default=60.0, help="seconds a request retries connection errors"
    )
    ap.add_argument("--request-timeout", type=float, default=60.0, help="socket timeout of one attempt")
    ap.add_argument("--timeout", type=float, default=900.0, help="traffic deadline per engine, seconds")
    ap.add_argument(
        "--no-migrate",
        action="store_true",
        help="start the server with `chitieu serve --no-migrate` (the database is migrated beforehand)",
    )
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--pg-admin-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--pg-db", default="chitieu_load")
    ap.add_argument("--workdir", type=Path, help="default: a new directory under $TMPDIR (kept)")
    args = ap.parse_args()
    if args.writers < 1 or args.per_writer < 1 or not 0 < args.kill_at < 1:
        ap.error("--writers and --per-writer must be positive, --kill-at between 0 and 1")
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="chitieu-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    # A hard stop for everything, set-up included: the servers are killed by their finally blocks
    # on a normal exit; this only fires if something hangs.
    budget = len(engines) * (args.timeout + args.retry_window + 900)

    def abort() -> None:
        log(f"global timeout ({budget:.0f}s): killing the server and aborting")
        for server in list(LIVE_SERVERS):
            server._signal_group(signal.SIGKILL)
        os._exit(3)

    watchdog = threading.Timer(budget, abort)
    watchdog.daemon = True
    watchdog.start()
    results = {}
    for name in engines:
        try:
            results[name] = run_engine(name, args, workdir)
        except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
            log(f"{name}: set-up failed: {exc}")
            results[name] = None
    watchdog.cancel()
    print(
        "\n"
        + "  ".join(
            f"{n}: {'PASS' if ok else 'SET-UP FAILED' if ok is None else 'FAIL'}" for n, ok in results.items()
        )
    )
    print(f"work directory (logs, databases, failures): {workdir}")
    if any(ok is None for ok in results.values()):
        return 2
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
