"""The layout of chitieu's import workbook, shared by the template writer and the importer.

The sheet names, headers and the Vietnamese words for statuses, bases and target kinds are part of
the file format: they are written in Vietnamese whatever the user's language, and not translated.
On import a status, basis or kind may be written as its Vietnamese label (with or without diacritics,
any case) or as chitieu's code ("actual", "plan", "floor", …).
"""

from __future__ import annotations

import unicodedata

FORMAT_NAME = "chitieu-import"
FORMAT_VERSION = 1

RESULTS_SHEET = "Kết quả"
TARGETS_SHEET = "Chỉ tiêu"
META_SHEET = "_chitieu"

# (header, key) in column order; columns A, B, C, …
RESULT_COLUMNS = [
    ("Mã đơn vị", "unit"),
    ("Đơn vị", "unit_name"),
    ("Mã chỉ tiêu", "indicator"),
    ("Chỉ tiêu", "indicator_name"),
    ("Đơn vị tính", "measure_unit"),
    ("Kỳ", "period"),
    ("Giá trị", "value"),
    ("Tử số", "numerator"),
    ("Mẫu số", "denominator"),
    ("Tình trạng (thực hiện/ước)", "status"),
    ("Ghi chú", "note"),
    ("Lý do sửa (kỳ đã mở lại)", "reason"),
]
# Columns added after format version 1 was first written: a workbook whose header cell is blank there
# (a template downloaded before) is still read, with the column empty.
OPTIONAL_COLUMNS = {"reason"}
TARGET_COLUMNS = [
    ("Mã đơn vị", "unit"),
    ("Mã chỉ tiêu", "indicator"),
    ("Chỉ tiêu", "indicator_name"),
    ("Đơn vị tính", "measure_unit"),
    ("Kỳ", "period"),
    ("Cơ sở", "basis"),
    ("Loại chỉ tiêu", "kind"),
    ("Giá trị", "value"),
    ("Ghi chú", "note"),
]

# Rows above the header: a title and a hint. Data starts on the row after the header.
HEADER_ROW = 3
# The importer looks for the header in the first rows, so a removed or added title row is harmless.
HEADER_SEARCH_ROWS = 10

STATUS_LABELS = {"actual": "thực hiện", "estimate": "ước"}
BASIS_LABELS = {
    "plan": "kế hoạch",
    "resolution": "nghị quyết",
    "estimate_upper": "dự toán cấp trên giao",
    "estimate_local": "dự toán địa phương",
    "other": "khác",
}
KIND_LABELS = {
    "level": "mức",
    "floor": "trở lên",
    "ceiling": "dưới",
    "avg_growth": "tăng bình quân năm",
    "cumulative": "lũy kế nhiệm kỳ",
}
# Other ways people write them.
STATUS_ALIASES = {"ước tính": "estimate", "ước thực hiện": "estimate", "thực tế": "actual"}
BASIS_ALIASES = {"dự toán": "estimate_local"}
KIND_ALIASES = {
    "từ … trở lên": "floor",
    "tối thiểu": "floor",
    "lũy kế": "cumulative",
    "bình quân": "avg_growth",
}


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def fold(text: str) -> str:
    """Compare-friendly text: NFC, lower case, no diacritics (đ -> d), single spaces, "…" as "..."."""
    text = unicodedata.normalize("NFC", str(text)).lower().replace("đ", "d").replace("…", "...")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.split())


def norm(text: str) -> str:
    """NFC, lower case, single spaces: diacritics kept (for headers and units of measure)."""
    return " ".join(unicodedata.normalize("NFC", str(text)).lower().split())


def _lookup(labels: dict[str, str], aliases: dict[str, str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, label in labels.items():
        table[fold(code)] = code
        table[fold(code.replace("_", " "))] = code
        table[fold(label)] = code
    for alias, code in aliases.items():
        table[fold(alias)] = code
    return table


STATUS_LOOKUP = _lookup(STATUS_LABELS, STATUS_ALIASES)
BASIS_LOOKUP = _lookup(BASIS_LABELS, BASIS_ALIASES)
KIND_LOOKUP = _lookup(KIND_LABELS, KIND_ALIASES)
