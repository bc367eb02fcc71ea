"""Figures out of the tables of a report ("Biểu chỉ tiêu", "Phụ lục").

A table of indicators has a header of one to three rows (cells merged across and down), then rows
of indicators, often numbered (I, II … for groups, 1, 2 … and 1.1, a), -, + for items), sometimes a
column-number row (``(1) (2) (3)``) and a total row.  Its columns are recognised from their headers:

========================  ==============================================================
role                      headers
========================  ==============================================================
``stt``                   STT, TT, Số TT
``indicator``             Chỉ tiêu, Nội dung, Tên chỉ tiêu (the first column of text)
``unit``                  ĐVT, Đơn vị tính
``actual``                Thực hiện, TH, Ước thực hiện, Ước TH, Kết quả, Ước đạt, Lũy kế
``target``                Kế hoạch, KH, Chỉ tiêu năm, Nghị quyết, Dự toán (a column of numbers)
``previous``              Cùng kỳ, Thực hiện cùng kỳ năm trước (a value, not a percentage)
``percent``               % so với KH, So sánh (%) / KH, TH/KH, % so cùng kỳ, Tăng/giảm (%)
========================  ==============================================================

Each indicator row with a value or a percentage becomes a :class:`~chitieu.extraction.model.Figure`
(value and unit from their columns, the percentages as comparisons against the basis their header
names), wrapped in a :class:`TableFigure` that says which cell it came from and carries the row's
targets (plan, resolution, estimate) as :class:`TableTarget`.  A table whose header names no
indicator column or no value column is reported (:func:`understand` returns the reason) and read no
further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .model import Comparison, Figure
from .numbers import parse_digits
from .wordfile import Grid

_ROMAN = re.compile(r"^(?=[IVXLC]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_NUMBERING = re.compile(
    r"^\s*(?:(?P<roman>[IVXL]+)|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})|(?P<letter>[a-zđ])|(?P<dash>[-+–•*]))"
    r"\s*[.)/:]?\s*(?=\S|$)"
)
_COLNUM = re.compile(r"^\(?(?:\d{1,2}|[A-Z]|\d{1,2}\s*=\s*[\d\s/*x+\-().]+)\)?$")
_TOTAL = re.compile(
    r"^(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+(?:huyện|tỉnh|xã|thị\s+xã|thành\s+phố))\s*[:.]?$", re.I
)
_EMPTY = {"", "-", "–", "—", "x", "X", "…", "...", "/", "k", "K", "0/0"}
_QUAL = [
    (re.compile(r"^(?:trên|hơn|>|≥|>=|vượt)\s*", re.I), "over"),
    (re.compile(r"^(?:dưới|<|≤|<=)\s*", re.I), "under"),
    (re.compile(r"^(?:khoảng|~|≈)\s*", re.I), "about"),
    (re.compile(r"^(?:gần|xấp xỉ)\s*", re.I), "nearly"),
]
_NUMBER = re.compile(r"[-−]?\d+(?:[.,]\d+)*")
_UNIT_IN_TEXT = re.compile(r"\((?:ĐVT|đvt|Đơn vị tính|đơn vị tính|Đơn vị|ĐV)?\s*:?\s*([^()]{1,25})\)\s*$")
_UNIT_CAPTION = re.compile(r"(?:ĐVT|Đơn vị tính|Đơn vị)\s*:\s*([^\n,;)]{1,25})", re.I)


@dataclass(slots=True)
class Column:
    index: int
    header: str
    role: str = "unknown"  # stt, indicator, unit, actual, target, previous, percent, note, unknown
    basis: str | None = None
    kind: str | None = None
    estimated: bool = False


@dataclass(slots=True)
class CellRef:
    """Where a figure was read: 1-based table, row and column numbers as a reader counts them."""

    table: int
    row: int
    column: int
    header: str

    def to_json(self) -> dict:
        return {"table": self.table, "row": self.row, "column": self.column, "header": self.header}


@dataclass(slots=True)
class TableTarget:
    basis: str  # plan, resolution, estimate, target
    value: Decimal
    label: str  # the header as written
    cell: CellRef
    start: int
    end: int

    def to_json(self) -> dict:
        v = self.value
        return {
            "basis": self.basis,
            "value": int(v) if v == v.to_integral_value() else float(v),
            "label": self.label,
            "cell": self.cell.to_json(),
        }


@dataclass(slots=True)
class TableFigure:
    figure: Figure
    cell: CellRef
    targets: list[TableTarget] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # the header of each comparison's column


@dataclass(slots=True)
class Layout:
    columns: list[Column]
    header_rows: int  # rows before the first data row (column-number row included)
    indicator: int
    unit: int | None
    english: bool = False


def _low(s: str) -> str:
    return " ".join(s.lower().split())


def _has(text: str, *words: str) -> bool:
    return any(re.search(r"(?<![^\W\d_])" + re.escape(w) + r"(?![^\W\d_])", text) for w in words)


def _basis(h: str) -> str | None:
    if _has(h, "cùng kỳ", "ck", "năm trước", "cùng kì"):
        return "same_period"
    if _has(h, "nghị quyết", "nq", "chỉ tiêu nq"):
        return "resolution"
    if _has(h, "dự toán", "dt"):
        return "estimate"
    if _has(h, "kế hoạch", "kh", "kh năm"):
        return "plan"
    if _has(h, "chỉ tiêu", "mục tiêu"):
        return "target"
    return None


def classify(header: str) -> Column:
    """The role of a column from its header (all its header rows, top to bottom)."""
    col = Column(0, header)
    h = _low(header)
    if not h:
        return col
    if re.fullmatch(r"(?:s[ốo]\s*)?t\.?t|stt|số thứ tự", h):
        col.role = "stt"
    elif re.fullmatch(r"(?:đvt|dvt|đơn vị tính|đơn vị|đv tính)", h):
        col.role = "unit"
    elif _has(h, "ghi chú"):
        col.role = "note"
    elif (
        "%" in h
        or _has(h, "so sánh", "so với", "tỷ lệ", "tỉ lệ")
        or re.search(r"\bth\s*/\s*(?:kh|ck|nq|dt)\b", h)
    ):
        col.role = "percent"
        col.basis = _basis(re.split(r"\bth\s*/", h)[-1]) or "other"
        col.kind = "change" if _has(h, "tăng", "giảm", "±", "tăng giảm", "tăng/giảm") else "of"
    elif _has(h, "cùng kỳ", "cùng kì") and not _has(h, "kế hoạch", "kh"):
        col.role = "previous"
    elif _has(
        h,
        "thực hiện",
        "th",
        "ước thực hiện",
        "ước th",
        "kết quả",
        "ước đạt",
        "lũy kế",
        "luỹ kế",
        "ước tính",
        "ước",
    ):
        col.role = "actual"
        col.estimated = _has(h, "ước", "ước tính", "ước thực hiện", "ước th", "ước đạt")
    elif _basis(h) in ("plan", "resolution", "estimate", "target") and not re.fullmatch(
        r"(?:tên\s+|các\s+)?chỉ tiêu(?:\s+chủ yếu)?", h
    ):
        col.role = "target"
        col.basis = _basis(h)
    elif re.fullmatch(
        r"(?:tên\s+|các\s+)?(?:chỉ tiêu|nội dung|danh mục|hạng mục|lĩnh vực|chỉ tiêu chủ yếu)(?:\s.*)?", h
    ):
        col.role = "indicator"
    return col


def _is_empty(text: str) -> bool:
    return text.strip() in _EMPTY


def parse_cell(
    text: str, english: bool = False
) -> tuple[Decimal | None, Decimal | None, list[str], str, int, int]:
    """(value, denominator, qualifiers, rest, start, end) of a cell holding one number, with the
    number's span in the cell; value None when the cell holds no number or more than a number."""
    s = text.strip()
    lead = len(text) - len(text.lstrip())
    quals: list[str] = []
    for pattern, q in _QUAL:
        m = pattern.match(s)
        if m:
            quals.append(q)
            s = s[m.end() :]
            lead = len(text) - len(s)
            break
    m = _NUMBER.match(s)
    if not m:
        return None, None, quals, s, 0, 0
    token = m.group().replace("−", "-")
    negative = token.startswith("-")
    body = token.lstrip("-")
    if english:
        body = body.replace(",", "\0").replace(".", ",").replace("\0", ".")
    value, _decimals, _amb = parse_digits(body)
    if value is None:
        return None, None, quals, s, 0, 0
    if negative:
        value = -value
    rest = s[m.end() :].strip()
    denominator = None
    dm = re.match(r"^/\s*(\d+(?:[.,]\d+)*)", rest)
    if dm:
        denominator, _d, _a = parse_digits(dm.group(1))
        rest = rest[dm.end() :].strip()
    if rest and not re.fullmatch(r"%|[^\d]{1,30}", rest):
        return None, None, quals, s, 0, 0  # two numbers, or a number inside words
    return value, denominator, quals, rest, lead + m.start(), lead + m.end()


