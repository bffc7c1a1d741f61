from django.urls import path

from landnetz.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("report/<str:kind>/<id:object_id>/", views.report_content, name="report"),
    path("<id:report_id>/decide/", views.decide, name="decide"),
]
