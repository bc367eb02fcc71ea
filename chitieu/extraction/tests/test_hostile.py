"""Hostile input (issue 11): text shapes that once hung extraction or made it quadratic.

A hang inside the regular-expression engine cannot be interrupted from Python, so the cases that
used to hang run in a child process with a time limit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from chitieu.extraction import extract
from chitieu.extraction.segment import sentences

TOC = (
    "MỤC LỤC\n"
    "Phần I. Kết quả thực hiện nhiệm vụ 6 tháng đầu năm"
    + "." * 50
    + "3\n"
    + "Phần II. Phương hướng, nhiệm vụ 6 tháng cuối năm"
    + "…" * 40
    + "12\n"
)


def _bounded(code: str, seconds: float) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter; fail the test if it takes longer than ``seconds``."""
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            timeout=seconds,
            check=True,
        )
    except subprocess.TimeoutExpired as e:  # pragma: no cover - the failure being tested for
        raise AssertionError(f"still running after {seconds} s: {code.strip()[:200]}") from e


def test_a_table_of_contents_with_dotted_leaders_does_not_hang_the_cli(tmp_path):
    path = tmp_path / "toc.txt"
    path.write_text(TOC, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "chitieu.extraction", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert '"figures": []' in out.stdout  # page numbers after leaders are not figures


def test_long_runs_of_sentence_marks_followed_by_a_letter_split_in_linear_time():
    # 5,000 dots: the old pattern needed time exponential in the run length (45 dots took 23 s)
    code = """
        from chitieu.extraction.segment import sentences
        for mark in (".", "…", "!", "?", ".!?…"):
            text = "Mục lục" + mark * (5000 // len(mark)) + "3 trang. Hết."
            sentences(text)
    """
    _bounded(code, 20)


def test_dotted_leaders_still_end_sentences_where_a_space_follows():
    text = "Thu ngân sách đạt 40 tỷ đồng..... Chi ngân sách đạt 30 tỷ đồng."
    assert [text[s.start : s.end].strip() for s in sentences(text)] == [
        "Thu ngân sách đạt 40 tỷ đồng.....",
        "Chi ngân sách đạt 30 tỷ đồng.",
    ]
    leaders = "Phần I. Kết quả" + "." * 8 + "3"
    assert len(sentences(leaders)) == 2  # `Phần I.` ends one; the leader run glued to `3` does not


# Time per KB of a 10x longer text over a short one's: 1 when linear, ~10 when quadratic.
LINEAR_BOUND = 5


def _seconds_per_kb(text: str, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        extract(text)
        best = min(best, time.perf_counter() - t)
    return best / (len(text.encode("utf-8")) / 1024)


def _no_full_stop(kb: int) -> str:
    """Text with many percentages and no full stop: one sentence of ``kb`` kilobytes."""
    parts = [
        "thu ngân sách tăng 12,5%",
        "chi thường xuyên đạt 80% kế hoạch",
        "vốn đầu tư giảm 3,1%",
        "giải ngân đạt 45%",
    ]
    out: list[str] = []
    size = 0
    i = 0
    while size < kb * 1024:
        p = parts[i % len(parts)]
        out.append(p)
        size += len(p.encode("utf-8")) + 2
        i += 1
    return "".join(p + ", " for p in out)  # no full stop, not even at the end


def test_extraction_time_grows_linearly_with_the_length_of_a_sentence():
    small = _seconds_per_kb(_no_full_stop(20))
    large = _seconds_per_kb(_no_full_stop(200), rounds=2)
    # Linear means a constant time per KB; quadratic makes the 10x larger text ~10x slower per KB. The
    # bound leaves room for a loaded machine (two test workers on two cores measured up to 4x once).
    assert large < small * LINEAR_BOUND, (small, large)


def test_extraction_time_grows_linearly_with_the_number_of_sentences():
    sentence = "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán, tăng 5% so với cùng kỳ. "
    small = _seconds_per_kb(sentence * 250)
    large = _seconds_per_kb(sentence * 2500, rounds=2)
    assert large < small * LINEAR_BOUND, (small, large)


def test_a_long_sentence_keeps_its_figures_and_bases():
    figs = extract(_no_full_stop(40))
    assert len(figs) > 1000
    bases = {c.basis for f in figs for c in f.comparisons}
    assert bases == {"plan", "same_period"}
