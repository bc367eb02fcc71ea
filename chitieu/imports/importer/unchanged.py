"""Whether a checked target row repeats what is stored: the checking pass lets a row outside the
importer's scope through when it changes nothing. (The writing pass asks the services instead, which
answer whether a save changed anything.)"""

from __future__ import annotations

from decimal import Decimal

from chitieu.indicators.models import Target

from .report import TargetRow


def same(a: Decimal | None, b: Decimal | None) -> bool:
    return a == b if a is not None and b is not None else a is None and b is None


def target_unchanged(ex: Target | None, row: TargetRow) -> bool:
    return ex is not None and same(ex.value, row.value) and ex.kind == row.kind and ex.note == row.note
