"""Vietnamese text in the legacy encodings offices still have, detected and converted to Unicode.

* **TCVN3 (ABC)**, TCVN 5712:1993: one byte a letter; the ``.VnTime`` fonts.  The table below is
  the standard's VN1 chart (as published with the standard and shipped in glibc's ``TCVN5712-1``
  charmap): lower-case letters in 0xA8-0xFE, which is all ABC's ``VN3`` uses (its capitals with tone
  marks come from the ``.VnTimeH`` fonts, which show the lower-case codes as capitals), plus VN1's
  capitals in 0x01-0x17, 0x80-0x9F and the free cells of 0xA0-0xFF.
* **VNI Windows**: a base letter followed by a mark character (``a`` + ``ù`` = ``á``, ``o`` + ``ä`` =
  ``ộ``), plus single characters for ơ ư đ and the i's; the ``VNI-Times`` fonts.  Its chart (VNI's
  keyboard-font table, as reproduced by every converter) is built below from its mark characters.
* **Windows-1258**: Python's ``cp1258`` codec; base letters with combining tone marks, composed here.
* Decomposed Unicode (NFD, as macOS and some converters write it) is composed (NFC).

In a .docx the legacy text is stored as the Windows-1252 characters of its bytes (``Thu ng©n s¸ch``
for ``Thu ngân sách`` in TCVN3; ``Thu ngaân saùch`` in VNI), so the converters work on text; the byte
readers decode with Windows-1252 first.  Which encoding a text is in is decided by how many of its
words then read as Vietnamese syllables (:func:`vietnamese_score`).
"""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------------------------------------
# TCVN3 / TCVN 5712:1993
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # A0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # B0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0
    "Ổỏõóọồổỗốộờởỡớợù"  # E0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # F0
)
_TCVN3_LOW = {
    0x01: "Ú",
    0x02: "Ụ",
    0x04: "Ừ",
    0x05: "Ử",
    0x06: "Ữ",
    0x11: "Ứ",
    0x12: "Ự",
    0x13: "Ỳ",
    0x14: "Ỷ",
    0x15: "Ỹ",
    0x16: "Ý",
    0x17: "Ỵ",
}
assert len(_TCVN3_HIGH) == 128

TCVN3_DECODE: dict[int, str] = {b: chr(b) for b in range(0x80)}
TCVN3_DECODE.update(_TCVN3_LOW)
TCVN3_DECODE.update({0x80 + i: ch for i, ch in enumerate(_TCVN3_HIGH)})
_TCVN3_ENCODE = {ch: b for b, ch in TCVN3_DECODE.items() if b >= 0x80 or b in _TCVN3_LOW}


def _byte_chars(b: int) -> set[str]:
    """The characters a byte becomes when legacy-font text is stored as Unicode (Windows-1252, or
    Latin-1 for the five bytes Windows-1252 leaves undefined)."""
    chars = {chr(b)}
    try:
        chars.add(bytes([b]).decode("cp1252"))
    except UnicodeDecodeError:
        pass
    return chars


# text (Windows-1252 characters of TCVN3 bytes) -> Unicode, for bytes 0x80-0xFF
_TCVN3_TEXT = {ord(c): TCVN3_DECODE[b] for b in range(0x80, 0x100) for c in _byte_chars(b)}


def decode_tcvn3(data: bytes) -> str:
    return unicodedata.normalize("NFC", "".join(TCVN3_DECODE[b] for b in data))


def tcvn3_text(text: str) -> str:
    """Unicode for text that holds TCVN3 bytes as Windows-1252 characters (a ``.VnTime`` run)."""
    return unicodedata.normalize("NFC", text.translate(_TCVN3_TEXT))


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 bytes of Unicode text (letters without a TCVN3 code raise ValueError)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80 and ord(ch) not in _TCVN3_LOW:
            out.append(ord(ch))
        elif ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        else:
            raise ValueError(f"no TCVN3 code for {ch!r}")
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# VNI Windows
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
# mark character (lower case; the upper-case letter is the same mark) -> combining marks
_VNI_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# single characters
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_tables() -> dict[str, str]:
    seqs: dict[str, str] = {}

    def add(base: str, mark: str, marks: tuple[str, ...]) -> None:
        for b, m in ((base, mark), (base.upper(), mark.upper()), (base.upper(), mark)):
            seqs.setdefault(b + m, _compose(b, *marks))
        seqs.setdefault(base + mark.upper(), _compose(base, *marks))

    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            add(base, mark, (tone,))
    for base in "aeo":
        for mark, tone in _VNI_CIRC.items():
            add(base, mark, (_CIRC, tone) if tone else (_CIRC,))
    for mark, tone in _VNI_BREVE.items():
        add("a", mark, (_BREVE, tone) if tone else (_BREVE,))
    for vni, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            for b, m in ((vni, mark), (vni.upper(), mark.upper()), (vni.upper(), mark), (vni, mark.upper())):
                seqs.setdefault(b + m, _compose(letter.upper() if b.isupper() else letter, tone))
    for vni, letter in _VNI_SINGLE.items():
        seqs.setdefault(vni, letter)
        seqs.setdefault(vni.upper(), letter.upper())
    return seqs


VNI_DECODE = _vni_tables()
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(VNI_DECODE, key=len, reverse=True)))
# Unicode letter -> VNI, preferring letter+mark in the letter's case
_VNI_ENCODE: dict[str, str] = {}
for _seq, _ch in sorted(VNI_DECODE.items(), key=lambda kv: (len(kv[0]) == 1, kv[0])):
    if _ch not in _VNI_ENCODE and _seq == (_seq.upper() if _ch.isupper() else _seq.lower()):
        _VNI_ENCODE[_ch] = _seq
