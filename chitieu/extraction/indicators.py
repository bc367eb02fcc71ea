"""Naming what a figure measures, in the document's own words.

The subject of a figure is the clause text before its number, cleaned of connectors (``trong đó``,
``cụ thể``), time references (``6 tháng đầu năm``, ``năm 2023``) and the verbs and hedges that lead
to the number (``ước đạt``, ``là``, ``gồm``).  Where Vietnamese leaves the object implicit the
context supplies it (see :func:`complete`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import (
    COMPARE_VERBS,
    HEDGE_GLUE,
    HEDGES,
    INCOMPLETE_HEADS,
    MEASURE_HEADS,
    exact_words,
    fold,
    fold_word,
    tol,
    words,
)
from .timerefs import remove_time

_LEADING_WORDS = (
    "toàn huyện",
    "toàn tỉnh",
    "toàn xã",
    "toàn thị xã",
    "toàn thành phố",
    "toàn thị trấn",
    "toàn đảng bộ",
    "cả nước",
    "toàn quốc",
    "cả tỉnh",
    "cả huyện",
    "trong đó",
    "cụ thể",
    "cụ thể là",
    "riêng",
    "ngoài ra",
    "bên cạnh đó",
    "đồng thời",
    "theo đó",
    "nổi bật là",
    "nổi bật",
    "nhất là",
    "đặc biệt là",
    "đặc biệt",
    "và",
    "còn",
    "đối với",
    "với",
    "qua đó",
    "từ đó",
    "bao gồm",
    "gồm",
    "như",
    "trong",
    "lũy kế",
    "luỹ kế",
    "tính đến nay",
    "tính đến",
    "đến nay",
    "hiện nay",
    "hiện",
    "vừa qua",
    "năm qua",
    "kết quả",
    "kết quả là",
    "tuy nhiên",
    "nhưng",
    "song",
    "do đó",
    "vì vậy",
    "sau",
    "đến",
    "từ",
    "cả",
    "so với",
    "so",
    "đã",
    "đang",
    "sẽ",
    "thì",
)
_TRAILING_WORDS = (
    *HEDGES,
    *HEDGE_GLUE,
    *COMPARE_VERBS,
    "đã",
    "đều",
    "chỉ",
    "cơ bản",
    "lần lượt",
    "tương ứng",
    "tổng cộng",
    "thực hiện được",
    "được",
    "đạt kết quả",
    "bước đầu",
    "luôn",
    "cũng",
    "vẫn",
    "chung",
    "từ",
    "khoảng từ",
    "về",
    "có",
    "gồm",
    "bao gồm",
    "ước",
    "cho",
    "đối với",
    "duy trì",
    "giữ vững",
    "phấn đấu",
    "phấn đấu đạt",
    "đạt mức",
)
_AIM_HINT = re.compile(r"ph[aấ]n|m[uụ]c\s+ti[eê]u", re.IGNORECASE)
# `phấn đấu đến năm 2030 ...`, `mục tiêu ...`: the aim words before what is aimed at (not the
# programme name `Chương trình mục tiêu quốc gia`)
_AIM = re.compile(
    r"^.*?(?:"
    + words("phấn đấu", "đề ra mục tiêu")
    + r"|(?<!trình )"
    + words("mục tiêu")
    + r"(?!\s+"
    + words("quốc gia")
    + r"))(?:\s+"
    + words("đến")
    + r")?\s+",
    re.I,
)


class PhraseSet:
    """Phrases looked up word by word: by folded form first (fast), then checked with the tolerant
    pattern (so ``đạt`` matches ``dạt`` but not ``đất``)."""

    def __init__(self, phrases: tuple[str, ...] | list[str]) -> None:
        self.by_fold: dict[str, list[re.Pattern[str]]] = {}
        for p in phrases:
            # short single words are spelled exactly: `thì` must not match `thi`, `còn` not `con`
            src = tol(p) if " " in p or len(p) > 3 else exact_words(p)
            self.by_fold.setdefault(fold(p), []).append(re.compile(src, re.IGNORECASE))
        self.longest = max(len(p.split()) for p in phrases)
        self.firsts = {k.split()[0] for k in self.by_fold}
        self.lasts = {k.split()[-1] for k in self.by_fold}
        # the lengths of the phrases each first (last) word starts (ends), longest first
        self.lens_first: dict[str, list[int]] = {}
        self.lens_last: dict[str, list[int]] = {}
        for k in self.by_fold:
            n = len(k.split())
            for table, word in ((self.lens_first, k.split()[0]), (self.lens_last, k.split()[-1])):
                if n not in table.setdefault(word, []):
                    table[word].append(n)
        for table in (self.lens_first, self.lens_last):
            for lens in table.values():
                lens.sort(reverse=True)

    def find(self, words_: list[str], folded: list[str]) -> bool:
        key = " ".join(folded)
        rxs = self.by_fold.get(key)
        return bool(rxs) and any(rx.fullmatch(" ".join(words_)) for rx in rxs)


_COMPOUNDS = {"chứng chỉ", "địa chỉ", "chỉ số", "tất cả", "đã có"}
_PUNCT = ",;:.-–—()[]…\"'“”‘’/|*•+"
_LEADING = PhraseSet(_LEADING_WORDS)
_TRAILING = PhraseSet(_TRAILING_WORDS)


def _strip_phrases(s: str, phrases: PhraseSet, from_end: bool) -> str:
    """Remove leading (or trailing) phrases of the set, word by word (``s`` itself when none is)."""
    ws = s.split()
    n = len(ws)
    lens_of = phrases.lens_last if from_end else phrases.lens_first
    folded: dict[int, str] = {}  # index in ws -> folded bare word, computed when looked at

    def fw(j: int) -> str:
        f = folded.get(j)
        if f is None:
            f = folded[j] = fold_word(ws[j].strip(_PUNCT))
        return f

    lo, hi = 0, n  # the words left: ws[lo:hi]
    while lo < hi:
        edge = hi - 1 if from_end else lo
        lens = lens_of.get(fw(edge))
        if not lens:
            break
        for k in lens:
            if k > hi - lo:
                continue
            idx = range(hi - k, hi) if from_end else range(lo, lo + k)
            bare = [ws[j].strip(_PUNCT) for j in idx]
            if not all(bare):
                continue
            if from_end and hi - k > lo and f"{ws[hi - k - 1]} {bare[0]}".lower() in _COMPOUNDS:
                continue  # `chứng chỉ`, `địa chỉ`: not the adverb `chỉ`
            if phrases.find(bare, [fw(j) for j in idx]):
                if from_end:
                    hi -= k
                else:
                    lo += k
                break
        else:
            break
    return s if (lo, hi) == (0, n) else " ".join(ws[lo:hi])


_EDGE_PUNCT = " \t\n,;:.-–—[]…\"'“”‘’/|*•+"
# exact spelling: tolerant matching would let `chi` match `chỉ` and `thu` match `thủ`
_HEAD_RE = re.compile(r"^(?:" + exact_words(*MEASURE_HEADS) + ")", re.IGNORECASE)
_HEAD_ANYWHERE = re.compile(exact_words(*MEASURE_HEADS), re.IGNORECASE)
_INCOMPLETE = {h.lower() for h in INCOMPLETE_HEADS}
_EXISTENTIAL = re.compile(
    r"(?:^|\s)(?:" + words("có", "có thêm", "đã có", "thêm", "được", "gồm", "bao gồm", "còn") + r")\s*$",
    re.IGNORECASE,
)
_EXISTENTIAL_LAST = frozenset({"co", "them", "duoc", "gom", "con"})


def ends_with(s: str, lasts: frozenset[str]) -> bool:
    """True when the last word of ``s``, folded, is one of ``lasts`` (a cheap test before a pattern
    anchored at the end, which a search would try at every offset)."""
    i = len(s.rstrip())
    j = s.rfind(" ", 0, i) + 1
    return fold_word(s[j:i]) in lasts


_PLACE_WORDS = (
    "đảng bộ",
    "đảng ủy",
    "đảng uỷ",
    "huyện ủy",
    "huyện uỷ",
    "tỉnh ủy",
    "tỉnh uỷ",
    "huyện",
    "tỉnh",
    "xã",
    "thị xã",
    "thị trấn",
    "thành phố",
    "phường",
    "quận",
    "cả nước",
    "đơn vị",
    "địa phương",
    "ngành",
)
_PLACE_HEAD = re.compile(
    r"^(?:"
    + exact_words("toàn", "cả")
    + r"\s+)?(?:"
    + exact_words(*_PLACE_WORDS)
    + r")(?:\s+(?:"
    + exact_words("huyện", "tỉnh", "xã", "thị xã", "thị trấn", "thành phố", "phường", "quận")
    + "))?",
    re.IGNORECASE,
)


def is_place(s: str) -> bool:
    """True for a subject that only names a unit: ``toàn huyện``, ``Đảng bộ huyện``, ``xã Tân Sỏi``."""
    s = s.strip()
    if not s or s.lower() in ("toàn", "cả"):
        return True
    m = _PLACE_HEAD.match(s)
    if not m:
        return False
    rest = s[m.end() :].split()
    return all(w[:1].isupper() for w in rest)


_TOPIC_CUT = re.compile(
    r"(?<!\s)\s+"
    + words(
        "được",
        "đạt",
        "là",
        "có",
        "tiếp tục",
        "đã",
        "đang",
        "sẽ",
        "luôn",
        "đều",
        "vẫn",
        "bị",
        "tăng",
        "giảm",
        "duy trì",
        "triển khai",
        "ổn định",
        "phát triển",
        "gặp",
        "chuyển biến",
        "chuyển dịch",
    ),
    re.IGNORECASE,
)
_TOPIC_LEAD = re.compile(
    r"^(?:"
    + words(
        "về",
        "sản xuất",
        "gieo trồng",
        "gieo cấy",
        "thu hoạch",
        "công tác",
        "việc",
        "hoạt động",
        "lĩnh vực",
        "xây dựng",
        "thực hiện",
        "tình hình",
        "kết quả",
    )
    + r"\s*)+",
    re.IGNORECASE,
)
_PARENT_LEAD = re.compile(
    r"^(?:"
    + words(
        "biểu quyết",
        "thông qua",
        "điều chỉnh",
        "cho ý kiến",
        "quyết định",
        "phê duyệt",
        "kiện toàn",
        "bầu",
        "các đại biểu",
        "đại biểu",
    )
    + r"\s*)+",
    re.IGNORECASE,
)
_PARENT_TAIL = re.compile(
    r"(?<!\s)(?:\s*"
    + words("với cơ cấu", "cơ cấu", "như sau", "cụ thể", "cụ thể là", "gồm", "bao gồm", "như", "là", "sau")
    + r")+\s*$",
    re.IGNORECASE,
)
_VACUOUS_LABELS = {
    "chỉ tiêu",
    "một số chỉ tiêu",
    "kết quả",
    "nội dung",
    "cụ thể",
    "các chỉ tiêu",
    "trong đó",
    "",
}
_TOTAL_LEAD = re.compile(
    r"^" + words("tổng số", "tổng") + r"\s+(?!" + words("sản phẩm", "mức") + ")", re.IGNORECASE
)  # not `tổng sản phẩm` (GRDP) or `tổng mức bán lẻ`: there `tổng` is part of the name


def squash(s: str) -> str:
    return " ".join(s.split())


def strip_edges(s: str) -> str:
    if "  " in s or "\n" in s or "\t" in s:
        s = squash(s)
    s = s.strip(_EDGE_PUNCT)
    # keep a closing parenthesis that closes something (`giá trị sản xuất (giá so sánh)`)
    return s.strip(_EDGE_PUNCT + "()") if s.count("(") != s.count(")") else s


_OPEN_PAREN = re.compile(r"\(\s+")
_CLOSE_PAREN = re.compile(r"(?<!\s)\s+\)")
_EMPTY_PARENS = re.compile(r"\(\s*\)|\[\s*\]")


def tidy(s: str) -> str:
    """Whitespace and parentheses left behind after removing words (`( giá so sánh )`)."""
    s = squash(s)
    if "(" in s or "[" in s:
        s = _EMPTY_PARENS.sub("", _OPEN_PAREN.sub("(", _CLOSE_PAREN.sub(")", s)))
    return strip_edges(s)


_LEADING_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*\s+")


def clean(s: str, timeless: bool = False) -> str:
    """Subject text without connectors, time references, and the verbs and hedges before a number
    (``timeless``: the caller has already removed the time references)."""
    s = tidy(s if timeless else remove_time(s))
    if not s:
        return s
    if _AIM_HINT.search(s):
        aim = _AIM.match(s)
        if aim and aim.end() < len(s):
            s = s[aim.end() :]
    for _ in range(3):
        before = s
        if s[:1].isdigit():
            s = _LEADING_NUMBER.sub("", s)  # `(mức độ) 1 và 8 trường`: a number that was not a figure
        t = _strip_phrases(s, _LEADING, from_end=False)
        if t is not s:
            s = strip_edges(t)
        t = _strip_phrases(s, _TRAILING, from_end=True)
        if t is not s:
            s = strip_edges(t)
        if s == before:
            break
    words_ = s.split()
    if len(words_) > 20:
        s = " ".join(words_[-20:])
    if s.count("(") != s.count(")"):
        s = strip_edges(s.replace("(", " ").replace(")", " "))
    return s


def lower_first(s: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (UBND, BHYT)."""
    if not s:
        return s
    first = s.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first not in ("Đảng", "Nhà", "Nghị", "Đông", "Hè"):
        return s[0].lower() + s[1:]
    return s


