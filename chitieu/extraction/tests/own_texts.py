"""Invented reports in the genre of the dev set, with the figures an annotator following SCHEMA.md and
the dev NOTES would write.  They are not copied from published articles.

Each expected figure is (indicator, value, unit, denominator, qualifiers, [(basis, kind, percent)]).
Ranges (``7-7,5%``) are two figures and multipliers (``gấp 1,5 lần``) a figure in ``lần``, as the
SCHEMA's conventions for harder cases say.
"""

from __future__ import annotations

OWN_TEXTS: list[tuple[str, str, list[tuple]]] = [
    (
        "tan_phuoc_9_thang",
        """Chiều 5/10, Ban Thường vụ Huyện ủy Tân Phước tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ 9 tháng đầu năm 2023, triển khai nhiệm vụ 3 tháng cuối năm. Đồng chí Lê Văn Hùng, Tỉnh ủy viên, Bí thư Huyện ủy chủ trì hội nghị.
Theo báo cáo, 9 tháng đầu năm, tổng thu ngân sách nhà nước trên địa bàn ước đạt 215,6 tỷ đồng, đạt 78,4% dự toán tỉnh giao, tăng 12,3% so với cùng kỳ; chi ngân sách 398 tỷ đồng, đạt 71% dự toán. Giá trị sản xuất ngành nông nghiệp ước đạt 3.120 tỷ đồng, tăng 4,2%. Toàn huyện gieo trồng được 12.450 ha lúa Hè Thu, năng suất bình quân 58,5 tạ/ha, sản lượng ước đạt 72.832 tấn. Tổng đàn gia súc 45.600 con, đàn gia cầm trên 1,2 triệu con. Giải ngân vốn đầu tư công đạt 65% kế hoạch vốn. Tỷ lệ hộ nghèo giảm còn 1,85%; tỷ lệ tham gia bảo hiểm y tế đạt 93,2%. Công tác phát triển đảng viên được quan tâm, kết nạp 87 đảng viên mới, đạt 79% chỉ tiêu Nghị quyết. Đến nay có 9/11 xã đạt chuẩn nông thôn mới, 3 xã đạt chuẩn nông thôn mới nâng cao.""",
        [
            (
                "tổng thu ngân sách nhà nước trên địa bàn",
                215.6,
                "tỷ đồng",
                None,
                ["estimated"],
                [("estimate", "of", 78.4), ("same_period", "change", 12.3)],
            ),
            ("chi ngân sách", 398, "tỷ đồng", None, [], [("estimate", "of", 71)]),
            (
                "giá trị sản xuất ngành nông nghiệp",
                3120,
                "tỷ đồng",
                None,
                ["estimated"],
                [("same_period", "change", 4.2)],
            ),
            ("diện tích gieo trồng lúa Hè Thu", 12450, "ha", None, [], []),
            ("năng suất lúa Hè Thu", 58.5, "tạ/ha", None, ["average"], []),
            ("sản lượng lúa Hè Thu", 72832, "tấn", None, ["estimated"], []),
            ("tổng đàn gia súc", 45600, "con", None, [], []),
            ("đàn gia cầm", 1.2, "triệu con", None, ["over"], []),
            ("giải ngân vốn đầu tư công", None, None, None, [], [("plan", "of", 65)]),
            ("tỷ lệ hộ nghèo", 1.85, "%", None, [], []),
            ("tỷ lệ tham gia bảo hiểm y tế", 93.2, "%", None, [], []),
            ("kết nạp đảng viên mới", 87, "đảng viên", None, [], [("resolution", "of", 79)]),
            ("xã đạt chuẩn nông thôn mới", 9, "xã", 11, [], []),
            ("xã đạt chuẩn nông thôn mới nâng cao", 3, "xã", None, [], []),
        ],
    ),
    (
        "du_lich_quy_1",
        """Quý I/2024, ngành du lịch tỉnh đón khoảng 1,35 triệu lượt khách, tăng 18% so với cùng kỳ năm 2023, trong đó khách quốc tế đạt 125.000 lượt. Tổng thu từ du lịch ước đạt 2,1 nghìn tỷ đồng. Sản lượng lương thực vụ Đông Xuân đạt 61,8 vạn tấn, vượt 3% kế hoạch. Tỉnh phấn đấu tốc độ tăng trưởng kinh tế năm 2024 đạt 7-7,5%. Kim ngạch xuất khẩu đạt 845 triệu USD, bằng 24,5% kế hoạch năm. Có thêm hai xã được công nhận đạt chuẩn nông thôn mới.""",
        [
            (
                "ngành du lịch tỉnh đón lượt khách",
                1.35,
                "triệu lượt khách",
                None,
                ["about"],
                [("same_period", "change", 18)],
            ),
            ("khách quốc tế", 125000, "lượt", None, [], []),
            ("tổng thu từ du lịch", 2.1, "nghìn tỷ đồng", None, ["estimated"], []),
            ("sản lượng lương thực vụ Đông Xuân", 61.8, "vạn tấn", None, [], [("plan", "change", 3)]),
            ("tốc độ tăng trưởng kinh tế", 7, "%", None, [], []),
            ("tốc độ tăng trưởng kinh tế", 7.5, "%", None, [], []),
            ("kim ngạch xuất khẩu", 845, "triệu USD", None, [], [("plan", "of", 24.5)]),
            ("xã được công nhận đạt chuẩn nông thôn mới", 2, "xã", None, [], []),
        ],
    ),
    (
        "dang_bo_xa_nhiem_ky",
        """Trong nhiệm kỳ, Đảng bộ xã đã kết nạp 56 đảng viên, vượt 12% chỉ tiêu Nghị quyết; hằng năm có trên 85% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. Ủy ban Kiểm tra Đảng ủy đã kiểm tra 14 tổ chức đảng và 32 đảng viên khi có dấu hiệu vi phạm, thi hành kỷ luật 3 đảng viên. Thu nhập bình quân đầu người năm 2023 đạt 52 triệu đồng/người/năm, tăng 1,6 lần so với đầu nhiệm kỳ. Tỷ lệ lao động qua đào tạo đạt 68%, vượt chỉ tiêu đề ra.""",
        [
            ("kết nạp đảng viên", 56, "đảng viên", None, [], [("resolution", "change", 12)]),
            ("tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", 85, "%", None, ["over"], []),
            ("kiểm tra tổ chức đảng", 14, "tổ chức đảng", None, [], []),
            ("kiểm tra đảng viên", 32, "đảng viên", None, [], []),
            ("thi hành kỷ luật đảng viên", 3, "đảng viên", None, [], []),
            ("thu nhập bình quân đầu người", 52, "triệu đồng/người/năm", None, [], []),
            ("thu nhập bình quân đầu người", 1.6, "lần", None, [], []),
            ("tỷ lệ lao động qua đào tạo", 68, "%", None, [], []),
        ],
    ),
    (
        "nong_nghiep_trong_do",
        """Tổng diện tích gieo trồng cây hằng năm đạt 8.540 ha, bằng 101,2% so với cùng kỳ. Trong đó: cây lúa 5.200 ha, cây ngô 1.840 ha, cây rau màu các loại 1.500 ha. Năng suất lúa bình quân đạt 62,3 tạ/ha, tăng 1,5 tạ/ha. Diện tích nuôi trồng thủy sản gần 950 ha; sản lượng thủy sản xấp xỉ 4.200 tấn. Tỷ lệ che phủ rừng đạt 45,6%. Hộ nghèo còn 215 hộ, chiếm tỷ lệ dưới 2%.""",
        [
            (
                "tổng diện tích gieo trồng cây hằng năm",
                8540,
                "ha",
                None,
                [],
                [("same_period", "of", 101.2)],
            ),
            ("diện tích gieo trồng cây lúa", 5200, "ha", None, [], []),
            ("diện tích gieo trồng cây ngô", 1840, "ha", None, [], []),
            ("diện tích gieo trồng cây rau màu các loại", 1500, "ha", None, [], []),
            ("năng suất lúa", 62.3, "tạ/ha", None, ["average"], []),
            ("năng suất lúa tăng", 1.5, "tạ/ha", None, [], []),
            ("diện tích nuôi trồng thủy sản", 950, "ha", None, ["nearly"], []),
            ("sản lượng thủy sản", 4200, "tấn", None, ["nearly"], []),
            ("tỷ lệ che phủ rừng", 45.6, "%", None, [], []),
            ("hộ nghèo", 215, "hộ", None, [], []),
            ("tỷ lệ hộ nghèo", 2, "%", None, ["under"], []),
        ],
    ),
    (
        "giao_ban_cam_xuyen",
        """Sáng 12/7, Thường trực Huyện ủy Cẩm Xuyên tổ chức giao ban với Bí thư các chi, đảng bộ cơ sở quý II/2024. Thực hiện Kế hoạch số 125-KH/HU và Chỉ thị 35-CT/TW, đến nay 21/25 đảng bộ cơ sở đã tổ chức xong đại hội. Toàn huyện có 1.250 hộ được hỗ trợ xây mới và sửa chữa nhà ở với tổng kinh phí 62,5 tỷ đồng. Huyện phấn đấu đến năm 2025 có 100% xã đạt chuẩn nông thôn mới.""",
        [
            ("đảng bộ cơ sở đã tổ chức xong đại hội", 21, "đảng bộ cơ sở", 25, [], []),
            ("hộ được hỗ trợ xây mới và sửa chữa nhà ở", 1250, "hộ", None, [], []),
            ("tổng kinh phí hỗ trợ nhà ở", 62.5, "tỷ đồng", None, [], []),
            ("xã đạt chuẩn nông thôn mới", 100, "%", None, [], []),
        ],
    ),
    (
        "y_te_giao_duc",
        """Trong 6 tháng, các cơ sở y tế đã khám, chữa bệnh cho 125.430 lượt người. Cấp 8.750 thẻ BHYT cho các đối tượng chính sách. Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 97,5 phần trăm. Năm học 2023-2024, toàn huyện có 42/56 trường đạt chuẩn quốc gia, đạt 75%. Giải quyết việc làm cho 2.150 lao động, trong đó xuất khẩu lao động 320 người.""",
        [
            ("khám, chữa bệnh lượt người", 125430, "lượt người", None, [], []),
            ("cấp thẻ BHYT cho các đối tượng chính sách", 8750, "thẻ BHYT", None, [], []),
            ("tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", 97.5, "%", None, [], []),
            ("trường đạt chuẩn quốc gia", 42, "trường", 56, [], []),
            ("tỷ lệ trường đạt chuẩn quốc gia", 75, "%", None, [], []),
            ("giải quyết việc làm cho lao động", 2150, "lao động", None, [], []),
            ("xuất khẩu lao động", 320, "người", None, [], []),
        ],
    ),
    (
        "tin_dung_khoang",
        """Dư nợ cho vay ưu đãi đạt 1.250,5 tỷ đồng, tăng 85 tỷ đồng so với đầu năm. Mức hỗ trợ cho mỗi hộ từ 40 đến 60 triệu đồng. Phấn đấu thu nhập bình quân đạt từ 70 triệu đồng/người/năm trở lên. Số liệu 1.2.3,4 tỷ đồng cần được kiểm tra lại.""",
        [
            ("dư nợ cho vay ưu đãi", 1250.5, "tỷ đồng", None, [], []),
            ("dư nợ cho vay ưu đãi tăng", 85, "tỷ đồng", None, [], []),
            ("mức hỗ trợ cho mỗi hộ", 40, "triệu đồng", None, [], []),
            ("mức hỗ trợ cho mỗi hộ", 60, "triệu đồng", None, [], []),
            ("thu nhập bình quân", 70, "triệu đồng/người/năm", None, ["over"], []),
        ],
    ),
    (
        "grdp_co_cau",
        """Năm 2023, tổng sản phẩm trên địa bàn (GRDP) tăng 8,2% so với năm 2022. Cơ cấu kinh tế: nông nghiệp 18,5%, công nghiệp - xây dựng 42,3%, dịch vụ 39,2%. Số vụ tai nạn giao thông giảm 15 vụ, số người chết giảm 12,5% so với cùng kỳ. Chỉ số giá tiêu dùng bình quân tăng 3,1%.""",
        [
            ("tổng sản phẩm trên địa bàn (GRDP)", None, None, None, [], [("other", "change", 8.2)]),
            ("cơ cấu kinh tế nông nghiệp", 18.5, "%", None, [], []),
            ("cơ cấu kinh tế công nghiệp - xây dựng", 42.3, "%", None, [], []),
            ("cơ cấu kinh tế dịch vụ", 39.2, "%", None, [], []),
            ("số vụ tai nạn giao thông giảm", 15, "vụ", None, [], []),
            ("số người chết", None, None, None, [], [("same_period", "change", -12.5)]),
            ("chỉ số giá tiêu dùng", None, None, None, ["average"], [("same_period", "change", 3.1)]),
        ],
    ),
    (
        "thi_tran_loi_go",
        """Thị trấn Phong Điền tổ chức sơ kết 6 tháng đầu năm 2024.
6 tháng đầu năm, thu ngân sách trên địa bàn dạt 12,8 tỉ đồng, đạt 61,5% so vói dự toán HĐND thị trấn giao. Toàn thị trấn có 4/5 ấp đạt chuẩn ấp văn hóa; 1.120 hộ dân sử dụng nước sạch, đạt 96,4%. Thực hiện Nghị quyết số 05-NQ/ĐU, đã trồng mới 35 hécta cây ăn trái.
Tin liên quan
- Phong Điền: 15 năm xây dựng nông thôn mới (12/3/2024)
- Hội nghị lần thứ 20 Ban Chấp hành Đảng bộ thị trấn""",
        [
            ("thu ngân sách trên địa bàn", 12.8, "tỷ đồng", None, [], [("estimate", "of", 61.5)]),
            ("ấp đạt chuẩn ấp văn hóa", 4, "ấp", 5, [], []),
            ("hộ dân sử dụng nước sạch", 1120, "hộ dân", None, [], []),
            ("tỷ lệ hộ dân sử dụng nước sạch", 96.4, "%", None, [], []),
            ("trồng mới cây ăn trái", 35, "ha", None, [], []),
        ],
    ),
    (
        "nhiem_ky_muc_tieu",
        """Đại hội đề ra mục tiêu đến năm 2030: tốc độ tăng trưởng giá trị sản xuất bình quân 9-10%/năm; thu ngân sách trên địa bàn tăng bình quân 12%/năm; phấn đấu mỗi năm kết nạp từ 25 đảng viên trở lên; tỷ lệ hộ nghèo đa chiều giảm bình quân 1,5%/năm; đến cuối nhiệm kỳ có thêm 5 thôn đạt chuẩn thôn nông thôn mới kiểu mẫu.""",
        [
            ("tốc độ tăng trưởng giá trị sản xuất", 9, "%/năm", None, ["average"], []),
            ("tốc độ tăng trưởng giá trị sản xuất", 10, "%/năm", None, ["average"], []),
            ("thu ngân sách trên địa bàn tăng", 12, "%/năm", None, ["average"], []),
            ("kết nạp đảng viên mỗi năm", 25, "đảng viên", None, ["over"], []),
            ("tỷ lệ hộ nghèo đa chiều giảm", 1.5, "%/năm", None, ["average"], []),
            ("thôn đạt chuẩn thôn nông thôn mới kiểu mẫu", 5, "thôn", None, [], []),
        ],
    ),
]

