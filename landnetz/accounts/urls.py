from django.urls import path

from landnetz.accounts import session_views, views

app_name = "accounts"

urlpatterns = [
    path("preferences/", views.preferences, name="preferences"),
    path("consent/", views.consent, name="consent"),
    path("confirmation/", views.confirmation_sent, name="confirmation_sent"),
    path("confirmation/resend/", views.resend_confirmation, name="resend_confirmation"),
    path("profile/", views.profile_edit, name="profile"),
    path("profile/preview/", views.profile_preview, name="profile_preview"),
    path("session/keep-alive/", session_views.keep_alive, name="keep_alive"),
]
