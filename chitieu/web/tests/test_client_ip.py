"""The client's address behind a load balancer: believed from X-Forwarded-For only via a trusted proxy."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings
from django.urls import reverse

from chitieu.audit.models import AuditEntry
from chitieu.web.client_ip import client_ip, parse_networks

BALANCER = "10.0.0.5"
BEHIND_BALANCER = override_settings(CHITIEU_TRUSTED_PROXIES=parse_networks("10.0.0.0/24, 2001:db8::/32"))


def ip_of(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_header_is_ignored():
    assert ip_of("203.0.113.7", "198.51.100.1") == "203.0.113.7"


@BEHIND_BALANCER
@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        (BALANCER, "203.0.113.7", "203.0.113.7"),  # the balancer appended the client
        (BALANCER, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # what the client wrote itself is ignored
        (BALANCER, "203.0.113.7, 10.0.0.9", "203.0.113.7"),  # two trusted hops
        (BALANCER, " 2001:db9::1 ", "2001:db9::1"),
        (BALANCER, "", BALANCER),  # no header: the balancer's own request (health check)
        (BALANCER, "203.0.113.7, not-an-ip", BALANCER),  # garbage: believe nothing
        ("203.0.113.50", "198.51.100.1", "203.0.113.50"),  # not through the balancer: a spoof
    ],
)
def test_behind_a_trusted_balancer_the_last_untrusted_hop_is_the_client(remote, forwarded, expected):
    assert ip_of(remote, forwarded) == expected


def test_a_malformed_proxy_setting_names_the_entry():
    with pytest.raises(ImproperlyConfigured, match="'10.0.0.300' is not an IP address"):
        parse_networks("10.0.0.1, 10.0.0.300")


@BEHIND_BALANCER
@pytest.mark.django_db
def test_one_client_locked_out_behind_the_balancer_does_not_lock_out_another(client):
    get_user_model().objects.create_user("u3", "", "đúng-mật-khẩu-123")
    attacker = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        client.post(reverse("web:login"), {"username": "u3", "password": "sai"}, **attacker)
    assert (
        client.post(reverse("web:login"), {"username": "u3", "password": "sai"}, **attacker).status_code
        == 429
    )
    owner = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    resp = client.post(reverse("web:login"), {"username": "u3", "password": "đúng-mật-khẩu-123"}, **owner)
    assert resp.status_code == 302 and resp.wsgi_request.user.is_authenticated


@BEHIND_BALANCER
@pytest.mark.django_db
def test_the_audit_trail_records_the_client_behind_the_balancer(world, client, clerk):
    client.force_login(clerk)
    resp = client.post(
        "/api/v1/results/",
        {"indicator": "thu-ns", "unit": "huyen-d", "period": "2023", "value": "40.7"},
        content_type="application/json",
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert resp.status_code == 201, resp.content
    assert AuditEntry.objects.get(object_type="reporting.result").ip == "198.51.100.20"
