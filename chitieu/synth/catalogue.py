"""What a generated data set is made of: units of measure, indicator templates and place names.

Each indicator template says how its figures behave at commune level:

* flow  — summed within the year (budget revenue, production); ``base`` is the monthly figure of a
  commune of 10 000 people; seasonal (``season``), growing ``growth`` a year;
* stock — a level (herd size, Party members); ``base`` per 10 000 people, or per commune when the
  roll-up is an average (income per head);
* ratio — numerator / denominator (coverage rates); the rate of a commune lies in ``lo``–``hi`` %,
  the denominator is ``den`` × population;
* flag  — 1 when the commune meets a standard (new-rural commune), counted X/Y up the tree; ``p`` is
  the share meeting it in the first year.

``freq`` is the reporting frequency: M monthly, Q quarterly, Y annual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# code, symbol, dimension, factor
MEASURE_UNITS = [
    ("synth-trieu-dong", "triệu đồng", "money", 10**6),
    ("synth-tan", "tấn", "mass", 1000),
    ("synth-ha", "ha", "area", 10000),
    ("synth-km", "km", "length", 1000),
    ("synth-phan-tram", "%", "percent", 1),
    ("synth-nguoi", "người", "count", 1),
    ("synth-ho", "hộ", "count", 1),
    ("synth-con", "con", "count", 1),
    ("synth-vu", "vụ", "count", 1),
    ("synth-cuoc", "cuộc", "count", 1),
    ("synth-dang-vien", "đảng viên", "count", 1),
    ("synth-doanh-nghiep", "doanh nghiệp", "count", 1),
    ("synth-dat-chuan", "đạt chuẩn", "count", 1),
    ("synth-trieu-dong-nguoi", "triệu đồng/người/năm", "rate", 10**6),
]
DECIMALS = {"synth-trieu-dong": 1, "synth-tan": 1, "synth-ha": 1, "synth-km": 2, "synth-trieu-dong-nguoi": 1}


@dataclass(frozen=True)
class Template:
    field: str
    name: str
    kind: str  # flow | stock | ratio | flag
    unit: str = "synth-trieu-dong"
    freq: str = "Q"
    base: float = 1.0
    season: str = "flat"  # flat | yearend | harvest | tet | summer
    growth: float = 0.06
    polarity: str = "higher"
    aggregation: str = "sum"
    urban: float = 1.0  # multiplier for wards (agriculture < 1, trade > 1)
    lo: float = 80.0
    hi: float = 99.0
    den: float = 1.0
    trend: float = 0.5  # percentage points a year
    p: float = 0.5


E, C, D, P = "economy", "culture_society", "defence_security", "party_building"


def _flow(field, name, unit="synth-trieu-dong", freq="Q", base=1.0, **kw) -> Template:
    return Template(field, name, "flow", unit, freq, base, **kw)


def _stock(field, name, unit, freq="Y", base=1.0, **kw) -> Template:
    return Template(field, name, "stock", unit, freq, base, **kw)


def _ratio(field, name, freq="Y", lo=80.0, hi=99.0, den=1.0, **kw) -> Template:
    return Template(field, name, "ratio", "synth-phan-tram", freq, lo=lo, hi=hi, den=den, **kw)


def _flag(field, name, freq="Y", p=0.5) -> Template:
    return Template(field, name, "flag", "synth-dat-chuan", freq, p=p, growth=0.0)


_CROPS = [
    # name, area ha per 10k people a year, yield t/ha, urban factor
    ("lúa", 900, 5.8, 0.2),
    ("ngô", 250, 4.8, 0.2),
    ("sắn", 150, 19.0, 0.1),
    ("khoai lang", 40, 10.5, 0.2),
    ("rau các loại", 120, 18.0, 0.5),
    ("đậu các loại", 30, 1.5, 0.2),
    ("lạc", 35, 2.4, 0.2),
    ("mía", 50, 65.0, 0.1),
    ("chè búp", 30, 9.0, 0.1),
    ("cà phê", 60, 2.9, 0.1),
    ("cao su", 70, 1.6, 0.1),
    ("hồ tiêu", 15, 2.8, 0.1),
    ("điều", 40, 1.2, 0.1),
    ("cây ăn quả", 110, 12.0, 0.3),
]
_LIVESTOCK = [("trâu", 450), ("bò", 900), ("lợn", 5200), ("gia cầm", 62000), ("dê", 700)]


def _economy() -> list[Template]:
    t = [
        _flow(
            E,
            "Thu ngân sách nhà nước trên địa bàn",
            freq="M",
            base=2400,
            season="yearend",
            growth=0.08,
            urban=2.5,
        ),
        _flow(E, "Thu nội địa", freq="M", base=2100, season="yearend", growth=0.08, urban=2.5),
        _flow(
            E,
            "Thu thuế từ khu vực công thương nghiệp ngoài quốc doanh",
            freq="M",
            base=650,
            growth=0.09,
            urban=3.0,
        ),
        _flow(E, "Thu tiền sử dụng đất", freq="M", base=900, season="yearend", growth=0.03, urban=2.0),
        _flow(E, "Thu lệ phí trước bạ", freq="M", base=210, growth=0.07, urban=2.5),
        _flow(E, "Thu thuế thu nhập cá nhân", freq="M", base=160, season="tet", growth=0.10, urban=3.0),
        _flow(E, "Thu phí, lệ phí", freq="Q", base=55, growth=0.05, urban=2.0),
        _flow(E, "Thu thuế sử dụng đất phi nông nghiệp", freq="Y", base=25, growth=0.04, urban=2.5),
        _flow(E, "Thu khác ngân sách", freq="Q", base=70, growth=0.02),
        _flow(E, "Chi ngân sách địa phương", freq="M", base=2000, season="yearend", growth=0.07),
        _flow(E, "Chi đầu tư phát triển", freq="M", base=700, season="yearend", growth=0.08),
        _flow(E, "Chi thường xuyên", freq="M", base=1150, growth=0.05),
        _flow(E, "Chi sự nghiệp giáo dục và đào tạo", freq="Q", base=430, growth=0.05),
        _flow(E, "Chi sự nghiệp y tế", freq="Q", base=120, growth=0.05),
        _flow(E, "Chi quốc phòng, an ninh ở địa phương", freq="Q", base=60, growth=0.04),
        _flow(
            E,
            "Giá trị sản xuất nông, lâm nghiệp và thủy sản",
            freq="Q",
            base=5200,
            season="harvest",
            growth=0.035,
            urban=0.2,
        ),
        _flow(
            E,
            "Giá trị sản xuất ngành trồng trọt",
            freq="Q",
            base=3000,
            season="harvest",
            growth=0.025,
            urban=0.2,
        ),
        _flow(E, "Giá trị sản xuất ngành chăn nuôi", freq="Q", base=1700, growth=0.04, urban=0.2),
        _flow(E, "Giá trị sản xuất ngành lâm nghiệp", freq="Y", base=250, growth=0.05, urban=0.1),
        _flow(
            E, "Giá trị sản xuất ngành thủy sản", freq="Q", base=600, season="summer", growth=0.05, urban=0.3
        ),
        _flow(
            E,
            "Giá trị sản xuất công nghiệp - xây dựng",
            freq="M",
            base=9500,
            season="tet",
            growth=0.09,
            urban=2.2,
        ),
        _flow(
            E,
            "Giá trị sản xuất công nghiệp chế biến, chế tạo",
            freq="M",
            base=7000,
            season="tet",
            growth=0.10,
            urban=2.2,
        ),
        _flow(
            E,
            "Giá trị sản xuất ngành xây dựng",
            freq="Q",
            base=2500,
            season="yearend",
            growth=0.08,
            urban=2.0,
        ),
        _flow(
            E,
            "Giá trị sản xuất thương mại - dịch vụ",
            freq="M",
            base=8000,
            season="tet",
            growth=0.08,
            urban=2.8,
        ),
        _flow(
            E,
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
            freq="M",
            base=9000,
            season="tet",
            growth=0.09,
            urban=3.0,
        ),
        _flow(
            E,
            "Tổng vốn đầu tư phát triển toàn xã hội",
            freq="Q",
            base=7500,
            season="yearend",
            growth=0.10,
            urban=2.0,
        ),
        _flow(E, "Vốn đầu tư công đã giải ngân", freq="M", base=700, season="yearend", growth=0.08),
        _flow(E, "Doanh thu du lịch", freq="Q", base=900, season="summer", growth=0.12, urban=2.5),
        _flow(E, "Kim ngạch xuất khẩu", freq="Q", base=1600, growth=0.09, urban=2.0),
        _flow(
            E,
            "Sản lượng lương thực có hạt",
            "synth-tan",
            freq="Q",
            base=480,
            season="harvest",
            growth=0.01,
            urban=0.2,
        ),
        _flow(
            E,
            "Sản lượng thịt hơi xuất chuồng",
            "synth-tan",
            freq="Q",
            base=95,
            season="tet",
            growth=0.03,
            urban=0.2,
        ),
        _flow(
            E, "Sản lượng thủy sản", "synth-tan", freq="Q", base=70, season="summer", growth=0.04, urban=0.3
        ),
        _flow(E, "Diện tích rừng trồng mới", "synth-ha", freq="Y", base=6, growth=0.0, urban=0.1),
        _flow(
            E,
            "Đường giao thông nông thôn được cứng hóa",
            "synth-km",
            freq="Q",
            base=0.6,
            growth=0.0,
            urban=0.3,
        ),
        _flow(
            E,
            "Số doanh nghiệp thành lập mới",
            "synth-doanh-nghiep",
            freq="Q",
            base=1.6,
            growth=0.05,
            urban=3.0,
        ),
        _stock(
            E,
            "Số doanh nghiệp đang hoạt động",
            "synth-doanh-nghiep",
            freq="Q",
            base=30,
            growth=0.05,
            urban=3.0,
        ),
        _stock(
            E, "Số hợp tác xã đang hoạt động", "synth-doanh-nghiep", freq="Y", base=3, growth=0.02, urban=0.5
        ),
        _stock(
            E,
            "Thu nhập bình quân đầu người",
            "synth-trieu-dong-nguoi",
            freq="Y",
            base=62,
            growth=0.08,
            aggregation="avg",
            urban=1.5,
        ),
        _ratio(E, "Tỷ lệ giải ngân vốn đầu tư công", freq="Q", lo=55, hi=95, den=0.03, trend=3),
        _ratio(E, "Tỷ lệ che phủ rừng", lo=20, hi=65, den=0.05, trend=0.3),
        _ratio(E, "Tỷ lệ diện tích cây trồng được tưới chủ động", lo=70, hi=98, den=0.09),
        _ratio(E, "Tỷ lệ hộ sử dụng điện an toàn", lo=96, hi=100, den=0.28, trend=0.2),
        _ratio(E, "Tỷ lệ thực hiện dự toán thu ngân sách", freq="Q", lo=80, hi=99, den=0.01),
        _flag(E, "Xã đạt chuẩn nông thôn mới", p=0.75),
        _flag(E, "Xã đạt chuẩn nông thôn mới nâng cao", p=0.3),
        _flag(E, "Xã đạt chuẩn nông thôn mới kiểu mẫu", p=0.08),
        _flag(E, "Xã có sản phẩm OCOP đạt 3 sao trở lên", p=0.45),
        _flag(E, "Xã hoàn thành kế hoạch thu ngân sách năm", p=0.7),
    ]
    for crop, area, yld, urban in _CROPS:
        t.append(
            _flow(
                E,
                f"Diện tích gieo trồng {crop}",
                "synth-ha",
                freq="Q",
                base=area / 12,
                season="harvest",
                growth=-0.01,
                urban=urban,
            )
        )
        t.append(
            _flow(
                E,
                f"Sản lượng {crop}",
                "synth-tan",
                freq="Q",
                base=area * yld / 12,
                season="harvest",
                growth=0.01,
                urban=urban,
            )
        )
    for animal, heads in _LIVESTOCK:
        t.append(_stock(E, f"Tổng đàn {animal}", "synth-con", freq="Q", base=heads, growth=0.02, urban=0.2))
    return t


def _culture_society() -> list[Template]:
    return [
        _stock(C, "Dân số trung bình", "synth-nguoi", base=10000, growth=0.009),
        _stock(C, "Số hộ nghèo", "synth-ho", base=95, growth=-0.15, polarity="lower", urban=0.3),
        _stock(C, "Số hộ cận nghèo", "synth-ho", base=110, growth=-0.10, polarity="lower", urban=0.4),
        _stock(C, "Số trường học đạt chuẩn quốc gia", "synth-doanh-nghiep", base=4, growth=0.04),
        _stock(C, "Số bác sĩ", "synth-nguoi", base=9, growth=0.04, urban=1.8),
        _stock(C, "Số giường bệnh", "synth-nguoi", base=30, growth=0.03, urban=2.0),
        _stock(
            C, "Số người tham gia bảo hiểm xã hội", "synth-nguoi", freq="Q", base=2200, growth=0.07, urban=2.0
        ),
        _flow(C, "Số lao động được giải quyết việc làm mới", "synth-nguoi", freq="Q", base=22, growth=0.02),
        _flow(
            C,
            "Số lao động đi làm việc ở nước ngoài theo hợp đồng",
            "synth-nguoi",
            freq="Q",
            base=4,
            growth=0.05,
        ),
        _flow(C, "Số lao động được đào tạo nghề", "synth-nguoi", freq="Q", base=14, growth=0.03),
        _flow(C, "Số nhà tạm, nhà dột nát được xóa", "synth-ho", freq="Q", base=0.6, growth=-0.2, urban=0.2),
        _flow(C, "Số hộ thoát nghèo", "synth-ho", freq="Y", base=2.2, growth=-0.1, urban=0.3),
        _flow(C, "Số trẻ em sinh ra", "synth-nguoi", freq="Q", base=11, growth=-0.02),
        _flow(
            C,
            "Số lượt khách du lịch",
            "synth-nguoi",
            freq="M",
            base=1800,
            season="summer",
            growth=0.10,
            urban=2.5,
        ),
        _flow(
            C, "Số hồ sơ thủ tục hành chính tiếp nhận", "synth-ho", freq="M", base=420, growth=0.06, urban=2.0
        ),
        _flow(
            C,
            "Số lượt khám chữa bệnh tại trạm y tế",
            "synth-nguoi",
            freq="M",
            base=600,
            season="tet",
            growth=0.02,
        ),
        _flow(C, "Kinh phí hỗ trợ đối tượng bảo trợ xã hội", freq="Q", base=140, growth=0.05),
        _ratio(C, "Tỷ lệ dân số tham gia bảo hiểm y tế", freq="Q", lo=88, hi=99, den=1.0, trend=0.6),
        _ratio(
            C,
            "Tỷ lệ lực lượng lao động tham gia bảo hiểm xã hội",
            freq="Q",
            lo=22,
            hi=55,
            den=0.55,
            trend=1.5,
        ),
        _ratio(C, "Tỷ lệ hộ nghèo", lo=0.5, hi=7, den=0.28, trend=-0.8, polarity="lower"),
        _ratio(C, "Tỷ lệ hộ cận nghèo", lo=1, hi=8, den=0.28, trend=-0.6, polarity="lower"),
        _ratio(C, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", freq="Q", lo=90, hi=99.5, den=0.012),
        _ratio(
            C,
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
            lo=8,
            hi=24,
            den=0.07,
            trend=-0.5,
            polarity="lower",
        ),
        _ratio(C, "Tỷ lệ huy động trẻ 5 tuổi đến lớp", lo=96, hi=100, den=0.015, trend=0.2),
        _ratio(C, "Tỷ lệ học sinh hoàn thành chương trình tiểu học", lo=97, hi=100, den=0.018, trend=0.1),
        _ratio(C, "Tỷ lệ học sinh tốt nghiệp trung học cơ sở", lo=93, hi=99.8, den=0.016, trend=0.2),
        _ratio(C, "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa", lo=82, hi=96, den=0.28),
        _ratio(C, "Tỷ lệ thôn, tổ dân phố đạt danh hiệu văn hóa", lo=80, hi=97, den=0.0025),
        _ratio(C, "Tỷ lệ dân số sử dụng nước sạch đạt quy chuẩn", lo=60, hi=98, den=1.0, trend=1.5),
        _ratio(
            C,
            "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
            freq="Q",
            lo=75,
            hi=99,
            den=0.45,
            trend=1.0,
        ),
        _ratio(C, "Tỷ lệ lao động qua đào tạo", lo=55, hi=80, den=0.55, trend=1.2),
        _ratio(
            C,
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
            freq="M",
            lo=92,
            hi=100,
            den=0.042,
            trend=0.5,
        ),
        _ratio(
            C, "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến", freq="M", lo=45, hi=92, den=0.042, trend=6
        ),
        _ratio(
            C,
            "Tỷ lệ người dân có tài khoản định danh điện tử mức 2",
            freq="Q",
            lo=60,
            hi=95,
            den=0.8,
            trend=5,
        ),
        _ratio(C, "Tỷ lệ dân số có hồ sơ sức khỏe điện tử", freq="Q", lo=80, hi=99, den=1.0, trend=2),
        _flag(C, "Trạm y tế đạt Bộ tiêu chí quốc gia về y tế xã", p=0.85),
        _flag(C, "Xã đạt chuẩn phổ cập giáo dục mầm non cho trẻ 5 tuổi", p=0.95),
        _flag(C, "Xã đạt chuẩn xóa mù chữ mức độ 2", p=0.9),
        _flag(C, "Xã đạt chuẩn tiếp cận pháp luật", p=0.7),
        _flag(C, "Nhà văn hóa xã đạt chuẩn", freq="Y", p=0.6),
    ]


def _defence_security() -> list[Template]:
    return [
        _flow(
            D,
            "Số vụ phạm pháp hình sự",
            "synth-vu",
            freq="M",
            base=0.9,
            growth=-0.05,
            polarity="lower",
            urban=1.8,
        ),
        _flow(
            D,
            "Số vụ vi phạm pháp luật về ma túy",
            "synth-vu",
            freq="M",
            base=0.5,
            growth=-0.03,
            polarity="lower",
        ),
        _flow(
            D,
            "Số vụ tai nạn giao thông",
            "synth-vu",
            freq="M",
            base=0.8,
            season="tet",
            growth=-0.06,
            polarity="lower",
        ),
        _flow(
            D,
            "Số người chết do tai nạn giao thông",
            "synth-nguoi",
            freq="M",
            base=0.35,
            season="tet",
            growth=-0.06,
            polarity="lower",
        ),
        _flow(
            D,
            "Số vụ cháy, nổ",
            "synth-vu",
            freq="Q",
            base=0.4,
            season="summer",
            growth=-0.02,
            polarity="lower",
        ),
        _flow(
            D,
            "Số đơn thư khiếu nại, tố cáo tiếp nhận",
            "synth-vu",
            freq="Q",
            base=4,
            growth=-0.03,
            polarity="lower",
        ),
        _flow(D, "Số vụ việc hòa giải ở cơ sở", "synth-vu", freq="Q", base=3, growth=0.0),
        _flow(D, "Số thanh niên nhập ngũ", "synth-nguoi", freq="Y", base=2.4, growth=0.0),
        _flow(D, "Số cuộc tuyên truyền, phổ biến pháp luật", "synth-cuoc", freq="Q", base=6, growth=0.03),
        _flow(D, "Số lượt dân quân tự vệ được huấn luyện", "synth-nguoi", freq="Y", base=120, growth=0.0),
        _stock(D, "Số dân quân tự vệ", "synth-nguoi", base=130, growth=0.0),
        _stock(D, "Số tổ bảo vệ an ninh, trật tự ở cơ sở", "synth-doanh-nghiep", base=4, growth=0.0),
        _ratio(D, "Tỷ lệ điều tra, khám phá án hình sự", freq="Q", lo=78, hi=96, den=0.0005),
        _ratio(D, "Tỷ lệ hòa giải thành", freq="Q", lo=80, hi=95, den=0.0003),
        _ratio(D, "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo", freq="Q", lo=85, hi=99, den=0.0004),
        _ratio(D, "Tỷ lệ hoàn thành chỉ tiêu giao quân", lo=98, hi=100, den=0.00024),
        _ratio(D, "Tỷ lệ dân quân tự vệ so với dân số", lo=1.0, hi=1.6, den=1.0, trend=0.0),
        _ratio(D, "Tỷ lệ thôn, tổ dân phố không có tội phạm ma túy", lo=80, hi=98, den=0.0025),
        _flag(D, "Xã đạt tiêu chuẩn an toàn về an ninh, trật tự", p=0.8),
        _flag(D, "Xã vững mạnh về quốc phòng - an ninh", p=0.65),
        _flag(D, "Xã hoàn thành chỉ tiêu tuyển quân", p=0.95),
    ]


def _party_building() -> list[Template]:
    return [
        _flow(
            P, "Số đảng viên mới kết nạp", "synth-dang-vien", freq="Q", base=4, season="yearend", growth=0.0
        ),
        _flow(
            P,
            "Số đảng viên bị kỷ luật",
            "synth-dang-vien",
            freq="Q",
            base=0.3,
            growth=-0.05,
            polarity="lower",
        ),
        _flow(P, "Số cuộc kiểm tra của cấp ủy", "synth-cuoc", freq="Q", base=2.5, growth=0.02),
        _flow(P, "Số cuộc giám sát chuyên đề của cấp ủy", "synth-cuoc", freq="Q", base=2.0, growth=0.02),
        _flow(P, "Số đảng viên được tặng Huy hiệu Đảng", "synth-dang-vien", freq="Y", base=9, growth=0.03),
        _flow(P, "Số buổi sinh hoạt chuyên đề của chi bộ", "synth-cuoc", freq="Q", base=12, growth=0.0),
        _flow(P, "Số đảng viên được học tập nghị quyết", "synth-dang-vien", freq="Y", base=380, growth=0.02),
        _flow(
            P, "Số cuộc tiếp xúc cử tri, đối thoại với Nhân dân", "synth-cuoc", freq="Q", base=1.5, growth=0.0
        ),
        _stock(P, "Tổng số đảng viên", "synth-dang-vien", freq="Q", base=480, growth=0.015),
        _stock(P, "Số chi bộ trực thuộc", "synth-doanh-nghiep", base=9, growth=0.0),
        _stock(P, "Số đoàn viên thanh niên", "synth-nguoi", base=900, growth=0.0),
        _stock(P, "Số hội viên phụ nữ", "synth-nguoi", base=2100, growth=0.01),
        _ratio(P, "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên", lo=80, hi=98, den=0.0009),
        _ratio(P, "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên", lo=85, hi=97, den=0.048),
        _ratio(P, "Tỷ lệ thôn, tổ dân phố có chi bộ", lo=97, hi=100, den=0.0025, trend=0.2),
        _ratio(P, "Tỷ lệ đảng viên tham gia học tập nghị quyết", lo=90, hi=99.5, den=0.048),
        _ratio(P, "Tỷ lệ tập hợp thanh niên vào tổ chức Đoàn", lo=70, hi=92, den=0.12),
        _ratio(P, "Tỷ lệ tập hợp phụ nữ vào tổ chức Hội", lo=75, hi=95, den=0.25),
        _ratio(P, "Tỷ lệ chi bộ sinh hoạt định kỳ đúng quy định", freq="Q", lo=90, hi=100, den=0.0009),
        _flag(P, "Đảng bộ xã hoàn thành tốt nhiệm vụ trở lên", p=0.8),
        _flag(P, "Chính quyền xã hoàn thành tốt nhiệm vụ trở lên", p=0.78),
        _flag(P, "Mặt trận Tổ quốc xã hoàn thành tốt nhiệm vụ", p=0.85),
        _flag(P, "Đảng bộ xã trong sạch, vững mạnh", p=0.7),
    ]


FIELD_SHARES = [(E, 0.40), (C, 0.30), (D, 0.15), (P, 0.15)]
_TEMPLATES = {E: _economy, C: _culture_society, D: _defence_security, P: _party_building}


def field_counts(n: int) -> list[tuple[str, int]]:
    """How many of ``n`` indicators each field gets (largest remainders)."""
    raw = [(f, n * s) for f, s in FIELD_SHARES]
    counts = {f: int(x) for f, x in raw}
    for f, _x in sorted(raw, key=lambda fx: fx[1] - int(fx[1]), reverse=True)[: n - sum(counts.values())]:
        counts[f] += 1
    return [(f, counts[f]) for f, _ in FIELD_SHARES]


def templates(n: int) -> list[Template]:
    """``n`` indicator templates spread over the four fields.

    A field that needs more than its catalogue holds takes its templates again as numbered
    variants ("… (nhóm 2)"): the same behaviour under a distinct name.
    """
    out: list[Template] = []
    for field, count in field_counts(n):
        pool = _interleave(_TEMPLATES[field]())
        for k in range(count):
            t = pool[k % len(pool)]
            rnd = k // len(pool)
            out.append(t if rnd == 0 else replace(t, name=f"{t.name} (nhóm {rnd + 1})"))
    return out


def _interleave(pool: list[Template]) -> list[Template]:
    """The pool in round-robin order over its kinds of measure, so that a small set has them all."""
    by_kind: dict[str, list[Template]] = {}
    for t in pool:
        by_kind.setdefault(t.kind, []).append(t)
    out: list[Template] = []
    lists = list(by_kind.values())
    for k in range(max(len(v) for v in lists)):
        out += [v[k] for v in lists if k < len(v)]
    return out


# Syllables for synthetic place names (no attempt to match real places).
SYLLABLES = (
    "An Bình Cẩm Chánh Diên Đông Đức Giang Hà Hải Hòa Hồng Hưng Khánh Kim Lạc Lâm Liên Long Lộc Minh "
    "Mỹ Nam Nghĩa Ngọc Nhân Phong Phú Phúc Phước Quang Quế Sơn Tân Thạch Thái Thanh Thành Thịnh Thuận "
    "Thượng Tiến Trung Trường Tường Văn Vĩnh Xuân Yên"
).split()
