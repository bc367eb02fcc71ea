"""Things that are not figures (issue 15): ratings (``sản phẩm OCOP 4 sao``), ranks (``xếp thứ
9/34``, ``tăng 4 bậc``), numbers inside names (``Nhà máy ... số 2``, ``Kim Đồng 2``), number words in
set phrases (``cả hai``, ``chính quyền hai cấp``), and dates glued to the text around them.  The
figures next to them are still read."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple]]] = [
    (
        "ocop_xep_hang_sao",
        """Đến nay, toàn xã có 14 sản phẩm OCOP, trong đó 3 sản phẩm đạt 4 sao, 11 sản phẩm đạt 3 sao; phấn đấu đến năm 2030 có thêm 5 sản phẩm OCOP từ 3 sao trở lên.""",
        [
            ("sản phẩm OCOP", 14, "sản phẩm OCOP", None, [], []),
            ("sản phẩm OCOP đạt 4 sao", 3, "sản phẩm", None, [], []),
            ("sản phẩm OCOP đạt 3 sao", 11, "sản phẩm", None, [], []),
            ("sản phẩm OCOP từ 3 sao trở lên", 5, "sản phẩm OCOP", None, [], []),
        ],
    ),
    (
        "chi_so_xep_thu",
        """Năm 2025, Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh đạt 70,15 điểm, xếp thứ 9/34 tỉnh, thành phố, tăng 4 bậc so với năm 2024; Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) đạt 85,6%, đứng thứ 7 cả nước; Chỉ số cải cách hành chính (PAR Index) xếp hạng 11/34, lọt top 10 tỉnh dẫn đầu khu vực.""",
        [
            ("chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh", 70.15, "điểm", None, [], []),
            ("chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", 85.6, "%", None, [], []),
        ],
    ),
    (
        "so_trong_ten_cong_trinh",
        """Dự án Nhà máy xử lý nước thải số 2 có tổng mức đầu tư 450 tỷ đồng. Trường Tiểu học Kim Đồng 2 và Trường Mầm non Sao Mai 3 được công nhận đạt chuẩn quốc gia mức độ 2. Tuyến đường tỉnh 332 và Quốc lộ 18 được mở rộng với tổng chiều dài 12,5 km.""",
        [
            ("tổng mức đầu tư dự án Nhà máy xử lý nước thải số 2", 450, "tỷ đồng", None, [], []),
            ("tổng chiều dài tuyến đường tỉnh và Quốc lộ mở rộng", 12.5, "km", None, [], []),
        ],
    ),
    (
        "so_tu_trong_cum_tu",
        """Cả hai cấp ủy đều hoàn thành tốt nhiệm vụ; một số chỉ tiêu còn đạt thấp. Hai năm liền, xã được công nhận là đơn vị dẫn đầu. Mô hình chính quyền địa phương hai cấp vận hành ổn định, cả ba đơn vị sự nghiệp đều được kiện toàn; đến nay đã có ba xã đạt chuẩn nông thôn mới nâng cao.""",
        [
            ("xã đạt chuẩn nông thôn mới nâng cao", 3, "xã", None, [], []),
        ],
    ),
    (
        "ngay_thang_dinh_lien",
        """Ngày1/7/2025, xã mới chính thức đi vào hoạt động. Tính đến31/12/2025, thu ngân sách trên địa bàn đạt 15,2 tỷ đồng. Số liệu tại thời điểm 30/9 cho thấy có 1.250 hộ dân được hỗ trợ; cập nhật lúc 16h30 ngày 02/10/2025.""",
        [
            ("thu ngân sách trên địa bàn", 15.2, "tỷ đồng", None, [], []),
            ("hộ dân được hỗ trợ", 1250, "hộ dân", None, [], []),
        ],
    ),
    (
        "ten_don_vi_va_van_ban",
        """Thực hiện Kết luận số 127-KL/TW và Nghị quyết số 60-NQ/TW, Sư đoàn 312 và Trung đoàn 9 phối hợp với Tổ công tác 141 tuần tra, kiểm soát, phát hiện 326 trường hợp vi phạm. Đề án 06 của Chính phủ được triển khai, cấp 12.480 tài khoản định danh điện tử mức độ 2.""",
        [
            ("phát hiện trường hợp vi phạm", 326, "trường hợp", None, [], []),
            ("cấp tài khoản định danh điện tử mức độ 2", 12480, "tài khoản", None, [], []),
        ],
    ),
    (
        "xep_loai_va_cap_do",
        """Kết quả đánh giá, xếp loại năm 2025: 12 tổ chức đảng hoàn thành xuất sắc nhiệm vụ, xếp loại A; Bệnh viện đa khoa được xếp hạng II; có 35 trường học đạt chuẩn quốc gia mức độ 1 và 8 trường đạt mức độ 2.""",
        [
            ("tổ chức đảng hoàn thành xuất sắc nhiệm vụ", 12, "tổ chức đảng", None, [], []),
            ("trường học đạt chuẩn quốc gia mức độ 1", 35, "trường học", None, [], []),
            ("trường đạt chuẩn quốc gia mức độ 2", 8, "trường", None, [], []),
        ],
    ),
]
