from django.urls import path

from . import views

urlpatterns = [
    path("", views.imports, name="imports"),
    path("template/", views.template_pick, name="imports_template_pick"),
    path("template/<slug:unit_code>/<str:period>/", views.template_download, name="imports_template"),
    path("<int:pk>/", views.job_detail, name="imports_job"),
    path("<int:pk>/progress/", views.job_progress, name="imports_job_progress"),
]
