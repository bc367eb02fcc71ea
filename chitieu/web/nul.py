"""A NUL character in an address, a query or a form is refused with 400 before any view runs.

PostgreSQL text cannot hold NUL (0x00): a lookup such as ``Unit.objects.filter(code="\\x00")`` raises
a DataError there (a 500), while SQLite stores it. No legitimate input holds one. The API's bodies
are checked by its parsers (chitieu/api/parsers.py), which read them; this middleware checks what
Django has parsed for the site's pages (form fields and file names) and every query string.
"""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"


def holds_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(holds_nul(v) for v in value)
    return False


def _querydict_holds_nul(qd) -> bool:
    return any(NUL in k or any(NUL in v for v in qd.getlist(k)) for k in qd)


def nul_message() -> str:
    return _("The request holds a NUL character (0x00), which no field accepts.")


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = NUL in request.path or _querydict_holds_nul(request.GET)
        if not bad and not request.path.startswith("/api/") and request.method == "POST":
            bad = _querydict_holds_nul(request.POST) or any(
                NUL in (f.name or "") for files in request.FILES.lists() for f in files[1]
            )
        if bad:
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": nul_message()}, status=400)
            return HttpResponseBadRequest(nul_message())
        return self.get_response(request)
