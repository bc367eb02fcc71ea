"""Units written after a number.

A unit is read as: optional magnitude words (``nghìn``, ``vạn``, ``triệu``, ``tỷ``, chained:
``nghìn tỷ``), an optional mixed-money tail (``905 tỷ 653 triệu đồng`` adds 0,653 tỷ), then a base unit
(money, measure, count noun or a list of administrative units such as ``xã, thị trấn``), then an
optional rate (``/ năm``, ``/người/năm``, ``một năm`` → ``/năm``; also across a short noun phrase:
``1.000 con lợn đen/ năm`` → ``con/năm``).  Output units are in their shortest written form
(``hecta`` → ``ha``, ``tỉ`` → ``tỷ``, ``phần trăm`` → ``%``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import ADMIN_UNITS, COUNT_UNITS, LETTER, NOT_LETTER_AFTER, NOT_UNITS, fold, fold_word, tol

MAGNITUDES: dict[str, Decimal] = {
    "nghìn": Decimal(1000),
    "ngàn": Decimal(1000),
    "vạn": Decimal(10000),
    "triệu": Decimal(10) ** 6,
    "tỷ": Decimal(10) ** 9,
}
_MAG_SRC = r"(?:nghìn|nghin|ngàn|ngan|vạn|triệu|trieu|tỷ|tỉ|ty)" + NOT_LETTER_AFTER
_MAG_CHAIN = re.compile(r"\s*(" + _MAG_SRC + r"(?:\s+" + _MAG_SRC + r")*)", re.IGNORECASE)
_MIXED_TAIL = re.compile(r"\s+(\d{1,3}(?:,\d+)?)\s*(" + _MAG_SRC + ")", re.IGNORECASE)


def magnitude_of(word: str) -> tuple[str, Decimal]:
    w = word.lower()
    w = {"nghin": "nghìn", "ngan": "ngàn", "trieu": "triệu", "tỉ": "tỷ", "ty": "tỷ"}.get(w, w)
    return w, MAGNITUDES[w]


def _alt(phrase: str) -> str:
    """Tolerant diacritics for long words, exact (case-insensitive) for short ambiguous ones."""
    if " " in phrase or len(phrase) >= 5:
        return tol(phrase)
    return re.escape(phrase)


# (output form, kind, written forms)
_BASE_UNITS: list[tuple[str, str, tuple[str, ...]]] = [
    ("đồng", "money", ("đồng", "VNĐ", "VND", "vnđ", "đ")),
    ("USD", "money", ("USD", "đô la", "đô-la", "đôla")),
    ("tấn", "measure", ("tấn",)),
    ("tạ", "measure", ("tạ",)),
    ("yến", "measure", ("yến",)),
    ("kg", "measure", ("kg", "ki-lô-gam", "kilôgam", "kilogam")),
    ("ha", "measure", ("ha", "hecta", "héc-ta", "hécta", "héc ta", "hec-ta")),
    ("km2", "measure", ("km2", "km²")),
    ("m2", "measure", ("m2", "m²")),
    ("m3", "measure", ("m3", "m³")),
    ("km", "measure", ("km", "ki-lô-mét", "kilômét")),
    ("m", "measure", ("m", "mét")),
    ("lít", "measure", ("lít",)),
    ("MW", "measure", ("MW",)),
    ("kWh", "measure", ("kWh",)),
    ("sào", "measure", ("sào",)),
]
_UNIT_KIND: dict[str, tuple[str, str]] = {}
_alts: list[str] = []
for _out, _kind, _forms in _BASE_UNITS:
    for _f in _forms:
        _UNIT_KIND[_f.lower()] = (_out, _kind)
        _alts.append(_f)
for _u in (*COUNT_UNITS, *ADMIN_UNITS):
    _UNIT_KIND.setdefault(_u.lower(), (_u, "count"))
    _alts.append(_u)
_ADMIN_SRC = "(?:" + "|".join(_alt(a) for a in sorted(ADMIN_UNITS, key=len, reverse=True)) + ")"
_BASE_RE = re.compile(
    r"\s*+("
    + "|".join(_alt(a) for a in sorted(set(_alts), key=len, reverse=True))
    + ")"
    + NOT_LETTER_AFTER
    + r"(?![.,]\d)",
    re.IGNORECASE,
)
_ADMIN_LIST = re.compile(
    r"\s*+("
    + _ADMIN_SRC
    + r"(?:\s*[,/]\s*"
    + _ADMIN_SRC
    + r"|\s+và\s+"
    + _ADMIN_SRC
    + r")*)"
    + NOT_LETTER_AFTER,
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\s*(%|" + tol("phần trăm") + NOT_LETTER_AFTER + ")", re.IGNORECASE)
_POINTS = re.compile(r"\s*(" + tol("điểm phần trăm") + "|" + tol("điểm %") + ")", re.IGNORECASE)
_RATE_WORD = r"(?:lao\s+động|học\s+sinh|ngày\s+đêm|" + LETTER + r"+\d?)"
_RATE = re.compile(r"(?:\s*/\s*(" + _RATE_WORD + r"))+")
_RATE_ONE = re.compile(r"(?<!\s)\s*/\s*(" + _RATE_WORD + r")")
_PER_YEAR_WORDS = re.compile(
    r"\s+(?:"
    + tol("một năm")
    + "|"
    + tol("mỗi năm")
    + "|"
    + tol("hằng năm")
    + "|"
    + tol("hàng năm")
    + ")"
    + NOT_LETTER_AFTER,
    re.IGNORECASE,
)
_NP_THEN_RATE = re.compile(
    r"\s+((?:"
    + LETTER
    + r"+\s+){0,4}"
    + LETTER
    + r"+)\s*/\s*("
    + tol("năm")
    + "|"
    + tol("tháng")
    + ")"
    + NOT_LETTER_AFTER,
    re.IGNORECASE,
)
_FALLBACK = re.compile(r"\s+(" + LETTER + r"{2,})" + NOT_LETTER_AFTER)
_POST_HEDGE = re.compile(
    r"\s*(" + tol("trở lên") + "|" + tol("trở xuống") + ")" + NOT_LETTER_AFTER, re.IGNORECASE
)


_ADMIN_SET = {a.lower() for a in ADMIN_UNITS}
# the first words of all units, folded: the long unit pattern runs only after one of them
_UNIT_FIRSTS = {fold(a.split()[0]) for a in _alts}
_NEXT_WORD = re.compile(r"\s*([^\s,;:.()/]+)")
_LIST_SEP = re.compile(r"[,/]|\svà\s")
_COMMA = re.compile(r"(?<!\s)\s*,\s*")
_SLASH = re.compile(r"(?<!\s)\s*/\s*")


@dataclass(slots=True)
class Unit:
    text: str  # output form, e.g. "tỷ đồng", "con/năm", "xã, thị trấn", "%"
    kind: str  # percent, points, money, measure, count, magnitude
    end: int  # end offset of the unit in the text
    magnitude: str = ""  # the magnitude words, e.g. "tỷ" or "nghìn tỷ"
    add: Decimal = Decimal(0)  # value added by a mixed-money tail, in the unit's magnitude
    add_span: tuple[int, int] | None = None
    np_span: tuple[int, int] | None = None  # noun phrase between unit and a trailing rate
    fallback: bool = False
    post_hedge: str = ""


def _rate_suffix(text: str, pos: int) -> tuple[str, int]:
    """``/ năm`` or ``/người/năm`` or ``một năm`` right at pos: (suffix like "/năm", end)."""
    head = text[pos : pos + 3]
    m = _RATE.match(text, pos) if "/" in head else None
    if m:
        parts = [p.group(1).lower() for p in _RATE_ONE.finditer(m.group())]
        parts = [" ".join(p.split()) for p in parts]
        return "/" + "/".join(parts), m.end()
    m = None
    if head[:1].isspace():
        word = text[pos : pos + 12].lstrip()[:1]
        m = _PER_YEAR_WORDS.match(text, pos) if word and word in "mMhH" else None
    if m:
        return "/năm", m.end()
    return "", pos


def parse_unit(text: str, pos: int, limit: int) -> Unit | None:
    """The unit starting at ``pos`` (just after a number), not reading past ``limit``."""
    sub_end = limit
    # the first character after the spaces decides which units can follow (most checks are skipped)
    first = pos
    while first < sub_end and text[first].isspace():
        first += 1
    c = text[first : first + 1]
    if not c or not (c.isalpha() or c == "%"):
        return None
    low = c.lower()
    if low in "đd":
        m = _POINTS.match(text, pos, sub_end)
        if m:
            return Unit("điểm phần trăm", "points", m.end())
    m = _PERCENT.match(text, pos, sub_end) if low in "%p" else None
    if m:
        suffix, end = _rate_suffix(text, m.end())
        unit = Unit("%" + suffix, "percent", end)
        h = (
            _POST_HEDGE.match(text, end, sub_end)
            if text[end : end + 12].lstrip()[:2].lower() == "tr"
            else None
        )
        if h:
            unit.post_hedge = h.group(1).lower()
            unit.end = h.end()
        return unit
    magnitude = ""
    add = Decimal(0)
    add_span = None
    cur = pos
    m = _MAG_CHAIN.match(text, cur, sub_end) if low in "ntv" else None
    if m:
        words = [magnitude_of(w)[0] for w in m.group(1).split()]
        magnitude = " ".join(words)
        cur = m.end()
        t = _MIXED_TAIL.match(text, cur, sub_end)
        if t:
            lower_word, lower = magnitude_of(t.group(2))
            upper = MAGNITUDES[words[-1]]
            if lower < upper:
                add = Decimal(t.group(1).replace(",", ".")) * lower / upper
                add_span = (t.start(1), t.end(2))
                cur = t.end()
                m2 = _MAG_CHAIN.match(text, cur, sub_end)
                if m2 and m2.group(1).lower() in ("nghìn", "ngàn"):
                    pass
    base_kind = ""
    base_text = ""
    word = _NEXT_WORD.match(text, cur, sub_end)
    b = _BASE_RE.match(text, cur, sub_end) if word and fold_word(word.group(1)) in _UNIT_FIRSTS else None
    a = None
    if b and " ".join(b.group(1).lower().split()) in _ADMIN_SET:
        a = _ADMIN_LIST.match(text, cur, sub_end)  # `xã, thị trấn`: a list of administrative units
    if a and a.end() > b.end() and _LIST_SEP.search(a.group(1)):  # type: ignore[union-attr]
        base_text = _COMMA.sub(", ", " ".join(a.group(1).lower().split()))
        base_text = _SLASH.sub("/", base_text)
        base_kind = "count"
        cur = a.end()
    elif b:
        written = " ".join(b.group(1).split())
        out, kind = _UNIT_KIND.get(written.lower(), (written.lower(), "count"))
        if kind == "count":
            out = (
                written if written.isupper() or written in ("sản phẩm OCOP", "thẻ BHYT") else written.lower()
            )
        base_text, base_kind = out, kind
        cur = b.end()
    fallback = False
    if not base_kind and not magnitude:
        f = _FALLBACK.match(text, cur, sub_end)
        if f and f.group(1).islower() and f.group(1).lower() not in NOT_UNITS:
            base_text, base_kind, fallback = f.group(1), "count", True
            cur = f.end()
    if not base_kind and not magnitude:
        return None
    unit_text = " ".join(x for x in (magnitude, base_text) if x)
    kind = base_kind or "magnitude"
    suffix, end = _rate_suffix(text, cur)
    np_span = None
    if not suffix and kind in ("count", "measure", "money") and "/" in text[cur : cur + 60]:
        n = _NP_THEN_RATE.match(text, cur, sub_end)
        if n:
            suffix = "/" + n.group(2).lower().replace("nam", "năm").replace("thang", "tháng")
            np_span = n.span(1)
            end = n.end()
    unit = Unit(unit_text + suffix, kind, end, magnitude, add, add_span, np_span, fallback)
    h = _POST_HEDGE.match(text, end, sub_end) if text[end : end + 12].lstrip()[:2].lower() == "tr" else None
    if h:
        unit.post_hedge = h.group(1).lower()
        unit.end = h.end()
    return unit
