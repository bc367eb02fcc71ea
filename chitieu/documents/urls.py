from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("units/<slug:code>/report.docx", views.report_docx, name="report_docx"),
    path("units/<slug:code>/appendix.xlsx", views.appendix_xlsx, name="appendix_xlsx"),
    path("conferences/<int:pk>/notice.docx", views.notice_docx, name="notice_docx"),
]
