"""A whole document's figures: prose figures from its text, table figures from its tables.

    reading = read("bao-cao.docx")          # chitieu.extraction.reader
    found = document_figures(reading)       # list[Found], in text order
    found[0].figure, found[0].cell, found[0].targets, found[0].confidence

The tables of a .docx are laid out in the text a row a line (``1 | Thu ngân sách | tỷ đồng | 905``),
so that the inbox can highlight the cell a figure came from; the rows of a table that is read as a
table (or refused as not understood) are masked from the prose extractor, which would otherwise read
the same numbers again without their columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import encodings
from .figures import scan
from .model import ExtractionWarning, Figure
from .reader import Reading, clean
from .refusals import Note
from .tables import CellRef, TableTarget, parse_cell, table_figures, understand
from .wordfile import Grid, WordDocument


@dataclass
class Found:
    figure: Figure
    cell: CellRef | None = None  # the table cell it was read from
    targets: list[TableTarget] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # column header of each comparison (tables)
    confidence: float | None = None  # OCR confidence of the words it was read from

    def to_json(self) -> dict[str, Any]:
        out = self.figure.to_json()
        if self.cell is not None:
            out["cell"] = self.cell.to_json()
        if self.targets:
            out["targets"] = [t.to_json() for t in self.targets]
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 1)
        return out


def _caption(blocks: list[str | Grid], i: int) -> str:
    lines: list[str] = []
    for block in reversed(blocks[max(0, i - 3) : i]):
        if not isinstance(block, str):
            break
        if block.strip():
            lines.insert(0, block.strip())
        if len(lines) == 2:
            break
    return "\n".join(lines)


def _has_numbers(grid: Grid) -> bool:
    """Does the table hold numbers below its first row (years aside)?"""
    return any(
        parse_cell(c.text)[0] is not None and not re.fullmatch(r"(19|20)\d\d", c.text.strip())
        for c in grid.cells()
        if c.row > 0
    )


def _convert_whole(doc: WordDocument) -> str:
    """With no legacy font named, detect a legacy encoding on the whole text and convert every
    paragraph and cell (before clean(), which would drop TCVN3's ư, a soft hyphen)."""
    pieces = [b if isinstance(b, str) else "\n".join(c.text for c in b.cells()) for b in doc.blocks]
    encoding, _converted = encodings.detect_text("\n".join(pieces))
    if encoding in ("tcvn3", "vni"):
        for i, block in enumerate(doc.blocks):
            if isinstance(block, str):
                doc.blocks[i] = encodings.convert_run(block, encoding)
            else:
                for cell in block.cells():
                    cell.text = encodings.convert_run(cell.text, encoding)
    return encoding


def lay_out_docx(name: str, doc: WordDocument, source: str) -> Reading:
    """The Reading of a Word document: its text, its tables understood or not, its encoding."""
    whole = None if sum(doc.encodings.values()) else _convert_whole(doc)
    parts: list[str] = []
    pos = 0
    grids: list[tuple[Grid, int, int]] = []

    def put(text: str) -> tuple[int, int]:
        nonlocal pos
        text = clean(text)
        start = pos
        parts.append(text)
        pos += len(text)
        return start, pos

    for i, block in enumerate(doc.blocks):
        if isinstance(block, str):
            put(block)
            put("\n")
            continue
        block.caption = _caption(doc.blocks, i)
        start = pos
        for r, row in enumerate(block.rows):
            first = True
            for cell in dict.fromkeys(c for c in row if c is not None):
                if cell.row != r:
                    continue  # merged down from the row above
                if not first:
                    put(" | ")
                first = False
                cell.start, cell.end = put(cell.text.replace("\n", " "))
            put("\n")
        grids.append((block, start, pos))
    text = "".join(parts)
    reading = Reading(name, text, source)
    for grid, start, end in grids:
        layout, header = understand(grid)
        reading.tables.append((grid, layout))
        if layout is not None:
            reading.masked.append((start, end))
        elif grid.width >= 3 and _has_numbers(grid):
            reading.masked.append((start, end))
            reading.notes.append(Note("table_header", {"table": grid.number, "header": header[:200]}))
    if whole is None:
        enc = doc.encodings.most_common(1)[0][0]
        reading.encoding = enc if len(doc.encodings) == 1 else "mixed"
    else:
        reading.encoding = whole
    return reading


def _masked_text(reading: Reading) -> str:
    if not reading.masked:
        return reading.text
    chars = list(reading.text)
    for start, end in reading.masked:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _confidence(reading: Reading, figure: Figure) -> float | None:
    if not reading.pages:
        return None
    spans = [(figure.start, figure.end)] + [(c.start, c.end) for c in figure.comparisons]
    scores: list[float] = []
    for page, (pstart, pend) in zip(reading.pages, reading.page_spans, strict=True):
        for w in page.words:
            ws, we = w.start + pstart, w.end + pstart
            if we > pend:
                continue
            if any(ws < e and s < we for s, e in spans):
                scores.append(w.confidence)
    return min(scores) if scores else reading.confidence


def document_figures(reading: Reading) -> tuple[list[Found], list[ExtractionWarning]]:
    """Every figure of the document, prose and tables, in text order, with parents re-indexed."""
    prose = scan(_masked_text(reading))
    found = [Found(f) for f in prose.figures]
    groups: list[list[Found]] = [found]
    for grid, layout in reading.tables:
        if layout is None:
            continue
        table = [Found(t.figure, t.cell, t.targets, t.labels) for t in table_figures(grid, layout)]
        if not table:
            reading.notes.append(Note("table_no_figures", {"table": grid.number}))
        groups.append(table)
    # parents are indexes within each group: re-point them at objects before sorting
    parent_of: dict[int, Found] = {}
    for group in groups:
        for item in group:
            if item.figure.parent is not None and 0 <= item.figure.parent < len(group):
                parent_of[id(item)] = group[item.figure.parent]
    merged = sorted((f for g in groups for f in g), key=lambda f: (f.figure.start, f.figure.end))
    index = {id(f): i for i, f in enumerate(merged)}
    for item in merged:
        parent = parent_of.get(id(item))
        item.figure.parent = index[id(parent)] if parent is not None else None
        item.confidence = _confidence(reading, item.figure)
    return merged, prose.warnings
