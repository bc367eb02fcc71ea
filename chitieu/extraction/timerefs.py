"""Time references in a subject (``6 tháng đầu năm``, ``năm 2025``, ``giai đoạn 2021-2025``, ``đến
30/11``, ``hằng năm``): what :func:`remove_time` blanks out of the text before a number, so that the
indicator names what is measured, not when."""

from __future__ import annotations

import re

from .lexicon import NOT_LETTER_AFTER, NOT_LETTER_BEFORE, fold_word, tol

_YEAR = r"(?:19|20)\d\d"
_TIME = re.compile(
    r"(?:"
    + "|".join(
        [
            NOT_LETTER_BEFORE
            + r"(?:"
            + tol("trong")
            + r"\s+)?(?:(?<!\d)\d+|"
            + tol("sáu")
            + "|"
            + tol("chín")
            + "|"
            + tol("ba")
            + r")\s+"
            + tol("tháng")
            + r"(?:\s+(?:"
            + tol("đầu năm")
            + "|"
            + tol("cuối năm")
            + "|"
            + tol("năm")
            + "|"
            + tol("đầu")
            + "|"
            + tol("cuối")
            + r"))?(?:\s+"
            + _YEAR
            + ")?",
            NOT_LETTER_BEFORE + tol("quý") + r"\s+[IVX\d]+(?:\s*/\s*" + _YEAR + ")?" + NOT_LETTER_AFTER,
            NOT_LETTER_BEFORE
            + "(?:"
            + tol("năm học")
            + "|"
            + tol("niên vụ")
            + "|"
            + tol("năm")
            + "|"
            + tol("giai đoạn")
            + "|"
            + tol("nhiệm kỳ")
            + r")\s+"
            + _YEAR
            + r"(?:\s*[-–—]\s*"
            + _YEAR
            + ")?",
            _YEAR + r"\s*[-–—]\s*" + _YEAR,
            NOT_LETTER_BEFORE
            + r"(?:(?<!\d)\d+|"
            + tol("hai")
            + "|"
            + tol("ba")
            + "|"
            + tol("năm")
            + r")\s+"
            + tol("năm")
            + r"(?:\s+"
            + tol("qua")
            + ")?"
            + NOT_LETTER_AFTER,
            r"(?<!thực )(?<!thể )(?<!xuất )(?<!phát )(?<!Thực )"
            + NOT_LETTER_BEFORE
            + r"hiện(?=\s+(?:có|nay|tại|đang)"
            + NOT_LETTER_AFTER
            + ")",
            r"(?<!\d)" + _YEAR + r"(?![\d.,]\d)",
            # `đến 30/11`, `tính đến 31/12/2025`: a cut-off date
            NOT_LETTER_BEFORE
            + r"(?:"
            + tol("tính")
            + r"\s+)?(?:"
            + tol("đến")
            + "|"
            + tol("tới")
            + r")\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?",
            NOT_LETTER_BEFORE + tol("tháng") + r"\s+\d{1,2}(?:\s*/\s*" + _YEAR + ")?",
            NOT_LETTER_BEFORE
            + r"(?:"
            + tol("tính")
            + r"\s+)?(?:"
            + tol("đến")
            + "|"
            + tol("tới")
            + r")\s+"
            + tol("hết")
            + r"(?:\s+(?:"
            + tol("tháng")
            + "|"
            + tol("quý")
            + "|"
            + tol("năm")
            + "|"
            + tol("ngày")
            + r")(?:\s+[\dIVX/]+)?)?",
            NOT_LETTER_BEFORE
            + r"(?:(?:"
            + tol("tính")
            + r"\s+)?(?:"
            + tol("đến")
            + "|"
            + tol("tới")
            + r")\s+)?(?:"
            + tol("hết")
            + r"\s+)?"
            + tol("ngày")
            + r"\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?",
            NOT_LETTER_BEFORE
            + "(?:"
            + "|".join(
                tol(w)
                for w in (
                    "từ đầu năm đến nay",
                    "từ đầu năm",
                    "đầu năm",
                    "cuối năm",
                    "đầu năm đến nay",
                    "đến nay",
                    "hiện nay",
                    "lũy kế",
                    "luỹ kế",
                    "trong kỳ",
                    "trong năm",
                    "cả năm",
                    "hằng năm",
                    "hàng năm",
                )
            )
            + ")"
            + NOT_LETTER_AFTER,
        ]
    )
    + ")",
    re.IGNORECASE,
)


_WORD_AT_START = re.compile(r"(?<!\w)\w+")
# the first word of every alternative of _TIME, folded (or a number): only there can a match start
_TIME_FIRSTS = frozenset(
    "trong sau chin ba quy nam nien giai nhiem hai hien thang tinh den toi het ngay tu dau cuoi luy ca "
    "hang".split()
)


def remove_time(s: str) -> str:
    """``s`` with its time references (``6 tháng đầu năm``, ``năm 2025``, ``đến 30/11``) blanked out.

    Every time reference starts with a number or one of a few words, so the pattern is tried only
    where such a word starts: scanning every offset with its long alternation (``_TIME.sub``) cost
    ten times as much (and a pre-test for the time words cost more than the word loop)."""
    out: list[str] = []
    last = 0
    match = _TIME.match
    for w in _WORD_AT_START.finditer(s):
        i = w.start()
        if i < last:
            continue
        word = w.group()
        if not word[0].isdigit() and fold_word(word) not in _TIME_FIRSTS:
            continue
        m = match(s, i)
        if m and m.end() > i:
            out.append(s[last:i])
            out.append(" ")
            last = m.end()
    if not out:
        return s
    out.append(s[last:])
    return "".join(out)
