"""Vietnamese vocabulary shared by the extraction modules, and diacritic-tolerant regex building.

Keywords are matched with :func:`tol`, which accepts a missing tone mark, a missing vowel modifier
(``ă``/``â`` typed as ``a``, ``ơ`` as ``o``) and ``d`` for ``đ``, so ``dạt`` still reads as ``đạt``,
``so vói`` as ``so với`` and ``thi trấn`` as ``thị trấn``.  It does not accept a *different* tone or
modifier, which keeps ``đạt`` from matching ``đất`` or ``đặt`` and ``giây`` from matching ``giấy``.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The unit vocabulary (administrative units, count nouns, time words, not-units) is in unitwords.py;
# the lexicon re-exports it for the modules that read it from here.
from .unitwords import ADMIN_UNITS as ADMIN_UNITS
from .unitwords import COUNT_UNITS as COUNT_UNITS
from .unitwords import NOT_UNITS as NOT_UNITS
from .unitwords import TIME_UNITS as TIME_UNITS

_TONE_GROUPS = (
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
)
_PLAIN_OF = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}
_GROUP_OF: dict[str, str] = {}
for _g in _TONE_GROUPS:
    for _c in _g:
        _GROUP_OF[_c] = _g
_CLASS_CACHE: dict[str, str] = {}


def _char_class(ch: str) -> str:
    """Accept the letter itself, the letter without its tone mark, without its modifier, or bare."""
    low = ch.lower()
    if low in _CLASS_CACHE:
        return _CLASS_CACHE[low]
    if low in ("đ", "d"):
        cls = "[đd]"
    elif low in _GROUP_OF:
        group = _GROUP_OF[low]
        tone = group.index(low)
        plain = _PLAIN_OF.get(group[0])
        chars = {low, group[0]}
        if plain:
            chars |= {_GROUP_OF[plain][tone], plain}
        cls = "[" + "".join(sorted(chars)) + "]"
    else:
        cls = re.escape(low)
    _CLASS_CACHE[low] = cls
    return cls


def _tone_of(ch: str) -> int:
    group = _GROUP_OF.get(ch)
    return group.index(ch) if group else 0


def _moved_tone(word: str) -> str | None:
    """The other tone placement of a word-final ``oa``/``oe``/``uy`` (``khóa`` ↔ ``khoá``, ``thủy`` ↔
    ``thuỷ``), or None.  Both styles are in use and documents mix them."""
    low = word.lower()
    if len(low) < 2:
        return None
    a, b = low[-2], low[-1]
    ga, gb = _GROUP_OF.get(a), _GROUP_OF.get(b)
    if not ga or not gb or (ga[0], gb[0]) not in (("o", "a"), ("o", "e"), ("u", "y")):
        return None
    ta, tb = _tone_of(a), _tone_of(b)
    if ta and not tb:
        return low[:-2] + ga[0] + gb[ta]
    if tb and not ta:
        return low[:-2] + ga[tb] + gb[0]
    return None


def _tol_word(word: str) -> str:
    src = "".join(_char_class(c) for c in word)
    moved = _moved_tone(word)
    if moved:
        src = "(?:" + src + "|" + "".join(_char_class(c) for c in moved) + ")"
    return src


def tol(phrase: str) -> str:
    """A regex source matching ``phrase`` with tolerant diacritics and flexible spacing.

    Use with ``re.IGNORECASE``.  Word boundaries are the caller's business (see :func:`words`).
    """
    return r"\s+".join(_tol_word(part) for part in phrase.split())


_FOLD = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd",
)


def fold(s: str) -> str:
    """Lower case without diacritics and with single spaces, for table look-ups."""
    out = s.lower().translate(_FOLD)
    return " ".join(out.split()) if " " in out or "\n" in out or "\t" in out else out


@lru_cache(maxsize=16384)
def fold_word(word: str) -> str:
    """:func:`fold` of one word, remembered (a report uses a few thousand syllables)."""
    return fold(word)


# A Vietnamese letter (any script letter, no digits or underscore).
LETTER = r"[^\W\d_]"
NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
NOT_LETTER_AFTER = r"(?![^\W\d_])"


def tol_short_exact(phrase: str) -> str:
    """Like :func:`tol`, but a word of three letters or fewer is spelled exactly or entirely without
    diacritics (text typed without marks): ``từ`` matches ``tu`` but not ``tư`` (``đầu tư``), ``có``
    matches ``co`` but not ``cỏ``."""
    parts = []
    for part in phrase.split():
        if len(part) <= 3:
            bare = fold(part)
            parts.append(f"(?:{_exact_word(part)}|{re.escape(bare)})" if bare != part else re.escape(part))
        else:
            parts.append(_tol_word(part))
    return r"\s+".join(parts)


def _first_letters(firsts: set[str]) -> str:
    """A look-ahead for the letters a match can start with.  Tested first, it makes a scan skip most
    offsets at once (a pattern that starts with a look-behind gets no such help from the engine)."""
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def _tolerant_firsts(phrases: list[str]) -> set[str]:
    out: set[str] = set()
    for p in phrases:
        cls = _char_class(p[0])
        out |= set(cls[1:-1]) if cls.startswith("[") else {p[0].lower()}
        moved = _moved_tone(p.split()[0])
        if moved:
            out |= set(_char_class(moved[0]).strip("[]"))
    return out


def words(*phrases: str) -> str:
    """Alternation of tolerant phrases, longest first, bounded so they match whole words."""
    alts = sorted(set(phrases), key=len, reverse=True)
    return (
        _first_letters(_tolerant_firsts(alts))
        + NOT_LETTER_BEFORE
        + "(?:"
        + "|".join(tol(p) for p in alts)
        + ")"
        + NOT_LETTER_AFTER
    )


def _exact_word(word: str) -> str:
    src = re.escape(word)
    moved = _moved_tone(word)
    return f"(?:{src}|{re.escape(moved)})" if moved else src


def exact_words(*phrases: str) -> str:
    """Alternation of phrases spelled exactly (both tone placements of ``oa``/``uy``; compile with
    ``re.IGNORECASE`` for case), as whole words.  For short words where tolerance would be ambiguous
    (``thứ``/``thu``, ``số``/``so``)."""
    alts = sorted(set(phrases), key=len, reverse=True)
    firsts = {p[0].lower() for p in alts} | {p[0].upper() for p in alts}
    firsts |= {m[0] for p in alts if (m := _moved_tone(p.split()[0]))}
    return (
        _first_letters(firsts)
        + NOT_LETTER_BEFORE
        + "(?:"
        + "|".join(r"\s+".join(_exact_word(w) for w in p.split()) for p in alts)
        + ")"
        + NOT_LETTER_AFTER
    )


# ---------------------------------------------------------------------------------------------
# Qualifier (hedge) words.  Order matters only for display.
HEDGES: dict[str, str] = {
    "ước đạt": "estimated",
    "ước tính": "estimated",
    "ước thực hiện": "estimated",
    "ước": "estimated",
    "dự kiến": "estimated",
    "trên": "over",
    "hơn": "over",
    "vượt mức": "over",
    "ngoài": "over",
    "dưới": "under",
    "chưa đến": "under",
    "chưa tới": "under",
    "gần": "nearly",
    "xấp xỉ": "nearly",
    "khoảng": "about",
    "chừng": "about",
    "khoảng chừng": "about",
    "bình quân": "average",
    "trung bình": "average",
}
# Hedges written after the number and unit.
POST_HEDGES: dict[str, str] = {"trở lên": "over", "trở xuống": "under", "trở lại": "under"}

# Words that may sit between a hedge and the number without breaking the hedge's link to it.
HEDGE_GLUE = (
    "đạt",
    "đạt được",
    "được",
    "là",
    "có",
    "đối với",
    "với",
    "ở mức",
    "mức",
    "lên",
    "tới",
    "đến",
    "khoảng",
    "tổng cộng",
    "tổng số",
    "tổng",
    "hàng",
    "mỗi năm",
    "hằng năm",
    "hàng năm",
    "mỗi",
)

# Comparison verbs written before a percentage.  Value: (kind, sign) or a role keyword.
COMPARE_VERBS: dict[str, tuple[str, int]] = {
    "tăng": ("change", 1),
    "tăng thêm": ("change", 1),
    "tăng trưởng": ("growth", 1),
    "tăng lên": ("level", 1),
    "giảm": ("change", -1),
    "giảm thêm": ("change", -1),
    "giảm xuống": ("level", 1),
    "giảm còn": ("level", 1),
    "xuống còn": ("level", 1),
    "xuống": ("level", 1),
    "còn": ("level", 1),
    "cao hơn": ("change", 1),
    "thấp hơn": ("change", -1),
    "nhiều hơn": ("change", 1),
    "ít hơn": ("change", -1),
    "vượt": ("exceed", 1),
    "vượt mức": ("exceed", 1),
    "vượt chỉ tiêu": ("exceed", 1),
    "vượt kế hoạch": ("exceed", 1),
    "đạt": ("of", 1),
    "đạt được": ("of", 1),
    "ước đạt": ("of", 1),
    "ước thực hiện": ("of", 1),
    "bằng": ("of", 1),
    "hoàn thành": ("of", 1),
    "thực hiện": ("of", 1),
    "tương đương": ("of", 1),
    "tương ứng": ("of", 1),
    "chiếm": ("share", 1),
    "chiếm tỷ lệ": ("share", 1),
    "chiếm tỉ lệ": ("share", 1),
    "là": ("level", 1),
    "ở mức": ("level", 1),
    "đạt mức": ("level", 1),
}

# Bases of comparison, by keyword.  Checked in order: the first keyword found decides.
BASIS_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("cùng kỳ", "same_period"),
    ("dự toán", "estimate"),
    ("kế hoạch", "plan"),
    ("nghị quyết", "resolution"),
    ("chỉ tiêu", "target"),
    ("mục tiêu", "target"),
)
BASIS_ABBREV: dict[str, str] = {"CK": "same_period", "KH": "plan", "NQ": "resolution", "DT": "estimate"}

# Words naming a rate: a percentage after them is a value of its own, not a comparison.
RATE_CUES = (
    "tỷ lệ",
    "tỉ lệ",
    "tốc độ",
    "tăng trưởng",
    "che phủ",
    "bao phủ",
    "tỷ trọng",
    "tỉ trọng",
    "cơ cấu",
    "hài lòng",
    "tham gia bảo hiểm",
    "tham gia BHYT",
    "sử dụng nước",
    "nước sạch",
    "qua đào tạo",
    "độ phủ",
    "phủ sóng",
    "hộ nghèo",
    "đạt chuẩn",
    "lạm phát",
    "chỉ số",
)

# Heads of a measured quantity; a subject starting with one names what is measured.
MEASURE_HEADS = (
    "tổng giá trị sản xuất",
    "giá trị sản xuất",
    "giá trị sản phẩm",
    "giá trị",
    "tổng sản lượng",
    "sản lượng",
    "năng suất",
    "tổng diện tích",
    "diện tích",
    "tổng đàn",
    "đàn",
    "tổng thu ngân sách",
    "tổng thu",
    "thu ngân sách",
    "thu nội địa",
    "thu từ",
    "thu tiền",
    "tổng chi",
    "chi ngân sách",
    "chi thường xuyên",
    "chi đầu tư",
    "tổng vốn",
    "vốn",
    "nguồn vốn",
    "kinh phí",
    "doanh thu",
    "doanh số",
    "kim ngạch",
    "tỷ lệ",
    "tỉ lệ",
    "tỷ trọng",
    "số lượng",
    "tổng số",
    "số",
    "thu nhập",
    "tốc độ",
    "tiến độ",
    "khối lượng",
    "lượng",
    "tổng mức",
    "mức",
    "dân số",
    "lượt",
    "quy mô",
    "công suất",
    "chiều dài",
)

# A subject that is only one of these lacks its object; the previous clause supplies it.
INCOMPLETE_HEADS = (
    "sản lượng",
    "tổng sản lượng",
    "năng suất",
    "diện tích",
    "tổng diện tích",
    "giá trị",
    "giá trị sản xuất",
    "tiến độ",
    "tiến độ giải ngân",
    "giải ngân",
    "tỷ lệ giải ngân",
    "tỷ lệ",
    "tỉ lệ",
    "tổng",
    "doanh thu",
    "tổng doanh thu",
    "số lượng",
    "tổng số",
    "kinh phí",
    "tổng kinh phí",
    "trị giá",
    "tổng trị giá",
    "tổng mức đầu tư",
    "tổng vốn đầu tư",
    "tổng vốn",
    "vốn",
    "tổng đàn",
    "khối lượng",
    "kim ngạch",
    "tốc độ tăng trưởng",
    "tăng trưởng",
    "thu",
    "chi",
)
