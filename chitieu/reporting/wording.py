"""How an assessment is said, in the reader's language: one set of pure functions for every page (the
documents, always Vietnamese, have theirs in documents/wording.py, built on the same statuses)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chitieu.i18n import current_lang
from chitieu.lib.periods import PeriodKind
from chitieu.lib.vnnum import format_number


def share_phrase(cell) -> str:
    """ "đạt 51,7% kế hoạch năm — đúng tiến độ"; "đạt 100,51% Nghị quyết — vượt kế hoạch"; "" when
    the cell has no share."""
    a = cell.assessment
    if a is None or a.percent is None:
        return ""
    pct = format_number(a.percent, cell.decimals, lang=current_lang())
    basis = cell.basis_label
    tp = cell.target_period
    if a.on_pace and tp is not None:
        if tp.kind is PeriodKind.TERM:
            basis = _("{basis} of the term").format(basis=basis)
        elif tp.kind is PeriodKind.YEAR:
            basis = _("{basis} for the year").format(basis=basis)
    hedge = _("over") + " " if cell.stated_qualifier == "over" and cell.stated_percent is not None else ""
    # xgettext:no-python-format
    return _("{percent}% of {basis}").format(percent=hedge + pct, basis=basis)
