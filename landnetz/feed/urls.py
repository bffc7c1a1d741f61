from django.urls import path

from landnetz.feed import views

app_name = "feed"

urlpatterns = [
    path("", views.feed, name="list"),
    path("new/", views.post_create, name="create"),
    path("following/", views.following, name="following"),
    path("people/<id:user_id>/follow/", views.follow, name="follow"),
    path("<id:post_id>/", views.post_detail, name="detail"),
    path("<id:post_id>/edit/", views.post_edit, name="edit"),
    path("<id:post_id>/delete/", views.post_delete, name="delete"),
    path("<id:post_id>/pin/", views.pin, name="pin"),
    path("<id:post_id>/react/", views.react, name="react"),
    path("<id:post_id>/comments/", views.comment_create, name="comment"),
    path("<id:post_id>/pictures/<id:image_id>/", views.image, name="image"),
    path("<id:post_id>/files/<id:file_id>/", views.attachment, name="attachment"),
    path("comments/<id:comment_id>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<id:comment_id>/delete/", views.comment_delete, name="comment_delete"),
]
