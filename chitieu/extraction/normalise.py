"""Text normalisation and page-furniture masking.

:func:`normalise` is the text every offset refers to.  It

1. drops zero-width characters and soft hyphens, turns ``\\r\\n`` and ``\\r`` into ``\\n``;
2. composes Unicode (NFC), so decomposed input (``a`` + combining marks) becomes one character;
3. then changes characters one for one only (offsets of the NFC text stay valid):
   no-break and other Unicode spaces become ``' '``, the full-width ``％`` becomes ``%``, and common
   diacritic typos are fixed: ``ưo`` → ``ươ`` (``Trung ưong``), a syllable-final ``ă`` → ``ã`` (``xă``),
   and a few words in their unambiguous context (``thi trấn``, ``so vói``, ``dạt 15``, ``dược triển
   khai``, ``chi đạo``, ``vượt chi tiêu``).

:func:`mask_furniture` blanks (with spaces, keeping offsets) the lines that are page furniture:
language switchers, share/print/font-size widgets, menus and breadcrumbs, and related-article lists
("Tin khác", "Tin cùng chuyên mục", "CÁC BÀI VIẾT KHÁC" ... up to the next real paragraph).
"""

from __future__ import annotations

import re
import unicodedata

from .lexicon import LETTER, NOT_LETTER_AFTER, tol

_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"), " ")
_SPACES.update(dict.fromkeys(map(ord, "\u2009\u200a\u202f\u205f\u3000\t\v\f"), " "))
_SPACES[ord("％")] = "%"
_SPACES[ord("\u2028")] = "\n"
_SPACES[ord("\u2029")] = "\n"

_O_HORN = str.maketrans("oòóỏõọOÒÓỎÕỌ", "ơờớởỡợƠỜỚỞỠỢ")
_U_HORN_O = re.compile(r"([ưừứửữựƯỪỨỬỮỰ])([oòóỏõọOÒÓỎÕỌ])")
_FINAL_A_BREVE = re.compile(r"([ăĂ])" + NOT_LETTER_AFTER)
_NEEDS_TRANSLATE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\r]")
_NEEDS_SPACES = re.compile("[" + "".join(chr(c) for c in _SPACES) + "]")

# (pattern, group to replace, replacement in lower case).  Each replacement has the group's length.
# The first word of each pattern is its trigger: the pattern only runs when the trigger is in the text.
# Patterns start at a word boundary, checked in code (a leading look-behind makes the scan slow).
_WORD_FIXES: list[tuple[re.Pattern[str], int, str]] = [
    (re.compile(r"(thi)(\s+trấn)" + NOT_LETTER_AFTER, re.I), 1, "thị"),
    (re.compile(r"(vói)" + NOT_LETTER_AFTER, re.I), 1, "với"),
    (
        re.compile(
            r"(dạt)(?=\s+(?:\d|trên|hơn|gần|khoảng|xấp|được|chuẩn|và|kết|tỷ|tỉ|mức|tiêu|thấp|cao|100))",
            re.I,
        ),
        1,
        "đạt",
    ),
    (
        re.compile(
            r"(dược)(?=\s+(?!phẩm|sĩ|liệu|học|chất|lý|tá|thảo|mỹ|điển|tính|khoa|sỹ)" + LETTER + ")",
            re.I,
        ),
        1,
        "được",
    ),
    (re.compile(r"(chi)(\s+đạo)" + NOT_LETTER_AFTER, re.I), 1, "chỉ"),
    (re.compile(r"(?:đạt|vượt|các|những)\s+(chi)(\s+tiêu)" + NOT_LETTER_AFTER, re.I), 1, "chỉ"),
    (re.compile(r"(chính\s+)(tri)" + NOT_LETTER_AFTER, re.I), 2, "trị"),
    (re.compile(r"(hoat)(\s+động)" + NOT_LETTER_AFTER, re.I), 1, "hoạt"),
    (re.compile(r"(ốn)(\s+định)" + NOT_LETTER_AFTER, re.I), 1, "ổn"),
    (re.compile(r"(súc)(\s+kho)", re.I), 1, "sức"),
    (re.compile(r"(tầng\s+)(lóp)" + NOT_LETTER_AFTER, re.I), 2, "lớp"),
]


def _with_case(original: str, replacement: str) -> str:
    return "".join(r.upper() if o.isupper() else r for o, r in zip(original, replacement, strict=True))


_TRIGGERS = ("thi", "vói", "dạt", "dược", "chi", "chi", "tri", "hoat", "ốn", "súc", "lóp")


def normalise(text: str) -> str:
    """NFC text with Unicode spaces unified and common diacritic typos fixed (see module doc)."""
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_DROP).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if _NEEDS_SPACES.search(text):
        text = text.translate(_SPACES)
    if not text:
        return text
    chars: list[str] = []
    changed = False
    low = text.lower()
    for m in _U_HORN_O.finditer(text):
        chars = chars or list(text)
        i = m.start(2)
        chars[i] = chars[i].translate(_O_HORN)
        changed = True
    for m in _FINAL_A_BREVE.finditer(text):
        i = m.start(1)
        if i > 0 and (text[i - 1].isalpha()):
            chars = chars or list(text)
            chars[i] = "Ã" if m.group(1) == "Ă" else "ã"
            changed = True
    for (pattern, group, repl), trigger in zip(_WORD_FIXES, _TRIGGERS, strict=True):
        if trigger not in low:
            continue
        for m in pattern.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue  # the patterns start at a word boundary
            s, e = m.span(group)
            chunk = text[s:e]
            if len(repl) != e - s:
                # the group may contain flexible whitespace; only fix the letters we know
                continue
            chars = chars or list(text)
            chars[s:e] = list(_with_case(chunk, repl))
            changed = True
    return "".join(chars) if changed else text


