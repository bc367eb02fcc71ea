from django.urls import path

from . import views

app_name = "inbox"
urlpatterns = [
    path("", views.inbox, name="index"),
    path("<int:pk>/", views.document_review, name="document"),
    path("figures/<int:pk>/", views.candidate_decide, name="decide"),
    path("<int:pk>/pages/<int:number>.jpg", views.scan_page, name="scan_page"),
    path("<int:pk>/correct/", views.document_correct, name="correct"),
]
