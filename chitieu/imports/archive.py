"""Bounds on an uploaded .xlsx, checked before any spreadsheet code parses it.

An .xlsx is a zip of XML files, and a small one can unpack to gigabytes or nest XML deep enough to
exhaust a parser. :func:`inspect_archive` is the one function the importer calls before openpyxl sees
the file (kept small so that a shared bounded-zip reader can take its place later). It refuses, with
a message naming the limit that was broken:

* more entries than ``max_entries``;
* a declared unpacked size above ``max_unpacked`` in total (zipfile never yields more than an
  entry's declared size: a lying header ends in a CRC error, which is refused too);
* XML nested deeper than ``max_depth``, or holding a DOCTYPE (entity expansion, "billion laughs");
* worksheets with more than ``max_rows`` rows or ``max_cells`` cells, or a row number past Excel's
  last row;
* taking longer than the time budget (the :class:`Deadline` shared with the rest of the import).

While streaming the XML it also collects what the importer needs and openpyxl's streaming reader
does not give: the worksheets' merged ranges, by sheet name.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from xml.parsers import expat

from django.conf import settings
from django.utils.translation import gettext as _

from chitieu.i18n import current_lang
from chitieu.lib.vnnum import format_number

EXCEL_MAX_ROW = 1_048_576
CHUNK = 256 * 1024
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class WorkbookRefused(Exception):
    """The file cannot be read; the message says why (and which limit it broke)."""


@dataclass(frozen=True)
class Limits:
    max_entries: int = 500
    max_unpacked: int = 100 * 1024 * 1024
    max_depth: int = 40
    max_rows: int = 200_000
    max_cells: int = 2_500_000
    seconds: float = 120.0

    @classmethod
    def from_settings(cls) -> Limits:
        """The limits a deployment sets (settings.py); parts, depth and cells keep their defaults."""
        return cls(
            max_unpacked=settings.CHITIEU_IMPORT_MAX_UNPACKED_BYTES,
            max_rows=settings.CHITIEU_IMPORT_MAX_ROWS,
            seconds=settings.CHITIEU_IMPORT_PARSE_SECONDS,
        )


class Deadline:
    """A time budget: ``check()`` refuses once it is spent, naming the limit."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise WorkbookRefused(
                _(
                    "Reading the workbook took longer than {limit} seconds, the limit for one import: "
                    "split it into several workbooks (for example one per unit)."
                ).format(limit=_n(self.seconds))
            )


@dataclass
class ArchiveScan:
    """What the scan found: each worksheet's merged ranges ("B5:C7"), by sheet name."""

    merged: dict[str, list[str]] = field(default_factory=dict)
    rows: int = 0
    cells: int = 0


def _open(data):
    return io.BytesIO(bytes(data)) if isinstance(data, bytes | bytearray | memoryview) else open(data, "rb")


def _n(value) -> str:
    return format_number(Decimal(str(value)), 0, lang=current_lang())


def _mb(n: int) -> str:
    return _n(Decimal(n) / 2**20)


