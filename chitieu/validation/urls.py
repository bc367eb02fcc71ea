from django.urls import path

from . import views

app_name = "validation"
urlpatterns = [
    path("units/<slug:code>/rules/", views.rules, name="rules"),
    path("units/<slug:code>/quality/", views.quality, name="quality"),
    path("findings/<int:pk>/override/", views.override, name="finding_override"),
]
