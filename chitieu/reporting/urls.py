from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("units/<slug:code>/", views.unit_detail, name="unit_detail"),
    path("units/<slug:code>/results/<str:period>/", views.results_edit, name="results_edit"),
    path("units/<slug:code>/dashboard/", views.unit_dashboard, name="unit_dashboard"),
    path("units/<slug:code>/submission/<str:period>/", views.submission_action, name="submission_action"),
]