# ----------------------------------------------------------------------------------------------
# Page furniture.
def _line_re(*phrases: str) -> re.Pattern[str]:
    alts = "|".join(tol(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"^[\s\-–•*>#|:]*(?:" + alts + r")[\s:.\-–»>|]*$", re.IGNORECASE)


_LIST_HEADINGS = _line_re(
    "tin khác",
    "các tin khác",
    "tin tức khác",
    "tin bài khác",
    "bài khác",
    "tin cùng chuyên mục",
    "cùng chuyên mục",
    "bài cùng chuyên mục",
    "các bài viết khác",
    "bài viết khác",
    "các bài khác",
    "tin liên quan",
    "bài liên quan",
    "tin bài liên quan",
    "bài viết liên quan",
    "các tin liên quan",
    "xem thêm",
    "đọc thêm",
    "tin mới",
    "tin mới nhất",
    "tin mới hơn",
    "tin cũ hơn",
    "các tin cũ hơn",
    "các tin đã đưa",
    "tin đã đưa",
    "tin đọc nhiều",
    "đọc nhiều",
    "đọc nhiều nhất",
    "xem nhiều",
    "tin xem nhiều",
    "tin nổi bật",
    "có thể bạn quan tâm",
    "bạn có thể quan tâm",
    "tin tiêu điểm",
    "tin ảnh",
    "video",
    "tags",
    "từ khóa",
)
_WIDGET_LINES = _line_re(
    "chia sẻ bài viết",
    "chia sẻ",
    "share",
    "tweet",
    "xem với cỡ chữ",
    "cỡ chữ",
    "in bài",
    "in bài viết",
    "bản in",
    "gửi email",
    "gửi bài viết",
    "lưu bài viết",
    "tiếng việt english",
    "tiếng việt | english",
    "vietnamese | english",
    "tiếng việt",
    "english",
    "đánh giá bài viết",
    "trang chủ",
    "bình luận",
    "ý kiến bạn đọc",
    "gửi ý kiến",
    "quay lại",
    "về đầu trang",
    "lên đầu trang",
    "a a a",
    "a- a a+",
    "a+ a a-",
    "nghe đọc bài",
    "bản quyền",
    "theo dõi chúng tôi",
)
# A single related-article link inside the body: `Xem thêm: ...`, `>> Đọc thêm ...`.
_LINK_LINE = re.compile(
    r"^\s*+(?:(?:>>|»)\s*+)?(?:"
    + "|".join(
        tol(p) for p in ("xem thêm", "đọc thêm", "tin liên quan", "bài liên quan", "tin bài liên quan")
    )
    + r")\s*[:>»]",
    re.IGNORECASE,
)
_COUNTER_LINE = re.compile(
    r"^\s*(?:"
    + tol("lượt xem")
    + "|"
    + tol("lượt đọc")
    + "|"
    + tol("số lượt truy cập")
    + r"|views?)\s*[:\d.,\s]*$",
    re.IGNORECASE,
)
_MENU_LINE = re.compile(r"^[^.!?]{0,200}$")


def _is_menu(line: str) -> bool:
    """Menus and breadcrumbs: several short items separated by | › » > or /."""
    if not _MENU_LINE.match(line):
        return False
    for sep in ("|", "›", "»", " > ", " / "):
        if line.count(sep) >= 1:
            items = [x.strip() for x in line.split(sep)]
            items = [x for x in items if x]
            if len(items) >= 2 and all(len(x.split()) <= 5 for x in items) and not re.search(r"\d", line):
                return True
    return False


def _is_list_item(line: str) -> bool:
    if not line:
        return True
    if line[0] in "-•+*–>»" and len(line) < 300:
        return True
    return len(line) < 200 and line[-1] not in ".!?…:;"


def mask_furniture(text: str) -> str:
    """Return ``text`` with furniture lines replaced by spaces (same length, newlines kept)."""
    out = []
    in_list = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        stripped = body.strip()
        drop = False
        if _LIST_HEADINGS.match(stripped):
            in_list = True
            drop = True
        elif in_list:
            # a related-article list runs while its lines look like items: bulleted, or short titles
            # without a sentence-final stop; a real paragraph ends it
            if _is_list_item(stripped):
                drop = True
            else:
                in_list = False
        if not drop and stripped:
            drop = bool(
                _WIDGET_LINES.match(stripped)
                or _COUNTER_LINE.match(stripped)
                or _LINK_LINE.match(stripped)
                or _is_menu(stripped)
            )
        if drop:
            out.append(" " * len(body) + line[len(body) :])
        else:
            out.append(line)
    return "".join(out)
