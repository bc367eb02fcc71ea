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

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