OWN_TEXTS += [
    (
        "bch_huyen_cuoi_nam",
        """Thứ Sáu, 15/12/2023 - 16:05
Hội nghị Ban Chấp hành Đảng bộ huyện Đức Thọ lần thứ 18, khóa XXVI
Ngày 14/12, Ban Chấp hành Đảng bộ huyện Đức Thọ tổ chức Hội nghị lần thứ 18 (mở rộng) đánh giá kết quả thực hiện nhiệm vụ năm 2023, triển khai phương hướng, nhiệm vụ năm 2024. Đồng chí Trần Thế Dũng - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự và chỉ đạo hội nghị.
Năm 2023, trong bối cảnh còn nhiều khó khăn, kinh tế của huyện tiếp tục tăng trưởng khá; có 20/21 chỉ tiêu chủ yếu đạt và vượt kế hoạch. Tốc độ tăng trưởng giá trị sản xuất ước đạt 9,2%. Tổng giá trị sản xuất (giá so sánh 2010) ước đạt 7.456 tỷ đồng. Thu nhập bình quân đầu người đạt 58,5 triệu đồng. Tổng thu ngân sách trên địa bàn ước đạt 352 tỷ đồng, bằng 126% dự toán tỉnh giao và 118% dự toán huyện giao. Sản lượng lương thực đạt 76.500 tấn; giá trị thu được trên 1 ha đất canh tác đạt 125 triệu đồng. Toàn huyện có thêm 2 xã đạt chuẩn nông thôn mới nâng cao, 1 xã đạt chuẩn nông thôn mới kiểu mẫu và 15 khu dân cư nông thôn mới kiểu mẫu. Tỷ lệ hộ nghèo còn 2,1%, giảm 0,9% so với năm 2022.
Công tác xây dựng Đảng được chú trọng; trong năm kết nạp 142 đảng viên, đạt 101% kế hoạch; 88,5% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên.
Tin liên quan
- Đức Thọ: Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 17 (21/9/2023)
- Huyện Đức Thọ thu ngân sách đạt 80% kế hoạch""",
        [
            ("chỉ tiêu chủ yếu đạt và vượt kế hoạch", 20, "chỉ tiêu", 21, [], []),
            ("tốc độ tăng trưởng giá trị sản xuất", 9.2, "%", None, ["estimated"], []),
            ("tổng giá trị sản xuất (giá so sánh 2010)", 7456, "tỷ đồng", None, ["estimated"], []),
            ("thu nhập bình quân đầu người", 58.5, "triệu đồng", None, [], []),
            (
                "tổng thu ngân sách trên địa bàn",
                352,
                "tỷ đồng",
                None,
                ["estimated"],
                [("estimate", "of", 126), ("estimate", "of", 118)],
            ),
            ("sản lượng lương thực", 76500, "tấn", None, [], []),
            ("giá trị thu được trên 1 ha đất canh tác", 125, "triệu đồng", None, [], []),
            ("xã đạt chuẩn nông thôn mới nâng cao", 2, "xã", None, [], []),
            ("xã đạt chuẩn nông thôn mới kiểu mẫu", 1, "xã", None, [], []),
            ("khu dân cư nông thôn mới kiểu mẫu", 15, "khu dân cư", None, [], []),
            ("tỷ lệ hộ nghèo", 2.1, "%", None, [], [("other", "change", -0.9)]),
            ("kết nạp đảng viên", 142, "đảng viên", None, [], [("plan", "of", 101)]),
            ("tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", 88.5, "%", None, [], []),
        ],
    ),
    (
        "dai_hoi_xa_tong_ket",
        """Đại hội đại biểu Đảng bộ xã Hòa Bình lần thứ I, nhiệm kỳ 2025 - 2030
Nhiệm kỳ 2020 - 2025, Đảng bộ xã đã lãnh đạo hoàn thành và vượt 17/19 chỉ tiêu Nghị quyết đề ra. Tổng giá trị sản xuất năm 2025 ước đạt 1.285 tỷ đồng, gấp 1,5 lần so với năm 2020; tốc độ tăng trưởng bình quân 8,7%/năm. Thu ngân sách nhà nước bình quân hằng năm đạt 18,6 tỷ đồng. Thu nhập bình quân đầu người năm 2025 ước đạt 62 triệu đồng/người/năm, tăng 21 triệu đồng so với đầu nhiệm kỳ. Xây dựng mới 24 km đường giao thông nông thôn. Tỷ lệ hộ nghèo giảm từ 4,2% xuống còn 0,95%. Trong nhiệm kỳ, kết nạp 68 đảng viên mới; Đảng bộ hiện có 42 chi bộ với 1.156 đảng viên. Ba năm liền (2022, 2023, 2024) Đảng bộ được xếp loại hoàn thành tốt nhiệm vụ.""",
        [
            ("chỉ tiêu Nghị quyết hoàn thành và vượt", 17, "chỉ tiêu", 19, [], []),
            ("tổng giá trị sản xuất", 1285, "tỷ đồng", None, ["estimated"], []),
            ("tổng giá trị sản xuất", 1.5, "lần", None, [], []),
            ("tốc độ tăng trưởng", 8.7, "%/năm", None, ["average"], []),
            ("thu ngân sách nhà nước", 18.6, "tỷ đồng", None, ["average"], []),
            ("thu nhập bình quân đầu người", 62, "triệu đồng/người/năm", None, ["estimated"], []),
            ("thu nhập bình quân đầu người tăng", 21, "triệu đồng", None, [], []),
            ("xây dựng mới đường giao thông nông thôn", 24, "km", None, [], []),
            ("tỷ lệ hộ nghèo", 4.2, "%", None, [], []),
            ("tỷ lệ hộ nghèo", 0.95, "%", None, [], []),
            ("kết nạp đảng viên mới", 68, "đảng viên", None, [], []),
            ("chi bộ", 42, "chi bộ", None, [], []),
            ("đảng viên", 1156, "đảng viên", None, [], []),
        ],
    ),
    (
        "btv_thang",
        """Ban Thường vụ Thành ủy họp phiên thường kỳ tháng 8
Chiều 28/8, đồng chí Phạm Văn Nam, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy chủ trì phiên họp thường kỳ tháng 8/2024 của Ban Thường vụ Thành ủy.
Theo báo cáo, 8 tháng năm 2024, thu ngân sách trên địa bàn thành phố đạt 1.046,8 tỷ đồng, đạt 72,5% dự toán HĐND thành phố giao, tăng 15,4% so với cùng kỳ; trong đó thu tiền sử dụng đất đạt 512 tỷ đồng. Tổng vốn đầu tư công năm 2024 là 865 tỷ đồng, đến nay đã giải ngân 402,6 tỷ đồng, đạt 46,5%. Thành phố đã cấp 326 giấy chứng nhận quyền sử dụng đất; tiếp nhận và giải quyết 4.812 hồ sơ thủ tục hành chính, tỷ lệ giải quyết đúng hạn đạt 99,2%.
Về công tác xây dựng Đảng, Ban Thường vụ đã chỉ đạo tổ chức 3 lớp bồi dưỡng lý luận chính trị cho 245 học viên.""",
        [
            (
                "thu ngân sách trên địa bàn thành phố",
                1046.8,
                "tỷ đồng",
                None,
                [],
                [("estimate", "of", 72.5), ("same_period", "change", 15.4)],
            ),
            ("thu tiền sử dụng đất", 512, "tỷ đồng", None, [], []),
            ("tổng vốn đầu tư công", 865, "tỷ đồng", None, [], []),
            ("giải ngân vốn đầu tư công", 402.6, "tỷ đồng", None, [], [("plan", "of", 46.5)]),
            ("cấp giấy chứng nhận quyền sử dụng đất", 326, "giấy chứng nhận", None, [], []),
            ("hồ sơ thủ tục hành chính tiếp nhận và giải quyết", 4812, "hồ sơ", None, [], []),
            ("tỷ lệ giải quyết đúng hạn", 99.2, "%", None, [], []),
            ("lớp bồi dưỡng lý luận chính trị", 3, "lớp", None, [], []),
            ("học viên", 245, "học viên", None, [], []),
        ],
    ),
]

