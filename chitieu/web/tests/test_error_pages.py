"""Error pages in the user's language, with a way home: 400, 403, 404, 500 and a refused form token,
as a page, as an htmx fragment (swapped in place by chitieu.js) and as JSON under /api/."""

import datetime as dt

import pytest
from django.test import Client, override_settings
from django.urls import path, reverse

from chitieu.access.services import role_grant
from chitieu.meetings.services import conference_create
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("a bug")


# A URLconf with the site's routes and handlers and one view that fails, for the 500 page.
import chitieu.urls as site_urls  # noqa: E402

urlpatterns = [path("boom/", boom), path("api/boom/", boom), *site_urls.urlpatterns]
handler400, handler403 = site_urls.handler400, site_urls.handler403
handler404, handler500 = site_urls.handler404, site_urls.handler500


@pytest.fixture
def reporter(world):
    user = make_user("reporter-d")
    role_grant(actor=None, user=user, unit=world.district, role="reporter")
    return user


def test_a_missing_page_says_so_in_vietnamese_with_a_link_home(vi_client):
    resp = vi_client.get("/khong-co-trang-nay/")
    body = resp.content.decode()
    assert resp.status_code == 404 and '<html lang="vi">' in body
    assert "Không tìm thấy trang" in body and "Trang này không tồn tại" in body
    assert f'href="{reverse("orgs:home")}"' in body and "Về trang chủ" in body
    assert "Not Found" not in body and "The requested resource" not in body


def test_a_missing_page_in_english(en_client):
    body = en_client.get("/no-such-page/").content.decode()
    assert "Page not found" in body and "Back to the home page" in body


def test_an_object_that_does_not_exist_gets_the_same_page(vi_client, world):
    resp = vi_client.get(reverse("meetings:conference_detail", args=[9999]))
    assert resp.status_code == 404 and "Không tìm thấy trang" in resp.content.decode()


def test_a_refusal_says_in_vietnamese_which_right_is_missing(client, world, reporter):
    conf = conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 6, 22), term=world.term
    )
    client.force_login(reporter)
    resp = client.get(reverse("meetings:conference_edit", args=[conf.pk]), HTTP_ACCEPT_LANGUAGE="vi")
    body = resp.content.decode()
    assert resp.status_code == 403 and "Không được phép" in body
    assert "Vai trò của bạn không cho phép quản lý chỉ tiêu, hội nghị và nhiệm vụ của đơn vị này." in body
    assert "Về trang chủ" in body and "403 Forbidden" not in body


def test_an_htmx_refusal_is_a_fragment_to_show_in_place(client, world, reporter):
    conf = conference_create(
        unit=world.district, body="executive", date=dt.date(2023, 6, 22), term=world.term
    )
    client.force_login(reporter)
    resp = client.post(
        reverse("meetings:conference_detail", args=[conf.pk]),
        {"form": "agenda", "agenda-text": "x"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    body = resp.content.decode()
    assert resp.status_code == 403 and "<html" not in body
    assert 'role="alert"' in body and "Vai trò của bạn không cho phép" in body
    assert not conf.agenda.exists()


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_gets_a_page_of_its_own_in_vietnamese(world, clerk):
    client = Client(raise_request_exception=False)
    client.force_login(clerk)
    resp = client.get("/boom/", HTTP_ACCEPT_LANGUAGE="vi")
    body = resp.content.decode()
    assert resp.status_code == 500 and '<html lang="vi">' in body
    assert "Lỗi máy chủ" in body and "Hệ thống gặp lỗi" in body and "Về trang chủ" in body
    assert "a bug" not in body and "Traceback" not in body
    en = client.get("/boom/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Server error" in en


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_is_a_fragment_for_htmx_and_json_under_the_api(world, clerk):
    client = Client(raise_request_exception=False)
    client.force_login(clerk)
    resp = client.get("/boom/", HTTP_ACCEPT_LANGUAGE="vi", HTTP_HX_REQUEST="true")
    body = resp.content.decode()
    assert resp.status_code == 500 and "<html" not in body and "Hệ thống gặp lỗi" in body
    api = client.get("/api/boom/", HTTP_ACCEPT_LANGUAGE="vi")
    assert api.status_code == 500 and api.json()["detail"].startswith("Hệ thống gặp lỗi")


def test_an_unknown_api_address_answers_json_in_the_callers_language(vi_client):
    resp = vi_client.get("/api/v1/khong-co/", HTTP_ACCEPT_LANGUAGE="vi")
    assert resp.status_code == 404 and resp["Content-Type"] == "application/json"
    assert resp.json() == {"detail": "Trang này không tồn tại hoặc bạn không có quyền truy cập."}
    en = vi_client.get("/api/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert en == {"detail": "There is no such page, or it is not open to you."}


def test_an_expired_form_token_gets_a_vietnamese_page(world, clerk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    resp = client.post(
        reverse("meetings:conference_list", args=["huyen-d"]),
        {"body": "executive"},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    body = resp.content.decode()
    assert resp.status_code == 403 and "Biểu mẫu đã hết hạn" in body and "tải lại trang" in body
    assert "CSRF verification failed" not in body and "Forbidden" not in body
