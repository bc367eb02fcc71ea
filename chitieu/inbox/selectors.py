from __future__ import annotations

from dataclasses import dataclass

from . import messages
from .models import Candidate, SourceDocument


@dataclass
class Segment:
    text: str
    candidate: Candidate | None = None


def highlighted(doc: SourceDocument, candidates: list[Candidate]) -> list[Segment]:
    """The document's text cut into plain segments and figure spans (non-overlapping, in order)."""
    out: list[Segment] = []
    pos = 0
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        if c.start < pos or c.end <= c.start:
            continue
        if c.start > pos:
            out.append(Segment(doc.text[pos : c.start]))
        out.append(Segment(doc.text[c.start : c.end], c))
        pos = c.end
    out.append(Segment(doc.text[pos:]))
    return out


@dataclass
class ReadingInfo:
    source: str  # how the file was read, in the user's language
    encoding: str  # the encoding detected, when worth saying (not plain UTF-8)
    confidence: float | None
    notes: list[str]


def reading_info(doc: SourceDocument) -> ReadingInfo:
    """How a document was read, and what of it could not be, in the current language."""
    source = doc.reader or ("paste" if doc.origin == SourceDocument.Origin.PASTE else "")
    encoding = doc.encoding if doc.encoding not in ("", "utf-8", "unicode") else ""
    return ReadingInfo(
        source=messages.source_label(source) if source else "",
        encoding=messages.encoding_label(encoding) if encoding else "",
        confidence=doc.ocr_confidence,
        notes=[
            messages.note(n.get("code", ""), n.get("params", {}), n.get("message", "")) for n in doc.notes
        ],
    )
