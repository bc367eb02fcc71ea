"""The audit trail in words a clerk reads: the action in the user's language, the object by what it is
(indicator, unit, period — not ``reporting.result #21``), and for each changed field its label and
its value before and after, numbers written the user's way.

Everything here reads; nothing writes. ``describe`` takes one page of entries and answers one
``Row`` per entry with a bounded number of queries (one per kind of object and per kind of related
object on the page), whatever the page holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from chitieu.i18n import current_lang
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.lib.vnnum import format_number

from .context import DEMO_REQUEST_ID
from .models import AuditEntry

# The verbs of the trail, apart from the same English words elsewhere ("approved" as a status).
ACTIONS = {
    "create": pgettext_lazy("audit action", "created"),
    "update": pgettext_lazy("audit action", "changed"),
    "delete": pgettext_lazy("audit action", "deleted"),
    "submitted": pgettext_lazy("audit action", "submitted"),
    "approved": pgettext_lazy("audit action", "approved"),
    "reopened": pgettext_lazy("audit action", "reopened"),
    "draft": pgettext_lazy("audit action", "returned to draft"),
    "rename": pgettext_lazy("audit action", "renamed"),
    "dissolve": pgettext_lazy("audit action", "dissolved"),
    "grant": pgettext_lazy("audit action", "granted a role"),
    "revoke": pgettext_lazy("audit action", "revoked a role"),
    "agenda": pgettext_lazy("audit action", "changed the agenda"),
}

# Keys some services add to a snapshot beside the model's own fields.
EXTRA_LABELS = {
    "stated": gettext_lazy("stated percentages"),
    "indicators": gettext_lazy("indicators concerned"),
    "agenda": gettext_lazy("agenda"),
}
# Never shown as a change: bookkeeping every save moves, and who changed it (the "who" column says).
HIDDEN = {"id", "version", "updated_by_id", "granted_by_id"}
# Labels for the fields whose models give them no verbose name of their own.
FIELD_LABELS = {
    "user": gettext_lazy("user"),
    "predecessor": gettext_lazy("former unit"),
    "successor": gettext_lazy("successor unit"),
}


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))


def is_sample(entry: AuditEntry) -> bool:
    """Written by the demo's loader: sample data, not anybody's change."""
    return entry.request_id == DEMO_REQUEST_ID


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Row:
    entry: AuditEntry
    who: str
    is_person: bool
    sample: bool
    action: str
    kind: str
    words: str
    unit_name: str
    changes: list[Change] = field(default_factory=list)


# -- naming related objects -----------------------------------------------------------------------


def person_name(user) -> str:
    """A user as Vietnamese write a name, family name first ("Nguyễn Thị Lan"), else the username."""
    full = f"{user.last_name} {user.first_name}".strip()
    return full or user.get_username()


def _name(obj: models.Model) -> str:
    for attr in ("full_name", "name", "title", "text", "matter", "question"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value if len(value) <= 90 else value[:89] + "…"
    if hasattr(obj, "get_username"):
        return person_name(obj)
    return str(obj)


class Names:
    """Names of related objects by (model, pk), fetched in one query per model on first need."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set] = defaultdict(set)
        self.known: dict[tuple[type[models.Model], object], str] = {}

    def want(self, model: type[models.Model], pk) -> None:
        if pk not in (None, ""):
            self.wanted[model].add(pk)

    def fetch(self) -> None:
        for model, pks in self.wanted.items():
            missing = {pk for pk in pks if (model, pk) not in self.known}
            if not missing:
                continue
            qs = model._default_manager.filter(pk__in=missing)
            if model._meta.label_lower == "meetings.conference":
                qs = qs.select_related("unit")
            for obj in qs:
                # a conference is named by its body, ordinal and date; anything else by its name or text
                self.known[(model, obj.pk)] = (
                    str(obj) if model._meta.label_lower == "meetings.conference" else _name(obj)
                )
        self.wanted.clear()

    def get(self, model: type[models.Model], pk) -> str:
        return self.known.get((model, pk), f"#{pk}")


# -- values ---------------------------------------------------------------------------------------


def _number(value, lang: str) -> str | None:
    try:
        return format_number(Decimal(str(value)), lang=lang)
    except (InvalidOperation, ValueError, TypeError):
        return None


def _period(code) -> str:
    try:
        return parse_period(str(code)).label(current_lang())
    except (PeriodError, ValueError):
        return str(code)


