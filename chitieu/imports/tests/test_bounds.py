"""Bounded work for every upload (issue 11, item 5): a hostile .xlsx is refused before a spreadsheet
parser builds it, quickly, with a message naming the limit it broke, and nothing is written."""

import io
import resource
import time
import zipfile
from pathlib import Path

import pytest

from chitieu.imports.archive import Limits
from chitieu.imports.importer import import_workbook
from chitieu.imports.template import build_template

from .conftest import stored

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parent / "corpus"


def refusal(data, **kw) -> str:
    before = stored()
    started = time.monotonic()
    report = import_workbook(data, actor=None, allowed_results=None, allowed_targets=None, **kw)
    assert time.monotonic() - started < 10
    assert report.errors and not report.written
    assert stored() == before
    return " ".join(str(e) for e in report.errors)


def test_every_file_of_the_corpus_is_refused_with_a_reason(world, settings):
    settings.CHITIEU_IMPORT_MAX_UNPACKED_BYTES = 1024 * 1024
    settings.CHITIEU_IMPORT_MAX_ROWS = 10_000
    files = sorted(CORPUS.glob("*.xlsx"))
    assert len(files) >= 8
    for path in files:
        assert refusal(path.read_bytes()), path.name


def test_a_workbook_unpacking_past_the_limit_is_refused_by_its_declared_size(world, settings):
    settings.CHITIEU_IMPORT_MAX_UNPACKED_BYTES = 1024 * 1024
    message = refusal((CORPUS / "padding-bomb.xlsx").read_bytes())
    assert "unpacks to 2 MB, more than the limit of 1 MB" in message


def test_the_default_unpacked_limit_refuses_the_issues_bomb_at_once(world):
    """The issue's 1.4 MB file held 480 MB of sheet XML: refused from the zip's directory, in far less
    than a second and without the memory it once took (4.6 GB)."""
    assert Limits.from_settings().max_unpacked <= 100 * 1024 * 1024
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(120):
                sheet.write(chunk)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    message = refusal(buf.getvalue())
    assert time.monotonic() - started < 1
    assert "more than the limit of 100 MB" in message
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss < 200 * 1024  # KiB: < 200 MB


def test_deep_nesting_and_entity_declarations_are_refused_naming_the_rule(world):
    assert "deeper than 40 levels" in refusal((CORPUS / "deep-nesting.xlsx").read_bytes())
    assert "DOCTYPE" in refusal((CORPUS / "billion-laughs.xlsx").read_bytes())


def test_too_many_parts_rows_or_a_row_past_excels_last_are_refused(world, settings):
    assert "at most 500" in refusal((CORPUS / "many-parts.xlsx").read_bytes())
    settings.CHITIEU_IMPORT_MAX_ROWS = 10_000
    assert "more than 10,000 rows" in refusal((CORPUS / "many-rows.xlsx").read_bytes())
    assert "rows, the limit" in refusal((CORPUS / "far-row.xlsx").read_bytes())


def test_a_workbook_that_takes_longer_than_the_time_budget_is_refused_naming_it(world, settings):
    settings.CHITIEU_IMPORT_PARSE_SECONDS = 0.0
    message = refusal(build_template(world.district, "2023-H1"))
    assert "longer than 0 seconds, the limit for one import" in message


def test_a_damaged_archive_is_refused_not_crashed_on(world):
    assert "damaged" in refusal((CORPUS / "truncated.xlsx").read_bytes())
    assert "well-formed" in refusal((CORPUS / "broken-xml.xlsx").read_bytes())


def test_an_encrypted_or_oddly_compressed_entry_is_refused(world):
    data = bytearray(build_template(world.district, "2023-H1"))
    # flip the "encrypted" flag of every local header (zipfile raises NotImplementedError or RuntimeError)
    i = data.find(b"PK\x03\x04")
    while i != -1:
        data[i + 6] |= 0x01
        i = data.find(b"PK\x03\x04", i + 4)
    j = data.find(b"PK\x01\x02")
    while j != -1:
        data[j + 8] |= 0x01
        j = data.find(b"PK\x01\x02", j + 4)
    assert "damaged" in refusal(bytes(data))


def test_a_note_longer_than_the_form_allows_is_refused_by_the_import(seeded, clerk):
    from chitieu.imports.layout import RESULTS_SHEET

    from .conftest import edit, row_of

    data = build_template(seeded.district, "2023-H1")
    r = row_of(data, RESULTS_SHEET, "lua")
    report = import_workbook(
        edit(data, RESULTS_SHEET, {f"G{r}": 5, f"K{r}": "x" * 32_000}),
        actor=clerk,
        allowed_results=None,
        allowed_targets=None,
    )
    assert not report.written
    assert [(e.cell, "at most 2000" in e.message) for e in report.errors] == [(f"K{r}", True)]
