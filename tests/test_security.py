"""Hardening: password hashing, login throttling, security headers, deploy checks, secrets."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

CHITIEU = str(Path(sys.executable).with_name("chitieu"))


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2():
    user = get_user_model().objects.create_user("u1", "", "một mật khẩu dài")
    assert user.password.startswith("argon2")


@pytest.mark.django_db
def test_logins_are_throttled_after_five_failures(client):
    get_user_model().objects.create_user("u2", "", "đúng-mật-khẩu-123")
    for _ in range(4):
        resp = client.post(reverse("web:login"), {"username": "u2", "password": "sai"})
        assert resp.status_code == 200
    assert client.post(reverse("web:login"), {"username": "u2", "password": "sai"}).status_code == 429
    locked = client.post(reverse("web:login"), {"username": "u2", "password": "đúng-mật-khẩu-123"})
    assert locked.status_code == 429
    assert not locked.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_and_security_headers(vi_client, world):
    resp = vi_client.get(reverse("orgs:home"))
    csp = resp["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert resp["X-Frame-Options"] == "DENY"
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Referrer-Policy"] == "same-origin"
    assert b"<script>" not in resp.content and b"onchange=" not in resp.content


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    resp = client.get(reverse("reporting:unit_detail", args=["huyen-d"]))
    assert resp.status_code == 302 and resp["Location"].startswith(reverse("web:login"))
    assert client.get(reverse("web:healthz")).status_code == 200


def _production_env(tmp_path, **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(CHITIEU_HOME=str(tmp_path), CHITIEU_PRODUCTION="true", ALLOWED_HOSTS="chitieu.example.vn")
    env.update(extra)
    return env


def test_the_deploy_check_is_clean_with_production_settings(tmp_path):
    env = _production_env(tmp_path, SECRET_KEY=secrets.token_urlsafe(60))
    out = subprocess.run(
        [CHITIEU, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout


def test_production_refuses_to_start_without_a_secret_from_the_environment(tmp_path):
    env = _production_env(tmp_path)
    env.pop("SECRET_KEY", None)
    out = subprocess.run([CHITIEU, "check"], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "SECRET_KEY" in out.stderr and "Traceback" not in out.stderr


def test_production_cookies_are_secure(tmp_path):
    env = _production_env(tmp_path, SECRET_KEY=secrets.token_urlsafe(60))
    code = "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    out = subprocess.run(
        [CHITIEU, "shell", "--no-imports", "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.strip().splitlines()[-1].split() == ["True", "True", "True"], out.stderr
