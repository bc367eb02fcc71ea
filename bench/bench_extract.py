"""Throughput of chitieu.extraction on one core.

    .venv/bin/python bench/bench_extract.py [--repeat 40] [--mb 6] [--seed 2024]

Measures (a) the five dev documents repeated, (b) a generated corpus of report-like documents
(deterministic for a seed, built from sentence templates of the genre; about 60 % of its sentences
carry figures, denser than the dev documents) and (b2) a generated corpus, half the size of (b), of the
shapes of 2025-2030 reports (congress targets, average growth and sector rates, ranges, multipliers,
ratings and ranks, named bases, new wards), and prints KB/s and
documents/s for each, plus the ratio to a baseline measured in the same run on the same text: a
plain regex scan for digit groups, the floor of what any extractor must pay.

Then (c) reading files (see ``files_report`` below, its own section): .docx indicator tables read
into figures per second, and scanned pages read by OCR (Tesseract) per second, on one core.
``--no-files`` skips it; ``--tables N`` and ``--pages N`` size it.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chitieu.extraction import extract  # noqa: E402

DEV_DOCS = ROOT / "../shared/extraction/dev/docs"
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")

UNITS = ["xã", "phường", "huyện", "thị xã"]
NAMES = ["Tân Phước", "Hòa Bình", "Vĩnh Hưng", "Đức Thọ", "Kim Sơn", "Lăng Can", "Phú Lộc", "Krông Pắc"]
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường", "Phạm Thu Hà", "Đặng Quốc Hùng"]
TITLES = ["Tỉnh ủy viên, Bí thư Huyện ủy", "Phó Bí thư Thường trực Huyện ủy", "Phó Chủ tịch UBND tỉnh"]
PERIODS = ["6 tháng đầu năm", "quý I", "9 tháng đầu năm", "năm"]
BASES = ["kế hoạch", "dự toán tỉnh giao", "Nghị quyết", "dự toán HĐND huyện giao", "chỉ tiêu Nghị quyết"]
ITEMS = [
    "thu ngân sách nhà nước trên địa bàn",
    "chi ngân sách địa phương",
    "tổng vốn đầu tư toàn xã hội",
    "giá trị sản xuất công nghiệp",
    "doanh thu du lịch",
    "kim ngạch xuất khẩu",
]
CROPS = ["lúa Đông Xuân", "lúa Hè Thu", "ngô", "sắn", "cây ăn quả"]


def vn(x: float, decimals: int = 1) -> str:
    """A number written the Vietnamese way (1.234,5)."""
    whole, _, frac = f"{x:.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + ("," + frac.rstrip("0") if frac.rstrip("0") else "")


PROSE = [
    "Công tác xây dựng Đảng, xây dựng hệ thống chính trị được chú trọng, an ninh chính trị, trật tự an toàn xã hội "
    "được giữ vững.",
    "Các lĩnh vực văn hóa - xã hội có nhiều chuyển biến tích cực, đời sống vật chất và tinh thần của Nhân dân tiếp "
    "tục được nâng lên.",
    "Tại hội nghị, các đại biểu đã tập trung thảo luận, làm rõ những kết quả đạt được, đồng thời chỉ ra những tồn tại, "
    "hạn chế và nguyên nhân.",
    "Phát biểu kết luận hội nghị, đồng chí Bí thư Huyện ủy yêu cầu các cấp ủy, chính quyền tập trung lãnh đạo, chỉ "
    "đạo thực hiện quyết liệt các giải pháp để hoàn thành thắng lợi các chỉ tiêu Nghị quyết đề ra.",
    "Công tác cải cách hành chính, chuyển đổi số được đẩy mạnh; công tác quốc phòng, quân sự địa phương được quan tâm.",
    "Tuy nhiên, công tác giải phóng mặt bằng một số dự án còn chậm; sản xuất nông nghiệp còn gặp nhiều khó khăn do "
    "thời tiết diễn biến phức tạp.",
]


def sentence(r: random.Random) -> str:
    if r.random() < 0.4:
        return r.choice(PROSE)
    kind = r.randrange(10)
    if kind == 0:
        return (
            f"Tổng {r.choice(ITEMS)} ước đạt {vn(r.uniform(20, 9000))} tỷ đồng, đạt {vn(r.uniform(30, 130))}% "
            f"{r.choice(BASES)}, tăng {vn(r.uniform(0.1, 25))}% so với cùng kỳ."
        )
    if kind == 1:
        return (
            f"Diện tích {r.choice(CROPS)} gieo trồng được {vn(r.uniform(500, 20000), 0)} ha, năng suất bình quân "
            f"{vn(r.uniform(40, 70))} tạ/ha, sản lượng ước đạt {vn(r.uniform(2000, 150000), 0)} tấn."
        )
    if kind == 2:
        n = r.randrange(5, 30)
        return f"Đến nay toàn huyện có {r.randrange(1, n)}/{n} xã đạt chuẩn nông thôn mới, {r.randrange(1, 6)} xã đạt chuẩn nông thôn mới nâng cao."
    if kind == 3:
        return (
            f"Tỷ lệ hộ nghèo giảm còn {vn(r.uniform(0.5, 9), 2)}%; tỷ lệ tham gia bảo hiểm y tế đạt "
            f"{vn(r.uniform(85, 99.9), 2)}%, đạt {vn(r.uniform(95, 103), 2)}% so với Nghị quyết."
        )
    if kind == 4:
        return (
            f"Công tác phát triển đảng viên được quan tâm, kết nạp {r.randrange(20, 400)} đảng viên mới, "
            f"đạt {vn(r.uniform(50, 120))}% kế hoạch."
        )
    if kind == 5:
        return (
            f"Trong {r.choice(PERIODS)}, ngành du lịch đón khoảng {vn(r.uniform(0.1, 3), 2)} triệu lượt khách, "
            f"doanh thu đạt trên {vn(r.uniform(50, 3000))} tỷ đồng."
        )
    if kind == 6:
        return (
            f"Tổng giá trị sản xuất đạt {vn(r.uniform(1000, 40000), 0)} tỷ đồng. Trong đó: nông - lâm - thủy sản "
            f"{vn(r.uniform(100, 3000), 0)} tỷ đồng, tăng {vn(r.uniform(0.1, 9))}%; công nghiệp - xây dựng "
            f"{vn(r.uniform(1000, 30000), 0)} tỷ đồng, tăng {vn(r.uniform(1, 20))}%; dịch vụ "
            f"{vn(r.uniform(500, 5000), 0)} tỷ đồng, tăng {vn(r.uniform(1, 15))}% so với cùng kỳ."
        )
    if kind == 7:
        return (
            f"Thực hiện Kết luận số {r.randrange(1, 99):02d}-KL/TW và Nghị quyết số {r.randrange(1, 60)} của "
            f"Ban Chấp hành Trung ương (khóa XIII), ngày {r.randrange(1, 28)}/{r.randrange(1, 12)}/2024."
        )
    if kind == 8:
        return (
            f"Tổng đàn trâu {vn(r.uniform(1000, 20000), 0)} con, bò {vn(r.uniform(1000, 30000), 0)} con, "
            f"đàn gia cầm trên {vn(r.uniform(0.1, 2), 1)} triệu con."
        )
    return (
        "Công tác xây dựng Đảng, xây dựng hệ thống chính trị được chú trọng, an ninh chính trị, trật tự an "
        "toàn xã hội được giữ vững."
    )


SECTORS = ["nông, lâm nghiệp và thủy sản", "công nghiệp - xây dựng", "thương mại - dịch vụ", "du lịch"]


def recent_sentence(r: random.Random) -> str:
    """A sentence of the shapes issue 15 names (reports of 2025-2026): congress targets for 2030,
    average growth and the sector rates after it, ranges, multipliers, ratings and ranks, named bases,
    new communes and wards."""
    if r.random() < 0.4:
        return r.choice(PROSE)
    kind = r.randrange(10)
    if kind == 0:
        return (
            f"Giai đoạn 2020-2025, tổng giá trị sản xuất tăng bình quân {vn(r.uniform(5, 12))}%/năm; trong đó "
            + ", ".join(f"{s} tăng {vn(r.uniform(1, 15))}%/năm" for s in r.sample(SECTORS, 3))
            + "."
        )
    if kind == 1:
        lo = r.randrange(6, 10)
        return (
            f"Phấn đấu đến năm 2030, tốc độ tăng trưởng kinh tế bình quân đạt {lo}-{lo + 1}%/năm; thu nhập bình "
            f"quân đầu người đạt {r.randrange(80, 120)}-{r.randrange(121, 160)} triệu đồng; tỷ lệ hộ nghèo "
            f"giảm bình quân {vn(r.uniform(0.5, 2))}%/năm."
        )
    if kind == 2:
        return (
            f"Năm 2025, thu ngân sách trên địa bàn đạt {vn(r.uniform(20, 900))} tỷ đồng, gấp {vn(r.uniform(1.2, 3))} "
            f"lần so với năm 2020; kim ngạch xuất khẩu tăng {vn(r.uniform(1.1, 2.5))} lần."
        )
    if kind == 3:
        return (
            f"Toàn xã có {r.randrange(5, 40)} sản phẩm OCOP, trong đó {r.randrange(1, 5)} sản phẩm đạt 4 sao; "
            f"Chỉ số PCI đạt {vn(r.uniform(60, 75), 2)} điểm, xếp thứ {r.randrange(1, 34)}/34 tỉnh, thành phố."
        )
    if kind == 4:
        return (
            f"Tổng thu ngân sách nhà nước ước đạt {vn(r.uniform(1000, 30000), 0)} tỷ đồng, bằng "
            f"{vn(r.uniform(90, 130))}% dự toán Trung ương giao, bằng {vn(r.uniform(95, 110))}% so với kịch "
            f"bản điều hành; dư nợ tín dụng tăng {vn(r.uniform(5, 15))}% so với đầu năm."
        )
    if kind == 5:
        plan = r.uniform(200, 2000)
        return (
            f"Kế hoạch vốn đầu tư công năm 2025 được giao là {vn(plan, 0)} tỷ đồng. Đến ngày 30/11, đã giải ngân "
            f"{vn(plan * r.uniform(0.4, 0.9), 0)} tỷ đồng, đạt {vn(r.uniform(40, 90))}%."
        )
    if kind == 6:
        return (
            f"Từ ngày 1/7/2025, phường {r.choice(NAMES)} (mới) được thành lập trên cơ sở sắp xếp "
            f"{r.randrange(2, 5)} phường cũ, có {r.randrange(10, 40)} tổ dân phố với {vn(r.uniform(4000, 20000), 0)} "
            f"hộ, diện tích tự nhiên {vn(r.uniform(5, 90))} km2."
        )
    if kind == 7:
        return (
            f"Tốc độ tăng trưởng kinh tế (GRDP) ước đạt {vn(r.uniform(6, 10), 2)}% so với cùng kỳ, đứng thứ "
            f"{r.randrange(1, 34)}/34 tỉnh, thành phố; chỉ số sản xuất công nghiệp ước đạt "
            f"{vn(r.uniform(5, 15))}% so cùng kỳ."
        )
    if kind == 8:
        a, b, c = (r.randrange(10, 30) for _ in range(3))
        return (
            f"Các xã Tân Lập, Tân Hòa và Tân Phú lần lượt có {a}, {b} và {c} thôn, tổng số {a + b + c} thôn."
        )
    return (
        f"Đại hội bầu {r.randrange(25, 45)} đồng chí vào Ban Chấp hành Đảng bộ xã khóa I, nhiệm kỳ 2025-2030; "
        f"Đảng bộ có {r.randrange(20, 60)} chi bộ với {vn(r.uniform(800, 3000), 0)} đảng viên."
    )


def recent_document(r: random.Random) -> str:
    unit = f"xã {r.choice(NAMES)}"
    head = (
        f"{r.randrange(1, 28):02d}/{r.randrange(1, 12):02d}/2025 - 09:{r.randrange(10, 59)}\n"
        f"Đại hội đại biểu Đảng bộ {unit} lần thứ I, nhiệm kỳ 2025 - 2030\n"
        f"Ngày {r.randrange(1, 28)}/{r.randrange(7, 12)}, Đảng bộ {unit} tổ chức Đại hội đại biểu lần thứ I. "
        f"Đồng chí {r.choice(PEOPLE)}, {r.choice(TITLES)} dự và chỉ đạo.\n"
    )
    paragraphs = [
        " ".join(recent_sentence(r) for _ in range(r.randrange(3, 8))) for _ in range(r.randrange(3, 7))
    ]
    return head + "\n".join(paragraphs) + "\nTin khác\n- Đại hội Đảng bộ phường lần thứ I (12/8/2025)\n"


def document(r: random.Random) -> str:
    unit = f"{r.choice(UNITS)} {r.choice(NAMES)}"
    head = (
        f"{r.randrange(1, 28):02d}/{r.randrange(1, 12):02d}/2024 - 10:{r.randrange(10, 59)}\n"
        f"Hội nghị Ban Chấp hành Đảng bộ {unit} lần thứ {r.randrange(5, 30)}\n"
        f"Sáng {r.randrange(1, 28)}/{r.randrange(1, 12)}, Ban Chấp hành Đảng bộ {unit} tổ chức Hội nghị lần thứ "
        f"{r.randrange(5, 30)}, nhiệm kỳ 2020-2025. Đồng chí {r.choice(PEOPLE)}, {r.choice(TITLES)} chủ trì.\n"
    )
    paragraphs = [" ".join(sentence(r) for _ in range(r.randrange(3, 8))) for _ in range(r.randrange(3, 7))]
    return head + "\n".join(paragraphs) + "\nTin khác\n- Kết quả Hội nghị lần thứ 17 (12/3/2024)\n"


def corpus(mb: float, seed: int, make: Callable[[random.Random], str] = document) -> list[str]:
    r = random.Random(seed)
    docs: list[str] = []
    size = 0
    while size < mb * 1024 * 1024:
        d = make(r)
        docs.append(d)
        size += len(d.encode("utf-8"))
    return docs


def timed(fn: Callable[[str], object], docs: list[str], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - t)
    return best


def report(name: str, docs: list[str]) -> None:
    kb = sum(len(d.encode("utf-8")) for d in docs) / 1024
    baseline = timed(_DIGITS.findall, docs, rounds=5)
    extract_time = timed(extract, docs, rounds=1 if kb > 2048 else 3)
    print(f"{name}: {len(docs)} documents, {kb / 1024:.2f} MB")
    print(f"  extract : {kb / extract_time:10.0f} KB/s  {len(docs) / extract_time:10.0f} documents/s")
    print(f"  baseline: {kb / baseline:10.0f} KB/s  (regex scan for digit groups)")
    print(f"  extract is {extract_time / baseline:.1f}x the baseline's time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, default=40, help="times to repeat the dev documents (default 40)"
    )
    parser.add_argument(
        "--mb", type=float, default=6.0, help="size of the generated corpus in MB (default 6)"
    )
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generated corpus (default 2024)")
    parser.add_argument("--no-files", action="store_true", help="skip (c), the .docx tables and OCR pages")
    parser.add_argument("--tables", type=int, default=40, help=".docx files (one table each) for (c)")
    parser.add_argument("--pages", type=int, default=4, help="scanned pages for (c)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass
    dev = [p.read_text(encoding="utf-8") for p in sorted(DEV_DOCS.glob("*.txt"))]
    if dev:
        report(f"(a) dev documents x{args.repeat}", dev * args.repeat)
    else:
        print(f"(a) skipped: no dev documents in {DEV_DOCS}")
    report(f"(b) generated corpus (seed {args.seed})", corpus(args.mb, args.seed))
    report(
        f"(b2) generated corpus of 2025-2030 report shapes (seed {args.seed})",
        corpus(args.mb / 2, args.seed, recent_document),
    )
    if not args.no_files:
        files_report(args.tables, args.pages)
    return 0


# ===============================================================================================
# (c) Reading files: .docx tables and OCR pages.  (Owned by the file-reading side; the sections
# above are the prose extractor's.)
# ===============================================================================================
def files_report(n_tables: int, n_pages: int) -> None:
    """Tables per second: .docx appendices (one 13-row indicator table with a merged two-row header,
    plus two paragraphs) read and turned into figures.  Pages per second: a dev document rendered
    as a scanned PDF (300 dpi, turned 1.2 degrees, speckled, JPEG) read by OCR and extracted."""
    import tempfile

    from chitieu.extraction.document import document_figures
    from chitieu.extraction.ocr import missing_packages
    from chitieu.extraction.reader import read_bytes
    from chitieu.extraction.tests import docx_tables
    from chitieu.extraction.tests.scans import scanned_pdf

    with tempfile.TemporaryDirectory() as tmp:
        data = docx_tables.appendix(Path(tmp) / "bieu.docx").read_bytes()
    figures = 0
    t = time.perf_counter()
    for _ in range(n_tables):
        found, _w = document_figures(read_bytes(data, "bieu.docx"))
        figures += sum(1 for f in found if f.cell is not None)
    seconds = time.perf_counter() - t
    print(f"(c) files: {n_tables} .docx appendices, {figures // max(n_tables, 1)} table figures each")
    print(f"  docx tables: {n_tables / seconds:8.1f} tables/s  ({seconds / n_tables * 1000:.0f} ms a file)")
    missing = missing_packages()
    if missing:
        print(f"  OCR skipped: install {missing}")
        return
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV_DOCS.glob("*.txt"))] or [
        "Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao. " * 40
    ]
    import resource

    def cpu() -> float:  # this process and its children (Tesseract), user + system
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    pages = 0
    seconds = cpu_seconds = 0.0
    confidences = []
    i = 0
    while pages < n_pages:
        pdf = scanned_pdf(texts[i % len(texts)], angle=1.2, seed=i)
        t, c = time.perf_counter(), cpu()
        reading = read_bytes(pdf, "scan.pdf")
        document_figures(reading)
        seconds += time.perf_counter() - t
        cpu_seconds += cpu() - c
        pages += len(reading.pages)
        confidences.append(reading.confidence or 0)
        i += 1
    print(
        f"  OCR pages  : {pages / seconds:8.2f} pages/s  ({seconds / pages:.1f} s a page wall, "
        f"{cpu_seconds / pages:.1f} s CPU; {pages} pages, mean confidence "
        f"{sum(confidences) / len(confidences):.1f}%)"
    )


if __name__ == "__main__":
    sys.exit(main())
