"""The client's address, also behind a load balancer.

Behind a proxy, REMOTE_ADDR is the proxy's address. The proxy appends the address it received the
request from to X-Forwarded-For; a client can put anything before that. So the header is believed
only when the request came from a trusted proxy (CHITIEU_TRUSTED_PROXIES: addresses or networks), and
only from the right: each trusted hop is stripped and the first address that is not a trusted proxy
is the client. Anything unreadable falls back to REMOTE_ADDR. django-axes (login throttling by
username and address) and the audit trail both ask here.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(raw: str, name: str = "CHITIEU_TRUSTED_PROXIES") -> list[Network]:
    """'10.0.0.5, 10.1.0.0/16' → networks; a malformed entry is a configuration error naming it."""
    out = []
    for item in (x.strip() for x in raw.split(",")):
        if not item:
            continue
        try:
            out.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an IP address or network") from None
    return out


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(addr, networks: list[Network]) -> bool:
    return any(addr in net for net in networks)


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None
    networks: list[Network] = settings.CHITIEU_TRUSTED_PROXIES
    peer = _address(remote) if remote else None
    if peer is None or not networks or not _trusted(peer, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        addr = _address(hop)
        if addr is None:
            return remote  # a hop that is not an address: believe nothing further left
        if not _trusted(addr, networks):
            return str(addr)
    return remote
