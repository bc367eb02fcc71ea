"""The access matrix: every route of the project, as every persona, on an object inside huyen-d's
subtree and outside it, read and (where the route writes) written with valid data.

The expectations below are the specification, written independently of chitieu/access/scope.py:

    view           every role              enter_results   reporter, administrator
    approve        approver, administrator manage          office, administrator
    catalogue      office on a root unit, administrator (nobody here but the administrator)

A role on a unit reaches its whole subtree. A user who cannot see the unit gets 404; one who sees it
but may not act gets 403; anonymous users are sent to the login page (the API answers 401/403).

The routes are enumerated from the URL resolver: a route added without an entry in ROUTES fails
with "route X has no access expectation". Every request runs in a savepoint that is rolled back, so
each one meets the same data. Every 200 a scoped persona receives is searched for the other
subtree's names, codes and (distinctive) figures.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal as D
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

# --------------------------------------------------------------------------------------------------
# Personas and the rules they follow
# --------------------------------------------------------------------------------------------------

ANON = "anonymous"
REPORTER = "reporter@huyen-d"
APPROVER = "approver@huyen-d"
LEADER = "leader@huyen-d"
OFFICE = "office@huyen-d"
ADMIN = "administrator"
TOWN = "reporter@thi-xa-t"
PERSONAS = (ANON, REPORTER, APPROVER, LEADER, OFFICE, ADMIN, TOWN)
ROLES = {
    REPORTER: ("reporter", "huyen-d"),
    APPROVER: ("approver", "huyen-d"),
    LEADER: ("leader", "huyen-d"),
    OFFICE: ("office", "huyen-d"),
    TOWN: ("reporter", "thi-xa-t"),
}
MAY = {
    "view": {"reporter", "approver", "leader", "office"},
    "enter_results": {"reporter"},
    "approve": {"approver"},
    "manage": {"office"},
    # the inbox takes a document from whoever may enter results or manage the unit
    "upload": {"reporter", "office"},
}

# Sides: where the object of a request lies.
#   in     huyen-d itself (or an object of huyen-d)     below  xa-1, a commune of huyen-d
#   out    thi-xa-t (or an object of thi-xa-t)           above  tinh-p, huyen-d's parent
#   cross  huyen-d, named together with an object of thi-xa-t (e.g. ?resolution=)
#   root   no unit at all (a new top-level unit)
UNIT_SIDES = ("in", "below", "out", "above")
IN_OUT = ("in", "out")
COVERS = {"huyen-d": {"in", "below"}, "thi-xa-t": {"out"}}

LOGIN = "login"  # 302 to the login page
ADMIN_LOGIN = "admin-login"  # 302 to the admin's login page
API_ANON = "401/403"


def figure(digits: str) -> tuple[str, ...]:
    """A distinctive six-digit figure as the pages write it (Vietnamese grouping: 777.777), as the API
    does (777777.000000), as the audit's JSON does ("777777", '777777' on its page) and as a
    spreadsheet cell does (>777777<).
    Never the bare digits: those turn up by chance in timestamps' microseconds."""
    return (
        f"{digits[:3]}.{digits[3:]}",
        f"{digits}.0",
        f'"{digits}"',
        f"&#x27;{digits}&#x27;",  # the audit page prints the JSON as a Python dict
        f">{digits}<",
    )


# What must never reach a persona scoped to one subtree: the other subtree's and the province's
# names, codes and figures.
OUTSIDE_SECRETS = ("thi-xa-t", "Thị xã T", "Tỉnh P", *figure("777777"), *figure("555555"), *figure("888888"))
INSIDE_SECRETS = (
    "huyen-d",
    "Huyện D",
    "Xã X1",
    "Tỉnh P",
    *figure("123456"),
    *figure("246810"),
    *figure("888888"),
)
SECRETS = {p: OUTSIDE_SECRETS for p in (REPORTER, APPROVER, LEADER, OFFICE)} | {TOWN: INSIDE_SECRETS}

IN_TEXT = "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao."
OUT_TEXT = "Thị xã T: thu ngân sách đạt 777.777 tỷ đồng, bằng 27,9% dự toán tỉnh giao."


def may(persona: str, side: str | None, need: str) -> bool:
    """Whether `persona` may do `need` on the object on `side`, by the rules in the module docstring."""
    if persona == ANON:
        return False
    if need == "any" or persona == ADMIN:
        return True
    if need == "admin-only":
        return False
    if need == "own":  # an import job: "in" is the persona's own job, "out" somebody else's
        return side == "in"
    role, home = ROLES[persona]
    return side in COVERS[home] and role in MAY[need]


def sees(persona: str, side: str | None) -> bool:
    return persona == ADMIN or (persona in ROLES and side in COVERS[ROLES[persona][1]])


def expected_for(persona: str, side: str | None, check: Check):
    """The answer `persona` must get from `check` on `side`."""
    if (persona, side) in check.fix:
        return check.fix[(persona, side)]
    if persona == ANON:
        return check.anon
    if may(persona, side, check.need):
        return check.ok
    if check.need == "own":  # somebody else's import is not there at all
        return check.hidden
    if check.need in ("view", "enter_results", "approve", "manage", "upload") and not sees(persona, side):
        return check.hidden
    return check.denied


# --------------------------------------------------------------------------------------------------
# The expectation table, keyed by URL name
# --------------------------------------------------------------------------------------------------

Url = Callable[[SimpleNamespace, "str | None", str], str]


@dataclass
class Check:
    method: str
    need: str  # any | view | enter_results | approve | manage | upload | own | admin-only
    url: Url
    ok: object = 200
    sides: tuple = (None,)
    data: Callable | None = None
    anon: object = LOGIN
    denied: object = 403
    hidden: object = 404
    fix: dict = field(default_factory=dict)  # {(persona, side): answer} where the rule has an exception
    after: Callable | None = None  # (w, side, persona, allowed) -> error or None, run before the rollback


