"""Numbers in Vietnamese text: digit tokens with Vietnamese separators, numbers in words, and the
spans that are not figures at all (dates, times, year ranges, document numbers).

Separator rules (Vietnamese convention first, English only where Vietnamese cannot apply):

* ``101.761`` and ``1.000.000``: dots between groups of three digits are thousands separators.
* ``59,9`` and ``108,987``: a single comma is the decimal mark; ``3.798,254`` combines both.
* ``6.5`` (one dot followed by one, two or four-plus digits) can only be an English decimal point:
  read as 6.5 and flagged ``ambiguous``.
* ``1,234,567`` / ``1,234.5`` (English grouping) are read the English way and flagged ``ambiguous``.
* Anything else (``1.2.3,4``, ``12.34.567``) is malformed: skipped and reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import NOT_LETTER_AFTER, NOT_LETTER_BEFORE


@dataclass(slots=True)
class NumberToken:
    start: int
    end: int
    text: str
    value: Decimal | None
    decimals: int = 0
    plain: bool = True  # digits only, no separators
    words: bool = False  # written in words (một, hai ...)
    malformed: bool = False
    ambiguous: bool = False


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


_SEPARATOR = re.compile(r"([.,])")


def parse_digits(s: str) -> tuple[Decimal | None, int, bool]:
    """Parse a digit token.  Returns (value, decimals, ambiguous); value None when malformed."""
    if s.isdigit():
        return Decimal(s), 0, False
    if "." not in s and s.count(",") == 1:
        whole, frac = s.split(",")  # 59,9: the Vietnamese decimal comma (the commonest shape)
        return Decimal(f"{whole}.{frac}"), len(frac), False
    if "," not in s:
        groups = s.split(".")
        if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            return Decimal("".join(groups)), 0, False  # 101.761: thousands separators
    parts = _SEPARATOR.split(s)
    groups = parts[0::2]
    seps = parts[1::2]
    dots = seps.count(".")
    commas = seps.count(",")
    # Vietnamese: 1.234.567 or 1.234.567,89 or 59,9
    if commas <= 1 and (commas == 0 or seps[-1] == ","):
        int_groups = groups[: dots + 1]
        if dots == 0 or (len(int_groups[0]) <= 3 and all(len(g) == 3 for g in int_groups[1:])):
            integer = "".join(int_groups)
            if commas:
                frac = groups[-1]
                return Decimal(f"{integer}.{frac}"), len(frac), False
            return Decimal(integer), 0, False
        if dots == 1 and commas == 0:
            # 6.5 / 1.25 / 2.0001: an English decimal point.
            return Decimal(f"{groups[0]}.{groups[1]}"), len(groups[1]), True
        return None, 0, False
    # English grouping: 1,234,567 or 1,234,567.5
    if dots <= 1 and (dots == 0 or seps[-1] == "."):
        int_groups = groups[: commas + 1]
        if commas >= 2 or dots == 1:
            if len(int_groups[0]) <= 3 and all(len(g) == 3 for g in int_groups[1:]):
                integer = "".join(int_groups)
                if dots:
                    return Decimal(f"{integer}.{groups[-1]}"), len(groups[-1]), True
                return Decimal(integer), 0, True
    return None, 0, False


# ----------------------------------------------------------------------------------------------
# Numbers written in words.  Only used when a count unit follows (see figures.py).
_WORD_DIGITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_WORD_ALL = (*_WORD_DIGITS, "mười", "mươi", "trăm", "nghìn", "ngàn", "linh", "lẻ")
_WORD_RE = re.compile(
    # the first letters of the number words, tested before the look-behind: most offsets fail at once
    "(?=["
    + "".join(sorted({w[0] for w in _WORD_ALL}))
    + "])"
    + NOT_LETTER_BEFORE
    + "(?:"
    + "|".join(sorted(_WORD_ALL, key=len, reverse=True))
    + r")(?:\s+(?:"
    + "|".join(sorted(_WORD_ALL, key=len, reverse=True))
    + "))*"
    + NOT_LETTER_AFTER,
    re.IGNORECASE,
)
# Words that start a number only after another number word.
_ONLY_AFTER = {"mốt", "lăm", "nhăm", "tư", "mươi", "linh", "lẻ"}


def parse_words(words: list[str]) -> int | None:
    """Value of a Vietnamese number in words (up to 999 999), or None if the words do not form one."""
    total = 0
    hundreds = 0
    digit: int | None = None
    prev = ""
    for w in words:
        w = w.lower()
        if w in ("mốt", "lăm", "nhăm", "tư") and prev not in ("mươi", "mười"):
            return None
        if w == "năm" and prev not in ("mươi", "mười", "trăm", "linh", "lẻ", "nghìn", "ngàn", ""):
            return None
        if w in _WORD_DIGITS:
            if digit is not None:
                return None
            digit = _WORD_DIGITS[w]
        elif w == "mười":
            if digit is not None:
                return None
            hundreds += 10
        elif w == "mươi":
            if digit is None or digit < 2:
                return None
            hundreds += digit * 10
            digit = None
        elif w == "trăm":
            hundreds += (1 if digit is None else digit) * 100
            digit = None
        elif w in ("nghìn", "ngàn"):
            chunk = hundreds + (digit or 0)
            total += (chunk or 1) * 1000
            hundreds, digit = 0, None
        elif w in ("linh", "lẻ"):
            if prev != "trăm":
                return None
        prev = w
    return total + hundreds + (digit or 0)


_NON_SPACE = re.compile(r"\S+")
_LETTER_NEXT = re.compile(r"\s+[^\W\d_]")


def word_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberToken]:
    """Candidate numbers in words.  The longest valid prefix of each run of number words is kept,
    when a word follows it (a number in words is a figure only before a unit, which is a word:
    ``hai xã``, not ``năm 2025`` or ``hằng năm,``)."""
    out: list[NumberToken] = []
    letter_next = _LETTER_NEXT.match
    for m in _WORD_RE.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        if " " not in word and "\t" not in word and "\n" not in word:
            # one word (most matches: `năm`, `một`, `hai`)
            low = word.lower()
            if low in _ONLY_AFTER or low in ("nghìn", "ngàn"):
                continue
            if not letter_next(text, m.end()):
                continue
            value = parse_words([word])
            if value:
                out.append(NumberToken(m.start(), m.end(), word, Decimal(value), words=True))
            continue
        toks = [(t.start(), t.end(), t.group()) for t in _NON_SPACE.finditer(word)]
        if toks[0][2].lower() in _ONLY_AFTER:
            continue
        for n in range(len(toks), 0, -1):
            if toks[n - 1][2].lower() in ("nghìn", "ngàn") and n == 1:
                continue
            value = parse_words([t[2] for t in toks[:n]])
            if value is not None and value > 0:
                s, e = m.start() + toks[0][0], m.start() + toks[n - 1][1]
                if letter_next(text, e):
                    out.append(NumberToken(s, e, text[s:e], Decimal(value), words=True))
                break
    return out


# ----------------------------------------------------------------------------------------------
# Spans that are never figures.
_DASH = r"[-–—‑]"


def _ex(phrase: str) -> str:
    """A phrase spelled exactly (short time words must not match `nam`, `ngay`, `thang`)."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


