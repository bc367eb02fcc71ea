from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/<slug:code>/", views.indicator_detail, name="indicator_detail"),
    path("resolutions/<int:pk>/", views.resolution_detail, name="resolution_detail"),
    path("resolutions/<int:pk>/targets/", views.targets_edit, name="targets_edit"),
]
