"""The URL builders of the access matrix: each takes the world, the side the object lies on and the
persona, and answers the address to request (a unit's page, an object's page, a report with its
resolution, an import job of the persona's own or somebody else's, an API list or detail, and the
same through DRF's format suffix).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from .rules import Url


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


def record_url(name: str, kind: str) -> Url:
    """A record of a conference (`w.<kind>[side]`, e.g. its question) on its conference's routes."""
    return lambda w, side, persona: reverse(name, args=[w.conf[side].pk, kind, getattr(w, kind)[side].pk])


def agenda_move_url(w, side, persona):
    return reverse("meetings:agenda_move", args=[w.conf[side].pk, w.agenda[side].pk])


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
    url = reverse("imports:template", args=[unit.code, "2023-H1"])
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
    return at(reverse(f"api:{basename}-list"))


def api_detail(basename: str, attr: str | None = None, key: str = "pk", fixed=None) -> Url:
    def build(w, side, persona):
        if fixed is not None:
            return reverse(f"api:{basename}-detail", args=[fixed])
        return reverse(f"api:{basename}-detail", args=[getattr(getattr(w, attr)[side], key)])

    return build


def api_format(name: str, base: Url) -> Url:
    """The same route through DRF's format suffix: /api/v1/units.json, /api/v1/units/huyen-d.json."""

    def build(w, side, persona):
        url = base(w, side, persona)
        return url.rstrip("/") + ".json"

    return build
