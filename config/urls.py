from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from landnetz.accounts.views import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg", permanent=True)),
]

urlpatterns += i18n_patterns(
    path(settings.ADMIN_URL, admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("landnetz.accounts.urls")),
    path("people/", include("landnetz.accounts.people_urls")),
    path("", include("landnetz.directory.urls")),
    path("organisations/", include("landnetz.organisations.urls")),
    path("privacy/", include("landnetz.privacy.urls")),
    path("notifications/", include("landnetz.notifications.urls")),
    path("moderation/", include("landnetz.moderation.urls")),
    path("search/", include("landnetz.search.urls")),
    path("groups/", include("landnetz.groups.urls")),
    path("news/", include("landnetz.feed.urls")),
    path("messages/", include("landnetz.messaging.urls")),
    path("openmic/", include("landnetz.asks.urls")),
    path("", include("landnetz.core.urls")),
    prefix_default_language=True,
)
