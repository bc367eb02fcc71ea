"""Whole reports of the genres issue 15 names as the weakest: congress (Đại hội) reports setting
2025-2030 targets, provincial socio-economic reports, and reports of the communes and wards formed
by the July 2025 reorganisation.  Every class of the other modules appears here mixed with the rest."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple]]] = [
    (
        "dai_hoi_xa_moi_nhiem_ky_dau",
        """Đại hội đại biểu Đảng bộ xã Phú Lâm lần thứ I, nhiệm kỳ 2025 - 2030
Ngày 12/8/2025, Đảng bộ xã Phú Lâm tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030. Xã Phú Lâm được thành lập trên cơ sở sắp xếp các xã Phú Lâm, Phú Hòa và Tân Sơn, có diện tích tự nhiên 86,4 km2, dân số 31.250 người; Đảng bộ xã có 41 chi bộ với 1.268 đảng viên.
Giai đoạn 2020-2025, tổng giá trị sản xuất trên địa bàn tăng bình quân 9,3%/năm; thu nhập bình quân đầu người năm 2025 đạt 64 triệu đồng, gấp 1,6 lần năm 2020; tỷ lệ hộ nghèo giảm còn 1,9%.
Đại hội đề ra mục tiêu đến năm 2030: tốc độ tăng trưởng giá trị sản xuất bình quân đạt 10-11%/năm; thu nhập bình quân đầu người đạt trên 100 triệu đồng; 100% thôn đạt chuẩn nông thôn mới kiểu mẫu; có thêm 6 sản phẩm OCOP đạt 3 sao trở lên. Đại hội bầu 33 đồng chí vào Ban Chấp hành Đảng bộ xã khóa I.""",
        [
            ("diện tích tự nhiên", 86.4, "km2", None, [], []),
            ("dân số", 31250, "người", None, [], []),
            ("chi bộ", 41, "chi bộ", None, [], []),
            ("đảng viên", 1268, "đảng viên", None, [], []),
            ("tổng giá trị sản xuất trên địa bàn", 9.3, "%/năm", None, ["average"], []),
            ("thu nhập bình quân đầu người", 64, "triệu đồng", None, [], []),
            ("thu nhập bình quân đầu người", 1.6, "lần", None, [], []),
            ("tỷ lệ hộ nghèo", 1.9, "%", None, [], []),
            ("tốc độ tăng trưởng giá trị sản xuất", 10, "%/năm", None, ["average"], []),
            ("tốc độ tăng trưởng giá trị sản xuất", 11, "%/năm", None, ["average"], []),
            ("thu nhập bình quân đầu người", 100, "triệu đồng", None, ["over"], []),
            ("thôn đạt chuẩn nông thôn mới kiểu mẫu", 100, "%", None, [], []),
            ("sản phẩm OCOP đạt 3 sao trở lên", 6, "sản phẩm OCOP", None, [], []),
            ("bầu đồng chí vào Ban Chấp hành Đảng bộ xã", 33, "đồng chí", None, [], []),
        ],
    ),
    (
        "bao_cao_kinh_te_xa_hoi_tinh_nam",
        """Báo cáo tình hình kinh tế - xã hội năm 2025 và kế hoạch năm 2026
