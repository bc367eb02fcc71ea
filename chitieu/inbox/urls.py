from django.urls import path

from . import views

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.document_review, name="inbox_document"),
    path("figures/<int:pk>/", views.candidate_decide, name="inbox_decide"),
]
