"""chitieu's URLs plus the floors bench_web.py measures the pages against:

- /_floor/anonymous — a trivial view that needs no login: what Django's stack costs with no session;
- /_floor/trivial — a trivial view behind the login (the session and the user read, as every page);
- /_floor/layout — the base layout rendered with no content (menu, language, the user's name).
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from chitieu.urls import handler400, handler403, handler404, handler500  # noqa: F401
from chitieu.urls import urlpatterns as product


@login_not_required
def anonymous(request):
    return HttpResponse("ok", content_type="text/plain")


def trivial(request):
    return HttpResponse(f"ok {request.user.pk}", content_type="text/plain")


def layout(request):
    return render(request, "base.html", {})


urlpatterns = [
    path("_floor/anonymous", anonymous),
    path("_floor/trivial", trivial),
    path("_floor/layout", layout),
    *product,
]
