"""Figures out of Vietnamese report prose: the engine behind :func:`extract`.

Each sentence is read left to right.  A number with a unit is a *mention*; a percentage next to a
basis (``đạt 59,9% so với kế hoạch``) is a comparison.  A comparison whose clause has no subject of its
own (``..., đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ``) belongs to the figure before it; one with
its own subject starts a figure without a value (``tiến độ giải ngân đạt 63% so với kế hoạch``).

Rules for ambiguous cases (see also SCHEMA.md and the dev NOTES):

* ranges ``15-16%`` / ``từ 15 đến 16 tỷ``: the lower bound is the value, the upper bound is kept in
  ``Figure.upper`` (not in the JSON), no qualifier is added;
* ``1,2 nghìn tỷ đồng``: value 1.2, unit ``nghìn tỷ đồng`` as written; ``905 tỷ 653 triệu đồng`` →
  905.653 ``tỷ đồng``; a bare ``40,7 tỷ`` in a money clause becomes ``tỷ đồng``;
* numbers in words count only when a known count unit follows (``hai xã``); durations (``hai năm
  rưỡi``) and fixed phrases (``một số``, ``hai mặt``) never do;
* an implicit basis is taken from a parallel clause of the same sentence (``tăng 0,3%`` after ``tăng
  15,9% so với cùng kỳ``), then from the paragraph, then (for ``đạt X%``) from the basis the document
  talks about most so far (Nghị quyết / kế hoạch / dự toán); a change with no basis anywhere is
  ``same_period``;
* ``đạt X%`` is a value of its own (unit ``%``) when the subject is a rate (``tỷ lệ``, ``độ che phủ``)
  or the percentage is followed by what it is a share of (``đạt 70% các chỉ tiêu``, ``100% xã``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import indicators as ind
from .context import BasisIndex, basis_after, basis_before, fold
from .lexicon import LETTER, RATE_CUES, exact_words, words
from .mentions import Mention, read_mention
from .model import Comparison, Extraction, ExtractionWarning, Figure
from .normalise import mask_furniture, normalise
from .numbers import NumberToken, scan_digits, word_numbers
from .segment import Sentence, chunks, sentences

_TRONG_DO = re.compile(r"^[\s,.;:]*" + words("trong đó", "trong số đó") + r"[\s,:]*", re.IGNORECASE)
_VE_TOPIC = re.compile(r"^\s*(?:[-–•*]\s*)?" + words("về") + r"\s+([^,:;.]{3,80})[,:]", re.IGNORECASE)
_RATE_CUE = re.compile(words(*RATE_CUES), re.IGNORECASE)
_MONEY_CUE = re.compile(
    words(
        *(
            "thu|chi|vốn|ngân sách|doanh thu|giá trị|kinh phí|đầu tư|tiền|lương|thu nhập|"
            "tổng mức|nguồn|hỗ trợ|giải ngân|nộp|quỹ|tín dụng|dư nợ|cho vay|huy động|"
            "kim ngạch|doanh số|lợi nhuận|đồng"
        ).split("|")
    ),
    re.IGNORECASE,
)
_POST_STOP = re.compile(
    r"[,.;:()\[\]\n…/\"“”]|\d|\s(?:"
    + words(*"so với|tăng|giảm|bằng|chiếm|với|trong đó|trong|tại|của|theo|nhằm|để".split("|"))
    + ")",
    re.IGNORECASE,
)
_SHARE_BLOCK = re.compile(
    exact_words(
        *(
            "so|với|và|trong|của|trên|đạt|tăng|giảm|là|được|trở|so với|xuống|lên|chỉ|bằng|"
            "tương|song|ngoài|tức|hay|hoặc|cho|thì|mà|kế hoạch|dự toán|nghị quyết|cùng kỳ|"
            "chỉ tiêu|mục tiêu|năm|tháng|quý|nhưng|cao|thấp|hơn|còn|ở|đã|đều|vượt|bình quân|"
            "mỗi"
        ).split("|")
    ),
    re.IGNORECASE,
)
_SHARE_STOP = re.compile(
    r"[,.;:()\[\]\n…/\"“”]|\d|\s(?:"
    + words("so với", "tăng", "giảm", "bằng", "chiếm", "và", "trong đó")
    + ")",
    re.IGNORECASE,
)
_UNIT_LIST_CONT = re.compile(
    r",\s*(?="
    + exact_words(
        *(
            "đảng bộ|chi bộ|thị trấn|phường|xã|thôn|bản|tổ dân phố|khu phố|cơ quan|đơn vị|"
            "trường|doanh nghiệp|hợp tác xã|đảng viên|công chức|viên chức|người lao động|"
            "hội viên|đoàn viên"
        ).split("|")
    )
    + ")",
    re.IGNORECASE,
)
_POST_TAIL = re.compile(
    r"(?<!\s)\s+" + exact_words("cho", "với", "của", "tại", "từ", "đến", "và", "để", "theo", "trong") + r"$",
    re.I,
)
_PAREN_AFTER = re.compile(r"\s*\([^()\n]{1,60}\)(?=\s*" + LETTER + ")")
_NEXT_WORD = re.compile(r"\s+(" + LETTER + r"+)")
_PLAN_CUE = re.compile(words("giải ngân", "kế hoạch vốn"), re.IGNORECASE)
_NEW_ITEM = re.compile(words("và", "cùng", "hoặc", "hay", "còn", "nhưng"), re.IGNORECASE)
_WITH = re.compile(words("với", "cùng với") + r"\s", re.IGNORECASE)
_EXIST_CHAIN = re.compile(r"\s*(?:" + words("có", "có thêm", "đã có", "thêm", "còn") + ")", re.IGNORECASE)
_COPULA_END = re.compile(words("gồm", "bao gồm", "là", "có", "với") + r"\s*$", re.IGNORECASE)


@dataclass(slots=True)
class _SentenceState:
    sent: Sentence
    current: int | None = None  # index of the figure comparisons attach to
    extent: int = 0  # end of the text consumed by the last mention
    label: str = ""  # list label (`nhân sự Ban chấp hành` before `: Khối Đảng gồm 11 ...`)
    topic: str = ""  # sentence topic (`Về xây dựng nông thôn mới, ...`)
    parent: int | None = None  # the total of a `Trong đó` list
    implicit: list[tuple[Comparison, str]] = field(default_factory=list)
    explicit: list[Comparison] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)  # what earlier figures were about (`lúa Hè Thu`)
    first: int = 0  # index of the first figure read from this sentence
    text: str | None = None  # the sentence's text, once asked for


class _Reader:
    def __init__(self, work: str) -> None:
        self.work = work
        self.figures: list[Figure] = []
        self.warnings: list[ExtractionWarning] = []
        self.basis_index = BasisIndex(work)
        self.para = -1
        self.para_change: str | None = None
        self.para_of: str | None = None
        self.prev_last: int | None = None  # last figure of the previous sentence in the paragraph

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
        for sent in sentences(work):
            if sent.paragraph != self.para:
                self.para = sent.paragraph
                self.para_change = self.para_of = None
                self.prev_last = None
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
        st = _SentenceState(sent, extent=sent.start, first=len(self.figures))
        head = work[sent.start : sent.end]
        if _TRONG_DO.match(head) and self.prev_last is not None:
            st.parent = self.prev_last
            st.label = ind.total_label(self.figures[self.prev_last].indicator)
        m = _VE_TOPIC.match(head)
        if m:
            st.topic = ind.parent_label("về " + m.group(1))
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

    # -- placing a mention ------------------------------------------------------------------------
    def _gap(self, st: _SentenceState, m: Mention) -> tuple[str, list[tuple[int, int]]]:
        a, b = st.extent, max(st.extent, m.lead.start)
        parts = chunks(self.work, a, b)
        # list structure inside the gap: `trong đó` and `...:` introductions
        for k, (s, e) in enumerate(parts):
            text = self.work[s:e]
            last = k == len(parts) - 1
            if _TRONG_DO.match(text):
                # `..., trong đó khai thác 8 nghìn tấn`: the items of the figure before
                if st.current is not None and self._same_sentence(st):
                    st.parent = st.current
                    st.label = ind.total_label(self.figures[st.current].indicator)
            elif not last and e < len(self.work) and self.work[e] == ":":
                if _VE_TOPIC.match(text + ":"):
                    st.topic = ind.parent_label(text)
                else:
                    st.label = ind.parent_label(text)
        return self.work[a:b], parts

    def _subject(
        self, st: _SentenceState, parts: list[tuple[int, int]], chain: str = ""
    ) -> tuple[str, bool, bool]:
        """(cleaned subject, existential, copula) from the last chunk of the gap.  ``existential``: the
        subject was only `(huyện) có`; ``copula``: it ended in `gồm`/`là`/`có`, so it names the thing."""
        s, e = parts[-1]
        raw = ind.strip_edges(ind.remove_time(self.work[s:e]))
        raw = ind.strip_edges(_TRONG_DO.sub("", raw))
        copula = bool(_COPULA_END.search(raw))
        if _EXIST_CHAIN.match(chain):
            raw = raw + " có"  # `huyện có 8/9 xã`: the chain before the number began with `có`
            copula = True
        exist, rest = ind.existential(raw)
        subject = ind.clean(rest)
        if ind.is_incomplete(subject):
            context = ""
            same_sentence = self._same_sentence(st)
            if same_sentence and _WITH.match(raw):
                # `... 145 nhà ở cho hộ nghèo với tổng kinh phí 7,2 tỷ đồng`: the cost of what came before
                context = self.figures[st.current].indicator
            for ps, pe in reversed(parts[:-1] if not context else []):
                context = ind.topic(self.work[ps:pe])
                if context:
                    break
            if not context and st.objects:
                context = st.objects[-1]
            if not context and same_sentence:
                # the last measured figure of the sentence (a few back at most: a context further
                # away does not describe this one, and a full scan would be quadratic)
                for f in reversed(self.figures[max(st.first, len(self.figures) - 8) :]):
                    if f.unit != "%":
                        context = ind.object_of(f.indicator)
                        break
            if not context:
                context = st.label or st.topic
            if context:
                st.objects.append(context)
            subject = ind.join(subject, ind.lower_first(context))
        return ind.lower_first(subject), exist and not rest, copula

    def _post(self, start: int, limit: int) -> tuple[str, int]:
        """The noun phrase after a unit (`8/9 xã | đạt nông thôn mới`) and where it ends.  A short
        parenthesis right after the unit is stepped over (`12 tổ chức (chiếm 23%) hoàn thành ...`)."""
        paren = _PAREN_AFTER.match(self.work, start, limit)
        if paren:
            start = paren.end()
        stop = _POST_STOP.search(self.work, start, limit)
        end = stop.start() if stop else limit
        text = ind.strip_edges(ind.remove_time(self.work[start:end]))
        if _NEW_ITEM.match(text):
            return "", start  # `4 đồng chí và khối xã/phường 7 đồng chí`: the next item, not a noun phrase
        text = _POST_TAIL.sub("", text)
        words_ = text.split()
        if len(words_) > 12:
            words_ = words_[:12]
            # do not end inside a capitalised name (`Đại hội Mặt | trận Tổ quốc`)
            while len(words_) > 1 and words_[-1][:1].isupper():
                words_.pop()
        if not words_:
            return "", start
        return " ".join(words_), end

    def _parallel(self, st: _SentenceState, subject: str, unit: str) -> str | None:
        """`Tổng đàn trâu 12.300 con, bò 18.450 con`: a short item after a headed figure of the same unit
        in the same sentence shares its head (`tổng đàn bò`)."""
        if st.label or st.current is None or len(subject.split()) > 2 or ind.has_head(subject):
            return None
        prev = self.figures[st.current]
        if prev.unit != unit or not self._same_sentence(st):
            return None
        head = ind.head_of(prev.indicator)
        if not head or head.lower() == prev.indicator.lower():
            return None
        return ind.join(head, subject)

    def _same_sentence(self, st: _SentenceState) -> bool:
        """True if the last figure was read from this sentence."""
        return st.current is not None and st.current >= st.first

    def _same_unit(self, st: _SentenceState, unit: str) -> bool:
        """True if the previous figure of this sentence has this unit (a list of like items)."""
        if st.current is None:
            return False
        prev = self.figures[st.current]
        return prev.unit == unit and self._same_sentence(st)

    def _labelled(self, st: _SentenceState, subject: str) -> str:
        """A list item's subject under its list label (`nhân sự Ban chấp hành` + `khối Đảng`)."""
        if st.label and subject and not ind.has_head(subject) and st.label.lower() not in subject.lower():
            return ind.join(st.label, subject)
        return subject

    def _place(self, st: _SentenceState, m: Mention) -> None:
        gap, parts = self._gap(st, m)
        continuation = st.current is not None and not ind.clean(gap)
        if m.unit.kind in ("percent", "points"):
            self._percent(st, m, parts, continuation)
        else:
            self._value(st, m, parts, continuation)

    def _sent_text(self, st: _SentenceState) -> str:
        # one string per sentence, shared by its figures (copying it per figure is quadratic)
        if st.text is None:
            st.text = self.work[st.sent.start : st.sent.end].strip()
        return st.text

    def _new_figure(self, st: _SentenceState, fig: Figure) -> int:
        fig.text = self._sent_text(st)
        self.figures.append(fig)
        st.current = len(self.figures) - 1
        return st.current

    def _value(
        self, st: _SentenceState, m: Mention, parts: list[tuple[int, int]], continuation: bool
    ) -> None:
        unit_base = m.unit.text.split("/")[0]
        count_unit = m.unit.kind == "count"
        if m.unit.np_span:
            post = ind.squash(self.work[m.unit.np_span[0] : m.unit.np_span[1]])
            after = m.unit.end
        else:
            post, post_end = self._post(m.unit.end, st.sent.end)
            after = post_end if post else m.unit.end
        subject, exist, copula = self._subject(st, parts, self.work[m.lead.start : m.start])
        qualifiers = list(m.lead.hedges)
        if m.unit.post_hedge:
            q = "over" if fold(m.unit.post_hedge) == "tro len" else "under"
            if q not in qualifiers:
                qualifiers.append(q)
        unit = m.unit.text
        if m.unit.kind == "magnitude" and _MONEY_CUE.search(subject or self.work[st.sent.start : m.start]):
            unit = unit + " đồng"
        cur = self.figures[st.current] if continuation and st.current is not None else None
        if cur is not None and cur.value is None:
            cur.value, cur.unit, cur.denominator = m.value, unit, m.denominator
            cur.start, cur.end, cur.upper = m.start, m.end, m.upper
            cur.qualifiers.extend(q for q in qualifiers if q not in cur.qualifiers)
            st.extent = max(st.extent, after)
            return
        counted = unit_base if count_unit else ""
        if m.denominator is not None:
            context = cur.indicator if (cur is not None and not subject and not post) else ""
            indicator = ind.join(unit_base, st.label or st.topic, subject or context, post)
        elif not subject:
            if post:
                indicator = ind.join(counted, post)
            elif cur is not None and count_unit and cur.unit != unit:
                indicator = ind.join(st.label, unit_base)  # `42 chi bộ với 1.156 đảng viên`
            elif cur is not None:
                indicator = cur.indicator
                if m.lead.verb_kind == "change":
                    # `..., cao hơn cùng kỳ 2,3 tạ/ha`: the change, named by its own words
                    indicator = ind.join(indicator, ind.strip_edges(self.work[m.lead.start : m.start]))
            else:
                indicator = st.label or st.topic or unit_base
        elif (parallel := self._parallel(st, subject, unit)) is not None:
            indicator = parallel
        elif post and not ind.has_head(subject):
            indicator = ind.join(subject, counted, post)
        elif (
            count_unit
            and not copula
            and not st.label
            and not ind.has_head(subject)
            and not self._same_unit(st, unit)
        ):
            # `kết nạp 87 đảng viên`: the count noun completes the action
            indicator = ind.join(subject, unit_base)
        else:
            indicator = self._labelled(st, subject)
        if post:
            st.objects.append(post)
        if m.lead.verb_kind == "change" and subject and indicator == subject:
            indicator = ind.join(indicator, "tăng" if m.lead.sign > 0 else "giảm")  # `giảm 3 vụ`: a change
        fig = Figure(
            indicator=indicator or unit_base,
            value=m.value,
            unit=unit,
            denominator=m.denominator,
            qualifiers=qualifiers,
            start=m.start,
            end=m.end,
            upper=m.upper,
        )
        if st.parent is not None and self.figures[st.parent].unit == unit:
            fig.parent = st.parent
        self._new_figure(st, fig)
        st.extent = max(st.extent, after)

    def _share_np(self, start: int, limit: int) -> tuple[str, int] | None:
        m = _NEXT_WORD.match(self.work, start, limit)
        if not m or _SHARE_BLOCK.match(self.work, m.start(1), limit):
            return None
        if not (m.group(1).islower() or m.group(1).lower() in ("các", "những")):
            return None
        stop = _SHARE_STOP.search(self.work, m.start(1), limit)
        end = stop.start() if stop else limit
        while end < limit and (more := _UNIT_LIST_CONT.match(self.work, end, limit)):
            # `100% chi, đảng bộ trực thuộc ...`: a list of units is one noun phrase
            stop = _SHARE_STOP.search(self.work, more.end(), limit)
            end = stop.start() if stop else limit
        text = ind.strip_edges(self.work[m.start(1) : end])
        words_ = text.split()
        if not words_:
            return None
        return " ".join(words_[:14]), end

    def _percent(
        self, st: _SentenceState, m: Mention, parts: list[tuple[int, int]], continuation: bool
    ) -> None:
        work, sent = self.work, st.sent
        chain = m.lead
        basis = basis_after(work, m.unit.end, sent.end)
        subject, _, _ = self._subject(st, parts)
        subject = self._labelled(st, subject)
        basis_name = basis.basis if basis else chain.basis
        if basis_name is None:
            before, rest = basis_before(self.work[parts[-1][0] : parts[-1][1]])
            if before:
                basis_name = before
                subject = ind.lower_first(ind.clean(rest))
        share = None if basis_name else self._share_np(m.unit.end, sent.end)
        kind = chain.verb_kind
        if chain.from_word and kind == "change":
            kind = "level"
        cur = self.figures[st.current] if continuation and st.current is not None else None
        extent = basis.end if basis else (share[1] if share else m.unit.end)
        standalone = False
        if kind in ("share", "level") or share or "/" in m.unit.text:
            standalone = True
        elif basis_name:
            pass
        elif kind in ("change", "exceed"):
            pass
        elif kind == "growth":
            standalone = True
        elif kind == "of":
            about = subject or (cur.indicator if cur else "")
            if cur is not None and cur.denominator is not None:
                standalone = True  # `42/56 trường ..., đạt 75%`: the share the fraction makes
            elif (
                st.parent is not None
                and self.figures[st.parent].unit == "%"
                and _RATE_CUE.search(self.figures[st.parent].indicator)
            ):
                standalone = True  # `tỷ lệ ... đạt 70%, trong đó có chứng chỉ đạt 30%`: parts of a rate
            elif _RATE_CUE.search(about):
                standalone = True
        else:
            standalone = True
        value = m.value
        if standalone:
            qualifiers = list(chain.hedges)
            if m.unit.post_hedge:
                qualifiers.append("over" if fold(m.unit.post_hedge) == "tro len" else "under")
            if cur is not None and cur.value is None:
                cur.value, cur.unit, cur.start, cur.end, cur.upper = (
                    value,
                    m.unit.text,
                    m.start,
                    m.end,
                    m.upper,
                )
                cur.qualifiers.extend(q for q in qualifiers if q not in cur.qualifiers)
            else:
                about = subject or (cur.indicator if cur else "")
                if not about and kind == "share" and self._same_sentence(st):
                    about = self.figures[st.current].indicator  # type: ignore[index]
                about = about or st.label or st.topic
                if share and kind == "share" and about:
                    indicator = ind.join(about, share[0])  # `1.250 ha, chiếm 85% diện tích gieo trồng`
                else:
                    indicator = share[0] if share else about
                fig = Figure(
                    indicator=indicator or "%",
                    value=value,
                    unit=m.unit.text,
                    qualifiers=qualifiers,
                    start=m.start,
                    end=m.end,
                    upper=m.upper,
                )
                self._new_figure(st, fig)
            st.extent = max(st.extent, extent)
            return
        comp_kind = "change" if kind in ("change", "exceed", "growth") else "of"
        percent = value * (-1 if (comp_kind == "change" and chain.sign < 0) else 1)
        comp = Comparison(
            basis=basis_name or "",
            kind=comp_kind,
            percent=percent,
            qualifiers=list(chain.hedges),
            start=m.start,
            end=m.end,
            implicit=basis_name is None,
        )
        if basis_name is None:
            st.implicit.append((comp, "change" if kind == "change" else "of"))
        else:
            st.explicit.append(comp)
        if cur is not None:
            cur.comparisons.append(comp)
        else:
            fig = Figure(
                indicator=subject or st.label or st.topic or "",
                value=None,
                unit=None,
                comparisons=[comp],
                start=m.start,
                end=m.end,
            )
            self._new_figure(st, fig)
        st.extent = max(st.extent, extent)

    # -- implicit bases ---------------------------------------------------------------------------
    def _resolve(self, st: _SentenceState) -> None:
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
