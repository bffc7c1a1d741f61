from django.urls import path

from landnetz.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.search, name="search"),
]
