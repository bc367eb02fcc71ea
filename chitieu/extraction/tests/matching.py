"""How the tests of our own texts compare extracted figures with the expected ones: the matching rules
of the workplace's SCHEMA.md ("Scoring"), written here so that those tests run on a clone with nothing
beside it. `test_matching.py` checks, where the workplace's scorer is at hand, that both agree.

- numbers: every figure value (in its canonical unit) and every comparison percent, as plain numbers;
- strict: figures as (canonical value, canonical unit, denominator), comparisons as (basis, kind,
  percent); count units match when one is a word-prefix of the other ("lượt" and "lượt khách");
- indicator: among the matched figures, those whose name shares at least half the expected name's words.

Values are compared to nine significant digits, as a figure's printed precision allows.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from decimal import Decimal

# Magnitude words multiplied out; measures converted to one unit per dimension.
_MAGNITUDES = {"nghìn": Decimal(10) ** 3, "ngàn": Decimal(10) ** 3, "vạn": Decimal(10) ** 4}
_MAGNITUDES |= {"triệu": Decimal(10) ** 6, "tỷ": Decimal(10) ** 9}
_MEASURES = {
    "đồng": ("đồng", 1),
    "usd": ("usd", 1),
    "kg": ("kg", 1),
    "tạ": ("kg", 100),
    "tấn": ("kg", 1000),
    "m2": ("m2", 1),
    "ha": ("m2", 10**4),
    "km2": ("m2", 10**6),
    "m": ("m", 1),
    "km": ("m", 1000),
    "%": ("%", 1),
}
_CANONICAL = {unit for unit, _factor in _MEASURES.values()}


def _words(text) -> str:
    s = unicodedata.normalize("NFC", str(text or "")).lower().strip()
    s = s.replace("tỉ", "tỷ").replace("km²", "km2").replace("m²", "m2")
    s = s.replace(" /", "/").replace("/ ", "/")
    return " ".join(s.split())


def canon(value, unit) -> tuple[Decimal, str]:
    """(value in the canonical unit, canonical unit): '39 vạn tấn' → (390000000, 'kg'); a rate keeps
    what follows its '/' ('tạ/ha' → 'kg/ha')."""
    head, slash, per = _words(unit).partition("/")
    words = head.replace(",", " ").replace(";", " ").split()
    amount = Decimal(str(value))
    while words and words[0] in _MAGNITUDES:
        amount *= _MAGNITUDES[words.pop(0)]
    if words and words[0] in _MEASURES:
        measure, factor = _MEASURES[words[0]]
        words[0] = measure
        amount *= factor
    return amount, " ".join(words) + (slash + per if slash else "")


def sig(x) -> str:
    """A number to nine significant digits, the key figures are compared on."""
    return f"{Decimal(str(x)):.8E}"


def _is_count(unit: str) -> bool:
    words = unit.partition("/")[0].split()
    return not words or words[0] not in _CANONICAL


def units_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if not (_is_count(a) and _is_count(b)):
        return False
    aw, bw = a.split(), b.split()
    n = min(len(aw), len(bw))
    return n > 0 and aw[:n] == bw[:n]


def _number(x) -> bool:
    return isinstance(x, int | float | Decimal) and not isinstance(x, bool)


def _facts(figures: list[dict]):
    numbers: Counter = Counter()
    quantities, comparisons = [], []
    for f in figures:
        if _number(f.get("value")):
            value, unit = canon(f["value"], f.get("unit"))
            numbers[sig(value)] += 1
            denominator = sig(f["denominator"]) if _number(f.get("denominator")) else None
            quantities.append((sig(value), unit, denominator, _words(f.get("indicator"))))
        for c in f.get("comparisons") or []:
            if _number(c.get("percent")):
                numbers[sig(c["percent"])] += 1
                comparisons.append((c.get("basis"), c.get("kind"), sig(c["percent"])))
    return numbers, quantities, comparisons


def _pairs(expected: list[tuple], found: list[tuple]) -> list[tuple]:
    """Each expected quantity with the first unused found one of the same value, denominator and unit."""
    free = list(range(len(found)))
    pairs = []
    for e in expected:
        for i in free:
            f = found[i]
            if e[0] == f[0] and e[2] == f[2] and units_match(e[1], f[1]):
                free.remove(i)
                pairs.append((e, f))
                break
    return pairs


def _name_ok(expected: str, found: str) -> bool:
    ew = set(expected.split())
    return bool(ew) and 2 * len(ew & set(found.split())) >= len(ew)


def score_doc(expected: list[dict], found: list[dict]) -> dict[str, tuple[int, ...]]:
    """(true positives, expected, found) for numbers and strict; (names right, matched) for indicators."""
    en, eq, ec = _facts(expected)
    fn, fq, fc = _facts(found)
    pairs = _pairs(eq, fq)
    compared = sum((Counter(ec) & Counter(fc)).values())
    return {
        "numbers": (sum((en & fn).values()), sum(en.values()), sum(fn.values())),
        "strict": (len(pairs) + compared, len(eq) + len(ec), len(fq) + len(fc)),
        "indicator": (sum(_name_ok(e[3], f[3]) for e, f in pairs), len(pairs)),
    }


def prf(tp: int, n_expected: int, n_found: int) -> tuple[float, float, float]:
    precision = tp / n_found if n_found else (0.0 if n_expected else 1.0)
    recall = tp / n_expected if n_expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
