"""Generated text of Vietnamese words, numbers, separators, units and Unicode junk never crashes."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.extraction import check_consistency, extract, extract_meeting, normalise, scan

WORDS = (
    "thu ngân sách đạt tăng giảm vượt so với cùng kỳ kế hoạch dự toán Nghị quyết chỉ tiêu tỷ lệ hộ nghèo "
    "trên hơn dưới gần khoảng ước bình quân trong đó Trong đó: gồm có là chiếm còn xuống từ đến năm tháng quý "
    "lần thứ khóa số Hội nghị Ban Chấp hành nhiệm kỳ xã thị trấn tiêu chí đồng chí lượt khách con tấn ha tạ "
    "tỷ triệu nghìn vạn đồng USD % phần trăm hai ba một mười lăm trăm rưỡi Về Tin khác đồng chí Nguyễn Văn An "
    "Bí thư Huyện ủy Phó Chủ tịch UBND tỉnh Sáng Ngày dạt xă vói thi trấn"
).split()
JUNK = [
    "\u0301",
    "\u0323",
    "\u200b",
    "\u00a0",
    "\ufeff",
    "\x00",
    "\ufffd",
    "😀",
    "\u202e",
    "\t",
    "\n",
    "\r",
    "ﬁ",
    "％",
]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(str),
    st.from_regex(r"\d{1,3}(\.\d{3}){0,3}(,\d{1,3})?", fullmatch=True),
    st.from_regex(r"\d{1,2}/\d{1,4}(/\d{2,4})?", fullmatch=True),
    st.from_regex(r"[\d.,/\-–%]{1,12}", fullmatch=True),
    st.from_regex(r"(19|20)\d\d\s?[-–]\s?(19|20)\d\d", fullmatch=True),
)
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, st.sampled_from(JUNK), st.text(max_size=4))
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "; ", ": ", "\n", "/", " - ", "(", ")", "", "  "])
DOCUMENTS = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=60).map(lambda xs: "".join(a + b for a, b in xs))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_it_never_raises_on_generated_text(text):
    result = scan(text)
    norm = normalise(text)
    for fig in result.figures:
        json.dumps(fig.to_json())
        assert 0 <= fig.start <= fig.end <= len(norm)
    for issue in check_consistency(result.figures, lambda indicator, basis: 0):
        json.dumps(issue.to_json())
    json.dumps(extract_meeting(text).to_json())
    assert extract(text) == result.figures
