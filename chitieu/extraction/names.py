"""Contexts that make a number a name, an ordinal or a document number rather than a figure:
``Hội nghị lần thứ 14``, ``khóa 25``, ``Nghị quyết số 28``, ``Đề án trồng 1 tỷ cây xanh``, ``phường 7``."""

from __future__ import annotations

import re

from .lexicon import LETTER, exact_words, words

_PROGRAMME = re.compile(
    r"(?-i:Đề án|Chương trình|Dự án|Phong trào|Cuộc vận động|Kế hoạch|Nghị quyết|Chiến lược|Cuộc thi|Hội thi|"
    r"Giải|Chiến dịch|Mô hình|Quỹ)" + r"((?:\s+" + LETTER + r"+){0,4})\s*$"
)
_PROGRAMME_BREAK = re.compile(
    words(
        "có",
        "đạt",
        "được",
        "đã",
        "với",
        "tăng",
        "giảm",
        "là",
        "gồm",
        "giao",
        "cho",
        "hỗ trợ",
        "bằng",
        "thu",
        "chi",
        "vốn",
        "kinh phí",
        "tổng",
        "ước",
        "trên",
        "hơn",
        "khoảng",
        "gần",
        "bình quân",
        "với",
        "năm",
    ),
    re.IGNORECASE,
)
# words before `số` that make it a quantity noun rather than a number sign
_QUANTITY_SO = re.compile(exact_words("dân", "tổng", "chỉ") + r"\s*$", re.IGNORECASE)
_STRONG_SET = {
    "lần thứ",
    "thứ",
    "xếp hạng",
    "thứ hạng",
    "top",
    "tốp",
    "vị trí",
    "hạng thứ",
    "lần",
    "khóa",
    "khoá",
    "số",
    "kỳ họp thứ",
    "kỳ họp",
    "kỳ",
    "đợt",
    "phiên",
    "điều",
    "khoản",
    "mục",
    "chương",
    "phần",
    "tập",
    "trang",
    "trung ương",
    "covid",
}
_WEAK_SET = {
    "ấp",
    "khóm",
    "khu phố",
    "tổ dân phố",
    "tổ",
    "thôn",
    "bản",
    "xóm",
    "phường",
    "quận",
    "đội",
    "quốc lộ",
    "tỉnh lộ",
    "hương lộ",
    "lô",
    "phòng",
    "số nhà",
    "hạng",
    "cấp độ",
    "mức độ",
    "nhóm",
    "loại",
    "bậc",
    "tiểu khu",
    "khoảnh",
    "lớp",
    "hẻm",
    "ngõ",
    "kiệt",
    "km",
    "nghị quyết",
    "chỉ thị",
    "kết luận",
    "quyết định",
    "thông báo",
    "quy định",
    "hướng dẫn",
    "nghị định",
    "thông tư",
    "công văn",
    "luật",
    "đề án",
    "chương trình",
    "tờ trình",
    "báo cáo",
    "văn bản",
    "hội nghị",
    "đại hội",
    "khu",
    "sư đoàn",
    "trung đoàn",
    "tiểu đoàn",
    "lữ đoàn",
    "đại đội",
    "tổ công tác",
    "khu vực",
    "vùng",
}
_PROGRAMME_WORDS = (
    "Đề án",
    "Chương trình",
    "Dự án",
    "Phong trào",
    "Cuộc vận động",
    "Kế hoạch",
    "Nghị quyết",
    "Chiến lược",
    "Cuộc thi",
    "Hội thi",
    "Giải",
    "Chiến dịch",
    "Mô hình",
    "Quỹ",
)


_LAST_WORDS = {p.split()[-1] for p in (*_STRONG_SET, *_WEAK_SET)}
_PROGRAMME_HINT = re.compile("|".join(re.escape(w) for w in _PROGRAMME_WORDS))


def _endings(raw: list[str]) -> tuple[str, str]:
    """The longest phrases of the strong and of the weak vocabulary (one to three words) that end the
    window (given as its words), or ''."""
    while raw and not raw[-1].rstrip(".:-"):
        raw = raw[:-1]  # `số - 5`: punctuation between the words and the number
    if not raw:
        return "", ""
    last = raw[-1].rstrip(".:-").lower()
    if last not in _LAST_WORDS:
        return "", ""  # most numbers: the word before ends no phrase of either vocabulary
    ws = [w.lower() for w in raw[-3:]]
    ws[-1] = last
    if not ws[-1]:
        return "", ""
    while ws and not ws[0].isalpha():
        ws = ws[1:]
    if not ws or not all(w.isalpha() for w in ws):
        return "", ""
    weak = ""
    for k in range(len(ws), 0, -1):
        phrase = " ".join(ws[-k:]) if k > 1 else ws[-1]
        if phrase in _STRONG_SET:
            return phrase, ""
        if not weak and phrase in _WEAK_SET:
            weak = phrase
    return "", weak


def blocked_before(text: str, pos: int, sent_start: int) -> str:
    """Why the words right before ``pos`` make the number a name, an ordinal or a document number:
    ``"strong"`` (always: ``lần thứ 14``, ``khóa 25``, ``số 28``, ``Đề án trồng 1 tỷ cây``), ``"weak"``
    (unless a known unit follows: ``phường 7`` but ``khối xã/phường 7 đồng chí``) or ``""``."""
    window = text[max(sent_start, pos - 30) : pos]
    if not window:
        return ""
    raw = window.split()
    strong, weak = _endings(raw)
    if strong:
        head = window[: window.lower().rfind(strong)]
        if strong == "số" and _QUANTITY_SO.search(head):
            return ""  # `dân số 1.234`, `tổng số 52`: a quantity; else a number in a name (`nhà máy số 2`)
        if strong == "kỳ" and head.lower().rstrip().endswith("cùng"):
            return ""  # `cao hơn cùng kỳ 2,3 tạ/ha`
        return "strong"
    lo = max(sent_start, pos - 60)
    if _PROGRAMME_HINT.search(text, lo, pos):
        p = _PROGRAMME.search(text[lo:pos])
        if p and not _PROGRAMME_BREAK.search(p.group(1)):
            return "strong"
    if weak or _after_name(window, raw):
        return "weak"
    return ""


def _after_name(window: str, raw: list[str]) -> bool:
    """True when the window ends with a proper name of two or more capitalised words (``Hoa Sen 2``,
    ``Sông Bung 2``): the number is part of the name unless a known unit follows."""
    if len(raw) < 2 or not window.endswith(" "):
        return False
    a, b = raw[-2], raw[-1]
    return (
        a[:1].isupper()
        and b[:1].isupper()
        and a[1:].islower()
        and b[1:].islower()
        and a.isalpha()
        and b.isalpha()
    )
