import pytest

from chitieu.extraction import extract_meeting
from chitieu.testing import require_shared


def dev(name: str):
    path = next(require_shared("extraction", "dev", "docs").glob(f"{name}_*.txt"))
    return extract_meeting(path.read_text(encoding="utf-8"))


def test_it_reads_a_plenum_with_its_ordinal_term_date_and_guest():
    m = dev("000")
    assert (m.body, m.unit, m.ordinal, m.term) == ("Ban Chấp hành", "thị xã Kiến Tường", 14, "2020-2025")
    assert (m.date, m.period) == ("2023-06-22", "2023-H1")
    assert [o.to_json() for o in m.officials] == [
        {
            "name": "Nguyễn Minh Lâm",
            "titles": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh Long An"],
        }
    ]
    assert m.chairs == []


def test_it_takes_the_year_from_the_article_date_line_not_the_page_date():
    m = dev("001")
    assert (m.body, m.unit, m.ordinal, m.khoa, m.term) == (
        "Ban Chấp hành",
        "thị xã Kinh Môn",
        9,
        "25",
        "2020-2025",
    )
    assert (m.date, m.period) == ("2022-07-13", "2022-H1")


def test_it_reads_the_chairs_and_their_titles():
    m = dev("001")
    assert m.chairs == ["Sái Thị Yến", "Bùi Xuân Lộc", "Trương Đức San"]
    titles = {o.name: o.titles for o in m.officials}
    assert titles["Sái Thị Yến"] == [
        "Uỷ viên Ban chấp hành Đảng bộ tỉnh",
        "Bí thư Thị uỷ",
        "Chủ tịch Hội đồng nhân dân thị xã",
    ]
    assert titles["Trương Đức San"] == ["Phó bí thư Thị uỷ", "Chủ tịch Uỷ ban nhân dân thị xã"]


def test_it_reads_the_quarter_under_review_not_the_quarter_ahead():
    m = dev("002")
    assert (m.body, m.unit, m.ordinal, m.date, m.period) == (
        "Ban Chấp hành",
        "huyện Hữu Lũng",
        15,
        "2023-04-07",
        "2023-Q1",
    )


def test_it_reads_a_briefing_and_ignores_the_related_articles():
    m = dev("003")
    assert (m.body, m.kind, m.date, m.period) == ("giao ban", "briefing", "2024-06-19", "2024-H1")
    assert m.chairs == ["Nguyễn Anh Việt"]
    assert m.ordinal is None and m.term is None and m.khoa is None
    names = [o.name for o in m.officials]
    assert names == ["Nguyễn Anh Việt", "Võ Văn Bảo", "Nguyễn Phương Linh"]


def test_it_reads_a_mid_term_review():
    m = dev("004")
    assert (m.body, m.unit, m.term, m.period, m.date, m.year) == (
        "Hội nghị",
        "thị trấn Lăng Can",
        "2020-2025",
        "2020-2025",
        None,
        2023,
    )
    assert [o.to_json() for o in m.officials] == [
        {
            "name": "Đặng Văn Sình",
            "titles": ["Phó Bí thư Thường trực Huyện uỷ", "Chủ tịch Hội đồng nhân dân huyện"],
        }
    ]


@pytest.mark.parametrize(
    ("text", "body", "period"),
    [
        (
            "Ban Thường vụ Thành ủy họp phiên thường kỳ tháng 8\nChiều 28/8/2024, Ban Thường vụ Thành ủy họp "
            "phiên thường kỳ tháng 8 đánh giá kết quả 8 tháng năm 2024.",
            "Ban Thường vụ",
            "2024-08",
        ),
        (
            "Chiều 5/10/2023, Ban Thường vụ Huyện ủy Tân Phước tổ chức hội nghị đánh giá kết quả 9 tháng đầu năm "
            "2023, triển khai nhiệm vụ 3 tháng cuối năm.",
            "Ban Thường vụ",
            "2023-9M",
        ),
        (
            "Đại hội đại biểu Đảng bộ xã Hòa Bình lần thứ I, nhiệm kỳ 2025 - 2030\nSáng 12/6/2025, Đảng bộ xã "
            "tổ chức Đại hội đại biểu lần thứ I, tổng kết nhiệm kỳ 2020 - 2025.",
            "Đại hội",
            "2020-2025",
        ),
    ],
)
def test_it_reads_other_bodies_and_periods(text, body, period):
    m = extract_meeting(text)
    assert (m.body, m.period) == (body, period)


def test_it_returns_an_empty_meeting_for_text_without_one():
    m = extract_meeting("Giá lúa tăng.")
    assert m.to_json()["officials"] == [] and m.ordinal is None and m.date is None
