"""The part of the access matrix's route table that covers the REST API (/api/v1/): lists and details
read and written as every persona, including writes on huyen-d that name an object of thi-xa-t
(the "cross" side). The format-suffix twins are derived from these in routes.py.
"""

from __future__ import annotations

from .rules import (
    ADMIN,
    APPROVER,
    IN_OUT,
    LEADER,
    REPORTER,
    TOWN,
    UNIT_SIDES,
    Check,
    api_get,
    api_post,
    get,
    patch,
)
from .urls import api, api_detail, at, query_url

# Writing on huyen-d with a reference to an object of thi-xa-t ("cross"): whoever cannot see the
# referenced object gets the answer for an unknown one (400); the administrator's write is a
# cross-unit link the services refuse as well (400).
# (Those who may not manage huyen-d at all may equally be told 403 or 404.)
CROSS_WRITE = {
    (ADMIN, "cross"): 400,
    **{(p, "cross"): (400, 403) for p in (REPORTER, APPROVER, LEADER)},
    (TOWN, "cross"): (400, 404),
}

API_ROUTES: dict[str, list[Check]] = {
    # ---- the REST API ----
    "api:api-root": [api_get("any", at("/api/v1/"))],
    "api:api-root.format": [api_get("any", at("/api/v1/.json"))],
    "api:schema": [
        # the OpenAPI schema is public on purpose (login_not_required): it holds no data
        get("any", at("/api/schema/"), anon=200),
    ],
    "api:unit-list": [
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
    "api:unit-detail": [
        api_get("view", api_detail("unit", "unit", "code"), sides=UNIT_SIDES),
        patch(
            "any", api_detail("unit", "unit", "code"), lambda w, s: {"name": "Đổi tên"}, ok=405, sides=IN_OUT
        ),
    ],
    "api:term-list": [
        api_get("any", api("term")),
        api_post("any", api("term"), lambda w, s: {"start_year": 2025, "end_year": 2030}, ok=405),
    ],
    "api:term-detail": [
        api_get("view", api_detail("term", "term"), sides=IN_OUT),
        patch("any", api_detail("term", "term"), lambda w, s: {"end_year": 2026}, ok=405, sides=IN_OUT),
    ],
    "api:measureunit-list": [
        api_get("any", api("measureunit")),
        api_post(
            "any",
            api("measureunit"),
            lambda w, s: {"code": "ha", "symbol": "ha", "dimension": "area", "factor": "1"},
            ok=405,
        ),
    ],
    "api:measureunit-detail": [
        api_get("any", api_detail("measureunit", fixed="ty-dong")),
        patch("any", api_detail("measureunit", fixed="ty-dong"), lambda w, s: {"symbol": "tỷ"}, ok=405),
    ],
    "api:indicator-list": [
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
    "api:indicator-detail": [
        api_get("any", api_detail("indicator", fixed="thu-ns")),
        patch("admin-only", api_detail("indicator", fixed="thu-ns"), lambda w, s: {"name": "Thu NSNN"}),
    ],
    "api:resolution-list": [
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
    "api:resolution-detail": [
        api_get("view", api_detail("resolution", "resolution"), sides=IN_OUT),
        patch(
            "manage", api_detail("resolution", "resolution"), lambda w, s: {"title": "Đã sửa"}, sides=IN_OUT
        ),
    ],
    "api:target-list": [
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
        # nor a target of huyen-d to thi-xa-t's resolution (within that resolution's year, so that the
        # reference alone is what is wrong)
        api_post(
            "manage",
            api("target"),
            lambda w, s: {
                "indicator": "thu-ns",
                "unit": "huyen-d",
                "period": "2023",
                "basis": "estimate_local",
                "value": "140",
                "resolution": w.resolution["out"].pk,
            },
            sides=("cross",),
            hidden=400,
            fix=CROSS_WRITE,
        ),
    ],
    "api:target-detail": [
        api_get("view", api_detail("target", "target"), sides=IN_OUT),
        patch(
            "manage",
            api_detail("target", "target"),
            lambda w, s: {"value": "132", "expected_version": w.target[s].version},
            sides=IN_OUT,
        ),
    ],
    "api:result-list": [
        api_get("any", api("result")),
        api_get("view", query_url("/api/v1/results/", subtree="1"), sides=UNIT_SIDES, hidden=400),
        api_post(
            "enter_results",
            api("result"),
            lambda w, s: {"indicator": "thu-ns", "unit": w.unit[s].code, "period": "2024-Q1", "value": "12"},
            sides=UNIT_SIDES,
        ),
    ],
    "api:result-detail": [
        api_get("view", api_detail("result", "result"), sides=UNIT_SIDES),
        patch(
            "enter_results",
            api_detail("result", "result"),
            lambda w, s: {"value": "41", "expected_version": w.result[s].version},
            sides=UNIT_SIDES,
        ),
    ],
}
