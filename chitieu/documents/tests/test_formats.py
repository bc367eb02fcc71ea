"""Number line, date line, recipients and layout defaults."""

from __future__ import annotations

import datetime

import pytest

from chitieu.documents.context import DocumentNumber
from chitieu.documents.formats import BLANK_SEQUENCE, date_line, number_line, recipient_lines, vn_date
from chitieu.documents.layout import Margins, layout_for


def test_a_party_number_has_a_hyphen_and_no_colon():
    assert number_line("party", DocumentNumber("BC", 123), "TU") == "Số 123-BC/TU"
    assert number_line("party", DocumentNumber("TB", 15), "ĐU") == "Số 15-TB/ĐU"


def test_a_state_number_has_a_colon_and_slashes():
    assert number_line("state", DocumentNumber("BC", 123), "UBND") == "Số: 123/BC-UBND"


def test_an_unregistered_number_leaves_a_blank_for_the_clerk():
    assert number_line("party", DocumentNumber("BC"), "TU") == f"Số {BLANK_SEQUENCE}-BC/TU"
    assert number_line("state", DocumentNumber("BC"), "UBND") == f"Số: {BLANK_SEQUENCE}/BC-UBND"


def test_an_unknown_family_is_refused():
    with pytest.raises(ValueError):
        number_line("church", DocumentNumber("BC", 1), "X")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        layout_for("church")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (datetime.date(2024, 12, 5), "ngày 05 tháng 12 năm 2024"),
        (datetime.date(2018, 2, 20), "ngày 20 tháng 02 năm 2018"),
        (datetime.date(2022, 1, 1), "ngày 01 tháng 01 năm 2022"),
        (datetime.date(2022, 7, 13), "ngày 13 tháng 7 năm 2022"),
        (datetime.date(2022, 3, 9), "ngày 09 tháng 3 năm 2022"),
    ],
)
def test_the_date_pads_days_below_10_and_months_1_and_2_only(date, expected):
    assert vn_date(date) == expected


def test_the_date_line_starts_with_the_place():
    assert date_line("Kinh Môn", datetime.date(2024, 12, 5)) == "Kinh Môn, ngày 05 tháng 12 năm 2024"


def test_recipients_end_with_commas_and_the_archive_with_a_full_stop():
    assert recipient_lines(("Ban Thường vụ Tỉnh ủy (để b/c)", "- Lưu Văn phòng Thị ủy")) == [
        "- Ban Thường vụ Tỉnh ủy (để b/c),",
        "- Lưu Văn phòng Thị ủy.",
    ]


def test_layouts_default_per_family_and_accept_overrides():
    party, state = layout_for("party"), layout_for("state")
    assert party.margins == Margins(20, 20, 30, 15) == state.margins
    assert party.font_name == "Times New Roman" and party.body_pt == 14
    assert 15 <= party.title_pt <= 16 and state.national_title_pt == 13
    wide = layout_for("party", margins=Margins(25, 25, 35, 15), body_pt=13)
    assert wide.margins.left_mm == 35 and wide.body_pt == 13 and wide.title_pt == party.title_pt
