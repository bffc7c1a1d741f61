from django.urls import path

from landnetz.accounts import views

app_name = "accounts"

urlpatterns = [
    path("preferences/", views.preferences, name="preferences"),
    path("consent/", views.consent, name="consent"),
    path("profile/", views.profile_edit, name="profile"),
    path("profile/preview/", views.profile_preview, name="profile_preview"),
]
