from django.urls import path

from landnetz.privacy import views

app_name = "privacy"

urlpatterns = [
    path("delete-account/", views.delete_account, name="delete_account"),
]
