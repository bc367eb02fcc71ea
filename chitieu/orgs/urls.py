from django.urls import path

from chitieu.overview.views import overview

from . import views

app_name = "orgs"
urlpatterns = [
    # The home page is the leader's overview (chitieu.overview); the tree of units has its own page.
    path("", overview, name="home"),
    path("units/", views.tree, name="tree"),
]