_YEAR = r"(?:19|20)\d\d"
# Not-figure shapes that start at the first digit of a number.
_DIGIT_START = re.compile(
    "|".join(
        [
            # dates 22/06/2023, 14-07-2022, 14.07.2022; times 10:19, 10h30, 8 giờ 30
            r"\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}(?!\d)",
            r"\d{1,2}\s?[:hH]\s?\d{2}(?![\d,.]?\d)(?:\s?(?:phút|'))?",
            r"\d{1,2}\s?giờ(?:\s?\d{1,2})?",
            # month/year 5/2023
            r"\d{1,2}\s?/\s?" + _YEAR + r"(?!\d)",
            # year ranges 2020-2025, 2022 – 2023, and `nhiệm kỳ 2024 2029`
            _YEAR + r"\s*" + _DASH + r"\s*" + _YEAR + r"(?!\d)",
            _YEAR + r"\s+" + _YEAR + r"(?![\d,.]\d)",
            # document numbers: 01-KL/TW, 99-QĐ/TW, 30/2020/NĐ-CP, 2428/QĐ-UBND
            r"\d+(?:/" + _YEAR + r")?\s?[-/]\s?(?-i:[A-ZĐ][A-ZĐa-z]*(?:\s?[-/]\s?[A-ZĐ][A-ZĐa-z]*)*)",
            # phone-like long digit runs
            r"\d{8,}(?!\d)",
        ]
    ),
    re.IGNORECASE,
)
_DAY_WORDS = {
    "ngày",
    "sáng",
    "chiều",
    "tối",
    "trưa",
    "đêm",
    "hôm",
    "vào",
    "dịp",
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
}
_YEAR_WORDS = {"năm", "niên vụ", "vụ", "mùa", "giai đoạn", "niên độ", "khóa", "khoá", "nhiệm kỳ"}
_SMALL_WORDS = {"tháng", "ngày", "tuần", "quý"}
_DAY_MONTH = re.compile(r"\d{1,2}\s?/\s?\d{1,2}(?![\d/])")
_YEAR_ONLY = re.compile(_YEAR + r"(?![\d.,]\d)")
_SMALL = re.compile(r"\d{1,2}(?![\d.,]\d|\s*%|\s*/\s*\d)")
_ROMAN_BEFORE = re.compile(r"(?<![^\W\d_])[IVX]{1,4}\s?[/.-]\s?$")
_YEAR_AT = re.compile(_YEAR + r"(?!\d)")
_YEAR_LIST_SEP = re.compile(r"\s*(?:[,;–-]|\s(?:và|đến|tới))\s*")


