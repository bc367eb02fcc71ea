"""Render the sample documents with LibreOffice and keep PNGs of them under artifacts/.

Needs the Debian packages libreoffice-writer-nogui (soffice), poppler-utils (pdftoppm, pdftotext) and
fonts-liberation (metric-compatible with Times New Roman); bin/test installs them. Never skipped.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from chitieu.documents import render_notice_docx, render_report_docx, samples

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts"
TIMEOUT = 120


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        f"{' / '.join(names)} not found: run bin/test, which installs LibreOffice and poppler-utils "
        "(apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation)"
    )


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, f"{args[0]} failed: {done.stderr or done.stdout}"
    return done


def test_libreoffice_renders_the_reports_and_the_notice_as_office_documents(tmp_path):
    soffice = _tool("soffice", "libreoffice")
    pdftoppm = _tool("pdftoppm")
    pdftotext = _tool("pdftotext")
    docs = {
        "report-party": render_report_docx(samples.party_report(), tmp_path / "report-party.docx"),
        "report-state": render_report_docx(
            samples.state_report(draft=True, sequence=None), tmp_path / "report-state.docx"
        ),
        "notice-party": render_notice_docx(samples.party_notice(), tmp_path / "notice-party.docx"),
    }
    profile = (tmp_path / "lo-profile").as_uri()
    _run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
        ]
        + [str(p) for p in docs.values()]
    )
    ARTIFACTS.mkdir(exist_ok=True)
    for name in docs:
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice wrote no {pdf.name}"
        # Page 1 as artifacts/<name>.png, every page as artifacts/<name>-page-N.png.
        _run(
            [
                pdftoppm,
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(ARTIFACTS / name),
            ]
        )
        for old in ARTIFACTS.glob(f"{name}-page-*.png"):
            old.unlink()
        _run([pdftoppm, "-png", "-r", "60", str(pdf), str(ARTIFACTS / f"{name}-page")])
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000

    first = _run([pdftotext, "-layout", "-f", "1", "-l", "1", str(tmp_path / "report-party.pdf"), "-"]).stdout
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "Số 123-BC/TU" in first and "BÁO CÁO" in first
    # The two header blocks sit side by side: the superior body and the Party title share a line.
    assert any(
        "ĐẢNG BỘ TỈNH HẢI DƯƠNG" in line and "ĐẢNG CỘNG SẢN VIỆT NAM" in line for line in first.splitlines()
    )
    everything = _run([pdftotext, str(tmp_path / "report-party.pdf"), "-"]).stdout
    assert "PHỤ LỤC" in everything and "Sái Thị Yến" in everything
    state = _run([pdftotext, "-layout", "-f", "1", "-l", "1", str(tmp_path / "report-state.pdf"), "-"]).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state and "DỰ THẢO" in state