def _value(f: models.Field | None, key: str, value, names: Names, lang: str) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if f is not None and f.is_relation and f.many_to_one:
        return names.get(f.related_model, value)
    if f is not None and f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField) or isinstance(value, bool):
        return _("yes") if value else _("no")
    if key == "period" or (f is not None and f.name == "period"):
        return _period(value)
    if isinstance(f, models.DateTimeField):
        when = parse_datetime(str(value))
        return when.strftime("%d/%m/%Y %H:%M") if when else str(value)
    if isinstance(f, models.DateField):
        day = parse_date(str(value))
        return day.strftime("%d/%m/%Y") if day else str(value)
    if isinstance(f, models.TimeField):
        t = parse_time(str(value))
        return t.strftime("%H:%M") if t else str(value)
    if isinstance(f, (models.DecimalField, models.IntegerField, models.FloatField)):
        return _number(value, lang) or str(value)
    if key == "indicators" and isinstance(value, list):
        return "; ".join(names.known.get(("indicator-code", code), code) for code in value)
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(", ".join(f"{k}: {_scalar(v, lang)}" for k, v in item.items()))
            elif isinstance(item, list):
                parts.append(" ".join(_scalar(v, lang) for v in item))
            else:
                parts.append(_scalar(item, lang))
        return "; ".join(parts)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_scalar(v, lang)}" for k, v in value.items())
    return str(value)


def _scalar(value, lang: str) -> str:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _number(value, lang) or str(value)
    if isinstance(value, str):
        number = _number(value, lang) if value.replace(".", "", 1).lstrip("-").isdigit() else None
        return number or value
    return str(value)


# -- describing a page of entries -----------------------------------------------------------------


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _fields(model: type[models.Model] | None) -> dict[str, models.Field]:
    if model is None:
        return {}
    out = {}
    for f in model._meta.concrete_fields:
        out[f.attname] = f
        out[f.name] = f
    return out


def _label(f: models.Field | None, key: str) -> str:
    if f is not None:
        if f.name in FIELD_LABELS and str(f.verbose_name) == f.name.replace("_", " "):
            return capfirst(str(FIELD_LABELS[f.name]))
        return capfirst(str(f.verbose_name))
    return capfirst(str(EXTRA_LABELS.get(key, key.replace("_", " "))))


def _live_words(obj: models.Model) -> str:
    """What the object is, in words, from the object itself."""
    label = obj._meta.label_lower
    if label in ("reporting.result", "indicators.target"):
        words = f"{obj.indicator.name} · {obj.unit.name} · {_period(obj.period)}"
        if label == "indicators.target":
            words += f" · {obj.get_basis_display()}"
        return words
    if label == "reporting.submission":
        return f"{obj.unit.name} · {_period(obj.period)}"
    if label == "access.roleassignment":
        return f"{_name(obj.user)} · {obj.get_role_display()} · {obj.unit.name}"
    if label == "meetings.taskupdate":
        return f"{_name(obj.task)} · {obj.date:%d/%m/%Y}"
    conference = getattr(obj, "conference", None) if label.startswith("meetings.") else None
    if label == "meetings.attendance":
        return f"{obj.person.full_name} · {conference}"
    if conference is not None and label != "meetings.task":
        return f"{_name(obj)} · {conference}"
    if label == "meetings.conference":
        return str(obj)
    return _name(obj)


SELECT = {
    "reporting.result": ("indicator__measure_unit", "unit"),
    "indicators.target": ("indicator__measure_unit", "unit"),
    "reporting.submission": ("unit",),
    "access.roleassignment": ("user", "unit"),
    "meetings.taskupdate": ("task",),
    "meetings.attendance": ("person", "conference__unit"),
    "meetings.agendaitem": ("conference__unit",),
    "meetings.presenteddocument": ("conference__unit",),
    "meetings.question": ("conference__unit",),
    "meetings.vote": ("conference__unit",),
    "meetings.limitation": ("conference__unit",),
    "meetings.conference": ("unit",),
    "meetings.task": ("conference__unit", "unit"),
    "orgs.unitlineage": ("predecessor", "successor"),
    "orgs.term": ("unit",),
    "reporting.reportingsetup": ("unit",),
    "indicators.resolution": ("unit",),
}


def _who(entry: AuditEntry) -> tuple[str, bool]:
    if entry.actor is not None:
        return person_name(entry.actor), True
    if entry.actor_name and entry.actor_name != "system":
        return entry.actor_name, True
    return _("the system"), False


