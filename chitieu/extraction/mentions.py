"""Reading one number of the text as a mention: the number (with a fraction ``8/9``, a range
``15-16`` or a mixed-money tail ``905 tỷ 653 triệu``), its unit, and the hedge/verb chain before it.
Numbers that are names, ordinals, durations or dates are refused here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .context import Lead, lead
from .lexicon import exact_words, tol, words
from .names import blocked_before
from .numbers import NumberToken, is_period_after, parse_digits
from .segment import Sentence
from .units import Unit, parse_unit

_FRACTION = re.compile(r"\s*/\s*(\d+(?:[.,]\d+)*)(?![\d/])")
_RANGE = re.compile(r"\s*(?:[-–—]|\s(?:" + tol("đến") + "|" + tol("tới") + r")\s)\s*(\d+(?:[.,]\d+)*)", re.I)
_RANGE_HINT = re.compile(r"[-–—]|\s[đdt]")
_PER_ONE = re.compile(r"(?:" + words("trên", "mỗi", "cho", "một") + r"|/)\s*$", re.IGNORECASE)
_WORD_STOP_AFTER = re.compile(r"\s+" + words("số", "phần", "trong", "cách", "mặt", "vài", "chút", "ít"), re.I)
# `gấp 2,3 lần`, `tăng 1,6 lần`: a multiplier (not `lần thứ`, `lần lượt`, not a count of occasions)
_TIMES_AFTER = re.compile(r"\s*(" + exact_words("lần") + r")(?!\s+" + words("thứ", "lượt") + ")", re.I)
_TIMES_VERBS = {"tang", "giam", "bang", "cao hon", "thap hon", "tang them"}
_RANK_OF = re.compile(
    r"\s+(?:" + words("trong số", "trong", "trên tổng số", "trên") + r")\s+\d+(?:[.,]\d+)*", re.IGNORECASE
)
_BOTH_BEFORE = re.compile(r"(?<![^\W\d_])" + exact_words("cả") + r"\s+$", re.IGNORECASE)
# `15, 17 và 19 tiêu chí`, `65 và 58 tạ/ha`: numbers whose unit is written once, after the last
_LIST_AHEAD = re.compile(
    r"(?:\s*(?:,|;|\s" + words("và", "hoặc") + r")\s*\d+(?:[.,]\d+)*(?![\d/]))+", re.IGNORECASE
)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    value: Decimal
    unit: Unit
    lead: Lead
    denominator: Decimal | None = None
    upper: Decimal | None = None
    upper_span: tuple[int, int] | None = None  # where the upper bound of a range is written
    shared_unit: bool = False  # the unit is written after a later number of a list


def read_mention(work: str, tok: NumberToken, sent: Sentence) -> tuple[Mention | None, int]:
    """The mention a token starts (or None) and the position up to which later tokens are consumed."""
    assert tok.value is not None
    pos = tok.end
    denominator = upper = upper_span = None
    end = tok.end
    after = work[pos : pos + 6].lower()  # what follows decides which shapes to try
    f = _FRACTION.match(work, pos, sent.end) if not tok.words and "/" in after else None
    block: str | None = None  # what the words before make of the number (computed when needed)
    if rank := f or ("tr" in after and _RANK_OF.match(work, pos, sent.end)):
        block = blocked_before(work, tok.start, sent.start)
        if block == "strong":
            return None, rank.end()  # `xếp thứ 12/34`, `thứ 3 trong 26 phường`: a rank; 34 is no figure
    if f:
        denominator, _, _ = parse_digits(f.group(1))
        if denominator is None or denominator == 0 or tok.value > denominator:
            return None, f.end()
        pos = end = f.end()
    elif (
        not tok.words
        and _RANGE_HINT.search(after)
        and (r := _RANGE.match(work, pos, sent.end))
        and parse_unit(work, pos, sent.end) is None
    ):
        if r:
            hi, _, _ = parse_digits(r.group(1))
            if hi is not None and hi > tok.value and parse_unit(work, r.end(), sent.end) is not None:
                upper = hi
                upper_span = r.span(1)
                pos = end = r.end()
    chain: Lead | None = None
    times_hint = "l" in work[pos : pos + 4].lower()
    t = _TIMES_AFTER.match(work, pos, sent.end) if denominator is None and times_hint else None
    if t and block is None:
        block = blocked_before(work, tok.start, sent.start)
    if t and block != "strong":
        chain = lead(work, sent.start, tok.start)
        if chain.times or chain.verb in _TIMES_VERBS:
            unit = Unit("lần", "times", t.end())
            return Mention(tok.start, end, tok.value, unit, chain, None, upper, upper_span), t.end()
    if is_period_after(work, pos):
        return None, tok.end
    unit = parse_unit(work, pos, sent.end)
    shared = False
    if unit is None and denominator is None and upper is None and not tok.words:
        ahead = _LIST_AHEAD.match(work, pos, sent.end)
        if ahead:
            later = parse_unit(work, ahead.end(), sent.end)
            if block is None and later is not None:
                block = blocked_before(work, tok.start, sent.start)
            if later is not None and not later.fallback and later.kind != "magnitude" and not block:
                unit = Unit(later.text, later.kind, pos)
                shared = True
    if unit is None:
        return None, tok.end
    if unit.kind == "magnitude" and upper is None and denominator is None and not tok.words:
        # `từ 1,2 triệu đến 1,5 triệu lượt khách`: the lower bound takes the upper bound's unit
        r = _RANGE.match(work, unit.end, sent.end)
        later = parse_unit(work, r.end(), sent.end) if r else None
        if r and later is not None and later.magnitude == unit.magnitude and later.kind != "magnitude":
            hi, _, _ = parse_digits(r.group(1))
            if hi is not None and hi > tok.value:
                upper, upper_span = hi + later.add, r.span(1)
                unit = Unit(later.text, later.kind, later.end, later.magnitude, np_span=later.np_span)
    if block is None:
        block = blocked_before(work, tok.start, sent.start)
    if block and unit.kind not in ("percent", "points"):
        if block == "strong" or unit.fallback:
            return None, tok.end
    if denominator is not None and (unit.kind != "count" or unit.fallback):
        return None, tok.end
    if tok.words:
        if unit.fallback or unit.kind not in ("count", "measure") or _WORD_STOP_AFTER.match(work, tok.end):
            return None, tok.end
        if _BOTH_BEFORE.search(work, max(sent.start, tok.start - 6), tok.start):
            return None, tok.end  # `cả ba đơn vị`, `cả hai lĩnh vực`: "all three", not a count
    if unit.fallback and tok.plain and len(tok.text) == 4 and 1900 <= tok.value <= 2100:
        return None, tok.end
    if (
        tok.value == 1
        and unit.kind in ("measure", "count")
        and _PER_ONE.search(work, max(0, tok.start - 8), tok.start)
    ):
        return None, tok.end  # `giá trị trên 1 ha`: per hectare, not a figure
    value = tok.value + unit.add
    if unit.add_span:
        end = unit.add_span[1]
    chain = chain or lead(work, sent.start, tok.start)
    mention = Mention(tok.start, end, value, unit, chain, denominator, upper, upper_span, shared)
    return mention, unit.end
