"""Paragraphs, sentences and clause chunks, as (start, end) spans of the normalised text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at a run of . ! ? … followed by a space, a closing quote or bracket, or the end (not
# inside numbers like 101.761, not after abbreviations), or at a line end.  The pattern matches every
# whole run and the code looks at the character after it: a run glued to a letter or digit (dotted
# leaders in a table of contents, ``....3``) costs one step (a look-ahead in the pattern backtracked
# exponentially over such runs).
_SENT_END = re.compile(r"[.!?…]+|\n+")
_AFTER_END = frozenset(" \t\n\r\f\v\"'”’)]")
_ABBREV = re.compile(
    r"(?:TP|Tp|tp|TS|ThS|PGS|GS|BS|KS|CN|Th\.S|TT|Q|P|H|X|St|Mr|Mrs|Dr|v\.v|vv|Tr|tr|Đ/c|đ/c|Đc|đc|ĐT|Tel|Nxb|NXB)$"
)
_CHUNK_SEP = re.compile(r"[,;:]")
_NONSPACE = re.compile(r"\S")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (line) it belongs to


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    para = 0
    start = 0
    nonspace = _NONSPACE.search
    n = len(text)
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "\n":
            if nonspace(text, start, m.start()):
                out.append(Sentence(start, m.start(), para))
            para += 1
            start = m.end()
            continue
        if m.end() < n and text[m.end()] not in _AFTER_END and not text[m.end()].isspace():
            continue  # a run glued to what follows: `101.761`, `v.v`, dotted leaders `....3`
        # do not split after an abbreviation or a single capital initial (`TP. Hồ Chí Minh`)
        if m.end() - m.start() == 1 and text[m.start()] == "." and text[m.start() - 1 : m.start()].isalpha():
            before = text[max(start, m.start() - 8) : m.start()].split()
            if before and _ABBREV.match(before[-1]):
                continue
        if nonspace(text, start, m.end()):
            out.append(Sentence(start, m.end(), para))
        start = m.end()
    if nonspace(text, start):
        out.append(Sentence(start, len(text), para))
    return out


def chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause chunks of text[start:end] split at , ; and : (parentheses stay inside their clause)."""
    out = []
    s = start
    for m in _CHUNK_SEP.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return out
