from django.urls import path

from landnetz.messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.new_conversation, name="new"),
    path("unread/", views.unread_badge, name="unread"),
    path("settings/", views.preferences, name="settings"),
    path("blocked/", views.blocked, name="blocked"),
    path("block/<id:user_id>/", views.block, name="block"),
    path("<id:conversation_id>/", views.conversation, name="conversation"),
    path("<id:conversation_id>/mute/", views.mute, name="mute"),
    path("<id:conversation_id>/leave/", views.leave, name="leave"),
    path("<id:conversation_id>/add/", views.add_participants, name="add"),
    path("message/<id:message_id>/", views.message, name="message"),
    path("message/<id:message_id>/delete/", views.delete_message, name="delete_message"),
]
