"""Scope on every reference: the checks the services make on each object a user names in a write.

A route checks the unit it acts on; a write also names other objects (the resolution a target
belongs to, the document a figure was read from, the conference a task comes from, the unit a task is
given to). Each of those is checked here, by the service that makes the write, so that a form, the API
and an import are held to the same rule:

    the actor must be able to see the object       else it is refused like an id that does not
                                                    exist (ValidationError on the field: 400)
    the actor must be allowed to act on the unit   else PermissionDenied (403)

The actor ``None`` is the system (commands run without a user, the demo loader): it is trusted, as
before. An anonymous user is refused everything. Indicators and measure units form one catalogue
shared by every unit: any user may name any of them. People (a task's owner, who asked a question)
are named by their full name, not by an id, and are not bound to a unit.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from .scope import can


def is_system(actor) -> bool:
    return actor is None


def _unit_id(unit) -> int | None:
    return getattr(unit, "pk", unit)


def _may(actor, action: str, unit) -> bool:
    if is_system(actor):
        return True
    if not getattr(actor, "is_authenticated", False):
        return False
    if unit is None:
        return False
    return can(actor, action, unit)


def require_action(actor, unit, *actions: str) -> None:
    """The actor may do one of ``actions`` on ``unit`` (PermissionDenied otherwise)."""
    if any(_may(actor, a, unit) for a in actions):
        return
    raise PermissionDenied(_("You may not do this on {unit}.").format(unit=getattr(unit, "name", unit)))


def _unknown_messages() -> dict[str, str]:
    return {
        "resolution": _("There is no resolution with the id {id}."),
        "document": _("There is no document with the id {id}."),
        "term": _("There is no term with the id {id}."),
    }


def unknown(field: str, kind: str, ident) -> ValidationError:
    """The refusal of an id that does not exist, word for word the same for one the user may not see."""
    return ValidationError({field: _unknown_messages()[kind].format(id=ident)}, code="does_not_exist")


def require_visible(actor, field: str, obj, *, unit, kind: str) -> None:
    """``obj`` (held by ``unit``) is visible to the actor, else refused as if it did not exist."""
    if obj is None:
        return
    if not _may(actor, "view", unit):
        raise unknown(field, kind, obj.pk)


def resolution_reference(
    actor, resolution, *, unit, field: str = "resolution", from_above: bool = False
) -> None:
    """A target's or conference's resolution: visible to the actor and adopted by the same unit. A
    target may also belong to a resolution of a unit above (``from_above``): a district's resolution
    assigns targets to its communes (giao chỉ tiêu cho các xã) — never to a unit outside its subtree."""
    if resolution is None:
        return
    require_visible(actor, field, resolution, unit=resolution.unit, kind="resolution")
    unit_id = _unit_id(unit)
    if resolution.unit_id == unit_id:
        return
    if from_above and unit_id is not None:
        from chitieu.orgs.selectors import unit_ancestor_ids

        if resolution.unit_id in unit_ancestor_ids(unit_id):
            return
    raise ValidationError(
        {
            field: _("Resolution {id} belongs to {owner}, not to {unit}.").format(
                id=resolution.pk, owner=resolution.unit.name, unit=getattr(unit, "name", unit)
            )
        },
        code="other_unit",
    )


def document_reference(actor, document, field: str = "source_document") -> None:
    """The document a figure or conference was read from: visible to the actor."""
    if document is None:
        return
    require_visible(actor, field, document, unit=document.unit, kind="document")


def term_reference(actor, term, *, unit, field: str = "term") -> None:
    """A resolution's or conference's term: visible to the actor and the same unit's."""
    if term is None:
        return
    require_visible(actor, field, term, unit=term.unit, kind="term")
    if term.unit_id != _unit_id(unit):
        raise ValidationError({field: _("That term belongs to another unit.")}, code="other_unit")
