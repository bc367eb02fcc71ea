"""The indicator history chart and the progress bullets: server-rendered SVG with numeric
coordinates in both languages, one frequency per series, the same period a year before and the
targets drawn where they belong."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from chitieu.indicators.charts import HEIGHT, WIDTH, Point, TargetMark, history_chart
from chitieu.lib.periods import Period, PeriodKind, parse_period
from chitieu.reporting.services import result_save, target_save

SVG = "{http://www.w3.org/2000/svg}"
NUMERIC = re.compile(r"^-?\d+(\.\d+)?$")
GEOMETRY = ("x", "y", "width", "height", "x1", "x2", "y1", "y2", "cx", "cy")
LATER = dt.date(2030, 1, 1)


def svg_of(body: str, css_class: str) -> ET.Element:
    m = re.search(rf'<svg class="{css_class}".*?</svg>', body, re.S)
    assert m, f"no <svg class={css_class}> on the page"
    text = m.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(text)


def marks(svg: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in svg.iter(SVG + tag) if cls in (e.get("class") or "").split()]


def assert_numeric(svg: ET.Element) -> None:
    for el in svg.iter():
        for name in GEOMETRY:
            if name in el.attrib:
                assert NUMERIC.match(el.attrib[name]), f"<{el.tag} {name}={el.attrib[name]!r}>"


@pytest.fixture
def series(world):
    """Eight quarters of the district's revenue, a year figure and three months (mixed frequencies,
    as units report), quarter targets for 2024 and a year plan."""
    d = world.district
    values = {}
    for year in (2023, 2024):
        for q in range(1, 5):
            values[f"{year}-Q{q}"] = D(100 * (year - 2022) + 10 * q)
    for code, v in values.items():
        result_save(actor=None, indicator=world.revenue, unit=d, period=code, value=v, today=LATER)
    result_save(actor=None, indicator=world.revenue, unit=d, period="2023", value=D(500), today=LATER)
    for m in (1, 2, 3):
        result_save(
            actor=None, indicator=world.revenue, unit=d, period=f"2024-0{m}", value=D(70), today=LATER
        )
    for q in range(1, 5):
        target_save(
            actor=None, indicator=world.revenue, unit=d, period=f"2024-Q{q}", basis="plan", value=D(250)
        )
    target_save(actor=None, indicator=world.revenue, unit=d, period="2024", basis="plan", value=D(1000))
    return values


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_history_chart_has_numeric_coordinates_and_one_bar_per_quarter(
    client, clerk, world, series, lang
):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
    client.force_login(clerk)
    resp = client.get(reverse("indicators:indicator_detail", args=["thu-ns"]), {"unit": "huyen-d"})
    body = resp.content.decode()
    svg = svg_of(body, "history")
    assert_numeric(svg)
    bars = marks(svg, "rect", "bar")
    assert len(bars) == 8  # the quarters: the year and the months are other series
    assert all(float(b.get("height")) > 0 for b in bars)
    heights = [float(b.get("height")) for b in bars]
    assert heights == sorted(heights)  # the figures grow quarter by quarter, and so do the bars
    assert len(marks(svg, "rect", "prev")) == 4  # 2024's quarters beside 2023's
    assert len(marks(svg, "line", "target")) == 4  # the quarter plans; the year's is not a quarter's
    labels = [t.text for t in marks(svg, "text", "p")]
    first = parse_period("2023-Q1").label(lang)
    assert labels[0] == first and len(labels) == 8
    assert not any("2024-01" in (t or "") or "tháng" in (t or "") for t in labels)
    # The figure's own number, in the page's language, in the bar's tooltip.
    assert ("130" if lang == "vi" else "130") in "".join(b.findtext(SVG + "title") or "" for b in bars)


@pytest.mark.django_db
def test_the_chart_offers_each_frequency_and_draws_the_one_chosen(vi_client, world, series):
    url = reverse("indicators:indicator_detail", args=["thu-ns"])
    body = vi_client.get(url, {"unit": "huyen-d"}).content.decode()
    assert "freq=month" in body and "freq=year" in body
    svg = svg_of(vi_client.get(url, {"unit": "huyen-d", "freq": "month"}).content.decode(), "history")
    assert len(marks(svg, "rect", "bar")) == 3
    assert [t.text for t in marks(svg, "text", "p")] == ["tháng 1/2024", "tháng 2/2024", "tháng 3/2024"]


@pytest.mark.django_db
def test_the_unit_page_draws_a_bullet_against_target_and_pace(vi_client, world):
    target_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", basis="plan", value=D(1000)
    )
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023-H1", value=D(400), today=LATER
    )
    body = vi_client.get(
        reverse("reporting:unit_detail", args=["huyen-d"]), {"period": "2023-H1"}
    ).content.decode()
    row = re.search(r'data-indicator="thu-ns".*?</tr>', body, re.S).group(0)
    svg = svg_of(row, "bullet s-behind")  # 40% of the year's plan at mid-year: behind pace
    assert_numeric(svg)
    width = float(svg.get("width"))
    fill = float(marks(svg, "rect", "fill")[0].get("width"))
    pace = float(marks(svg, "line", "pace")[0].get("x1"))
    target = float(marks(svg, "line", "target")[0].get("x1"))
    assert fill < pace < target <= width
    assert fill / target == pytest.approx(0.40, abs=0.01) and pace / target == pytest.approx(0.5, abs=0.01)
    assert "40,0%" in svg.findtext(SVG + "title")


def test_a_missing_period_leaves_an_empty_slot_and_negative_figures_hang_below_the_axis():
    q = PeriodKind.QUARTER
    points = [Point(Period(q, 2024, 1), D(10)), Point(Period(q, 2024, 3), D(-5))]
    chart = history_chart(points, [], lang="vi")
    assert [label["text"] for label in chart.labels] == ["quý I/2024", "quý II/2024", "quý III/2024"]
    assert len(chart.bars) == 2
    negative = chart.bars[1]
    assert float(negative["y"]) == pytest.approx(float(chart.baseline_y))


values = st.decimals(min_value=-(10**9), max_value=10**12, allow_nan=False, allow_infinity=False, places=3)


@given(
    st.lists(st.tuples(st.integers(2015, 2030), st.integers(1, 4), values), min_size=1, max_size=30),
    st.lists(st.tuples(st.integers(2015, 2030), st.integers(1, 4), values), max_size=10),
    st.sampled_from(["vi", "en"]),
)
def test_every_coordinate_is_a_plain_number_inside_the_drawing(figures, plan, lang):
    q = PeriodKind.QUARTER
    points = [Point(Period(q, y, i), v) for y, i, v in figures]
    targets = [TargetMark(Period(q, y, i), v, "plan", "kế hoạch") for y, i, v in plan]
    chart = history_chart(points, targets, lang=lang)
    assert chart is not None and 1 <= len(chart.labels) <= 24
    for mark in chart.bars + chart.previous + chart.targets + chart.ticks + chart.labels:
        for key in ("x", "y", "w", "h", "x1", "x2"):
            if key in mark:
                assert NUMERIC.match(mark[key]), mark
                assert -1 <= float(mark[key]) <= max(WIDTH, HEIGHT) + 1
