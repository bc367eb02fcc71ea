"""The extractor on the five dev documents, scored by the shared scorer (which must be present)."""

import importlib.util
import json

from chitieu.extraction.cli import main
from chitieu.testing import require_shared


def load_scorer():
    path = require_shared("extraction", "score.py")
    spec = importlib.util.spec_from_file_location("chitieu_dev_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_meets_the_dev_set_targets(tmp_path, capsys):
    score = load_scorer()
    shared = require_shared("extraction", "dev")
    docs = sorted((shared / "docs").glob("*.txt"))
    assert len(docs) == 5
    assert main([*map(str, docs), "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert score.main([str(shared / "gold"), str(tmp_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["numbers"]["f1"] >= 0.97, result
    assert result["strict"]["f1"] >= 0.95, result
    assert result["indicator_accuracy"] >= 0.90, result