Năm 2025, tổng sản phẩm trên địa bàn tỉnh (GRDP) ước tăng 8,1% so với năm 2024, đứng thứ 9/34 tỉnh, thành phố; trong đó khu vực nông, lâm nghiệp và thủy sản tăng 3,6%, công nghiệp - xây dựng tăng 11,4%, dịch vụ tăng 7,7%. Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản chiếm 16,8%; công nghiệp - xây dựng chiếm 41,2%; dịch vụ chiếm 35,5%. GRDP bình quân đầu người ước đạt 108 triệu đồng, tăng 9 triệu đồng so với năm 2024.
Tổng thu ngân sách nhà nước trên địa bàn ước đạt 21.350 tỷ đồng, bằng 118,6% dự toán Trung ương giao, tăng 14,2% so với năm 2024. Tổng vốn đầu tư toàn xã hội ước đạt 96.500 tỷ đồng, bằng 102% kịch bản tăng trưởng. Giải ngân vốn đầu tư công đến ngày 31/12 ước đạt 95,2% kế hoạch. Kim ngạch xuất khẩu ước đạt 7,8 tỷ USD, đạt 12,4% so cùng kỳ; Chỉ số PCI xếp thứ 8/34.
Năm 2026, tỉnh phấn đấu GRDP tăng 10% trở lên; thu ngân sách tăng 8-10% so với ước thực hiện năm 2025.""",
        [
            ("tổng sản phẩm trên địa bàn tỉnh (GRDP)", None, None, None, [], [("other", "change", 8.1)]),
            ("khu vực nông, lâm nghiệp và thủy sản", None, None, None, [], [("other", "change", 3.6)]),
            ("công nghiệp - xây dựng", None, None, None, [], [("other", "change", 11.4)]),
            ("dịch vụ", None, None, None, [], [("other", "change", 7.7)]),
            ("cơ cấu kinh tế nông, lâm nghiệp và thủy sản", 16.8, "%", None, [], []),
            ("cơ cấu kinh tế công nghiệp - xây dựng", 41.2, "%", None, [], []),
            ("cơ cấu kinh tế dịch vụ", 35.5, "%", None, [], []),
            ("GRDP bình quân đầu người", 108, "triệu đồng", None, ["estimated"], []),
            ("GRDP bình quân đầu người tăng", 9, "triệu đồng", None, [], []),
            (
                "tổng thu ngân sách nhà nước trên địa bàn",
                21350,
                "tỷ đồng",
                None,
                ["estimated"],
                [("estimate", "of", 118.6), ("other", "change", 14.2)],
            ),
            ("tổng vốn đầu tư toàn xã hội", 96500, "tỷ đồng", None, ["estimated"], [("other", "of", 102)]),
            ("giải ngân vốn đầu tư công", None, None, None, [], [("plan", "of", 95.2)]),
            (
                "kim ngạch xuất khẩu",
                7.8,
                "tỷ USD",
                None,
                ["estimated"],
                [("same_period", "change", 12.4)],
            ),
            ("GRDP", None, None, None, [], [("other", "change", 10)]),
            ("thu ngân sách", None, None, None, [], [("other", "change", 8), ("other", "change", 10)]),
        ],
    ),
    (
        "phuong_moi_sau_sap_xep",
        """Phường Thành Công sau 6 tháng vận hành chính quyền địa phương hai cấp
Từ ngày 1/7/2025, phường Thành Công (mới) được thành lập trên cơ sở sắp xếp 3 phường cũ, có 28 tổ dân phố với 15.640 hộ. Đến ngày 31/12/2025, phường đã tiếp nhận 6.420 hồ sơ thủ tục hành chính, trong đó 5.980 hồ sơ nộp trực tuyến, chiếm 93,1%; tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,4%. Thu ngân sách 6 tháng cuối năm đạt 38,5 tỷ đồng, bằng 56% dự toán cả năm của các phường cũ. Phường có 2 sản phẩm OCOP 4 sao; Chỉ số hài lòng của người dân đạt 92,5%, đứng thứ 3 trong 26 phường của thành phố.""",
        [
            ("phường cũ sắp xếp", 3, "phường", None, [], []),
            ("tổ dân phố", 28, "tổ dân phố", None, [], []),
            ("hộ", 15640, "hộ", None, [], []),
            ("tiếp nhận hồ sơ thủ tục hành chính", 6420, "hồ sơ", None, [], []),
            ("hồ sơ nộp trực tuyến", 5980, "hồ sơ", None, [], []),
            ("tỷ lệ hồ sơ nộp trực tuyến", 93.1, "%", None, [], []),
            ("tỷ lệ hồ sơ giải quyết đúng hạn", 99.4, "%", None, [], []),
            ("thu ngân sách", 38.5, "tỷ đồng", None, [], [("estimate", "of", 56)]),
            ("sản phẩm OCOP 4 sao", 2, "sản phẩm OCOP", None, [], []),
            ("chỉ số hài lòng của người dân", 92.5, "%", None, [], []),
        ],
    ),
    (
        "dai_hoi_tinh_muc_tieu_2030",
        """Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030 thông qua 20 chỉ tiêu chủ yếu. Phấn đấu đến năm 2030, tốc độ tăng trưởng GRDP bình quân 10%/năm trở lên; GRDP bình quân đầu người đạt 8.500 - 9.000 USD; tỷ trọng công nghiệp - xây dựng trong GRDP chiếm khoảng 45%; tỷ lệ đô thị hóa đạt trên 50%; tỷ lệ hộ nghèo theo chuẩn đa chiều giảm bình quân 1 - 1,5%/năm; 100% xã đạt chuẩn nông thôn mới, trong đó có ít nhất 30% xã đạt chuẩn nông thôn mới nâng cao.""",
        [
            ("chỉ tiêu chủ yếu", 20, "chỉ tiêu", None, [], []),
            ("tốc độ tăng trưởng GRDP", 10, "%/năm", None, ["average", "over"], []),
            ("GRDP bình quân đầu người", 8500, "USD", None, [], []),
            ("GRDP bình quân đầu người", 9000, "USD", None, [], []),
            ("tỷ trọng công nghiệp - xây dựng trong GRDP", 45, "%", None, ["about"], []),
            ("tỷ lệ đô thị hóa", 50, "%", None, ["over"], []),
            ("tỷ lệ hộ nghèo theo chuẩn đa chiều", 1, "%/năm", None, ["average"], []),
            ("tỷ lệ hộ nghèo theo chuẩn đa chiều", 1.5, "%/năm", None, ["average"], []),
            ("xã đạt chuẩn nông thôn mới", 100, "%", None, [], []),
            ("xã đạt chuẩn nông thôn mới nâng cao", 30, "%", None, [], []),
        ],
    ),
    (
        "bao_cao_9_thang_xa_moi",
        """UBND xã Hòa Tiến báo cáo kết quả 9 tháng năm 2025
