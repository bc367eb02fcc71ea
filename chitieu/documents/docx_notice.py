"""The conclusions notice (thông báo kết luận) as an editable .docx, Party or State family.

Order: header blocks, "THÔNG BÁO" + subject, intro, the lead sentence, numbered conclusions (with their
detail paragraphs), the tasks lead and one paragraph per task (owner, deadline), closing paragraphs,
recipients + signature.
"""

from __future__ import annotations

from pathlib import Path

from chitieu.documents.context import NoticeContext
from chitieu.documents.docx_common import (
    S,
    add_closing_table,
    add_header_table,
    add_paragraph,
    add_title_block,
    new_document,
)
from chitieu.documents.sentences import task_sentence

__all__ = ["render_notice_docx"]


def render_notice_docx(ctx: NoticeContext, path: str | Path) -> Path:
    """Write the notice to ``path`` (.docx) and return the path."""
    layout = ctx.effective_layout
    doc = new_document(layout)
    add_header_table(doc, ctx.meta, layout)
    add_title_block(doc, ctx.meta, layout)
    for text in (*ctx.intro, *ctx.decisions):
        add_paragraph(doc, text, S.BODY)
    if ctx.conclusions:
        if ctx.conclusions_lead:
            add_paragraph(doc, ctx.conclusions_lead, S.BODY)
        for i, point in enumerate(ctx.conclusions, start=1):
            add_paragraph(doc, f"{i}. {point.text}", S.BODY)
            for detail in point.details:
                add_paragraph(doc, f"- {detail}", S.BODY)
    if ctx.tasks:
        if ctx.tasks_lead:
            add_paragraph(doc, ctx.tasks_lead, S.BODY)
        for task in ctx.tasks:
            add_paragraph(doc, f"- {task_sentence(task)}", S.BODY)
    for text in ctx.closing:
        add_paragraph(doc, text, S.BODY)
    add_closing_table(doc, ctx.signature, ctx.recipients, layout)
    path = Path(path)
    doc.save(str(path))
    return path