def get(need, url, **kw) -> Check:
    return Check("get", need, url, **kw)


def post(need, url, data, ok=302, **kw) -> Check:
    return Check("post", need, url, ok=ok, data=data, **kw)


def patch(need, url, data, ok=200, **kw) -> Check:
    return Check("patch", need, url, ok=ok, data=data, anon=API_ANON, **kw)


def api_get(need, url, **kw) -> Check:
    return Check("get", need, url, anon=API_ANON, **kw)


def api_post(need, url, data, ok=201, **kw) -> Check:
    return Check("post", need, url, ok=ok, data=data, anon=API_ANON, **kw)


def at(path: str) -> Url:
    return lambda w, side, persona: path


def unit_url(name: str, *extra, query: dict | None = None) -> Url:
    def build(w, side, persona):
        url = reverse(name, args=[w.unit[side].code, *extra])
        return f"{url}?{urlencode(query)}" if query else url

    return build


def obj_url(name: str, attr: str) -> Url:
    """The route of the object `w.<attr>[side]`."""
    return lambda w, side, persona: reverse(name, args=[getattr(w, attr)[side].pk])


def report_url(name: str) -> Url:
    """A unit's report for 2023-H1; `cross` names huyen-d with thi-xa-t's resolution."""

    def build(w, side, persona):
        unit = w.unit["in" if side == "cross" else side]
        q = {"period": "2023-H1"}
        if side == "cross":
            q["resolution"] = w.resolution["out"].pk
        elif side in w.resolution:
            q["resolution"] = w.resolution[side].pk
        return f"{reverse(name, args=[unit.code])}?{urlencode(q)}"

    return build


def template_url(w, side, persona):
    unit = w.unit["in" if side == "cross" else side]
    url = reverse("imports_template", args=[unit.code, "2023-H1"])
    return f"{url}?resolution={w.resolution['out'].pk}" if side == "cross" else url


def pick_url(w, side, persona):
    q = {"unit": w.unit["in" if side == "cross" else side].code, "period": "2023-H1"}
    if side == "cross":
        q["resolution"] = w.resolution["out"].pk
    return f"/imports/template/?{urlencode(q)}"


def job_url(name: str) -> Url:
    def build(w, side, persona):
        return reverse(name, args=[w.job[persona][side].pk])

    return build


def query_url(path: str, **fixed) -> Url:
    """`path?unit=<code of the side>&…`."""

    def build(w, side, persona):
        return f"{path}?{urlencode({'unit': w.unit[side].code, **fixed})}"

    return build


def api(basename: str) -> Url:
    return at(reverse(f"{basename}-list"))


def api_detail(basename: str, attr: str | None = None, key: str = "pk", fixed=None) -> Url:
    def build(w, side, persona):
        if fixed is not None:
            return reverse(f"{basename}-detail", args=[fixed])
        return reverse(f"{basename}-detail", args=[getattr(getattr(w, attr)[side], key)])

    return build


def api_format(name: str, base: Url) -> Url:
    """The same route through DRF's format suffix: /api/v1/units.json, /api/v1/units/huyen-d.json."""

    def build(w, side, persona):
        url = base(w, side, persona)
        return url.rstrip("/") + ".json"

    return build


# --- POST bodies (valid, so that an allowed write succeeds) ---


def results_form(w, side):
    r = w.result[side]
    return {"thu-ns-value": "41", "thu-ns-status": "actual", "thu-ns-version": str(r.version)}


def conference_form(w, side):
    term = w.term.get(side)
    return {
        "body": "executive",
        "term": term.pk if term else "",
        "kind": "regular",
        "date": "2023-09-01",
        "title": "Hội nghị bất thường",
    }


def targets_form(w, side):
    t = w.target[side]
    return {
        f"t{t.pk}-indicator": "thu-ns",
        f"t{t.pk}-basis": t.basis,
        f"t{t.pk}-kind": t.kind,
        f"t{t.pk}-period": t.period,
        f"t{t.pk}-value": "150",
    }


def inbox_form(w, side):
    return {
        "unit": w.unit[side].code,
        "period": "2023-H1",
        "title": "Báo cáo sản lượng",
        "text": "Sản lượng lúa đạt 30.000 tấn, tăng 2% so với cùng kỳ.",
    }


def import_form(w, side):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("so-lieu.xlsx", w.workbook[side], XLSX)}


def import_ran(w, side, persona, _allowed):
    """An import reaches the page for everybody; what it may write depends on the importer's scope."""
    from chitieu.imports.models import ImportJob, JobStatus

    allowed = may(persona, side, "enter_results")
    job = ImportJob.objects.filter(user=w.users[persona]).order_by("-pk").first()
    want = JobStatus.DONE if allowed else JobStatus.FAILED
    if job is None or job.status != want:
        return f"import job ended {getattr(job, 'status', None)}, expected {want}"
    return None


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def submission_became(period: str, status: str):
    """The submission page redirects whether or not the step worked: look at the submission itself."""

    def after(w, side, persona, allowed):
        from chitieu.reporting.workflow import status_of

        got = status_of(w.unit[side], period)
        want = status if allowed else w.submission_status[(side, period)]
        return None if got == want else f"the submission is {got}, expected {want}"

    return after


def candidate_dropped(w, side, persona, allowed):
    from chitieu.inbox.models import Candidate

    got = Candidate.objects.get(pk=w.cand[side].pk).decision
    want = "dropped" if allowed else "pending"
    return None if got == want else f"the figure is {got}, expected {want}"


# Anonymous visitors meet the admin's own login on the admin site's pages (exempt from
# LoginRequiredMiddleware) and the project's login on the model pages; logged-in users without staff
# rights are sent to the admin's login.
ADMIN_CLOSED = {"anon": ADMIN_LOGIN, "denied": ADMIN_LOGIN}
MODEL_ADMIN_CLOSED = {"anon": LOGIN, "denied": ADMIN_LOGIN}


