import json
import unicodedata
from decimal import Decimal

import pytest

from chitieu.extraction import extract, normalise

from .helpers import only, summaries, summary

# -- units -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Đàn dê núi bình quân 519 con/ năm.", "con/năm"),
        ("Sản lượng cá đặc sản bình quân trên 2 tấn một năm.", "tấn/năm"),
        ("Năng suất lúa bình quân 58,5 tạ/ha.", "tạ/ha"),
        ("Thu nhập bình quân đầu người đạt 52 triệu đồng/người/năm.", "triệu đồng/người/năm"),
        ("Trồng mới 35 hécta cây ăn trái.", "ha"),
        ("Thu ngân sách đạt 12,8 tỉ đồng.", "tỷ đồng"),
        ("Tỷ lệ trẻ em được tiêm chủng đạt 97,5 phần trăm.", "%"),
        ("Đón 8.046 lượt khách du lịch.", "lượt khách"),
        ("Có 10/10 xã, thị trấn tổ chức thành công Đại hội.", "xã, thị trấn"),
        ("Kim ngạch xuất khẩu đạt 845 triệu USD.", "triệu USD"),
    ],
)
def test_it_writes_units_in_their_shortest_form(text, unit):
    assert extract(text)[0].unit == unit


def test_it_carries_a_rate_across_the_noun_between_unit_and_slash():
    fig = only("Duy trì hơn 1.000 con lợn đen/ năm.")
    assert (fig.value, fig.unit, fig.qualifiers) == (Decimal(1000), "con/năm", ["over"])


def test_it_adds_dong_to_a_bare_magnitude_in_a_money_clause():
    assert only("Thu ngân sách quý I đạt 40,7 tỷ.").unit == "tỷ đồng"


# -- qualifiers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        ("Doanh thu xã hội đạt trên 6,4 tỷ đồng.", ["over"]),
        ("Đón hơn 1.200 lượt khách.", ["over"]),
        ("Tỷ lệ hộ nghèo dưới 2%.", ["under"]),
        ("Diện tích nuôi trồng thủy sản gần 950 ha.", ["nearly"]),
        ("Sản lượng thủy sản xấp xỉ 4.200 tấn.", ["nearly"]),
        ("Đón khoảng 1,35 triệu lượt khách.", ["about"]),
        ("Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng.", ["estimated"]),
        ("Thu ngân sách ước tính 300 tỷ đồng.", ["estimated"]),
        ("Sản lượng cá bình quân trên 2 tấn một năm.", ["average", "over"]),
        ("Năng suất trung bình 60 tạ/ha.", ["average"]),
        ("Kết nạp từ 25 đảng viên trở lên.", ["over"]),
    ],
)
def test_it_turns_hedges_into_qualifiers(text, qualifiers):
    assert extract(text)[0].qualifiers == qualifiers


def test_it_puts_a_hedge_on_the_comparison_it_belongs_to():
    fig = only("Năng suất, sản lượng cây trồng đạt trên 100% so với Nghị quyết.")
    assert fig.qualifiers == []
    assert [(c.basis, c.percent, c.qualifiers) for c in fig.comparisons] == [
        ("resolution", Decimal(100), ["over"])
    ]


# -- comparisons -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparisons"),
    [
        ("Sản lượng 101.761 tấn, đạt 59,9% so với kế hoạch.", [("plan", "of", 59.9)]),
        ("Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao.", [("estimate", "of", 27.9)]),
        ("Thu ngân sách đạt 905 tỷ đồng, đạt 106% so dự toán năm.", [("estimate", "of", 106)]),
        ("Sản lượng 98.755 tấn, đạt 82,3% Nghị quyết.", [("resolution", "of", 82.3)]),
        ("Giá trị sản xuất 3.120 tỷ đồng, tăng 4,2% so với cùng kỳ.", [("same_period", "change", 4.2)]),
        ("Số vụ tai nạn 120 vụ, giảm 2,1% so với cùng kỳ năm trước.", [("same_period", "change", -2.1)]),
        ("Sản lượng lương thực 61,8 vạn tấn, vượt 3% kế hoạch.", [("plan", "change", 3)]),
        ("Thu nhập bình quân 48 triệu đồng, đạt 100% chỉ tiêu.", [("target", "of", 100)]),
        ("Kết nạp 56 đảng viên, vượt 12% chỉ tiêu Nghị quyết.", [("resolution", "change", 12)]),
        ("Kim ngạch xuất khẩu 300 triệu USD, tăng 8,2% so với năm 2022.", [("other", "change", 8.2)]),
        ("Tỷ lệ bao phủ BHYT 92%, thấp hơn chỉ tiêu 3%.", [("target", "change", -3)]),
        ("Năng suất lúa 60 tạ/ha, bằng 101,2% so với cùng kỳ.", [("same_period", "of", 101.2)]),
    ],
)
def test_it_reads_comparisons_against_a_basis(text, comparisons):
    assert summaries(text)[0][3] == comparisons