OWN_TEXTS += [
    (
        "kinh_te_quy_2",
        """Thu ngân sách 6 tháng đạt hơn 624 tỷ đồng
Chiều 4/7, UBND huyện Krông Pắc tổ chức hội nghị sơ kết tình hình kinh tế - xã hội 6 tháng đầu năm 2024. Tổng vốn đầu tư toàn xã hội ước đạt 4.250 tỷ đồng, tăng 10,5% so với cùng kỳ. Giá trị sản xuất công nghiệp (giá so sánh 2010) ước đạt 1.830 tỷ đồng, bằng 108,6% so với cùng kỳ. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 12.560 tỷ đồng. Thu ngân sách trên địa bàn đạt 624,3 tỷ đồng (tăng 6.5% so với cùng kỳ). Diện tích lúa Đông Xuân toàn huyện gieo cấy 6.785,5 ha; năng suất ước đạt 68,2 tạ/ha, cao hơn cùng kỳ 2,3 tạ/ha. Xuất khẩu 320 lao động đi làm việc ở nước ngoài, đạt 106,7% kế hoạch. Có 25/28 chỉ tiêu đạt và vượt kế hoạch; 3 chỉ tiêu không đạt.""",
        [
            ("thu ngân sách", 624, "tỷ đồng", None, ["over"], []),
            (
                "tổng vốn đầu tư toàn xã hội",
                4250,
                "tỷ đồng",
                None,
                ["estimated"],
                [("same_period", "change", 10.5)],
            ),
            (
                "giá trị sản xuất công nghiệp (giá so sánh 2010)",
                1830,
                "tỷ đồng",
                None,
                ["estimated"],
                [("same_period", "of", 108.6)],
            ),
            (
                "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
                12560,
                "tỷ đồng",
                None,
                ["estimated"],
                [],
            ),
            ("thu ngân sách trên địa bàn", 624.3, "tỷ đồng", None, [], [("same_period", "change", 6.5)]),
            ("diện tích lúa Đông Xuân gieo cấy", 6785.5, "ha", None, [], []),
            ("năng suất lúa Đông Xuân", 68.2, "tạ/ha", None, ["estimated"], []),
            ("năng suất cao hơn cùng kỳ", 2.3, "tạ/ha", None, [], []),
            ("xuất khẩu lao động", 320, "lao động", None, [], [("plan", "of", 106.7)]),
            ("chỉ tiêu đạt và vượt kế hoạch", 25, "chỉ tiêu", 28, [], []),
            ("chỉ tiêu không đạt", 3, "chỉ tiêu", None, [], []),
        ],
    ),
    (
        "an_sinh_noi_chinh",
        """Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2024)
Ngày 20/12, tại Hội trường UBND huyện, Huyện ủy tổ chức hội nghị tổng kết công tác nội chính năm 2023. Lực lượng công an đã bắt giữ 45 vụ, 78 đối tượng phạm tội về ma túy. Ủy ban Kiểm tra Huyện ủy tổ chức 12 cuộc kiểm tra, giám sát đối với 36 tổ chức đảng. Toàn huyện đã giải quyết 156/162 đơn thư, đạt 96,3%. Nhân dịp Tết Nguyên đán Giáp Thìn 2024, các cấp, các ngành đã trao 3.450 suất quà trị giá 2,1 tỷ đồng. Năm 2023 có 1.125 hộ thoát nghèo, giảm tỷ lệ hộ nghèo xuống còn 3,45%. Trên 95% hộ gia đình đạt danh hiệu gia đình văn hóa.
Điện thoại: 0210.3851.123 - Email: banbientap@gmail.com""",
        [
            ("bắt giữ vụ", 45, "vụ", None, [], []),
            ("đối tượng phạm tội về ma túy", 78, "đối tượng", None, [], []),
            ("cuộc kiểm tra, giám sát", 12, "cuộc", None, [], []),
            ("kiểm tra, giám sát tổ chức đảng", 36, "tổ chức đảng", None, [], []),
            ("đơn thư đã giải quyết", 156, "đơn thư", 162, [], []),
            ("tỷ lệ giải quyết đơn thư", 96.3, "%", None, [], []),
            ("trao suất quà", 3450, "suất quà", None, [], []),
            ("trị giá suất quà", 2.1, "tỷ đồng", None, [], []),
            ("hộ thoát nghèo", 1125, "hộ", None, [], []),
            ("tỷ lệ hộ nghèo", 3.45, "%", None, [], []),
            ("hộ gia đình đạt danh hiệu gia đình văn hóa", 95, "%", None, ["over"], []),
        ],
    ),
    (
        "nghi_quyet_hdnd",
        """Kết quả thực hiện Nghị quyết của HĐND huyện năm 2023: có 16/18 chỉ tiêu đạt và vượt. Trong đó, thu ngân sách nhà nước đạt 103% Nghị quyết HĐND huyện; thu nhập bình quân đầu người đạt 48 triệu đồng, đạt 100% chỉ tiêu; tỷ lệ dân số tham gia bảo hiểm y tế đạt 92%, thấp hơn chỉ tiêu 3%. Số lao động được tạo việc làm mới là 1.850 người. Tổng đàn trâu 12.300 con, bò 18.450 con, lợn 95.000 con.""",
        [
            ("chỉ tiêu Nghị quyết HĐND huyện đạt và vượt", 16, "chỉ tiêu", 18, [], []),
            ("thu ngân sách nhà nước", None, None, None, [], [("resolution", "of", 103)]),
            ("thu nhập bình quân đầu người", 48, "triệu đồng", None, [], [("target", "of", 100)]),
            ("tỷ lệ dân số tham gia bảo hiểm y tế", 92, "%", None, [], [("target", "change", -3)]),
            ("số lao động được tạo việc làm mới", 1850, "người", None, [], []),
            ("tổng đàn trâu", 12300, "con", None, [], []),
            ("tổng đàn bò", 18450, "con", None, [], []),
            ("tổng đàn lợn", 95000, "con", None, [], []),
        ],
    ),
]

