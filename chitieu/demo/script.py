"""How the demo reads each seed article: which unit and period it reports on, which catalogue
indicator each extracted figure measures (patterns on the indicator as the extractor wrote it; the
first match wins, a figure matching nothing is dropped), and the conference the article describes.

No figure is typed here: values and percentages come out of the extractor. What is typed is what a
reviewer would decide in the inbox (the indicator, a unit, a status) and the conference's prose:
limitations and tasks quoted from the article.
"""

from __future__ import annotations

import datetime as dt

SCRIPT = [
    {
        "file": "000_a5e4ecb6de1f5d52.txt",
        "unit": "kien-tuong",
        "period": "2023-H1",
        "title": "Thị xã Kiến Tường: kết quả 6 tháng đầu năm 2023 (Hội nghị BCH lần thứ 14)",
        "term": (2020, 2025, 12),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2023,
            "title": "Nghị quyết Thị ủy Kiến Tường về nhiệm vụ năm 2023",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "map": [
            (r"chất lượng cao", "lua-chat-luong-cao", {}),
            (r"lúa", "lua-dong-xuan", {}),
            (r"giải ngân", "giai-ngan-dtc", {}),
            (r"thu ngân sách", "thu-ngan-sach", {}),
        ],
        "conference": {
            "body": "executive",
            "agenda": [
                "Đánh giá kết quả thực hiện Nghị quyết Thị ủy 6 tháng đầu năm, đề ra phương hướng, nhiệm vụ 6 tháng cuối năm 2023",
                "Thực hiện quy chế chất vấn trong Đảng",
                "Thực hiện quy trình công tác cán bộ theo quy định",
            ],
            "limitations": [
                (
                    "Công tác quản lý đất đai, giải phóng mặt bằng, các công trình xây dựng cơ bản còn tồn tại kéo dài.",
                    "",
                    ["giai-ngan-dtc"],
                ),
                ("Công tác thu ngân sách còn chậm tiến độ.", "", ["thu-ngan-sach"]),
            ],
            "tasks": [
                (
                    "Tập trung lãnh đạo chặt chẽ việc sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ thị xã lần thứ XII.",
                    "Ban Thường vụ Thị ủy",
                    None,
                ),
                (
                    "Lãnh đạo quyết liệt công tác thu ngân sách năm 2023 đạt và vượt chỉ tiêu Nghị quyết đề ra.",
                    "Ủy ban nhân dân thị xã",
                    dt.date(2023, 12, 31),
                ),
                (
                    "Tăng cường công tác bảo đảm an ninh chính trị, trật tự an toàn xã hội.",
                    "Công an thị xã",
                    None,
                ),
                (
                    "Tiếp tục duy trì, tăng cường các hoạt động đối ngoại; thực hiện tốt các phương án bảo vệ biên giới.",
                    "Ban Chỉ huy Quân sự thị xã",
                    None,
                ),
                ("Chuẩn bị, tổ chức tốt Kỳ thi tốt nghiệp THPT năm 2023.", "Phòng Giáo dục và Đào tạo", None),
            ],
        },
    },
    {
        "file": "001_65f0ce935d2ca2c3.txt",
        "unit": "kinh-mon",
        "period": "2022-H1",
        "title": "Hội nghị lần thứ 9 Ban Chấp hành Đảng bộ thị xã Kinh Môn khóa 25",
        "term": (2020, 2025, 25),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2022,
            "title": "Nghị quyết Ban Chấp hành Đảng bộ thị xã Kinh Môn về nhiệm vụ năm 2022",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "map": [
            (r"nông\s*-\s*lâm", "gtsx-nlts", {}),
            (r"công nghiệp\s*-\s*xây dựng", "gtsx-cnxd", {}),
            (r"dịch vụ", "gtsx-dv", {}),
            (r"tổng giá trị sản xuất", "gtsx", {}),
            (r"thu ngân sách", "thu-ngan-sach", {}),
        ],
        "conference": {
            "body": "executive",
            "agenda": [
                "Đánh giá kết quả lãnh đạo, triển khai thực hiện nhiệm vụ 6 tháng đầu năm 2022",
                "Thông qua các chỉ tiêu phát triển trong 6 tháng cuối năm",
                "Điều chỉnh cơ cấu Đề án nhân sự Ban Chấp hành Đảng bộ thị xã khóa 25, nhiệm kỳ 2020-2025",
            ],
            # The personnel structure voted on: its bloc sizes are the article's "đồng chí" figures.
            "vote": {
                "matter": "Điều chỉnh cơ cấu Đề án nhân sự Ban Chấp hành Đảng bộ thị xã khóa 25, nhiệm kỳ 2020-2025",
                "outcome": "passed",
                "personnel": True,
                "blocs_from": r"khối",
            },
            "limitations": [
                ("Còn một số đơn thư trùng lặp nội dung, ý kiến nhiều lần, nhiều cấp.", "", []),
            ],
            "tasks": [
                (
                    "Đề xuất và thực hiện các nhiệm vụ, giải pháp phát triển kinh tế trong 6 tháng cuối năm.",
                    "Ủy ban nhân dân thị xã",
                    dt.date(2022, 12, 31),
                ),
                (
                    "Hạn chế, giải quyết dứt điểm các đơn thư trùng lặp nội dung, ý kiến nhiều lần, nhiều cấp.",
                    "Ủy ban nhân dân thị xã",
                    None,
                ),
                (
                    "Các tổ chức cơ sở Đảng phát huy thực chất công việc đột phá thực hiện Chỉ thị 05 của Bộ Chính trị.",
                    "Các chi, đảng bộ trực thuộc",
                    None,
                ),
                (
                    "Ủy viên Ban Chấp hành, thủ trưởng các phòng, ban, ngành, đoàn thể đi đầu, nêu gương, quyết tâm hoàn thành thắng lợi các mục tiêu năm 2022.",
                    "Các đồng chí Ủy viên Ban Chấp hành",
                    dt.date(2022, 12, 31),
                ),
            ],
        },
    },
    {
        "file": "002_365b687f6c0b5cba.txt",
        "unit": "huu-lung",
        "period": "2023-Q1",
        "title": "Ban Chấp hành Đảng bộ huyện Hữu Lũng triển khai nhiệm vụ quý II/2023",
        "term": (2020, 2025, None),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2023,
            "title": "Nghị quyết Ban Chấp hành Đảng bộ huyện Hữu Lũng về nhiệm vụ năm 2023",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "map": [(r"thu ngân sách", "thu-ngan-sach", {})],
        "conference": {
            "body": "executive",
            "limitations": [
                ("Công tác tham mưu của một số cơ quan, đơn vị đôi khi chưa đáp ứng được yêu cầu.", "", []),
                ("Tình hình giải ngân vốn đầu tư còn thấp.", "", ["giai-ngan-dtc"]),
                (
                    "Công tác rà soát quy hoạch, điều chỉnh, bổ sung quy hoạch cấp ủy, cán bộ lãnh đạo quản lý các cấp ở một số chi, đảng bộ chưa được quan tâm đúng mức.",
                    "",
                    [],
                ),
            ],
            "tasks": [
                (
                    "Tập trung chỉ đạo, điều hành các giải pháp đẩy mạnh công tác thu ngân sách.",
                    "Ủy ban nhân dân huyện",
                    dt.date(2023, 6, 30),
                ),
                (
                    "Tiếp tục tháo gỡ vướng mắc trong công tác giải phóng mặt bằng đối với các công trình dự án, nhất là dự án có phạm vi giải phóng mặt bằng lớn.",
                    "Ủy ban nhân dân huyện",
                    dt.date(2023, 6, 30),
                ),
                (
                    "Chỉ đạo triển khai thực hiện tốt nhiệm vụ năm học 2022 - 2023.",
                    "Phòng Giáo dục và Đào tạo",
                    dt.date(2023, 6, 30),
                ),
                (
                    "Thực hiện đầy đủ, kịp thời các chính sách đảm bảo an sinh xã hội.",
                    "Ủy ban nhân dân huyện",
                    dt.date(2023, 6, 30),
                ),
                (
                    "Thực hiện tốt công tác giáo dục chính trị tư tưởng trong đội ngũ cán bộ, đảng viên.",
                    "Ban Tuyên giáo Huyện ủy",
                    dt.date(2023, 6, 30),
                ),
            ],
        },
    },
    {
        "file": "003_1790e24bd253e290.txt",
        "unit": "vinh-hung",
        "period": "2024-H1",
        "title": "Bí thư Huyện ủy Vĩnh Hưng giao ban quý II với Bí thư Đảng ủy các xã, thị trấn",
        "term": (2020, 2025, None),
        "resolution": {
            "body": "executive",
            "kind": "annual",
            "year": 2024,
            "title": "Nghị quyết Huyện ủy Vĩnh Hưng về nhiệm vụ năm 2024",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "map": [
            (r"nâng cao xã vĩnh bình", "ntm-nang-cao-tieu-chi", {"unit": "vh-vinh-binh"}),
            (r"tiêu chí huyện", "huyen-ntm-tieu-chi", {}),
            (r"xã đạt nông thôn mới", "ntm-so-xa", {"communes_flag": "ntm-dat-chuan"}),
            (r"bhyt|bảo hiểm y tế", "bhyt", {}),
            (r"mặt trận", "dai-hoi-mttq", {}),
        ],
        "conference": {
            "body": "briefing",
            "presented": [
                (
                    "Dự thảo tổng hợp tình hình kết quả thực hiện Nghị quyết Huyện ủy, Đảng ủy 6 tháng năm 2024",
                    "Nguyễn Phương Linh",
                )
            ],
            "limitations": [
                ("Các xã, thị trấn còn gặp khó khăn, vướng mắc trong triển khai nhiệm vụ.", "", []),
            ],
            "tasks": [
                (
                    "Lãnh đạo các xã, thị trấn tiếp tục phát huy trách nhiệm người đứng đầu; tập trung tháo gỡ khó khăn để thực hiện các công trình trọng điểm, chương trình đột phá theo nghị quyết.",
                    "Bí thư Đảng ủy các xã, thị trấn",
                    dt.date(2024, 12, 31),
                ),
                (
                    "Chỉ đạo triển khai thực hiện xây dựng nông thôn mới, nông thôn mới nâng cao.",
                    "Đảng ủy các xã",
                    dt.date(2024, 12, 31),
                ),
                (
                    "Hoàn thiện hồ sơ đề nghị công nhận xã Tuyên Bình Tây đạt chuẩn nông thôn mới trong năm 2024.",
                    "Đảng ủy xã Tuyên Bình Tây",
                    dt.date(2024, 12, 31),
                ),
                (
                    "Nâng cao chất lượng sinh hoạt chi bộ, xây dựng mô hình dân vận khéo; công tác kiểm tra, giám sát, phát triển đảng viên.",
                    "Đảng ủy các xã, thị trấn",
                    None,
                ),
            ],
        },
    },
    {
        "file": "004_49ac751fb926b147.txt",
        "unit": "lang-can",
        # A mid-term review: cumulative figures to May 2023 within the open 2020-2025 term.
        "period": "2020-2025",
        "status": "estimate",
        "note": "Sơ kết giữa nhiệm kỳ: lũy kế từ năm 2020 đến tháng 5/2023.",
        "title": "Đảng bộ thị trấn Lăng Can sơ kết hai năm rưỡi thực hiện Nghị quyết Đại hội",
        "term": (2020, 2025, 17),
        "resolution": {
            "body": "congress",
            "kind": "congress",
            "title": "Nghị quyết Đại hội đại biểu Đảng bộ lần thứ XVII, nhiệm kỳ 2020 - 2025",
            "note": "Số và ký hiệu không nêu trong bài.",
        },
        "map": [
            (r"chỉ tiêu", "chi-tieu-nq-dat", {}),
            (r"cây trồng", "nang-suat-san-luong-cay-trong", {}),
            (r"khách du lịch", "khach-du-lich", {}),
            (r"doanh thu", "doanh-thu-du-lich", {}),
            (r"rừng", "trong-rung", {}),
            (r"\bdê\b", "dan-de-nui", {}),
            (r"\blợn\b", "lon-den", {}),
            (r"\bcá\b", "ca-dac-san", {}),
            (r"lúa", "lua-dac-san", {}),
            (r"\blạc\b", "lac", {}),
            (r"đảng viên", "phat-trien-dang-vien", {}),
        ],
        "conference": {
            "body": "executive",
            "kind": "thematic",
            "ordinal": None,
            # The article says only "Vừa qua" (recently), published with the figures to May 2023.
            "date_fallback": dt.date(2023, 6, 30),
            "date_note": "Ngày họp không nêu trong bài; ngày 30/6/2023 là giả định của dữ liệu mẫu.",
            "limitations": [
                (
                    "Chưa tổ chức kiểm tra, giám sát chuyên đề về thực hiện Nghị quyết Đại hội Đảng bộ.",
                    "",
                    [],
                ),
                ("Một số chỉ tiêu kế hoạch về đàn gia súc tăng trưởng thấp.", "", ["dan-de-nui", "lon-den"]),
                ("Sản xuất nông, lâm nghiệp còn manh mún, chưa trở thành hàng hóa.", "", []),
                (
                    "Các ngành tiểu thủ công nghiệp, dịch vụ phát triển chậm, tạo việc làm mới cho lao động ở nông thôn còn hạn chế.",
                    "",
                    [],
                ),
            ],
            "tasks": [
                (
                    "Thực hiện điều chỉnh, bổ sung một số chỉ tiêu đảm bảo phù hợp với thực tiễn và nghị quyết Đại hội Đảng các cấp.",
                    "Ban Chấp hành Đảng bộ thị trấn",
                    None,
                ),
                (
                    "Huy động các nguồn lực xây dựng kết cấu hạ tầng phục vụ sản xuất, phát triển du lịch.",
                    "Ủy ban nhân dân thị trấn",
                    dt.date(2025, 12, 31),
                ),
                (
                    "Tiếp tục thực hiện hiệu quả Nghị quyết số 28 về phát triển cây trồng, vật nuôi có lợi thế theo hướng hàng hóa gắn với du lịch.",
                    "Ủy ban nhân dân thị trấn",
                    dt.date(2025, 12, 31),
                ),
                (
                    "Quyết liệt thực hiện đồng bộ các giải pháp để hoàn thành các chỉ tiêu chưa đạt hoặc đạt thấp.",
                    "Ban Chấp hành Đảng bộ thị trấn",
                    dt.date(2025, 12, 31),
                ),
            ],
        },
    },
]
