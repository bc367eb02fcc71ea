"""The task list as an .xlsx workbook: one row per task, in the order and with the filters of the page
it was exported from."""

from __future__ import annotations

import datetime as dt
import io

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from chitieu.i18n import dmy

from .choices import TaskStatus
from .models import Task

DATE_FORMAT = "DD/MM/YYYY"


def _text(cell, value: str) -> None:
    """A text cell that stays text: a value typed as "=…", "+…", "-…" or "@…" is not a formula to
    Excel or LibreOffice (no formula injection from what somebody typed into a task)."""
    cell.value = value
    cell.data_type = "s"


def tasks_xlsx(unit, tasks: list[Task], *, today: dt.date) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Tasks")[:31]
    ws.append(
        [_("Tasks of {unit} and the units below it, as of {date}").format(unit=unit.name, date=dmy(today))]
    )
    ws["A1"].font = Font(bold=True, size=13)
    headers = [
        _("No."),
        _("Task"),
        _("Responsible unit"),
        _("Responsible person"),
        _("Deadline"),
        _("Status"),
        _("Completed on"),
        _("Latest progress"),
        _("Date of the latest progress"),
        _("Set by the conference"),
    ]
    ws.append([])
    ws.append(headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, t in enumerate(tasks, start=1):
        latest = t.progress[0] if getattr(t, "progress", None) else None
        row = ws.max_row + 1
        ws.cell(row=row, column=1, value=n)
        _text(ws.cell(row=row, column=2), t.text)
        _text(ws.cell(row=row, column=3), t.unit.name)
        _text(ws.cell(row=row, column=4), t.owner_text or (t.owner.full_name if t.owner else ""))
        for col, day in ((5, t.deadline), (7, t.done_on), (9, latest.date if latest else None)):
            if day is not None:
                c = ws.cell(row=row, column=col, value=day)
                c.number_format = DATE_FORMAT
        _text(ws.cell(row=row, column=6), capfirst(str(TaskStatus(t.effective_status(today)).label)))
        _text(ws.cell(row=row, column=8), latest.text if latest else "")
        _text(ws.cell(row=row, column=10), str(t.conference) if t.conference_id else "")
        for col in (2, 8, 10):
            ws.cell(row=row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in enumerate((6, 60, 24, 24, 12, 16, 14, 50, 14, 40), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A4"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
