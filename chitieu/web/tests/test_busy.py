"""A writer that waited too long for the database is told "busy, try again" with 503 and
Retry-After (issue 11, item 7), in the user's language; anything else still surfaces as an error."""

import json

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import translation

from chitieu.web.busy import BusyMiddleware, is_busy


def answer(path, exc, lang="vi"):
    request = RequestFactory().post(path)
    with translation.override(lang):
        return BusyMiddleware(lambda r: None).process_exception(request, exc)


def test_a_locked_sqlite_database_is_answered_busy_with_retry_after_in_json_for_the_api():
    resp = answer("/api/v1/results/", OperationalError("database is locked"), "en")
    assert resp.status_code == 503 and resp["Retry-After"] == "5"
    detail = json.loads(resp.content)["detail"]
    assert "busy" in detail and "Try again in a moment" in detail


@pytest.mark.django_db
def test_a_page_gets_the_busy_answer_in_vietnamese_by_default():
    resp = answer("/units/huyen-d/results/2023/", OperationalError("database is locked"))
    assert resp.status_code == 503 and "Thử lại" in resp.content.decode()


def test_a_postgresql_lock_timeout_is_busy_too_but_other_errors_are_not():
    class LockNotAvailable(Exception):
        sqlstate = "55P03"

    wrapped = OperationalError("canceling statement due to lock timeout")
    wrapped.__cause__ = LockNotAvailable()
    assert is_busy(wrapped)
    assert not is_busy(OperationalError("no such table: x"))
    assert not is_busy(ValueError("database is locked"))
    assert answer("/api/v1/results/", ValueError("x")) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/api/v1/results/?unit=%00", None),
        ("get", "/audit/?unit=x%00", None),
        ("post", "/api/v1/indicators/", '{"code": "a\\u0000b", "measure_unit": "\\u0000"}'),
        ("post", "/units/huyen-d/conferences/", {"body": "executive", "title": "x\x00"}),
    ],
)
def test_a_nul_character_anywhere_is_refused_with_400_on_both_engines(vi_client, world, method, url, data):
    if method == "get":
        resp = vi_client.get(url)
    elif isinstance(data, str):
        resp = vi_client.post(url, data, content_type="application/json")
    else:
        resp = vi_client.post(url, data)
    assert resp.status_code == 400
