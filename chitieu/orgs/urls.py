from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.home, name="home"),
]