OWN_TEXTS += [
    (
        "tang_truong_co_cau",
        """Năm 2023, kinh tế của huyện duy trì mức tăng trưởng khá, giá trị sản xuất các ngành kinh tế (giá so sánh) ước đạt 11.890 tỷ đồng, tăng 9,7% so với năm 2022, vượt 0,2% so với kế hoạch. Cơ cấu kinh tế chuyển dịch đúng hướng: công nghiệp - xây dựng chiếm 52,3%; dịch vụ chiếm 31,4%; nông, lâm nghiệp, thủy sản chiếm 16,3%. Thu ngân sách nhà nước trên địa bàn ước đạt 612,5 tỷ đồng, bằng 135% dự toán tỉnh giao. Giá trị sản phẩm thu được trên 1 ha đất trồng trọt và nuôi trồng thủy sản đạt 135 triệu đồng. Năm 2023, huyện có thêm 3 xã đạt chuẩn nông thôn mới nâng cao, nâng tổng số xã đạt chuẩn nông thôn mới nâng cao lên 10 xã; xã Tân Sỏi đạt chuẩn nông thôn mới kiểu mẫu.""",
        [
            (
                "giá trị sản xuất các ngành kinh tế (giá so sánh)",
                11890,
                "tỷ đồng",
                None,
                ["estimated"],
                [("other", "change", 9.7), ("plan", "change", 0.2)],
            ),
            ("cơ cấu kinh tế công nghiệp - xây dựng", 52.3, "%", None, [], []),
            ("cơ cấu kinh tế dịch vụ", 31.4, "%", None, [], []),
            ("cơ cấu kinh tế nông, lâm nghiệp, thủy sản", 16.3, "%", None, [], []),
            (
                "thu ngân sách nhà nước trên địa bàn",
                612.5,
                "tỷ đồng",
                None,
                ["estimated"],
                [("estimate", "of", 135)],
            ),
            (
                "giá trị sản phẩm thu được trên 1 ha đất trồng trọt và nuôi trồng thủy sản",
                135,
                "triệu đồng",
                None,
                [],
                [],
            ),
            ("xã đạt chuẩn nông thôn mới nâng cao", 3, "xã", None, [], []),
            ("tổng số xã đạt chuẩn nông thôn mới nâng cao", 10, "xã", None, [], []),
        ],
    ),
    (
        "san_luong_kim_ngach",
        """Trong 6 tháng đầu năm, tổng sản lượng lương thực có hạt ước đạt 235.600 tấn (tăng 2,3% so với cùng kỳ); tổng đàn bò 275.000 con, đàn lợn 362.000 con. Chỉ số sản xuất công nghiệp (IIP) tăng 10,2%. Tổng kim ngạch xuất khẩu ước đạt 1.010 triệu USD, tăng 19,5%; kim ngạch nhập khẩu 1.258 triệu USD. Giải ngân vốn đầu tư công đến ngày 30/6 đạt 2.135 tỷ đồng, bằng 38,6% kế hoạch vốn giao.""",
        [
            (
                "tổng sản lượng lương thực có hạt",
                235600,
                "tấn",
                None,
                ["estimated"],
                [("same_period", "change", 2.3)],
            ),
            ("tổng đàn bò", 275000, "con", None, [], []),
            ("đàn lợn", 362000, "con", None, [], []),
            ("chỉ số sản xuất công nghiệp (IIP)", None, None, None, [], [("same_period", "change", 10.2)]),
            (
                "tổng kim ngạch xuất khẩu",
                1010,
                "triệu USD",
                None,
                ["estimated"],
                [("same_period", "change", 19.5)],
            ),
            ("kim ngạch nhập khẩu", 1258, "triệu USD", None, [], []),
            ("giải ngân vốn đầu tư công", 2135, "tỷ đồng", None, [], [("plan", "of", 38.6)]),
        ],
    ),
    (
        "xep_loai_to_chuc_dang",
        """Năm 2023, Đảng bộ huyện có 52 tổ chức cơ sở đảng với 4.213 đảng viên. Qua đánh giá, xếp loại, có 12 tổ chức cơ sở đảng (chiếm 23,08%) hoàn thành xuất sắc nhiệm vụ, 38 tổ chức (73,08%) hoàn thành tốt nhiệm vụ, 2 tổ chức hoàn thành nhiệm vụ. Kết nạp 186 đảng viên mới, đạt 103,3% chỉ tiêu. Ủy ban Kiểm tra các cấp đã kiểm tra 25 tổ chức đảng và 48 đảng viên khi có dấu hiệu vi phạm; thi hành kỷ luật 17 đảng viên.""",
        [
            ("tổ chức cơ sở đảng", 52, "tổ chức cơ sở đảng", None, [], []),
            ("đảng viên", 4213, "đảng viên", None, [], []),
            ("tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ", 12, "tổ chức cơ sở đảng", None, [], []),
            ("tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ", 23.08, "%", None, [], []),
            ("tổ chức hoàn thành tốt nhiệm vụ", 38, "tổ chức", None, [], []),
            ("tỷ lệ tổ chức hoàn thành tốt nhiệm vụ", 73.08, "%", None, [], []),
            ("tổ chức hoàn thành nhiệm vụ", 2, "tổ chức", None, [], []),
            ("kết nạp đảng viên mới", 186, "đảng viên", None, [], [("target", "of", 103.3)]),
            ("kiểm tra tổ chức đảng", 25, "tổ chức đảng", None, [], []),
            ("kiểm tra đảng viên khi có dấu hiệu vi phạm", 48, "đảng viên", None, [], []),
            ("thi hành kỷ luật đảng viên", 17, "đảng viên", None, [], []),
        ],
    ),
    (
        "quynh_luu_9_thang",
        """Huyện Quỳnh Lưu: 9 tháng thu ngân sách đạt 85% dự toán
(Baonghean) - Chiều 28/9, Huyện ủy Quỳnh Lưu tổ chức hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 21 đánh giá tình hình 9 tháng năm 2023. 9 tháng, thu ngân sách trên địa bàn đạt 412 tỷ đồng, bằng 85% dự toán năm. Tổng giá trị sản xuất ước đạt 24.350 tỷ đồng, tăng 8,25% so với cùng kỳ. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 93,5%, tăng 1,2 điểm phần trăm so với cuối năm 2022. Huyện đã hỗ trợ xây dựng 145 nhà ở cho hộ nghèo với tổng kinh phí trên 7,2 tỷ đồng.""",
        [
            ("thu ngân sách", None, None, None, [], [("estimate", "of", 85)]),
            ("thu ngân sách trên địa bàn", 412, "tỷ đồng", None, [], [("estimate", "of", 85)]),
            (
                "tổng giá trị sản xuất",
                24350,
                "tỷ đồng",
                None,
                ["estimated"],
                [("same_period", "change", 8.25)],
            ),
            ("tỷ lệ dân số tham gia bảo hiểm y tế", 93.5, "%", None, [], [("other", "change", 1.2)]),
            ("hỗ trợ xây dựng nhà ở cho hộ nghèo", 145, "nhà ở", None, [], []),
            ("tổng kinh phí hỗ trợ xây dựng nhà ở", 7.2, "tỷ đồng", None, ["over"], []),
        ],
    ),
]

