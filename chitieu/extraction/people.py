"""People in a report: officials named with their titles and the chairs of the meeting.

Titles are read on both sides of a name: ``đồng chí Nguyễn Anh Việt, Tỉnh uỷ viên, Bí thư Huyện uỷ``
(after, comma-separated), ``Sái Thị Yến – Uỷ viên ... – Bí thư Thị uỷ`` (after, dash-separated) and
``Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh Long An - Nguyễn Minh Lâm`` (before a dash).
"""

from __future__ import annotations

import re

from .lexicon import exact_words, fold, words
from .model import Official

_I = re.IGNORECASE
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Sái Trương Đinh Lâm Mai Tô Hà Đào "
    "Cao Lương Chu Thái Triệu Tạ Lưu Vương Quách Kiều Đoàn Nông Lò Hầu Giàng Thào Sùng Vi Lục Hứa Khổng La Tăng "
    "Từ Châu Thân Tống Kim Diệp Doãn Mạc Phùng Quan Lã Âu Hàn Ông Nghiêm Khúc Bế Lại Thạch Danh Y Văn Trịnh "
    "Đàm Giang Hoàng Khương Lạc Lục Mã Ninh Phí Phó Quang Sầm Sơn Tôn Tiêu Trang Vòng Yên Lưu Bạch Cù "
    "Điểu Rơ Ksor Nay Siu Rahlan Hà Ma Lầu Vàng Mùa Hờ Chảo Tẩn Bàn Đới Cầm Lường Quàng Tòng Kha Nguỵ Ngụy"
).split()
_NAME = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(set(_SURNAMES), key=len, reverse=True)) + r")(?:\s+[^\W\d_]+){1,3}"
)
_TITLE_START = re.compile(
    r"^(?:"
    + exact_words(
        "Ủy viên",
        "Uỷ viên",
        "Tỉnh ủy viên",
        "Tỉnh uỷ viên",
        "Huyện uỷ viên",
        "Thị uỷ viên",
        "Thành uỷ viên",
        "Đảng uỷ viên",
        "Huyện ủy viên",
        "Thị ủy viên",
        "Thành ủy viên",
        "Quận ủy viên",
        "Đảng ủy viên",
        "Bí thư",
        "Phó Bí thư",
        "Chủ tịch",
        "Phó Chủ tịch",
        "Trưởng",
        "Phó Trưởng",
        "Chánh",
        "Phó Chánh",
        "Giám đốc",
        "Phó Giám đốc",
        "Tổng Giám đốc",
        "Chủ nhiệm",
        "Phó Chủ nhiệm",
        "Bộ trưởng",
        "Thứ trưởng",
        "Tổng Bí thư",
        "Thủ tướng",
        "Phó Thủ tướng",
        "Đại biểu Quốc hội",
        "Chỉ huy trưởng",
        "Chính ủy",
        "Tư lệnh",
        "Hiệu trưởng",
        "Viện trưởng",
        "Cục trưởng",
        "Vụ trưởng",
        "Thư ký",
        "Trợ lý",
        "Phó Ban",
        "Chánh Văn phòng",
        "Phó Chánh Văn phòng",
        "Ủy viên Trung ương Đảng",
        "Thường trực",
        "Thường vụ",
    )
    + ")",
    _I,
)
_TITLE_VERB = re.compile(
    r"(?<!\s)\s+(?:"
    + exact_words(
        "dự",
        "đến dự",
        "tham dự",
        "chủ trì",
        "phát biểu",
        "yêu cầu",
        "ghi nhận",
        "đánh giá",
        "nhấn mạnh",
        "chỉ đạo",
        "thông qua",
        "trình bày",
        "báo cáo",
        "cho biết",
        "khẳng định",
        "đề nghị",
        "biểu dương",
        "tổ chức",
        "làm rõ",
        "kết luận",
        "đã",
        "và",
        "cùng",
        "với",
        "trao",
        "tặng",
        "phát",
        "điều hành",
    )
    + r")(?:\s|$).*$",
    _I,
)
_SEGMENT_SEP = re.compile(r"(?<!\s)\s*[,;:]\s*|(?<!\s)\s+[-–—]\s+")
_TRAILING_DASH = re.compile(r"(?<!\s)\s*[-–—]\s*$")
_CHAIR_AFTER = re.compile(words("dưới sự chủ trì của", "do") + r"\s+(?:" + words("đồng chí") + r"\s+)?", _I)
_CHAIR_VERB = re.compile(words("chủ trì", "đồng chủ trì"), _I)
_NOT_NAME_WORDS = {
    "Huyện",
    "Tỉnh",
    "Thành",
    "Ủy",
    "Uỷ",
    "Bí",
    "Phó",
    "Chủ",
    "Trưởng",
    "Ban",
    "Đảng",
    "UBND",
    "HĐND",
    "Hội",
    "Ảnh",
    "Quận",
    "Xã",
    "Phường",
}