def admin_model_routes(
    app: str, model: str, obj: str, *, password: bool = False, add: int = 200
) -> dict[str, list[Check]]:
    """Django's admin: only the administrator gets in; everybody else is sent to its login page."""

    def obj_path(suffix: str) -> Url:
        return lambda w, side, persona: reverse(f"admin:{app}_{model}_{suffix}", args=[w.admin_obj[obj]])

    closed = MODEL_ADMIN_CLOSED
    routes = {
        f"admin:{app}_{model}_changelist": [
            get("admin-only", at(reverse(f"admin:{app}_{model}_changelist")), **closed)
        ],
        f"admin:{app}_{model}_add": [
            get("admin-only", at(reverse(f"admin:{app}_{model}_add")), ok=add, **closed),
            post("admin-only", at(reverse(f"admin:{app}_{model}_add")), lambda w, s: {}, ok=add, **closed),
        ],
        f"admin:{app}_{model}_change": [get("admin-only", obj_path("change"), **closed)],
        f"admin:{app}_{model}_history": [get("admin-only", obj_path("history"), **closed)],
        f"admin:{app}_{model}_delete": [
            get("admin-only", obj_path("delete"), **closed),
            # the administrator's own POST would delete: only the refusal is exercised
            post("admin-only", obj_path("delete"), lambda w, s: {"post": "yes"}, ok=None, **closed),
        ],
        # the bare object address redirects to its change page
        f"pattern:admin/{app}/{model}/<path:object_id>/": [
            get(
                "admin-only",
                lambda w, side, persona: reverse(f"admin:{app}_{model}_changelist") + f"{w.admin_obj[obj]}/",
                ok="302→" + reverse(f"admin:{app}_{model}_changelist") + "*",
                **closed,
            )
        ],
    }
    if password:
        routes[f"admin:{app}_{model}_password_change"] = [
            get("admin-only", obj_path("password_change"), **closed)
        ]
    return routes


# Writing on huyen-d with a reference to an object of thi-xa-t ("cross"): whoever cannot see the
# referenced object gets the answer for an unknown one (400); the administrator's write is a
# cross-unit link the services refuse as well (400).
# (Those who may not manage huyen-d at all may equally be told 403 or 404.)
CROSS_WRITE = {
    (ADMIN, "cross"): 400,
    **{(p, "cross"): (400, 403) for p in (REPORTER, APPROVER, LEADER)},
    (TOWN, "cross"): (400, 404),
}

# Reading huyen-d together with thi-xa-t's resolution: nobody scoped may (404); for the
# administrator it is no question of access, and a page may serve it or refuse the mismatch.
ADMIN_CROSS = {(ADMIN, "cross"): (200, 404)}

