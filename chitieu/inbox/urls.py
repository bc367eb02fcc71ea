from django.urls import path

from . import views

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.document_review, name="inbox_document"),
    path("<int:pk>/pages/<int:number>.jpg", views.scan_page, name="inbox_scan_page"),
    path("<int:pk>/correct/", views.document_correct, name="inbox_correct"),
    path("figures/<int:pk>/", views.candidate_decide, name="inbox_decide"),
]
