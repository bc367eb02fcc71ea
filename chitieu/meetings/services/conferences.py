"""Preparing a conference, correcting its details and writing its minutes (biên bản)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from chitieu.access.references import document_reference, require_action, resolution_reference, term_reference
from chitieu.audit.services import snapshot
from chitieu.i18n import dmy
from chitieu.orgs.models import Term, Unit
from chitieu.reporting.services import period_parse

from ..choices import Body
from ..models import Conference
from ._common import audit, version_check

# Bodies whose conferences are numbered within the term ("Hội nghị Ban Chấp hành lần thứ 14").
NUMBERED_BODIES = frozenset({Body.EXECUTIVE, Body.STANDING, Body.CONGRESS})


def next_ordinal(*, unit: Unit, body: str, term: Term | None) -> int:
    """The ordinal to propose: one more than the last within the same body and term (restarting per term)."""
    last = Conference.objects.filter(unit=unit, body=body, term=term).aggregate(m=Max("ordinal"))["m"]
    return (last or 0) + 1


def proposed_ordinal(*, unit: Unit, body: str, term: Term | None) -> int | None:
    """The ordinal a new conference of this body would take, or None for bodies that are not numbered."""
    return next_ordinal(unit=unit, body=body, term=term) if body in NUMBERED_BODIES else None


def _checks(
    *, unit: Unit, body: str, term: Term | None, date: dt.date, ordinal: int | None, exclude: int | None
) -> None:
    if term is not None and term.unit_id != unit.pk:
        raise ValidationError({"term": _("That term belongs to another unit.")})
    if term is not None and not (term.start_year <= date.year <= term.end_year):
        raise ValidationError(
            {"date": _("{date} lies outside the term {term}.").format(date=dmy(date), term=term)}
        )
    if not unit.exists_on(date):
        raise ValidationError(
            {"date": _("{unit} did not exist on {date}.").format(unit=unit.name, date=dmy(date))}
        )
    if ordinal is not None:
        clash = (
            Conference.objects.filter(unit=unit, body=body, term=term, ordinal=ordinal)
            .exclude(pk=exclude)
            .first()
        )
        if clash is not None:
            raise ValidationError(
                {
                    "ordinal": _(
                        "Conference no. {n} of this body in this term already exists ({date}); the next free one is {free}."
                    ).format(
                        n=ordinal, date=dmy(clash.date), free=next_ordinal(unit=unit, body=body, term=term)
                    )
                }
            )


@transaction.atomic
def conference_create(
    *,
    unit: Unit,
    body: str,
    date: dt.date,
    term: Term | None = None,
    ordinal: int | None = None,
    propose_ordinal: bool = True,
    kind: str = "regular",
    title: str = "",
    place: str = "",
    period: str = "",
    resolution=None,
    minutes: str = "",
    source_document=None,
    actor=None,
) -> Conference:
    require_action(actor, unit, "manage")
    term_reference(actor, term, unit=unit)
    resolution_reference(actor, resolution, unit=unit)
    document_reference(actor, source_document)
    if ordinal is None and propose_ordinal:
        ordinal = proposed_ordinal(unit=unit, body=body, term=term)
    _checks(unit=unit, body=body, term=term, date=date, ordinal=ordinal, exclude=None)
    if period:
        period = period_parse(period).code
    conf = Conference(
        unit=unit,
        body=body,
        term=term,
        ordinal=ordinal,
        kind=kind,
        title=title,
        date=date,
        place=place,
        period=period,
        resolution=resolution,
        minutes=minutes,
        source_document=source_document,
    )
    conf.full_clean(validate_constraints=False)
    conf.save()
    audit(actor, "create", conf, unit)
    return conf


DETAIL_FIELDS = ("body", "term", "ordinal", "kind", "title", "date", "place", "period", "resolution")


@transaction.atomic
def conference_update(
    *, actor, conference: Conference, expected_version: int | None = None, **details
) -> Conference:
    """Correct a conference's details (body, term, ordinal, kind, title, date, place, period under
    review, resolution). Fields not given keep their value; an empty ordinal stays empty here."""
    require_action(actor, conference.unit, "manage")
    conf = Conference.objects.select_for_update().get(pk=conference.pk)
    version_check(conf, expected_version)
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"conference_update() got unexpected fields {sorted(unknown)}")
    before = snapshot(conf)
    for name, value in details.items():
        setattr(conf, name, value)
    term_reference(actor, conf.term, unit=conf.unit)
    resolution_reference(actor, conf.resolution, unit=conf.unit)
    _checks(
        unit=conf.unit, body=conf.body, term=conf.term, date=conf.date, ordinal=conf.ordinal, exclude=conf.pk
    )
    if conf.period:
        conf.period = period_parse(conf.period).code
    if snapshot(conf) == before:
        return conf
    conf.version += 1
    conf.full_clean(validate_constraints=False)
    conf.save(update_fields=[*DETAIL_FIELDS, "version"])
    audit(actor, "update", conf, conf.unit, before=before)
    return conf


MINUTES_FIELDS = (
    "opened_at",
    "closed_at",
    "secretary",
    "members_total",
    "members_present",
    "absent_note",
    "minutes",
    "conclusion",
)


@transaction.atomic
def conference_minutes_save(
    *,
    actor,
    conference: Conference,
    expected_version: int | None = None,
    opened_at: dt.time | None = None,
    closed_at: dt.time | None = None,
    secretary: str = "",
    members_total: int | None = None,
    members_present: int | None = None,
    absent_note: str = "",
    minutes: str = "",
    conclusion: str = "",
) -> Conference:
    """The minutes (biên bản) of the conference: opening and closing time, who kept them, attendance
    of the body's members, the proceedings and the chair's conclusion."""
    require_action(actor, conference.unit, "manage")
    conf = Conference.objects.select_for_update().get(pk=conference.pk)
    version_check(conf, expected_version)
    if opened_at and closed_at and closed_at <= opened_at:
        raise ValidationError(
            {
                "closed_at": _("The conference cannot close ({closed}) before it opened ({opened}).").format(
                    closed=closed_at.strftime("%H:%M"), opened=opened_at.strftime("%H:%M")
                )
            }
        )
    if members_total is not None and members_present is not None and members_present > members_total:
        raise ValidationError(
            {
                "members_present": _(
                    "{present} members present is more than the {total} members of the body."
                ).format(present=members_present, total=members_total)
            }
        )
    before = snapshot(conf)
    conf.opened_at, conf.closed_at = opened_at, closed_at
    conf.secretary = " ".join((secretary or "").split())
    conf.members_total, conf.members_present = members_total, members_present
    conf.absent_note = (absent_note or "").strip()
    conf.minutes = (minutes or "").strip()
    conf.conclusion = (conclusion or "").strip()
    if snapshot(conf) == before:
        return conf
    conf.version += 1
    conf.full_clean(validate_constraints=False)
    conf.save(update_fields=[*MINUTES_FIELDS, "version"])
    audit(actor, "update", conf, conf.unit, before=before)
    return conf
