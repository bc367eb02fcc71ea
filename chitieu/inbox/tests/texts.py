"""A report written for these tests (in the genre of a town's half-year review, not copied from any
article): the inbox reads it as it would read a clerk's upload."""

KINH_MON_H1_2022 = """Thị ủy Kinh Môn: báo cáo nhanh kết quả 6 tháng đầu năm 2022

Ngày 13/7/2022, Ban Chấp hành Đảng bộ thị xã họp phiên thường kỳ để đánh giá nửa đầu năm.

Giá trị sản xuất trên địa bàn thị xã ước đạt 31.167 tỷ đồng, bằng 51,7% kế hoạch, tăng 15,9% so với cùng kỳ năm trước. Cụ thể: ngành nông - lâm - thuỷ sản đạt 1.712 tỷ đồng, bằng 70,5% kế hoạch; ngành công nghiệp - xây dựng đạt 27.150 tỷ đồng, bằng 50,9% kế hoạch; ngành dịch vụ đạt 2.305 tỷ đồng, bằng 50,5% kế hoạch.

Thu ngân sách nhà nước trên địa bàn đạt 905 tỷ 653 triệu đồng, bằng 106% dự toán năm.

Hội nghị thống nhất giao 11 nhiệm vụ trọng tâm cho 6 tháng cuối năm.
"""
