"""The units behind the demo's five reviews. Their figures are chitieu's own record of them (facts.py);
none is typed here.

Unit dates: district-level units ceased on 1 July 2025 (DOMAIN.md §3). Founding dates of the demo
units are not in the articles; where they are not known they are given as 1 January 2010 and the
unit's note says so.
"""

from __future__ import annotations

import datetime as dt

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
