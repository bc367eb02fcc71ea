"""The five seed reviews (../shared/seeds/) as demo data: units, terms, resolutions and the figures
each article reports, with the sentence each figure comes from.

Unit dates: district-level units ceased on 1 July 2025 (DOMAIN.md §3). Founding dates of the demo
units are not in the articles; where they are not known they are given as 1 January 2010 and the
unit's note says so.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

MERGER_DAY = dt.date(2025, 7, 1)
ASSUMED = dt.date(2010, 1, 1)
ASSUMED_NOTE = "Ngày thành lập trong dữ liệu mẫu là giả định (1/1/2010)."

# code, name, kind, parent, valid_from, valid_to, party committee, issuer abbreviation, note
UNITS = [
    (
        "long-an",
        "Long An",
        "province",
        None,
        dt.date(1976, 2, 20),
        MERGER_DAY,
        "Tỉnh ủy Long An",
        "TU",
        "Hợp nhất vào tỉnh Tây Ninh từ 1/7/2025.",
    ),
    (
        "hai-duong",
        "Hải Dương",
        "province",
        None,
        dt.date(1997, 1, 1),
        MERGER_DAY,
        "Tỉnh ủy Hải Dương",
        "TU",
        "Hợp nhất vào thành phố Hải Phòng từ 1/7/2025.",
    ),
    ("lang-son", "Lạng Sơn", "province", None, dt.date(1976, 2, 20), None, "Tỉnh ủy Lạng Sơn", "TU", ""),
    (
        "tuyen-quang-cu",
        "Tuyên Quang (trước 1/7/2025)",
        "province",
        None,
        dt.date(1991, 10, 1),
        MERGER_DAY,
        "Tỉnh ủy Tuyên Quang",
        "TU",
        "Hợp nhất với tỉnh Hà Giang thành tỉnh Tuyên Quang từ 1/7/2025.",
    ),
    (
        "kien-tuong",
        "Thị xã Kiến Tường",
        "town",
        "long-an",
        ASSUMED,
        MERGER_DAY,
        "Thị ủy Kiến Tường",
        "TU",
        ASSUMED_NOTE,
    ),
    (
        "vinh-hung",
        "Huyện Vĩnh Hưng",
        "district",
        "long-an",
        ASSUMED,
        MERGER_DAY,
        "Huyện ủy Vĩnh Hưng",
        "HU",
        ASSUMED_NOTE,
    ),
    (
        "kinh-mon",
        "Thị xã Kinh Môn",
        "town",
        "hai-duong",
        dt.date(2019, 12, 1),
        MERGER_DAY,
        "Thị ủy Kinh Môn",
        "TU",
        "",
    ),
    (
        "huu-lung",
        "Huyện Hữu Lũng",
        "district",
        "lang-son",
        ASSUMED,
        MERGER_DAY,
        "Huyện ủy Hữu Lũng",
        "HU",
        ASSUMED_NOTE,
    ),
    (
        "lam-binh",
        "Huyện Lâm Bình",
        "district",
        "tuyen-quang-cu",
        dt.date(2011, 4, 1),
        MERGER_DAY,
        "Huyện ủy Lâm Bình",
        "HU",
        "",
    ),
    (
        "lang-can",
        "Thị trấn Lăng Can",
        "township",
        "lam-binh",
        ASSUMED,
        MERGER_DAY,
        "Đảng ủy thị trấn Lăng Can",
        "ĐU",
        ASSUMED_NOTE,
    ),
]
# The nine communes and the township of Vĩnh Hưng district (Long An), for the "8/9 xã" roll-up.
VINH_HUNG_COMMUNES = [
    ("vh-hung-dien-a", "Xã Hưng Điền A", "commune"),
    ("vh-khanh-hung", "Xã Khánh Hưng", "commune"),
    ("vh-thai-binh-trung", "Xã Thái Bình Trung", "commune"),
    ("vh-thai-tri", "Xã Thái Trị", "commune"),
    ("vh-tuyen-binh", "Xã Tuyên Bình", "commune"),
    ("vh-tuyen-binh-tay", "Xã Tuyên Bình Tây", "commune"),
    ("vh-vinh-binh", "Xã Vĩnh Bình", "commune"),
    ("vh-vinh-thuan", "Xã Vĩnh Thuận", "commune"),
    ("vh-vinh-tri", "Xã Vĩnh Trị", "commune"),
    ("vh-thi-tran-vinh-hung", "Thị trấn Vĩnh Hưng", "township"),
]
for _code, _name, _kind in VINH_HUNG_COMMUNES:
    UNITS.append(
        (
            _code,
            _name,
            _kind,
            "vinh-hung",
            ASSUMED,
            MERGER_DAY,
            f"Đảng ủy {_name[0].lower()}{_name[1:]}",
            "ĐU",
            ASSUMED_NOTE,
        )
    )


def fig(
    indicator,
    value=None,
    *,
    status="actual",
    denominator=None,
    qualifier="",
    quote="",
    stated=(),
    derive=(),
    unit=None,
    note="",
):
    """One figure of an article. stated: (basis, kind, percent, basis_label, qualifier); derive: bases whose
    target is derived from the value and the stated percentage."""
    return {
        "indicator": indicator,
        "value": value,
        "status": status,
        "denominator": denominator,
        "qualifier": qualifier,
        "quote": quote,
        "stated": list(stated),
        "derive": list(derive),
        "unit": unit,
        "note": note,
    }


SEEDS = [
    {
        "file": "000_a5e4ecb6de1f5d52.txt",
        "unit": "kien-tuong",
        "term": (2020, 2025, 12),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2023,
            "title": "Nghị quyết Thị ủy Kiến Tường về nhiệm vụ năm 2023",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "period": "2023-H1",
        "figures": [
            fig(
                "lua-dong-xuan",
                D("101761"),
                stated=[("plan", "of", D("59.9"), "kế hoạch", "")],
                derive=["plan"],
                quote="sản xuất lúa Đông Xuân 2022-2023 đạt năng suất cao, sản lượng 101.761 tấn, đạt 59,9% so với kế hoạch",
            ),
            fig(
                "lua-chat-luong-cao",
                D("98755"),
                stated=[("resolution", "of", D("82.3"), "Nghị quyết", "")],
                derive=["resolution"],
                quote="trong đó sản lượng lúa chất lượng cao 98.755 tấn, đạt 82,3% Nghị quyết",
            ),
            fig(
                "giai-ngan-dtc",
                None,
                stated=[("plan", "of", D("63"), "kế hoạch", "")],
                quote="tiến độ giải ngân đạt 63% so với kế hoạch",
            ),
            fig(
                "thu-ngan-sach",
                None,
                stated=[
                    ("plan", "of", D("31"), "kế hoạch thị xã", ""),
                    ("estimate_upper", "of", D("49"), "dự toán tỉnh giao", ""),
                ],
                quote="Tổng thu ngân sách đạt 31% kế hoạch thị xã và đạt 49% dự toán tỉnh giao",
            ),
        ],
    },
    {
        "file": "001_65f0ce935d2ca2c3.txt",
        "unit": "kinh-mon",
        "term": (2020, 2025, 25),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2022,
            "title": "Nghị quyết Ban Chấp hành Đảng bộ thị xã Kinh Môn về nhiệm vụ năm 2022",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "period": "2022-H1",
        "figures": [
            fig(
                "gtsx",
                D("31167"),
                status="estimate",
                stated=[
                    ("plan", "of", D("51.7"), "kế hoạch", ""),
                    ("same_period", "change", D("15.9"), "cùng kỳ", ""),
                ],
                derive=["plan"],
                quote="Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ",
            ),
            fig(
                "gtsx-nlts",
                D("1712"),
                stated=[
                    ("plan", "of", D("70.5"), "kế hoạch", ""),
                    ("same_period", "change", D("0.3"), "cùng kỳ", ""),
                ],
                derive=["plan"],
                quote="nông - lâm - thuỷ sản 1.712 tỷ đồng, đạt 70,5% kế hoạch, tăng 0,3%",
            ),
            fig(
                "gtsx-cnxd",
                D("27150"),
                stated=[
                    ("plan", "of", D("50.9"), "kế hoạch", ""),
                    ("same_period", "change", D("17.2"), "cùng kỳ", ""),
                ],
                derive=["plan"],
                quote="công nghiệp - xây dựng 27.150 tỷ đồng, đạt 50,9% kế hoạch, tăng 17,2%",
            ),
            fig(
                "gtsx-dv",
                D("2305"),
                stated=[
                    ("plan", "of", D("50.5"), "kế hoạch", ""),
                    ("same_period", "change", D("13.8"), "cùng kỳ", ""),
                ],
                derive=["plan"],
                quote="dịch vụ 2.305 tỷ đồng, đạt 50,5% kế hoạch, tăng 13,8% so với cùng kỳ",
            ),
            fig(
                "thu-ngan-sach",
                D("905.653"),
                stated=[("estimate_local", "of", D("106"), "dự toán năm", "")],
                derive=["estimate_local"],
                quote="Tổng thu ngân sách 6 tháng đầu năm đạt 905 tỷ 653 triệu đồng, đạt 106% so dự toán năm",
            ),
        ],
    },
    {
        "file": "002_365b687f6c0b5cba.txt",
        "unit": "huu-lung",
        "term": (2020, 2025, None),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2023,
            "title": "Nghị quyết Ban Chấp hành Đảng bộ huyện Hữu Lũng về nhiệm vụ năm 2023",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "period": "2023-Q1",
        "figures": [
            fig(
                "thu-ngan-sach",
                D("40.7"),
                stated=[("estimate_upper", "of", D("27.9"), "dự toán tỉnh giao", "")],
                derive=["estimate_upper"],
                quote="thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao",
            ),
        ],
    },
    {
        "file": "003_1790e24bd253e290.txt",
        "unit": "vinh-hung",
        "term": (2020, 2025, None),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2024,
            "title": "Nghị quyết Huyện ủy Vĩnh Hưng về nhiệm vụ năm 2024",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "period": "2024-H1",
        "figures": [
            fig(
                "ntm-so-xa",
                D("8"),
                denominator=D("9"),
                quote="lũy kế đến nay huyện có 8/9 xã đạt nông thôn mới",
            ),
            fig(
                "ntm-nang-cao-tieu-chi",
                D("15"),
                denominator=D("19"),
                unit="vh-vinh-binh",
                quote="Về xây dựng xã nông thôn mới nâng cao: xã Vĩnh Bình đạt 15/19 tiêu chí",
            ),
            fig(
                "huyen-ntm-tieu-chi",
                D("5"),
                denominator=D("9"),
                quote="Về xây dựng huyện nông thôn mới, đến nay có 5/9 tiêu chí đã đạt chuẩn",
            ),
            fig(
                "bhyt",
                D("95.49"),
                stated=[("resolution", "of", D("100.51"), "Nghị quyết", "")],
                derive=["resolution"],
                quote="tỷ lệ người dân tham gia BHYT toàn huyện là 95,49%, đạt 100,51% so với Nghị quyết",
            ),
            fig(
                "dai-hoi-mttq",
                D("10"),
                denominator=D("10"),
                quote="có 10/10 xã, thị trấn tổ chức thành công Đại hội Mặt trận Tổ quốc Việt Nam",
            ),
        ]
        # Each commune's standing behind "8/9 xã": the article names Thái Trị as newly recognised and
        # Tuyên Bình Tây as the one still waiting; the other seven had met the standard before.
        + [
            fig(
                "ntm-dat-chuan",
                D(0 if code == "vh-tuyen-binh-tay" else 1),
                unit=code,
                quote=(
                    "còn lại xã Tuyên Bình Tây huyện đã lập hồ sơ gửi về tỉnh đề nghị công nhận"
                    if code == "vh-tuyen-binh-tay"
                    else "huyện có 8/9 xã đạt nông thôn mới"
                ),
                note="Suy ra từ bài: 8/9 xã đạt chuẩn, còn lại xã Tuyên Bình Tây.",
            )
            for code, _n, kind in VINH_HUNG_COMMUNES
            if kind == "commune"
        ],
    },
    {
        "file": "004_49ac751fb926b147.txt",
        "unit": "lang-can",
        "term": (2020, 2025, 17),
        "resolution": {
            "body": "congress",
            "kind": "congress",
            "title": "Nghị quyết Đại hội đại biểu Đảng bộ lần thứ XVII, nhiệm kỳ 2020 - 2025",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        # A mid-term review: cumulative figures to May 2023 within the 2020-2025 term (still open: estimates).
        "period": "2020-2025",
        "status": "estimate",
        "note": "Sơ kết giữa nhiệm kỳ: lũy kế từ năm 2020 đến tháng 5/2023.",
        "figures": [
            fig(
                "chi-tieu-nq-dat",
                D("70"),
                qualifier="over",
                quote="Đảng bộ thị trấn đã cơ bản thực hiện đạt trên 70% các chỉ tiêu của Nghị quyết đề ra",
            ),
            fig(
                "nang-suat-san-luong-cay-trong",
                None,
                stated=[("resolution", "of", D("100"), "Nghị quyết", "over")],
                quote="một số chỉ tiêu như: Năng suất, sản lượng cây trồng đạt trên 100%",
            ),
            fig(
                "khach-du-lich",
                D("8046"),
                quote="từ năm 2020 đến tháng 5 năm 2023, thị trấn đón 8.046 lượt khách du lịch",
            ),
            fig(
                "doanh-thu-du-lich", D("6.4"), qualifier="over", quote="doanh thu xã hội đạt trên 6,4 tỷ đồng"
            ),
            fig("trong-rung", D("300"), quote="trồng 300 ha rừng tập trung"),
            fig("dan-de-nui", D("519"), quote="duy trì và phát triển đàn dê núi bình quân 519 con/ năm"),
            fig("lon-den", D("1000"), qualifier="over", quote="hơn 1.000 con lợn đen/ năm"),
            fig(
                "ca-dac-san",
                D("2"),
                qualifier="over",
                quote="sản lượng cá đặc sản bình quân trên 2 tấn một năm",
            ),
            fig("lua-dac-san", D("6"), quote="phát triển 6 ha diện tích lúa đặc sản/ năm"),
            fig("lac", D("60"), quote="duy trì diện tích trồng lạc 60 ha/ năm"),
            fig(
                "phat-trien-dang-vien",
                None,
                stated=[("resolution", "of", D("58"), "Nghị quyết", "over")],
                quote="phát triển đảng viên mới đạt trên 58%",
            ),
        ],
    },
]
