from django.urls import path

from landnetz.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("regions/", views.region_list, name="region_list"),
    path("legal/<slug:slug>/", views.legal_page, name="legal_page"),
    path("legal/<slug:slug>/edit/", views.legal_page_edit, name="legal_page_edit"),
    path("audit/", views.audit_log, name="audit_log"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/new/", views.topic_edit, name="topic_create"),
    path("topics/<slug:slug>/", views.topic_edit, name="topic_edit"),
    path("topics/<slug:slug>/delete/", views.topic_delete, name="topic_delete"),
]
