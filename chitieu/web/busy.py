"""A writer that must wait too long for the database gets "busy, try again in a moment" (HTTP 503
with Retry-After), never a 500.

On SQLite one connection writes at a time; a writer waits up to the connection's timeout (20 s) and
then fails with "database is locked". On PostgreSQL the equivalents are a lock that could not be
taken, a deadlock and a serialization failure. :class:`BusyMiddleware` turns these into a 503 in the
user's language (JSON for the API), and the import worker into a clear refusal.
"""

from __future__ import annotations

import logging

from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
# PostgreSQL SQLSTATEs: serialization_failure, deadlock_detected, lock_not_available
PG_BUSY = {"40001", "40P01", "55P03"}


def is_busy(exc: BaseException) -> bool:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OperationalError) and "database is locked" in str(exc).lower():
            return True
        if getattr(exc, "sqlstate", None) in PG_BUSY or getattr(exc, "pgcode", None) in PG_BUSY:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def busy_message() -> str:
    return _("The database is busy with other changes: nothing was saved. Try again in a moment.")


def busy_response(request) -> HttpResponse:
    message = busy_message()
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        from django.shortcuts import render

        response = render(request, "web/busy.html", {"message": message}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class BusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_busy(exception):
            log.warning("busy database answered with 503: %s %s", request.method, request.path)
            return busy_response(request)
        return None
