"""Placing a mention: the subject before it, the noun phrase after it, and the figure it makes
(a value of its own, or the value of the figure its clause continues).  Percentages are placed by
:mod:`.percents`; the reader that drives both is in :mod:`.figures`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import indicators as ind
from .context import fold
from .lexicon import LETTER, RATE_CUES, exact_words, words
from .mentions import Mention
from .model import Comparison, ExtractionWarning, Figure
from .segment import Sentence, chunks

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
    + words(
        *"so với|tăng|giảm|bằng|chiếm|đối với|với|trong đó|trong|tại|của|theo|nhằm|để|lên|xuống".split("|")
    )
    + ")",
    re.IGNORECASE,
)
_SHARE_BLOCK = re.compile(
    exact_words(
        *(
            "so|với|và|trong|của|trên|đạt|tăng|giảm|là|được|trở|so với|xuống|lên|chỉ|bằng|"
            "tương|song|ngoài|tức|hay|hoặc|cho|thì|mà|kế hoạch|dự toán|nghị quyết|cùng kỳ|"
            "chỉ tiêu|mục tiêu|năm|tháng|quý|nhưng|cao|thấp|hơn|còn|ở|đã|đều|vượt|bình quân|"
            "mỗi|đầu năm|cuối năm|đầu kỳ|cuối kỳ|đầu nhiệm kỳ|cuối nhiệm kỳ"
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
_LEVEL = re.compile(r"\d+\b")
_LEVEL_BEFORE = re.compile(words("mức độ", "cấp độ", "hạng", "loại", "bậc", "nhóm") + r"\s+$", re.IGNORECASE)
_CLAUSE_ENDS = frozenset(",.;:!?…\n]")
_TIME_BEFORE = re.compile(exact_words("năm", "tháng", "quý", "ngày") + r"\s+$", re.IGNORECASE)
_RATING = re.compile(r"\d+(?:\s*[-–]\s*\d+)?\s+" + exact_words("sao"), re.IGNORECASE)
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
# `thu nhập bình quân đạt ...`: an average word between the subject and the number names the figure
_AVERAGE_LEAD = re.compile(r"\s*(" + words("bình quân", "trung bình") + ")", re.IGNORECASE)
# sector names listed with commas inside one noun phrase (`khu vực nông, lâm nghiệp và thủy sản`)
_SECTOR_END = re.compile(
    words("nông", "lâm", "ngư", "nông nghiệp", "lâm nghiệp", "ngư nghiệp", "công nghiệp", "thương mại")
    + r"\s*$",
    re.IGNORECASE,
)
_SECTOR_START = re.compile(
    r"^\s*"
    + words(
        "lâm",
        "ngư",
        "thủy sản",
        "thuỷ sản",
        "lâm nghiệp",
        "ngư nghiệp",
        "diêm nghiệp",
        "xây dựng",
        "dịch vụ",
        "du lịch",
        "thương mại",
    ),
    re.IGNORECASE,
)
_HEAD_START = re.compile(
    r"^[\s;]*(?:"
    + words(
        "tỷ lệ",
        "tỉ lệ",
        "doanh thu",
        "giá trị",
        "sản lượng",
        "diện tích",
        "số",
        "kim ngạch",
        "thu nhập",
        "tổng",
        "đàn",
        "năng suất",
        "chỉ số",
    )
    + ")",
    re.IGNORECASE,
)
_CLAUSE_VERB = re.compile(
    words("đạt", "tăng", "giảm", "là", "được", "có", "chiếm", "còn", "bằng", "vượt", "duy trì"), re.IGNORECASE
)
_RAISE = re.compile(r"^" + words("nâng", "nâng tổng số", "nâng tổng") + r"$", re.IGNORECASE)
_DISBURSE = re.compile(words("giải ngân"), re.IGNORECASE)
_CAPITAL = re.compile(
    r"(?:"
    + words("nguồn vốn", "vốn")
    + r")(?:\s+(?!"
    + words("được", "giao", "là", "đã", "của", "năm")
    + r")\S+){0,6}",
    re.IGNORECASE,
)
_TOTAL_CHAIN = re.compile(r"\s*(" + words("tổng số", "tổng cộng") + ")", re.IGNORECASE)
_COPULA_LAST = frozenset({"gom", "la", "co", "voi"})
_POST_TAIL_LAST = frozenset({"cho", "voi", "cua", "tai", "tu", "den", "va", "de", "theo", "trong"})
_TOWARDS = re.compile(r"\s*" + words("đối với") + r"\s*$", re.IGNORECASE)
_OCCASION = re.compile(r"^" + words("cuộc", "lượt", "đợt") + r"\s+", re.IGNORECASE)
_WHERE = re.compile(words("ở", "thuộc", "trên địa bàn", "khu vực"), re.IGNORECASE)
_COPULA_END = re.compile(words("gồm", "bao gồm", "là", "có", "với") + r"\s*$", re.IGNORECASE)


@dataclass(slots=True)
class SentenceState:
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
    average: bool = False  # an average annual growth was read: later rates of the list are too
    hedges: list[str] = field(default_factory=list)  # hedges of the whole sentence (`Ước cả năm, ...`)
    of_basis: bool = False  # an explicit `đạt X% kế hoạch` (a share of a basis) was read


def _has_trong(s: str) -> bool:
    """A cheap test before the `trong đó` pattern (any case)."""
    return "rong" in s or "RONG" in s or "Rong" in s


class Placer:
    """The state shared by the placing steps; :class:`.figures._Reader` fills it."""

    work: str
    figures: list[Figure]
    warnings: list[ExtractionWarning]
    prev_last: int | None
    window_start: int
    average_figures: set[int]
    clean_memo: dict[str, str]

    def _of_basis_known(self, st: SentenceState, pos: int) -> bool:
        """True when some basis for an implicit `đạt X%` is written before ``pos`` (see figures.py)."""
        raise NotImplementedError

    def _clean(self, s: str, timeless: bool = False) -> str:
        """:func:`indicators.clean`, remembered for the document: the continuation test and the
        subject clean the same clause text, and reports repeat their subjects."""
        key = ("\x00" + s) if timeless else s
        out = self.clean_memo.get(key)
        if out is None:
            out = self.clean_memo[key] = ind.clean(s, timeless)
        return out

    # -- placing a mention ------------------------------------------------------------------------
    def _gap(self, st: SentenceState, m: Mention) -> tuple[str, list[tuple[int, int]]]:
        a, b = st.extent, max(st.extent, m.lead.start)
        work = self.work
        parts = chunks(work, a, b)
        if len(parts) == 1 and not _has_trong(work[a:b]):
            return work[a:b], parts  # one chunk without `trong đó`: no list structure
        # list structure inside the gap: `trong đó` and `...:` introductions
        for k, (s, e) in enumerate(parts):
            text = work[s:e]
            last = k == len(parts) - 1
            if _has_trong(text) and _TRONG_DO.match(text):
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
        self, st: SentenceState, parts: list[tuple[int, int]], chain: str = ""
    ) -> tuple[str, bool, bool]:
        """(cleaned subject, existential, copula) from the last chunk of the gap.  ``existential``: the
        subject was only `(huyện) có`; ``copula``: it ended in `gồm`/`là`/`có`, so it names the thing."""
        s, e = parts[-1]
        k = len(parts) - 1
        while k > 0 and self.work[parts[k - 1][1]] == "," and self._one_phrase(parts[k - 1], (s, e)):
            k -= 1  # `khu vực nông, lâm nghiệp và thủy sản`, `các xã Tân Lập, Hòa Bình và Phú Mỹ`
            s = parts[k][0]
        raw = ind.strip_edges(ind.remove_time(self.work[s:e]))
        if _has_trong(raw):
            raw = ind.strip_edges(_TRONG_DO.sub("", raw))
        copula = ind.ends_with(raw, _COPULA_LAST) and bool(_COPULA_END.search(raw))
        if _EXIST_CHAIN.match(chain):
            raw = raw + " có"  # `huyện có 8/9 xã`: the chain before the number began with `có`
            copula = True
        exist, rest = ind.existential(raw)
        subject = self._clean(rest, timeless=True)  # `raw` is without time references already
        if ind.is_incomplete(subject):
            context = ""
            same_sentence = self._same_sentence(st)
            if same_sentence and _WITH.match(raw):
                # `... 145 nhà ở cho hộ nghèo với tổng kinh phí 7,2 tỷ đồng`: the cost of what came before
                context = self.figures[st.current].indicator
            elif _DISBURSE.search(subject):
                context = self._capital(st)  # what is disbursed is capital: `giải ngân vốn đầu tư công`
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
            if not context and self.prev_last is not None:
                # `Kế hoạch vốn đầu tư công ... Đến nay đã giải ngân 812 tỷ đồng`: what the sentence
                # before was about
                context = ind.object_of(self.figures[self.prev_last].indicator)
            if context:
                st.objects.append(context)
            subject = ind.join(subject, ind.lower_first(context))
        return ind.lower_first(subject), exist and not rest, copula

    def _capital(self, st: SentenceState) -> str:
        """The capital (`vốn đầu tư công`) named by a recent figure of this or the previous sentence."""
        recent = self.figures[max(0, len(self.figures) - 6) :]
        for f in reversed(recent):
            if f.start < self.window_start:
                break
            cap = _CAPITAL.search(f.indicator)
            if cap:
                return cap.group(0)
        # `... ban hành kế hoạch giải ngân vốn đầu tư công năm 2025. ... tỷ lệ giải ngân đạt 65%`
        lo = self.window_start
        if st.sent.start - lo > 400:
            lo = st.sent.start - 400  # the sentence before, within reach
        found = [m.group(0) for m in _CAPITAL.finditer(self.work, lo, st.sent.start)]
        return ind.strip_edges(ind.remove_time(found[-1])) if found else ""

    def _one_phrase(self, before: tuple[int, int], after: tuple[int, int]) -> bool:
        """True when two comma-separated chunks are one noun phrase: a list of sectors or of names."""
        a = self.work[before[0] : before[1]]
        b = self.work[after[0] : after[1]]
        if len(a.split()) > 8 or not b.strip():
            return False
        if _SECTOR_END.search(a) and _SECTOR_START.match(b):
            return True
        words_b = b.split()
        if (
            len(words_b) == 1
            and words_b[0].islower()
            and not _CLAUSE_VERB.search(b)
            and _HEAD_START.match(a)
            and not any(c.isdigit() for c in a)
        ):
            return True  # `tổng đàn trâu, bò`, `tổng kim ngạch xuất, nhập khẩu`
        if (
            _HEAD_START.match(a)
            and not _CLAUSE_VERB.search(a)
            and not ind.has_head(b)
            and not any(c.isdigit() for c in a)
        ):
            return True  # `tỷ lệ thu gom, xử lý chất thải`, `doanh thu dịch vụ lưu trú, ăn uống`
        first = b.split()[0]
        last = a.split()[-1] if a.split() else ""
        # a list of proper names: `Tân Lập, Hòa Bình và Phú Mỹ` (two capitalised words each side)
        return (
            ind.is_name_end(a)
            and first[:1].isupper()
            and len(b.split()) > 1
            and b.split()[1][:1].isupper()
            and last[:1].isupper()
        )

    def _after_semicolon(self, parts: list[tuple[int, int]]) -> bool:
        """True when the gap before the mention crosses a `;` (a new item of a list)."""
        return any(self.work[e] == ";" for _, e in parts[:-1])

    def _with_average(self, subject: str, m: Mention) -> str:
        """`thu nhập bình quân đạt 75 triệu đồng`: keep the average word in the indicator."""
        a = _AVERAGE_LEAD.match(self.work, m.lead.start, m.start)
        if subject and a and a.group(1).lower() not in subject.lower():
            return ind.join(subject, a.group(1).lower())
        return subject

    def _post(self, start: int, limit: int) -> tuple[str, int]:
        """The noun phrase after a unit (`8/9 xã | đạt nông thôn mới`) and where it ends.  A short
        parenthesis right after the unit is stepped over (`12 tổ chức (chiếm 23%) hoàn thành ...`)."""
        i = start
        while i < limit and self.work[i] == " ":
            i += 1
        if i >= limit or self.work[i] in _CLAUSE_ENDS:
            return "", start  # `12.300 con, bò ...`: the clause ends at the unit
        paren = _PAREN_AFTER.match(self.work, start, limit)
        if paren:
            start = paren.end()
        stop = _POST_STOP.search(self.work, start, limit)
        while stop and (
            (rating := _RATING.match(self.work, stop.start(), limit))
            or (rating := _LEVEL.match(self.work, stop.start(), limit))
            and (
                _LEVEL_BEFORE.search(self.work, max(start, stop.start() - 12), stop.start())
                or _TIME_BEFORE.search(self.work, max(start, stop.start() - 12), stop.start())
            )
        ):
            # `85 sản phẩm đạt 4 sao`: a rating is part of the noun phrase, not a figure
            stop = _POST_STOP.search(self.work, rating.end(), limit)
        end = stop.start() if stop else limit
        text = ind.strip_edges(ind.remove_time(self.work[start:end]))
        if _NEW_ITEM.match(text):
            return "", start  # `4 đồng chí và khối xã/phường 7 đồng chí`: the next item, not a noun phrase
        if ind.ends_with(text, _POST_TAIL_LAST):
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

    def _parallel(self, st: SentenceState, subject: str, unit: str | None) -> str | None:
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

    def _same_sentence(self, st: SentenceState) -> bool:
        """True if the last figure was read from this sentence."""
        return st.current is not None and st.current >= st.first

    def _same_unit(self, st: SentenceState, unit: str) -> bool:
        """True if the previous figure of this sentence has this unit (a list of like items)."""
        if st.current is None:
            return False
        prev = self.figures[st.current]
        return prev.unit == unit and self._same_sentence(st)

    def _labelled(self, st: SentenceState, subject: str) -> str:
        """A list item's subject under its list label (`nhân sự Ban chấp hành` + `khối Đảng`)."""
        if st.label and subject and not ind.has_head(subject) and st.label.lower() not in subject.lower():
            return ind.join(st.label, subject)
        return subject

    def _place(self, st: SentenceState, m: Mention) -> None:
        gap, parts = self._gap(st, m)
        continuation = st.current is not None and not self._clean(gap)
        if m.unit.kind in ("percent", "points"):
            self._percent(st, m, parts, continuation)
        else:
            self._value(st, m, parts, continuation)

    def _sent_text(self, st: SentenceState) -> str:
        # one string per sentence, shared by its figures (copying it per figure is quadratic)
        if st.text is None:
            st.text = self.work[st.sent.start : st.sent.end].strip()
        return st.text

    def _new_figure(self, st: SentenceState, fig: Figure, m: Mention | None = None) -> int:
        fig.text = self._sent_text(st)
        fig.qualifiers.extend(q for q in st.hedges if q not in fig.qualifiers)
        self.figures.append(fig)
        st.current = len(self.figures) - 1
        if m is not None:
            self._add_upper(st.current, m)
        return st.current

    def _add_upper(self, index: int, m: Mention) -> None:
        """The upper bound of a range (`6-7%`, `từ 70 đến 75 triệu đồng`) is a figure of its own, with
        the lower bound's indicator, unit and qualifiers; comparisons stay with the lower bound."""
        if m.upper is None:
            return
        low = self.figures[index]
        start, end = m.upper_span or (m.start, m.end)
        high = Figure(
            indicator=low.indicator,
            value=m.upper,
            unit=low.unit,
            denominator=low.denominator,
            qualifiers=list(low.qualifiers),
            start=start,
            end=end,
            text=low.text,
            parent=low.parent,
            lower=index,
        )
        self.figures.append(high)

    def _value(self, st: SentenceState, m: Mention, parts: list[tuple[int, int]], continuation: bool) -> None:
        unit_base = m.unit.text.split("/")[0]
        if m.unit.magnitude and m.unit.kind == "count":
            unit_base = unit_base[len(m.unit.magnitude) :].strip()  # `triệu lượt khách` names `lượt khách`
        count_unit = m.unit.kind == "count"
        if m.unit.np_span:
            post = ind.squash(self.work[m.unit.np_span[0] : m.unit.np_span[1]])
            after = m.unit.end
        elif m.unit.kind == "times":
            post, after = "", m.unit.end  # `gấp 1,5 lần năm 2020`: what follows is the basis
        else:
            post, post_end = self._post(m.unit.end, st.sent.end)
            after = post_end if post else m.unit.end
        if continuation:
            subject, exist, copula = "", False, False  # the gap cleans to nothing: so does its last chunk
        else:
            subject, exist, copula = self._subject(st, parts, self.work[m.lead.start : m.start])
        subject = self._with_average(subject, m)
        total = "" if subject else _TOTAL_CHAIN.match(self.work, m.lead.start, m.start)
        if _RAISE.match(subject) and st.objects:
            # `có thêm 3 xã đạt chuẩn ..., nâng tổng số lên 8 xã`: the total of the same thing
            subject = ind.join("tổng số", m.unit.text.split("/")[0], st.objects[-1])
        qualifiers = list(m.lead.hedges)
        if m.unit.post_hedge:
            q = "over" if fold(m.unit.post_hedge) == "tro len" else "under"
            if q not in qualifiers:
                qualifiers.append(q)
        unit = m.unit.text
        if m.unit.kind == "magnitude" and _MONEY_CUE.search(subject or self.work[st.sent.start : m.start]):
            unit = unit + " đồng"
        cur = self.figures[st.current] if continuation and st.current is not None and not total else None
        if cur is not None and cur.value is None and m.unit.kind != "times":
            cur.value, cur.unit, cur.denominator = m.value, unit, m.denominator
            cur.start, cur.end, cur.upper = m.start, m.end, m.upper
            cur.qualifiers.extend(q for q in qualifiers if q not in cur.qualifiers)
            self._add_upper(st.current, m)  # type: ignore[arg-type]
            st.extent = max(st.extent, after)
            return
        counted = unit_base if count_unit else ""
        if m.denominator is not None:
            context = cur.indicator if (cur is not None and not subject and not post) else ""
            indicator = ind.join(unit_base, st.label or st.topic, subject or context, post)
        elif not subject:
            if total:
                # `..., tổng số 61 thôn`, `Tổng số 1.250 hộ được hỗ trợ`: the total of what is counted
                indicator = ind.join(total.group(1).lower(), unit_base, post)
            elif post:
                indicator = ind.join(counted, post)
            elif cur is not None and count_unit and cur.unit != unit:
                if _TOWARDS.match(self.work, m.lead.start, m.start) and cur.unit:
                    # `12 cuộc kiểm tra, giám sát đối với 36 tổ chức đảng`: the activity's object
                    activity = _OCCASION.sub("", cur.unit) or cur.indicator
                    indicator = ind.join(activity, unit_base)
                else:
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
        elif post and _WHERE.match(post):
            indicator = ind.join(subject, post)  # `thu nhập bình quân đạt 61 triệu đồng ở khu vực nông thôn`
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
        self._new_figure(st, fig, m)
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
