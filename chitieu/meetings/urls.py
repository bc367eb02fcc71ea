from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("units/<slug:code>/conferences/", views.conference_list, name="conference_list"),
    path("units/<slug:code>/conferences/ordinal/", views.conference_ordinal, name="conference_ordinal"),
    path("units/<slug:code>/tasks/", views.task_list, name="task_list"),
    path("units/<slug:code>/tasks/export.xlsx", views.task_export, name="task_export"),
    path("conferences/<int:pk>/", views.conference_detail, name="conference_detail"),
    path("conferences/<int:pk>/edit/", views.conference_edit, name="conference_edit"),
    path("conferences/<int:pk>/minutes/", views.conference_minutes, name="conference_minutes"),
    path("conferences/<int:pk>/<slug:kind>/<int:item>/", views.record_edit, name="record_edit"),
    path("conferences/<int:pk>/<slug:kind>/<int:item>/delete/", views.record_delete, name="record_delete"),
    path("conferences/<int:pk>/agenda/<int:item>/move/", views.agenda_move, name="agenda_move"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<int:pk>/delete/", views.task_delete, name="task_delete"),
    path("questions/<int:pk>/task/", views.question_to_task, name="question_to_task"),
]
