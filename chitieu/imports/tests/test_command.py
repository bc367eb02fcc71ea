from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chitieu.imports.layout import RESULTS_SHEET
from chitieu.imports.template import build_template
from chitieu.reporting.models import Result
from chitieu.testing import make_user

from .conftest import edit, row_of, stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(seeded, tmp_path):
    data = build_template(seeded.district, "2023-H1")
    path = tmp_path / "huyen-d.xlsx"
    path.write_bytes(edit(data, RESULTS_SHEET, {f"G{row_of(data, RESULTS_SHEET, 'lua')}": 30000}))
    return path


def call(*args):
    out, err = StringIO(), StringIO()
    call_command("import", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_a_workbook_and_prints_a_summary(filled, clerk):
    out, _err = call(filled)
    assert "1 created, 0 changed, 3 unchanged" in out
    assert Result.objects.get(indicator__code="lua", period="2023-H1").entered_by == clerk


def test_a_dry_run_reports_without_writing(filled, clerk):
    before = stored()
    out, _err = call(filled, "--dry-run")
    assert "nothing written" in out and "1 created" in out
    assert stored() == before


def test_errors_are_printed_one_per_line_and_the_command_exits_1_with_nothing_written(
    filled, clerk, tmp_path
):
    data = filled.read_bytes()
    bad = tmp_path / "bad.xlsx"
    r, t = row_of(data, RESULTS_SHEET, "thu-ns"), row_of(data, RESULTS_SHEET, "bhyt")
    bad.write_bytes(edit(data, RESULTS_SHEET, {f"G{r}": "N/A", f"E{t}": "phần nghìn"}))
    before = stored()
    err = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import", str(bad), stdout=StringIO(), stderr=err)
    assert exc.value.returncode == 1 and "nothing was written" in str(exc.value)
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 2
    assert any(line.startswith(f"Kết quả!G{r} (thu-ns): “N/A” is not a number.") for line in lines)
    assert stored() == before


def test_the_acting_user_must_be_named_when_there_is_not_exactly_one_superuser(filled, clerk):
    make_user("boss", superuser=True)
    with pytest.raises(CommandError, match="--as"):
        call(filled)
    with pytest.raises(CommandError, match="nobody"):
        call(filled, "--as", "nobody")
    out, _err = call(filled, "--as", "boss")
    assert "1 created" in out


def test_a_user_without_a_role_on_the_unit_may_not_import_it(filled, clerk):
    make_user("reporter")
    with pytest.raises(CommandError):
        call(filled, "--as", "reporter")
    assert not Result.objects.filter(indicator__code="lua", period="2023-H1").exists()


def test_a_long_import_shows_a_progress_bar_on_stderr(filled, clerk, monkeypatch):
    import importlib

    command = importlib.import_module("chitieu.imports.management.commands.import")
    monkeypatch.setattr(command, "BAR_MIN_ROWS", 2)  # rather than a workbook of hundreds of rows
    _out, err = call(filled)
    assert "[" + "#" * command.BAR_WIDTH + "] 4/4" in err
    assert "0/4" in err
