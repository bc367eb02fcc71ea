"""``chitieu extract FILE... [--out DIR] [--format json|table]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from .checks import check_consistency
from .document import document_figures
from .encodings import LABELS
from .figures import scan
from .meeting import extract_meeting
from .model import ExtractionError
from .reader import Reading, read

_DESCRIPTION = """\
Read the figures out of Vietnamese reports (.txt, .docx, .doc, .pdf, scans and photos, .html).

Without --out, print the result to stdout: one JSON object per file (a JSON list when several files
are given), or a table with --format table.  With --out DIR, write DIR/<name>.json for each input
(x.txt -> DIR/x.json) in the exchange format of SCHEMA.md: {"document": ..., "figures": [...]},
plus "meeting" (body, unit, date, period, officials), "checks" (consistency issues) and "reading"
(how the file was read: source, encoding detected, OCR confidence, tables, notes).  A figure read
from a table says so in "cell" (table, row, column, header) and carries the row's "targets"; a
figure read by OCR has the "confidence" of its words.

Parts of a file that could not be read (a table whose header is not understood, a page OCR found
empty) are reported on stderr as "chitieu extract: FILE: note" and the rest is read.
A file that cannot be read is reported on stderr as "chitieu extract: FILE: reason" and skipped;
the exit status is 1 if any file failed, else 0."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chitieu extract",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="report files (.txt, .docx, .doc, .pdf, .jpg/.png, .html)"
    )
    parser.add_argument(
        "--out", metavar="DIR", help="write one JSON file per input into DIR (created if missing)"
    )
    parser.add_argument(
        "--format",
        choices=("json", "table"),
        default="json",
        help="stdout format when --out is not given (default: json)",
    )
    return parser


def document_json(name: str, text: str | Reading) -> dict[str, Any]:
    """The SCHEMA.md document object for one text (or a whole Reading: tables, OCR), with the extra
    "meeting", "checks" and, for a Reading, "reading" keys."""
    if isinstance(text, Reading):
        found, warnings = document_figures(text)
        figures = [f.figure for f in found]
        figure_json = [f.to_json() for f in found]
        reading, text = text, text.text
    else:
        result = scan(text)
        figures, warnings, reading = result.figures, result.warnings, None
        figure_json = [f.to_json() for f in figures]
    checks = [i.to_json() for i in check_consistency(figures)]
    checks += [
        {
            "code": w.code,
            "severity": "warning",
            "message_vi": f"Bỏ qua số viết sai định dạng: {w.message.split(' ', 2)[-1]}",
            "message_en": w.message,
            "figures": [],
        }
        for w in warnings
    ]
    out = {
        "document": name,
        "figures": figure_json,
        "meeting": extract_meeting(text).to_json(),
        "checks": checks,
    }
    if reading is not None:
        out["reading"] = reading.to_json()
    return out


def _cell(x: object) -> str:
    return "" if x is None else str(x)


def _how(reading: dict[str, Any] | None) -> str:
    if not reading:
        return ""
    parts = [reading["source"]]
    if reading.get("encoding") and reading["encoding"] not in ("utf-8", "unicode"):
        parts.append(LABELS.get(reading["encoding"], reading["encoding"]))
    if reading.get("ocr_confidence") is not None:
        parts.append(f"OCR confidence {reading['ocr_confidence']}%")
    return " (" + "; ".join(parts) + ")"


def _where(f: dict[str, Any]) -> str:
    cell = f.get("cell")
    where = f"T{cell['table']} R{cell['row']} C{cell['column']}" if cell else ""
    if f.get("confidence") is not None:
        where = (where + " " if where else "") + f"{f['confidence']:.0f}%"
    return where


def _table(
    name: str, figures: list[dict[str, Any]], out: TextIO, reading: dict[str, Any] | None = None
) -> None:
    print(f"== {name}: {len(figures)} figure(s){_how(reading)}", file=out)
    rows = [("indicator", "value", "unit", "of", "qualifiers", "comparisons", "cell/OCR")]
    for f in figures:
        comps = "; ".join(
            f"{c['basis']} {c['kind']} {c['percent']}%"
            + (f" ({','.join(c['qualifiers'])})" if c["qualifiers"] else "")
            for c in f["comparisons"]
        )
        rows.append(
            (
                f["indicator"][:60],
                _cell(f["value"]),
                _cell(f["unit"]),
                _cell(f["denominator"]),
                ",".join(f["qualifiers"]),
                comps,
                _where(f),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for k, r in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip(), file=out)
        if k == 0:
            print("  ".join("-" * w for w in widths), file=out)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract" and not Path("extract").exists():
        argv = argv[1:]
    args = _parser().parse_args(argv)
    out_dir = Path(args.out) if args.out else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            print(f"chitieu extract: {out_dir}: cannot create directory ({e.strerror})", file=sys.stderr)
            return 1
    failed = False
    results: list[dict[str, Any]] = []
    for name in args.files:
        path = Path(name)
        try:
            reading = read(path)
            doc = document_json(path.name, reading)
        except ExtractionError as e:
            print(f"chitieu extract: {name}: {e.reason}", file=sys.stderr)
            failed = True
            continue
        except Exception as e:  # noqa: BLE001 - one bad file must not stop the others, and no traceback
            print(f"chitieu extract: {name}: internal error ({type(e).__name__}: {e})", file=sys.stderr)
            failed = True
            continue
        for note in reading.notes:
            print(f"chitieu extract: {name}: {note.message}", file=sys.stderr)
        if reading.encoding not in (None, "utf-8", "unicode") and args.format != "table":
            print(
                f"chitieu extract: {name}: read as {LABELS.get(reading.encoding, reading.encoding)}",
                file=sys.stderr,
            )
        if out_dir is not None:
            target = out_dir / (path.stem + ".json")
            try:
                target.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            except OSError as e:
                print(f"chitieu extract: {name}: cannot write {target} ({e.strerror})", file=sys.stderr)
                failed = True
        else:
            results.append(doc)
    if out_dir is None and results:
        if args.format == "table":
            for doc in results:
                _table(doc["document"], doc["figures"], sys.stdout, doc.get("reading"))
        else:
            payload: Any = results[0] if len(args.files) == 1 else results
            print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 1 if failed else 0
