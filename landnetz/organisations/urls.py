from django.urls import path

from landnetz.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("invitations/<slug:token>/", views.invitation, name="invitation"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/verify/", views.verify, name="verify"),
    path("<slug:slug>/delete/", views.organisation_delete, name="delete"),
    path("<slug:slug>/logo/", views.logo, name="logo"),
]
