"""Rate or comparison (issue 15): ``ước đạt X% so cùng kỳ`` is a growth of X% (a change), not a
share of the same period; ``bằng 109,5% so với cùng kỳ`` is a share; the level of a growth rate is a
``%`` figure and gets no plan basis the text does not name."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple]]] = [
    (
        "iip_uoc_dat_so_cung_ky",
        """Chỉ số sản xuất công nghiệp tháng 9 ước đạt 9,4% so cùng kỳ; lũy kế 9 tháng ước tăng 8,7% so cùng kỳ. Kim ngạch xuất khẩu ước đạt 1,25 tỷ USD, đạt 14,2% so với cùng kỳ năm trước.""",
        [
            ("chỉ số sản xuất công nghiệp", None, None, None, [], [("same_period", "change", 9.4)]),
            ("chỉ số sản xuất công nghiệp", None, None, None, [], [("same_period", "change", 8.7)]),
            ("kim ngạch xuất khẩu", 1.25, "tỷ USD", None, ["estimated"], [("same_period", "change", 14.2)]),
        ],
    ),
    (
        "bang_phan_tram_cung_ky_la_ty_le",
        """Tổng mức bán lẻ hàng hóa đạt 9.850 tỷ đồng, bằng 109,5% so với cùng kỳ. Sản lượng thủy sản nuôi trồng đạt 18.200 tấn, bằng 97,2% cùng kỳ năm trước.""",
        [
            ("tổng mức bán lẻ hàng hóa", 9850, "tỷ đồng", None, [], [("same_period", "of", 109.5)]),
            ("sản lượng thủy sản nuôi trồng", 18200, "tấn", None, [], [("same_period", "of", 97.2)]),
        ],
    ),
    (
        "muc_tang_truong_6_thang",
        """Tốc độ tăng trưởng kinh tế 6 tháng đầu năm ước đạt 7,9% so với cùng kỳ, đứng thứ 15/34 tỉnh, thành phố. Tổng sản phẩm trên địa bàn (GRDP) năm 2025 ước đạt 8,3%; GRDP bình quân đầu người đạt 4.950 USD.""",
        [
            ("tốc độ tăng trưởng kinh tế", 7.9, "%", None, ["estimated"], []),
            ("tổng sản phẩm trên địa bàn (GRDP)", 8.3, "%", None, ["estimated"], []),
            ("GRDP bình quân đầu người", 4950, "USD", None, [], []),
        ],
    ),
    (
        "tang_truong_la_muc",
        """Kinh tế tăng trưởng 7,1%, trong đó khu vực dịch vụ tăng trưởng 8,4%. Tỷ lệ lao động qua đào tạo đạt 72%, tăng 2,5% so với năm 2024.""",
        [
            ("tăng trưởng kinh tế", 7.1, "%", None, [], []),
            ("khu vực dịch vụ tăng trưởng", 8.4, "%", None, [], []),
            ("tỷ lệ lao động qua đào tạo", 72, "%", None, [], [("other", "change", 2.5)]),
        ],
    ),
    (
        "doanh_thu_tang_ngam_cung_ky",
        """Doanh thu dịch vụ lưu trú, ăn uống đạt 2.340 tỷ đồng, tăng 16,2%; doanh thu du lịch lữ hành tăng 20,5%. Vận tải hành khách đạt 12,6 triệu lượt người, giảm 1,4%.""",
        [
            (
                "doanh thu dịch vụ lưu trú, ăn uống",
                2340,
                "tỷ đồng",
                None,
                [],
                [("same_period", "change", 16.2)],
            ),
            ("doanh thu du lịch lữ hành", None, None, None, [], [("same_period", "change", 20.5)]),
            ("vận tải hành khách", 12.6, "triệu lượt người", None, [], [("same_period", "change", -1.4)]),
        ],
    ),
    (
        "ty_le_dat_va_vuot",
        """Tỷ lệ người dân tham gia bảo hiểm y tế đạt 94,6%, vượt 0,6% chỉ tiêu Nghị quyết; tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt đạt 96%. Giải ngân vốn đầu tư công đạt 88,5% kế hoạch, cao hơn 6,2% so với cùng kỳ.""",
        [
            (
                "tỷ lệ người dân tham gia bảo hiểm y tế",
                94.6,
                "%",
                None,
                [],
                [("resolution", "change", 0.6)],
            ),
            ("tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt", 96, "%", None, [], []),
            (
                "giải ngân vốn đầu tư công",
                None,
                None,
                None,
                [],
                [("plan", "of", 88.5), ("same_period", "change", 6.2)],
            ),
        ],
    ),
    (
        "khong_gan_co_so_tu_dau",
        """Năm 2025, Đảng bộ tỉnh lãnh đạo thực hiện đạt và vượt 24/26 chỉ tiêu kế hoạch. Tăng trưởng kinh tế đạt 8,05%, xếp thứ 10 cả nước; chỉ số sản xuất công nghiệp tăng 11,8%; kim ngạch xuất khẩu đạt 3,6 tỷ USD.""",
        [
            ("chỉ tiêu kế hoạch đạt và vượt", 24, "chỉ tiêu", 26, [], []),
            ("tăng trưởng kinh tế", 8.05, "%", None, [], []),
            ("chỉ số sản xuất công nghiệp", None, None, None, [], [("same_period", "change", 11.8)]),
            ("kim ngạch xuất khẩu", 3.6, "tỷ USD", None, [], []),
        ],
    ),
]
