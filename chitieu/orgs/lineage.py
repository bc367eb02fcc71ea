"""Load a province's old → new unit mapping (mergers, splits, renames, transfers, dissolutions) from a
CSV file: every row is checked first and the file is applied whole or not at all.

Columns (header row required; extra columns are ignored):

    date        YYYY-MM-DD or DD/MM/YYYY — the day the new units start and the old ones end
    old_code    the unit before
    new_code    the unit after (empty for a plain dissolution)
    kind        merge | split | rename | transfer | dissolve
    share       the part of the old unit that moved (0 < share ≤ 1; default 1) — population, area or a
                given key; for merge/split/rename the shares of one old unit must add up to 1, a
                transfer moves part of a unit that goes on existing
    new_name    name of the new unit when it does not exist yet (it is created)
    new_kind    its kind (commune, ward, special_zone, province, city, …)
    new_parent  code of its parent
    basis       the legal basis (e.g. Nghị quyết 1682/NQ-UBTVQH15)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.audit.services import record, snapshot

from .choices import LineageKind
from .models import KIND_LEVEL, Unit, UnitLineage

KINDS = {"merge", "split", "rename", "transfer", "dissolve"}
ENDING = {"merge", "split", "rename", "dissolve"}


@dataclass
class LineageRow:
    line: int
    date: dt.date
    old: Unit
    new_code: str
    kind: str
    share: Decimal
    new_name: str = ""
    new_kind: str = ""
    new_parent: str = ""
    basis: str = ""


@dataclass
class LineageReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    created_units: list[str] = field(default_factory=list)
    edges: int = 0
    ended: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class LineageError(ValueError):
    def __init__(self, report: LineageReport):
        self.report = report
        super().__init__("; ".join(_("row {n}: {msg}").format(n=n, msg=m) for n, m in report.errors[:20]))


def _date(raw: str) -> dt.date:
    raw = raw.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            pass
    raise ValueError(raw)


def parse(text: str, report: LineageReport) -> list[LineageRow]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    need = {"date", "old_code", "new_code", "kind"}
    if not reader.fieldnames or not need <= {f.strip() for f in reader.fieldnames}:
        report.errors.append((1, _("the header must name the columns date, old_code, new_code, kind")))
        return []
    units = {u.code: u for u in Unit.objects.all()}
    rows: list[LineageRow] = []
    declared: set[str] = set()  # new units named by an earlier row of the file
    for n, raw in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        errors = []
        try:
            day = _date(row["date"])
        except ValueError:
            errors.append(_("“{v}” is not a date (YYYY-MM-DD)").format(v=row["date"]))
            day = None
        old = units.get(row["old_code"])
        if old is None:
            errors.append(_("there is no unit “{code}”").format(code=row["old_code"]))
        kind = row["kind"].lower()
        if kind not in KINDS:
            errors.append(
                _("kind “{k}” is not one of merge, split, rename, transfer, dissolve").format(k=row["kind"])
            )
        try:
            share = Decimal(row.get("share") or "1")
            if not (0 < share <= 1):
                raise InvalidOperation
        except InvalidOperation:
            errors.append(_("share “{s}” must be a number above 0 and at most 1").format(s=row.get("share")))
            share = Decimal(1)
        new_code = row["new_code"]
        if kind != "dissolve" and not new_code:
            errors.append(_("new_code is empty"))
        if new_code and row.get("new_name"):
            declared.add(new_code)
        if new_code and new_code not in units and new_code not in declared:
            errors.append(_("there is no unit “{code}” and no new_name to create it").format(code=new_code))
        if row.get("new_parent") and row["new_parent"] not in units and row["new_parent"] not in declared:
            errors.append(_("there is no parent unit “{code}”").format(code=row["new_parent"]))
        if row.get("new_kind") and row["new_kind"] not in KIND_LEVEL:
            errors.append(_("“{k}” is not a kind of unit").format(k=row["new_kind"]))
        if old is not None and day is not None:
            if day <= old.valid_from:
                errors.append(
                    _("{unit} was created on {created}, not before {date}").format(
                        unit=old.name,
                        created=old.valid_from.strftime("%d/%m/%Y"),
                        date=day.strftime("%d/%m/%Y"),
                    )
                )
            elif old.valid_to is not None and day > old.valid_to:
                errors.append(
                    _("{unit} had already ended on {ended}").format(
                        unit=old.name, ended=old.valid_to.strftime("%d/%m/%Y")
                    )
                )
        if errors:
            report.errors.extend((n, e) for e in errors)
            continue
        rows.append(
            LineageRow(
                n,
                day,
                old,
                new_code,
                kind,
                share,
                row.get("new_name", ""),
                row.get("new_kind", ""),
                row.get("new_parent", ""),
                row.get("basis", ""),
            )
        )
    return rows


def check(rows: list[LineageRow], report: LineageReport) -> None:
    """Checks across rows: shares add up, no cycle, an ended unit leaves no unit under it."""
    by_old: dict[int, list[LineageRow]] = defaultdict(list)
    for r in rows:
        by_old[r.old.pk].append(r)
    for group in by_old.values():
        kinds = {r.kind for r in group}
        total = sum(r.share for r in group if r.kind != "dissolve")
        if kinds & ENDING - {"dissolve"} and abs(total - 1) > Decimal("0.000001"):
            report.errors.append(
                (
                    group[0].line,
                    _("the shares of {unit} add up to {total}, not 1").format(
                        unit=group[0].old.name, total=total
                    ),
                )
            )
        elif "transfer" in kinds and total > 1:
            report.errors.append(
                (
                    group[0].line,
                    _("the shares of {unit} add up to more than 1").format(unit=group[0].old.name),
                )
            )
    # Cycles: the file's edges together with those already recorded.
    graph: dict[str, set[str]] = defaultdict(set)
    for e in UnitLineage.objects.select_related("predecessor", "successor"):
        graph[e.predecessor.code].add(e.successor.code)
    for r in rows:
        if r.new_code:
            graph[r.old.code].add(r.new_code)
    for r in rows:
        if r.new_code and _reaches(graph, r.new_code, r.old.code):
            report.errors.append(
                (r.line, _("{new} → … → {old} would make a cycle").format(new=r.new_code, old=r.old.code))
            )
    ending = {r.old.pk for r in rows if r.kind in ENDING}
    for r in rows:
        if r.kind in ENDING:
            alive = [c for c in r.old.children.all() if c.exists_on(r.date) and c.pk not in ending]
            if alive:
                report.errors.append(
                    (
                        r.line,
                        _("{unit} ends but {child} under it does not").format(
                            unit=r.old.name, child=alive[0].name
                        ),
                    )
                )


def _reaches(graph, start: str, goal: str) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(graph.get(node, ()))
    return False


def load(text: str, *, actor=None, dry_run: bool = False) -> LineageReport:
    report = LineageReport()
    rows = parse(text, report)
    if not report.errors:
        check(rows, report)
    if report.errors:
        raise LineageError(report)
    with transaction.atomic():
        _apply(rows, report, actor)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _apply(rows: list[LineageRow], report: LineageReport, actor) -> None:
    from .services import unit_create

    units = {u.code: u for u in Unit.objects.all()}
    for r in rows:
        if r.new_code and r.new_code not in units:
            parent = units.get(r.new_parent) if r.new_parent else None
            units[r.new_code] = unit_create(
                actor=actor,
                code=r.new_code,
                name=r.new_name,
                kind=r.new_kind or r.old.kind,
                parent=parent,
                valid_from=r.date,
            )
            report.created_units.append(r.new_code)
        if r.new_code:
            edge = UnitLineage.objects.create(
                predecessor=r.old,
                successor=units[r.new_code],
                kind=LineageKind(r.kind) if r.kind != "dissolve" else LineageKind.MERGE,
                date=r.date,
                share=r.share,
                basis=r.basis,
            )
            record(
                actor=actor,
                action="create",
                obj=edge,
                before=None,
                after=snapshot(edge),
                unit=units[r.new_code],
            )
            report.edges += 1
    # End the old units, deepest first, so no unit ends while one under it still exists.
    ending = {r.old.pk: r for r in rows if r.kind in ENDING}
    for r in sorted(ending.values(), key=lambda r: -r.old.level):
        old = Unit.objects.get(pk=r.old.pk)
        if old.valid_to is not None and old.valid_to <= r.date:
            continue
        before = snapshot(old)
        old.valid_to = r.date
        old.version += 1
        old.save(update_fields=["valid_to", "version"])
        record(actor=actor, action="dissolve", obj=old, before=before, after=snapshot(old), unit=old)
        report.ended.append(old.code)
