import json

from chitieu.extraction.cli import main

from .helpers import make_scanned_pdf

TEXT = "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao."


def test_it_prints_json_for_one_file(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert main([str(p)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["document"] == "a.txt"
    assert doc["figures"] == [
        {
            "indicator": "thu ngân sách",
            "value": 40.7,
            "unit": "tỷ đồng",
            "denominator": None,
            "qualifiers": [],
            "comparisons": [{"basis": "estimate", "kind": "of", "percent": 27.9, "qualifiers": []}],
        }
    ]
    assert set(doc) == {"document", "figures", "meeting", "checks", "reading"}
    assert doc["reading"] == {
        "source": "text",
        "encoding": "utf-8",
        "ocr_confidence": None,
        "tables": [],
        "notes": [],
    }


def test_it_prints_a_table(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert main([str(p), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "thu ngân sách" in out and "estimate of 27.9%" in out


def test_it_writes_one_json_file_per_input_and_reports_bad_files(tmp_path, capsys):
    good = tmp_path / "x.txt"
    good.write_text(TEXT, encoding="utf-8")
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_scanned_pdf())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert main(["extract", str(empty), str(scanned), str(good), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"chitieu extract: {empty}: empty file",
        f"chitieu extract: {scanned}: OCR found no text in the scan",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["x.json"]
    doc = json.loads((out / "x.json").read_text(encoding="utf-8"))
    assert doc["document"] == "x.txt" and len(doc["figures"]) == 1


def test_it_reports_malformed_numbers_among_the_checks(tmp_path, capsys):
    p = tmp_path / "m.txt"
    p.write_text("Số liệu 1.2.3,4 tỷ đồng cần kiểm tra.", encoding="utf-8")
    assert main([str(p)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["figures"] == []
    assert [c["code"] for c in doc["checks"]] == ["malformed_number"]


def test_it_has_a_real_help(capsys):
    try:
        main(["--help"])
    except SystemExit as e:
        assert e.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: chitieu extract") and "--out DIR" in out and "--format" in out