Dự toán thu ngân sách xã năm 2025 được tỉnh giao là 24 tỷ đồng. 9 tháng, thu ngân sách đạt 19,7 tỷ đồng, đạt 82,1%, tăng 7,5% so với cùng kỳ của các xã cũ. Tổng diện tích gieo trồng vụ Mùa đạt 2.860 ha, bằng 101,5% kế hoạch; năng suất lúa ước đạt 56,8 tạ/ha. Tổng đàn bò 3.420 con, đàn lợn 12.600 con, đàn gia cầm gần 95.000 con. Toàn xã có 9/14 thôn đạt chuẩn nông thôn mới nâng cao; tỷ lệ tham gia bảo hiểm y tế đạt 93,8%, thấp hơn chỉ tiêu 1,2%.""",
        [
            ("dự toán thu ngân sách xã được tỉnh giao", 24, "tỷ đồng", None, [], []),
            (
                "thu ngân sách",
                19.7,
                "tỷ đồng",
                None,
                [],
                [("estimate", "of", 82.1), ("same_period", "change", 7.5)],
            ),
            ("tổng diện tích gieo trồng vụ Mùa", 2860, "ha", None, [], [("plan", "of", 101.5)]),
            ("năng suất lúa", 56.8, "tạ/ha", None, ["estimated"], []),
            ("tổng đàn bò", 3420, "con", None, [], []),
            ("đàn lợn", 12600, "con", None, [], []),
            ("đàn gia cầm", 95000, "con", None, ["nearly"], []),
            ("thôn đạt chuẩn nông thôn mới nâng cao", 9, "thôn", 14, [], []),
            ("tỷ lệ tham gia bảo hiểm y tế", 93.8, "%", None, [], [("target", "change", -1.2)]),
        ],
    ),
    (
        "bao_cao_tinh_11_thang_sau_hop_nhat",
        """Sau hợp nhất, tỉnh có diện tích tự nhiên 9.125 km2, quy mô dân số hơn 3,2 triệu người, 124 đơn vị hành chính cấp xã (gồm 98 xã, 26 phường).
