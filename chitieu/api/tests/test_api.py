import datetime as dt
from decimal import Decimal as D

import pytest
from rest_framework.test import APIClient

from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(clerk):
    c = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    c.force_authenticate(clerk)
    return c


@pytest.fixture
def anon():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


def test_reading_needs_authentication_too(anon, world):
    assert anon.get("/api/v1/results/").status_code in (401, 403)
    assert anon.get("/api/v1/units/").status_code in (401, 403)


def seed_results(world):
    for unit, v in [(world.district, 100), (world.communes[0], 10), (world.communes[1], 20), (world.town, 7)]:
        result_save(
            actor=None,
            indicator=world.revenue,
            unit=unit,
            period="2023",
            value=D(v),
            today=dt.date(2024, 6, 1),
        )
    result_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2022",
        value=D(90),
        today=dt.date(2024, 6, 1),
    )


def test_results_filter_by_unit_subtree_period_and_indicator(api, world):
    seed_results(world)
    data = api.get("/api/v1/results/", {"unit": "huyen-d", "subtree": "1", "period": "2023"}).json()
    assert sorted(r["unit"] for r in data["results"]) == ["huyen-d", "xa-1", "xa-2"]
    data = api.get("/api/v1/results/", {"unit": "huyen-d", "indicator": "thu-ns"}).json()
    assert sorted(r["period"] for r in data["results"]) == ["2022", "2023"]


def test_a_result_has_a_stable_json_shape(api, world):
    seed_results(world)
    r = api.get("/api/v1/results/", {"unit": "thi-xa-t"}).json()["results"][0]
    assert set(r) == {
        "id",
        "indicator",
        "unit",
        "period",
        "value",
        "numerator",
        "denominator",
        "status",
        "qualifier",
        "note",
        "source",
        "source_ref",
        "stated",
        "entered_by",
        "entered_at",
        "updated_at",
        "version",
    }
    assert r["value"] == "7.000000" and r["indicator"] == "thu-ns" and r["status"] == "actual"


def test_an_unknown_period_filter_is_a_400_naming_the_field(api, world):
    resp = api.get("/api/v1/results/", {"period": "2023-X"})
    assert resp.status_code == 400 and "period" in resp.json()


def test_writing_needs_authentication(anon, world):
    resp = anon.post(
        "/api/v1/results/", {"indicator": "thu-ns", "unit": "huyen-d", "period": "2023", "value": "1"}
    )
    assert resp.status_code in (401, 403)
    assert not Result.objects.exists()


def test_a_result_can_be_created_and_updated(api, world):
    resp = api.post(
        "/api/v1/results/",
        {"indicator": "thu-ns", "unit": "huyen-d", "period": "2023", "value": "40.7"},
        format="json",
    )
    assert resp.status_code == 201, resp.content
    rid = resp.json()["id"]
    resp = api.patch(f"/api/v1/results/{rid}/", {"value": "41.2", "expected_version": 1}, format="json")
    assert resp.status_code == 200 and resp.json()["version"] == 2
    assert Result.objects.get().value == D("41.2")


def test_a_stale_update_is_a_400_with_the_current_value(api, world):
    rid = api.post(
        "/api/v1/results/",
        {"indicator": "thu-ns", "unit": "huyen-d", "period": "2023", "value": "1"},
        format="json",
    ).json()["id"]
    api.patch(f"/api/v1/results/{rid}/", {"value": "2", "expected_version": 1}, format="json")
    resp = api.patch(f"/api/v1/results/{rid}/", {"value": "3", "expected_version": 1}, format="json")
    assert resp.status_code == 400 and "2" in str(resp.json()["value"])
    assert Result.objects.get().value == D(2)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"period": "2023-Q5"}, "period"),
        ({"value": "abc"}, "value"),
        ({"indicator": "khong-co"}, "indicator"),
        ({"period": "2099", "status": "actual"}, "status"),
        ({"indicator": "bhyt", "value": "120"}, "value"),
    ],
)
def test_bad_input_is_refused_naming_the_field(api, world, payload, field):
    body = {"indicator": "thu-ns", "unit": "huyen-d", "period": "2023", "value": "1", **payload}
    resp = api.post("/api/v1/results/", body, format="json")
    assert resp.status_code == 400 and field in resp.json(), resp.content
    assert not Result.objects.exists()


def test_errors_come_in_vietnamese_by_default(clerk, world):
    c = APIClient()
    c.force_authenticate(clerk)
    resp = c.post(
        "/api/v1/results/",
        {"indicator": "thu-ns", "unit": "huyen-d", "period": "2023-Q5", "value": "1"},
        format="json",
    )
    assert resp.status_code == 400
    assert "không phải" in resp.json()["period"][0]


def test_targets_are_written_through_the_api(api, world):
    resp = api.post(
        "/api/v1/targets/",
        {
            "indicator": "thu-ns",
            "unit": "huyen-d",
            "period": "2023",
            "basis": "plan",
            "value": "131",
            "resolution": world.resolution.pk,
        },
        format="json",
    )
    assert resp.status_code == 201, resp.content
    resp = api.get("/api/v1/targets/", {"unit": "huyen-d", "period": "2023"})
    assert [t["value"] for t in resp.json()["results"]] == ["131.000000"]


def test_units_list_a_subtree(api, world):
    data = api.get("/api/v1/units/", {"root": "huyen-d"}).json()
    assert sorted(u["code"] for u in data["results"]) == ["huyen-d", "xa-1", "xa-2", "xa-3"]


def test_the_openapi_schema_lists_the_v1_routes(anon, world):
    resp = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert resp.status_code == 200
    paths = resp.json()["paths"] if resp["Content-Type"].endswith("json") else resp.content.decode()
    for route in (
        "/api/v1/results/",
        "/api/v1/targets/",
        "/api/v1/units/",
        "/api/v1/indicators/",
        "/api/v1/resolutions/",
    ):
        assert route in paths
