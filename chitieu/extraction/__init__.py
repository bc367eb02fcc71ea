"""Figures out of Vietnamese report prose (pure Python, no Django).

Public API::

    normalise(text) -> str                      NFC + offset-preserving fixes; offsets refer to it
    extract(text) -> list[Figure]               every figure (SCHEMA.md); Figure.to_json()
    scan(text) -> Extraction                    figures + warnings (malformed numbers)
    extract_meeting(text) -> Meeting            body, unit, ordinal, term, date, period, officials
    check_consistency(figures, target_lookup=None) -> list[Issue]
    read_document(path) -> str                  .txt/.docx/.pdf/.html; raises ExtractionError
"""

from .checks import check_consistency
from .figures import extract, scan
from .meeting import extract_meeting
from .model import (
    Comparison,
    Extraction,
    ExtractionError,
    ExtractionWarning,
    Figure,
    Issue,
    Meeting,
    Official,
)
from .normalise import normalise
from .reader import read_document

__all__ = [
    "Comparison",
    "Extraction",
    "ExtractionError",
    "ExtractionWarning",
    "Figure",
    "Issue",
    "Meeting",
    "Official",
    "check_consistency",
    "extract",
    "extract_meeting",
    "normalise",
    "read_document",
    "scan",
]