def is_name_end(s: str) -> bool:
    """True when ``s`` ends with two capitalised words (a proper name: ``xã Tân Lập``)."""
    ws = s.split()
    return len(ws) >= 2 and ws[-1][:1].isupper() and ws[-2][:1].isupper()


@lru_cache(maxsize=8192)
def has_head(s: str) -> bool:
    return bool(_HEAD_ANYWHERE.search(s))


def is_incomplete(s: str) -> bool:
    return s.lower() in _INCOMPLETE


_ADVERB_TAIL = re.compile(
    r"(?<!\s)(?:\s+" + exact_words("hiện", "nay", "đã", "vẫn", "đến nay", "hiện nay") + r")+\s*$", re.I
)


_REPORTING_END = re.compile(words("cho thấy", "cho biết", "ghi nhận", "xác định") + r"\s*$", re.IGNORECASE)


def existential(s: str) -> tuple[bool, str]:
    """(True, rest) when s ends with an existential verb (``huyện có``): the count names itself."""
    m = _EXISTENTIAL.search(s) if ends_with(s, _EXISTENTIAL_LAST) else None
    if m:
        rest = strip_edges(_ADVERB_TAIL.sub("", s[: m.start()]))
        if is_place(rest) or _REPORTING_END.search(rest):
            rest = ""  # `toàn huyện có`, `rà soát cho thấy có`: the count names itself
        return True, rest
    return False, s


