from django.urls import path

from landnetz.accounts import views

app_name = "people"

urlpatterns = [
    path("<id:user_id>/", views.person_detail, name="detail"),
    path("<id:user_id>/photo/", views.person_photo, name="photo"),
]