ROUTES: dict[str, list[Check]] = {
    # ---- pages open to everybody or every logged-in user ----
    "home": [get("any", at("/"))],
    "login": [get("any", at("/login/"), anon=200)],
    "logout": [
        get("any", at("/logout/"), ok=405),
        post("any", at("/logout/"), lambda w, s: {}, ok=302),
    ],
    "set_language": [
        post("any", at("/i18n/setlang/"), lambda w, s: {"language": "en", "next": "/"}, ok=302, anon=302),
    ],
    "healthz": [get("any", at("/healthz"), anon=200)],
    "indicator_list": [get("any", at("/indicators/"))],
    "indicator_detail": [
        get("any", at("/indicators/thu-ns/")),
        get("view", query_url("/indicators/thu-ns/"), sides=UNIT_SIDES),
    ],
    # ---- a unit and what hangs from it ----
    "unit_detail": [
        get("view", unit_url("unit_detail"), sides=UNIT_SIDES),
        # huyen-d's page filtered by thi-xa-t's resolution: no such resolution there, for anybody
        get(
            "view",
            lambda w, side, p: f"/units/huyen-d/?resolution={w.resolution['out'].pk}",
            sides=("cross",),
            fix={(ADMIN, "cross"): 404},
        ),
    ],
    "unit_dashboard": [
        get("view", unit_url("unit_dashboard", query={"period": "2023-H1"}), sides=UNIT_SIDES),
        get(
            "view",
            lambda w, side, p: (
                f"/units/huyen-d/dashboard/?period=2023-H1&resolution={w.resolution['out'].pk}"
            ),
            sides=("cross",),
            fix={(ADMIN, "cross"): 404},
        ),
    ],
    "results_edit": [
        get("enter_results", unit_url("results_edit", "2023-H1"), sides=UNIT_SIDES),
        post("enter_results", unit_url("results_edit", "2023-H1"), results_form, sides=UNIT_SIDES),
    ],
    "submission_action": [
        get("any", unit_url("submission_action", "2023-H1"), ok=405, sides=("in", "out")),
        post(
            "enter_results",
            unit_url("submission_action", "2023-H1"),
            lambda w, s: {"action": "submit"},
            sides=UNIT_SIDES,
            after=submission_became("2023-H1", "submitted"),
        ),
        # 2022-H1 was submitted when the data were built
        post(
            "approve",
            unit_url("submission_action", "2022-H1"),
            lambda w, s: {"action": "approve"},
            sides=UNIT_SIDES,
            after=submission_became("2022-H1", "approved"),
        ),
        post(
            "approve",
            unit_url("submission_action", "2022-H1"),
            lambda w, s: {"action": "reopen", "reason": "Sai số liệu"},
            sides=UNIT_SIDES,
            after=submission_became("2022-H1", "reopened"),
        ),
    ],
    "audit_list": [get("any", at("/audit/")), get("view", query_url("/audit/"), sides=UNIT_SIDES)],
    "audit_export": [
        get("any", at("/audit/export.csv")),
        get("view", query_url("/audit/export.csv"), sides=UNIT_SIDES),
    ],
    # ---- the inbox ----
    "inbox": [
        get("any", at("/inbox/")),
        # the unit is a form choice offering only the units the user may upload for: any other one is
        # "not a valid choice" (400), the same as a code that does not exist
        post("upload", at("/inbox/"), inbox_form, sides=IN_OUT, denied=400, hidden=400),
    ],
    "inbox_document": [get("view", obj_url("inbox_document", "doc"), sides=IN_OUT)],
    "inbox_decide": [
        get("any", obj_url("inbox_decide", "cand"), ok=405, sides=IN_OUT),
        post(
            "enter_results",
            obj_url("inbox_decide", "cand"),
            lambda w, s: {f"c{w.cand[s].pk}-action": "drop"},
            sides=IN_OUT,
            after=candidate_dropped,
        ),
    ],
    # ---- conferences and tasks ----
    "conference_list": [
        get("view", unit_url("conference_list"), sides=UNIT_SIDES),
        post("manage", unit_url("conference_list"), conference_form, sides=UNIT_SIDES),
    ],
    "conference_detail": [
        get("view", obj_url("conference_detail", "conf"), sides=IN_OUT),
        post(
            "manage",
            obj_url("conference_detail", "conf"),
            lambda w, s: {"form": "agenda", "agenda-text": "Đánh giá kết quả 6 tháng"},
            sides=IN_OUT,
        ),
    ],
    "task_list": [get("view", unit_url("task_list"), sides=UNIT_SIDES)],
    "task_detail": [
        get("view", obj_url("task_detail", "task"), sides=IN_OUT),
        post(
            "manage",
            obj_url("task_detail", "task"),
            lambda w, s: {
                "progress-date": "2023-07-01",
                "progress-text": "Đã triển khai",
                "progress-status": "in_progress",
            },
            sides=IN_OUT,
        ),
    ],
    "question_to_task": [
        get("any", obj_url("question_to_task", "question"), ok=405, sides=IN_OUT),
        post(
            "manage",
            obj_url("question_to_task", "question"),
            lambda w, s: {},
            ok="302→/tasks/*",
            sides=IN_OUT,
        ),
    ],
    # ---- downloads ----
    "report_docx": [get("view", report_url("report_docx"), sides=(*UNIT_SIDES, "cross"), fix=ADMIN_CROSS)],
    "appendix_xlsx": [
        get("view", report_url("appendix_xlsx"), sides=(*UNIT_SIDES, "cross"), fix=ADMIN_CROSS)
    ],
    "notice_docx": [get("view", obj_url("notice_docx", "conf"), sides=IN_OUT)],
    # ---- resolutions and targets ----
    "resolution_detail": [get("view", obj_url("resolution_detail", "resolution"), sides=IN_OUT)],
    "targets_edit": [
        get("manage", obj_url("targets_edit", "resolution"), sides=IN_OUT),
        post("manage", obj_url("targets_edit", "resolution"), targets_form, sides=IN_OUT),
    ],
    # ---- spreadsheet imports ----
    "imports": [
        get("any", at("/imports/")),
        # everybody may upload; the job writes only what the importer may enter (see import_ran)
        post("any", at("/imports/"), import_form, sides=IN_OUT, after=import_ran),
    ],
    "imports_template_pick": [
        # a unit or resolution the user cannot see is treated like one that does not exist: the form
        # is invalid and the browser goes back to the imports page
        get(
            "view",
            pick_url,
            ok="302→/imports/template/*",
            hidden="302→/imports/",
            sides=(*UNIT_SIDES, "cross"),
        )
    ],
    "imports_template": [get("view", template_url, sides=(*UNIT_SIDES, "cross"), fix=ADMIN_CROSS)],
    "imports_job": [get("own", job_url("imports_job"), sides=IN_OUT)],
    "imports_job_progress": [get("own", job_url("imports_job_progress"), sides=IN_OUT)],
    # ---- the REST API ----
    "api-root": [api_get("any", at("/api/v1/"))],
    "api-root.format": [api_get("any", at("/api/v1/.json"))],
    "api-schema": [
        # the OpenAPI schema is public on purpose (login_not_required): it holds no data
        get("any", at("/api/schema/"), anon=200),
    ],
    "unit-list": [
        api_get("any", api("unit")),
        api_get("view", lambda w, side, p: f"/api/v1/units/?root={w.unit[side].code}", sides=UNIT_SIDES),
        api_post(
            "manage",
            api("unit"),
            lambda w, s: {
                "code": "xa-moi",
                "name": "Xã Mới",
                "kind": "commune",
                "parent": w.unit[s].code,
                "valid_from": "2024-01-01",
            },
            sides=UNIT_SIDES,
        ),
        api_post(
            "admin-only",
            api("unit"),
            lambda w, s: {
                "code": "tinh-moi",
                "name": "Tỉnh Mới",
                "kind": "province",
                "valid_from": "2024-01-01",
            },
            sides=("root",),
        ),
    ],
    "unit-detail": [
        api_get("view", api_detail("unit", "unit", "code"), sides=UNIT_SIDES),
        patch(
            "any", api_detail("unit", "unit", "code"), lambda w, s: {"name": "Đổi tên"}, ok=405, sides=IN_OUT
        ),
    ],
    "term-list": [
        api_get("any", api("term")),
        api_post("any", api("term"), lambda w, s: {"start_year": 2025, "end_year": 2030}, ok=405),
    ],
    "term-detail": [
        api_get("view", api_detail("term", "term"), sides=IN_OUT),
        patch("any", api_detail("term", "term"), lambda w, s: {"end_year": 2026}, ok=405, sides=IN_OUT),
    ],
    "measureunit-list": [
        api_get("any", api("measureunit")),
        api_post(
            "any",
            api("measureunit"),
            lambda w, s: {"code": "ha", "symbol": "ha", "dimension": "area", "factor": "1"},
            ok=405,
        ),
    ],
    "measureunit-detail": [
        api_get("any", api_detail("measureunit", fixed="ty-dong")),
        patch("any", api_detail("measureunit", fixed="ty-dong"), lambda w, s: {"symbol": "tỷ"}, ok=405),
    ],
    "indicator-list": [
        api_get("any", api("indicator")),
        api_post(
            "admin-only",
            api("indicator"),
            lambda w, s: {
                "code": "chi-tieu-moi",
                "name": "Chỉ tiêu mới",
                "measure_unit": "tan",
                "field": "economy",
                "measure": "flow",
                "aggregation": "sum",
            },
        ),
    ],
    "indicator-detail": [
        api_get("any", api_detail("indicator", fixed="thu-ns")),
        patch("admin-only", api_detail("indicator", fixed="thu-ns"), lambda w, s: {"name": "Thu NSNN"}),
    ],
    "resolution-list": [
        api_get("any", api("resolution")),
        # a unit filter is a plain filter here: an invisible unit simply gives an empty list
        api_get("any", query_url("/api/v1/resolutions/"), sides=UNIT_SIDES),
        api_post(
            "manage",
            api("resolution"),
            lambda w, s: {
                "unit": w.unit[s].code,
                "body": "executive",
                "kind": "annual",
                "year": 2024,
                "number": "1-NQ/MOI",
                "title": "Nghị quyết năm 2024",
            },
            sides=UNIT_SIDES,
        ),
        # huyen-d's office may not tie a resolution of huyen-d to thi-xa-t's term (it cannot see it):
        # refused like an unknown term
        api_post(
            "manage",
            api("resolution"),
            lambda w, s: {
                "unit": "huyen-d",
                "body": "executive",
                "kind": "annual",
                "year": 2024,
                "number": "2-NQ/MOI",
                "title": "Nghị quyết gắn nhiệm kỳ khác",
                "term": w.term["out"].pk,
            },
            sides=("cross",),
            hidden=400,
            fix=CROSS_WRITE,
        ),
    ],
    "resolution-detail": [
        api_get("view", api_detail("resolution", "resolution"), sides=IN_OUT),
        patch(
            "manage", api_detail("resolution", "resolution"), lambda w, s: {"title": "Đã sửa"}, sides=IN_OUT
        ),
    ],
    "target-list": [
        api_get("any", api("target")),
        # an invisible unit in the filter is refused like an unknown code (400), never listed
        api_get("view", query_url("/api/v1/targets/", subtree="1"), sides=UNIT_SIDES, hidden=400),
        api_post(
            "manage",
            api("target"),
            lambda w, s: {
                "indicator": "thu-ns",
                "unit": w.unit[s].code,
                "period": "2024",
                "basis": "plan",
                "value": "140",
            },
            sides=UNIT_SIDES,
        ),
        # nor a target of huyen-d to thi-xa-t's resolution
        api_post(
            "manage",
            api("target"),
            lambda w, s: {
                "indicator": "thu-ns",
                "unit": "huyen-d",
                "period": "2024",
                "basis": "plan",
                "value": "140",
                "resolution": w.resolution["out"].pk,
            },
            sides=("cross",),
            hidden=400,
            fix=CROSS_WRITE,
        ),
    ],
    "target-detail": [
        api_get("view", api_detail("target", "target"), sides=IN_OUT),
        patch(
            "manage",
            api_detail("target", "target"),
            lambda w, s: {"value": "132", "expected_version": w.target[s].version},
            sides=IN_OUT,
        ),
    ],
    "result-list": [
        api_get("any", api("result")),
        api_get("view", query_url("/api/v1/results/", subtree="1"), sides=UNIT_SIDES, hidden=400),
        api_post(
            "enter_results",
            api("result"),
            lambda w, s: {"indicator": "thu-ns", "unit": w.unit[s].code, "period": "2024-Q1", "value": "12"},
            sides=UNIT_SIDES,
        ),
    ],
    "result-detail": [
        api_get("view", api_detail("result", "result"), sides=UNIT_SIDES),
        patch(
            "enter_results",
            api_detail("result", "result"),
            lambda w, s: {"value": "41", "expected_version": w.result[s].version},
            sides=UNIT_SIDES,
        ),
    ],
    # ---- Django's admin: the administrator only ----
    "admin:index": [get("admin-only", at("/admin/"), **ADMIN_CLOSED)],
    # the administrator, already in, is sent on to the index; the others see the form and a notice
    "admin:login": [get("any", at("/admin/login/"), anon=200, fix={(ADMIN, None): "302→/admin/"})],
    # logging out needs a POST; those without access are sent to the index (and from there to log in)
    "admin:logout": [get("admin-only", at("/admin/logout/"), ok=405, anon=ADMIN_LOGIN, denied="302→/admin/")],
    "admin:password_change": [get("admin-only", at("/admin/password_change/"), **ADMIN_CLOSED)],
    "admin:password_change_done": [get("admin-only", at("/admin/password_change/done/"), **ADMIN_CLOSED)],
    "admin:jsi18n": [get("admin-only", at("/admin/jsi18n/"), **ADMIN_CLOSED)],
    # without its parameters the autocomplete endpoint refuses even the administrator
    "admin:autocomplete": [get("admin-only", at("/admin/autocomplete/"), ok=403, **ADMIN_CLOSED)],
    "admin:app_list": [get("admin-only", at("/admin/auth/"), **ADMIN_CLOSED)],
    # no registered model has a public address: the shortcut finds none
    "admin:view_on_site": [
        get(
            "admin-only",
            lambda w, side, p: f"/admin/r/{w.admin_obj['user_ct']}/{w.admin_obj['user']}/",
            ok=404,
            **ADMIN_CLOSED,
        )
    ],
    "pattern:admin/(?P<url>.*)$": [get("admin-only", at("/admin/no-such-page/"), ok=404, **ADMIN_CLOSED)],
    **admin_model_routes("auth", "user", "user", password=True),
    **admin_model_routes("auth", "group", "group"),
    **admin_model_routes("authtoken", "tokenproxy", "token"),
    # django-axes's records are written by axes alone: adding one is refused even to the administrator
    **admin_model_routes("axes", "accessattempt", "attempt", add=403),
    **admin_model_routes("axes", "accessfailurelog", "failure", add=403),
    **admin_model_routes("axes", "accesslog", "log", add=403),
}

