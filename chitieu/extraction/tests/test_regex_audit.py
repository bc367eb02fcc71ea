"""Every regular expression of the extraction package against pathological input (issue 11)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from chitieu.extraction import segment, units
from chitieu.extraction.indicators import _LEADING

from . import regex_audit


def test_the_audit_collects_module_helper_and_object_patterns():
    found = {p.pattern: scanned for p, scanned in regex_audit.patterns()}
    assert len(found) > 300
    assert found[segment._SENT_END.pattern] is True  # used with finditer
    assert found[units._BASE_RE.pattern] is False  # only ever matched at an offset
    phrase_set = next(iter(_LEADING.by_fold.values()))[0]  # a pattern inside a PhraseSet object
    assert phrase_set.pattern in found


def test_the_audit_flags_a_pattern_that_backtracks_on_a_run_of_spaces():
    quadratic = re.compile(r"\s*,\s*x")  # scanned over spaces: each start re-reads the whole run
    linear = re.compile(r"(?<!\s)\s*,\s*x")
    findings = list(
        regex_audit.audit(n=1500, candidates=[(quadratic, True), (linear, True)], floor=0.005, ceiling=0.1)
    )
    assert {f["slow"] for f in findings} == {quadratic.pattern}
    assert {f["input"] for f in findings} & {"run of spaces", "spaces then letter", "run of newlines"}


def test_no_pattern_of_the_package_backtracks_on_pathological_input():
    # in a child process: a pattern that backtracks exponentially cannot be interrupted in-process
    try:
        out = subprocess.run(
            [sys.executable, "-m", "chitieu.extraction.tests.regex_audit"],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        ).stdout
    except subprocess.TimeoutExpired as e:
        lines = (e.stdout or b"").decode("utf-8", "replace").splitlines()
        raise AssertionError(f"the audit hung; last pattern: {lines[-1:]}") from e
    lines = out.splitlines()
    assert lines and lines[-1] == "done", out[-2000:]
    slow = [json.loads(ln) for ln in lines if ln.startswith('{"slow"')]
    assert slow == []
    assert sum(ln.startswith('{"pattern"') for ln in lines) > 300