_VNI_ENCODE.update({"ỵ": "î", "Ỵ": "Î"})  # VNI's own key for y with a dot below


def vni_text(text: str) -> str:
    """Unicode for text that holds VNI bytes as Windows-1252 characters (a ``VNI-Times`` run)."""
    return _VNI_RE.sub(lambda m: VNI_DECODE[m.group()], text)


def decode_vni(data: bytes) -> str:
    return vni_text(data.decode("cp1252", errors="replace"))


def encode_vni(text: str) -> bytes:
    """VNI Windows bytes of Unicode text."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(_VNI_ENCODE.get(ch, ch))
    return "".join(out).encode("cp1252")


# ---------------------------------------------------------------------------------------------
# Detection
_TONE_MARKS = set(_GRAVE + _ACUTE + _HOOK + _TILDE + _DOT)
_VIETNAMESE_ONLY = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")
# vowel groups that may close with a consonant, and those that end in a glide and may not
_NUCLEI = "a ă â e ê i o ô ơ u ư y iê yê oa oă oe oo ua uâ uê uô uơ uy ưa ươ uyê".split()
_OPEN_NUCLEI = (
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu"
).split()
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
_SYLLABLE = re.compile(
    _INITIAL
    + r"(?:(?:"
    + "|".join(sorted(_NUCLEI, key=len, reverse=True))
    + r")(?:ng|nh|ch|[cmnpt])?|(?:"
    + "|".join(sorted(_OPEN_NUCLEI, key=len, reverse=True))
    + "))"
)
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]\"'“”‘’/\\|+\-–—=%*#<>_]+")


def is_syllable(word: str) -> bool:
    """Does ``word`` (one word, any case) spell a Vietnamese syllable, with at most one tone mark?"""
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in nfd) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
    return bool(base) and _SYLLABLE.fullmatch(base) is not None


def vietnamese_score(text: str, sample: int = 20000) -> float:
    """The share of the words (of the first ``sample`` characters) that are Vietnamese syllables."""
    words = _WORD.findall(text[:sample])
    if not words:
        return 0.0
    return sum(is_syllable(w) for w in words) / len(words)


LABELS = {
    "utf-8": "UTF-8",
    "utf-8-nfd": "UTF-8, decomposed (composed on reading)",
    "utf-16": "UTF-16",
    "unicode": "Unicode",
    "unicode-nfd": "Unicode, decomposed (composed on reading)",
    "tcvn3": "TCVN3 (ABC), converted to Unicode",
    "vni": "VNI Windows, converted to Unicode",
    "cp1258": "Windows-1258, converted to Unicode",
    "mixed": "Unicode with parts in TCVN3/VNI fonts, converted",
}


def has_decomposed(text: str) -> bool:
    return any(unicodedata.combining(c) for c in text) and unicodedata.normalize("NFC", text) != text


def detect_text(text: str) -> tuple[str, str]:
    """(encoding, Unicode text) for a text that may hold TCVN3 or VNI characters (as found in a
    .docx or a UTF-8 file written from a legacy-font document), or decomposed Unicode.  The
    encoding is ``unicode``, ``unicode-nfd``, ``tcvn3`` or ``vni``."""
    if _VIETNAMESE_ONLY.search(text) or not re.search("[\u00a0-\u00ff]", text):
        if has_decomposed(text):
            return "unicode-nfd", unicodedata.normalize("NFC", text)
        return "unicode", text
    candidates = {
        "unicode": unicodedata.normalize("NFC", text),
        "tcvn3": tcvn3_text(text),
        "vni": vni_text(text),
    }
    scores = {k: vietnamese_score(v) for k, v in candidates.items()}
    best = max(("tcvn3", "vni"), key=lambda k: scores[k])
    if scores[best] >= 0.6 and scores[best] > scores["unicode"] + 0.15:
        return best, candidates[best]
    if has_decomposed(text):
        return "unicode-nfd", candidates["unicode"]
    return "unicode", text


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) for bytes that are not UTF-8: the best of Windows-1258, TCVN3 and VNI by
    :func:`vietnamese_score`, or None when none reads as Vietnamese."""
    candidates: dict[str, str] = {}
    try:
        candidates["cp1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    candidates["tcvn3"] = decode_tcvn3(data)
    try:
        candidates["vni"] = vni_text(data.decode("cp1252"))
    except UnicodeDecodeError:
        pass
    scores = {k: vietnamese_score(v) for k, v in candidates.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 0.6:
        return None
    return best, candidates[best]


# Fonts whose text is stored in a legacy encoding: name prefix -> (encoding, upper-case font)
def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """The legacy encoding a font name implies (``.VnTime`` -> tcvn3, ``VNI-Times`` -> vni), and
    whether it is an upper-case font (``.VnTimeH``, ``.VnArialH``), or None for a Unicode font."""
    if not font:
        return None
    name = font.strip()
    if name.startswith(".Vn") or re.match(r"Vn[A-Z][a-z]", name):
        return "tcvn3", name.replace(" ", "").endswith("H")
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return "vni", False
    return None


def convert_run(text: str, encoding: str, upper: bool = False) -> str:
    out = tcvn3_text(text) if encoding == "tcvn3" else vni_text(text)
    return out.upper() if upper else out
