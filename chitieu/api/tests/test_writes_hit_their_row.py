"""Writes through the API change the row in the URL and nothing else (issue 11, items 3, 4 and 10)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from rest_framework.test import APIClient

from chitieu.access.services import role_grant
from chitieu.indicators.models import Resolution, Target
from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save
from chitieu.reporting.workflow import submission_approve, submission_submit
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
DAY = dt.date(2024, 6, 1)


@pytest.fixture
def api(clerk):
    c = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    c.force_authenticate(clerk)
    return c


def two_results(world):
    q1 = result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2021-Q1", value=D(100), today=DAY
    )
    q2 = result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2021-Q2", value=D(200), today=DAY
    )
    return q1.object, q2.object


def test_a_patch_that_names_another_period_is_refused_and_changes_neither_row(api, world):
    q1, q2 = two_results(world)
    resp = api.patch(
        f"/api/v1/results/{q1.pk}/",
        {"period": "2021-Q2", "value": "111", "expected_version": 1},
        format="json",
    )
    assert resp.status_code == 400
    assert "period" in resp.json()
    q1.refresh_from_db()
    q2.refresh_from_db()
    assert (q1.value, q1.version, q2.value, q2.version) == (D(100), 1, D(200), 1)


def test_a_patch_that_names_another_indicator_or_unit_is_refused_with_the_field(api, world):
    q1, _q2 = two_results(world)
    for body, field in (
        ({"indicator": "lua", "value": "5", "expected_version": 1}, "indicator"),
        ({"unit": "xa-1", "value": "5", "expected_version": 1}, "unit"),
    ):
        resp = api.patch(f"/api/v1/results/{q1.pk}/", body, format="json")
        assert resp.status_code == 400 and field in resp.json(), resp.json()
    assert Result.objects.count() == 2
    q1.refresh_from_db()
    assert q1.value == D(100)


def test_a_patch_naming_the_rows_own_keys_is_accepted_and_checks_that_rows_version(api, world):
    q1, q2 = two_results(world)
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2021-Q1", value=D(101), today=DAY
    )  # q1 is at version 2 now; q2 still at 1
    resp = api.patch(
        f"/api/v1/results/{q1.pk}/",
        {"period": "2021-q1", "value": "111", "expected_version": 1},
        format="json",
    )
    assert resp.status_code == 400 and "value" in resp.json()  # stale against q1, not q2
    resp = api.patch(
        f"/api/v1/results/{q1.pk}/",
        {"period": "2021-Q1", "value": "111", "expected_version": 2},
        format="json",
    )
    assert resp.status_code == 200 and resp.json()["id"] == q1.pk
    q2.refresh_from_db()
    assert q2.value == D(200)


def test_a_patch_on_an_approved_period_creates_no_new_row(api, world):
    q1, _q2 = two_results(world)
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2021-Q3", value=D(3), today=DAY
    )
    submission_submit(actor=None, unit=world.district, period="2021-Q3")
    submission_approve(actor=None, unit=world.district, period="2021-Q3")
    before = Result.objects.count()
    resp = api.patch(
        f"/api/v1/results/{q1.pk}/", {"period": "2021-Q3", "value": "9", "expected_version": 1}, format="json"
    )
    assert resp.status_code == 400
    assert Result.objects.count() == before


def test_a_target_patch_that_names_another_basis_or_period_is_refused(api, world):
    t = Target.objects.create(
        indicator=world.revenue, unit=world.district, period="2023", basis="plan", value=9
    )
    other = Target.objects.create(
        indicator=world.revenue, unit=world.district, period="2023", basis="resolution", value=7
    )
    for body, field in (
        ({"basis": "resolution", "value": "1", "expected_version": 1}, "basis"),
        ({"period": "2024", "value": "1", "expected_version": 1}, "period"),
    ):
        resp = api.patch(f"/api/v1/targets/{t.pk}/", body, format="json")
        assert resp.status_code == 400 and field in resp.json(), resp.json()
    other.refresh_from_db()
    t.refresh_from_db()
    assert (t.value, other.value) == (D(9), D(7))


def test_posting_a_result_without_a_value_names_the_field_instead_of_failing(api, world):
    resp = api.post(
        "/api/v1/results/", {"indicator": "thu-ns", "unit": "huyen-d", "period": "2021"}, format="json"
    )
    assert resp.status_code == 400 and "value" in resp.json()


def test_a_target_cannot_be_tied_to_another_units_resolution(client, world):
    office = make_user("office-d")
    role_grant(actor=None, user=office, unit=world.district, role="office")
    theirs = Resolution.objects.create(
        unit=world.town, body="executive", kind="annual", year=2023, title="Nghị quyết Thị xã T"
    )
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    api.force_authenticate(office)
    body = {
        "indicator": "thu-ns",
        "unit": "huyen-d",
        "period": "2023",  # within the resolution's year: only the reference itself is wrong
        "basis": "plan",
        "value": "140",
        "resolution": theirs.pk,
    }
    resp = api.post("/api/v1/targets/", body, format="json")
    assert resp.status_code == 400 and "resolution" in resp.json()
    # refused exactly like an id that does not exist: nothing tells the office the resolution is there
    missing = api.post("/api/v1/targets/", body | {"resolution": 987654}, format="json")
    assert resp.json()["resolution"] == [
        m.replace("987654", str(theirs.pk)) for m in missing.json()["resolution"]
    ]
    assert not Target.objects.exists()


def test_even_an_administrator_cannot_tie_a_target_to_another_units_resolution(api, world):
    theirs = Resolution.objects.create(
        unit=world.town, body="executive", kind="annual", year=2023, title="Nghị quyết Thị xã T"
    )
    resp = api.post(
        "/api/v1/targets/",
        {
            "indicator": "thu-ns",
            "unit": "huyen-d",
            "period": "2023",
            "basis": "plan",
            "value": "140",
            "resolution": theirs.pk,
        },
        format="json",
    )
    assert resp.status_code == 400 and "resolution" in resp.json()
    assert not Target.objects.exists()


@pytest.mark.parametrize("param", ["limit", "offset"])
def test_an_enormous_page_parameter_is_answered_not_crashed_on(api, world, param):
    two_results(world)
    resp = api.get("/api/v1/results/", {param: "9223372036854775808"})
    assert resp.status_code == 200


def test_a_page_never_holds_more_than_the_maximum(api, world, settings):
    for q in range(1, 5):
        result_save(
            actor=None,
            indicator=world.revenue,
            unit=world.district,
            period=f"2021-Q{q}",
            value=D(q),
            today=DAY,
        )
    settings.CHITIEU_API_MAX_PAGE_SIZE = 3
    data = api.get("/api/v1/results/", {"limit": "1000000"}).json()
    assert len(data["results"]) == 3 and data["count"] == 4


def test_an_id_beyond_the_integer_range_is_not_found(api, world):
    assert api.get("/api/v1/results/9223372036854775808/").status_code == 404
    assert api.get("/api/v1/targets/99999999999999999999999/").status_code == 404


def test_a_deeply_nested_or_oversized_json_body_is_refused_not_crashed_on(api, world, settings):
    deep = "[" * 100_000 + "]" * 100_000
    resp = api.generic("POST", "/api/v1/results/", deep, content_type="application/json")
    assert resp.status_code == 400 and "nested deeper than 32 levels" in resp.json()["detail"]
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    big = '{"note": "' + "x" * 20_000 + '"}'
    resp = api.generic("POST", "/api/v1/results/", big, content_type="application/json")
    assert resp.status_code == 413 and "limit" in resp.json()["detail"]
    resp = api.generic("POST", "/api/v1/results/", '{"value": NaN}', content_type="application/json")
    assert resp.status_code == 400
