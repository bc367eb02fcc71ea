"""Placing a percentage: a comparison with a basis (``đạt 59,9% kế hoạch``, ``tăng 4,2% so với cùng
kỳ``), or a value of its own (a rate, a share, an average annual growth).

Rules (SCHEMA.md, conventions for harder cases):

* an average annual growth (``tăng bình quân hằng năm 8,5%``, ``giảm bình quân 3,2%/năm``,
  ``tăng trưởng bình quân đạt 9,1%``) is a ``%`` figure with qualifier ``average``, not a change
  against a basis; so are the rates listed after it in the same list (``trong đó nông nghiệp tăng
  3,5%, dịch vụ tăng 8,4%``).  ``X bình quân tăng 3%`` (the average of X rose) stays a change;
* the level of a growth rate (``tốc độ tăng trưởng đạt 6,8%``, ``GRDP ước đạt 8,2%``) is a ``%`` figure;
  it is not given a basis the text does not name;
* ``đạt 12,3% so với cùng kỳ`` (a small percentage "reached" against the same period) is a growth of
  12,3%, a change; ``bằng 112,3% so cùng kỳ`` stays a share of the same period;
* a range (``6-7%``) gives two figures, or two comparisons when it is compared with a basis.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import indicators as ind
from .context import basis_after, basis_before, fold, other_basis_after
from .lexicon import words
from .mentions import Mention
from .model import Comparison, Figure
from .placing import _RATE_CUE, Placer, SentenceState

_GROWTH_SUBJECT = re.compile(words("tốc độ tăng trưởng", "tốc độ tăng", "tăng trưởng"), re.IGNORECASE)
# what a bare `đạt X%` is a growth rate of (not a share of a plan): the economy's output
_GROWTH_CUE = re.compile(words("GRDP", "GDP", "tổng sản phẩm", "tốc độ tăng"), re.IGNORECASE)
_RATE_OF_PREVIOUS = re.compile(
    r"^" + words("đạt", "với", "có", "ở") + r"\s+" + words("tỷ lệ", "tỉ lệ") + r"$", re.IGNORECASE
)
_DISBURSED = re.compile(words("giải ngân"), re.IGNORECASE)
_BARE_RATE = re.compile(r"^[\s(,;:]*" + words("tỷ lệ", "tỉ lệ", "tốc độ") + r"\s*$", re.IGNORECASE)
_AVERAGE_WORD = re.compile(words("bình quân", "trung bình"), re.IGNORECASE)
_REACH = {"dat", "uoc dat", "dat duoc"}
_SMALL_CHANGE = Decimal(50)  # `đạt X% so với cùng kỳ` below this is a growth, not a share


class PercentPlacer(Placer):
    def _percent(
        self, st: SentenceState, m: Mention, parts: list[tuple[int, int]], continuation: bool
    ) -> None:
        work, sent = self.work, st.sent
        chain = m.lead
        basis = basis_after(work, m.unit.end, sent.end)
        subject = "" if continuation else self._subject(st, parts)[0]
        if not subject and chain.noun and (not continuation or self._after_semicolon(parts)):
            subject = chain.noun  # `..., tăng trưởng bình quân đạt 9,1%`; `...; tăng trưởng 8-9%`
            continuation = False
        subject = self._labelled(st, self._with_average(subject, m))
        raw_subject = work[parts[-1][0] : parts[-1][1]]
        basis_name = basis.basis if basis else chain.basis
        if basis_name is None:
            before, rest = basis_before(raw_subject)
            if before:
                basis_name = before
                subject = ind.lower_first(self._clean(rest))
        kind = chain.verb_kind
        if chain.from_word and kind == "change" and m.upper is None:
            kind = "level"  # `giảm từ 4,2% xuống còn 0,95%` (but `tăng từ 8 đến 10%` is a change)
        if basis is None and basis_name is None and kind not in ("share", "level", ""):
            basis = other_basis_after(work, m.unit.end, sent.end)  # `bằng 98% kịch bản đề ra`
            basis_name = basis.basis if basis else None
        share = None if basis_name else self._share_np(m.unit.end, sent.end)
        cur = self.figures[st.current] if continuation and st.current is not None else None
        about = subject or (cur.indicator if cur else "")
        extent = basis.end if basis else (share[1] if share else m.unit.end)
        average = not basis_name and kind in ("change", "growth", "of") and chain.average_growth
        standalone = False
        if kind in ("share", "level") or share or "/" in m.unit.text or average:
            standalone = True
        elif basis_name:
            if (
                basis_name == "same_period"
                and chain.verb in _REACH
                and _GROWTH_SUBJECT.search(subject or raw_subject)
            ):
                standalone = True  # `tốc độ tăng trưởng ước đạt 7,5% so với cùng kỳ`: a rate's level
            elif basis_name == "same_period" and chain.verb in _REACH and m.value < _SMALL_CHANGE:
                kind = "change"  # `ước đạt 9,2% so cùng kỳ`: a growth of 9,2%, not a share
        elif kind in ("change", "exceed"):
            # the sector rates after an average rate; `(tỷ lệ giảm 61,8%)`: the rate of a fall
            standalone = kind == "change" and (st.average or _BARE_RATE.match(raw_subject) is not None)
        elif kind == "growth":
            standalone = True
        elif kind == "of":
            if _DISBURSED.search(about):
                pass  # `tỷ lệ giải ngân đạt 65%`: disbursement is a share of the capital plan
            elif cur is not None and cur.denominator is not None:
                standalone = True  # `42/56 trường ..., đạt 75%`: the share the fraction makes
            elif (
                st.parent is not None
                and self.figures[st.parent].unit == "%"
                and _RATE_CUE.search(self.figures[st.parent].indicator)
            ):
                standalone = True  # `tỷ lệ ... đạt 70%, trong đó có chứng chỉ đạt 30%`: parts of a rate
            elif _RATE_CUE.search(about) or _GROWTH_CUE.search(about) or st.average:
                standalone = True
            elif not self._of_basis_known(st, m.start):
                # `giải quyết đúng hạn 4.180 hồ sơ, đạt 99,2%` in a text that names no plan, estimate
                # or resolution: a share of its own, not a share of a basis from nowhere
                standalone = True
        else:
            standalone = True
        if standalone:
            self._rate_figure(st, m, cur, subject, share, kind, average, raw_subject)
        else:
            self._comparison(st, m, cur, subject, basis_name, kind)
        st.extent = max(st.extent, extent)

    def _rate_figure(
        self,
        st: SentenceState,
        m: Mention,
        cur: Figure | None,
        subject: str,
        share: tuple[str, int] | None,
        kind: str,
        average: bool,
        raw_subject: str,
    ) -> None:
        """A percentage that is a value of its own: a rate, a share, an average growth."""
        chain = m.lead
        qualifiers = list(chain.hedges)
        if m.unit.post_hedge:
            qualifiers.append("over" if fold(m.unit.post_hedge) == "tro len" else "under")
        growth = average or _GROWTH_SUBJECT.search(subject) or m.unit.text.endswith("/năm")
        if growth and "average" not in qualifiers and _AVERAGE_WORD.search(raw_subject):
            qualifiers.append("average")  # `tốc độ tăng trưởng bình quân giai đoạn ... đạt 9,1%`
        average = average or bool(growth and "average" in qualifiers)
        if average:
            st.average = True
        if cur is not None and cur.value is None:
            cur.value, cur.unit, cur.start, cur.end, cur.upper = (
                m.value,
                m.unit.text,
                m.start,
                m.end,
                m.upper,
            )
            cur.qualifiers.extend(q for q in qualifiers if q not in cur.qualifiers)
            self._add_upper(st.current, m)  # type: ignore[arg-type]
            if average:
                self.average_figures.add(st.current)  # type: ignore[arg-type]
            return
        if _RATE_OF_PREVIOUS.match(subject) and self._same_sentence(st):
            # `giải quyết 36 vụ việc, đạt tỷ lệ 94,7%`: the rate of the figure before
            subject = ind.join("tỷ lệ", self.figures[st.current].indicator)  # type: ignore[index]
        if subject and (parallel := self._parallel(st, subject, m.unit.text)) is not None:
            subject = parallel  # `giá trị sản xuất nông nghiệp tăng 4,1%/năm, công nghiệp tăng 14,3%/năm`
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
            value=m.value,
            unit=m.unit.text,
            qualifiers=qualifiers,
            start=m.start,
            end=m.end,
            upper=m.upper,
        )
        index = self._new_figure(st, fig, m)
        if average:
            self.average_figures.add(index)

    def _comparison(
        self,
        st: SentenceState,
        m: Mention,
        cur: Figure | None,
        subject: str,
        basis_name: str | None,
        kind: str,
    ) -> None:
        """A percentage against a basis, attached to the figure its clause continues (or a new figure
        without a value).  A range gives one comparison per bound."""
        chain = m.lead
        comp_kind = "change" if kind in ("change", "exceed", "growth") else "of"
        sign = -1 if (comp_kind == "change" and chain.sign < 0) else 1
        spans = [(m.value, m.start, m.end)]
        if m.upper is not None:
            up_start, up_end = m.upper_span or (m.start, m.end)
            spans.append((m.upper, up_start, up_end))
        comps = []
        for value, start, end in spans:
            comp = Comparison(
                basis=basis_name or "",
                kind=comp_kind,
                percent=value * sign,
                qualifiers=list(chain.hedges),
                start=start,
                end=end,
                implicit=basis_name is None,
            )
            if basis_name is None:
                st.implicit.append((comp, "change" if kind == "change" else "of"))
            else:
                st.explicit.append(comp)
                if comp_kind == "of" and basis_name != "same_period":
                    st.of_basis = True
            comps.append(comp)
        if cur is not None:
            cur.comparisons.extend(comps)
        else:
            if subject and (parallel := self._parallel(st, subject, None)) is not None:
                subject = parallel
            fig = Figure(
                indicator=subject or st.label or st.topic or "",
                value=None,
                unit=None,
                comparisons=comps,
                start=m.start,
                end=m.end,
            )
            self._new_figure(st, fig)
