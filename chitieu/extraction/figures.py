"""Figures out of Vietnamese report prose: the engine behind :func:`extract`.

Each sentence is read left to right.  A number with a unit is a *mention*; a percentage next to a
basis (``đạt 59,9% so với kế hoạch``) is a comparison.  A comparison whose clause has no subject of its
own (``..., đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ``) belongs to the figure before it; one with
its own subject starts a figure without a value (``tiến độ giải ngân đạt 63% so với kế hoạch``).

Rules for ambiguous cases (see also SCHEMA.md and the dev NOTES):

* ranges ``15-16%`` / ``từ 15 đến 16 tỷ`` / ``từ 1,2 triệu đến 1,5 triệu lượt``: two figures, the
  lower bound (which also keeps the upper in ``Figure.upper``) and the upper bound (``Figure.lower``
  points back at the lower), same indicator, unit and qualifiers; ``từ`` is no qualifier; a range
  against a basis is two comparisons;
* ``gấp 2,3 lần``, ``tăng 1,6 lần``: a figure in ``lần`` (a multiplier), never a percentage;
* a list ``15, 17 và 19 tiêu chí`` gives every number the unit written after the last one;
* ratings (``4 sao``), ranks (``xếp thứ 9/34``, ``thứ 3 trong 26 phường``, ``top 10``), numbers in
  names (``nhà máy số 2``, ``Hoa Sen 2``, ``Trung đoàn 9``) and ``cả hai``/``cả ba`` are no figures;
* ``1,2 nghìn tỷ đồng``: value 1.2, unit ``nghìn tỷ đồng`` as written; ``905 tỷ 653 triệu đồng`` →
  905.653 ``tỷ đồng``; a bare ``40,7 tỷ`` in a money clause becomes ``tỷ đồng``;
* numbers in words count only when a known count unit follows (``hai xã``); durations (``hai năm
  rưỡi``) and fixed phrases (``một số``, ``hai mặt``) never do;
* an implicit basis is taken from a parallel clause of the same sentence (``tăng 0,3%`` after ``tăng
  15,9% so với cùng kỳ``), then from the paragraph, then (for ``đạt X%``) from the basis the document
  talks about most so far (Nghị quyết / kế hoạch / dự toán) — but first from a plan or estimate
  given as a figure in this or the previous sentence (``Kế hoạch vốn ... là 1.250 tỷ đồng. ... đạt
  65%``); a change with no basis anywhere is ``same_period``; a named basis that is none of plan,
  resolution, estimate, target or same period (``kịch bản``, ``đầu năm``, ``mức bình quân cả nước``)
  is ``other``, with or without ``so với``;
* average annual growth and the level of a growth rate are ``%`` figures (see percents.py);
* ``đạt X%`` is a value of its own (unit ``%``) when the subject is a rate (``tỷ lệ``, ``độ che phủ``)
  or the percentage is followed by what it is a share of (``đạt 70% các chỉ tiêu``, ``100% xã``), or
  when the text names no basis at all; a disbursement rate (``tỷ lệ giải ngân``) is a share of the
  plan.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import indicators as ind
from .context import BasisIndex, classify_basis
from .lexicon import words
from .mentions import read_mention
from .model import Extraction, ExtractionWarning, Figure
from .normalise import mask_furniture, normalise
from .numbers import NumberToken, scan_digits, word_numbers
from .percents import PercentPlacer
from .placing import _PLAN_CUE, _TRONG_DO, _VE_TOPIC, SentenceState
from .segment import Sentence, sentences

# A sentence opened by a hedge: `Ước cả năm, ...`, `Bình quân mỗi năm, ...` applies to its figures.
_HEAD_HEDGE = re.compile(
    r"^[\s\-–•*+]*(?:("
    + words("ước", "ước tính", "ước thực hiện")
    + ")|("
    + words("bình quân", "trung bình")
    + r"))\s",
    re.IGNORECASE,
)


class _Reader(PercentPlacer):
    def __init__(self, work: str) -> None:
        self.work = work
        self.figures: list[Figure] = []
        self.warnings: list[ExtractionWarning] = []
        self._basis_index: BasisIndex | None = None
        self.clean_memo: dict[str, str] = {}
        self.para = -1
        self.para_change: str | None = None
        self.para_of: str | None = None
        self.prev_last: int | None = None  # last figure of the previous sentence in the paragraph
        self.window_start = 0  # start of the previous sentence in the paragraph
        self.average_figures: set[int] = set()  # figures that are average annual growth rates

    # -- tokens -----------------------------------------------------------------------------------
    def run(self) -> None:
        work = self.work
        digits, bad = scan_digits(work)
        for t in bad:
            self.warnings.append(
                ExtractionWarning("malformed_number", f"malformed number {t.text!r} skipped", t.start, t.end)
            )
        taken = bytearray(len(work) + 1)
        for t in digits:
            taken[t.start : t.end] = b"\x01" * (t.end - t.start)
        words_ = [t for t in word_numbers(work) if not any(taken[t.start : t.end])]
        tokens = sorted(digits + words_, key=lambda t: t.start)
        i = 0
        last_start = 0
        for sent in sentences(work):
            self.window_start = last_start  # the previous sentence of the paragraph (for bases)
            if sent.paragraph != self.para:
                self.para = sent.paragraph
                self.para_change = self.para_of = None
                self.prev_last = None
                self.window_start = sent.start
            last_start = sent.start
            while i < len(tokens) and tokens[i].start < sent.start:
                i += 1
            j = i
            while j < len(tokens) and tokens[j].start < sent.end:
                j += 1
            if i < j:
                self._sentence(sent, tokens[i:j])
            i = j

    def _sentence(self, sent: Sentence, tokens: list[NumberToken]) -> None:
        work = self.work
        st = SentenceState(sent, extent=sent.start, first=len(self.figures))
        head = work[sent.start : sent.end]
        if _TRONG_DO.match(head) and self.prev_last is not None:
            st.parent = self.prev_last
            st.label = ind.total_label(self.figures[self.prev_last].indicator)
        m = _VE_TOPIC.match(head)
        if m:
            st.topic = ind.parent_label("về " + m.group(1))
        hedge = _HEAD_HEDGE.match(head)
        if hedge:
            st.hedges.append("estimated" if hedge.group(1) else "average")
        if st.parent is not None and st.parent in self.average_figures:
            st.average = True  # `... tăng bình quân 13,2%/năm. Trong đó: thu nội địa tăng 14%/năm, ...`
        skip_until = sent.start
        for tok in tokens:
            if tok.start < skip_until:
                continue
            mention, skip_until = read_mention(self.work, tok, sent)
            if mention is not None:
                self._place(st, mention)
        self._resolve(st)
        if st.current is not None:
            self.prev_last = st.current

    # -- implicit bases ---------------------------------------------------------------------------
    @property
    def basis_index(self) -> BasisIndex:
        """Counts of basis words over the document, built the first time a basis is left implicit."""
        if self._basis_index is None:
            self._basis_index = BasisIndex(self.work)
        return self._basis_index

    def _of_basis_known(self, st: SentenceState, pos: int) -> bool:
        """True when an implicit `đạt X%` at ``pos`` has a basis to take (the order of _resolve): an
        explicit one earlier in the sentence, the paragraph's, a plan given as a figure, the
        disbursement cue, or a basis word earlier in the document."""
        if st.of_basis:
            return True
        if self.para_of or self._named_basis(pos):
            return True
        cue = _PLAN_CUE.search(self.work, st.sent.start, pos)
        return cue is not None or self.basis_index.dominant(pos) is not None

    def _named_basis(self, pos: int) -> str | None:
        """The basis of a recent figure that *is* a plan, estimate or target (``Kế hoạch vốn ... là
        1.250 tỷ đồng``), read in the previous sentence of the paragraph or before ``pos``."""
        for f in reversed(self.figures[-12:]):
            if f.start >= pos:
                continue
            if f.start < self.window_start:
                break
            if f.value is not None and f.unit != "%":
                basis = classify_basis(f.indicator)
                if basis in ("plan", "estimate", "resolution", "target"):
                    return basis
        return None

    def _resolve(self, st: SentenceState) -> None:
        """Give each implicit comparison the basis of the nearest explicit one of its kind in the
        sentence (before it, else after it), else the paragraph's or the document's.  Linear in the
        number of comparisons: the explicit ones are in text order, so a merge walk finds neighbours."""
        changes = [c for c in st.explicit if c.kind == "change"]
        shares = [c for c in st.explicit if c.kind != "change" and c.basis != "same_period"]
        change_starts = [c.start for c in changes]
        share_starts = [c.start for c in shares]
        plan_cue = -1
        if any(want != "change" for _, want in st.implicit):
            cue = _PLAN_CUE.search(self.work, st.sent.start, st.sent.end)
            plan_cue = cue.end() if cue else -1
        for comp, want in st.implicit:
            pool, starts = (changes, change_starts) if want == "change" else (shares, share_starts)
            k = bisect_left(starts, comp.start)  # pool[:k] start before the comparison
            after = k + 1 if k < len(starts) and starts[k] == comp.start else k
            if k > 0:
                comp.basis = pool[k - 1].basis
            elif after < len(pool):
                comp.basis = pool[after].basis
            elif want == "change":
                comp.basis = self.para_change or "same_period"
            elif named := self._named_basis(comp.start):
                # `Kế hoạch vốn năm 2025 là 1.250 tỷ đồng. ... giải ngân 812 tỷ đồng, đạt 65%`: the plan
                # given as a figure in this sentence or the one before
                comp.basis = named
            elif 0 <= plan_cue <= comp.start:
                comp.basis = "plan"  # disbursement is measured against the capital plan (kế hoạch vốn)
            else:
                # a parallel clause earlier in the paragraph, else what the document talks about most
                comp.basis = self.para_of or self.basis_index.dominant(comp.start) or "plan"

        for c in st.explicit:
            if c.kind == "change" and c.basis in ("same_period", "other"):
                self.para_change = c.basis
            elif c.kind == "of" and c.basis not in ("same_period", "other"):
                self.para_of = c.basis


def scan(text: str) -> Extraction:
    """Figures and warnings (malformed numbers) found in ``text``; offsets refer to ``normalise(text)``."""
    work = mask_furniture(normalise(text))
    reader = _Reader(work)
    reader.run()
    return Extraction(reader.figures, reader.warnings)


def extract(text: str) -> list[Figure]:
    """Every figure in a Vietnamese text, in the order of the text (see SCHEMA.md)."""
    return scan(text).figures
