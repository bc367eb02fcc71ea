"""Facts about the meeting an article reports: which body met, for which unit, its ordinal, term and
khóa, its date, the period it reviewed, who chaired it and which officials are named with titles.

The meeting is read from the title and the lead (the first sentences that say who held what); the
year comes from the article's date line when there is one (the one closest after the meeting date,
preferring years the article itself mentions), else from the years the text talks about.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .lexicon import NOT_LETTER_AFTER, NOT_LETTER_BEFORE, fold, tol, words
from .model import Meeting
from .normalise import mask_furniture, normalise
from .people import people
from .segment import sentences

_I = re.IGNORECASE
_YEAR = r"(?:19|20)\d\d"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


# ---------------------------------------------------------------------------------------------
# Body and organisation
_GIAO_BAN = re.compile(words("giao ban"), _I)
_CONGRESS = re.compile(
    r"(?<!"
    + "quyết "
    + r")"
    + NOT_LETTER_BEFORE
    + tol("Đại hội")
    + NOT_LETTER_AFTER
    + r"(?!\s+"
    + tol("đảng")
    + r"\s+"
    + tol("các cấp")
    + ")",
    _I,
)
_MEETING_WORD = re.compile(words("hội nghị", "kỳ họp", "phiên họp", "họp", "tổ chức"), _I)
_BCH = re.compile(words("Ban Chấp hành"), _I)
_BTV = re.compile(words("Ban Thường vụ"), _I)
_TT = re.compile(words("Thường trực"), _I)
_HOI_NGHI = re.compile(words("hội nghị", "kỳ họp", "phiên họp"), _I)
_LEVELS = ("thị xã", "thành phố", "thị trấn", "huyện", "tỉnh", "quận", "xã", "phường", "đặc khu")
_ORG = re.compile(
    r"("
    + words(
        "Đảng bộ",
        "Đảng ủy",
        "Huyện ủy",
        "Tỉnh ủy",
        "Thị ủy",
        "Thành ủy",
        "Quận ủy",
        "HĐND",
        "UBND",
        "Ủy ban nhân dân",
        "Hội đồng nhân dân",
    )
    + r")\s+(?:("
    + words(*_LEVELS)
    + r")\s+)?((?:[^\W\d_][^\s,.;:()]*\s*){1,4})",
    _I,
)
_COMMITTEE_LEVEL = {
    "huyen uy": "huyện",
    "tinh uy": "tỉnh",
    "thi uy": "thị xã",
    "thanh uy": "thành phố",
    "quan uy": "quận",
}


def _title_words(text: str) -> str:
    """The leading run of capitalised words (a proper name) in text."""
    out = []
    for w in text.split():
        w2 = w.strip(",.;:()")
        if not w2 or not w2[0].isupper() or w2.isupper() and len(w2) > 1:
            break
        out.append(w2)
        if w2 != w:
            break
    return " ".join(out)


def _organisation(text: str) -> tuple[str | None, str | None]:
    """(organisation, unit) from the first `Đảng bộ thị xã Kiến Tường`-like phrase."""
    for m in _ORG.finditer(text):
        org_word, level, rest = m.group(1), m.group(2), m.group(3)
        name = _title_words(rest)
        folded = fold(org_word)
        if level:
            if not name:
                continue
            unit = f"{level.lower()} {name}"
            return f"{org_word} {unit}", unit
        if folded in _COMMITTEE_LEVEL and name:
            unit = f"{_COMMITTEE_LEVEL[folded]} {name}"
            return f"{org_word} {name}", unit
    for m in re.finditer(words("Huyện ủy", "Tỉnh ủy", "Thị ủy", "Thành ủy", "Đảng ủy"), text, _I):
        return m.group(), None
    return None, None


def _body(title: str, lead: str) -> tuple[str, str]:
    head = title + "\n" + lead
    if _GIAO_BAN.search(head):
        return "giao ban", "briefing"
    t = title.strip()
    if re.match(tol("Đại hội"), t, _I) or re.search(words("tổ chức Đại hội", "khai mạc Đại hội"), lead, _I):
        return "Đại hội", "congress"
    for rx, body, kind in (
        (_BCH, "Ban Chấp hành", "plenum"),
        (_BTV, "Ban Thường vụ", "standing_committee"),
        (_TT, "Thường trực", "standing_office"),
    ):
        for m in rx.finditer(head):
            window = head[max(0, m.start() - 80) : m.end() + 120]
            if _MEETING_WORD.search(window):
                return body, kind
    return "Hội nghị", "conference"


# ---------------------------------------------------------------------------------------------
# Ordinal, term, khóa
_ORDINAL = re.compile(
    r"("
    + words("hội nghị", "kỳ họp", "phiên họp", "đại hội")
    + r")([^.,;\n]{0,80}?)"
    + tol("lần thứ")
    + r"\s+(\d{1,3}|[IVXLC]{1,7})"
    + NOT_LETTER_AFTER,
    _I,
)
_TERM = re.compile(tol("nhiệm kỳ") + r"\s+(" + _YEAR + r")\s*(?:[-–—]\s*)?(" + _YEAR + ")", _I)
_KHOA = re.compile(words("khóa") + r"\s+([IVXLC]{1,7}|\d{1,3})" + NOT_LETTER_AFTER, _I)
_BCH_NEAR = re.compile(words("Ban Chấp hành", "BCH") + r"(?![^.]{0,40}" + tol("Trung ương") + ")", _I)


def _ordinal(text: str, body: str) -> int | None:
    for m in _ORDINAL.finditer(text):
        if fold(m.group(1)) == "dai hoi" and body != "Đại hội":
            continue
        if body == "Đại hội" and fold(m.group(1)) != "dai hoi" and "đại hội" not in text[: m.start()].lower():
            pass
        raw = m.group(3)
        return int(raw) if raw.isdigit() else roman_to_int(raw)
    return None


def _khoa(head: str, text: str) -> str | None:
    for source in (head, text):
        for m in _KHOA.finditer(source):
            before = source[max(0, m.start() - 90) : m.start()]
            if _BCH_NEAR.search(before) and "trung ương" not in before.lower():
                return m.group(1)
    return None


def _term(head: str, text: str) -> str | None:
    m = _TERM.search(head)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    for k in _KHOA.finditer(text):
        t = _TERM.match(text, k.end() + 1) or _TERM.search(text[k.end() : k.end() + 20])
        if t and _BCH_NEAR.search(text[max(0, k.start() - 90) : k.start()]):
            return f"{t.group(1)}-{t.group(2)}"
    return None


# ---------------------------------------------------------------------------------------------
# Date and year
_DAY_MONTH = re.compile(
    r"(?:(?:"
    + words("sáng", "chiều", "tối", "trưa", "ngày", "hôm nay", "hôm qua", "vào ngày")
    + r")\s*,?\s*)"
    r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(" + _YEAR + r"))?(?![\d/])",
    _I,
)
_FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(" + _YEAR + r")(?!\d)")
_BODY_YEAR = re.compile(
    r"(?:"
    + words("năm", "quý I", "quý II", "quý III", "quý IV")
    + r"\s+|/)("
    + _YEAR
    + r")(?![\d.,]\d)(?!\s*[-–—]\s*\d)",
    _I,
)
_RANGE_YEAR = re.compile(_YEAR + r"\s*[-–—]\s*" + _YEAR)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year(text: str, datelines: list[tuple[int, int, int]], dm: tuple[int, int] | None) -> int | None:
    body_years = Counter(int(m.group(1)) for m in _BODY_YEAR.finditer(_RANGE_YEAR.sub(" ", text)))
    candidates = datelines
    if body_years:
        mentioned = [c for c in datelines if c[2] in body_years]
        candidates = mentioned or datelines
    if candidates and dm:
        best = None
        for d, m, y in candidates:
            pub = _safe_date(y, m, d)
            if pub is None:
                continue
            for year in (y, y - 1):
                held = _safe_date(year, dm[1], dm[0])
                if held and held <= pub:
                    gap = (pub - held).days
                    if best is None or gap < best[0]:
                        best = (gap, year)
                    break
        if best:
            return best[1]
    if candidates:
        return candidates[0][2]
    if body_years:
        return body_years.most_common(1)[0][0]
    return None


# ---------------------------------------------------------------------------------------------
# Period under review
_REVIEW_CUE = re.compile(
    words("đánh giá", "kết quả", "sơ kết", "tổng kết", "trong", "qua", "thực hiện", "báo cáo", "tình hình"),
    _I,
)
_FORWARD_CUE = re.compile(
    words(
        "phương hướng",
        "triển khai nhiệm vụ",
        "nhiệm vụ trọng tâm",
        "phấn đấu",
        "đề ra",
        "kế hoạch",
        "những tháng",
    ),
    _I,
)
_PERIODS: list[tuple[re.Pattern[str], str, int]] = [
    (
        re.compile(r"(?:6|" + tol("sáu") + r")\s+" + tol("tháng đầu năm") + r"(?:\s+(" + _YEAR + "))?", _I),
        "H1",
        1,
    ),
    (
        re.compile(r"(?:6|" + tol("sáu") + r")\s+" + tol("tháng cuối năm") + r"(?:\s+(" + _YEAR + "))?", _I),
        "H2",
        -1,
    ),
    (
        re.compile(
            r"(?:6|"
            + tol("sáu")
            + r")\s+"
            + tol("tháng")
            + r"(?:\s+"
            + tol("năm")
            + r")?(?:\s+("
            + _YEAR
            + "))?"
            + r"(?!\s+(?:"
            + tol("đầu")
            + "|"
            + tol("cuối")
            + "))",
            _I,
        ),
        "H1",
        0,
    ),
    (
        re.compile(
            r"(?:9|"
            + tol("chín")
            + r")\s+"
            + tol("tháng")
            + r"(?:\s+"
            + tol("đầu năm")
            + r")?(?:\s+("
            + _YEAR
            + "))?",
            _I,
        ),
        "9M",
        0,
    ),
    (
        re.compile(tol("quý") + r"\s+(I{1,3}|IV|[1-4])(?:\s*/\s*(" + _YEAR + "))?" + NOT_LETTER_AFTER, _I),
        "Q",
        0,
    ),
    (re.compile(tol("tháng") + r"\s+(\d{1,2})\s*/\s*(" + _YEAR + r")", _I), "M", 0),
    (
        re.compile(
            words("thường kỳ tháng", "định kỳ tháng") + r"\s+(\d{1,2})(?:\s*/\s*(" + _YEAR + "))?", _I
        ),
        "M",
        1,
    ),
    (
        re.compile(
            words(
                "hai năm rưỡi", "giữa nhiệm kỳ", "nửa nhiệm kỳ", "5 năm", "năm năm", "cả nhiệm kỳ", "nhiệm kỳ"
            )
            + r"[^.]{0,80}?"
            + tol("nhiệm kỳ")
            + r"\s+("
            + _YEAR
            + r")\s*[-–—]?\s*("
            + _YEAR
            + ")",
            _I,
        ),
        "T",
        0,
    ),
    (
        re.compile(
            words("tổng kết", "sơ kết", "đánh giá", "kết quả thực hiện")
            + r"[^.]{0,60}?"
            + tol("nhiệm kỳ")
            + r"\s+("
            + _YEAR
            + r")\s*[-–—]?\s*("
            + _YEAR
            + ")",
            _I,
        ),
        "T",
        0,
    ),
    (
        re.compile(
            words("tổng kết", "kết quả thực hiện nhiệm vụ", "nhiệm vụ", "kinh tế - xã hội", "công tác")
            + r"(?:(?!"
            + tol("tháng")
            + "|"
            + tol("quý")
            + r")[^.,;]){0,40}?\s"
            + tol("năm")
            + r"\s+("
            + _YEAR
            + r")(?!\s*[-–—])",
            _I,
        ),
        "Y",
        0,
    ),
]
_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _period(title: str, text: str, year: int | None) -> str | None:
    best: tuple[int, int, str] | None = None
    offset = len(title)
    for source, base in ((title, 3), (text, 0)):
        for rx, kind, inherent in _PERIODS:
            for m in rx.finditer(source):
                before = source[max(0, m.start() - 60) : m.start()]
                score = base + inherent
                if _REVIEW_CUE.search(before):
                    score += 2
                if _FORWARD_CUE.search(source[max(0, m.start() - 40) : m.end()]):
                    score -= 3
                y = year
                code = None
                if kind in ("H1", "H2", "9M"):
                    y = int(m.group(1)) if m.group(1) else year
                    code = f"{y}-{kind}" if y else None
                elif kind == "Q":
                    y = int(m.group(2)) if m.group(2) else year
                    code = f"{y}-Q{_QUARTER[m.group(1).upper()]}" if y else None
                elif kind == "M":
                    y = int(m.group(2)) if m.group(2) else year
                    month = int(m.group(1))
                    code = f"{y}-{month:02d}" if y and 1 <= month <= 12 else None
                elif kind == "T":
                    code = f"{m.group(1)}-{m.group(2)}"
                    score += 1
                elif kind == "Y":
                    code = m.group(1)
                if code is None:
                    continue
                pos = m.start() + (0 if source is title else offset)
                if best is None or score > best[0] or (score == best[0] and pos < best[1]):
                    best = (score, pos, code)
    return best[2] if best else None


# ---------------------------------------------------------------------------------------------
def extract_meeting(text: str) -> Meeting:
    """The meeting facts of a report (fields left None when the text does not give them)."""
    work = mask_furniture(normalise(text))
    lines = [ln.strip() for ln in work.split("\n") if ln.strip()]
    datelines: list[tuple[int, int, int]] = []
    title = ""
    for ln in lines[:8]:
        d = _FULL_DATE.search(ln)
        if d and len(ln) < 70:
            datelines.append((int(d.group(1)), int(d.group(2)), int(d.group(3))))
            continue
        if not title and len(ln) > 15:
            title = ln
    sents = [(s.start, s.end) for s in sentences(work)]
    lead = ""
    best = 0
    for s, e in sents[:12]:
        sentence = work[s:e]
        if sentence.strip() == title or len(sentence.strip()) < 25:
            continue
        score = 2 * bool(_DAY_MONTH.search(sentence)) + bool(_MEETING_WORD.search(sentence))
        if score > best:
            lead, best = sentence, score
        if score == 3:
            break
    meeting = Meeting()
    meeting.body, meeting.kind = _body(title, lead)
    head = title + "\n" + lead
    meeting.organisation, meeting.unit = _organisation(head)
    if meeting.organisation is None:
        meeting.organisation, meeting.unit = _organisation(work)
    meeting.ordinal = _ordinal(head, meeting.body) or _ordinal(work[:3000], meeting.body)
    meeting.khoa = _khoa(head, work)
    meeting.term = _term(head, work)
    dm = None
    dmm = _DAY_MONTH.search(lead) or _DAY_MONTH.search(title)
    if dmm:
        dm = (int(dmm.group(1)), int(dmm.group(2)))
        meeting.day_month = f"{dm[0]}/{dm[1]}"
        if dmm.group(3):
            meeting.year = int(dmm.group(3))
    if meeting.year is None:
        meeting.year = _year(work, datelines, dm)
    if dm and meeting.year:
        held = _safe_date(meeting.year, dm[1], dm[0])
        meeting.date = held.isoformat() if held else None
    meeting.period = _period(title, work, meeting.year)
    meeting.officials, meeting.chairs = people(work, sents)
    return meeting
