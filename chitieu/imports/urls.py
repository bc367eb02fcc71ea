from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.imports, name="index"),
    path("template/", views.template_pick, name="template_pick"),
    path("template/<slug:unit_code>/<str:period>/", views.template_download, name="template"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/progress/", views.job_progress, name="job_progress"),
]
