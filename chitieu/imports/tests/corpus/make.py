"""Write the corpus of known-bad workbooks beside this file (run: python make.py).

Each file is small on disk and hostile when read: the bounds in chitieu.imports.archive must refuse
it before a spreadsheet parser builds it in memory. The test suite reads these files as they are
committed (test_bounds.py, test_fuzz_reader.py); this script only documents how they were made.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
WB = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Kết quả" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"


def workbook(sheet: str | bytes, *, extra: dict[str, bytes] | None = None, level: int = 9) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def files() -> dict[str, bytes]:
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 25_001))
    return {
        # 2 MB of whitespace inside the sheet: a compression ratio of ~1000 (the bomb, small)
        "padding-bomb.xlsx": workbook(SHEET_HEAD + " " * 2_000_000 + SHEET_TAIL),
        # nested 5,000 deep
        "deep-nesting.xlsx": workbook(SHEET_HEAD + "<x>" * 5000 + "</x>" * 5000 + SHEET_TAIL),
        # entity expansion ("billion laughs"), nine levels
        "billion-laughs.xlsx": workbook(
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(
                f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                for i in range(1, 10)
            )
            + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
        ),
        # 25,000 rows of one cell: over a lowered row limit, and cheap to read otherwise
        "many-rows.xlsx": workbook(SHEET_HEAD + rows + SHEET_TAIL),
        # a row far past Excel's last row: a reader filling the gap would loop for ever
        "far-row.xlsx": workbook(
            SHEET_HEAD + '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>' + SHEET_TAIL
        ),
        # 600 empty parts
        "many-parts.xlsx": workbook(
            SHEET_HEAD + SHEET_TAIL, extra={f"xl/media/p{i}.xml": b"<a/>" for i in range(600)}, level=1
        ),
        # not well-formed XML
        "broken-xml.xlsx": workbook(SHEET_HEAD + "<row><c>" + SHEET_TAIL),
        # a zip whose central directory is cut off
        "truncated.xlsx": workbook(SHEET_HEAD + SHEET_TAIL)[:-30],
    }


if __name__ == "__main__":
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
