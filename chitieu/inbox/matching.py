"""Suggest a catalogue indicator for an indicator as written, learning from reviewers' choices."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from chitieu.indicators.models import Indicator

from .models import IndicatorAlias

# Below this a suggestion is more likely wrong than useful: leave the choice to the reviewer.
MIN_SCORE = 60.0


def alias_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


@dataclass(frozen=True)
class Suggestion:
    indicator: Indicator | None
    score: float
    learnt: bool = False


class Matcher:
    """Built once per document: the catalogue and the aliases in memory, one query each."""

    def __init__(self) -> None:
        self.indicators = list(Indicator.objects.select_related("measure_unit"))
        self.by_pk = {i.pk: i for i in self.indicators}
        self.names = {i.pk: alias_key(i.name) for i in self.indicators}
        self.aliases: dict[str, list[tuple[int, int]]] = {}
        for a in IndicatorAlias.objects.all():
            self.aliases.setdefault(a.text, []).append((a.uses, a.indicator_id))

    def suggest(self, text: str, unit_text: str | None = None) -> Suggestion:
        key = alias_key(text)
        if not key:
            return Suggestion(None, 0.0)
        learnt = self.aliases.get(key)
        if learnt:
            uses, pk = max(learnt)
            return Suggestion(self.by_pk[pk], 100.0, learnt=True)
        choices = dict(self.names)
        for alias, entries in self.aliases.items():
            for _uses, pk in entries:
                choices[f"alias:{alias}:{pk}"] = alias
        best = process.extract(key, choices, scorer=fuzz.token_set_ratio, limit=5)
        ranked = []
        for _label, score, ref in best:
            pk = int(str(ref).rsplit(":", 1)[-1]) if isinstance(ref, str) else ref
            ind = self.by_pk[pk]
            # Prefer an indicator whose unit matches what the text says.
            bonus = 5 if unit_text and alias_key(ind.measure_unit.symbol) == alias_key(unit_text) else 0
            ranked.append((score + bonus, fuzz.ratio(key, self.names[pk]), ind))
        if not ranked:
            return Suggestion(None, 0.0)
        score, _tie, ind = max(ranked, key=lambda r: (r[0], r[1]))
        if score < MIN_SCORE:
            return Suggestion(None, float(score))
        return Suggestion(ind, float(min(score, 100.0)))


def learn(text: str, indicator: Indicator) -> None:
    key = alias_key(text)
    if not key:
        return
    alias, created = IndicatorAlias.objects.get_or_create(text=key, indicator=indicator)
    if not created:
        alias.uses += 1
        alias.save(update_fields=["uses"])
