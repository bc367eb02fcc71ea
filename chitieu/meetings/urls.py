from django.urls import path

from . import views

urlpatterns = [
    path("units/<slug:code>/conferences/", views.conference_list, name="conference_list"),
    path("units/<slug:code>/tasks/", views.task_list, name="task_list"),
    path("conferences/<int:pk>/", views.conference_detail, name="conference_detail"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("questions/<int:pk>/task/", views.question_to_task, name="question_to_task"),
]

from chitieu.documents import views as documents_views  # noqa: E402

urlpatterns += [
    path("units/<slug:code>/report.docx", documents_views.report_docx, name="report_docx"),
    path("units/<slug:code>/appendix.xlsx", documents_views.appendix_xlsx, name="appendix_xlsx"),
    path("conferences/<int:pk>/notice.docx", documents_views.notice_docx, name="notice_docx"),
]