def _context_words(text: str, s: int) -> tuple[str, str, str]:
    """(last word, last two words, separator) right before position s, lower case."""
    window = text[max(0, s - 24) : s]
    body = window.rstrip(" ,\t\n")
    sep = window[len(body) :]
    ws = body.lower().split()[-2:]
    if not ws or not ws[-1].isalpha():
        return "", "", ""
    two = " ".join(ws) if len(ws) == 2 and ws[0].isalpha() else ""
    return ws[-1], two, sep


def not_figure_end(text: str, s: int, token: str = "") -> int:
    """If the number starting at ``s`` (``token``, when the caller has read it) is part of a date,
    time, year range, document number or a name (``Covid-19``, ``H5N1``), the end of that span; else
    -1."""
    prev = text[s - 1] if s > 0 else ""
    if prev.isalpha() or (prev in "-‑" and s > 1 and text[s - 2].isalpha()):
        m = _DIGITS.match(text, s)
        return m.end() if m else s + 1
    if not prev.isdigit():
        m = _DIGIT_START.match(text, s)
        if m:
            return m.end()
    if prev in "/.-" or (prev == " " and s > 1 and text[s - 2] in "/.-"):
        if _ROMAN_BEFORE.search(text, max(0, s - 8), s):
            m = _YEAR_AT.match(text, s)
            if m:
                return m.end()
    if not prev.isspace() and prev != ",":
        return -1
    if token and len(token) > 2 and not (len(token) == 4 and token[:2] in ("19", "20")):
        return -1  # the word tests below are for days, months, years and small numbers only
    one, two, sep = _context_words(text, s)
    if not one:
        return -1
    plain_space = sep.strip() == ""
    if (one in _DAY_WORDS or two in _DAY_WORDS) and (m := _DAY_MONTH.match(text, s)):
        return m.end()
    if plain_space and (one in _YEAR_WORDS or two in _YEAR_WORDS) and (m := _YEAR_ONLY.match(text, s)):
        return m.end()
    if plain_space and one in _SMALL_WORDS and (m := _SMALL.match(text, s)):
        return m.end()
    return -1


_PERIOD_AFTER = re.compile(
    r"\s*(?:"
    + "|".join(
        _ex(w)
        for w in (
            "năm",
            "tháng",
            "ngày",
            "tuần",
            "quý",
            "giờ",
            "phút",
            "giây",
            "thế kỷ",
            "thập kỷ",
            "thập niên",
            "nhiệm kỳ",
            "kỳ",
            "lần",
            "tuổi",
            "đợt",
            "khóa",
            "buổi sáng",
            "học kỳ",
            "năm học",
        )
    )
    + ")"
    + NOT_LETTER_AFTER,
    re.IGNORECASE,
)


def is_period_after(text: str, pos: int) -> bool:
    """True when the words at ``pos`` make the preceding number a duration (``6 tháng``, ``2 năm``)."""
    return _PERIOD_AFTER.match(text, pos) is not None


def scan_digits(text: str) -> tuple[list[NumberToken], list[NumberToken]]:
    """Digit tokens outside not-figure spans, and the malformed ones (for warnings)."""
    good: list[NumberToken] = []
    bad: list[NumberToken] = []
    blocked_until = -1
    year_end = -1  # end of the last year read as a time reference (`năm 2023`)
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        if s < blocked_until:
            continue
        end = not_figure_end(text, s, m.group())
        if end < 0 and year_end >= 0 and _YEAR_ONLY.fullmatch(m.group()):
            if _YEAR_LIST_SEP.fullmatch(text, year_end, s):
                end = e  # `năm 2023, 2024 và 2025`: the list goes on with years
        if end > 0:
            blocked_until = end
            year_end = end if _YEAR_ONLY.fullmatch(text, s, end) else -1
            continue
        year_end = -1
        raw = m.group()
        value, decimals, ambiguous = parse_digits(raw)
        tok = NumberToken(
            s, e, raw, value, decimals, raw.isdigit(), malformed=value is None, ambiguous=ambiguous
        )
        (bad if value is None else good).append(tok)
    return good, bad
