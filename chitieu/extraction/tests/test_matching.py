"""Our matching rules (matching.py) give the workplace scorer's counts: on the dev set and on our own
texts, for what the extractor finds and for damaged copies of it (a figure dropped, a unit, a value, a
basis and a name changed), so that the own-texts tests mean what the scorer would say."""

from __future__ import annotations

import copy
import json

import pytest

from chitieu.extraction import extract
from chitieu.testing import require_shared

from . import matching
from .cases import CLASSES
from .own_texts import OWN_TEXTS
from .test_devset import load_scorer
from .test_own_texts import as_gold


def _damaged(figures: list[dict]) -> list[list[dict]]:
    """The figures, and copies each with one kind of mistake."""
    out = [figures, figures[1:], figures[:-1]]
    for change in ("unit", "value", "basis", "indicator", "denominator"):
        figs = copy.deepcopy(figures)
        for f in figs[::2]:
            if change == "unit":
                f["unit"] = "tấn" if f.get("unit") != "tấn" else "ha"
            elif change == "value" and f.get("value") is not None:
                f["value"] = f["value"] * 10
            elif change == "basis":
                for c in f.get("comparisons") or []:
                    c["basis"] = "same_period" if c.get("basis") != "same_period" else "plan"
            elif change == "indicator":
                f["indicator"] = "chỉ tiêu khác"
            elif change == "denominator":
                f["denominator"] = (f.get("denominator") or 0) + 1
        out.append(figs)
    return out


def _pairs_of_texts():
    for _name, text, expected in OWN_TEXTS:
        yield as_gold(expected), [f.to_json() for f in extract(text)]
    for cases in CLASSES.values():
        for _name, text, expected in cases:
            yield as_gold(expected), [f.to_json() for f in extract(text)]
    dev = require_shared("extraction", "dev")
    for gold_file in sorted((dev / "gold").glob("*.json")):
        text = (dev / "docs" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        yield (
            json.loads(gold_file.read_text(encoding="utf-8"))["figures"],
            [f.to_json() for f in extract(text)],
        )


def test_our_matching_counts_what_the_workplace_scorer_counts():
    score = load_scorer()
    compared = 0
    for gold, found in _pairs_of_texts():
        for pred in _damaged(found):
            assert matching.score_doc(gold, pred) == score.score_doc(gold, pred), (gold, pred)
            compared += 1
    assert compared > 8 * (len(OWN_TEXTS) + 5)


@pytest.mark.parametrize(
    ("value", "unit", "canonical"),
    [
        (39, "vạn tấn", (390_000_000, "kg")),
        (2, "triệu lượt", (2_000_000, "lượt")),
        (1.5, "tạ/ha", (150, "kg/ha")),
    ],
)
def test_magnitudes_and_measures_are_multiplied_out(value, unit, canonical):
    v, u = matching.canon(value, unit)
    assert (float(v), u) == (float(canonical[0]), canonical[1])


def test_count_units_match_on_a_word_prefix_and_measures_only_exactly():
    assert matching.units_match("lượt", "lượt khách") and not matching.units_match("lượt", "người")
    assert not matching.units_match("kg", "kg/ha") and matching.units_match("kg", "kg")
