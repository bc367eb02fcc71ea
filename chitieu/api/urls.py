from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("terms", views.TermViewSet, basename="term")
router.register("measure-units", views.MeasureUnitViewSet, basename="measureunit")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("resolutions", views.ResolutionViewSet, basename="resolution")
router.register("targets", views.TargetViewSet, basename="target")
router.register("results", views.ResultViewSet, basename="result")


def _api_auth(patterns):
    """DRF answers unauthenticated API calls itself (401/403), not with a redirect to the login page."""
    for p in patterns:
        if hasattr(p, "callback"):
            p.callback.login_required = False
    return patterns


app_name = "api"
urlpatterns = [
    path("v1/", include(_api_auth(router.urls))),
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
]
