"""The health check, and the error pages: in the user's language, with a way back home, as a page,
as a fragment for an htmx request (swapped in place by chitieu.js) or as JSON under /api/."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


@login_not_required
def healthz(request):
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


# What a refused action is, in words (chitieu.access.scope raises PermissionDenied(action)).
REFUSED = {
    "view": gettext_lazy("see this unit"),
    "enter_results": gettext_lazy("enter or import results for this unit"),
    "approve": gettext_lazy("approve or reopen this unit's results"),
    "manage": gettext_lazy("manage this unit's targets, conferences and tasks"),
    "personnel": gettext_lazy("see this unit's personnel matters"),
    "catalogue": gettext_lazy("change the indicator catalogue"),
}


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _answer(request, status: int, title: str, message: str, template: str) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": message}, status=status)
    if _is_htmx(request):
        html = loader.render_to_string("web/_error_fragment.html", {"message": message}, request)
        return HttpResponse(html, status=status)
    return render(request, template, {"title": title, "message": message}, status=status)


def _reason(exception) -> str:
    """The refused action named by the access layer, or a message a view raised with the refusal."""
    text = str(exception) if exception is not None else ""
    if text in REFUSED:
        return _("Your roles do not allow you to {action}.").format(action=REFUSED[text])
    if text:
        return text
    return _("Your roles do not allow you to do this here.")


def bad_request(request, exception=None):
    return _answer(
        request,
        400,
        _("Bad request"),
        _("The request could not be understood. Go back and try again."),
        "400.html",
    )


def permission_denied(request, exception=None):
    return _answer(request, 403, _("Not allowed"), _reason(exception), "403.html")


def page_not_found(request, exception=None):
    return _answer(
        request,
        404,
        _("Page not found"),
        _("There is no such page, or it is not open to you."),
        "404.html",
    )


def server_error(request):
    """Rendered without the database (it may be the cause): a page of its own, not the site's layout."""
    message = _("Something went wrong on our side. The error has been logged; please try again in a moment.")
    if _is_api(request):
        return JsonResponse({"detail": message}, status=500)
    if _is_htmx(request):
        return HttpResponse(
            loader.render_to_string("web/_error_fragment.html", {"message": message}), status=500
        )
    return HttpResponse(loader.render_to_string("500.html", {"message": message}), status=500)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (usually: the page stayed open past the session)."""
    return _answer(
        request,
        403,
        _("The form has expired"),
        _(
            "The page was open too long or you logged in again elsewhere, so the form could not be "
            "accepted. Go back, reload the page and send it again."
        ),
        "403.html",
    )
