from decimal import Decimal

import pytest

from chitieu.extraction import extract, scan
from chitieu.extraction.numbers import parse_digits, parse_words

from .helpers import only, summaries, summary


def test_it_reads_thousands_separators():
    assert only("Sản lượng lúa đạt 101.761 tấn.").value == Decimal(101761)
    assert only("Dân số 1.234.567 người.").value == Decimal(1234567)


def test_it_reads_the_decimal_comma():
    assert only("Thu ngân sách đạt 59,9 tỷ đồng.").value == Decimal("59.9")
    assert only("Thu ngân sách đạt 108,987 tỷ đồng.").value == Decimal("108.987")


def test_it_reads_thousands_and_decimals_together():
    assert only("Lũy kế thu 3.798,254 tỷ đồng.").value == Decimal("3798.254")


def test_it_resolves_mixed_money_into_the_larger_unit():
    fig = only("Tổng thu ngân sách đạt 905 tỷ 653 triệu đồng.")
    assert (fig.value, fig.unit) == (Decimal("905.653"), "tỷ đồng")
    fig = only("Mức hỗ trợ 2 triệu 500 nghìn đồng.")
    assert (fig.value, fig.unit) == (Decimal("2.5"), "triệu đồng")


def test_it_keeps_chained_magnitudes_as_written():
    fig = only("Tổng thu từ du lịch đạt 1,2 nghìn tỷ đồng.")
    assert (fig.value, fig.unit) == (Decimal("1.2"), "nghìn tỷ đồng")


def test_it_reads_van_as_ten_thousand_in_the_unit():
    fig = only("Sản lượng lương thực đạt 61,8 vạn tấn.")
    assert (fig.value, fig.unit) == (Decimal("61.8"), "vạn tấn")


def test_it_reads_a_part_of_a_whole():
    assert summary(only("Huyện có 8/9 xã đạt chuẩn nông thôn mới.")) == (8, "xã", 9, [])


def test_it_refuses_a_part_larger_than_its_whole():
    assert extract("Huyện có 10/9 xã đạt chuẩn nông thôn mới.") == []


def test_it_reads_a_range_as_two_figures_the_lower_and_the_upper_bound():
    low, high = extract("Phấn đấu tốc độ tăng trưởng kinh tế đạt 15-16%.")
    assert (low.value, low.unit, low.upper) == (Decimal(15), "%", Decimal(16))
    assert (high.value, high.unit, high.lower, high.indicator) == (Decimal(16), "%", 0, low.indicator)
    low, high = extract("Mức hỗ trợ mỗi hộ từ 40 đến 60 triệu đồng.")
    assert (low.value, low.unit, low.qualifiers) == (Decimal(40), "triệu đồng", [])
    assert (high.value, high.unit) == (Decimal(60), "triệu đồng")


def test_it_reads_numbers_in_words_before_a_count_unit():
    assert summary(only("Năm nay có thêm hai xã đạt chuẩn nông thôn mới.")) == (2, "xã", None, [])
    assert parse_words(["hai", "mươi", "mốt"]) == 21
    assert parse_words(["mười", "lăm"]) == 15
    assert parse_words(["ba", "trăm", "linh", "năm"]) == 305
    assert parse_words(["hai", "nghìn", "không", "trăm", "hai", "mươi", "tư"]) == 2024


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị đánh giá hai năm rưỡi thực hiện Nghị quyết.",
        "Sau hơn hai năm lãnh đạo, chỉ đạo.",
        "Chất lượng hai mặt giáo dục được nâng lên.",
        "Một số chỉ tiêu đạt thấp.",
    ],
)
def test_it_ignores_words_numbers_that_are_periods_or_phrases(text):
    assert extract(text) == []


def test_it_reads_an_english_decimal_point_but_flags_it_ambiguous():
    assert parse_digits("6.5") == (Decimal("6.5"), 1, True)
    assert summaries("Thu ngân sách 624,3 tỷ đồng, tăng 6.5% so với cùng kỳ.")[0][3] == [
        ("same_period", "change", 6.5)
    ]


def test_it_skips_a_malformed_number_with_a_warning_instead_of_guessing():
    result = scan("Số liệu 1.2.3,4 tỷ đồng cần kiểm tra; thu ngân sách đạt 12 tỷ đồng.")
    assert [summary(f) for f in result.figures] == [(12, "tỷ đồng", None, [])]
    assert [(w.code, w.start, w.end) for w in result.warnings] == [("malformed_number", 8, 15)]
    assert parse_digits("12.34.567")[0] is None


def test_it_reads_leading_zeros():
    assert only("Đã có 01 xã đạt chuẩn nông thôn mới kiểu mẫu.").value == Decimal(1)
