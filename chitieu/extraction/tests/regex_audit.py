"""Audit of the extraction package's regular expressions for catastrophic backtracking.

``patterns()`` collects every compiled pattern of ``chitieu.extraction``: module-level ones (also
inside lists, tuples, dicts and the package's own objects such as ``PhraseSet``), patterns built by
the lexicon helpers (``tol``, ``words``, ``exact_words``) from the package vocabulary, and the
patterns compiled on the fly while the package reads sample text (from ``re``'s own cache, when the
interpreter has one).  ``hostile_inputs(n)`` gives the classic pathological texts of length ``n``.

Run as a module, it times every pattern against every input and prints one JSON line per slow
pair, then ``done``; the test runs it in a child process with a time limit, because a pattern that
backtracks exponentially cannot be interrupted from Python.  Before each pattern it prints a
``pattern`` line, so a hang names its culprit.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from types import ModuleType

import chitieu.extraction as package

SAMPLE = (
    "Sáng 22/6, Ban Chấp hành Đảng bộ xã Hòa Bình tổ chức Hội nghị lần thứ 14, nhiệm kỳ 2025-2030. "
    "Đồng chí Nguyễn Văn An, Bí thư Đảng ủy xã chủ trì. 6 tháng đầu năm 2025, thu ngân sách ước đạt "
    "40,7 tỷ đồng, bằng 27,9% dự toán, tăng 5% so với cùng kỳ; tăng trưởng bình quân 8,5%/năm; có 8/9 "
    "thôn đạt chuẩn, 3 sản phẩm OCOP 4 sao; từ 70-75 triệu đồng/người/năm, gấp 1,5 lần năm 2020.\n"
    "Tin khác\n- Hội nghị lần thứ 13 (12/3/2025)\n"
)


def _modules() -> list[ModuleType]:
    out = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".tests" in info.name or info.name.endswith(".__main__"):
            continue
        out.append(importlib.import_module(info.name))
    return out


def _walk(obj: object, depth: int, seen: set[int]) -> Iterator[re.Pattern[str]]:
    if id(obj) in seen or depth > 4:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk(k, depth + 1, seen)
            yield from _walk(v, depth + 1, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            yield from _walk(v, depth + 1, seen)
    elif type(obj).__module__.startswith(package.__name__) and not isinstance(obj, type):
        for name in getattr(type(obj), "__slots__", ()):
            yield from _walk(getattr(obj, name, None), depth + 1, seen)
        for v in getattr(obj, "__dict__", {}).values():
            yield from _walk(v, depth + 1, seen)


def _helper_patterns() -> list[re.Pattern[str]]:
    from chitieu.extraction import lexicon as lx

    vocab = [*lx.HEDGES, *lx.HEDGE_GLUE, *lx.COMPARE_VERBS, *lx.RATE_CUES, *lx.MEASURE_HEADS]
    vocab += [*lx.COUNT_UNITS, *lx.ADMIN_UNITS, *lx.TIME_UNITS, *(k for k, _ in lx.BASIS_KEYWORDS)]
    out = [
        re.compile(lx.words(*vocab), re.IGNORECASE),
        re.compile(lx.exact_words(*vocab), re.IGNORECASE),
        re.compile("|".join(lx.tol(w) for w in vocab), re.IGNORECASE),
    ]
    out += [re.compile(lx.tol(w), re.IGNORECASE) for w in vocab if " " in w]
    return out


def _runtime_patterns() -> list[re.Pattern[str]]:
    """Patterns compiled inside functions while the package reads text (``re.sub(r"...", ...)``)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return []
    from chitieu.extraction import extract_meeting, scan

    before = set(cache)
    scan(SAMPLE)
    extract_meeting(SAMPLE)
    return [v for k, v in cache.items() if k not in before and isinstance(v, re.Pattern)]


_MATCH_METHODS = {"match", "fullmatch"}


def _match_only_names() -> set[str]:
    """Global names of patterns that the package only ever calls ``.match``/``.fullmatch`` on (read
    from the source).  Those are only matched at given offsets, never scanned; every other pattern
    (scanned, or used in a way this reading cannot follow) is also audited as a scan."""
    uses: dict[str, set[str]] = {}
    for mod in _modules():
        try:
            tree = ast.parse(inspect.getsource(mod))
        except (OSError, TypeError):
            continue
        receivers: set[int] = set()
        for node in ast.walk(tree):
            # `X.match(...)`, and `m = X.match` (a bound method kept for a loop), `ind.X.sub(...)`
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                target = node.value
                name = target.id if isinstance(target, ast.Name) else None
                if isinstance(target, ast.Attribute):
                    name = target.attr
                if name and name.isupper() or (name and name.startswith("_") and name[1:2].isupper()):
                    uses.setdefault(name, set()).add(node.attr)
                    receivers.add(id(target))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Name, ast.Attribute)) and id(node) not in receivers:
                name = node.id if isinstance(node, ast.Name) else node.attr
                if isinstance(getattr(node, "ctx", None), ast.Load):
                    uses.setdefault(name, set()).add("<other>")
    return {name for name, methods in uses.items() if methods and methods <= _MATCH_METHODS}


