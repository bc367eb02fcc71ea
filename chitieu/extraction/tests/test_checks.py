from decimal import Decimal

from chitieu.extraction import Comparison, Figure, check_consistency, extract

TOTAL = (
    "Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ. "
    "Trong đó: nông - lâm - thuỷ sản 1.712 tỷ đồng; công nghiệp - xây dựng 27.150 tỷ đồng; dịch vụ {x} tỷ đồng."
)


def codes(issues):
    return [i.code for i in issues]


def test_it_accepts_components_that_add_up_to_the_total():
    assert check_consistency(extract(TOTAL.format(x="2.305"))) == []


def test_it_flags_components_that_exceed_the_total():
    issues = check_consistency(extract(TOTAL.format(x="2.405")))
    assert codes(issues) == ["components_exceed_total"]
    assert issues[0].figures == [0, 1, 2, 3]
    assert "31.267" in issues[0].message_vi and "31267" in issues[0].message_en


def test_it_warns_when_components_fall_short_of_the_total():
    issues = check_consistency(extract(TOTAL.format(x="1.305")))
    assert [(i.code, i.severity) for i in issues] == [("components_short_of_total", "warning")]


def test_it_allows_for_rounding_of_components():
    figs = extract("Tổng thu 10 tỷ đồng. Trong đó: thu nội địa 3,3 tỷ đồng; thu khác 6,7 tỷ đồng.")
    assert check_consistency(figs) == []


def test_it_flags_a_rate_above_one_hundred_percent():
    issues = check_consistency(extract("Tỷ lệ tham gia bảo hiểm y tế là 103,2%."))
    assert codes(issues) == ["share_over_100"]
    assert check_consistency(extract("Thu ngân sách đạt 40 tỷ đồng, đạt 126% dự toán.")) == []


def test_it_flags_a_part_larger_than_the_whole():
    fig = Figure("xã đạt chuẩn", Decimal(10), "xã", denominator=Decimal(9))
    assert codes(check_consistency([fig])) == ["fraction_over_whole"]


def test_it_flags_one_indicator_with_two_values():
    figs = extract("Thu ngân sách đạt 40,7 tỷ đồng. Sau đó, thu ngân sách đạt 41,2 tỷ đồng.")
    issues = check_consistency(figs)
    assert codes(issues) == ["conflicting_values"] and issues[0].figures == [0, 1]
    same = extract("Thu ngân sách đạt 40,7 tỷ đồng. Thu ngân sách đạt 40,7 tỷ đồng.")
    assert check_consistency(same) == []


def test_it_checks_a_stated_percentage_against_a_known_target():
    figs = extract("Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao.")

    def lookup(indicator, basis):
        return Decimal(146) if (indicator, basis) == ("thu ngân sách", "estimate") else None

    assert check_consistency(figs, lookup) == []  # 40.7 / 146 = 27.88% rounds to 27.9%

    issues = check_consistency(figs, lambda i, b: Decimal(120))
    assert codes(issues) == ["percent_mismatch"]
    assert "33,92%" in issues[0].message_vi and "33.92%" in issues[0].message_en


def test_it_converts_the_target_unit_and_checks_changes():
    fig = Figure(
        "sản lượng", Decimal("61.8"), "vạn tấn", comparisons=[Comparison("plan", "change", Decimal(3))]
    )
    assert check_consistency([fig], lambda i, b: (Decimal(600000), "tấn")) == []
    assert codes(check_consistency([fig], lambda i, b: (Decimal(500000), "tấn"))) == ["percent_mismatch"]


def test_it_survives_a_broken_lookup():
    def broken(indicator, basis):
        raise RuntimeError("database down")

    assert check_consistency(extract("Thu ngân sách 40 tỷ đồng, đạt 50% dự toán."), broken) == []
