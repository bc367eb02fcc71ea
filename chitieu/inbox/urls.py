from django.urls import path

from . import views

app_name = "inbox"
urlpatterns = [
    path("", views.inbox, name="index"),
    path("<int:pk>/", views.document_review, name="document"),
    path("figures/<int:pk>/", views.candidate_decide, name="decide"),
]
