"""What surrounds a number: the hedges and verb before it, the basis after a percentage, and the
contexts that make a number a name or an ordinal rather than a figure."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .lexicon import (
    BASIS_ABBREV,
    BASIS_KEYWORDS,
    COMPARE_VERBS,
    HEDGE_GLUE,
    HEDGES,
    fold,
    fold_word,
    tol,
    tol_short_exact,
    words,
)

# ---------------------------------------------------------------------------------------------
# Before the number: a chain of hedges, glue words and one comparison verb.
_CHAIN_WORDS = sorted(
    {*HEDGES, *HEDGE_GLUE, *COMPARE_VERBS, "từ", "so với", "gấp", "tăng gấp", "cao gấp"},
    key=len,
    reverse=True,
)


_HEDGE_BY_FOLD = {fold(k): v for k, v in HEDGES.items()}
_VERB_BY_FOLD = {fold(k): v for k, v in COMPARE_VERBS.items()}
_CHANGE_KINDS = ("change", "growth")
_PER_YEAR = {"hang nam", "moi nam"}
_TIMES = {"gap", "tang gap", "cao gap"}


@dataclass(slots=True)
class Lead:
    start: int  # where the chain starts (end of the subject text)
    hedges: list[str] = field(default_factory=list)
    verb: str = ""  # the comparison verb as folded text, e.g. "tang"
    verb_kind: str = ""  # of, change, exceed, level, share, growth
    sign: int = 1
    from_word: bool = False  # `tăng từ X%`: X is a starting level
    basis: str | None = None  # basis written between verb and number: `thấp hơn chỉ tiêu 3%`
    verbs: list[str] = field(default_factory=list)  # every verb of the chain, nearest first
    average_growth: bool = False  # `tăng bình quân (hằng năm) X%`: an average rate, not a change
    times: bool = False  # `gấp`, `tăng gấp`: the number is a multiplier (`gấp 2,3 lần`)
    noun: str = ""  # a verb used as the subject's noun (`tăng trưởng` in `tăng trưởng bình quân đạt`)


_VERB_BASIS = re.compile(
    r"(?:^|(?<=[\s,;:(]))("
    + "|".join(
        tol(w)
        for w in (
            "tăng",
            "giảm",
            "cao hơn",
            "thấp hơn",
            "vượt",
            "vượt mức",
            "đạt",
            "bằng",
            "ít hơn",
            "nhiều hơn",
        )
    )
    + r")\s+((?:"
    + words("so với", "so")
    + r"\s+)?(?:"
    + words(
        "cùng kỳ",
        "kế hoạch",
        "dự toán",
        "nghị quyết",
        "chỉ tiêu",
        "mục tiêu",
        # bases of kind `other`: `cao hơn bình quân chung của tỉnh 12,3%`
        "bình quân chung",
        "mức bình quân",
        "bình quân cả nước",
        "trung bình cả nước",
        "mức trung bình",
        "năm trước",
        "đầu năm",
    )
    + r")(?:\s+[^\s,;:()\d]+){0,3}?)\s*$",
    re.IGNORECASE,
)


_CHAIN_BY_FOLD: dict[str, list[re.Pattern[str]]] = {}
for _w in _CHAIN_WORDS:
    _CHAIN_BY_FOLD.setdefault(fold(_w), []).append(re.compile(tol_short_exact(_w), re.IGNORECASE))
_CHAIN_MAX = max(len(w.split()) for w in _CHAIN_WORDS)
_BASIS_HINT = (
    "ke hoach",
    "du toan",
    "nghi quyet",
    "chi tieu",
    "muc tieu",
    "cung ky",
    "binh quan",
    "trung binh",
    "nam truoc",
    "dau nam",
)


_CHAIN_LASTS = {k.split()[-1] for k in _CHAIN_BY_FOLD}
# for each last word, the lengths of the chain phrases it ends, longest first
_CHAIN_LENS: dict[str, list[int]] = {}
for _k in _CHAIN_BY_FOLD:
    _CHAIN_LENS.setdefault(_k.split()[-1], []).append(len(_k.split()))
for _v in _CHAIN_LENS.values():
    _v.sort(reverse=True)


def _chain_phrase(words_: list[str], folded: list[str]) -> str | None:
    """The folded chain phrase these words spell (tolerant diacritics), or None."""
    key = " ".join(folded)
    rxs = _CHAIN_BY_FOLD.get(key)
    if rxs:
        phrase = " ".join(words_)
        if any(rx.fullmatch(phrase) for rx in rxs):
            return key
    return None


def lead(text: str, start: int, pos: int) -> Lead:
    """Read the hedge/verb chain that ends at ``pos`` (the number), not going before ``start``.

    The chain is a run of whitespace-separated words right before the number: hedges (``ước``,
    ``trên``), glue (``đạt``, ``là``) and one comparison verb (``tăng``, ``bằng``)."""
    lo = max(start, pos - 60)
    window = text[lo:pos]
    j = len(window.rstrip())
    last = window[window.rfind(" ", 0, j) + 1 : j]
    if fold_word(last.lstrip("(")) not in _CHAIN_LASTS:
        ws: list[str] = []  # the word before the number ends no chain (most numbers)
        fw: list[str] = []
    else:
        ws = window.split()
        if ws and lo > start and not text[lo - 1].isspace() and not window[0].isspace():
            ws = ws[1:]  # cut in the middle of a word
        if len(ws) > 9:
            ws = ws[-9:]  # a chain is a few words, and 2 words before it are looked at
        fw = [fold_word(w[1:] if w[:1] == "(" else w) for w in ws]  # folded, `(` dropped
    hedges: list[str] = []
    verb = ""
    kind = ""
    sign = 1
    from_word = False
    verbs: list[str] = []
    average_after_verb = False  # a `bình quân` between a change verb and the number
    per_year = False  # `hằng năm`, `mỗi năm` next to a change verb
    times = False
    steps = 0
    i = len(ws)
    while i > 0 and steps < 6:
        if fw[i - 1] not in _CHAIN_LASTS:
            break
        found = 0
        word = ""
        for k in _CHAIN_LENS[fw[i - 1]]:
            if k > i:
                continue
            key = " ".join(fw[i - k : i]) if k > 1 else fw[i - 1]
            rxs = _CHAIN_BY_FOLD.get(key)
            if not rxs:
                continue
            raw = ws[i - k : i]
            if raw[0][:1] == "(":
                raw = [raw[0][1:], *raw[1:]]
            if not all(w.isalpha() for w in raw):
                continue
            phrase = " ".join(raw)
            if any(rx.fullmatch(phrase) for rx in rxs):
                found, word = k, key
                break
        if not found:
            break
        if (
            word == "tang truong"
            and i - found >= 2
            and " ".join(fw[i - found - 2 : i - found]).endswith(("toc do", "muc"))
        ):
            break  # `tốc độ tăng trưởng 8%`: part of the subject, not a verb
        if word == "so voi":
            break  # `so với ... tăng X%` is handled by the basis lookup
        steps += 1
        if word == "tu" and i == len(ws):
            from_word = True
        changed_before = bool(verbs) and any(_VERB_BY_FOLD[v][0] in _CHANGE_KINDS for v in verbs)
        if word in _HEDGE_BY_FOLD:
            q = _HEDGE_BY_FOLD[word]
            if q not in hedges:
                hedges.insert(0, q)
        if word in _PER_YEAR:
            per_year = True
        if word in _VERB_BY_FOLD:
            if _VERB_BY_FOLD[word][0] in _CHANGE_KINDS and not changed_before:
                # `tăng bình quân hằng năm 8%`, `tăng trưởng bình quân đạt 9%`: an average rate
                average_after_verb = "average" in hedges or per_year
            verbs.append(word)
            if not verb:
                verb = word
                kind, sign = _VERB_BY_FOLD[word]
        if word in _TIMES:
            times = True
        i -= found
        if ws[i][:1] == "(":
            break  # the chain does not reach back into a parenthesis
    cur = pos
    if i < len(ws):
        # where the chain starts: the first consumed word, found from the end of the window
        end = len(window)
        for w in reversed(ws[i:]):
            end = window.rfind(w, 0, end)
        cur = lo + end + (1 if ws[i][:1] == "(" else 0)
    basis = None
    if not verb:
        window = text[max(start, cur - 60) : cur]
        folded_window = " ".join([fold_word(w) for w in window.split()])
        if any(h in folded_window for h in _BASIS_HINT):
            vb = _VERB_BASIS.search(window)
            if vb:
                verb = fold(vb.group(1))
                kind, sign = _VERB_BY_FOLD[verb]
                basis = classify_basis(vb.group(2)) or "other"
                cur = cur - (len(window) - vb.start())
                verbs.append(verb)
    noun = "tăng trưởng" if verbs and verbs[-1] == "tang truong" else ""
    if per_year and not average_after_verb and any(_VERB_BY_FOLD[v][0] in _CHANGE_KINDS for v in verbs):
        average_after_verb = True  # `kim ngạch xuất khẩu hằng năm tăng 12%`: an annual rate
    return Lead(cur, hedges, verb, kind, sign, from_word, basis, verbs, average_after_verb, times, noun)


# ---------------------------------------------------------------------------------------------
# After a percentage: the basis it is compared with.
_SO_VOI = re.compile(r"\s*(?:" + words("so với", "so với mức", "so", "với", "của") + r")\s*", re.I)
_WS = re.compile(r"\s*")
_BASIS_KW = re.compile(
    r"(" + words(*(k for k, _ in BASIS_KEYWORDS)) + r"|(?-i:\b(?:CK|KH|NQ|DT)\b)" + ")",
    re.IGNORECASE,
)
_BASIS_BY_FOLD = {fold(k): v for k, v in BASIS_KEYWORDS}
_BASIS_STOP = re.compile(
    r"[,.;:()\n…]|\d|\s(?:"
    + words("và", "tăng", "giảm", "đạt", "bằng", "vượt", "so với", "trong đó", "chiếm")
    + ")",
    re.IGNORECASE,
)
_OTHER_HINT = re.compile(
    r"\s*(?:"
    + words(
        "năm trước",
        "năm ngoái",
        "đầu năm",
        "cuối năm",
        "đầu nhiệm kỳ",
        "tháng trước",
        "quý trước",
        "năm",
        "tháng",
        "quý",
        "đầu kỳ",
        "kỳ trước",
        "bình quân",
        "trung bình",
        "mức",
    )
    + ")",
    re.IGNORECASE,
)
_REFINE = (
    ("nghị quyết", "resolution"),
    ("kế hoạch", "plan"),
    ("dự toán", "estimate"),
    ("cùng kỳ", "same_period"),
)
_REFINE_RE = [(re.compile(words(k), re.IGNORECASE), v) for k, v in _REFINE]
_ABBREV_RE = [(re.compile(r"(?-i:\b" + k + r"\b)"), v) for k, v in BASIS_ABBREV.items()]


@dataclass(slots=True)
class Basis:
    basis: str
    start: int
    end: int


def classify_basis(phrase: str) -> str | None:
    m = _BASIS_KW.search(phrase)
    if not m:
        return None
    kw = m.group(1)
    if kw in BASIS_ABBREV:
        return BASIS_ABBREV[kw]
    basis = _BASIS_BY_FOLD.get(fold(kw))
    if basis == "target":
        rest = phrase[m.end() :]
        for rx, v in _REFINE_RE:
            if rx.search(rest):
                return v
        for rx, v in _ABBREV_RE:
            if rx.search(rest):
                return v
    return basis


def basis_after(text: str, pos: int, limit: int) -> Basis | None:
    """The basis written right after a percentage (``so với kế hoạch``, ``dự toán tỉnh giao``)."""
    cur = pos
    m = _SO_VOI.match(text, cur, limit)
    had_so = False
    if m and m.group().strip():
        had_so = fold(m.group()).startswith("so")
        cur = m.end()
    else:
        cur = _WS.match(text, cur, limit).end()
    k = _BASIS_KW.match(text, cur, limit)
    if not k and not had_so:
        return None
    stop = _BASIS_STOP.search(text, cur, limit)
    end = stop.start() if stop else limit
    if end <= cur:
        return None
    phrase = text[cur:end]
    if k:
        basis = classify_basis(phrase)
    elif _OTHER_HINT.match(text, cur, limit) or had_so:
        basis = "other"
    else:
        return None
    return Basis(basis or "other", pos, end)


# A basis other than plan, resolution, estimate, target or same period, written right after a
# percentage without `so với`: `bằng 98% kịch bản`, `bằng 105% mức bình quân cả nước`, `tăng 12% đầu năm`.
_OTHER_NOUN = re.compile(
    r"\s*(?:"
    + words(
        "kịch bản",
        "chương trình",
        "đề án",
        "mức bình quân",
        "mức trung bình",
        "bình quân chung",
        "bình quân cả nước",
        "trung bình cả nước",
        "mức chung",
        "đầu năm",
        "đầu kỳ",
        "đầu nhiệm kỳ",
        "cuối năm trước",
        "năm trước",
        "năm ngoái",
        "kỳ trước",
        "tháng trước",
        "quý trước",
        "giai đoạn trước",
        "nhiệm kỳ trước",
        "thời điểm",
    )
    + ")",
    re.IGNORECASE,
)


def other_basis_after(text: str, pos: int, limit: int) -> Basis | None:
    """A named basis of kind ``other`` right after a percentage written without ``so với``."""
    m = _OTHER_NOUN.match(text, pos, limit)
    if not m:
        return None
    stop = _BASIS_STOP.search(text, m.end(), limit)
    return Basis("other", pos, stop.start() if stop else limit)


_SO_VOI_BEFORE = re.compile(
    r"(?:" + words("so với", "so") + r")\s+([^,;:()]{2,60}?)\s*[,]?\s*$", re.IGNORECASE
)


def basis_before(subject: str) -> tuple[str | None, str]:
    """``so với cùng kỳ, tăng 5%``: the basis written before the verb, and the subject without it."""
    m = _SO_VOI_BEFORE.search(subject)
    if not m:
        return None, subject
    return classify_basis(m.group(1)) or "other", subject[: m.start()]


# ---------------------------------------------------------------------------------------------
# Document-wide default basis for an implicit `đạt X%`.
_BASIS_MENTION = re.compile(words("kế hoạch", "dự toán", "nghị quyết", "chỉ tiêu"), re.IGNORECASE)


class BasisIndex:
    """Counts of basis words (kế hoạch, dự toán, Nghị quyết) before any position, for the document's
    dominant basis when a percentage leaves its basis implicit."""

    def __init__(self, text: str) -> None:
        self.positions: list[int] = []
        self.bases: list[str] = []
        for m in _BASIS_MENTION.finditer(text):
            b = classify_basis(text[m.start() : m.end() + 30])
            if b in ("plan", "estimate", "resolution"):
                self.positions.append(m.start())
                self.bases.append(b)
        self.prefix: dict[str, list[int]] = {}
        self.last: dict[str, list[int]] = {}  # last[b][i]: index of the last b among bases[:i], or -1
        for b in ("plan", "estimate", "resolution"):
            counts = [0]
            last = [-1]
            for j, x in enumerate(self.bases):
                counts.append(counts[-1] + (x == b))
                last.append(j if x == b else last[-1])
            self.prefix[b] = counts
            self.last[b] = last

    def dominant(self, pos: int) -> str | None:
        i = bisect_left(self.positions, pos)
        if i == 0:
            return None
        counts = {b: self.prefix[b][i] for b in self.prefix}
        best = max(counts.values())
        tied = [b for b, c in counts.items() if c == best]
        if len(tied) == 1:
            return tied[0]
        return max(tied, key=lambda b: self.last[b][i])  # the one mentioned last
