"""Text folding for search: "Vĩnh Hưng", "VINH HUNG" and "vinh  hung" all fold to "vinh hung"."""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]


def fold(text: str) -> str:
    """Lower case, without diacritics (đ → d), whitespace collapsed: the form names are compared in."""
    text = unicodedata.normalize("NFC", text or "").lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(bare.split())