def _header_rows(grid: Grid) -> int:
    """How many rows the header takes (a column-number row included), or 0 if none is found."""
    n = 0
    for r, row in enumerate(grid.rows[:5]):
        cells = [c for c in row if c is not None]
        texts = [c.text.strip() for c in cells if c.row == r]
        if (
            r > 0
            and texts
            and all(_COLNUM.match(t) for t in texts if t)
            and len([t for t in texts if t]) >= 2
        ):
            return r + 1
        continued = any(c.row < r for c in cells)
        keyword = any(classify(t).role != "unknown" for t in texts)
        numeric = any(
            parse_cell(t)[0] is not None and not re.fullmatch(r"(19|20)\d\d", t.strip()) for t in texts
        )
        first = texts[0] if texts else ""
        numbered = bool(first) and bool(re.fullmatch(r"[IVX]+|\d{1,2}|[a-z]", first.strip(".) ")))
        if r == 0 or ((continued or keyword) and not numeric and not numbered):
            n = r + 1
            continue
        break
    return n


def understand(grid: Grid) -> tuple[Layout | None, str]:
    """The layout of an indicator table, or None and the header as read (for the message)."""
    header_rows = _header_rows(grid)
    width = grid.width
    columns: list[Column] = []
    for c in range(width):
        parts: list[str] = []
        for r in range(min(header_rows, len(grid.rows))):
            cell = grid.rows[r][c]
            if cell is not None and cell.text.strip() and not _COLNUM.match(cell.text.strip()):
                if not parts or parts[-1] != cell.text.strip():
                    parts.append(cell.text.strip())
        col = classify(" ".join(parts))
        if col.role == "percent" and col.basis == "other" and len(parts) > 1:
            col.basis = _basis(_low(parts[-1])) or "other"  # "So sánh (%)" above "KH", "Cùng kỳ"
        col.index = c
        columns.append(col)
    header = " | ".join(dict.fromkeys(c.header for c in columns if c.header)) or "—"
    data = [row for row in grid.rows[header_rows:]]
    # the indicator column: the declared one, else the first column that holds mostly words
    indicator = next((c.index for c in columns if c.role == "indicator"), None)
    if indicator is None:
        for c in columns:
            if c.role in ("unknown", "indicator") and data:
                texts = [
                    row[c.index].text
                    for row in data
                    if row[c.index] is not None and row[c.index].text.strip()
                ]
                if texts and sum(parse_cell(t)[0] is None for t in texts) >= 0.7 * len(texts):
                    if not all(_NUMBERING.fullmatch(t.strip()) or _ROMAN.match(t.strip()) for t in texts):
                        indicator = c.index
                        break
    if indicator is None or not any(c.role in ("actual", "percent") for c in columns) or not data:
        return None, header
    columns[indicator].role = "indicator"
    unit = next((c.index for c in columns if c.role == "unit"), None)
    sample = " ".join(cell.text for row in data for cell in row if cell is not None)
    english = bool(re.search(r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}", sample))
    return Layout(columns, header_rows, indicator, unit, english), header


def _strip_numbering(label: str) -> tuple[str, str]:
    m = _NUMBERING.match(label)
    if not m or m.end() == 0:
        return "", label.strip()
    rest = label[m.end() :].strip()
    if not rest or (m.group("letter") and not re.match(r"\s*[.)]", label[m.end("letter") :])):
        return "", label.strip()
    return m.group().strip(), rest


def _level(numbering: str, label: str) -> int:
    n = numbering.strip(".)/: ")
    if _ROMAN.match(n):
        return 0
    if re.fullmatch(r"\d{1,2}", n):
        return 1
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", n) or re.fullmatch(r"[a-zđ]", n) or n in "-+–•*" and n:
        return 2
    if re.match(r"trong đó", label, re.I):
        return 2
    return 1


def caption_unit(caption: str) -> str | None:
    m = _UNIT_CAPTION.search(caption)
    return m.group(1).strip(" .") if m else None


def caption_subject(caption: str) -> str:
    line = next(
        (ln.strip() for ln in reversed(caption.splitlines()) if ln.strip() and not _UNIT_CAPTION.search(ln)),
        "",
    )
    line = re.sub(r"^(?:biểu|phụ lục|bảng)\s*(?:số\s*)?[\dIVX]*\s*[:.\-–]?\s*", "", line, flags=re.I)
    return line[:120]


def table_figures(grid: Grid, layout: Layout) -> list[TableFigure]:
    """The figures of an understood table; cell offsets must already be laid out in the text."""
    cols = layout.columns
    actual = [c for c in cols if c.role == "actual"]
    value_col = actual[0] if actual else None
    default_unit = caption_unit(grid.caption)
    subject = caption_subject(grid.caption)
    out: list[TableFigure] = []
    parent: int | None = None
    parent_label = ""
    for r in range(layout.header_rows, len(grid.rows)):
        row = grid.rows[r]
        lab_cell = row[layout.indicator]
        if lab_cell is None or lab_cell.row != r or not lab_cell.text.strip():
            continue
        numbering, label = _strip_numbering(lab_cell.text)
        stt = next((row[c.index] for c in cols if c.role == "stt" and row[c.index] is not None), None)
        if stt is not None and stt.text.strip():
            numbering = stt.text.strip()
        level = _level(numbering, label)
        unit = None
        if layout.unit is not None and row[layout.unit] is not None and not _is_empty(row[layout.unit].text):
            unit = row[layout.unit].text.strip()
        m = _UNIT_IN_TEXT.search(label)
        if m and unit is None and not re.search(r"\d", m.group(1)) and len(m.group(1).split()) <= 3:
            unit = m.group(1).strip()
            label = label[: m.start()].strip()
        label = re.sub(r"^trong\s+đó\s*[:,]?\s*[-–+]?\s*", "", label, flags=re.I).strip() or label
        figure = None
        ref = None
        for col in [value_col] if value_col else []:
            cell = row[col.index]
            if cell is None or cell.row != r or _is_empty(cell.text):
                continue
            value, den, quals, rest, s, e = parse_cell(cell.text, layout.english)
            if value is None:
                continue
            cell_unit = unit or (rest if rest and rest != "%" else None) or default_unit
            if rest == "%" and not unit:
                cell_unit = "%"
            figure = Figure(
                indicator=label,
                value=value,
                unit=cell_unit,
                denominator=den,
                qualifiers=quals + (["estimated"] if col.estimated else []),
                start=cell.start + s,
                end=cell.start + e,
            )
            ref = CellRef(grid.number, r + 1, col.index + 1, col.header)
        comparisons: list[tuple[Comparison, str]] = []
        for col in cols:
            if col.role != "percent":
                continue
            cell = row[col.index]
            if cell is None or cell.row != r or _is_empty(cell.text):
                continue
            pct, _den, quals, rest, s, e = parse_cell(cell.text, layout.english)
            if pct is None or rest not in ("", "%"):
                continue
            if col.kind == "of" and col.basis != "other" and pct < 0:
                continue
            comparisons.append(
                (
                    Comparison(
                        col.basis or "other", col.kind or "of", pct, quals, cell.start + s, cell.start + e
                    ),
                    col.header,
                )
            )
            if ref is None:
                ref = CellRef(grid.number, r + 1, col.index + 1, col.header)
        targets: list[TableTarget] = []
        for col in cols:
            if col.role != "target":
                continue
            cell = row[col.index]
            if cell is None or cell.row != r or _is_empty(cell.text):
                continue
            value, _den, _q, rest, s, e = parse_cell(cell.text, layout.english)
            if value is None:
                continue
            targets.append(
                TableTarget(
                    col.basis or "plan",
                    value,
                    col.header,
                    CellRef(grid.number, r + 1, col.index + 1, col.header),
                    cell.start + s,
                    cell.start + e,
                )
            )
        if figure is None and not comparisons:
            if level <= 1 and not targets:
                parent, parent_label = None, ""  # a group row: I. CHỈ TIÊU KINH TẾ
            continue
        if figure is None:
            first = comparisons[0][0]
            figure = Figure(indicator=label, value=None, unit=None, start=first.start, end=first.end)
        figure.comparisons = [c for c, _h in comparisons]
        if _TOTAL.match(label) and subject:
            figure.indicator = f"{label} {subject}".strip()
        elif level >= 2 and parent is not None and len(label.split()) <= 6:
            figure.indicator = f"{parent_label} - {label}"
            figure.parent = parent
        figure.text = " | ".join(dict.fromkeys(c.text for c in row if c is not None and c.text.strip()))
        out.append(TableFigure(figure, ref, targets, [h for _c, h in comparisons]))
        if level <= 1:
            parent, parent_label = len(out) - 1, label
    return out
