"""The feed's pages through HTTP: write, read, comment, react, pin, follow, delete."""

import pytest
from django.core import mail

from landnetz.core.models import AuditEntry
from landnetz.feed import services
from landnetz.feed.models import Comment, Follow, Post, Reaction
from landnetz.feed.tests.helpers import group, group_post, post, region_post, visible_profile
from landnetz.notifications.models import Notification

pytestmark = pytest.mark.django_db

FORM = {"body_language": "de", "kind": "news", "target": "network"}


def test_visitors_are_sent_to_the_login(client, volunteer):
    item = post(volunteer)
    for url in ["/de/news/", "/de/news/new/", f"/de/news/{item.pk}/", "/de/news/following/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_member_writes_a_region_post_in_arabic(client, newcomer, stendal):
    client.force_login(newcomer)
    page = client.get("/de/news/new/")
    assert page.status_code == 200
    response = client.post(
        "/ar/news/new/",
        {
            "body": "مرحبا، هل يوجد مقهى لغة في تانغرهوته؟",
            "body_language": "ar",
            "kind": "request",
            "target": "region",
            "region": "stendal",
        },
    )
    item = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ar/news/{item.pk}/"
    assert (item.target, item.region, item.kind, item.body_language) == ("region", stendal, "request", "ar")
    html = client.get(f"/ar/news/{item.pk}/").content.decode()
    assert 'lang="ar" dir="auto"' in html


def test_the_language_of_a_post_defaults_to_the_page_language(client, newcomer):
    client.force_login(newcomer)
    html = client.get("/uk/news/new/").content.decode()
    assert '<option value="uk" selected>' in html


def test_a_region_post_needs_a_region_and_the_text_is_kept(client, volunteer):
    client.force_login(volunteer)
    response = client.post("/de/news/new/", {**FORM, "target": "region", "body": "Mein Text bleibt"})
    assert response.status_code == 200 and not Post.objects.exists()
    html = response.content.decode()
    assert "ln-error-summary" in html and "Mein Text bleibt" in html


def test_posting_in_a_group_one_is_not_a_member_of_is_refused(client, volunteer, outsider):
    club = group("open", admin=outsider)
    client.force_login(volunteer)
    response = client.post("/de/news/new/", {**FORM, "target": "group", "group": club.slug, "body": "Hallo Gruppe"})
    assert response.status_code == 200 and not Post.objects.exists()
    assert "in denen Sie Mitglied sind" in response.content.decode()
    assert client.get(f"/de/news/new/?group={club.slug}").status_code == 403
    secret = group("secret", admin=outsider)
    assert client.get(f"/de/news/new/?group={secret.slug}").status_code == 404
    assert client.get("/de/news/new/?group=%00").status_code == 404


def test_a_member_posts_from_the_group_panel(client, volunteer, newcomer):
    club = group("closed", admin=volunteer, members=[newcomer])
    client.force_login(newcomer)
    response = client.post(
        f"/de/news/new/?group={club.slug}",
        {
            "form": "group-post",
            "group-post-body": "Treffen am Donnerstag",
            "group-post-body_language": "de",
            "group-post-kind": "news",
            "group-post-target": "group",
            "group-post-group": club.slug,
        },
    )
    assert response.status_code == 302
    item = Post.objects.get()
    assert (item.target, item.group) == ("group", club)


def test_the_feed_page_shows_pinned_posts_first_and_filters(client, coordinator, volunteer, outsider, stendal):
    announcement = region_post(coordinator, stendal, "Sprechstunde der Integrationskoordination", kind="announcement")
    services.pin_post(actor=coordinator, post=announcement, days=14)
    post(outsider, "Etwas für alle")
    client.force_login(volunteer)
    html = client.get("/de/news/").content.decode()
    assert html.index("Sprechstunde der Integrationskoordination") < html.index("Etwas für alle")
    client.force_login(outsider)
    html = client.get("/de/news/").content.decode()
    assert "Sprechstunde" not in html
    html = client.get("/de/news/?kind=announcement&region=stendal").content.decode()
    assert "Sprechstunde" in html and "Etwas für alle" not in html


def test_filters_swap_the_results_with_htmx(client, volunteer):
    post(volunteer, "Ein Angebot", kind="offer")
    client.force_login(volunteer)
    response = client.get("/de/news/?kind=offer", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and 'id="results"' in html
    assert 'hx-swap-oob="innerHTML"' in html and "HX-Request" in response["Vary"]


def test_bad_filters_and_a_bad_cursor(client, volunteer):
    post(volunteer, "Sichtbar")
    client.force_login(volunteer)
    response = client.get("/de/news/?region=nirgendwo&kind=nonsense&group=%E2%80%AE")
    assert response.status_code == 200 and "ln-error-summary" in response.content.decode()
    response = client.get("/de/news/?after=kaputt")
    assert response.status_code == 200 and "Sichtbar" in response.content.decode()
    both = client.get("/de/news/?region=stendal&group=x")
    assert both.status_code == 200


def test_older_posts_follow_the_cursor_link(client, volunteer, outsider):
    for number in range(25):
        post(outsider, f"Beitrag Nummer {number:02d}")
    client.force_login(volunteer)
    first = client.get("/de/news/")
    page = first.context["page"]
    assert len(page.posts) == 20 and page.next_cursor
    post(outsider, "Ganz neu")
    second = client.get("/de/news/", {"after": page.next_cursor}).content.decode()
    assert "Beitrag Nummer 04" in second and "Beitrag Nummer 05" not in second and "Ganz neu" not in second


def test_edit_marks_the_post_as_edited(client, volunteer):
    item = post(volunteer, "Erste Fassung")
    client.force_login(volunteer)
    assert client.get(f"/de/news/{item.pk}/edit/").status_code == 200
    response = client.post(
        f"/de/news/{item.pk}/edit/", {"body": "Zweite Fassung", "body_language": "de", "kind": "offer"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.body == "Zweite Fassung" and item.kind == "offer" and item.edited_at is not None
    assert "bearbeitet" in client.get(f"/de/news/{item.pk}/").content.decode()


def test_comments_and_replies_one_level(client, volunteer, newcomer, outsider):
    item = post(volunteer, "Wer kommt zum Sprachcafé?")
    client.force_login(newcomer)
    response = client.post(f"/de/news/{item.pk}/comments/", {"body": "Ich komme!", "body_language": "de"})
    comment = Comment.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/de/news/{item.pk}/#comment-{comment.pk}"
    client.force_login(outsider)
    client.post(f"/de/news/{item.pk}/comments/", {"body": "Ich auch", "body_language": "de", "parent": comment.pk})
    reply = Comment.objects.exclude(pk=comment.pk).get()
    assert reply.parent == comment
    client.post(f"/de/news/{item.pk}/comments/", {"body": "Und ich", "body_language": "de", "parent": reply.pk})
    assert Comment.objects.filter(parent=comment).count() == 2  # a reply to a reply answers the comment
    kinds = sorted(Notification.objects.values_list("kind", "recipient_id"))
    assert ("feed.comment", volunteer.pk) in kinds and ("feed.reply", newcomer.pk) in kinds
    html = client.get(f"/de/news/{item.pk}/").content.decode()
    assert html.index("Ich komme!") < html.index("Ich auch") < html.index("Und ich")


def test_replying_to_a_deleted_comment_stores_nothing_and_says_so(client, volunteer, newcomer):
    item = post(volunteer)
    comment = services.add_comment(actor=newcomer, post=item, body="Bald weg", body_language="de").obj
    client.force_login(volunteer)
    page = client.get(f"/de/news/{item.pk}/")
    assert page.status_code == 200
    gone = comment.pk
    comment.delete()
    response = client.post(
        f"/de/news/{item.pk}/comments/", {"body": "Meine Antwort", "body_language": "de", "parent": gone}
    )
    assert response.status_code == 200 and not Comment.objects.exists()
    html = response.content.decode()
    assert "wurde gelöscht. Ihre Antwort wurde nicht gespeichert" in html and "Meine Antwort" in html


def test_commenting_on_a_deleted_post_gives_the_text_back(client, volunteer, newcomer):
    item = post(volunteer)
    client.force_login(newcomer)
    gone = item.pk
    item.delete()
    response = client.post(f"/de/news/{gone}/comments/", {"body": "Mein langer Kommentar", "body_language": "de"})
    assert response.status_code == 404 and not Comment.objects.exists()
    assert "Mein langer Kommentar" in response.content.decode()


def test_only_group_members_comment_on_open_group_posts(client, volunteer, outsider):
    club = group("open", admin=volunteer)
    item = group_post(volunteer, club)
    client.force_login(outsider)
    assert client.get(f"/de/news/{item.pk}/").status_code == 200
    assert client.post(f"/de/news/{item.pk}/comments/", {"body": "x", "body_language": "de"}).status_code == 403
    assert client.post(f"/de/news/{item.pk}/react/", {"kind": "like"}).status_code == 403
    assert not Comment.objects.exists() and not Reaction.objects.exists()


def test_reactions_toggle_one_per_member_and_kind(client, volunteer, newcomer):
    item = post(volunteer)
    client.force_login(newcomer)
    assert client.post(f"/de/news/{item.pk}/react/", {"kind": "like", "next": "/de/news/"})["Location"] == "/de/news/"
    client.post(f"/de/news/{item.pk}/react/", {"kind": "thanks"})
    assert set(Reaction.objects.values_list("kind", flat=True)) == {"like", "thanks"}
    response = client.post(f"/de/news/{item.pk}/react/", {"kind": "like"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and set(Reaction.objects.values_list("kind", flat=True)) == {"thanks"}
    html = response.content.decode()
    assert f'id="react-{item.pk}-like"' in html and 'aria-pressed="false"' in html and 'id="feed-status"' in html
    assert client.post(f"/de/news/{item.pk}/react/", {"kind": "angry"}).status_code == 302
    assert Reaction.objects.count() == 1


def test_next_must_stay_on_this_site(client, volunteer, newcomer):
    item = post(volunteer)
    client.force_login(newcomer)
    response = client.post(f"/de/news/{item.pk}/react/", {"kind": "like", "next": "https://evil.example/"})
    assert response["Location"] == f"/de/news/{item.pk}/"


def test_the_coordinator_pins_and_unpins_in_her_region_only(client, coordinator, volunteer, stendal, harz):
    own = region_post(volunteer, stendal, kind="announcement")
    elsewhere = region_post(volunteer, harz)
    network = post(volunteer)
    client.force_login(coordinator)
    assert client.post(f"/de/news/{own.pk}/pin/", {"days": "14"}).status_code == 302
    own.refresh_from_db()
    assert own.pinned_until is not None
    assert AuditEntry.objects.filter(verb="post.pinned").count() == 1
    assert client.post(f"/de/news/{elsewhere.pk}/pin/", {"days": "14"}).status_code == 403
    assert client.post(f"/de/news/{network.pk}/pin/", {"days": "14"}).status_code == 403
    client.post(f"/de/news/{own.pk}/pin/", {"action": "unpin"})
    own.refresh_from_db()
    assert own.pinned_until is None
    client.post(f"/de/news/{own.pk}/pin/", {"days": "1000"})
    own.refresh_from_db()
    assert own.pinned_until is None
    client.force_login(volunteer)
    assert client.post(f"/de/news/{own.pk}/pin/", {"days": "14"}).status_code == 403


@pytest.mark.parametrize("who", ["author", "coordinator", "network_admin"])
def test_delete_rights(client, who, volunteer, coordinator, network_admin, stendal):
    item = region_post(volunteer, stendal)
    services.add_comment(actor=coordinator, post=item, body="Kommentar", body_language="de")
    client.force_login({"author": volunteer, "coordinator": coordinator, "network_admin": network_admin}[who])
    confirm = client.get(f"/de/news/{item.pk}/delete/")
    assert confirm.status_code == 200 and "1" in confirm.content.decode()
    assert client.post(f"/de/news/{item.pk}/delete/").status_code == 302
    assert not Post.objects.exists() and not Comment.objects.exists()
    assert AuditEntry.objects.filter(verb="post.deleted").exists() == (who != "author")


def test_others_may_not_edit_or_delete(client, volunteer, outsider, employer, regions):
    item = region_post(volunteer, regions["stendal"])
    client.force_login(outsider)
    assert client.get(f"/de/news/{item.pk}/edit/").status_code == 403
    assert client.get(f"/de/news/{item.pk}/delete/").status_code == 403
    assert client.post(f"/de/news/{item.pk}/delete/").status_code == 403
    assert Post.objects.filter(pk=item.pk).exists()


def test_group_admins_delete_posts_and_comments_in_their_group(client, volunteer, newcomer, outsider):
    club = group("closed", admin=volunteer, members=[newcomer, outsider])
    item = group_post(newcomer, club)
    comment = services.add_comment(actor=outsider, post=item, body="Spam", body_language="de").obj
    client.force_login(volunteer)
    assert client.post(f"/de/news/comments/{comment.pk}/delete/").status_code == 302
    assert client.post(f"/de/news/{item.pk}/delete/").status_code == 302
    assert not Post.objects.exists()


def test_comment_edit_and_delete(client, volunteer, newcomer):
    item = post(volunteer)
    comment = services.add_comment(actor=newcomer, post=item, body="Tippfeler", body_language="de").obj
    client.force_login(newcomer)
    assert client.get(f"/de/news/comments/{comment.pk}/edit/").status_code == 200
    client.post(f"/de/news/comments/{comment.pk}/edit/", {"body": "Tippfehler", "body_language": "de"})
    comment.refresh_from_db()
    assert comment.body == "Tippfehler" and comment.edited_at is not None
    client.force_login(volunteer)  # the post's author may not edit or delete others' comments
    assert client.post(f"/de/news/comments/{comment.pk}/edit/", {"body": "x", "body_language": "de"}).status_code == 403
    assert client.post(f"/de/news/comments/{comment.pk}/delete/").status_code == 403
    client.force_login(newcomer)
    assert client.get(f"/de/news/comments/{comment.pk}/delete/").status_code == 200
    assert client.post(f"/de/news/comments/{comment.pk}/delete/").status_code == 302
    assert not Comment.objects.exists()


def test_deleted_content_leaves_no_notification_pointing_to_it(volunteer, newcomer, outsider):
    visible_profile(outsider)
    item = post(volunteer, "@[Uwe Fremd] schau mal")
    comment = services.add_comment(actor=newcomer, post=item, body="Gute Idee", body_language="de").obj
    other = post(newcomer, "Bleibt")
    services.add_comment(actor=volunteer, post=other, body="Auch", body_language="de")
    assert Notification.objects.count() == 3
    services.delete_comment(actor=newcomer, comment=comment)
    assert set(Notification.objects.values_list("kind", flat=True)) == {"feed.mention", "feed.comment"}
    services.delete_post(actor=volunteer, post=item)
    assert list(Notification.objects.values_list("kind", "recipient_id")) == [("feed.comment", newcomer.pk)]


def test_follow_and_unfollow_from_a_post(client, volunteer, newcomer):
    item = post(volunteer)
    client.force_login(newcomer)
    response = client.post(
        f"/de/news/people/{volunteer.pk}/follow/", {"action": "follow", "next": f"/de/news/{item.pk}/"}
    )
    assert response["Location"] == f"/de/news/{item.pk}/"
    assert Follow.objects.filter(follower=newcomer, followed=volunteer).exists()
    html = client.get("/de/news/following/").content.decode()
    assert "Helga Wiesner" in html
    client.force_login(volunteer)
    assert "Olena Kovalenko" in client.get("/de/news/following/").content.decode()  # who follows me: only I see it
    client.force_login(newcomer)
    client.post(f"/de/news/people/{volunteer.pk}/follow/", {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_following_someone_one_knows_nothing_of_is_404(client, newcomer, outsider):
    client.force_login(newcomer)
    assert client.post(f"/de/news/people/{outsider.pk}/follow/", {"action": "follow"}).status_code == 404
    assert client.post(f"/de/news/people/{newcomer.pk}/follow/", {"action": "follow"}).status_code == 404
    assert not Follow.objects.exists()


def test_rate_limits_are_settings(client, volunteer, settings):
    settings.LANDNETZ_RATE_LIMITS = {**settings.LANDNETZ_RATE_LIMITS, "post": "2/m", "comment": "1/m"}
    client.force_login(volunteer)
    for number in range(2):
        assert client.post("/de/news/new/", {**FORM, "body": f"Nummer {number}"}).status_code == 302
    response = client.post("/de/news/new/", {**FORM, "body": "Zu viel"})
    assert response.status_code == 200 and Post.objects.count() == 2
    assert "Zu viel" in response.content.decode() and "warten Sie eine Weile" in response.content.decode()
    item = Post.objects.first()
    client.post(f"/de/news/{item.pk}/comments/", {"body": "eins", "body_language": "de"})
    response = client.post(f"/de/news/{item.pk}/comments/", {"body": "zwei", "body_language": "de"})
    assert response.status_code == 200 and Comment.objects.count() == 1


def test_the_start_page_shows_news_for_you(client, coordinator, volunteer, outsider, stendal):
    announcement = region_post(coordinator, stendal, "Wichtige Mitteilung für Stendal", kind="announcement")
    services.pin_post(actor=coordinator, post=announcement, days=7)
    post(outsider, "Neu im Netzwerk")
    client.force_login(volunteer)
    html = client.get("/de/").content.decode()
    assert "feed-panel-heading" in html
    assert html.index("Wichtige Mitteilung") < html.index("Neu im Netzwerk")
    client.force_login(outsider)
    assert "Wichtige Mitteilung" not in client.get("/de/").content.decode()
    client.logout()
    assert "feed-panel-heading" not in client.get("/de/").content.decode()


def test_the_group_panel(rf, volunteer, newcomer, outsider):
    from landnetz.feed.panels import group_panel

    club = group("closed", admin=volunteer, members=[newcomer])
    item = group_post(newcomer, club, "Protokoll vom Treffen")
    panel = group_panel(newcomer, group=club)
    assert [p.pk for p in panel.context["posts"]] == [item.pk] and panel.context["form"] is not None
    assert group_panel(outsider, group=club) is None
    open_club = group("open", admin=volunteer)
    group_post(volunteer, open_club)
    reader = group_panel(outsider, group=open_club)
    assert reader is not None and reader.context["form"] is None


def test_no_emails_leave_for_reactions(client, volunteer, newcomer):
    item = post(volunteer)
    client.force_login(newcomer)
    client.post(f"/de/news/{item.pk}/react/", {"kind": "heart"})
    assert mail.outbox == [] and not Notification.objects.exists()
