"""The site's URLs: each app serves its own pages under its namespace (links are reverse()/{% url %} of
``namespace:name``, never written paths)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("chitieu.orgs.urls")),
    path("", include("chitieu.reporting.urls")),
    path("", include("chitieu.meetings.urls")),
    path("", include("chitieu.documents.urls")),
    path("", include("chitieu.indicators.urls")),
    path("", include("chitieu.validation.urls")),
    path("", include("chitieu.web.urls")),
    path("audit/", include("chitieu.audit.urls")),
    path("inbox/", include("chitieu.inbox.urls")),
    path("imports/", include("chitieu.imports.urls")),
    path("search/", include("chitieu.search.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("chitieu.api.urls")),
]

# Error pages in the user's language (chitieu/web/views.py): a page, an htmx fragment or JSON under /api/.
handler400 = "chitieu.web.views.bad_request"
handler403 = "chitieu.web.views.permission_denied"
handler404 = "chitieu.web.views.page_not_found"
handler500 = "chitieu.web.views.server_error"