Tổng kim ngạch xuất, nhập khẩu 11 tháng ước đạt 5,62 tỷ USD, tăng 11,4% so với cùng kỳ, trong đó xuất khẩu đạt 3,1 tỷ USD, tăng 13%; nhập khẩu 2,52 tỷ USD, tăng 9,4%. Chỉ số giá tiêu dùng (CPI) bình quân 10 tháng tăng 3,27% so với cùng kỳ; lạm phát cơ bản tăng 2,7%.
Năm 2023, 2024 và 2025 các xã đều hoàn thành nhiệm vụ; năm 2025 có 1.250 hộ được hỗ trợ nhà ở. Tỷ lệ hộ nghèo giảm từ 3,12% đầu năm xuống còn 2,05%, vượt kế hoạch đề ra.
Vốn đầu tư công năm 2025 được Thủ tướng Chính phủ giao 8.650 tỷ đồng; tỉnh đã phân bổ chi tiết 8.420 tỷ đồng, đạt 97,3%; giải ngân đến 30/11 đạt 6.012 tỷ đồng, bằng 69,5% kế hoạch. Huyện đã có 3 xã về đích nông thôn mới nâng cao, nâng tổng số lên 8 xã. Tổng đàn trâu, bò ước đạt 215 nghìn con, giảm 1,8%; đàn lợn 1,05 triệu con, tăng 4,6%.""",
        [
            ("diện tích tự nhiên", 9125, "km2", None, [], []),
            ("quy mô dân số", 3.2, "triệu người", None, ["over"], []),
            ("đơn vị hành chính cấp xã", 124, "đơn vị", None, [], []),
            ("xã", 98, "xã", None, [], []),
            ("phường", 26, "phường", None, [], []),
            (
                "tổng kim ngạch xuất, nhập khẩu",
                5.62,
                "tỷ USD",
                None,
                ["estimated"],
                [("same_period", "change", 11.4)],
            ),
            ("kim ngạch xuất khẩu", 3.1, "tỷ USD", None, [], [("same_period", "change", 13)]),
            ("kim ngạch nhập khẩu", 2.52, "tỷ USD", None, [], [("same_period", "change", 9.4)]),
            ("chỉ số giá tiêu dùng (CPI)", None, None, None, ["average"], [("same_period", "change", 3.27)]),
            ("lạm phát cơ bản", None, None, None, [], [("same_period", "change", 2.7)]),
            ("hộ được hỗ trợ nhà ở", 1250, "hộ", None, [], []),
            ("tỷ lệ hộ nghèo", 3.12, "%", None, [], []),
            ("tỷ lệ hộ nghèo", 2.05, "%", None, [], []),
            ("vốn đầu tư công được Thủ tướng Chính phủ giao", 8650, "tỷ đồng", None, [], []),
            ("vốn đầu tư công phân bổ chi tiết", 8420, "tỷ đồng", None, [], [("plan", "of", 97.3)]),
            ("giải ngân vốn đầu tư công", 6012, "tỷ đồng", None, [], [("plan", "of", 69.5)]),
            ("xã về đích nông thôn mới nâng cao", 3, "xã", None, [], []),
            ("tổng số xã về đích nông thôn mới nâng cao", 8, "xã", None, [], []),
            ("tổng đàn trâu, bò", 215, "nghìn con", None, ["estimated"], [("same_period", "change", -1.8)]),
            ("đàn lợn", 1.05, "triệu con", None, [], [("same_period", "change", 4.6)]),
        ],
    ),
    (
        "tong_ket_nhiem_ky_xa_va_muc_tieu",
        """Nhìn lại nhiệm kỳ 2020 - 2025, Đảng bộ và Nhân dân xã đã đoàn kết, vượt qua khó khăn, hoàn thành 18/20 chỉ tiêu Nghị quyết Đại hội đề ra, trong đó có 12 chỉ tiêu vượt. Tốc độ tăng giá trị sản xuất bình quân hằng năm đạt 10,2%, vượt 0,2% so với mục tiêu Nghị quyết. Cơ cấu kinh tế chuyển dịch theo hướng tích cực: nông nghiệp giảm từ 42% xuống 28,5%; công nghiệp - xây dựng tăng từ 25% lên 33,4%; thương mại - dịch vụ tăng từ 33% lên 38,1%.