def test_it_reads_a_percentage_against_a_basis_without_a_value():
    assert summary(only("Tiến độ giải ngân đạt 63% so với kế hoạch.")) == (
        None,
        None,
        None,
        [("plan", "of", 63)],
    )


def test_it_reads_one_mention_against_two_bases():
    fig = only("Tổng thu ngân sách đạt 31% kế hoạch thị xã và đạt 49% dự toán tỉnh giao.")
    assert summary(fig) == (None, None, None, [("plan", "of", 31), ("estimate", "of", 49)])
    assert fig.indicator == "tổng thu ngân sách"


def test_it_carries_the_basis_over_from_a_parallel_clause():
    text = (
        "Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ. "
        "Trong đó: nông - lâm - thuỷ sản 1.712 tỷ đồng, đạt 70,5% kế hoạch, tăng 0,3%; công nghiệp - xây "
        "dựng 27.150 tỷ đồng, đạt 50,9% kế hoạch, tăng 17,2%; dịch vụ 2.305 tỷ đồng, đạt 50,5% kế hoạch, "
        "tăng 13,8% so với cùng kỳ."
    )
    figs = extract(text)
    assert [summary(f) for f in figs][1:3] == [
        (1712, "tỷ đồng", None, [("plan", "of", 70.5), ("same_period", "change", 0.3)]),
        (27150, "tỷ đồng", None, [("plan", "of", 50.9), ("same_period", "change", 17.2)]),
    ]
    assert [f.indicator for f in figs] == [
        "tổng giá trị sản xuất",
        "giá trị sản xuất nông - lâm - thuỷ sản",
        "giá trị sản xuất công nghiệp - xây dựng",
        "giá trị sản xuất dịch vụ",
    ]
    assert [f.parent for f in figs] == [None, 0, 0, 0]


def test_it_takes_an_implicit_basis_from_what_the_document_is_about():
    text = (
        "Đảng bộ thị trấn đánh giá giữa nhiệm kỳ thực hiện Nghị quyết Đại hội. Đã thực hiện đạt trên 70% các "
        "chỉ tiêu của Nghị quyết đề ra; phát triển đảng viên mới đạt trên 58%."
    )
    assert summaries(text) == [(70, "%", None, []), (None, None, None, [("resolution", "of", 58)])]


def test_it_reads_a_rate_as_a_value_with_its_own_comparison():
    fig = only("Tỷ lệ người dân tham gia BHYT toàn huyện là 95,49%, đạt 100,51% so vói Nghị quyết.")
    assert summary(fig) == (95.49, "%", None, [("resolution", "of", 100.51)])
    assert fig.indicator == "tỷ lệ người dân tham gia BHYT toàn huyện"


def test_it_reads_a_share_of_things_as_a_value():
    fig = only("Đảng bộ đã thực hiện đạt trên 70% các chỉ tiêu của Nghị quyết đề ra.")
    assert (summary(fig), fig.qualifiers) == ((70, "%", None, []), ["over"])
    assert fig.indicator.startswith("các chỉ tiêu của Nghị quyết")


def test_it_reads_a_fall_to_a_level_as_two_values():
    assert summaries("Tỷ lệ hộ nghèo giảm từ 4,2% xuống còn 0,95%.") == [
        (4.2, "%", None, []),
        (0.95, "%", None, []),
    ]


def test_it_reads_an_annual_growth_rate_as_a_value_per_year():
    fig = only("Thu ngân sách trên địa bàn tăng bình quân 12%/năm.")
    assert (summary(fig), fig.qualifiers) == ((12, "%/năm", None, []), ["average"])


# -- indicators ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        (
            "Sản xuất lúa Đông Xuân 2022-2023 đạt năng suất cao, sản lượng 101.761 tấn.",
            "sản lượng lúa Đông Xuân",
        ),
        (
            "Đầu tư xây dựng cơ bản được tập trung thực hiện, tiến độ giải ngân đạt 63% so với kế hoạch.",
            "tiến độ giải ngân đầu tư xây dựng cơ bản",
        ),
        ("Lũy kế đến nay huyện có 8/9 xã đạt nông thôn mới.", "xã đạt nông thôn mới"),
        (
            "Về xây dựng huyện nông thôn mới, đến nay có 5/9 tiêu chí đã đạt chuẩn.",
            "tiêu chí huyện nông thôn mới đã đạt chuẩn",
        ),
        ("Trồng 300 ha rừng tập trung.", "trồng rừng tập trung"),
        ("Kết nạp 87 đảng viên mới.", "kết nạp đảng viên mới"),
        ("Tổng đàn trâu 12.300 con, bò 18.450 con.", "tổng đàn trâu"),
    ],
)
def test_it_names_the_indicator_in_the_documents_words(text, indicator):
    assert extract(text)[0].indicator == indicator


