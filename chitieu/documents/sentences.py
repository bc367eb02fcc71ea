"""Vietnamese sentences written from the figures, in the register of committee reports.

Every number in a sentence comes from the context (value, denominator, comparison percents), formatted
with :mod:`chitieu.lib.vnnum` (``101.761``, ``905,653``, ``59,9%``). A sentence never fails on missing data.

Sentence shapes
---------------
* value: ``<Indicator> <verb> <value> <unit>[, <comparison>]*.``
  "Sản lượng lúa Đông Xuân đạt 101.761 tấn, đạt 59,9% so với kế hoạch." The verb is ``Figure.verb``
  (default "đạt"); an estimate prefixes "ước" ("ước đạt"; the verb "là" becomes "ước đạt").
* hedge: ``Figure.qualifier`` goes before the value: "over" → "trên", "nearly" → "gần", "about" →
  "khoảng" ("doanh thu đạt trên 6,4 tỷ đồng"); ``Comparison.qualifier`` likewise before its percent.
* unit "%" is glued to the number ("95,49%"); other units follow after a space.
* count of units: ``<Indicator>: <value>/<denominator> <unit>[, <comparison>]*.`` ("...: 8/9 xã.").
* no value but percentages: ``<Indicator> <c1>, <c2> và <c3>.`` ("Tổng thu ngân sách đạt 31% kế hoạch
  thị xã và đạt 49% dự toán tỉnh giao."); an estimate prefixes "ước" to the first one.
* no data at all: ``<Indicator>: chưa có số liệu.``
* components: after the main sentence, ``Trong đó: <c1>; <c2>; <c3>.`` where each component is
  ``<name> <value> <unit>[, <comparison>]*`` without a verb ("nông - lâm - thuỷ sản 1.712 tỷ đồng, đạt 70,5%
  kế hoạch, tăng 0,3%"). When every component carries a change on one and the same basis, "so với <basis>"
  is written only after the last component's change, as the reports do. A component without data reads
  "<name> chưa có số liệu"; an estimated component of an actual figure says "ước"; nested components go in
  parentheses "(trong đó: ...)".
* ``Figure.note`` is appended as its own sentence.

Verb rules for comparisons (decided on the percent as displayed, i.e. after rounding to ``decimals``)
------------------------------------------------------------------------------------------------------
* share ("of"), below 100: "đạt X% <basis>" ("đạt 51,7% kế hoạch"); with ``say_compared_with``
  "đạt X% so với <basis>".
* share, exactly 100: "đạt 100% <basis>" (we never write "bằng <basis>" for a share: it reads as "equal
  in value" and hides the percent).
* share, above 100: "đạt X%, vượt <basis>" ("đạt 106%, vượt dự toán năm"): the percent stays as the
  appendix shows it, nothing is subtracted.
* share with ``equal_wording`` (budget usage): "bằng X% <basis>" whatever X ("bằng 27,9% dự toán tỉnh
  giao").
* change: "tăng X% so với <basis>", "giảm X% so với <basis>" (X without sign), "bằng <basis>" when it
  rounds to zero ("bằng cùng kỳ").
* points: "tăng X điểm phần trăm so với <basis>", "giảm X điểm phần trăm ...", "bằng <basis>" at zero.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from chitieu.documents.context import Comparison, Figure, Limitation, PreviousTask, Task
from chitieu.documents.formats import NO_DATA, short_date
from chitieu.lib.vnnum import format_number

__all__ = [
    "QUALIFIER_WORDS",
    "comparison_phrase",
    "figure_sentence",
    "limitation_parts",
    "limitation_sentence",
    "previous_task_sentence",
    "task_sentence",
    "value_phrase",
]

QUALIFIER_WORDS = {"over": "trên", "nearly": "gần", "about": "khoảng"}
_HUNDRED = Decimal(100)
_CHANGE_KINDS = ("change", "points")


def _rounded(value: Decimal, decimals: int | None) -> Decimal:
    """``value`` as displayed with ``decimals`` (half up, as :func:`format_number` rounds)."""
    if decimals is None:
        return value
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + decimals + 3)
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _hedge(qualifier: str | None) -> str:
    word = QUALIFIER_WORDS.get(qualifier or "", "")
    return f"{word} " if word else ""


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":", ";", "…")) else text + "."


def _with_unit(number: str, unit: str) -> str:
    if not unit:
        return number
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"


def value_phrase(fig: Figure) -> str:
    """The value with hedge and unit: ``31.167 tỷ đồng``, ``trên 6,4 tỷ đồng``, ``8/9 xã``, ``95,49%``;
    ``""`` when there is no value."""
    if fig.value is None:
        return ""
    number = format_number(fig.value, fig.decimals)
    if fig.denominator is not None:
        number = f"{number}/{format_number(fig.denominator, fig.decimals)}"
    return _hedge(fig.qualifier) + _with_unit(number, fig.unit)


def comparison_phrase(cmp: Comparison, *, show_basis: bool = True) -> str:
    """One comparison, by the verb rules of the module docstring.

    ``show_basis=False`` drops "so với <basis>" after a non-zero change (used inside a component list);
    shares and zero changes always keep their basis.
    """
    text = _comparison(cmp, show_basis=show_basis)
    return f"{text} ({cmp.note})" if cmp.note else text


def _comparison(cmp: Comparison, *, show_basis: bool) -> str:
    shown = _rounded(cmp.percent, cmp.decimals)
    number = format_number(abs(shown) if cmp.kind in _CHANGE_KINDS else shown, cmp.decimals)
    hedge = _hedge(cmp.qualifier)
    if cmp.kind == "of":
        basis = f"so với {cmp.basis}" if cmp.say_compared_with else cmp.basis
        if cmp.equal_wording:
            return f"bằng {hedge}{number}% {basis}"
        if shown > _HUNDRED:
            return f"đạt {hedge}{number}%, vượt {cmp.basis}"
        return f"đạt {hedge}{number}% {basis}"
    if cmp.kind in _CHANGE_KINDS:
        if shown.is_zero():
            return f"bằng {cmp.basis}"
        verb = "tăng" if shown > 0 else "giảm"
        amount = f"{number} điểm phần trăm" if cmp.kind == "points" else f"{number}%"
        tail = f" so với {cmp.basis}" if show_basis else ""
        return f"{verb} {hedge}{amount}{tail}"
    raise ValueError(f"unknown comparison kind {cmp.kind!r}; expected 'of', 'change' or 'points'")


def _estimate_verb(fig: Figure) -> str:
    if fig.status != "estimate":
        return fig.verb
    return "ước đạt" if fig.verb in ("", "là") else f"ước {fig.verb}"


def _join_and(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " và " + phrases[-1]


def _shared_change_basis(components: tuple[Figure, ...]) -> str | None:
    """The basis all components compare their change against, when there is exactly one."""
    if len(components) < 2:
        return None
    bases: set[str] = set()
    for comp in components:
        own = {c.basis for c in comp.comparisons if c.kind in _CHANGE_KINDS}
        if not own:
            return None
        bases |= own
    return next(iter(bases)) if len(bases) == 1 else None


def _component_clause(comp: Figure, parent: Figure, show_change_basis: bool) -> str:
    phrases = [comparison_phrase(c, show_basis=show_change_basis) for c in comp.comparisons]
    name = comp.indicator.strip()
    if comp.value is None and not phrases:
        clause = f"{name} {NO_DATA}"
    elif comp.value is None:
        prefix = "ước " if comp.status == "estimate" and parent.status != "estimate" else ""
        clause = f"{name} {prefix}{_join_and(phrases)}"
    else:
        prefix = "ước " if comp.status == "estimate" and parent.status != "estimate" else ""
        clause = ", ".join([f"{name} {prefix}{value_phrase(comp)}", *phrases])
    if comp.components:
        clause += f" (trong đó: {_components_text(comp)})"
    return clause


def _components_text(fig: Figure) -> str:
    shared = _shared_change_basis(fig.components)
    last = len(fig.components) - 1
    return "; ".join(
        _component_clause(comp, fig, shared is None or i == last) for i, comp in enumerate(fig.components)
    )


def figure_sentence(fig: Figure, *, include_note: bool = True) -> str:
    """The sentence(s) of one figure (see the module docstring for the shapes and verb rules)."""
    name = _upper_first(fig.indicator.strip())
    phrases = [comparison_phrase(c) for c in fig.comparisons]
    if fig.value is None and not phrases:
        text = f"{name}: {NO_DATA}"
    elif fig.value is None:
        if fig.status == "estimate":
            phrases[0] = f"ước {phrases[0]}"
        text = f"{name} {_join_and(phrases)}"
    elif fig.denominator is not None:
        prefix = "ước " if fig.status == "estimate" else ""
        text = ", ".join([f"{name}: {prefix}{value_phrase(fig)}", *phrases])
    else:
        text = ", ".join([f"{name} {_estimate_verb(fig)} {value_phrase(fig)}", *phrases])
    text = _end(text)
    if fig.components:
        text += f" Trong đó: {_components_text(fig)}."
    if include_note and fig.note.strip():
        text += " " + _end(_upper_first(fig.note.strip()))
    return text


def limitation_parts(lim: Limitation) -> tuple[str, str]:
    """(``Text.``, ``Nguyên nhân: cause 1; cause 2.`` or ``""``)."""
    text = _end(_upper_first(lim.text.strip()))
    causes = [c.strip().rstrip(".;") for c in lim.causes if c.strip()]
    return text, ("Nguyên nhân: " + "; ".join(causes) + ".") if causes else ""


def limitation_sentence(lim: Limitation) -> str:
    """``Text. Nguyên nhân: cause 1; cause 2.``"""
    return " ".join(part for part in limitation_parts(lim) if part)


def task_sentence(task: Task) -> str:
    """``Text. Giao <owner> chủ trì thực hiện, hoàn thành trước ngày 30/9/2022.``"""
    text = _end(_upper_first(task.text.strip()))
    if task.owner and task.deadline:
        text += f" Giao {task.owner} chủ trì thực hiện, hoàn thành trước ngày {short_date(task.deadline)}."
    elif task.owner:
        text += f" Giao {task.owner} chủ trì thực hiện."
    elif task.deadline:
        text += f" Hoàn thành trước ngày {short_date(task.deadline)}."
    return text


def previous_task_sentence(task: PreviousTask) -> str:
    """``Text: <status>. <note>.``"""
    text = task.text.strip().rstrip(".;:")
    out = f"{_upper_first(text)}: {task.status.strip().rstrip('.')}."
    if task.note.strip():
        out += " " + _end(_upper_first(task.note.strip()))
    return out
