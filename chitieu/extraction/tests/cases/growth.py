"""Average annual growth and growth over a period (issue 15: "average annual growth read as a
change on the same period").  An average rate is a ``%`` figure (``%/năm`` when ``/năm`` or ``mỗi
năm`` follows the number) with qualifier ``average``; so are the sector rates listed after it.  A
growth of a named quantity against a basis stays a comparison of kind ``change``."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple]]] = [
    (
        "chi_tieu_dai_hoi_xa_2030",
        """Đại hội đại biểu Đảng bộ xã Tân Hưng lần thứ I, nhiệm kỳ 2025-2030 xác định các chỉ tiêu chủ yếu đến năm 2030: tốc độ tăng trưởng giá trị sản xuất bình quân hằng năm đạt 9,5%; thu nhập bình quân đầu người đến năm 2030 đạt 95 triệu đồng; thu ngân sách nhà nước trên địa bàn tăng bình quân 10%/năm; tỷ lệ hộ nghèo đa chiều giảm bình quân 0,8%/năm; tỷ lệ che phủ rừng duy trì ở mức 42%.""",
        [
            ("tốc độ tăng trưởng giá trị sản xuất", 9.5, "%", None, ["average"], []),
            ("thu nhập bình quân đầu người", 95, "triệu đồng", None, [], []),
            ("thu ngân sách nhà nước trên địa bàn", 10, "%/năm", None, ["average"], []),
            ("tỷ lệ hộ nghèo đa chiều", 0.8, "%/năm", None, ["average"], []),
            ("tỷ lệ che phủ rừng", 42, "%", None, [], []),
        ],
    ),
    (
        "nhiem_ky_nganh_sau_binh_quan",
        """Giai đoạn 2020-2025, kinh tế của xã duy trì tốc độ tăng trưởng khá, giá trị sản xuất tăng bình quân 8,6%/năm; trong đó nông, lâm nghiệp và thủy sản tăng 3,8%/năm, công nghiệp - xây dựng tăng 12,4%/năm, thương mại - dịch vụ tăng 10,1%/năm. Tổng giá trị sản xuất năm 2025 ước đạt 2.150 tỷ đồng, gấp 1,5 lần năm 2020.""",
        [
            ("giá trị sản xuất", 8.6, "%/năm", None, ["average"], []),
            ("giá trị sản xuất nông, lâm nghiệp và thủy sản", 3.8, "%/năm", None, [], []),
            ("giá trị sản xuất công nghiệp - xây dựng", 12.4, "%/năm", None, [], []),
            ("giá trị sản xuất thương mại - dịch vụ", 10.1, "%/năm", None, [], []),
            ("tổng giá trị sản xuất", 2150, "tỷ đồng", None, ["estimated"], []),
            ("tổng giá trị sản xuất", 1.5, "lần", None, [], []),
        ],
    ),
    (
        "tinh_grdp_giai_doan",
        """Tốc độ tăng trưởng kinh tế (GRDP) bình quân giai đoạn 2021-2025 của tỉnh ước đạt 7,4%, cao hơn mức bình quân chung của cả nước. Trong đó, khu vực nông, lâm nghiệp và thủy sản tăng 3,1%; khu vực công nghiệp - xây dựng tăng 10,2%; khu vực dịch vụ tăng 7,6%. Quy mô nền kinh tế năm 2025 gấp 1,6 lần so với năm 2020; GRDP bình quân đầu người đạt 92 triệu đồng.""",
        [
            ("tốc độ tăng trưởng kinh tế (GRDP)", 7.4, "%", None, ["estimated", "average"], []),
            ("tốc độ tăng trưởng khu vực nông, lâm nghiệp và thủy sản", 3.1, "%", None, [], []),
            ("tốc độ tăng trưởng khu vực công nghiệp - xây dựng", 10.2, "%", None, [], []),
            ("tốc độ tăng trưởng khu vực dịch vụ", 7.6, "%", None, [], []),
            ("quy mô nền kinh tế", 1.6, "lần", None, [], []),
            ("GRDP bình quân đầu người", 92, "triệu đồng", None, [], []),
        ],
    ),
    (
        "giam_binh_quan_va_binh_quan_nam",
        """Trong nhiệm kỳ, tỷ lệ hộ nghèo của huyện giảm bình quân 1,2%/năm, số hộ cận nghèo giảm bình quân 85 hộ mỗi năm. Số vụ tai nạn giao thông giảm bình quân hằng năm 6,5%. Chỉ số giá tiêu dùng bình quân năm 2025 tăng 3,4% so với năm 2024.""",
        [
            ("tỷ lệ hộ nghèo của huyện", 1.2, "%/năm", None, ["average"], []),
            ("số hộ cận nghèo giảm", 85, "hộ/năm", None, ["average"], []),
            ("số vụ tai nạn giao thông", 6.5, "%", None, ["average"], []),
            ("chỉ số giá tiêu dùng", None, None, None, ["average"], [("other", "change", 3.4)]),
        ],
    ),
    (
        "tang_so_voi_nam_truoc_va_gap",
        """Năm 2025, tổng sản phẩm trên địa bàn huyện tăng 7,9% so với năm 2024; giá trị sản xuất nông nghiệp tăng 3,2%, công nghiệp tăng 11,5%. Tổng vốn đầu tư toàn xã hội 5 năm đạt 18.600 tỷ đồng, tăng 1,7 lần so với giai đoạn 2016-2020. Kim ngạch xuất khẩu năm 2025 đạt 320 triệu USD, gấp 2 lần năm 2020.""",
        [
            ("tổng sản phẩm trên địa bàn huyện", None, None, None, [], [("other", "change", 7.9)]),
            ("giá trị sản xuất nông nghiệp", None, None, None, [], [("other", "change", 3.2)]),
            ("giá trị sản xuất công nghiệp", None, None, None, [], [("other", "change", 11.5)]),
            ("tổng vốn đầu tư toàn xã hội", 18600, "tỷ đồng", None, [], []),
            ("tổng vốn đầu tư toàn xã hội", 1.7, "lần", None, [], []),
            ("kim ngạch xuất khẩu", 320, "triệu USD", None, [], []),
            ("kim ngạch xuất khẩu", 2, "lần", None, [], []),
        ],
    ),
    (
        "muc_tang_truong_nam",
        """Tăng trưởng kinh tế năm 2025 đạt 8,2%, là mức cao nhất từ đầu nhiệm kỳ. Tốc độ tăng tổng sản phẩm quý III ước đạt 8,5% so với cùng kỳ. Chỉ số sản xuất công nghiệp (IIP) 9 tháng ước tăng 10,6% so với cùng kỳ; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 41.200 tỷ đồng, tăng 11,3%.""",
        [
            ("tăng trưởng kinh tế", 8.2, "%", None, [], []),
            ("tốc độ tăng tổng sản phẩm", 8.5, "%", None, ["estimated"], []),
            ("chỉ số sản xuất công nghiệp (IIP)", None, None, None, [], [("same_period", "change", 10.6)]),
            (
                "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                41200,
                "tỷ đồng",
                None,
                [],
                [("same_period", "change", 11.3)],
            ),
        ],
    ),
    (
        "dang_vien_binh_quan_moi_nam",
        """Bình quân mỗi năm, Đảng bộ kết nạp 42 đảng viên mới; tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên bình quân đạt 86%/năm. Số đảng viên của Đảng bộ tăng bình quân 2,5% mỗi năm.""",
        [
            ("kết nạp đảng viên mới", 42, "đảng viên", None, ["average"], []),
            ("tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", 86, "%/năm", None, ["average"], []),
            ("số đảng viên của Đảng bộ", 2.5, "%/năm", None, ["average"], []),
        ],
    ),
    (
        "thu_ngan_sach_trong_do_cau_sau",
        """Thu ngân sách trên địa bàn giai đoạn 2021-2025 tăng bình quân 13,2%/năm. Trong đó: thu nội địa tăng bình quân 14%/năm, thu từ hoạt động xuất nhập khẩu tăng 9,5%/năm. Chi ngân sách địa phương bình quân hằng năm đạt 1.450 tỷ đồng.""",
        [
            ("thu ngân sách trên địa bàn", 13.2, "%/năm", None, ["average"], []),
            ("thu nội địa", 14, "%/năm", None, ["average"], []),
            ("thu từ hoạt động xuất nhập khẩu", 9.5, "%/năm", None, [], []),
            ("chi ngân sách địa phương", 1450, "tỷ đồng", None, ["average"], []),
        ],
    ),
    (
        "nganh_sau_binh_quan_cung_cau",
        """Nhiệm kỳ qua, tổng giá trị sản xuất các ngành kinh tế tăng bình quân 11,5% mỗi năm, vượt mục tiêu Đại hội đề ra; trong đó ngành nông nghiệp tăng 4,2%, ngành công nghiệp - tiểu thủ công nghiệp tăng 15,8%, ngành dịch vụ tăng 12,7%.""",
        [
            ("tổng giá trị sản xuất các ngành kinh tế", 11.5, "%/năm", None, ["average"], []),
            ("giá trị sản xuất ngành nông nghiệp", 4.2, "%", None, [], []),
            ("giá trị sản xuất ngành công nghiệp - tiểu thủ công nghiệp", 15.8, "%", None, [], []),
            ("giá trị sản xuất ngành dịch vụ", 12.7, "%", None, [], []),
        ],
    ),
    (
        "binh_quan_truoc_dong_tu_la_mot_thay_doi",
        """Năm 2025, giá bán lẻ bình quân các mặt hàng thiết yếu tăng 2,8% so với năm trước; năng suất lúa bình quân đạt 62,4 tạ/ha, tăng 1,1 tạ/ha. Kim ngạch xuất khẩu hằng năm tăng 12%.""",
        [
            (
                "giá bán lẻ bình quân các mặt hàng thiết yếu",
                None,
                None,
                None,
                ["average"],
                [("other", "change", 2.8)],
            ),
            ("năng suất lúa bình quân", 62.4, "tạ/ha", None, ["average"], []),
            ("năng suất lúa tăng", 1.1, "tạ/ha", None, [], []),
            ("kim ngạch xuất khẩu", 12, "%", None, [], []),
        ],
    ),
]