# The DRF format-suffix twins (/api/v1/units.json) answer exactly as the routes they double.
for _name in ("unit", "term", "measureunit", "indicator", "resolution", "target", "result"):
    for _kind in ("list", "detail"):
        _base = ROUTES[f"{_name}-{_kind}"][0]
        ROUTES[f"{_name}-{_kind}.format"] = [
            Check(
                "get",
                _base.need,
                api_format(f"{_name}-{_kind}", _base.url),
                ok=_base.ok,
                sides=_base.sides,
                anon=API_ANON,
            )
        ]


# --------------------------------------------------------------------------------------------------
# Walking the resolver
# --------------------------------------------------------------------------------------------------


def _walk(resolver, prefix="", namespace=None):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace) if x) or None
            yield from _walk(p, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            route = prefix + str(p.pattern)
            if p.name:
                key = f"{namespace}:{p.name}" if namespace else p.name
                if "format" in p.pattern.regex.groupindex:
                    key += ".format"
            else:
                key = f"pattern:{route}"
            yield key, route


def project_routes() -> list[str]:
    return sorted({key for key, _route in _walk(get_resolver())})


# --------------------------------------------------------------------------------------------------
# The data: one world for the module, every request rolled back
# --------------------------------------------------------------------------------------------------


def _build():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from rest_framework.authtoken.models import Token

    from chitieu.access.services import role_grant
    from chitieu.imports.models import ImportJob, JobStatus
    from chitieu.imports.template import build_template
    from chitieu.inbox.services import document_ingest
    from chitieu.indicators.models import Resolution
    from chitieu.meetings.services import conference_create, question_add, task_create
    from chitieu.orgs.models import Term
    from chitieu.reporting.services import result_save, target_save
    from chitieu.reporting.workflow import submission_submit
    from chitieu.testing import make_world

    world = make_world()
    User = get_user_model()
    admin = User.objects.create_superuser("matrix-admin", "", None)  # no password: no slow hashing
    users = {ADMIN: admin}
    for persona, (role, code) in ROLES.items():
        u = User.objects.create_user(persona.replace("@", "-at-"), "", None)
        role_grant(
            actor=admin,
            user=u,
            unit=getattr(world, {"huyen-d": "district", "thi-xa-t": "town"}[code]),
            role=role,
        )
        users[persona] = u

    d, t, p, x1 = world.district, world.town, world.province, world.communes[0]
    world.resolution.title = "Nghị quyết Huyện D năm 2023"
    world.resolution.save(update_fields=["title"])
    term_out = Term.objects.create(unit=t, start_year=2020, end_year=2025, congress_ordinal=5)
    res_out = Resolution.objects.create(
        unit=t,
        body="executive",
        kind="annual",
        year=2023,
        number="99-NQ/TU",
        title="Nghị quyết Thị xã T năm 2023",
    )
    day = dt.date(2024, 6, 1)

    def result(unit, period, value):
        return result_save(
            actor=admin, indicator=world.revenue, unit=unit, period=period, value=D(value), today=day
        )

    results = {
        "in": result(d, "2023-H1", "40.7"),
        "below": result(x1, "2023-H1", "123456"),
        "out": result(t, "2023-H1", "777777"),
        "above": result(p, "2023-H1", "888888"),
    }
    # a past period for the history and the comparison, submitted for approval
    result(d, "2022-H1", "35.5")
    result(x1, "2022-H1", "10")
    result(t, "2022-H1", "777777")
    result(p, "2022-H1", "20")
    for unit in (d, x1, t, p):
        submission_submit(actor=admin, unit=unit, period="2022-H1")
    submission_status = {
        (side, period): "draft" if period == "2023-H1" else "submitted"
        for side in UNIT_SIDES
        for period in ("2023-H1", "2022-H1")
    }
    targets = {
        "in": target_save(
            actor=admin,
            indicator=world.revenue,
            unit=d,
            period="2023",
            basis="plan",
            value=D("246810"),
            resolution=world.resolution,
        ),
        "out": target_save(
            actor=admin,
            indicator=world.revenue,
            unit=t,
            period="2023",
            basis="plan",
            value=D("555555"),
            resolution=res_out,
        ),
    }
    conf = {
        "in": conference_create(
            unit=d,
            body="executive",
            date=dt.date(2023, 6, 22),
            term=world.term,
            period="2023-H1",
            resolution=world.resolution,
            title="Hội nghị Huyện D",
            actor=admin,
        ),
        "out": conference_create(
            unit=t,
            body="executive",
            date=dt.date(2023, 6, 23),
            term=term_out,
            period="2023-H1",
            resolution=res_out,
            title="Hội nghị Thị xã T",
            actor=admin,
        ),
    }
    task = {
        "in": task_create(
            text="Đôn đốc thu ngân sách",
            unit=d,
            conference=conf["in"],
            deadline=dt.date(2099, 1, 1),
            actor=admin,
        ),
        "out": task_create(
            text="Việc của Thị xã T",
            unit=t,
            conference=conf["out"],
            deadline=dt.date(2099, 1, 1),
            actor=admin,
        ),
    }
    question = {
        "in": question_add(
            conference=conf["in"], question="Vì sao thu chậm?", commitment="Sẽ đôn đốc thu", actor=admin
        ),
        "out": question_add(
            conference=conf["out"],
            question="Thị xã T thu ra sao?",
            commitment="Thị xã T sẽ rà soát",
            actor=admin,
        ),
    }
    doc = {
        "in": document_ingest(actor=admin, unit=d, period="2023-H1", text=IN_TEXT),
        "out": document_ingest(actor=admin, unit=t, period="2023-H1", text=OUT_TEXT),
    }
    cand = {side: dd.candidates.order_by("index").first() for side, dd in doc.items()}
    assert all(cand.values()), "the inbox found no figure in the test documents"

    def job(owner):
        return ImportJob.objects.create(
            user=users[owner], filename=f"{owner}.xlsx", sha256="0" * 64, status=JobStatus.DONE
        )

    own = {persona: job(persona) for persona in users}
    jobs = {
        persona: {"in": own[persona], "out": own[REPORTER if persona == TOWN else TOWN]} for persona in users
    }
    jobs[ANON] = {"in": own[REPORTER], "out": own[TOWN]}

    def workbook(unit):
        from openpyxl import load_workbook

        from chitieu.imports.layout import RESULTS_SHEET

        wb = load_workbook(io.BytesIO(build_template(unit, "2023-H1")))
        ws = wb[RESULTS_SHEET]
        for row in ws.iter_rows(min_row=1):
            if row[2].value == "thu-ns":
                row[6].value = 42
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    Token.objects.create(user=users[REPORTER])
    admin_obj = {
        "user": users[REPORTER].pk,
        "user_ct": ContentType.objects.get_for_model(User).pk,
        "group": Group.objects.create(name="Văn phòng").pk,
        "token": users[REPORTER].pk,  # the token admin addresses tokens by their user's id
        "attempt": AccessAttempt.objects.create(
            username="x",
            ip_address="127.0.0.1",
            user_agent="t",
            http_accept="*/*",
            path_info="/login/",
            get_data="",
            post_data="",
            failures_since_start=1,
        ).pk,
        "failure": AccessFailureLog.objects.create(
            username="x", ip_address="127.0.0.1", user_agent="t", http_accept="*/*", path_info="/login/"
        ).pk,
        "log": AccessLog.objects.create(
            username="x", ip_address="127.0.0.1", user_agent="t", http_accept="*/*", path_info="/login/"
        ).pk,
    }
    return SimpleNamespace(
        world=world,
        users=users,
        unit={"in": d, "below": x1, "out": t, "above": p},
        term={"in": world.term, "out": term_out},
        resolution={"in": world.resolution, "out": res_out},
        result=results,
        target=targets,
        conf=conf,
        task=task,
        question=question,
        doc=doc,
        cand=cand,
        job=jobs,
        workbook={"in": workbook(d), "out": workbook(t)},
        admin_obj=admin_obj,
        submission_status=submission_status,
    )


@pytest.fixture(scope="module")
def w(django_db_setup, django_db_blocker):
    """Built once for the module, with a logged-in client per persona, inside a transaction that is
    rolled back at its end. Imports run in the request (CHITIEU_IMPORTS_SYNC)."""
    with django_db_blocker.unblock(), override_settings(CHITIEU_IMPORTS_SYNC=True):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = _build()
            data.clients = {}
            for persona in PERSONAS:
                c = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="vi")
                if persona != ANON:
                    c.force_login(data.users[persona])
                data.clients[persona] = c
            yield data
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def clients(w):
    return w.clients


