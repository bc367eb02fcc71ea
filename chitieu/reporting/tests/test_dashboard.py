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
    )


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
    body = vi_client.get(reverse("unit_dashboard", args=["huyen-d"]), {"period": "2024-H1"}).content.decode()
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
    body = vi_client.get(reverse("unit_dashboard", args=["tinh-p"]), {"period": "2025-H2"}).content.decode()
    assert "Xã Mới" in body and "+50,0%‡" in body