def topic(chunk: str) -> str:
    """The topic of a clause without a number: its words before the first verb (``Đầu tư xây dựng cơ
    bản được tập trung ...`` → ``đầu tư xây dựng cơ bản``)."""
    s = strip_edges(remove_time(chunk))
    s = strip_edges(_strip_phrases(s, _LEADING, from_end=False))
    m = _TOPIC_CUT.search(s)
    if m:
        s = s[: m.start()]
    s = strip_edges(_TOPIC_LEAD.sub("", strip_edges(s)))
    words_ = s.split()
    if len(words_) > 8:
        return ""
    return s


def parent_label(intro: str) -> str:
    """The label a colon-introduced list takes from its introduction."""
    s = strip_edges(remove_time(intro))
    s = strip_edges(_strip_phrases(s, _LEADING, from_end=False))
    s = strip_edges(_PARENT_TAIL.sub("", s))
    s = strip_edges(_PARENT_LEAD.sub("", s))
    if s.lower().startswith(("về ", "công tác ")):
        shorter = strip_edges(_TOPIC_LEAD.sub("", s))
        # keep `xây dựng Đảng` whole: only drop the lead words when a phrase remains
        s = (
            shorter
            if len(shorter.split()) >= 2
            else strip_edges(re.sub(r"^(?:về|công tác)\s+", "", s, flags=re.I))
        )
    s = re.sub(r"^(?:một số|các|những)\s+", "", s, flags=re.IGNORECASE)
    cut = _TOPIC_CUT.search(s)
    if cut and len(s[: cut.start()].split()) >= 2:
        s = s[: cut.start()]
    if s.lower() in _VACUOUS_LABELS or len(s.split()) > 10:
        return ""
    return lower_first(s)