# --------------------------------------------------------------------------------------------------
# Calling and judging
# --------------------------------------------------------------------------------------------------


def body_of(resp) -> str:
    # (the test client closes a streamed response once it is read; closing it again here would fire
    # request_finished and close the database connection in the middle of the test's transaction)
    raw = b"".join(resp.streaming_content) if resp.streaming else resp.content
    if raw[:2] == b"PK":  # .docx / .xlsx: search the XML inside
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            raw = b"".join(z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels")))
    return raw.decode("utf-8", "replace")


def answer_of(resp) -> str:
    if resp.status_code in (301, 302, 303):
        path = urlsplit(resp["Location"]).path
        if path == reverse("login"):
            return LOGIN
        if path == reverse("admin:login"):
            return ADMIN_LOGIN
        return f"{resp.status_code}→{resp['Location']}"
    return str(resp.status_code)


def matches(expected, resp) -> bool:
    if isinstance(expected, tuple):  # any of these answers
        return any(matches(e, resp) for e in expected)
    got = answer_of(resp)
    if expected == API_ANON:
        return resp.status_code in (401, 403)
    if isinstance(expected, str) and "→" in expected:  # "302→/path/" exactly, "302→/path/*" a prefix
        code, where = expected.split("→", 1)
        if not got.startswith(f"{code}→"):
            return False
        path = urlsplit(got.split("→", 1)[1]).path
        return path.startswith(where[:-1]) if where.endswith("*") else path == where
    if expected in (301, 302):  # a redirect, but not to a login page
        return got.startswith(f"{expected}→")
    return got == str(expected)


def call(client, check: Check, url: str, data):
    kw = {}
    if check.data is not None and check.anon == API_ANON:
        kw["content_type"] = "application/json"
    method = getattr(client, check.method)
    if check.method == "get":
        return method(url)
    return method(url, data if data is not None else {}, **kw)


def leaks(persona: str, body: str) -> list[str]:
    return [s for s in SECRETS.get(persona, ()) if s in body]


def run_check(w, clients, key: str, check: Check, persona: str, side) -> str | None:
    want = expected_for(persona, side, check)
    if want is None:
        return None
    url = check.url(w, side, persona)
    client = clients[persona]
    cookies = copy.deepcopy(client.cookies)  # logging out or switching the language must not stick
    with transaction.atomic():
        data = check.data(w, side) if check.data else None
        resp = call(client, check, url, data)
        body = body_of(resp)
        problem = None
        if not matches(want, resp):
            snippet = body[:160].replace("\n", " ") if resp.status_code >= 500 else ""
            problem = f"got {answer_of(resp)}, expected {want}{'  ' + snippet if snippet else ''}"
            if resp.status_code == 200 and leaks(persona, body):
                problem += f", and it holds {leaks(persona, body)}"
        elif resp.status_code == 200 and check.method == "get" and leaks(persona, body):
            problem = f"200 but leaks {leaks(persona, body)}"
        elif check.after is not None and persona != ANON:
            problem = check.after(w, side, persona, may(persona, side, check.need))
        transaction.set_rollback(True)
    client.cookies = cookies
    if problem:
        return f"{persona:<18} {side or '-':<6} {check.method.upper():<5} {url}: {problem}"
    return None


# --------------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------------

ALL_ROUTES = project_routes()


def test_every_route_has_an_access_expectation_and_every_expectation_a_route():
    missing = [k for k in ALL_ROUTES if k not in ROUTES]
    stale = [k for k in ROUTES if k not in ALL_ROUTES]
    assert not missing, "\n".join(f"route {k} has no access expectation" for k in missing)
    assert not stale, "\n".join(f"expectation {k} matches no route" for k in stale)


@pytest.mark.parametrize("route", ALL_ROUTES)
def test_each_persona_gets_the_right_answer_inside_and_outside_its_subtree(w, clients, route):
    assert route in ROUTES, f"route {route} has no access expectation"
    problems = [
        problem
        for check in ROUTES[route]
        for side in check.sides
        for persona in PERSONAS
        if (problem := run_check(w, clients, route, check, persona, side))
    ]
    assert not problems, f"{route}:\n  " + "\n  ".join(problems)


# Lists, searches, exports and roll-ups that span units: the administrator sees the other subtree's
# data in them (so the search below is not vacuous), a scoped persona does not.
GLOBAL_LISTS = [
    # (url, what the administrator sees of thi-xa-t in it, what of huyen-d)
    ("/", "Thị xã T", "Xã X1"),
    ("/inbox/", "777.777", "Huyện D"),
    ("/audit/", "&#x27;777777&#x27;", "&#x27;123456&#x27;"),
    ("/audit/export.csv", '"777777"', '"123456"'),
    ("/audit/?object_type=meetings.conference", "Thị xã T", "Huyện D"),
    ("/audit/export.csv?object_type=reporting.result", '"777777"', '"123456"'),
    ("/indicators/thu-ns/", "Thị xã T", "Xã X1"),
    ("/imports/", "Thị xã T", "Huyện D"),
    ("/api/v1/units/", "thi-xa-t", "huyen-d"),
    ("/api/v1/terms/", "thi-xa-t", "huyen-d"),
    ("/api/v1/resolutions/", "thi-xa-t", "huyen-d"),
    ("/api/v1/targets/", "555555.0", "246810.0"),
    ("/api/v1/results/", "777777.0", "123456.0"),
    ("/api/v1/results/?indicator=thu-ns&period=2023-H1", "777777.0", "123456.0"),
]
# The same lists and downloads seen from inside huyen-d: nothing of thi-xa-t or tinh-p may appear.
SCOPED_LISTS = [
    "/units/huyen-d/",
    "/units/huyen-d/?period=2022-H1",
    "/units/huyen-d/conferences/",
    "/units/huyen-d/tasks/",
    "/units/huyen-d/dashboard/?period=2023-H1",
    "/audit/?unit=huyen-d",
    "/audit/export.csv?unit=huyen-d",
    "/indicators/thu-ns/?unit=huyen-d",
    "/units/huyen-d/report.docx?period=2023-H1",
    "/units/huyen-d/appendix.xlsx?period=2023-H1",
    "/imports/template/huyen-d/2023-H1/",
    "/api/v1/units/?root=huyen-d",
    "/api/v1/results/?unit=huyen-d&subtree=1",
    "/api/v1/targets/?unit=huyen-d&subtree=1",
    "/api/v1/resolutions/?unit=huyen-d",
]


@pytest.mark.parametrize(("url", "outside", "inside"), GLOBAL_LISTS, ids=[u for u, _o, _i in GLOBAL_LISTS])
def test_lists_spanning_units_show_a_scoped_persona_nothing_from_outside_its_subtree(
    w, clients, url, outside, inside
):
    with transaction.atomic():
        resp = clients[ADMIN].get(url)
        seen = body_of(resp)
        transaction.set_rollback(True)
    # the administrator sees both subtrees here, so the search below is not vacuous
    assert resp.status_code == 200
    assert outside in seen and outside in OUTSIDE_SECRETS, f"{url} should show thi-xa-t's {outside}"
    assert inside in seen and inside in INSIDE_SECRETS, f"{url} should show huyen-d's {inside}"
    problems = []
    for persona in (REPORTER, APPROVER, LEADER, OFFICE, TOWN):
        with transaction.atomic():
            resp = clients[persona].get(url)
            body = body_of(resp)
            transaction.set_rollback(True)
        if resp.status_code != 200:
            problems.append(f"{persona}: got {resp.status_code}, expected 200")
        elif leaks(persona, body):
            problems.append(f"{persona}: leaks {leaks(persona, body)}")
    assert not problems, f"{url}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("url", SCOPED_LISTS)
def test_pages_and_downloads_of_huyen_d_hold_nothing_from_outside_its_subtree(w, clients, url):
    problems = []
    for persona in (REPORTER, APPROVER, LEADER, OFFICE):
        with transaction.atomic():
            resp = clients[persona].get(url)
            body = body_of(resp)
            transaction.set_rollback(True)
        if resp.status_code != 200:
            problems.append(f"{persona}: got {answer_of(resp)}, expected 200")
        elif leaks(persona, body):
            problems.append(f"{persona}: leaks {leaks(persona, body)}")
    assert not problems, f"{url}:\n  " + "\n  ".join(problems)


def test_the_parent_of_huyen_d_is_invisible_to_everybody_scoped_below_it(w, clients):
    for persona in (REPORTER, APPROVER, LEADER, OFFICE, TOWN):
        assert clients[persona].get("/units/tinh-p/").status_code == 404, persona
    assert clients[ADMIN].get("/units/tinh-p/").status_code == 200
