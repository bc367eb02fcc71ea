from __future__ import annotations

from dataclasses import dataclass

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