_OBJECT_TAIL = re.compile(
    r"(?<!\s)\s+(?:"
    + words("toàn huyện", "toàn tỉnh", "toàn xã", "toàn thị xã", "trên địa bàn", "của", "tại", "đạt")
    + r")(?:\s.*)?$",
    re.IGNORECASE,
)


def object_of(indicator: str) -> str:
    """What a measured indicator is about: ``diện tích lúa Đông Xuân toàn huyện gieo cấy`` → ``lúa Đông
    Xuân`` (the head and the trailing place/verb words removed)."""
    s = _HEAD_RE.sub("", indicator).strip()
    s = _OBJECT_TAIL.sub("", s)
    return strip_edges(s)


def head_of(indicator: str) -> str:
    """The measure head an indicator starts with (``tổng đàn`` in ``tổng đàn trâu``), or ''."""
    m = _HEAD_RE.match(indicator)
    return m.group().strip() if m else ""


def total_label(indicator: str) -> str:
    """A total's indicator without ``tổng`` (``Tổng giá trị sản xuất`` → ``giá trị sản xuất``)."""
    return lower_first(_TOTAL_LEAD.sub("", indicator))


def join(*parts: str) -> str:
    """The parts as one phrase; a word repeated where two parts meet is written once (`diện tích
    gieo trồng cây` + `cây lúa` -> `diện tích gieo trồng cây lúa`, not `cây cây`)."""
    words_: list[str] = []
    for p in parts:
        ws = p.split()
        if ws and words_ and ws[0] == words_[-1]:
            ws = ws[1:]
        words_.extend(ws)
    return " ".join(words_)
