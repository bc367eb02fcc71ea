"""Bases the extractor did not know (issue 15): a scenario, a programme, the start of the year, an
earlier date or the national average is the basis ``other``; a clause whose plan or estimate is
given as a figure in the sentence before takes that basis."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple]]] = [
    (
        "ngan_sach_so_voi_kich_ban",
        """Tổng thu ngân sách nhà nước trên địa bàn tỉnh 9 tháng ước đạt 12.850 tỷ đồng, bằng 78,5% dự toán Trung ương giao, bằng 101,2% so với kịch bản điều hành đã đề ra. Giá trị sản xuất công nghiệp đạt 45.600 tỷ đồng, bằng 96% kịch bản tăng trưởng.""",
        [
            (
                "tổng thu ngân sách nhà nước trên địa bàn tỉnh",
                12850,
                "tỷ đồng",
                None,
                ["estimated"],
                [("estimate", "of", 78.5), ("other", "of", 101.2)],
            ),
            ("giá trị sản xuất công nghiệp", 45600, "tỷ đồng", None, [], [("other", "of", 96)]),
        ],
    ),
    (
        "tin_dung_so_voi_dau_nam",
        """Đến ngày 30/9/2025, tổng dư nợ cho vay trên địa bàn đạt 68.400 tỷ đồng, tăng 9,6% so với đầu năm; tổng nguồn vốn huy động đạt 59.200 tỷ đồng, tăng 7,8% so với ngày 31/12/2024. Số doanh nghiệp đang hoạt động tăng 4,5% so với thời điểm cuối năm 2024.""",
        [
            ("tổng dư nợ cho vay trên địa bàn", 68400, "tỷ đồng", None, [], [("other", "change", 9.6)]),
            ("tổng nguồn vốn huy động", 59200, "tỷ đồng", None, [], [("other", "change", 7.8)]),
            ("số doanh nghiệp đang hoạt động", None, None, None, [], [("other", "change", 4.5)]),
        ],
    ),
    (
        "so_voi_chuong_trinh",
        """Vốn Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025 đã giải ngân 18,6 tỷ đồng, đạt 72% kế hoạch vốn. Nguồn vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới giải ngân đạt 85% so với chương trình được phê duyệt. Ban Thường vụ đã ban hành 46 văn bản, đạt 92% Chương trình công tác năm.""",
        [
            (
                "vốn Chương trình mục tiêu quốc gia giảm nghèo bền vững giải ngân",
                18.6,
                "tỷ đồng",
                None,
                [],
                [("plan", "of", 72)],
            ),
            (
                "nguồn vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới giải ngân",
                None,
                None,
                None,
                [],
                [("other", "of", 85)],
            ),
            ("Ban Thường vụ ban hành văn bản", 46, "văn bản", None, [], [("other", "of", 92)]),
        ],
    ),
    (
        "ke_hoach_neu_o_cau_truoc",
        """Năm 2025, tổng kế hoạch vốn đầu tư công của huyện được giao là 685 tỷ đồng. Đến hết tháng 10, đã giải ngân 412 tỷ đồng, đạt 60,1%. Dự toán thu ngân sách xã giao năm 2025 là 36 tỷ đồng; đến nay đã thu được 29,5 tỷ đồng, đạt 81,9%.""",
        [
            ("tổng kế hoạch vốn đầu tư công của huyện được giao", 685, "tỷ đồng", None, [], []),
            ("giải ngân vốn đầu tư công", 412, "tỷ đồng", None, [], [("plan", "of", 60.1)]),
            ("dự toán thu ngân sách xã giao", 36, "tỷ đồng", None, [], []),
            ("thu ngân sách xã", 29.5, "tỷ đồng", None, [], [("estimate", "of", 81.9)]),
        ],
    ),
    (
        "chi_tieu_nghi_quyet_cau_truoc",
        """Nghị quyết Đại hội đề ra chỉ tiêu kết nạp 150 đảng viên trong nhiệm kỳ. Sau 5 năm, Đảng bộ đã kết nạp 168 đảng viên, đạt 112%.""",
        [
            ("chỉ tiêu kết nạp đảng viên", 150, "đảng viên", None, [], []),
            ("kết nạp đảng viên", 168, "đảng viên", None, [], [("resolution", "of", 112)]),
        ],
    ),
    (
        "so_voi_binh_quan_ca_nuoc",
        """Năng suất lao động của tỉnh năm 2025 ước đạt 185 triệu đồng/lao động, bằng 88% mức bình quân cả nước. Thu nhập bình quân đầu người của xã đạt 68 triệu đồng, bằng 92% mức trung bình của tỉnh.""",
        [
            (
                "năng suất lao động của tỉnh",
                185,
                "triệu đồng/lao động",
                None,
                ["estimated"],
                [("other", "of", 88)],
            ),
            ("thu nhập bình quân đầu người của xã", 68, "triệu đồng", None, [], [("other", "of", 92)]),
        ],
    ),
    (
        "phuong_moi_so_voi_truoc_sap_xep",
        """Sau sắp xếp, dân số của phường mới là 48.200 người, quy mô dân số tăng gần 3 lần so với phường cũ. Tổng thu ngân sách 6 tháng cuối năm 2025 của phường đạt 24,6 tỷ đồng, tăng 18% so với tổng thu của các phường cũ trước sắp xếp.""",
        [
            ("dân số của phường mới", 48200, "người", None, [], []),
            ("quy mô dân số", 3, "lần", None, ["nearly"], []),
            ("tổng thu ngân sách của phường", 24.6, "tỷ đồng", None, [], [("other", "change", 18)]),
        ],
    ),
    (
        "co_so_ngam_tu_menh_de_song_song",
        """Tổng mức bán lẻ hàng hóa ước đạt 18.900 tỷ đồng, tăng 12,6% so với năm 2024. Doanh thu du lịch đạt 1.250 tỷ đồng, tăng 15,3%; số lượt khách lưu trú tăng 9,8%.""",
        [
            ("tổng mức bán lẻ hàng hóa", 18900, "tỷ đồng", None, ["estimated"], [("other", "change", 12.6)]),
            ("doanh thu du lịch", 1250, "tỷ đồng", None, [], [("other", "change", 15.3)]),
            ("số lượt khách lưu trú", None, None, None, [], [("other", "change", 9.8)]),
        ],
    ),
    (
        "hai_co_so_mot_so_lieu",
        """Thu ngân sách trên địa bàn xã năm 2025 đạt 21,4 tỷ đồng, bằng 118% dự toán tỉnh giao, 104% dự toán HĐND xã giao và tăng 6,2% so với cùng kỳ. Chi thường xuyên đạt 15,8 tỷ đồng, bằng 96% dự toán.""",
        [
            (
                "thu ngân sách trên địa bàn xã",
                21.4,
                "tỷ đồng",
                None,
                [],
                [("estimate", "of", 118), ("estimate", "of", 104), ("same_period", "change", 6.2)],
            ),
            ("chi thường xuyên", 15.8, "tỷ đồng", None, [], [("estimate", "of", 96)]),
        ],
    ),
    (
        "ty_le_giai_ngan_sau_cau_ke_hoach",
        """UBND tỉnh đã giao kế hoạch giải ngân vốn đầu tư công năm 2025 cho từng chủ đầu tư. Đến ngày 30/9, tỷ lệ giải ngân đạt 65,4%, cao hơn cùng kỳ 7,2%. Tỷ lệ giải ngân vốn các chương trình mục tiêu quốc gia đạt 58%.""",
        [
            (
                "tỷ lệ giải ngân vốn đầu tư công",
                None,
                None,
                None,
                [],
                [("plan", "of", 65.4), ("same_period", "change", 7.2)],
            ),
            (
                "tỷ lệ giải ngân vốn các chương trình mục tiêu quốc gia",
                None,
                None,
                None,
                [],
                [("plan", "of", 58)],
            ),
        ],
    ),
]
