from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from chitieu.audit import views as audit_views
from chitieu.indicators import views as indicator_views
from chitieu.orgs import views as org_views
from chitieu.reporting import views as reporting_views
from chitieu.web import views as web_views

urlpatterns = [
    path("", org_views.home, name="home"),
    path("units/<slug:code>/", reporting_views.unit_detail, name="unit_detail"),
    path("units/<slug:code>/results/<str:period>/", reporting_views.results_edit, name="results_edit"),
    path("units/<slug:code>/dashboard/", reporting_views.unit_dashboard, name="unit_dashboard"),
    path(
        "units/<slug:code>/submission/<str:period>/",
        reporting_views.submission_action,
        name="submission_action",
    ),
    path("audit/", audit_views.audit_list, name="audit_list"),
    path("audit/export.csv", audit_views.audit_export, name="audit_export"),
    path("inbox/", include("chitieu.inbox.urls")),
    path("imports/", include("chitieu.imports.urls")),
    path("", include("chitieu.meetings.urls")),
    path("indicators/", indicator_views.indicator_list, name="indicator_list"),
    path("indicators/<slug:code>/", indicator_views.indicator_detail, name="indicator_detail"),
    path("resolutions/<int:pk>/", indicator_views.resolution_detail, name="resolution_detail"),
    path("resolutions/<int:pk>/targets/", indicator_views.targets_edit, name="targets_edit"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz", web_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("chitieu.api.urls")),
]
