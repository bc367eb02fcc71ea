"""The one access layer: what a user may do, on which units.

Roles are held on a unit and reach its whole subtree. Actions:

    view           read a unit's figures, conferences, documents       every role
    enter_results  enter, import and extract results                   reporter, administrator
    approve        submit-approve-reopen results                       approver, administrator
    manage         targets, resolutions, conferences, documents, tasks  office, administrator
    personnel      see personnel votes                                 leader, office, administrator
    administer     settings of a unit (e.g. allowing self-approval)    administrator
    catalogue      edit the indicator catalogue                        office on a root unit, administrator

A superuser is an administrator everywhere. `unit_ids_for` returns None for "every unit".
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404

from .choices import Role
from .models import RoleAssignment

ACTIONS: dict[str, set[str]] = {
    "view": {Role.REPORTER, Role.APPROVER, Role.LEADER, Role.OFFICE, Role.ADMIN},
    "enter_results": {Role.REPORTER, Role.ADMIN},
    "approve": {Role.APPROVER, Role.ADMIN},
    "manage": {Role.OFFICE, Role.ADMIN},
    "personnel": {Role.LEADER, Role.OFFICE, Role.ADMIN},
    "administer": {Role.ADMIN},
}

_SUBTREES_SQL = """
WITH RECURSIVE sub(id) AS (
    SELECT id FROM orgs_unit WHERE id IN ({roots})
    UNION
    SELECT u.id FROM orgs_unit u JOIN sub ON u.parent_id = sub.id
)
SELECT id FROM sub
"""


def is_global_admin(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_superuser)


def _assignments(user) -> list[tuple[int, str]]:
    cache = getattr(user, "_chitieu_roles", None)
    if cache is None:
        cache = list(RoleAssignment.objects.filter(user=user).values_list("unit_id", "role"))
        user._chitieu_roles = cache
    return cache


def _subtrees(roots: set[int]) -> set[int]:
    if not roots:
        return set()
    placeholders = ", ".join(["%s"] * len(roots))
    with connection.cursor() as cur:
        cur.execute(_SUBTREES_SQL.format(roots=placeholders), list(roots))
        return {r[0] for r in cur.fetchall()}


def unit_ids_for(user, action: str) -> set[int] | None:
    """The ids of the units on which `user` may do `action`; None means every unit."""
    if action not in ACTIONS and action != "catalogue":
        raise ValueError(f"unknown action {action!r}")
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if is_global_admin(user):
        return None
    cache: dict = user.__dict__.setdefault("_chitieu_scope", {})
    if action in cache:
        return cache[action]
    if action == "catalogue":
        from chitieu.orgs.models import Unit

        roots = {u for u, r in _assignments(user) if r in (Role.OFFICE, Role.ADMIN)}
        ids = roots & set(Unit.objects.filter(parent__isnull=True).values_list("id", flat=True))
        cache[action] = _subtrees(ids) if ids else set()
        return cache[action]
    roots = {u for u, r in _assignments(user) if r in ACTIONS[action]}
    cache[action] = _subtrees(roots)
    return cache[action]


def can(user, action: str, unit) -> bool:
    ids = unit_ids_for(user, action)
    return ids is None or (unit is not None and unit.pk in ids)


def personnel_unit_ids(user) -> set[int] | None:
    """The units whose personnel votes the user may see (None: all of them): the "personnel" action,
    or the global permission meetings.view_personnel."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if user.has_perm("meetings.view_personnel"):
        return None
    return unit_ids_for(user, "personnel")


def can_see_personnel_of(user, unit) -> bool:
    ids = personnel_unit_ids(user)
    return ids is None or (unit is not None and unit.pk in ids)


def can_edit_catalogue(user) -> bool:
    ids = unit_ids_for(user, "catalogue")
    return ids is None or bool(ids)


def restrict(qs, user, action: str = "view", field: str = "unit"):
    """Filter a queryset to the rows whose unit the user may act on."""
    ids = unit_ids_for(user, action)
    if ids is None:
        return qs
    return qs.filter(**{f"{field}__in": ids})


def check(user, action: str, unit) -> None:
    """404 when the user may not even see the unit, 403 when they see it but may not do this."""
    if can(user, action, unit):
        return
    if action != "view" and can(user, "view", unit):
        raise PermissionDenied(action)
    raise Http404


def get_unit_for_user(user, code: str, action: str = "view"):
    from chitieu.orgs.models import Unit

    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise Http404
    check(user, action, unit)
    return unit


def roles_summary(user) -> list[tuple[str, str]]:
    from chitieu.orgs.models import Unit

    names = dict(Unit.objects.filter(pk__in={u for u, _r in _assignments(user)}).values_list("id", "name"))
    return [(names.get(u, "?"), str(Role(r).label)) for u, r in _assignments(user)]
