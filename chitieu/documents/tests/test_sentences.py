"""The Vietnamese sentences: one test per verb rule, the seed sentences, and a property test."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from chitieu.documents import samples
from chitieu.documents.context import Comparison, Figure, Limitation, PreviousTask, Task
from chitieu.documents.sentences import (
    comparison_phrase,
    figure_sentence,
    limitation_sentence,
    previous_task_sentence,
    task_sentence,
)
from chitieu.documents.tests.conftest import vn_numbers
from chitieu.lib.vnnum import format_number


def share(percent: str, basis: str = "kế hoạch", **kw) -> Comparison:
    return Comparison(basis, "of", D(percent), **kw)


def test_a_share_below_100_reads_dat_x_percent_of_the_basis():
    assert comparison_phrase(share("51.7")) == "đạt 51,7% kế hoạch"


def test_a_share_can_say_so_voi_before_its_basis():
    assert comparison_phrase(share("59.9", say_compared_with=True)) == "đạt 59,9% so với kế hoạch"


def test_a_share_of_exactly_100_reads_dat_100_percent():
    assert comparison_phrase(share("100", decimals=0)) == "đạt 100% kế hoạch"


def test_a_share_that_rounds_to_100_reads_dat_not_vuot():
    assert comparison_phrase(share("100.04")) == "đạt 100,0% kế hoạch"


def test_a_share_above_100_reads_dat_x_percent_vuot_the_basis():
    assert comparison_phrase(share("106", "dự toán năm", decimals=0)) == "đạt 106%, vượt dự toán năm"
    assert comparison_phrase(share("100.51", "Nghị quyết", decimals=2)) == "đạt 100,51%, vượt Nghị quyết"


def test_a_budget_share_with_equal_wording_reads_bang():
    phrase = comparison_phrase(share("27.9", "dự toán tỉnh giao", equal_wording=True))
    assert phrase == "bằng 27,9% dự toán tỉnh giao"


def test_a_positive_change_reads_tang_so_voi_cung_ky():
    assert comparison_phrase(Comparison("cùng kỳ", "change", D("15.9"))) == "tăng 15,9% so với cùng kỳ"


def test_a_negative_change_reads_giam_without_the_sign():
    assert comparison_phrase(Comparison("cùng kỳ", "change", D("-2.14"))) == "giảm 2,1% so với cùng kỳ"


def test_a_change_that_rounds_to_zero_reads_bang_cung_ky():
    assert comparison_phrase(Comparison("cùng kỳ", "change", D("0.04"))) == "bằng cùng kỳ"


def test_a_change_in_points_reads_diem_phan_tram():
    assert comparison_phrase(Comparison("cùng kỳ", "points", D("1.2"))) == (
        "tăng 1,2 điểm phần trăm so với cùng kỳ"
    )
    assert comparison_phrase(Comparison("cùng kỳ", "points", D("-0.5"))) == (
        "giảm 0,5 điểm phần trăm so với cùng kỳ"
    )


def test_a_qualified_comparison_puts_tren_before_the_percent():
    assert comparison_phrase(share("70", "chỉ tiêu", decimals=0, qualifier="over")) == "đạt trên 70% chỉ tiêu"


def test_the_rice_sentence_of_seed_000_is_written_as_in_the_report():
    fig = Figure(
        "Sản lượng lúa Đông Xuân", D("101761"), "tấn", comparisons=(share("59.9", say_compared_with=True),)
    )
    assert figure_sentence(fig) == "Sản lượng lúa Đông Xuân đạt 101.761 tấn, đạt 59,9% so với kế hoạch."


def test_an_estimate_reads_uoc_dat_and_components_follow_trong_do():
    assert figure_sentence(samples.PRODUCTION) == (
        "Tổng giá trị sản xuất ước đạt 31.167 tỷ đồng, đạt 51,7% kế hoạch, tăng 15,9% so với cùng kỳ. "
        "Trong đó: nông - lâm - thuỷ sản 1.712 tỷ đồng, đạt 70,5% kế hoạch, tăng 0,3%; công nghiệp - xây dựng "
        "27.150 tỷ đồng, đạt 50,9% kế hoạch, tăng 17,2%; dịch vụ 2.305 tỷ đồng, đạt 50,5% kế hoạch, tăng 13,8% "
        "so với cùng kỳ."
    )


def test_components_with_different_change_bases_keep_every_basis():
    fig = Figure(
        "Tổng",
        D("10"),
        "tấn",
        components=(
            Figure("a", D("4"), "tấn", comparisons=(Comparison("cùng kỳ", "change", D("1")),)),
            Figure("b", D("6"), "tấn", comparisons=(Comparison("kỳ trước", "change", D("2")),)),
        ),
    )
    assert "a 4 tấn, tăng 1,0% so với cùng kỳ; b 6 tấn, tăng 2,0% so với kỳ trước." in figure_sentence(fig)


def test_a_budget_figure_of_seed_001_reads_dat_106_percent_vuot_du_toan_nam():
    assert figure_sentence(samples.BUDGET) == (
        "Tổng thu ngân sách 6 tháng đầu năm đạt 905,653 tỷ đồng, đạt 106%, vượt dự toán năm."
    )


def test_a_figure_without_value_but_with_percentages_joins_them_with_va():
    fig = Figure(
        "Tổng thu ngân sách",
        None,
        comparisons=(
            share("31", "kế hoạch thị xã", decimals=0),
            share("49", "dự toán tỉnh giao", decimals=0),
        ),
    )
    assert figure_sentence(fig) == "Tổng thu ngân sách đạt 31% kế hoạch thị xã và đạt 49% dự toán tỉnh giao."


def test_a_count_of_units_reads_x_slash_y():
    fig = Figure("Số xã đạt chuẩn nông thôn mới", D("8"), "xã", denominator=D("9"))
    assert figure_sentence(fig) == "Số xã đạt chuẩn nông thôn mới: 8/9 xã."


def test_a_missing_figure_reads_chua_co_so_lieu():
    assert figure_sentence(Figure("Tổng vốn đầu tư", None, "tỷ đồng")) == "Tổng vốn đầu tư: chưa có số liệu."


def test_a_missing_component_reads_chua_co_so_lieu_and_does_not_fail():
    fig = Figure("Tổng", D("5"), "tấn", components=(Figure("a", None, "tấn"), Figure("b", D("5"), "tấn")))
    assert figure_sentence(fig) == "Tổng đạt 5 tấn. Trong đó: a chưa có số liệu; b 5 tấn."


def test_a_hedged_value_reads_tren():
    fig = Figure("Doanh thu xã hội", D("6.4"), "tỷ đồng", qualifier="over")
    assert figure_sentence(fig) == "Doanh thu xã hội đạt trên 6,4 tỷ đồng."
    assert "gần 6,4" in figure_sentence(Figure("X", D("6.4"), "tỷ đồng", qualifier="nearly"))
    assert "khoảng 6,4" in figure_sentence(Figure("X", D("6.4"), "tỷ đồng", qualifier="about"))


def test_a_rate_glues_the_percent_sign_and_may_use_the_verb_la():
    fig = Figure(
        "Tỷ lệ người dân tham gia BHYT",
        D("95.49"),
        "%",
        verb="là",
        comparisons=(share("100.51", "Nghị quyết", decimals=2),),
    )
    assert figure_sentence(fig) == "Tỷ lệ người dân tham gia BHYT là 95,49%, đạt 100,51%, vượt Nghị quyết."


def test_an_estimated_rate_with_the_verb_la_reads_uoc_dat():
    assert (
        figure_sentence(Figure("Tỷ lệ", D("95"), "%", verb="là", status="estimate")) == "Tỷ lệ ước đạt 95%."
    )


def test_the_value_is_rounded_to_the_figures_decimals():
    assert figure_sentence(Figure("Thu", D("40.6666"), "tỷ đồng", decimals=1)) == "Thu đạt 40,7 tỷ đồng."


def test_a_note_is_appended_as_its_own_sentence():
    fig = Figure("Thu", D("40"), "tỷ đồng", note="số liệu sơ bộ")
    assert figure_sentence(fig) == "Thu đạt 40 tỷ đồng. Số liệu sơ bộ."
    assert figure_sentence(fig, include_note=False) == "Thu đạt 40 tỷ đồng."


def test_limitations_tasks_and_previous_tasks_read_as_sentences():
    lim = Limitation("thu ngân sách còn chậm tiến độ", causes=("giá đất giảm", "thủ tục kéo dài."))
    assert (
        limitation_sentence(lim)
        == "Thu ngân sách còn chậm tiến độ. Nguyên nhân: giá đất giảm; thủ tục kéo dài."
    )
    task = Task("đẩy mạnh thu ngân sách", "Ủy ban nhân dân thị xã", datetime.date(2022, 9, 30))
    assert task_sentence(task) == (
        "Đẩy mạnh thu ngân sách. Giao Ủy ban nhân dân thị xã chủ trì thực hiện, hoàn thành trước ngày 30/9/2022."
    )
    assert task_sentence(Task("rà soát quy hoạch")) == "Rà soát quy hoạch."
    assert previous_task_sentence(PreviousTask("Rà soát quy hoạch", "đã hoàn thành")) == (
        "Rà soát quy hoạch: đã hoàn thành."
    )


values = st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
percents = st.decimals(min_value=-500, max_value=500, places=2, allow_nan=False, allow_infinity=False)


@given(
    value=values,
    decimals=st.one_of(st.none(), st.integers(0, 3)),
    percent=percents,
    pdec=st.integers(0, 2),
    kind=st.sampled_from(["of", "change", "points"]),
    status=st.sampled_from(["actual", "estimate"]),
    qualifier=st.sampled_from([None, "over", "nearly", "about"]),
    unit=st.sampled_from(["", "%", "tỷ đồng", "tấn"]),
)
def test_any_value_and_percent_give_a_sentence_with_both_written_the_vietnamese_way(
    value, decimals, percent, pdec, kind, status, qualifier, unit
):
    if kind == "of":
        percent = abs(percent)
    fig = Figure(
        "Chỉ tiêu",
        value,
        unit,
        decimals=decimals,
        status=status,
        qualifier=qualifier,
        comparisons=(Comparison("kế hoạch", kind, percent, decimals=pdec),),
    )
    sentence = figure_sentence(fig)
    written_value = format_number(value, decimals)
    assert written_value in sentence
    shown = abs(percent.quantize(D(1).scaleb(-pdec), rounding="ROUND_HALF_UP"))
    numbers = vn_numbers(sentence)
    assert numbers[0] == D(written_value.replace(".", "").replace(",", "."))
    if kind == "of" or shown:
        written_percent = format_number(shown, pdec)
        assert written_percent + ("%" if kind != "points" else " điểm phần trăm") in sentence
        assert numbers[1] == shown
    else:
        assert "bằng kế hoạch" in sentence
    assert sentence.endswith(".")
    assert ("ước" in sentence) == (status == "estimate")


@given(percent=st.one_of(st.none(), percents), kind=st.sampled_from(["of", "change", "points"]))
def test_a_figure_without_value_never_fails(percent, kind):
    comparisons = () if percent is None else (Comparison("kế hoạch", kind, percent),)
    sentence = figure_sentence(Figure("Chỉ tiêu", None, "tấn", comparisons=comparisons))
    assert sentence.startswith("Chỉ tiêu")
    if percent is None:
        assert sentence == "Chỉ tiêu: chưa có số liệu."
