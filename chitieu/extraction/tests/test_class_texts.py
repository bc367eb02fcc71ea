"""The invented texts of each class of error (cases/), scored by SCHEMA.md's matching rules (matching.py,
so they run without the workplace folder), plus the qualifiers, which the scorer does not look at."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chitieu.extraction import check_consistency, extract, extract_meeting
from chitieu.extraction.cli import main

from . import matching
from .cases import CLASSES
from .own_texts import OWN_TEXTS
from .test_devset import load_scorer
from .test_own_texts import as_gold

ALL = [(cls, name, text, expected) for cls, cases in CLASSES.items() for name, text, expected in cases]


def _qualifier_pairs(score, gold: list[dict], pred: list[dict]) -> list[tuple[list, list]]:
    """(gold qualifiers, predicted qualifiers) of the figures the scorer matches."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        if g["value"] is None:
            continue
        gv, gu = score.canon(g["value"], g["unit"])
        for i, p in enumerate(pred):
            if i in used or p["value"] is None:
                continue
            pv, pu = score.canon(p["value"], p["unit"])
            if (
                score.sig(gv) == score.sig(pv)
                and g["denominator"] == p["denominator"]
                and score.units_match(gu, pu)
            ):
                used.add(i)
                pairs.append((sorted(g["qualifiers"]), sorted(p["qualifiers"])))
                break
    return pairs


@pytest.mark.parametrize(("cls", "name", "text", "expected"), ALL, ids=[f"{c}-{n}" for c, n, _, _ in ALL])
def test_it_reads_the_invented_text_of_a_class(cls, name, text, expected):
    score = matching
    gold = as_gold(expected)
    figures = extract(text)
    pred = [f.to_json() for f in figures]
    result = score.score_doc(gold, pred)
    shown = [(f["indicator"], f["value"], f["unit"], f["comparisons"]) for f in pred]
    assert score.prf(*result["numbers"])[2] == 1.0, shown
    assert score.prf(*result["strict"])[2] == 1.0, shown
    ok, matched = result["indicator"]
    assert ok == matched, [f["indicator"] for f in pred]
    check_consistency(figures)
    extract_meeting(text)


@pytest.mark.parametrize("cls", sorted(CLASSES))
def test_each_class_meets_the_held_out_goals(cls):
    score = matching
    total = {"numbers": [0, 0, 0], "strict": [0, 0, 0], "indicator": [0, 0]}
    qualifiers_ok = qualifiers_all = 0
    for _, text, expected in CLASSES[cls]:
        gold = as_gold(expected)
        pred = [f.to_json() for f in extract(text)]
        for k, v in score.score_doc(gold, pred).items():
            total[k] = [a + b for a, b in zip(total[k], v, strict=True)]
        for g, p in _qualifier_pairs(score, gold, pred):
            qualifiers_all += 1
            qualifiers_ok += g == p
    assert len(CLASSES[cls]) >= 5
    assert score.prf(*total["numbers"])[2] >= 0.98, total
    assert score.prf(*total["strict"])[2] >= 0.95, total
    assert total["indicator"][0] / total["indicator"][1] >= 0.9, total
    assert qualifiers_ok / qualifiers_all >= 0.9, (qualifiers_ok, qualifiers_all)


def test_the_own_texts_and_the_dev_set_keep_every_score_at_one(tmp_path, capsys):
    """What the class rules must not cost: the earlier invented reports and the dev documents."""
    score = load_scorer()
    total = {"numbers": [0, 0, 0], "strict": [0, 0, 0], "indicator": [0, 0]}
    for _, text, expected in OWN_TEXTS:
        result = score.score_doc(as_gold(expected), [f.to_json() for f in extract(text)])
        for k, v in result.items():
            total[k] = [a + b for a, b in zip(total[k], v, strict=True)]
    assert score.prf(*total["numbers"])[2] == 1.0, total
    assert score.prf(*total["strict"])[2] == 1.0, total
    assert total["indicator"][0] == total["indicator"][1], total
    dev_dir = Path(score.__file__).parent / "dev"  # beside the shared scorer, however it is found
    docs = sorted((dev_dir / "docs").glob("*.txt"))
    assert len(docs) == 5
    assert main([*map(str, docs), "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert score.main([str(dev_dir / "gold"), str(tmp_path), "--json"]) == 0
    dev = json.loads(capsys.readouterr().out)
    assert (dev["numbers"]["f1"], dev["strict"]["f1"], dev["indicator_accuracy"]) == (1.0, 1.0, 1.0), dev
