from django.urls import path

from landnetz.privacy import views

app_name = "privacy"

urlpatterns = [
    path("delete-account/", views.delete_account, name="delete_account"),
    path("my-data/", views.data_export, name="data_export"),
    path("my-data/<id:export_id>/download/", views.download_export, name="download_export"),
]
