"""Indicator names and qualifiers (issue 15): what is measured with its scope (``thu nhập bình quân
đầu người``, ``tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều``), no words from a neighbouring clause or
the previous item, no degenerate names; the hedge words (trên, gần, ước, khoảng, dưới, xấp xỉ) kept
as qualifiers."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple]]] = [
    (
        "thu_nhap_co_pham_vi",
        """Thu nhập bình quân đầu người năm 2025 ước đạt 72,5 triệu đồng; thu nhập bình quân của người lao động trong các doanh nghiệp đạt 8,6 triệu đồng/người/tháng. Thu nhập bình quân đạt 61 triệu đồng/người/năm ở khu vực nông thôn.""",
        [
            ("thu nhập bình quân đầu người", 72.5, "triệu đồng", None, ["estimated"], []),
            (
                "thu nhập bình quân của người lao động trong các doanh nghiệp",
                8.6,
                "triệu đồng/người/tháng",
                None,
                [],
                [],
            ),
            ("thu nhập bình quân ở khu vực nông thôn", 61, "triệu đồng/người/năm", None, ["average"], []),
        ],
    ),
    (
        "ty_le_ho_ngheo_theo_chuan",
        """Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2022-2025 còn 1,65%; tỷ lệ hộ cận nghèo còn 3,2%. Số hộ thoát nghèo trong năm là 412 hộ.""",
        [
            ("tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", 1.65, "%", None, [], []),
            ("tỷ lệ hộ cận nghèo", 3.2, "%", None, [], []),
            ("số hộ thoát nghèo", 412, "hộ", None, [], []),
        ],
    ),
    (
        "khong_muon_tu_menh_de_ben",
        """Về văn hóa - xã hội, toàn xã có 12/12 thôn có nhà văn hóa; 98% hộ gia đình đạt danh hiệu gia đình văn hóa; tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm còn 8,5%.""",
        [
            ("thôn có nhà văn hóa", 12, "thôn", 12, [], []),
            ("hộ gia đình đạt danh hiệu gia đình văn hóa", 98, "%", None, [], []),
            ("tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", 8.5, "%", None, [], []),
        ],
    ),
    (
        "muc_tiep_theo_dung_dau_muc",
        """Diện tích gieo trồng cây hằng năm đạt 4.520 ha; cây lâu năm 1.860 ha; cây ăn quả 920 ha. Tổng đàn lợn 36.500 con, đàn gà 410.000 con.""",
        [
            ("diện tích gieo trồng cây hằng năm", 4520, "ha", None, [], []),
            ("diện tích cây lâu năm", 1860, "ha", None, [], []),
            ("diện tích cây ăn quả", 920, "ha", None, [], []),
            ("tổng đàn lợn", 36500, "con", None, [], []),
            ("đàn gà", 410000, "con", None, [], []),
        ],
    ),
    (
        "ten_khong_suy_bien",
        """Có 100% xã, phường, thị trấn hoàn thành chỉ tiêu giao quân; 100% trạm y tế có bác sĩ làm việc. Toàn tỉnh có 3.321 đơn vị hành chính cấp xã, gồm 2.636 xã, 672 phường và 13 đặc khu.""",
        [
            ("xã, phường, thị trấn hoàn thành chỉ tiêu giao quân", 100, "%", None, [], []),
            ("trạm y tế có bác sĩ làm việc", 100, "%", None, [], []),
            ("đơn vị hành chính cấp xã", 3321, "đơn vị", None, [], []),
            ("xã", 2636, "xã", None, [], []),
            ("phường", 672, "phường", None, [], []),
            ("đặc khu", 13, "đặc khu", None, [], []),
        ],
    ),
    (
        "giu_tu_rao_truoc_so",
        """Toàn huyện có trên 2.500 ha cây ăn quả; sản lượng thủy sản ước đạt gần 12.000 tấn; tổng đàn gia cầm khoảng 1,1 triệu con; tỷ lệ tham gia bảo hiểm y tế đạt xấp xỉ 95%; còn dưới 1% hộ dân chưa có điện lưới quốc gia.""",
        [
            ("cây ăn quả", 2500, "ha", None, ["over"], []),
            ("sản lượng thủy sản", 12000, "tấn", None, ["estimated", "nearly"], []),
            ("tổng đàn gia cầm", 1.1, "triệu con", None, ["about"], []),
            ("tỷ lệ tham gia bảo hiểm y tế", 95, "%", None, ["nearly"], []),
            ("hộ dân chưa có điện lưới quốc gia", 1, "%", None, ["under"], []),
        ],
    ),
    (
        "chu_the_o_cau_truoc",
        """Kế hoạch vốn đầu tư công năm 2025 của tỉnh là 5.240 tỷ đồng. Đến ngày 30/11, đã giải ngân 3.980 tỷ đồng, đạt 76%. Tổng số vốn còn lại chưa giải ngân là 1.260 tỷ đồng.""",
        [
            ("kế hoạch vốn đầu tư công của tỉnh", 5240, "tỷ đồng", None, [], []),
            ("giải ngân vốn đầu tư công", 3980, "tỷ đồng", None, [], [("plan", "of", 76)]),
            ("tổng số vốn còn lại chưa giải ngân", 1260, "tỷ đồng", None, [], []),
        ],
    ),
    (
        "uoc_o_dau_cau",
        """Ước thực hiện cả năm 2025, tổng thu ngân sách trên địa bàn đạt 1.260 tỷ đồng, chi ngân sách địa phương 2.140 tỷ đồng. Ước tính đến cuối năm, toàn tỉnh có 86% dân số tham gia bảo hiểm xã hội tự nguyện và bắt buộc.""",
        [
            ("tổng thu ngân sách trên địa bàn", 1260, "tỷ đồng", None, ["estimated"], []),
            ("chi ngân sách địa phương", 2140, "tỷ đồng", None, ["estimated"], []),
            ("dân số tham gia bảo hiểm xã hội tự nguyện và bắt buộc", 86, "%", None, ["estimated"], []),
        ],
    ),
]
