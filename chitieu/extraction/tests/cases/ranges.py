"""Ranges, multipliers and units left implicit (issue 15): ``A-B%`` and ``từ A đến B triệu đồng``
are two figures, lower and upper bound, each with the unit; ``gấp N lần`` is a figure in ``lần``;
``15, 18 và 21 thôn`` gives every number of the list the unit written after the last one."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple]]] = [
    (
        "muc_tieu_khoang_2030",
        """Phấn đấu giai đoạn 2026-2030, tốc độ tăng trưởng kinh tế bình quân đạt từ 8,5 đến 9%/năm; thu nhập bình quân đầu người đến năm 2030 đạt 120-130 triệu đồng; tỷ lệ đô thị hóa đạt 45-50%.""",
        [
            ("tốc độ tăng trưởng kinh tế", 8.5, "%/năm", None, ["average"], []),
            ("tốc độ tăng trưởng kinh tế", 9, "%/năm", None, ["average"], []),
            ("thu nhập bình quân đầu người", 120, "triệu đồng", None, [], []),
            ("thu nhập bình quân đầu người", 130, "triệu đồng", None, [], []),
            ("tỷ lệ đô thị hóa", 45, "%", None, [], []),
            ("tỷ lệ đô thị hóa", 50, "%", None, [], []),
        ],
    ),
    (
        "khoang_so_luong_va_don_vi_lon",
        """Mỗi năm giải quyết việc làm cho khoảng 1.800 - 2.000 lao động; ngành du lịch đón từ 1,2 triệu đến 1,5 triệu lượt khách.""",
        [
            ("giải quyết việc làm cho lao động", 1800, "lao động", None, ["about"], []),
            ("giải quyết việc làm cho lao động", 2000, "lao động", None, ["about"], []),
            ("ngành du lịch đón lượt khách", 1.2, "triệu lượt khách", None, [], []),
            ("ngành du lịch đón lượt khách", 1.5, "triệu lượt khách", None, [], []),
        ],
    ),
    (
        "gap_lan_so_voi",
        """Năm 2025, thu ngân sách trên địa bàn đạt 156 tỷ đồng, gấp 2,1 lần so với năm 2020; giá trị sản phẩm thu được trên 1 ha đất trồng trọt tăng gần 1,4 lần. Số hộ khá, giàu tăng gấp 3 lần so với đầu nhiệm kỳ.""",
        [
            ("thu ngân sách trên địa bàn", 156, "tỷ đồng", None, [], []),
            ("thu ngân sách trên địa bàn", 2.1, "lần", None, [], []),
            ("giá trị sản phẩm thu được trên 1 ha đất trồng trọt", 1.4, "lần", None, ["nearly"], []),
            ("số hộ khá, giàu", 3, "lần", None, [], []),
        ],
    ),
    (
        "danh_sach_chung_don_vi",
        """Các xã Tân Lập, Tân Hòa và Tân Phú lần lượt có 15, 18 và 21 thôn. Năng suất lúa vụ Đông Xuân và vụ Hè Thu đạt 68,5 và 61,2 tạ/ha. Tỷ lệ hộ nghèo của các xã này lần lượt là 2,1%, 3,4% và 1,8%.""",
        [
            ("thôn của các xã Tân Lập, Tân Hòa và Tân Phú", 15, "thôn", None, [], []),
            ("thôn của các xã Tân Lập, Tân Hòa và Tân Phú", 18, "thôn", None, [], []),
            ("thôn của các xã Tân Lập, Tân Hòa và Tân Phú", 21, "thôn", None, [], []),
            ("năng suất lúa vụ Đông Xuân", 68.5, "tạ/ha", None, [], []),
            ("năng suất lúa vụ Hè Thu", 61.2, "tạ/ha", None, [], []),
            ("tỷ lệ hộ nghèo của các xã", 2.1, "%", None, [], []),
            ("tỷ lệ hộ nghèo của các xã", 3.4, "%", None, [], []),
            ("tỷ lệ hộ nghèo của các xã", 1.8, "%", None, [], []),
        ],
    ),
    (
        "khoang_co_don_vi_nam",
        """Giai đoạn 2026-2030 phấn đấu thu hút 8-10 dự án đầu tư; trồng mới 150 - 200 ha rừng/năm; kết nạp từ 30 đến 35 đảng viên/năm.""",
        [
            ("thu hút dự án đầu tư", 8, "dự án", None, [], []),
            ("thu hút dự án đầu tư", 10, "dự án", None, [], []),
            ("trồng mới rừng", 150, "ha/năm", None, [], []),
            ("trồng mới rừng", 200, "ha/năm", None, [], []),
            ("kết nạp đảng viên", 30, "đảng viên/năm", None, [], []),
            ("kết nạp đảng viên", 35, "đảng viên/năm", None, [], []),
        ],
    ),
    (
        "tang_lan_nhieu_chi_tieu",
        """So với năm 2020, doanh thu của các hợp tác xã tăng 2,5 lần, lợi nhuận tăng 3 lần; thu nhập bình quân của thành viên đạt 7,2 triệu đồng/tháng. Hội nghị lần thứ 12 đã thông qua kế hoạch; Ban Thường vụ đã họp 2 lần để cho ý kiến.""",
        [
            ("doanh thu của các hợp tác xã", 2.5, "lần", None, [], []),
            ("lợi nhuận", 3, "lần", None, [], []),
            ("thu nhập bình quân của thành viên", 7.2, "triệu đồng/tháng", None, [], []),
        ],
    ),
    (
        "khoang_tang_so_voi_cung_ky",
        """Dự kiến quý IV, doanh thu bán lẻ tăng từ 8 đến 10% so với cùng kỳ; giá trị sản xuất công nghiệp tăng 9-11%.""",
        [
            (
                "doanh thu bán lẻ",
                None,
                None,
                None,
                [],
                [("same_period", "change", 8), ("same_period", "change", 10)],
            ),
            (
                "giá trị sản xuất công nghiệp",
                None,
                None,
                None,
                [],
                [("same_period", "change", 9), ("same_period", "change", 11)],
            ),
        ],
    ),
]
