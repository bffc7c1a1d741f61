from django.urls import path

from landnetz.search import views

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("vocabulary/", views.vocabulary_list, name="vocabulary_list"),
    path("vocabulary/new/", views.vocabulary_edit, name="vocabulary_create"),
    path("vocabulary/<id:term_id>/", views.vocabulary_edit, name="vocabulary_edit"),
    path("vocabulary/<id:term_id>/delete/", views.vocabulary_delete, name="vocabulary_delete"),
]
