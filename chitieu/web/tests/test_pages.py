import datetime as dt
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from chitieu.indicators.models import Target
from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save, target_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(world):
    target_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D("1000"),
        resolution=world.resolution,
    )
    result_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023-H1",
        value=D("517"),
        today=dt.date(2024, 1, 1),
    )
    result_save(
        actor=None,
        indicator=world.rice,
        unit=world.district,
        period="2023-H1",
        value=D("101761"),
        today=dt.date(2024, 1, 1),
    )
    return world


def test_home_shows_the_unit_tree(vi_client, world):
    body = vi_client.get(reverse("orgs:tree")).content.decode()
    for name in ("Tỉnh P", "Huyện D", "Xã X1", "Thị xã T"):
        assert name in body


def test_home_shows_the_tree_of_an_earlier_date(vi_client, world):
    world.town.valid_from = dt.date(2020, 1, 1)
    world.town.save()
    body = vi_client.get(reverse("orgs:tree"), {"on": "2015-01-01"}).content.decode()
    assert "Huyện D" in body and "Thị xã T" not in body


def test_the_unit_page_writes_numbers_the_vietnamese_way(vi_client, figures):
    body = vi_client.get(
        reverse("reporting:unit_detail", args=["huyen-d"]), {"period": "2023-H1"}
    ).content.decode()
    assert "101.761" in body and "51,7%" in body
    assert 'lang="vi"' in body


def test_the_unit_page_in_english_writes_numbers_the_english_way(en_client, figures):
    body = en_client.get(
        reverse("reporting:unit_detail", args=["huyen-d"]), {"period": "2023-H1"}
    ).content.decode()
    assert "101,761" in body and "51.7%" in body
    assert 'lang="en"' in body


def test_the_unit_page_defaults_to_the_latest_period_with_results(vi_client, figures):
    body = vi_client.get(reverse("reporting:unit_detail", args=["huyen-d"])).content.decode()
    assert "6 tháng đầu năm 2023" in body


def test_the_unit_page_says_when_the_period_code_is_wrong(vi_client, figures):
    resp = vi_client.get(reverse("reporting:unit_detail", args=["huyen-d"]), {"period": "2023-Q9"})
    assert resp.status_code == 200 and "2023-Q9" in resp.content.decode()


def test_an_unknown_unit_is_404(vi_client, world):
    assert vi_client.get(reverse("reporting:unit_detail", args=["khong-co"])).status_code == 404


def test_the_indicator_page_shows_history_as_a_chart(vi_client, figures):
    result_save(
        actor=None,
        indicator=figures.rice,
        unit=figures.district,
        period="2022-H1",
        value=D("90000"),
        today=dt.date(2024, 1, 1),
    )
    body = vi_client.get(
        reverse("indicators:indicator_detail", args=["lua"]), {"unit": "huyen-d"}
    ).content.decode()
    # 2022-H1 and 2023-H1 as bars, and 2022-H1 again as the grey "same period a year before" of 2023-H1
    assert "<svg" in body and body.count('<rect class="bar') == 2 and "90.000" in body
    assert body.count('<rect class="prev"') == 1


def test_entering_results_requires_login(client, world):
    resp = client.get(reverse("reporting:results_edit", args=["huyen-d", "2023-H1"]))
    assert resp.status_code == 302 and reverse("web:login") in resp["Location"]


def test_a_posted_form_saves_every_row(vi_client, clerk, figures):
    vi_client.force_login(clerk)
    url = reverse("reporting:results_edit", args=["huyen-d", "2023-H1"])
    resp = vi_client.post(
        url,
        {
            "thu-ns-value": "520,5",
            "thu-ns-status": "actual",
            "lua-value": "101.761",
            "lua-status": "actual",
            "lua-version": "1",
            "thu-ns-version": "1",
        },
    )
    assert resp.status_code == 302
    assert Result.objects.get(indicator__code="thu-ns", period="2023-H1").value == D("520.5")


def test_an_english_style_number_in_a_vietnamese_form_is_refused_and_kept(vi_client, clerk, figures):
    vi_client.force_login(clerk)
    url = reverse("reporting:results_edit", args=["huyen-d", "2023-H1"])
    resp = vi_client.post(
        url,
        {"thu-ns-value": "1,234.5", "thu-ns-status": "actual", "lua-value": "99.000", "lua-status": "actual"},
    )
    body = resp.content.decode()
    assert resp.status_code == 400
    assert "1,234.5" in body  # what was typed stays in the field
    assert "99.000" in body
    # Nothing half-written: the valid row was not saved either.
    assert Result.objects.get(indicator__code="lua", period="2023-H1").value == D("101761")
    assert Result.objects.get(indicator__code="thu-ns", period="2023-H1").value == D("517")


