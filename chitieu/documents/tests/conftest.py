"""Shared fixtures: sample contexts rendered once per test session, and a Vietnamese number reader."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from chitieu.documents import render_notice_docx, render_report_docx, samples
from chitieu.lib.vnnum import parse_number

# A Vietnamese number: 31.167 / 905,653 / 1.234.567,8 / 8 (the dot of "kỳ." is not a decimal point).
VN_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?|(?<![\d.,])\d+(?:,\d+)?")


def vn_numbers(text: str) -> list[Decimal]:
    """Every number written the Vietnamese way in ``text``, in order."""
    return [parse_number(m.group()) for m in VN_NUMBER.finditer(text)]


@pytest.fixture(scope="session")
def party_ctx():
    return samples.party_report()


@pytest.fixture(scope="session")
def state_ctx():
    return samples.state_report()


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """The sample documents rendered once: party / state / state-draft reports and the party notice."""
    out = tmp_path_factory.mktemp("documents")
    return {
        "party": render_report_docx(samples.party_report(), out / "party.docx"),
        "state": render_report_docx(samples.state_report(), out / "state.docx"),
        "state-draft": render_report_docx(
            samples.state_report(draft=True, sequence=None), out / "draft.docx"
        ),
        "party-draft": render_report_docx(
            samples.party_report(draft=True, sequence=None), out / "pdraft.docx"
        ),
        "notice": render_notice_docx(samples.party_notice(), out / "notice.docx"),
    }


@pytest.fixture(scope="session")
def party_doc(rendered):
    return docx.Document(str(rendered["party"]))


@pytest.fixture(scope="session")
def state_doc(rendered):
    return docx.Document(str(rendered["state"]))
