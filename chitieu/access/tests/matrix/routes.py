"""The route table of the access matrix, keyed by URL name: the site's pages here, the REST API's in
api_routes.py and the admin's in admin_routes.py, joined into `ROUTES` in that order, with the API's
format-suffix twins derived from their originals; and the walk of the URL resolver (`project_routes`)
that the table is compared with, so that a route added without an expectation fails.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .admin_routes import ADMIN_ROUTES
from .api_routes import API_ROUTES
from .bodies import (
    candidate_dropped,
    conference_cross_resolution,
    conference_cross_term,
    conference_edit_form,
    conference_form,
    import_form,
    import_ran,
    inbox_form,
    results_form,
    submission_became,
    targets_form,
    task_cross_unit,
)
from .rules import (
    ADMIN,
    API_ANON,
    APPROVER,
    IN_OUT,
    LEADER,
    OFFICE,
    REPORTER,
    TOWN,
    UNIT_SIDES,
    Check,
    get,
    post,
)
from .urls import (
    agenda_move_url,
    api_format,
    at,
    job_url,
    obj_url,
    pick_url,
    query_url,
    record_url,
    report_url,
    template_url,
    unit_url,
)

# --------------------------------------------------------------------------------------------------
# The expectation table, keyed by URL name
# --------------------------------------------------------------------------------------------------

# Reading huyen-d together with thi-xa-t's resolution: nobody scoped may (404); for the
# administrator it is no question of access, and a page may serve it or refuse the mismatch.
ADMIN_CROSS = {(ADMIN, "cross"): (200, 404)}

# Writing on huyen-d with a reference to an object of thi-xa-t ("cross") through a page: those who may
# not manage huyen-d are refused as usual (403, or 404 for thi-xa-t's reporter); huyen-d's office gets
# the form back with the field refused (400), as if the object did not exist; so does the
# administrator, for whom it is a cross-unit link the services refuse.
PAGE_CROSS_WRITE = {
    (ADMIN, "cross"): 400,
    (OFFICE, "cross"): 400,
    **{(p, "cross"): 403 for p in (REPORTER, APPROVER, LEADER)},
    (TOWN, "cross"): 404,
}


def cross_import_ran(w, side, persona, _allowed):
    """A huyen-d workbook whose metadata names thi-xa-t's resolution: refused for whoever may not see
    that resolution (as an unknown one); the administrator's import runs, the resolution left aside."""
    from chitieu.imports.models import ImportJob, JobStatus

    job = ImportJob.objects.filter(user=w.users[persona]).order_by("-pk").first()
    want = JobStatus.DONE if persona == ADMIN else JobStatus.FAILED
    if job is None or job.status != want:
        return f"import job ended {getattr(job, 'status', None)}, expected {want}"
    return None