def test_it_gives_list_items_their_lists_label():
    text = (
        "Thông qua nhân sự Ban chấp hành với cơ cấu: Khối Đảng gồm 11 đồng chí, khối chính quyền 14 đồng chí."
    )
    assert [f.indicator for f in extract(text)] == [
        "nhân sự Ban chấp hành khối Đảng",
        "nhân sự Ban chấp hành khối chính quyền",
    ]


def test_it_shares_a_head_among_parallel_items():
    assert [f.indicator for f in extract("Tổng đàn trâu 12.300 con, bò 18.450 con, lợn 95.000 con.")] == [
        "tổng đàn trâu",
        "tổng đàn bò",
        "tổng đàn lợn",
    ]


# -- not figures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 22/6, Ban Chấp hành Đảng bộ tổ chức Hội nghị lần thứ 14, nhiệm kỳ 2020-2025.",
        "Thứ Năm 14/07/2022 10:19",
        "Ban chấp hành Đảng bộ thị xã khoá 25 tổ chức Hội nghị lần thứ 9.",
        "Thực hiện Nghị quyết số 28 về phát triển cây trồng, Kết luận số 01-KL/TW và Chỉ thị 05 của Bộ Chính trị.",
        "Công tác phòng, chống dịch Covid-19 được triển khai đồng bộ.",
        "Hoàn thành kế hoạch thực hiện Đề án trồng 1 tỷ cây xanh trước năm 2025.",
        "Đẩy mạnh thi đua trong 2 năm 2024 - 2025; nhiệm kỳ 2024 2029; năm học 2022 – 2023.",
        "Triển khai nhiệm vụ quý II/2023 và 6 tháng cuối năm 2023.",
        "Quyết định số 1234/QĐ-UBND ngày 15/3/2023; Nghị định 30/2020/NĐ-CP.",
        "Kỷ niệm 94 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2024).",
        "Nghị quyết Trung ương 4 (khóa XI, XII), Đại hội lần thứ XIII.",
        "Từ năm 2020 đến tháng 5 năm 2023, trẻ em dưới 6 tuổi được chăm sóc.",
        "Giá trị thu được trên 1 ha đất canh tác còn thấp.",
    ],
)
def test_it_does_not_take_dates_ordinals_or_names_for_figures(text):
    assert extract(text) == []


def test_it_drops_related_article_lists_and_widgets():
    text = (
        "Tiếng Việt | English\nThu ngân sách đạt 40,7 tỷ đồng.\nChia sẻ bài viết\nXem với cỡ chữ\n"
        "Tin khác\n- Kết quả qua hơn 01 năm thực hiện Quy định số 99-QĐ/TW\n- Huyện thu ngân sách đạt 80% kế hoạch\n"
        "- Đón 5.000 lượt khách dịp Tết\n"
    )
    assert summaries(text) == [(40.7, "tỷ đồng", None, [])]
    assert summaries("Thu ngân sách 12 tỷ đồng.\nTin cùng chuyên mục\nĐón 5.000 lượt khách") == [
        (12, "tỷ đồng", None, [])
    ]
    assert summaries("Thu 12 tỷ đồng.\nCÁC BÀI VIẾT KHÁC:\nĐón 5.000 lượt khách") == [
        (12, "tỷ đồng", None, [])
    ]


# -- robustness ------------------------------------------------------------------------------------


def test_it_reads_through_diacritic_typos():
    fig = only("Về xây dựng xã nông thôn mới nâng cao: xă Vĩnh Bình dạt 15/19 tiêu chí.")
    assert summary(fig) == (15, "tiêu chí", 19, [])
    assert fig.indicator == "tiêu chí xã nông thôn mới nâng cao xã Vĩnh Bình"
    fig = only("Có 10/10 xã, thi trấn tổ chức thành công Đại hội.")
    assert fig.unit == "xã, thị trấn"
    assert (
        extract("Tỷ lệ tham gia BHYT 95%, đạt 100,5% so vói Nghị quyết.")[0].comparisons[0].basis
        == "resolution"
    )
    assert extract("Nghị quyết Trung ưong 4 (khóa XI).") == []


def test_it_reads_text_without_tone_marks_on_keywords():
    fig = only("Thu ngan sach dat 40,7 tỷ đồng, bang 27,9% du toan tinh giao.")
    assert summary(fig) == (40.7, "tỷ đồng", None, [("estimate", "of", 27.9)])


def test_it_reads_odd_spacing():
    fig = only("Thu  ngân sách\u00a0đạt   40,7  tỷ   đồng ,  bằng 27,9 %  dự   toán tỉnh giao .")
    assert summary(fig) == (40.7, "tỷ đồng", None, [("estimate", "of", 27.9)])


