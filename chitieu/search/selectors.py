"""Finding units and indicators by name or code, without caring for diacritics or case: "vinh hung"
finds Huyện Vĩnh Hưng. Names are folded in Python (SQLite has no unaccent, and PostgreSQL's needs an
extension), and the units' folded names are kept per process (see _unit_rows)."""

from __future__ import annotations

import datetime as dt
import time
from functools import lru_cache

from django.db.models import Count, Max, Sum
from django.db.models.functions import Length
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from chitieu.access.scope import unit_ids_for
from chitieu.indicators.models import Indicator
from chitieu.lib.text import fold
from chitieu.orgs.models import Unit

# Names fold once per process: a picker reads ~14,000 unit names nationally on each keystroke, and
# folding them all took ~50 ms; looked up, they take a few. A renamed unit is simply a new name.
_fold_name = lru_cache(maxsize=65536)(fold)


def _score(query_words: list[str], folded_query: str, name: str, code: str) -> tuple | None:
    """None when some word of the query is in neither the name nor the code; else a sort key (smaller
    is better): exact name or code, then names starting with the query, then words starting so."""
    haystack = f"{name} {code}"
    if not all(w in haystack for w in query_words):
        return None
    if folded_query in (name, code):
        return (0,)
    words = name.split()
    # "vinh hung" should rank "Huyện Vĩnh Hưng" above "Xã Vĩnh Hưng Tây": the kind word is skipped.
    tail = " ".join(words[1:]) if len(words) > 1 else name
    if tail == folded_query:
        return (1,)
    if name.startswith(folded_query) or tail.startswith(folded_query) or code.startswith(folded_query):
        return (2,)
    if all(any(word.startswith(w) for word in words) for w in query_words):
        return (3,)
    return (4,)


# The folded names of every unit, kept per process: reading and folding ~14,000 rows took ~130 ms on
# each keystroke of a picker, the check that they are still current ~3 ms. A save or delete in this
# process clears them; another process's change shows in the fingerprint (count, highest id, sum of
# versions — a rename bumps the version — and of name lengths), and nothing is kept over a minute.
_TTL = 60.0
_units_cache: dict = {"key": None, "at": 0.0, "rows": ()}


def _clear_units_cache(**_kwargs) -> None:
    _units_cache["key"] = None


post_save.connect(_clear_units_cache, sender=Unit, dispatch_uid="search-units-cache-save")
post_delete.connect(_clear_units_cache, sender=Unit, dispatch_uid="search-units-cache-delete")


def _unit_rows() -> tuple:
    key = tuple(
        Unit.objects.aggregate(
            n=Count("pk"), top=Max("pk"), versions=Sum("version"), lengths=Sum(Length("name"))
        ).values()
    )
    now = time.monotonic()
    if _units_cache["key"] != key or now - _units_cache["at"] > _TTL:
        rows = tuple(
            (pk, code.lower(), fold(name), name, valid_to, f"{fold(name)} {code.lower()}")
            for pk, code, name, valid_to in Unit.objects.values_list("pk", "code", "name", "valid_to")
        )
        _units_cache.update(key=key, at=now, rows=rows)
    return _units_cache["rows"]


def units_matching(
    user,
    query: str,
    *,
    limit: int = 20,
    queryset=None,
    on: dt.date | None = None,
    all_units: bool = False,
) -> list[Unit]:
    """Units the user may see whose name or code contains every word of ``query``, best first;
    units existing today before former ones, shorter names first. ``all_units``: the caller's
    ``queryset`` is already what the user may choose from."""
    folded_query = fold(query)
    words = folded_query.split()
    if not words:
        return []
    allowed = None if queryset is None else set(queryset.values_list("pk", flat=True))
    visible = None if all_units else unit_ids_for(user, "view")
    today = on or timezone.localdate()
    scored = []
    for pk, code, folded, name, valid_to, haystack in _unit_rows():
        if not all(w in haystack for w in words):
            continue  # the cheap test first: most of 14,000 names do not match
        if (allowed is not None and pk not in allowed) or (visible is not None and pk not in visible):
            continue
        s = _score(words, folded_query, folded, code)
        if s is not None:
            former = valid_to is not None and valid_to <= today
            scored.append(((former, *s, len(name), name), pk))
    scored.sort()
    ids = [pk for _rank, pk in scored[:limit]]
    units = Unit.objects.in_bulk(ids)
    return [units[i] for i in ids if i in units]


def indicators_matching(query: str, *, limit: int = 20) -> list[Indicator]:
    """Indicators whose name (Vietnamese or English) or code contains every word of ``query``."""
    folded_query = fold(query)
    words = folded_query.split()
    if not words:
        return []
    scored = []
    for pk, code, name, name_en in Indicator.objects.values_list("pk", "code", "name", "name_en"):
        s = _score(words, folded_query, _fold_name(name), code.lower())
        if s is None and name_en:
            s = _score(words, folded_query, _fold_name(name_en), code.lower())
        if s is not None:
            scored.append(((*s, len(name), name), pk))
    scored.sort()
    ids = [pk for _rank, pk in scored[:limit]]
    found = Indicator.objects.select_related("measure_unit").in_bulk(ids)
    return [found[i] for i in ids]