OWN_TEXTS += [
    (
        "nong_thon_moi_xa",
        """Xã Long Hựu đạt 19/19 tiêu chí xã nông thôn mới nâng cao
Đến cuối năm 2023, xã Long Hựu đã đạt 19/19 tiêu chí xã nông thôn mới nâng cao; toàn xã có 1.842/1.905 hộ sử dụng nước sạch, chiếm 96,7%. Số hộ nghèo còn 23 hộ, chiếm 1,21%; hộ cận nghèo 41 hộ. Thu nhập bình quân đầu người đạt 68,2 triệu đồng/người/năm, tăng 1,4 lần so với năm 2020. Diện tích lúa chất lượng cao 1.250 ha, chiếm 85% diện tích gieo trồng; năng suất bình quân 6,8 tấn/ha. Toàn xã còn 2 ấp chưa đạt chuẩn ấp văn hóa. Tổng vốn đầu tư phát triển toàn xã hội 5 năm đạt 356 tỷ đồng.""",
        [
            ("tiêu chí xã nông thôn mới nâng cao", 19, "tiêu chí", 19, [], []),
            ("tiêu chí xã nông thôn mới nâng cao xã Long Hựu đã đạt", 19, "tiêu chí", 19, [], []),
            ("hộ sử dụng nước sạch", 1842, "hộ", 1905, [], []),
            ("tỷ lệ hộ sử dụng nước sạch", 96.7, "%", None, [], []),
            ("số hộ nghèo", 23, "hộ", None, [], []),
            ("tỷ lệ hộ nghèo", 1.21, "%", None, [], []),
            ("hộ cận nghèo", 41, "hộ", None, [], []),
            ("thu nhập bình quân đầu người", 68.2, "triệu đồng/người/năm", None, [], []),
            ("thu nhập bình quân đầu người", 1.4, "lần", None, [], []),
            ("diện tích lúa chất lượng cao", 1250, "ha", None, [], []),
            ("tỷ lệ diện tích lúa chất lượng cao trên diện tích gieo trồng", 85, "%", None, [], []),
            ("năng suất bình quân", 6.8, "tấn/ha", None, ["average"], []),
            ("ấp chưa đạt chuẩn ấp văn hóa", 2, "ấp", None, [], []),
            ("tổng vốn đầu tư phát triển toàn xã hội", 356, "tỷ đồng", None, [], []),
        ],
    ),
]
