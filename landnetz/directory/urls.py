from django.urls import path

from landnetz.directory import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.search, name="search"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("regions/<slug:slug>/export.csv", views.region_csv, name="region_csv"),
]
