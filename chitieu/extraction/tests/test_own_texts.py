"""Invented reports of the same genre (own_texts.py), scored by SCHEMA.md's matching rules (matching.py)."""

import pytest

from chitieu.extraction import check_consistency, extract, extract_meeting

from . import matching
from .own_texts import OWN_TEXTS


def as_gold(expected):
    return [
        {
            "indicator": indicator,
            "value": value,
            "unit": unit,
            "denominator": denominator,
            "qualifiers": qualifiers,
            "comparisons": [
                {"basis": b, "kind": k, "percent": p, "qualifiers": []} for b, k, p in comparisons
            ],
        }
        for indicator, value, unit, denominator, qualifiers, comparisons in expected
    ]


@pytest.mark.parametrize(("name", "text", "expected"), OWN_TEXTS, ids=[t[0] for t in OWN_TEXTS])
def test_it_extracts_the_expected_figures_from_an_invented_report(name, text, expected):
    score = matching
    gold = as_gold(expected)
    figures = extract(text)
    result = score.score_doc(gold, [f.to_json() for f in figures])
    numbers_f1 = score.prf(*result["numbers"])[2]
    strict_f1 = score.prf(*result["strict"])[2]
    assert numbers_f1 == 1.0, [f.to_json() for f in figures]
    assert strict_f1 == 1.0, [f.to_json() for f in figures]
    ok, matched = result["indicator"]
    assert ok >= matched - 1, [f.indicator for f in figures]
    check_consistency(figures)
    extract_meeting(text)


def test_the_invented_reports_score_well_together():
    score = matching
    total = {"numbers": [0, 0, 0], "strict": [0, 0, 0], "indicator": [0, 0]}
    for _, text, expected in OWN_TEXTS:
        result = score.score_doc(as_gold(expected), [f.to_json() for f in extract(text)])
        for k, v in result.items():
            total[k] = [a + b for a, b in zip(total[k], v, strict=True)]
    assert len(OWN_TEXTS) >= 8
    assert score.prf(*total["numbers"])[2] >= 0.97
    assert score.prf(*total["strict"])[2] >= 0.95
    assert total["indicator"][0] / total["indicator"][1] >= 0.9