def test_it_reads_decomposed_unicode_and_reports_offsets_in_the_nfc_text():
    text = "Tổng thu ngân sách đạt 905 tỷ 653 triệu đồng, đạt 106% so dự toán năm."
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    figs = extract(nfd)
    assert [summary(f) for f in figs] == [(905.653, "tỷ đồng", None, [("estimate", "of", 106)])]
    norm = normalise(nfd)
    assert norm == text
    assert norm[figs[0].start : figs[0].end] == "905 tỷ 653 triệu"
    c = figs[0].comparisons[0]
    assert norm[c.start : c.end] == "106"


def test_it_normalises_without_moving_offsets_after_nfc():
    text = "xă Vĩnh Bình dạt 15/19 tiêu chí, 10/10 xã, thi trấn; so vói Nghị quyết Trung ưong"
    fixed = normalise(text)
    assert len(fixed) == len(text)
    assert fixed == "xã Vĩnh Bình đạt 15/19 tiêu chí, 10/10 xã, thị trấn; so với Nghị quyết Trung ương"


def test_it_gives_json_numbers_not_decimals():
    fig = only("Tổng thu ngân sách đạt 905 tỷ 653 triệu đồng, đạt 106% so dự toán năm.")
    data = fig.to_json()
    assert data == {
        "indicator": "tổng thu ngân sách",
        "value": 905.653,
        "unit": "tỷ đồng",
        "denominator": None,
        "qualifiers": [],
        "comparisons": [{"basis": "estimate", "kind": "of", "percent": 106, "qualifiers": []}],
    }
    assert isinstance(data["comparisons"][0]["percent"], int)
    json.dumps(data)


def test_it_points_at_the_number_and_keeps_the_sentence():
    text = "Mở đầu. Thu ngân sách đạt 40,7 tỷ đồng. Kết thúc."
    fig = only(text)
    assert text[fig.start : fig.end] == "40,7"
    assert fig.text == "Thu ngân sách đạt 40,7 tỷ đồng."
    assert fig.value == Decimal("40.7")


def test_it_reads_a_share_given_in_parentheses_and_the_predicate_after_it():
    figs = extract("Có 12 tổ chức cơ sở đảng (chiếm 23,08%) hoàn thành xuất sắc nhiệm vụ.")
    assert [summary(f) for f in figs] == [(12, "tổ chức cơ sở đảng", None, []), (23.08, "%", None, [])]
    assert all(f.indicator == "tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ" for f in figs)


def test_it_names_a_share_of_a_whole_after_its_part():
    figs = extract("Diện tích lúa chất lượng cao 1.250 ha, chiếm 85% diện tích gieo trồng.")
    assert [f.indicator for f in figs] == [
        "diện tích lúa chất lượng cao",
        "diện tích lúa chất lượng cao diện tích gieo trồng",
    ]


def test_it_gives_a_cost_the_thing_it_pays_for():
    figs = extract("Toàn huyện có 1.250 hộ được hỗ trợ sửa chữa nhà ở với tổng kinh phí 62,5 tỷ đồng.")
    assert [f.indicator for f in figs] == [
        "hộ được hỗ trợ sửa chữa nhà ở",
        "tổng kinh phí hộ được hỗ trợ sửa chữa nhà ở",
    ]


def test_it_links_the_items_of_a_total():
    figs = extract(
        "Sản lượng thủy sản đạt 12 nghìn tấn, trong đó khai thác 8 nghìn tấn, nuôi trồng 4 nghìn tấn."
    )
    assert [(f.indicator, f.parent) for f in figs] == [
        ("sản lượng thủy sản", None),
        ("sản lượng thủy sản khai thác", 0),
        ("sản lượng thủy sản nuôi trồng", 0),
    ]


def test_it_reads_bulleted_label_value_lines():
    assert [
        (f.indicator, f.value)
        for f in extract("- Thu ngân sách: 40,7 tỷ đồng.\n+ Tổng đàn trâu: 12.300 con.")
    ] == [
        ("thu ngân sách", Decimal("40.7")),
        ("tổng đàn trâu", Decimal(12300)),
    ]


def test_it_drops_an_inline_related_article_link():
    text = "Thu ngân sách đạt 40 tỷ đồng.\nXem thêm: Huyện thu hút 15 dự án đầu tư\nKết nạp 25 đảng viên."
    assert [summary(f) for f in extract(text)] == [(40, "tỷ đồng", None, []), (25, "đảng viên", None, [])]


def test_it_treats_the_parts_of_a_rate_as_rates():
    figs = extract("Tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 30%.")
    assert [summary(f) for f in figs] == [(70, "%", None, []), (30, "%", None, [])]
