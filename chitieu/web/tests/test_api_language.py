"""The API answers in the language of Accept-Language, DRF's own messages included (DRF's Vietnamese
catalogue holds only some twenty of them; chitieu's carries the rest, chitieu/web/drf_messages.py)."""

import gettext
from pathlib import Path

import pytest
import rest_framework
from django.utils import translation
from rest_framework import fields, relations, serializers

from chitieu.api import serializers as api_serializers
from chitieu.web.drf_messages import DRF_MESSAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "wanted"), [("vi", "Phải là một số hợp lệ."), ("en", "A valid number is required.")]
)
def test_a_wrong_number_is_refused_in_the_callers_language(client, clerk, world, lang, wanted):
    client.force_login(clerk)
    resp = client.post(
        "/api/v1/results/",
        {"indicator": "thu-ns", "unit": "huyen-d", "period": "2023", "value": "nhiều lắm"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert resp.status_code == 400 and resp.json()["value"] == [wanted]


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("vi", "“thu-ngan-sach-xa” không phải là lựa chọn hợp lệ."),
        ("en", '"thu-ngan-sach-xa" is not a valid choice.'),
    ],
)
def test_a_wrong_choice_is_named_in_the_callers_language(client, clerk, world, lang, wanted):
    client.force_login(clerk)
    resp = client.post(
        "/api/v1/results/",
        {
            "indicator": "thu-ns",
            "unit": "huyen-d",
            "period": "2023",
            "value": "1",
            "status": "thu-ngan-sach-xa",
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert resp.status_code == 400 and resp.json()["status"] == [wanted]


def test_a_missing_field_and_an_anonymous_caller_are_answered_in_vietnamese(client, clerk, world):
    anon = client.get("/api/v1/units/", HTTP_ACCEPT_LANGUAGE="vi")
    assert anon.status_code in (401, 403) and anon.json()["detail"] == "Chưa cung cấp thông tin xác thực."
    assert client.get("/api/v1/units/", HTTP_ACCEPT_LANGUAGE="en").json()["detail"] == (
        "Authentication credentials were not provided."
    )
    client.force_login(clerk)
    resp = client.post(
        "/api/v1/results/", {"unit": "huyen-d", "period": "2023", "value": "1"},
        content_type="application/json", HTTP_ACCEPT_LANGUAGE="vi",
    )  # fmt: skip
    assert resp.status_code == 400 and resp.json()["indicator"] == ["Trường này là bắt buộc."]
    gone = client.get("/api/v1/results/999999/", HTTP_ACCEPT_LANGUAGE="vi")
    assert gone.status_code == 404 and gone.json()["detail"] == "Không tìm thấy."


def test_broken_json_is_refused_in_vietnamese(client, clerk, world):
    client.force_login(clerk)
    resp = client.post(
        "/api/v1/results/", "{không phải json", content_type="application/json", HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert resp.status_code == 400
    assert resp.json()["detail"] == "Nội dung yêu cầu không phải là JSON hợp lệ (dòng 1, cột 2)."


def _drf_catalogue() -> set[str]:
    mo = Path(rest_framework.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as fh:
        return {k for k in gettext.GNUTranslations(fh)._catalog if isinstance(k, str) and k}


def test_every_listed_message_is_one_drf_really_has():
    """A DRF upgrade that rewords a message would leave our translation unused: caught here."""
    assert set(DRF_MESSAGES) <= _drf_catalogue()


def _api_fields():
    for name in dir(api_serializers):
        cls = getattr(api_serializers, name)
        if (
            isinstance(cls, type)
            and issubclass(cls, serializers.Serializer)
            and cls.__module__ == api_serializers.__name__
        ):
            try:
                instance = cls()
            except TypeError:
                continue
            for field in instance.fields.values():
                yield f"{name}.{field.field_name}", field
    yield "Serializer.non_field", serializers.Serializer()


def test_every_error_message_of_the_api_fields_has_a_vietnamese_translation():
    untranslated = []
    for where, field in _api_fields():
        messages = dict(getattr(field, "error_messages", {}))
        for key, msg in messages.items():
            with translation.override("en"):
                english = str(msg)
            with translation.override("vi"):
                vietnamese = str(msg)
            if english == vietnamese:
                untranslated.append(f"{where} [{key}]: {english}")
    assert not untranslated, "\n".join(untranslated)


def test_the_base_fields_messages_are_all_listed():
    """The fields the API is built of: each of their DRF messages is in the list we translate."""
    listed = set(DRF_MESSAGES)
    missing = []
    for cls in (
        fields.Field, fields.CharField, fields.IntegerField, fields.DecimalField, fields.DateField,
        fields.DateTimeField, fields.BooleanField, fields.ChoiceField, fields.ListField, fields.DictField,
        relations.SlugRelatedField, relations.PrimaryKeyRelatedField,
    ):  # fmt: skip
        for base in cls.__mro__:
            for key, msg in getattr(base, "default_error_messages", {}).items():
                with translation.override("en"):
                    text = str(msg)
                if text not in listed:
                    missing.append(f"{cls.__name__}[{key}]: {text}")
    assert not missing, "\n".join(sorted(set(missing)))