PAGE_ROUTES: dict[str, list[Check]] = {
    # ---- pages open to everybody or every logged-in user ----
    "orgs:home": [get("any", at("/"))],
    "orgs:tree": [get("any", at("/units/"))],
    # search answers only what the user may see (the other subtree's names must not appear)
    "search:search": [get("any", at("/search/?q=a"))],
    "search:unit_options": [
        get("any", at("/search/units/options/?field=unit&unit=a")),
        get(
            "view",
            lambda w, side, p: f"/search/units/options/?field=unit&unit=a&scope=under:{w.unit[side].code}",
            sides=UNIT_SIDES,
        ),
    ],
    "web:login": [get("any", at("/login/"), anon=200)],
    "web:logout": [
        get("any", at("/logout/"), ok=405),
        post("any", at("/logout/"), lambda w, s: {}, ok=302),
    ],
    "web:set_language": [
        post("any", at("/i18n/setlang/"), lambda w, s: {"language": "en", "next": "/"}, ok=302, anon=302),
    ],
    "web:healthz": [get("any", at("/healthz"), anon=200)],
    "indicators:indicator_list": [get("any", at("/indicators/"))],
    "indicators:indicator_detail": [
        get("any", at("/indicators/thu-ns/")),
        get("view", query_url("/indicators/thu-ns/"), sides=UNIT_SIDES),
    ],
    # ---- a unit and what hangs from it ----
    "reporting:unit_detail": [
        get("view", unit_url("reporting:unit_detail"), sides=UNIT_SIDES),
        # huyen-d's page filtered by thi-xa-t's resolution: no such resolution there, for anybody
        get(
            "view",
            lambda w, side, p: f"/units/huyen-d/?resolution={w.resolution['out'].pk}",
            sides=("cross",),
            fix={(ADMIN, "cross"): 404},
        ),
    ],
    "reporting:unit_dashboard": [
        get("view", unit_url("reporting:unit_dashboard", query={"period": "2023-H1"}), sides=UNIT_SIDES),
        get(
            "view",
            lambda w, side, p: (
                f"/units/huyen-d/dashboard/?period=2023-H1&resolution={w.resolution['out'].pk}"
            ),
            sides=("cross",),
            fix={(ADMIN, "cross"): 404},
        ),
    ],
    "reporting:results_edit": [
        get("enter_results", unit_url("reporting:results_edit", "2023-H1"), sides=UNIT_SIDES),
        post("enter_results", unit_url("reporting:results_edit", "2023-H1"), results_form, sides=UNIT_SIDES),
    ],
    "reporting:submission_action": [
        get("any", unit_url("reporting:submission_action", "2023-H1"), ok=405, sides=("in", "out")),
        post(
            "enter_results",
            unit_url("reporting:submission_action", "2023-H1"),
            lambda w, s: {"action": "submit"},
            sides=UNIT_SIDES,
            after=submission_became("2023-H1", "submitted"),
        ),
        # 2022-H1 was submitted when the data were built
        post(
            "approve",
            unit_url("reporting:submission_action", "2022-H1"),
            lambda w, s: {"action": "approve"},
            sides=UNIT_SIDES,
            after=submission_became("2022-H1", "approved"),
        ),
        post(
            "approve",
            unit_url("reporting:submission_action", "2022-H1"),
            lambda w, s: {"action": "reopen", "reason": "Sai số liệu"},
            sides=UNIT_SIDES,
            after=submission_became("2022-H1", "reopened"),
        ),
    ],
    # ---- validation rules and findings (issue 12) ----
    "validation:rules": [
        get("view", unit_url("validation:rules"), sides=UNIT_SIDES),
        post(
            "manage",
            unit_url("validation:rules"),
            lambda w, s: {
                "name": "Tối đa",
                "kind": "bounds",
                "severity": "soft",
                "scope": "all",
                "maximum": "5",
            },
            sides=UNIT_SIDES,
        ),
    ],
    "validation:quality": [get("view", unit_url("validation:quality"), sides=UNIT_SIDES)],
    "validation:finding_override": [
        get("any", obj_url("validation:finding_override", "finding"), ok=405, sides=IN_OUT),
        post(
            "review",
            obj_url("validation:finding_override", "finding"),
            lambda w, s: {"reason": "đã kiểm tra"},
            sides=IN_OUT,
        ),
    ],
    "audit:list": [get("any", at("/audit/")), get("view", query_url("/audit/"), sides=UNIT_SIDES)],
    "audit:export": [
        get("any", at("/audit/export.csv")),
        get("view", query_url("/audit/export.csv"), sides=UNIT_SIDES),
    ],
    # ---- the inbox ----
    "inbox:index": [
        get("any", at("/inbox/")),
        # the unit is a form choice offering only the units the user may upload for: any other one is
        # "not a valid choice" (400), the same as a code that does not exist
        post("upload", at("/inbox/"), inbox_form, sides=IN_OUT, denied=400, hidden=400),
    ],
    "inbox:document": [get("view", obj_url("inbox:document", "doc"), sides=IN_OUT)],
    "inbox:scan_page": [
        get(
            "view",
            lambda w, side, persona: reverse("inbox:scan_page", args=[w.doc[side].pk, 1]),
            sides=IN_OUT,
        )
    ],
    "inbox:correct": [
        get("any", obj_url("inbox:correct", "doc"), ok=405, sides=IN_OUT),
        post(
            "enter_results",
            obj_url("inbox:correct", "doc"),
            lambda w, s: {"text": "Sản lượng lúa đạt 31.000 tấn, tăng 2% so với cùng kỳ."},
            sides=IN_OUT,
        ),
    ],
    "inbox:decide": [
        get("any", obj_url("inbox:decide", "cand"), ok=405, sides=IN_OUT),
        post(
            "enter_results",
            obj_url("inbox:decide", "cand"),
            lambda w, s: {f"c{w.cand[s].pk}-action": "drop"},
            sides=IN_OUT,
            after=candidate_dropped,
        ),
    ],
    # ---- conferences and tasks ----
    "meetings:conference_list": [
        get("view", unit_url("meetings:conference_list"), sides=UNIT_SIDES),
        post("manage", unit_url("meetings:conference_list"), conference_form, sides=UNIT_SIDES),
        # references: another unit's term, another unit's resolution
        post(
            "manage",
            at("/units/huyen-d/conferences/"),
            conference_cross_term,
            sides=("cross",),
            fix=PAGE_CROSS_WRITE,
        ),
        post(
            "manage",
            at("/units/huyen-d/conferences/"),
            conference_cross_resolution,
            sides=("cross",),
            fix=PAGE_CROSS_WRITE,
        ),
    ],
    "meetings:conference_detail": [
        get("view", obj_url("meetings:conference_detail", "conf"), sides=IN_OUT),
        post(
            "manage",
            obj_url("meetings:conference_detail", "conf"),
            lambda w, s: {"form": "agenda", "agenda-text": "Đánh giá kết quả 6 tháng"},
            sides=IN_OUT,
        ),
        # reference: a task of huyen-d's conference given to thi-xa-t
        post(
            "manage",
            lambda w, side, p: f"/conferences/{w.conf['in'].pk}/",
            task_cross_unit,
            sides=("cross",),
            fix=PAGE_CROSS_WRITE,
        ),
    ],
    "meetings:task_list": [get("view", unit_url("meetings:task_list"), sides=UNIT_SIDES)],
    "meetings:task_detail": [
        get("view", obj_url("meetings:task_detail", "task"), sides=IN_OUT),
        post(
            "manage",
            obj_url("meetings:task_detail", "task"),
            lambda w, s: {
                "progress-date": "2023-07-01",
                "progress-text": "Đã triển khai",
                "progress-status": "in_progress",
            },
            sides=IN_OUT,
        ),
    ],
    "meetings:question_to_task": [
        get("any", obj_url("meetings:question_to_task", "question"), ok=405, sides=IN_OUT),
        post(
            "manage",
            obj_url("meetings:question_to_task", "question"),
            lambda w, s: {},
            ok="302→/tasks/*",
            sides=IN_OUT,
        ),
    ],
    # ---- correcting a conference and its records (journeys-cycle) ----
    "meetings:conference_ordinal": [
        get("manage", unit_url("meetings:conference_ordinal", query={"body": "executive"}), sides=UNIT_SIDES)
    ],
    "meetings:conference_edit": [
        get("manage", obj_url("meetings:conference_edit", "conf"), sides=IN_OUT),
        post("manage", obj_url("meetings:conference_edit", "conf"), conference_edit_form, sides=IN_OUT),
    ],
    "meetings:conference_minutes": [
        get("manage", obj_url("meetings:conference_minutes", "conf"), sides=IN_OUT),
        post(
            "manage",
            obj_url("meetings:conference_minutes", "conf"),
            lambda w, s: {"secretary": "Nguyễn Văn B", "members_total": "30", "members_present": "28"},
            sides=IN_OUT,
        ),
    ],
    "meetings:record_edit": [
        get("manage", record_url("meetings:record_edit", "question"), sides=IN_OUT),
        post(
            "manage",
            record_url("meetings:record_edit", "question"),
            lambda w, s: {"question": w.question[s].question, "commitment": w.question[s].commitment},
            sides=IN_OUT,
        ),
    ],
    "meetings:record_delete": [
        get("any", record_url("meetings:record_delete", "question"), ok=405, sides=IN_OUT),
        post("manage", record_url("meetings:record_delete", "question"), lambda w, s: {}, sides=IN_OUT),
    ],
    "meetings:agenda_move": [
        get("any", agenda_move_url, ok=405, sides=IN_OUT),
        post("manage", agenda_move_url, lambda w, s: {"direction": "down"}, sides=IN_OUT),
    ],
    "meetings:task_export": [get("view", unit_url("meetings:task_export"), sides=UNIT_SIDES)],
    "meetings:task_edit": [
        get("manage", obj_url("meetings:task_edit", "task"), sides=IN_OUT),
        post(
            "manage",
            obj_url("meetings:task_edit", "task"),
            lambda w, s: {"text": w.task[s].text, "unit": w.task[s].unit.code, "deadline": "2099-01-01"},
            sides=IN_OUT,
        ),
    ],
    "meetings:task_delete": [
        get("any", obj_url("meetings:task_delete", "task"), ok=405, sides=IN_OUT),
        post("manage", obj_url("meetings:task_delete", "task"), lambda w, s: {}, sides=IN_OUT),
    ],
    # ---- downloads ----
    "documents:report_docx": [
        get("view", report_url("documents:report_docx"), sides=(*UNIT_SIDES, "cross"), fix=ADMIN_CROSS)
    ],
    "documents:appendix_xlsx": [
        get("view", report_url("documents:appendix_xlsx"), sides=(*UNIT_SIDES, "cross"), fix=ADMIN_CROSS)
    ],
    "documents:notice_docx": [get("view", obj_url("documents:notice_docx", "conf"), sides=IN_OUT)],
    # ---- resolutions and targets ----
    "indicators:resolution_detail": [
        get("view", obj_url("indicators:resolution_detail", "resolution"), sides=IN_OUT)
    ],
    "indicators:targets_edit": [
        get("manage", obj_url("indicators:targets_edit", "resolution"), sides=IN_OUT),
        post("manage", obj_url("indicators:targets_edit", "resolution"), targets_form, sides=IN_OUT),
    ],
    # ---- spreadsheet imports ----
    "imports:index": [
        get("any", at("/imports/")),
        # everybody may upload; the job writes only what the importer may enter (see import_ran)
        post("any", at("/imports/"), import_form, sides=IN_OUT, after=import_ran),
        # reference: the workbook's metadata names thi-xa-t's resolution
        post("any", at("/imports/"), import_form, sides=("cross",), after=cross_import_ran),
    ],
    "imports:template_pick": [
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
    "imports:template": [get("view", template_url, sides=(*UNIT_SIDES, "cross"), fix=ADMIN_CROSS)],
    "imports:job": [get("own", job_url("imports:job"), sides=IN_OUT)],
    "imports:job_progress": [get("own", job_url("imports:job_progress"), sides=IN_OUT)],
}

ROUTES: dict[str, list[Check]] = {**PAGE_ROUTES, **API_ROUTES, **ADMIN_ROUTES}

# The DRF format-suffix twins (/api/v1/units.json) answer exactly as the routes they double.
for _name in ("unit", "term", "measureunit", "indicator", "resolution", "target", "result"):
    for _kind in ("list", "detail"):
        _base = ROUTES[f"api:{_name}-{_kind}"][0]
        ROUTES[f"api:{_name}-{_kind}.format"] = [
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