def describe(entries: Iterable[AuditEntry]) -> list[Row]:
    entries = list(entries)
    lang = current_lang()
    names = Names()
    # the live objects, in one query per kind
    by_type: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        by_type[e.object_type].add(e.object_id)
    live: dict[tuple[str, str], models.Model] = {}
    for object_type, ids in by_type.items():
        model = _model(object_type)
        if model is None:
            continue
        pks = [i for i in ids if i.isdigit()] if isinstance(model._meta.pk, models.AutoField) else list(ids)
        qs = model._default_manager.filter(pk__in=pks)
        if object_type in SELECT:
            qs = qs.select_related(*SELECT[object_type])
        for obj in qs:
            live[(object_type, str(obj.pk))] = obj
    # the related objects the snapshots name by id, and the indicators a limitation lists by code
    codes: set[str] = set()
    for e in entries:
        fields = _fields(_model(e.object_type))
        for state in (e.before, e.after):
            if not isinstance(state, dict):
                continue
            for key, value in state.items():
                f = fields.get(key)
                if f is not None and f.is_relation and f.many_to_one:
                    names.want(f.related_model, value)
                elif key == "indicators" and isinstance(value, list):
                    codes.update(str(c) for c in value)
    for e in entries:  # objects since deleted are named from their last state, with their conference
        state = e.before if isinstance(e.before, dict) else None
        if state and (e.object_type, e.object_id) not in live and "conference_id" in state:
            names.want(apps.get_model("meetings", "Conference"), state["conference_id"])
    names.fetch()
    if codes:
        from chitieu.indicators.models import Indicator

        for code, name in Indicator.objects.filter(code__in=codes).values_list("code", "name"):
            names.known[("indicator-code", code)] = name
    rows = []
    for e in entries:
        model = _model(e.object_type)
        fields = _fields(model)
        obj = live.get((e.object_type, e.object_id))
        words = _live_words(obj) if obj is not None else _gone_words(e, fields, names)
        who, is_person = _who(e)
        rows.append(
            Row(
                entry=e,
                who=who,
                is_person=is_person,
                sample=is_sample(e),
                action=action_label(e.action),
                kind=capfirst(str(model._meta.verbose_name)) if model is not None else e.object_type,
                words=words,
                unit_name=e.unit.name if e.unit_id and e.unit else "",
                changes=_changes(e, fields, names, lang, obj),
            )
        )
    return rows


def _gone_words(e: AuditEntry, fields: dict, names: Names) -> str:
    """An object since deleted: named from its last known state, else as it was written down."""
    state = e.before if isinstance(e.before, dict) else e.after if isinstance(e.after, dict) else {}
    text = next(
        (state[k] for k in ("full_name", "name", "title", "text", "matter", "question") if state.get(k)), ""
    )
    if text and len(text) > 90:
        text = text[:89] + "…"
    conference = state.get("conference_id")
    if conference is not None and "conference_id" in fields:
        conf_name = names.get(fields["conference_id"].related_model, conference)
        return f"{text} · {conf_name}" if text else conf_name
    return text or e.object_repr


def _with_measure(obj, key: str, text: str) -> str:
    """A figure's value with its unit of measure ("31.167 tỷ đồng")."""
    if obj is None or key != "value" or text == "—":
        return text
    indicator = getattr(obj, "indicator", None)
    unit = getattr(indicator, "measure_unit", None) if indicator is not None else None
    symbol = getattr(unit, "symbol", "") if unit is not None else ""
    return f"{text} {symbol}".strip()


def _changes(e: AuditEntry, fields: dict, names: Names, lang: str, obj) -> list[Change]:
    before = e.before if isinstance(e.before, dict) else {}
    after = e.after if isinstance(e.after, dict) else {}
    keys = list(dict.fromkeys([*before, *after]))
    out = []
    for key in keys:
        if key in HIDDEN:
            continue
        old, new = before.get(key), after.get(key)
        if key in before and key in after and old == new:
            continue
        if e.before is None and new in (None, "", [], False):
            continue  # a new object: its empty fields say nothing
        if e.after is None and old in (None, "", [], False):
            continue
        f = fields.get(key)
        b = _value(f, key, old, names, lang) if e.before is not None else "—"
        a = _value(f, key, new, names, lang) if e.after is not None else "—"
        out.append(Change(_label(f, key), _with_measure(obj, key, b), _with_measure(obj, key, a)))
    return out
