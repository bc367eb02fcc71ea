import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chitieu.lib.periods import parse_period
from chitieu.orgs.lineage import load
from chitieu.orgs.models import Unit
from chitieu.reporting.dashboard import province_dashboard
from chitieu.reporting.services import result_save, target_save

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)


def save(world, unit, period, value, indicator=None):
    return result_save(
        actor=None, indicator=indicator or world.revenue, unit=unit, period=period, value=value, today=TODAY
    ).object


def test_the_dashboard_shows_each_unit_with_its_percent_change_and_the_rollup(vi_client, world):
    x1, x2, x3 = world.communes
    for u, v in ((x1, 40), (x2, 60)):
        target_save(
            actor=None,
            indicator=world.revenue,
            unit=u,
            period="2024",
            basis="plan",
            value=D(100),
            resolution=None,
        )
        save(world, u, "2024-H1", D(v))
        save(world, u, "2023-H1", D(v) / 2)
    body = vi_client.get(
        reverse("reporting:unit_dashboard", args=["huyen-d"]), {"period": "2024-H1"}
    ).content.decode()
    assert "Xã X1" in body and "Xã X3" in body
    assert "40,0%" in body and "60,0%" in body and "+100,0%" in body
    assert ">100<" in body and "2/3" in body  # the roll-up: 40 + 60, two of three reporting


def test_the_dashboard_costs_the_same_queries_for_more_communes(world):
    province = Unit.objects.create(
        code="tinh-q", name="Tỉnh Q", kind="province", valid_from=dt.date(2010, 1, 1)
    )

    def add(n):
        for i in range(n):
            u = Unit.objects.create(
                code=f"q-{province.children.count()}",
                name="Xã",
                kind="commune",
                parent=province,
                valid_from=dt.date(2010, 1, 1),
            )
            save(world, u, "2024-H1", D(i))
            save(world, u, "2023-H1", D(i + 1))

    add(3)
    with CaptureQueriesContext(connection) as few:
        province_dashboard(province, parse_period("2024-H1"), None)
    add(20)
    with CaptureQueriesContext(connection) as many:
        board = province_dashboard(province, parse_period("2024-H1"), None)
    assert len(many) == len(few) and len(board.children) == 23


def test_a_merged_commune_on_the_dashboard_is_compared_with_its_predecessors(vi_client, world):
    for u, v in zip(world.communes, (10, 20, 30), strict=True):
        save(world, u, "2024-H2", D(v))
    load(
        "date,old_code,new_code,kind,share,new_name,new_kind,new_parent\n"
        "2025-07-01,xa-1,xa-moi,merge,1,Xã Mới,commune,tinh-p\n2025-07-01,xa-2,xa-moi,merge,1,,,\n"
        "2025-07-01,xa-3,xa-moi,merge,1,,,\n2025-07-01,huyen-d,,dissolve,1,,,\n"
    )
    save(world, Unit.objects.get(code="xa-moi"), "2025-H2", D(90))
    body = vi_client.get(
        reverse("reporting:unit_dashboard", args=["tinh-p"]), {"period": "2025-H2"}
    ).content.decode()
    assert "Xã Mới" in body and "+50,0%‡" in body


def test_the_periods_own_plan_wins_over_the_years_and_is_not_prorated(world):
    """x1 has a plan for H1 itself (50) and for the year (100); x2 only the year's (100). At H1 both
    reached 45: x1 did 90% of its H1 plan (not met), x2 45% of its year with half the year gone (on
    pace, within five points) — and x3 with 60 of a year's 100 is ahead of pace."""
    x1, x2, x3 = world.communes
    plans = ((x1, "2024-H1", 50), (x1, "2024", 100), (x2, "2024", 100), (x3, "2024", 100))
    for unit, period, value in plans:
        target_save(
            actor=None, indicator=world.revenue, unit=unit, period=period, basis="plan", value=D(value),
            resolution=None,
        )  # fmt: skip
    for unit, value in ((x1, 45), (x2, 45), (x3, 60)):
        save(world, unit, "2024-H1", D(value))
    board = province_dashboard(world.district, parse_period("2024-H1"), None, lang="vi")
    cells = {r.unit.name: r.cells[0] for r in board.rows}
    assert (cells["Xã X1"].percent, cells["Xã X1"].status) == ("90,0%", "not_achieved")
    assert (cells["Xã X2"].percent, cells["Xã X2"].status) == ("45,0%", "on_pace")
    assert (cells["Xã X3"].percent, cells["Xã X3"].status) == ("60,0%", "ahead")


def test_a_child_with_units_below_shows_their_sum_where_it_reported_nothing_itself(vi_client, world):
    """The province's dashboard lists the district (which reports nothing itself) with the sum of its
    communes, marked Σ, against the district's plan and last year's sum; the town's own figure stays
    its own."""
    x1, x2, _x3 = world.communes
    for unit, period, value in (
        (x1, "2024-H1", 30),
        (x2, "2024-H1", 50),
        (x1, "2023-H1", 40),
        (x2, "2023-H1", 40),
    ):
        save(world, unit, period, D(value))
    save(world, world.town, "2024-H1", D(7))
    target_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2024-H1", basis="plan",
        value=D(100), resolution=None,
    )  # fmt: skip
    board = province_dashboard(world.province, parse_period("2024-H1"), None, lang="vi")
    cells = {r.unit.code: r.cells[0] for r in board.rows}
    district, town = cells["huyen-d"], cells["thi-xa-t"]
    assert (district.value, district.percent, district.change, district.rolled) == (
        "Σ 80",
        "80,0%",
        "+0,0%",
        True,
    )
    assert (town.value, town.rolled) == ("7", False)
    assert board.rolled == 1 and board.reporting == 2
    page = vi_client.get(
        reverse("reporting:unit_dashboard", args=["tinh-p"]), {"period": "2024-H1"}
    ).content.decode()
    assert "Σ 80" in page and "tổng hợp từ các đơn vị trực thuộc" in page


def test_a_percentage_indicator_changes_by_signed_points_in_each_language(world):
    x1 = world.communes[0]
    for period, num in (("2024-H1", 90), ("2023-H1", 85)):
        result_save(
            actor=None, indicator=world.coverage, unit=x1, period=period, value=None,
            numerator=D(num), denominator=D(100), today=TODAY,
        )  # fmt: skip
    vi = province_dashboard(world.district, parse_period("2024-H1"), None, lang="vi").rows[0].cells[0]
    en = province_dashboard(world.district, parse_period("2024-H1"), None, lang="en").rows[0].cells[0]
    assert vi.change == "+5 đ" and en.change == "+5 pp"
