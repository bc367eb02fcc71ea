"""The five seed reviews as facts chitieu records: each unit's figures for the period under review, the
percentages stated against each basis, the conference (date, number, who presided or was invited,
agenda, votes) and the gist of its limitations and tasks, in chitieu's own words.

The demo loads from these alone. The articles the facts come from are an extra: where a folder of them
is given (``chitieu demo --articles DIR``), each is filed in the document inbox and every figure is
linked to the place it is written. ``written`` is how the article writes a figure's number (the
demo finds it there, in order, to link the span); it is never needed to load the figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stated:
    """A percentage stated against a basis: kind "of" (đạt X% kế hoạch) or "change" (tăng X%)."""

    basis: str
    kind: str
    percent: str
    label: str = ""
    qualifier: str = ""


@dataclass(frozen=True)
class Figure:
    indicator: str
    value: str | None = None
    denominator: str | None = None
    stated: tuple[Stated, ...] = ()
    qualifier: str = ""  # over (trên), nearly, about
    status: str | None = None  # default: the review's status, else actual
    unit: str | None = None  # default: the review's unit
    written: str = ""  # the number as the article writes it (for linking the span)


@dataclass(frozen=True)
class Official:
    name: str
    titles: tuple[str, ...]
    role: str  # chair, member, invited, presenter


@dataclass(frozen=True)
class Vote:
    matter: str
    outcome: str
    personnel: bool
    blocs: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Conference:
    date: dt.date
    body: str = "executive"
    kind: str = "regular"
    ordinal: int | None = None
    minutes: str = ""
    officials: tuple[Official, ...] = ()
    agenda: tuple[str, ...] = ()
    presented: tuple[tuple[str, str], ...] = ()  # (document, presenter)
    votes: tuple[Vote, ...] = ()
    limitations: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (gist, indicator codes)
    tasks: tuple[tuple[str, str, dt.date | None], ...] = ()  # (gist, owner, deadline)


@dataclass(frozen=True)
class NumberedTarget:
    """A resolution's "chỉ tiêu số n" for the term. ``illustrative``: the article does not give the
    number, so the demo chooses one (and says so); ``note`` says where the value comes from."""

    number: int
    indicator: str
    value: str
    kind: str = "level"
    illustrative: bool = True
    note: str = ""


@dataclass(frozen=True)
class Adjustment:
    """A dated adjustment of some numbered targets (điều chỉnh chỉ tiêu): (number, new value)."""

    date: dt.date
    body: str
    reason: str
    changes: tuple[tuple[int, str], ...]
    illustrative: bool = True
    note: str = ""


@dataclass(frozen=True)
class Review:
    article: str  # file name of the article in the seed folder
    article_sha256: str  # of the file's bytes: another text under that name is not linked
    unit: str
    period: str
    title: str
    term: tuple[int, int, int | None]  # start, end, congress ordinal
    resolution: dict
    conference: Conference
    figures: tuple[Figure, ...]
    status: str | None = None
    note: str = ""
    # (indicator, {commune code: 0/1}, the count figure's indicator): each commune's standing behind
    # an "X/Y xã đạt chuẩn" figure, as the article names the one still waiting.
    standings: tuple[tuple[str, dict[str, int], str], ...] = field(default=())
    # the resolution's numbered targets and their adjustments, as far as the article states them
    targets: tuple[NumberedTarget, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()


S = Stated
F = Figure
NO_NUMBER = "Số và ký hiệu không nêu trong bài."
ILLUSTRATIVE = "MINH HỌA: bài viết không nêu số chỉ tiêu của Nghị quyết; giá trị do dữ liệu mẫu chọn."
T = NumberedTarget

REVIEWS: tuple[Review, ...] = (
    Review(
        article="000_a5e4ecb6de1f5d52.txt",
        article_sha256="534cd92035c8cf731b38df81b42b5cf1bdb660dfbedbcb072f8f09765b78e58a",
        unit="kien-tuong",
        period="2023-H1",
        title="Thị xã Kiến Tường: kết quả 6 tháng đầu năm 2023 (Hội nghị BCH lần thứ 14)",
        term=(2020, 2025, 12),
        resolution={
            "body": "executive",
            "kind": "annual",
            "year": 2023,
            "title": "Nghị quyết Thị ủy Kiến Tường về nhiệm vụ năm 2023",
            "note": NO_NUMBER,
        },
        figures=(
            F("lua-dong-xuan", "101761", stated=(S("plan", "of", "59.9", "kế hoạch"),), written="101.761"),
            F(
                "lua-chat-luong-cao",
                "98755",
                stated=(S("resolution", "of", "82.3", "Nghị quyết"),),
                written="98.755",
            ),
            F("giai-ngan-dtc", stated=(S("plan", "of", "63", "kế hoạch"),), written="63"),
            F(
                "thu-ngan-sach",
                stated=(
                    S("plan", "of", "31", "kế hoạch thị xã"),
                    S("estimate_upper", "of", "49", "dự toán tỉnh giao"),
                ),
                written="31",
            ),
        ),
        conference=Conference(
            date=dt.date(2023, 6, 22),
            ordinal=14,
            officials=(
                Official(
                    "Nguyễn Minh Lâm",
                    ("Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh Long An"),
                    "invited",
                ),
            ),
            agenda=(
                "Kết quả thực hiện Nghị quyết Thị ủy 6 tháng đầu năm 2023; phương hướng, nhiệm vụ 6 tháng cuối năm",
                "Chất vấn theo quy chế chất vấn trong Đảng",
                "Công tác cán bộ theo quy trình",
            ),
            limitations=(
                (
                    "Quản lý đất đai, giải phóng mặt bằng và xây dựng cơ bản còn vướng mắc kéo dài.",
                    ("giai-ngan-dtc",),
                ),
                ("Thu ngân sách chậm tiến độ.", ("thu-ngan-sach",)),
            ),
            tasks=(
                (
                    "Sơ kết giữa nhiệm kỳ việc thực hiện Nghị quyết Đại hội XII của Đảng bộ thị xã; giải pháp cho nửa nhiệm kỳ còn lại.",
                    "Ban Thường vụ Thị ủy",
                    None,
                ),
                (
                    "Bảo đảm thu ngân sách cả năm 2023 không thấp hơn mức Nghị quyết giao.",
                    "Ủy ban nhân dân thị xã",
                    dt.date(2023, 12, 31),
                ),
                ("Giữ vững an ninh chính trị, trật tự an toàn xã hội.", "Công an thị xã", None),
                (
                    "Duy trì quan hệ đối ngoại với địa phương giáp biên; bảo vệ biên giới theo các phương án.",
                    "Ban Chỉ huy Quân sự thị xã",
                    None,
                ),
                ("Tổ chức Kỳ thi tốt nghiệp THPT năm 2023.", "Phòng Giáo dục và Đào tạo", None),
            ),
        ),
    ),
    Review(
        article="001_65f0ce935d2ca2c3.txt",
        article_sha256="5e9f7194a877769f3824fc2bfc2a0347951ab4269dc08b86d73c6aadcdd5b1e7",
        unit="kinh-mon",
        period="2022-H1",
        title="Hội nghị lần thứ 9 Ban Chấp hành Đảng bộ thị xã Kinh Môn khóa 25",
        term=(2020, 2025, 25),
        resolution={
            "body": "executive",
            "kind": "annual",
            "year": 2022,
            "title": "Nghị quyết Ban Chấp hành Đảng bộ thị xã Kinh Môn về nhiệm vụ năm 2022",
            "note": NO_NUMBER,
        },
        figures=(
            F(
                "gtsx",
                "31167",
                stated=(S("plan", "of", "51.7", "kế hoạch"), S("same_period", "change", "15.9", "cùng kỳ")),
                status="estimate",
                written="31.167",
            ),
            F(
                "gtsx-nlts",
                "1712",
                stated=(S("plan", "of", "70.5", "kế hoạch"), S("same_period", "change", "0.3")),
                written="1.712",
            ),
            F(
                "gtsx-cnxd",
                "27150",
                stated=(S("plan", "of", "50.9", "kế hoạch"), S("same_period", "change", "17.2")),
                written="27.150",
            ),
            F(
                "gtsx-dv",
                "2305",
                stated=(S("plan", "of", "50.5", "kế hoạch"), S("same_period", "change", "13.8", "cùng kỳ")),
                written="2.305",
            ),
            F(
                "thu-ngan-sach",
                "905.653",
                stated=(S("estimate_local", "of", "106", "dự toán năm"),),
                written="905 tỷ 653 triệu",
            ),
        ),
        conference=Conference(
            date=dt.date(2022, 7, 13),
            ordinal=9,
            officials=(
                Official(
                    "Sái Thị Yến",
                    (
                        "Uỷ viên Ban chấp hành Đảng bộ tỉnh",
                        "Bí thư Thị uỷ",
                        "Chủ tịch Hội đồng nhân dân thị xã",
                    ),
                    "chair",
                ),
                Official("Bùi Xuân Lộc", ("Phó bí thư thường trực Thị uỷ",), "chair"),
                Official("Trương Đức San", ("Phó bí thư Thị uỷ", "Chủ tịch Uỷ ban nhân dân thị xã"), "chair"),
            ),
            agenda=(
                "Kết quả lãnh đạo thực hiện nhiệm vụ 6 tháng đầu năm 2022",
                "Chỉ tiêu phát triển 6 tháng cuối năm 2022",
                "Biểu quyết cơ cấu nhân sự Ban Chấp hành khóa 25 theo Đề án điều chỉnh",
            ),
            votes=(
                Vote(
                    matter="Điều chỉnh cơ cấu Đề án nhân sự Ban Chấp hành Đảng bộ thị xã khóa 25, nhiệm kỳ 2020-2025",
                    outcome="passed",
                    personnel=True,
                    blocs=(
                        ("Khối Đảng", 11),
                        ("Khối chính quyền", 14),
                        ("Khối Mặt trận Tổ quốc và đoàn thể chính trị", 5),
                        ("Khối nội chính", 4),
                        ("Khối xã/phường", 7),
                    ),
                ),
            ),
            limitations=(("Vẫn còn đơn thư trùng lặp, gửi nhiều lần, lên nhiều cấp.", ()),),
            tasks=(
                (
                    "Giải pháp phát triển kinh tế 6 tháng cuối năm 2022.",
                    "Ủy ban nhân dân thị xã",
                    dt.date(2022, 12, 31),
                ),
                (
                    "Giải quyết dứt điểm đơn thư trùng lặp, gửi nhiều lần, lên nhiều cấp.",
                    "Ủy ban nhân dân thị xã",
                    None,
                ),
                (
                    "Thực hiện thực chất công việc đột phá theo Chỉ thị 05 của Bộ Chính trị ở tổ chức cơ sở đảng.",
                    "Các chi, đảng bộ trực thuộc",
                    None,
                ),
                (
                    "Ủy viên Ban Chấp hành và người đứng đầu phòng, ban, ngành, đoàn thể nêu gương để hoàn thành các mục tiêu năm 2022.",
                    "Các đồng chí Ủy viên Ban Chấp hành",
                    dt.date(2022, 12, 31),
                ),
            ),
        ),
    ),
    Review(
        article="002_365b687f6c0b5cba.txt",
        article_sha256="098a085d841f283ffa7be6a9d0d1929e7bba876942a06160c1576d1ef674f084",
        unit="huu-lung",
        period="2023-Q1",
        title="Ban Chấp hành Đảng bộ huyện Hữu Lũng triển khai nhiệm vụ quý II/2023",
        term=(2020, 2025, None),
        resolution={
            "body": "executive",
            "kind": "annual",
            "year": 2023,
            "title": "Nghị quyết Ban Chấp hành Đảng bộ huyện Hữu Lũng về nhiệm vụ năm 2023",
            "note": NO_NUMBER,
        },
        figures=(
            F(
                "thu-ngan-sach",
                "40.7",
                stated=(S("estimate_upper", "of", "27.9", "dự toán tỉnh giao"),),
                written="40,7",
            ),
        ),
        conference=Conference(
            date=dt.date(2023, 4, 7),
            ordinal=15,
            limitations=(
                ("Tham mưu của một số cơ quan, đơn vị có lúc chưa đạt yêu cầu.", ()),
                ("Giải ngân vốn đầu tư thấp.", ("giai-ngan-dtc",)),
                (
                    "Rà soát, bổ sung quy hoạch cấp ủy và cán bộ lãnh đạo, quản lý ở một số chi, đảng bộ chưa được chú ý đúng mức.",
                    (),
                ),
            ),
            tasks=(
                ("Đẩy mạnh thu ngân sách.", "Ủy ban nhân dân huyện", dt.date(2023, 6, 30)),
                (
                    "Tháo gỡ vướng mắc giải phóng mặt bằng các công trình, dự án, trước hết các dự án lớn.",
                    "Ủy ban nhân dân huyện",
                    dt.date(2023, 6, 30),
                ),
                (
                    "Hoàn thành nhiệm vụ năm học 2022 - 2023.",
                    "Phòng Giáo dục và Đào tạo",
                    dt.date(2023, 6, 30),
                ),
                (
                    "Thực hiện đầy đủ, kịp thời chính sách an sinh xã hội.",
                    "Ủy ban nhân dân huyện",
                    dt.date(2023, 6, 30),
                ),
                (
                    "Giáo dục chính trị tư tưởng cho cán bộ, đảng viên.",
                    "Ban Tuyên giáo Huyện ủy",
                    dt.date(2023, 6, 30),
                ),
            ),
        ),
    ),
    Review(
        article="003_1790e24bd253e290.txt",
        article_sha256="6a3cdc7aa5e18211fb2fe4ce1afde6bf658611d1ceb606c0da09ae5f6eea4929",
        unit="vinh-hung",
        period="2024-H1",
        title="Bí thư Huyện ủy Vĩnh Hưng giao ban quý II với Bí thư Đảng ủy các xã, thị trấn",
        term=(2020, 2025, None),
        resolution={
            "body": "executive",
            "kind": "annual",
            "year": 2024,
            "title": "Nghị quyết Huyện ủy Vĩnh Hưng về nhiệm vụ năm 2024",
            "note": NO_NUMBER,
        },
        figures=(
            F("ntm-so-xa", "8", denominator="9", written="8/9"),
            F("ntm-nang-cao-tieu-chi", "15", denominator="19", unit="vh-vinh-binh", written="15/19"),
            F("huyen-ntm-tieu-chi", "5", denominator="9", written="5/9"),
            F("bhyt", "95.49", stated=(S("resolution", "of", "100.51", "Nghị quyết"),), written="95,49"),
            F("dai-hoi-mttq", "10", denominator="10", written="10/10"),
        ),
        standings=(
            (
                "ntm-dat-chuan",
                {
                    "vh-hung-dien-a": 1,
                    "vh-khanh-hung": 1,
                    "vh-thai-binh-trung": 1,
                    "vh-thai-tri": 1,
                    "vh-tuyen-binh": 1,
                    "vh-tuyen-binh-tay": 0,  # the one commune the review names as still waiting
                    "vh-vinh-binh": 1,
                    "vh-vinh-thuan": 1,
                    "vh-vinh-tri": 1,
                },
                "ntm-so-xa",
            ),
        ),
        conference=Conference(
            date=dt.date(2024, 6, 19),
            body="briefing",
            officials=(
                Official("Nguyễn Anh Việt", ("Tỉnh uỷ viên", "Bí thư Huyện uỷ"), "chair"),
                Official("Võ Văn Bảo", ("Huyện ủy viên", "Phó Chủ tịch Ủy ban nhân dân huyện"), "member"),
                Official("Nguyễn Phương Linh", ("Phó chánh Văn phòng",), "presenter"),
            ),
            presented=(
                (
                    "Dự thảo tổng hợp kết quả thực hiện Nghị quyết Huyện ủy, Đảng ủy 6 tháng đầu năm 2024",
                    "Nguyễn Phương Linh",
                ),
            ),
            limitations=(("Các xã, thị trấn còn khó khăn, vướng mắc khi triển khai nhiệm vụ.", ()),),
            tasks=(
                (
                    "Người đứng đầu các xã, thị trấn phát huy trách nhiệm; tháo gỡ khó khăn cho các công trình trọng điểm, chương trình đột phá.",
                    "Bí thư Đảng ủy các xã, thị trấn",
                    dt.date(2024, 12, 31),
                ),
                (
                    "Xây dựng nông thôn mới và nông thôn mới nâng cao.",
                    "Đảng ủy các xã",
                    dt.date(2024, 12, 31),
                ),
                (
                    "Hoàn thiện hồ sơ công nhận xã Tuyên Bình Tây đạt chuẩn nông thôn mới trong năm 2024.",
                    "Đảng ủy xã Tuyên Bình Tây",
                    dt.date(2024, 12, 31),
                ),
                (
                    "Chất lượng sinh hoạt chi bộ, dân vận khéo, kiểm tra, giám sát và phát triển đảng viên.",
                    "Đảng ủy các xã, thị trấn",
                    None,
                ),
            ),
        ),
    ),
    Review(
        article="004_49ac751fb926b147.txt",
        article_sha256="09d2cab6ceff7ac9b02c45302150842c4923ee7912a70f0ad007014b0328bf35",
        unit="lang-can",
        # A mid-term review: cumulative figures to May 2023 within the open 2020-2025 term.
        period="2020-2025",
        status="estimate",
        note="Sơ kết giữa nhiệm kỳ: lũy kế từ năm 2020 đến tháng 5/2023.",
        title="Đảng bộ thị trấn Lăng Can sơ kết hai năm rưỡi thực hiện Nghị quyết Đại hội",
        term=(2020, 2025, 17),
        resolution={
            "body": "congress",
            "kind": "congress",
            "title": "Nghị quyết Đại hội đại biểu Đảng bộ lần thứ XVII, nhiệm kỳ 2020 - 2025",
            "note": NO_NUMBER,
        },
        targets=(
            T(1, "nang-suat-san-luong-cay-trong", "1500", note=ILLUSTRATIVE + " Bài viết: đạt trên 100%."),
            T(2, "khach-du-lich", "12000", kind="cumulative", note=ILLUSTRATIVE),
            T(3, "doanh-thu-du-lich", "10", kind="cumulative", note=ILLUSTRATIVE),
            T(
                4,
                "trong-rung",
                "300",
                kind="cumulative",
                illustrative=False,
                note="Bài viết nêu trồng 300 ha rừng tập trung, “hoàn thành kế hoạch”: chỉ tiêu lấy bằng kết quả.",
            ),
            T(
                5,
                "dan-de-nui",
                "600",
                note=ILLUSTRATIVE + " Bài viết: chỉ tiêu đàn gia súc tăng trưởng thấp.",
            ),
            T(6, "lon-den", "1200", note=ILLUSTRATIVE + " Bài viết: chỉ tiêu đàn gia súc tăng trưởng thấp."),
            T(7, "ca-dac-san", "2", note=ILLUSTRATIVE),
            T(8, "lua-dac-san", "6", note=ILLUSTRATIVE),
            T(9, "lac", "60", note=ILLUSTRATIVE),
            T(
                10,
                "phat-trien-dang-vien",
                "100",
                kind="cumulative",
                note=ILLUSTRATIVE + " Bài viết: đạt trên 58%.",
            ),
        ),
        adjustments=(
            Adjustment(
                date=dt.date(2023, 12, 20),
                body="executive",
                reason="Điều chỉnh chỉ tiêu cho phù hợp thực tiễn, theo kết luận Hội nghị sơ kết giữa nhiệm kỳ.",
                changes=((6, "1000"),),
                note="MINH HỌA: bài viết chỉ giao nhiệm vụ điều chỉnh, bổ sung một số chỉ tiêu; ngày và số do dữ liệu mẫu chọn.",
            ),
        ),
        figures=(
            F("chi-tieu-nq-dat", "70", qualifier="over", written="70"),
            F(
                "nang-suat-san-luong-cay-trong",
                stated=(S("resolution", "of", "100", qualifier="over"),),
                written="100",
            ),
            F("khach-du-lich", "8046", written="8.046"),
            F("doanh-thu-du-lich", "6.4", qualifier="over", written="6,4"),
            F("trong-rung", "300", written="300"),
            F("dan-de-nui", "519", written="519"),
            F("lon-den", "1000", qualifier="over", written="1.000"),
            F("ca-dac-san", "2", qualifier="over", written="2"),
            F("lua-dac-san", "6", written="6"),
            F("lac", "60", written="60"),
            F("phat-trien-dang-vien", stated=(S("resolution", "of", "58", qualifier="over"),), written="58"),
        ),
        conference=Conference(
            date=dt.date(2023, 6, 30),
            kind="thematic",
            minutes="Ngày họp không nêu trong bài; ngày 30/6/2023 là giả định của dữ liệu mẫu.",
            officials=(
                Official(
                    "Đặng Văn Sình",
                    ("Phó Bí thư Thường trực Huyện uỷ", "Chủ tịch Hội đồng nhân dân huyện"),
                    "invited",
                ),
            ),
            limitations=(
                ("Chưa kiểm tra, giám sát chuyên đề việc thực hiện Nghị quyết Đại hội.", ()),
                ("Đàn gia súc tăng chậm so với chỉ tiêu kế hoạch.", ("dan-de-nui", "lon-den")),
                ("Sản xuất nông, lâm nghiệp nhỏ lẻ, chưa thành hàng hóa.", ()),
                (
                    "Tiểu thủ công nghiệp, dịch vụ chậm phát triển; ít việc làm mới cho lao động nông thôn.",
                    (),
                ),
            ),
            tasks=(
                (
                    "Điều chỉnh, bổ sung một số chỉ tiêu cho phù hợp thực tiễn và nghị quyết đại hội các cấp.",
                    "Ban Chấp hành Đảng bộ thị trấn",
                    None,
                ),
                (
                    "Huy động nguồn lực cho hạ tầng sản xuất và du lịch.",
                    "Ủy ban nhân dân thị trấn",
                    dt.date(2025, 12, 31),
                ),
                (
                    "Thực hiện Nghị quyết số 28 về cây trồng, vật nuôi có lợi thế gắn với du lịch.",
                    "Ủy ban nhân dân thị trấn",
                    dt.date(2025, 12, 31),
                ),
                (
                    "Hoàn thành các chỉ tiêu chưa đạt hoặc đạt thấp.",
                    "Ban Chấp hành Đảng bộ thị trấn",
                    dt.date(2025, 12, 31),
                ),
            ),
        ),
    ),
)