Tổng thu ngân sách trên địa bàn 5 năm đạt 156,8 tỷ đồng, bình quân mỗi năm đạt 31,4 tỷ đồng, tăng bình quân 12,6%/năm. Đến cuối năm 2025, tỷ lệ hộ nghèo còn 0,85% (giảm 3,15% so với đầu nhiệm kỳ). Nhiệm kỳ qua, Đảng bộ kết nạp được 126 đảng viên mới, đạt 126% chỉ tiêu; hằng năm có trên 90% chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên. Năm 2025, tổng vốn đầu tư phát triển trên địa bàn ước đạt 320 tỷ đồng, tăng 1,5 lần so với năm 2020. Toàn tỉnh đã sắp xếp 152 xã, phường, thị trấn thành 58 xã, phường mới, giảm 94 đơn vị hành chính cấp xã (tỷ lệ giảm 61,8%).
Mục tiêu đến năm 2030: thu nhập bình quân đầu người đạt từ 100 triệu đồng trở lên; tỷ lệ hộ nghèo giảm còn dưới 0,5%; 100% thôn đạt chuẩn nông thôn mới kiểu mẫu.""",
        [
            ("chỉ tiêu Nghị quyết Đại hội đề ra hoàn thành", 18, "chỉ tiêu", 20, [], []),
            ("chỉ tiêu vượt", 12, "chỉ tiêu", None, [], []),
            ("tốc độ tăng giá trị sản xuất", 10.2, "%", None, ["average"], [("resolution", "change", 0.2)]),
            ("cơ cấu kinh tế nông nghiệp", 42, "%", None, [], []),
            ("cơ cấu kinh tế nông nghiệp", 28.5, "%", None, [], []),
            ("cơ cấu kinh tế công nghiệp - xây dựng", 25, "%", None, [], []),
            ("cơ cấu kinh tế công nghiệp - xây dựng", 33.4, "%", None, [], []),
            ("cơ cấu kinh tế thương mại - dịch vụ", 33, "%", None, [], []),
            ("cơ cấu kinh tế thương mại - dịch vụ", 38.1, "%", None, [], []),
            ("tổng thu ngân sách trên địa bàn", 156.8, "tỷ đồng", None, [], []),
            ("thu ngân sách trên địa bàn bình quân mỗi năm", 31.4, "tỷ đồng", None, ["average"], []),
            ("thu ngân sách trên địa bàn", 12.6, "%/năm", None, ["average"], []),
            ("tỷ lệ hộ nghèo", 0.85, "%", None, [], [("other", "change", -3.15)]),
            ("kết nạp đảng viên mới", 126, "đảng viên", None, [], [("target", "of", 126)]),
            ("chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên", 90, "%", None, ["over"], []),
            ("tổng vốn đầu tư phát triển trên địa bàn", 320, "tỷ đồng", None, ["estimated"], []),
            ("tổng vốn đầu tư phát triển trên địa bàn", 1.5, "lần", None, [], []),
            ("xã, phường, thị trấn sắp xếp", 152, "xã, phường, thị trấn", None, [], []),
            ("xã, phường mới", 58, "xã, phường", None, [], []),
            ("đơn vị hành chính cấp xã giảm", 94, "đơn vị", None, [], []),
            ("tỷ lệ giảm đơn vị hành chính cấp xã", 61.8, "%", None, [], []),
            ("thu nhập bình quân đầu người", 100, "triệu đồng", None, ["over"], []),
            ("tỷ lệ hộ nghèo", 0.5, "%", None, ["under"], []),
            ("thôn đạt chuẩn nông thôn mới kiểu mẫu", 100, "%", None, [], []),
        ],
    ),
    (
        "phuong_moi_bo_may_va_ho_so",
        """Đảng bộ phường hiện có 52 chi, đảng bộ trực thuộc với 2.860 đảng viên; phường có 24 khu phố, 18.450 hộ với 61.200 nhân khẩu.
Sau 3 tháng vận hành mô hình chính quyền hai cấp, Trung tâm Phục vụ hành chính công phường đã tiếp nhận 4.215 hồ sơ, giải quyết đúng hạn 4.180 hồ sơ, đạt 99,2%. Tỷ lệ hồ sơ trực tuyến toàn trình đạt 78,5%, cao hơn bình quân chung của tỉnh 12,3%.
Phường có 100% khu phố có nhà văn hóa, 98,5% hộ sử dụng nước sạch, 85% hộ phân loại rác tại nguồn. Có 4/4 trường đạt chuẩn quốc gia, trong đó 2 trường đạt chuẩn mức độ 2. Lực lượng công an phường đã tiếp nhận, giải quyết 36 vụ việc, đạt tỷ lệ 94,7%; điều tra làm rõ 15/16 vụ phạm pháp hình sự.""",
        [
            ("chi, đảng bộ trực thuộc", 52, "chi, đảng bộ", None, [], []),
            ("đảng viên", 2860, "đảng viên", None, [], []),
            ("khu phố", 24, "khu phố", None, [], []),
            ("hộ", 18450, "hộ", None, [], []),
            ("nhân khẩu", 61200, "nhân khẩu", None, [], []),
            ("hồ sơ tiếp nhận", 4215, "hồ sơ", None, [], []),
            ("hồ sơ giải quyết đúng hạn", 4180, "hồ sơ", None, [], []),
            ("tỷ lệ hồ sơ giải quyết đúng hạn", 99.2, "%", None, [], []),
            ("tỷ lệ hồ sơ trực tuyến toàn trình", 78.5, "%", None, [], [("other", "change", 12.3)]),
            ("khu phố có nhà văn hóa", 100, "%", None, [], []),
            ("hộ sử dụng nước sạch", 98.5, "%", None, [], []),
            ("hộ phân loại rác tại nguồn", 85, "%", None, [], []),
            ("trường đạt chuẩn quốc gia", 4, "trường", 4, [], []),
            ("trường đạt chuẩn mức độ 2", 2, "trường", None, [], []),
            ("vụ việc tiếp nhận, giải quyết", 36, "vụ việc", None, [], []),
            ("tỷ lệ giải quyết vụ việc", 94.7, "%", None, [], []),
            ("vụ phạm pháp hình sự điều tra làm rõ", 15, "vụ", 16, [], []),
        ],
    ),
]
