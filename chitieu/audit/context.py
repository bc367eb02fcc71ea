"""Who is acting and from where, for the audit rows written deep inside services."""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from chitieu.web.client_ip import client_ip


@dataclass(frozen=True)
class RequestInfo:
    ip: str | None
    request_id: str


_current: contextvars.ContextVar[RequestInfo | None] = contextvars.ContextVar("chitieu_request", default=None)


def current() -> RequestInfo | None:
    return _current.get()


# The request id of every row the demo loader writes: the trail shows them as sample data, not as
# anybody's changes (the loader acts as the demo user, who also logs in and makes real changes).
DEMO_REQUEST_ID = "demo-load"


@contextmanager
def demo_load() -> Iterator[None]:
    """Mark the audit rows written inside as the demo's own load."""
    token = _current.set(RequestInfo(ip=None, request_id=DEMO_REQUEST_ID))
    try:
        yield
    finally:
        _current.reset(token)


class AuditContextMiddleware:
    """Remember the client address and a request id while the request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ip = client_ip(request)
        rid = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        token = _current.set(RequestInfo(ip=ip, request_id=rid[:40]))
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = rid[:40]
        return response