def patterns() -> list[tuple[re.Pattern[str], bool]]:
    """Every pattern of the package, with True when it is scanned (not only matched at offsets)."""
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    scanned: dict[tuple[str, int], bool] = {}
    match_only = _match_only_names()
    seen: set[int] = set()
    for mod in _modules():
        for name, value in vars(mod).items():
            if name.startswith("__") or isinstance(value, ModuleType):
                continue
            direct = isinstance(value, re.Pattern) and name in match_only
            for p in _walk(value, 0, seen if not isinstance(value, re.Pattern) else set()):
                if isinstance(p.pattern, str):
                    key = (p.pattern, p.flags)
                    found.setdefault(key, p)
                    scanned[key] = scanned.get(key, False) or not direct
    for p in _helper_patterns() + _runtime_patterns():
        key = (p.pattern, p.flags)
        found.setdefault(key, p)
        scanned[key] = True
    return [(p, scanned[k]) for k, p in found.items()]


_NEAR = (
    "tăng bình quân hằng năm 12,5 % so với cùng kỳ kế hoạch dự toán Nghị quyết năm 2025 giai đoạn "
    "2021 2025 tỷ đồng triệu nghìn xã phường thị trấn đạt trên hơn khoảng gần từ đến trở lên lần thứ số "
    "Đại hội Đảng bộ Ban Chấp hành Bí thư đồng chí Nguyễn Văn An "
)


def hostile_inputs(n: int) -> dict[str, str]:
    def rep(s: str) -> str:
        return (s * (n // len(s) + 1))[:n]

    runs = {
        "dots": ".",
        "spaces": " ",
        "digits": "7",
        "dashes": "-",
        "newlines": "\n",
        "diacritics": "ệ",
        "capital diacritics": "Ư",
        "letters": "a",
        "slashes": "/",
        "percents": "%",
        "ellipses": "…",
        "parentheses": "(",
    }
    alternating = {
        "letter space": "ă ",
        "digit dot": "1.",
        "digit comma": "1,",
        "digit space": "1 ",
        "digit slash": "1/",
        "dash space": "- ",
        "dot space": ". ",
        "comma space": ", ",
        "word comma": "xã, ",
        "digit group": "1.000 ",
        "number percent": "12,5% ",
        "year dash": "2025-",
        "word dash": "nông - lâm - ",
        "capital words": "Văn Ủy Ban ",
        "colon": "a: ",
    }
    out = {f"run of {k}": rep(v) for k, v in runs.items()}
    out.update({f"alternating {k}": rep(v) for k, v in alternating.items()})
    # near-matches: runs of real keywords, then a character that makes the match fail
    for tail in ("!", "x", "7", "."):
        out[f"keywords then {tail!r}"] = rep(_NEAR)[: n - 1] + tail
    out["dots then digit"] = "." * (n - 1) + "3"
    out["spaces then letter"] = " " * (n - 1) + "x"
    out["digits then letter"] = "1" * (n - 1) + "ă"
    out["diacritic words no space"] = rep("nghịquyếtđạt")
    return out


def time_pattern(p: re.Pattern[str], text: str, scanned: bool) -> float:
    """Seconds for the ways the package uses the pattern: a match at offsets spread over the text
    (every pattern), and a scan of the whole text (patterns used with search, finditer, sub...)."""
    t = time.perf_counter()
    for i in range(0, len(text), max(1, len(text) // 40)):
        p.match(text, i)
    if scanned:
        for _ in p.finditer(text):
            pass
    return time.perf_counter() - t


def _best(p: re.Pattern[str], text: str, scanned: bool, rounds: int) -> float:
    return min(time_pattern(p, text, scanned) for _ in range(rounds))


def audit(
    n: int = 2000,
    growth: float = 10.0,
    floor: float = 0.03,
    ceiling: float = 1.0,
    candidates: list[tuple[re.Pattern[str], bool]] | None = None,
) -> Iterator[dict]:
    """Slow (pattern, input) pairs among ``candidates`` (default: the package's patterns).

    Each pair is timed on inputs of length ``n``; a pair taking over a millisecond is timed again on
    ``4 n``, and one that grew more than ``growth`` times (linear work grows ~4x, quadratic ~16x) and
    took over ``floor`` seconds is timed once more on ``16 n`` to confirm the growth (a loaded machine
    makes single timings jump).  A pair is slow when its growth is confirmed, or when it takes over
    ``ceiling`` seconds at all."""
    sizes = {1: hostile_inputs(n), 4: hostile_inputs(4 * n)}
    for p, scanned in patterns() if candidates is None else candidates:
        print(json.dumps({"pattern": p.pattern[:120]}, ensure_ascii=False), flush=True)
        for name, text in sizes[1].items():
            t1 = time_pattern(p, text, scanned)
            if t1 < 0.001:
                continue
            t1 = min(t1, _best(p, text, scanned, 3))
            t4 = _best(p, sizes[4][name], scanned, 3)
            slow = t4 > ceiling
            if not slow and t4 > growth * t1 and t4 > floor:
                if 16 not in sizes:
                    sizes[16] = hostile_inputs(16 * n)
                t16 = _best(p, sizes[16][name], scanned, 2)
                slow = t16 > growth * t4 or t16 > 4 * ceiling
            else:
                t16 = None
            if slow:
                times = [round(t, 4) for t in (t1, t4, t16) if t is not None]
                yield {"slow": p.pattern[:300], "input": name, "seconds": times, "scanned": scanned}


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 2000
    for finding in audit(n):
        print(json.dumps(finding, ensure_ascii=False), flush=True)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
