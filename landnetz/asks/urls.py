from django.urls import path

from landnetz.asks import views

app_name = "asks"

urlpatterns = [
    path("", views.question_list, name="list"),
    path("ask/", views.ask, name="ask"),
    path("<id:question_id>/", views.question_detail, name="detail"),
    path("<id:question_id>/answer/", views.answer, name="answer"),
    path("<id:question_id>/edit/", views.question_edit, name="edit"),
    path("<id:question_id>/delete/", views.question_delete, name="delete"),
    path("<id:question_id>/status/", views.question_status, name="status"),
    path("answers/<id:answer_id>/edit/", views.answer_edit, name="answer_edit"),
    path("answers/<id:answer_id>/delete/", views.answer_delete, name="answer_delete"),
    path("answers/<id:answer_id>/vote/", views.vote, name="vote"),
    path("answers/<id:answer_id>/helpful/", views.helpful, name="helpful"),
]
