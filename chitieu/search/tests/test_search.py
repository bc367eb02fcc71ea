"""Finding units and indicators without diacritics, from the menu, and the unit picker."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.urls import reverse

from chitieu.access.services import role_grant
from chitieu.orgs.models import Unit
from chitieu.search.fields import UnitPickField
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def vinh_hung(world):
    made = {}
    for code, name, kind, parent in [
        ("vinh-hung", "Huyện Vĩnh Hưng", "district", world.province),
        ("vh-tt", "Thị trấn Vĩnh Hưng", "township", None),
        ("vh-tay", "Xã Vĩnh Hưng Tây", "commune", None),
    ]:
        made[code] = Unit.objects.create(
            code=code,
            name=name,
            kind=kind,
            parent=parent or made["vinh-hung"],
            valid_from=dt.date(2010, 1, 1),
        )
    return made


def test_searching_without_diacritics_finds_vinh_hung_first(vi_client, vinh_hung):
    body = vi_client.get(reverse("search:search"), {"q": "vinh hung"}).content.decode()
    assert body.index("Huyện Vĩnh Hưng") < body.index("Thị trấn Vĩnh Hưng")
    assert "Xã Vĩnh Hưng Tây" in body
    assert reverse("reporting:unit_detail", args=["vinh-hung"]) in body


def test_searching_capitals_or_a_code_finds_the_same(vi_client, world, vinh_hung):
    for q in ("VĨNH HƯNG", "Vinh  Hung", "vinh-hung"):
        assert "Huyện Vĩnh Hưng" in vi_client.get(reverse("search:search"), {"q": q}).content.decode()
    body = vi_client.get(reverse("search:search"), {"q": "ngan sach"}).content.decode()
    assert "Thu ngân sách" in body and reverse("indicators:indicator_detail", args=["thu-ns"]) in body


def test_search_shows_only_the_units_a_user_may_see(client, world, vinh_hung):
    user = make_user("reader")
    role_grant(actor=None, user=user, unit=world.district, role="reporter")
    client.force_login(user)
    body = client.get(reverse("search:search"), {"q": "x"}).content.decode()
    assert "Xã X1" in body and "Thị xã T" not in body
    assert "vinh-hung" not in client.get(reverse("search:search"), {"q": "vinh"}).content.decode()


def test_the_picker_suggestions_follow_what_is_typed_within_its_scope(vi_client, world, vinh_hung):
    url = reverse("search:unit_options")
    options = vi_client.get(url, {"field": "unit", "unit": "vinh hung"}).content.decode()
    assert '<option value="Huyện Vĩnh Hưng (vinh-hung)">' in options
    scoped = vi_client.get(url, {"field": "unit", "unit": "x", "scope": "under:huyen-d"}).content.decode()
    assert "Xã X1 (xa-1)" in scoped and "Thị xã T" not in scoped


class PickForm(forms.Form):
    unit = UnitPickField()


@pytest.mark.parametrize(
    "typed", ["Huyện Vĩnh Hưng (vinh-hung)", "vinh-hung", "huyen vinh hung", "Huyện Vĩnh Hưng"]
)
def test_the_picker_reads_what_was_chosen_or_typed(vinh_hung, typed):
    form = PickForm({"unit": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == vinh_hung["vinh-hung"]


def test_the_picker_names_the_candidates_when_what_was_typed_is_ambiguous(vinh_hung, settings):
    form = PickForm({"unit": "vinh"})
    assert not form.is_valid()
    message = form.errors["unit"][0]
    assert "Huyện Vĩnh Hưng (vinh-hung)" in message and "Thị trấn Vĩnh Hưng (vh-tt)" in message
    form = PickForm({"unit": "khong co"})
    assert not form.is_valid() and "khong co" in form.errors["unit"][0]