def test_a_row_refused_by_the_rules_saves_nothing_and_names_the_field(vi_client, clerk, figures):
    vi_client.force_login(clerk)
    url = reverse("reporting:results_edit", args=["huyen-d", "2099-H1"])
    resp = vi_client.post(
        url + "?add=thu-ns", {"thu-ns-value": "5", "thu-ns-status": "actual", "add": "thu-ns"}
    )
    assert resp.status_code == 400
    assert "2099" in resp.content.decode()
    assert not Result.objects.filter(period="2099-H1").exists()


def test_a_non_number_is_refused_with_the_field_named(en_client, clerk, figures):
    en_client.force_login(clerk)
    url = reverse("reporting:results_edit", args=["huyen-d", "2023-H1"])
    resp = en_client.post(
        url, {"thu-ns-value": "abc", "thu-ns-status": "actual", "lua-value": "1", "lua-status": "actual"}
    )
    assert resp.status_code == 400 and "“abc” is not a number." in resp.content.decode()


def test_targets_can_be_entered_for_a_resolution(vi_client, clerk, figures):
    vi_client.force_login(clerk)
    url = reverse("indicators:targets_edit", args=[figures.resolution.pk])
    assert vi_client.get(url).status_code == 200
    t = Target.objects.get()
    prefix = f"t{t.pk}"
    resp = vi_client.post(
        url,
        {
            f"{prefix}-indicator": "thu-ns",
            f"{prefix}-basis": "plan",
            f"{prefix}-kind": "level",
            f"{prefix}-period": "2023",
            f"{prefix}-value": "1.100",
            "new0-indicator": "lua",
            "new0-basis": "resolution",
            "new0-kind": "floor",
            "new0-period": "2023",
            "new0-value": "170.000,5",
        },
    )
    assert resp.status_code == 302
    assert Target.objects.get(indicator__code="thu-ns").value == D(1100)
    assert Target.objects.get(indicator__code="lua").value == D("170000.5")


def test_a_target_with_a_bad_period_is_refused_and_nothing_saved(vi_client, clerk, figures):
    vi_client.force_login(clerk)
    url = reverse("indicators:targets_edit", args=[figures.resolution.pk])
    t = Target.objects.get()
    prefix = f"t{t.pk}"
    resp = vi_client.post(
        url,
        {
            f"{prefix}-indicator": "thu-ns",
            f"{prefix}-basis": "plan",
            f"{prefix}-kind": "level",
            f"{prefix}-period": "2023",
            f"{prefix}-value": "2.000",
            "new0-indicator": "lua",
            "new0-basis": "plan",
            "new0-kind": "level",
            "new0-period": "2023-Q7",
            "new0-value": "5",
        },
    )
    assert resp.status_code == 400 and "2023-Q7" in resp.content.decode()
    assert Target.objects.get(indicator__code="thu-ns").value == D(1000)
    assert not Target.objects.filter(indicator__code="lua").exists()


def test_the_language_switch_turns_the_page_english(vi_client, world):
    resp = vi_client.post(reverse("web:set_language"), {"language": "en", "next": "/"}, follow=True)
    assert 'lang="en"' in resp.content.decode()


def test_two_people_saving_the_same_figure_do_not_overwrite_each_other(client, clerk, figures):
    from chitieu.testing import make_user

    other = make_user("other", superuser=True)
    url = reverse("reporting:results_edit", args=["huyen-d", "2023-H1"])
    version = Result.objects.get(indicator__code="thu-ns", period="2023-H1").version
    base = {
        "thu-ns-status": "actual",
        "thu-ns-version": str(version),
        "lua-value": "101.761",
        "lua-status": "actual",
        "lua-version": "1",
    }
    client.force_login(clerk)
    first = client.post(url, {**base, "thu-ns-value": "600"})
    assert first.status_code == 302, re.findall(r"errorlist.{0,300}", first.content.decode())
    client.force_login(other)
    resp = client.post(url, {**base, "thu-ns-value": "650"})
    body = resp.content.decode()
    assert resp.status_code == 400
    assert "600" in body and "650" in body  # both values are shown
    assert Result.objects.get(indicator__code="thu-ns", period="2023-H1").value == D(600)
    # The second person chooses to keep theirs: the form now carries the current version.

    new_version = re.search(r'name="thu-ns-version" value="(\d+)"', body).group(1)
    resp = client.post(url, {**base, "thu-ns-value": "650", "thu-ns-version": new_version})
    assert resp.status_code == 302, (new_version, re.findall(r"errorlist.{0,300}", resp.content.decode()))
    assert Result.objects.get(indicator__code="thu-ns", period="2023-H1").value == D(650)
