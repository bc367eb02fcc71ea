"""The regular expressions outside extraction, audited for catastrophic backtracking (issue 11):
each is anchored (fullmatch) and has no nested or adjacent repetition over the same characters, so
adversarial input is answered in linear time. These inputs would take seconds to minutes against a
backtracking-prone pattern; here each must be refused within a fraction of a second."""

import time

import pytest

from chitieu.lib.periods import PeriodError, parse_any, parse_period, parse_period_vi
from chitieu.lib.vnnum import NumberParseError, parse_number

HOSTILE = [
    "1" * 50_000 + "x",
    "1." * 20_000 + "x",
    "1 " * 20_000 + "x",
    "1,000" * 10_000 + ",",
    "2023" + " " * 50_000 + "x",
    "tháng " + " " * 50_000 + "6/2023x",
    "6 tháng " * 5_000 + "x",
    "nhiệm kỳ 2020" + " " * 30_000 + "-" + " " * 30_000 + "x",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: f"{t[:12]!r}…{len(t)}")
def test_hostile_text_is_refused_in_linear_time(text):
    for parse in (parse_number, parse_period, parse_period_vi, parse_any):
        started = time.perf_counter()
        with pytest.raises((NumberParseError, PeriodError, ValueError)):
            parse(text)
        assert time.perf_counter() - started < 0.5, parse.__name__