class _XmlWatch:
    """Depth, DOCTYPE, row and cell counts, merged ranges and sheet names of one XML entry."""

    def __init__(self, name: str, limits: Limits, scan: ArchiveScan, deadline: Deadline):
        self.name, self.limits, self.scan, self.deadline = name, limits, scan, deadline
        self.depth = 0
        self.worksheet = name.startswith("xl/worksheets/")
        self.merged: list[str] = []
        self.sheets: list[tuple[str, str]] = []  # (name, relationship id) from xl/workbook.xml
        self.targets: dict[str, str] = {}  # relationship id → target from the workbook's rels
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.StartDoctypeDeclHandler = self.doctype
        self.parser.EntityDeclHandler = self.entity

    def refuse_nesting(self):
        raise WorkbookRefused(
            _(
                "Part {part} of the workbook nests deeper than {limit} levels, the limit: it is not a workbook chitieu can read."
            ).format(part=self.name, limit=self.limits.max_depth)
        )

    def doctype(self, *_args):
        raise WorkbookRefused(
            _(
                "Part {part} of the workbook declares a DOCTYPE, which no Excel workbook does: it is refused."
            ).format(part=self.name)
        )

    def entity(self, *_args):
        self.doctype()

    def start(self, tag: str, attrs: dict) -> None:
        self.depth += 1
        if self.depth > self.limits.max_depth:
            self.refuse_nesting()
        local = tag.rsplit(":", 1)[-1]
        if self.worksheet:
            if local == "c":
                self.scan.cells += 1
                if self.scan.cells > self.limits.max_cells:
                    raise WorkbookRefused(
                        _(
                            "The workbook holds more than {limit} cells, the limit for one import: split it into several workbooks."
                        ).format(limit=_n(self.limits.max_cells))
                    )
            elif local == "row":
                self.scan.rows += 1
                r = attrs.get("r", "")
                if self.scan.rows > self.limits.max_rows or (r.isdigit() and int(r) > EXCEL_MAX_ROW):
                    raise WorkbookRefused(
                        _(
                            "The workbook holds more than {limit} rows, the limit for one import: split it into several workbooks."
                        ).format(limit=_n(self.limits.max_rows))
                    )
            elif local == "mergeCell" and attrs.get("ref"):
                self.merged.append(attrs["ref"][:40])
        elif self.name == "xl/workbook.xml" and local == "sheet":
            rid = next((v for k, v in attrs.items() if k.endswith(":id") or k == f"{REL_NS} id"), "")
            self.sheets.append((attrs.get("name", ""), rid))
        elif self.name == "xl/_rels/workbook.xml.rels" and local == "Relationship":
            self.targets[attrs.get("Id", "")] = attrs.get("Target", "")

    def end(self, _tag: str) -> None:
        self.depth -= 1

    def feed(self, stream) -> None:
        try:
            while chunk := stream.read(CHUNK):
                self.parser.Parse(chunk, False)
                self.deadline.check()
            self.parser.Parse(b"", True)
        except expat.ExpatError:
            raise WorkbookRefused(
                _(
                    "Part {part} of the workbook is not well-formed XML: save the workbook again from Excel."
                ).format(part=self.name)
            ) from None


def inspect_archive(data: bytes | str | os.PathLike, *, limits: Limits, deadline: Deadline) -> ArchiveScan:
    """Check the zip and every XML part of an .xlsx against ``limits``; raise WorkbookRefused."""
    scan = ArchiveScan()
    sheets: list[tuple[str, str]] = []
    targets: dict[str, str] = {}
    merged_by_part: dict[str, list[str]] = {}
    try:
        with _open(data) as fh, zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_entries:
                raise WorkbookRefused(
                    _(
                        "The workbook holds {n} parts; chitieu reads at most {limit}: it is not an ordinary workbook."
                    ).format(n=len(infos), limit=limits.max_entries)
                )
            unpacked = sum(i.file_size for i in infos)
            if unpacked > limits.max_unpacked:
                raise WorkbookRefused(
                    _(
                        "The workbook unpacks to {size} MB, more than the limit of {limit} MB: split it into "
                        "several workbooks."
                    ).format(size=_mb(unpacked), limit=_mb(limits.max_unpacked))
                )
            for info in infos:
                if info.is_dir() or not info.filename.endswith((".xml", ".rels")):
                    continue
                watch = _XmlWatch(info.filename, limits, scan, deadline)
                with zf.open(info) as stream:
                    watch.feed(stream)
                if watch.merged:
                    merged_by_part[info.filename] = watch.merged
                sheets += watch.sheets
                targets |= watch.targets
    except WorkbookRefused:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ):
        # a damaged or lying archive, an unsupported compression method or an encrypted entry
        raise WorkbookRefused(
            _("The file is damaged or not an Excel workbook (.xlsx): it cannot be opened as one.")
        ) from None
    for name, rid in sheets:
        target = targets.get(rid, "").lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        if part in merged_by_part:
            scan.merged[name] = merged_by_part[part]
    return scan