_ABBREVIATIONS = {
    "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "mttq": "mặt trận tổ quốc",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
}


def _same_title(old: str, new: str) -> bool:
    """True if ``new`` repeats ``old`` (or its start), abbreviations (HĐND, UBND) expanded."""

    def norm(t: str) -> str:
        return fold(" ".join(_ABBREVIATIONS.get(w.lower(), w) for w in t.split()))

    return norm(old).startswith(norm(new))


def _clean_name(raw: str) -> str | None:
    out = []
    ws = raw.split()
    for i, w in enumerate(ws):
        if not w[0].isupper() or (len(w) > 1 and not w[1:].islower()) or (out and w in _NOT_NAME_WORDS):
            break
        if out and w == "Thị" and i + 1 < len(ws) and fold(ws[i + 1]).startswith("uy"):
            break  # `... Thị ủy viên`: a title starts
        out.append(w)
    return " ".join(out) if len(out) >= 2 else None


def _titles(segments: list[str]) -> list[str]:
    out = []
    for seg in segments:
        seg = seg.strip(" .…")
        if not seg or not _TITLE_START.match(seg):
            break
        trimmed = _TITLE_VERB.sub("", seg).strip(" ,.")
        if trimmed:
            out.append(trimmed)
        if trimmed != seg:
            break
    return out


def people(text: str, sents: list[tuple[int, int]]) -> tuple[list[Official], list[str]]:
    """Officials named with their titles (in order of first mention) and the chairs of the meeting."""
    officials: dict[str, Official] = {}
    chairs: list[str] = []
    for s, e in sents:
        sentence = text[s:e]
        pos = 0
        while (m := _NAME.search(sentence, pos)) is not None:
            name = _clean_name(m.group())
            pos = m.start() + (len(name) if name else 1)
            if not name:
                continue
            name_end = m.start() + len(name)
            after = sentence[name_end:]
            titles = _titles(_SEGMENT_SEP.split(after.lstrip(" ,–—-"))) if after.strip() else []
            before = sentence[: m.start()]
            if re.search(r"[-–—]\s*$", before):
                segs = _SEGMENT_SEP.split(_TRAILING_DASH.sub("", before))
                pre = _titles(list(reversed(segs)))
                titles = list(reversed(pre)) + titles
            if not titles:
                continue
            off = officials.setdefault(name, Official(name))
            for t in titles:
                if not any(_same_title(old, t) for old in off.titles):
                    off.titles.append(t)
        c = _CHAIR_AFTER.search(sentence)
        if c and "chủ trì" in sentence[max(0, c.start() - 5) : c.end()].lower():
            n = _NAME.match(sentence, c.end())
            name = _clean_name(n.group()) if n else None
            if name and name not in chairs:
                chairs.append(name)
        v = _CHAIR_VERB.search(sentence)
        if v and not (c and c.start() < v.start() < c.end()) and "của" not in sentence[v.end() : v.end() + 5]:
            for n in _NAME.finditer(sentence[: v.start()]):
                name = _clean_name(n.group())
                if name and name in officials and name not in chairs:
                    chairs.append(name)
    return list(officials.values()), chairs
