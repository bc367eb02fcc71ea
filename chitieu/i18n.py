"""Small helpers shared by services, views and templates: the active language, dates as
Vietnamese write them, and whether an actor is a real user (services also run from commands)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import get_language


def current_lang() -> str:
    """ "vi" or "en": the language numbers and periods are written in."""
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def dmy(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def is_user(actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)
