"""Renderers for the documents a Party committee office (or a People's Committee) writes.

The renderers are pure Python, no Django: a caller builds a plain context
(:mod:`chitieu.documents.context`) and asks for a file. :mod:`chitieu.documents.builder` fills those
contexts from the database, :mod:`chitieu.documents.views` serves the downloads and ``chitieu report``
writes them from the command line.

* :func:`render_report_docx` - the draft report (báo cáo) as an editable Word document, Party family per
  Hướng dẫn 36-HD/VPTW or State family per Nghị định 30/2020/NĐ-CP;
* :func:`render_notice_docx` - the conclusions notice (thông báo kết luận);
* :func:`render_appendix_xlsx` - the appendix table of indicators as a spreadsheet;
* :mod:`chitieu.documents.sentences` - the Vietnamese sentences written from the figures;
* :mod:`chitieu.documents.layout` - every size, margin and font, per family, overridable;
* :mod:`chitieu.documents.samples` - realistic sample contexts (Kinh Môn, first half of 2022).
"""

from __future__ import annotations

from chitieu.documents.docx_notice import render_notice_docx
from chitieu.documents.docx_report import render_report_docx
from chitieu.documents.xlsx import render_appendix_xlsx

__all__ = ["render_appendix_xlsx", "render_notice_docx", "render_report_docx"]
