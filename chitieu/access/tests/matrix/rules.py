"""The personas of the access matrix, the roles they hold, the rules their answers follow (`may`,
`sees`, `expected_for`, written independently of chitieu/access/scope.py), what must never reach a
persona scoped to one subtree (`SECRETS`), and the `Check` an expectation of the route table is
written as, with its constructors for pages, forms and the API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

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
    # a validation finding is overridden by whoever approves or manages the unit's figures
    "review": {"approver", "office"},
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
# Personnel votes (each subtree holds one) are seen by leaders, the office and the administrator only:
# a reporter or an approver must not meet their matter or their blocs anywhere, inside its own subtree
# included (the conference page, the audit trail and its export, every download).
PERSONNEL_SECRETS = ("Bầu bổ sung Ủy viên Ban Thường vụ", "Khối phiếu kín")
SECRETS = {
    REPORTER: OUTSIDE_SECRETS + PERSONNEL_SECRETS,
    APPROVER: OUTSIDE_SECRETS + PERSONNEL_SECRETS,
    LEADER: OUTSIDE_SECRETS,
    OFFICE: OUTSIDE_SECRETS,
    TOWN: INSIDE_SECRETS + PERSONNEL_SECRETS,
}

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
    if check.need in ("view", "enter_results", "approve", "manage", "upload", "review") and not sees(
        persona, side
    ):
        return check.hidden
    return check.denied


# --------------------------------------------------------------------------------------------------
# One expectation of the table (see routes.py)
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
