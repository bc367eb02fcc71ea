from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("units/<slug:code>/conferences/", views.conference_list, name="conference_list"),
    path("units/<slug:code>/tasks/", views.task_list, name="task_list"),
    path("conferences/<int:pk>/", views.conference_detail, name="conference_detail"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("questions/<int:pk>/task/", views.question_to_task, name="question_to_task"),
]
