"""Open an untrusted zip file (.docx, .xlsx, .odt) only after checking it can be read within bounds.

A 1.6 MB .docx can unpack to gigabytes.  :func:`open_zip` refuses such a file *before* any parser
sees it, and raises :class:`~chitieu.lib.bounded.LimitExceeded` (``code``, ``params``, an English
``str()``) naming the limit that was passed:

* the number of entries (``zip_entries``);
* each entry's and the archive's uncompressed size, first as declared in the central directory, then
  as actually decompressed, streaming with a cap so that a forged header cannot make us inflate more
  than the cap (``zip_member_too_large``, ``zip_too_large``, ``zip_size_mismatch``);
* the compression ratio of each large entry (``zip_ratio``);
* unsupported compression methods and encrypted entries (``zip_unsupported``, ``zip_encrypted``)
  instead of ``NotImplementedError``/``RuntimeError`` escaping to the caller, and damaged archives
  (``zip_corrupt``, ``zip_not_zip``);
* in XML entries: more tags than a limit (``xml_too_many_tags``: a tree of millions of tiny
  elements takes gigabytes to parse, within the size caps), a DTD or entity declaration (Office files never have one; refusing it rules out
  entity-expansion bombs and external entities whatever parser reads the file later, ``xml_dtd``),
  elements nested deeper than a limit (``xml_too_deep``) and malformed XML (``xml_malformed``);
* a time budget over all of it (``time_limit``, see :class:`~chitieu.lib.bounded.Deadline`).

Every member is decompressed once here (and thrown away), so a later parser reading the same bytes
is bounded by what was checked.  Usage, for the Excel importer as for the Word reader::

    from chitieu.lib.bounded import Deadline, LimitExceeded
    from chitieu.lib.safezip import ZipLimits, open_zip

    try:
        with open_zip(data, ZipLimits(max_total_bytes=200 << 20), deadline=Deadline(30)) as z:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except LimitExceeded as e:
        errors.append(f"{name}: {e}")      # e.code / e.params for a translated message

``open_zip`` accepts bytes, a path or a binary file object and returns the open ``ZipFile``.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from .bounded import Deadline, LimitExceeded

MiB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 5000
    max_member_bytes: int = 64 * MiB
    max_total_bytes: int = 128 * MiB
    # uncompressed/compressed, checked for entries over ratio_floor_bytes (small entries can be any
    # ratio: the size caps bound them). Office XML compresses 5-30:1; a bomb thousands to one.
    max_ratio: int = 250
    ratio_floor_bytes: int = 4 * MiB
    # None: scan XML only for a DTD, and leave nesting to the parser that reads the file later
    # (libxml2 refuses more than 256 levels unless told huge_tree); a number: check it here, which
    # costs an lxml pull parse of every XML entry
    max_xml_depth: int | None = 200
    # a parser's tree costs some hundred bytes an element: tags ('<' counted) bound the memory of
    # whatever parses the entry later, where the size caps alone would allow millions of tiny ones
    max_xml_tags: int = 4_000_000
    xml_suffixes: tuple[str, ...] = (".xml", ".rels", ".vml")
    seconds: float = 30.0  # used when no deadline is given


_CHUNK = 1 << 20
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")


def _refuse(code: str, message: str, **params) -> LimitExceeded:
    return LimitExceeded(code, message, **params)


def open_zip(
    source: bytes | str | os.PathLike | BinaryIO,
    limits: ZipLimits = ZipLimits(),
    *,
    deadline: Deadline | None = None,
    check_xml: bool = True,
) -> zipfile.ZipFile:
    """The archive, opened, once every entry has been checked against ``limits`` (see module doc)."""
    deadline = deadline or Deadline(limits.seconds)
    if isinstance(source, bytes | bytearray):
        fh: BinaryIO | str | os.PathLike = io.BytesIO(source)
    else:
        fh = source
    try:
        z = zipfile.ZipFile(fh)
    except zipfile.BadZipFile:
        raise _refuse("zip_not_zip", "not a zip file") from None
    except (OSError, ValueError, EOFError) as e:
        raise _refuse("zip_corrupt", "damaged archive ({error})", error=type(e).__name__) from None
    try:
        check_archive(z, limits, deadline=deadline, check_xml=check_xml)
    except BaseException:
        z.close()
        raise
    return z


def check_archive(
    z: zipfile.ZipFile, limits: ZipLimits, *, deadline: Deadline, check_xml: bool = True
) -> None:
    infos = z.infolist()
    if len(infos) > limits.max_entries:
        raise _refuse(
            "zip_entries",
            "the archive has {count} entries; the limit is {limit}",
            count=len(infos),
            limit=limits.max_entries,
        )
    declared = 0
    for info in infos:
        if info.file_size > limits.max_member_bytes:
            raise _member_too_large(info.filename, limits)
        declared += info.file_size
        if declared > limits.max_total_bytes:
            raise _total_too_large(limits)
    total = 0
    for info in infos:
        deadline.check(f"checking {info.filename}")
        if info.is_dir():
            continue
        is_xml = check_xml and info.filename.lower().endswith(limits.xml_suffixes)
        size = _stream_member(z, info, limits, deadline, is_xml)
        total += size
        if total > limits.max_total_bytes:
            raise _total_too_large(limits)
        if size > limits.ratio_floor_bytes and size > limits.max_ratio * max(info.compress_size, 1):
            raise _refuse(
                "zip_ratio",
                "{member} is compressed {ratio}:1, past the limit of {limit}:1 (a zip bomb?)",
                member=info.filename,
                ratio=size // max(info.compress_size, 1),
                limit=limits.max_ratio,
            )


def _member_too_large(name: str, limits: ZipLimits) -> LimitExceeded:
    return _refuse(
        "zip_member_too_large",
        "{member} unpacks to more than the limit of {limit_mb} MB",
        member=name,
        limit_mb=limits.max_member_bytes // MiB,
    )


def _total_too_large(limits: ZipLimits) -> LimitExceeded:
    return _refuse(
        "zip_too_large",
        "the archive unpacks to more than the limit of {limit_mb} MB",
        limit_mb=limits.max_total_bytes // MiB,
    )


class _DepthCheck:
    """Feeds XML to an lxml pull parser that resolves nothing, tracking the nesting depth (or, with
    no limit, only scans for a DTD)."""

    def __init__(self, name: str, limit: int | None, max_tags: int) -> None:
        from lxml import etree

        self.name = name
        self.limit = limit
        self.max_tags = max_tags
        self.tags = 0
        self.depth = 0
        self.tail = b""
        self.parser = (
            None
            if limit is None
            else etree.XMLPullParser(
                events=("start", "end"),
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
            )
        )
        self.error = etree.XMLSyntaxError

    def feed(self, chunk: bytes) -> None:
        window = self.tail + chunk
        if any(m in window for m in _DTD_MARKERS):
            raise _refuse(
                "xml_dtd",
                "{member} declares a DTD or entities, which Office files never do",
                member=self.name,
            )
        self.tail = chunk[-16:]
        self.tags += chunk.count(b"<")
        if self.tags > self.max_tags:
            raise _refuse(
                "xml_too_many_tags",
                "{member} holds more than the limit of {limit} XML tags",
                member=self.name,
                limit=self.max_tags,
            )
        if self.parser is None:
            return
        try:
            self.parser.feed(chunk)
        except self.error:
            self._events()  # libxml2 stops at its own depth limit: report ours if it was passed
            raise _refuse("xml_malformed", "{member} is not well-formed XML", member=self.name) from None
        self._events()

    def _events(self) -> None:
        for event, _el in self.parser.read_events():
            if event == "start":
                self.depth += 1
                if self.depth > self.limit:
                    raise _refuse(
                        "xml_too_deep",
                        "{member} nests XML elements deeper than the limit of {limit} levels",
                        member=self.name,
                        limit=self.limit,
                    )
            else:
                self.depth -= 1
                _el.clear()  # keep the pull parser's tree from growing

    def close(self) -> None:
        if self.parser is None:
            return
        try:
            self.parser.close()
            self._events()
        except self.error:
            raise _refuse("xml_malformed", "{member} is not well-formed XML", member=self.name) from None


def _stream_member(
    z: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ZipLimits, deadline: Deadline, is_xml: bool
) -> int:
    """Decompress one entry with a cap, returning its actual size."""
    name = info.filename
    cap = min(limits.max_member_bytes, max(info.file_size, 0))
    xml = _DepthCheck(name, limits.max_xml_depth, limits.max_xml_tags) if is_xml else None
    size = 0
    try:
        with z.open(info) as f:
            while True:
                chunk = f.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    if size > limits.max_member_bytes:
                        raise _member_too_large(name, limits)
                    raise _size_mismatch(name)
                if xml is not None:
                    xml.feed(chunk)
                deadline.check(f"unpacking {name}")
    except NotImplementedError:
        raise _refuse(
            "zip_unsupported",
            "{member} uses a compression method that cannot be read (method {method})",
            member=name,
            method=info.compress_type,
        ) from None
    except RuntimeError as e:
        if "encrypted" in str(e).lower() or "password" in str(e).lower():
            raise _refuse("zip_encrypted", "{member} is encrypted", member=name) from None
        raise _refuse("zip_corrupt", "damaged archive ({error})", error=type(e).__name__) from None
    except zipfile.BadZipFile as e:
        if "CRC" in str(e) or "Bad magic" in str(e) or "overlapped" in str(e).lower():
            # zipfile stops at the declared size: a forged size shows up as a CRC mismatch
            raise _refuse(
                "zip_size_mismatch",
                "{member} does not match its declared size or checksum (a damaged or forged archive)",
                member=name,
            ) from None
        raise _refuse("zip_corrupt", "damaged archive ({error})", error=str(e)[:80]) from None
    except (zlib.error, EOFError, OSError, ValueError) as e:
        raise _refuse("zip_corrupt", "damaged archive ({error})", error=type(e).__name__) from None
    if size != info.file_size:
        raise _size_mismatch(name)
    if xml is not None:
        xml.close()
    return size


def _size_mismatch(name: str) -> LimitExceeded:
    return _refuse(
        "zip_size_mismatch",
        "{member} does not match its declared size or checksum (a damaged or forged archive)",
        member=name,
    )


def read_member(z: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """One entry's bytes, reading at most ``limit`` bytes (for callers that skip :func:`open_zip`'s
    full check, e.g. to sniff ``[Content_Types].xml``)."""
    try:
        with z.open(name) as f:
            data = f.read(limit + 1)
    except NotImplementedError:
        raise _refuse(
            "zip_unsupported",
            "{member} uses a compression method that cannot be read (method {method})",
            member=name,
            method=z.getinfo(name).compress_type,
        ) from None
    if len(data) > limit:
        raise _refuse(
            "zip_member_too_large",
            "{member} unpacks to more than the limit of {limit_mb} MB",
            member=name,
            limit_mb=limit // MiB,
        )
    return data
