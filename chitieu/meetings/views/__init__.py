"""The conference and task pages. Each view binds a form, calls one service and redirects; a
refusal shows the form again, as typed, with the reason beside the field (400)."""

from .conferences import (
    conference_detail,
    conference_edit,
    conference_list,
    conference_minutes,
    conference_ordinal,
)
from .records import agenda_move, question_to_task, record_delete, record_edit
from .tasks import task_delete, task_detail, task_edit, task_export, task_list

__all__ = [
    "agenda_move",
    "conference_detail",
    "conference_edit",
    "conference_list",
    "conference_minutes",
    "conference_ordinal",
    "question_to_task",
    "record_delete",
    "record_edit",
    "task_delete",
    "task_detail",
    "task_edit",
    "task_export",
    "task_list",
]
