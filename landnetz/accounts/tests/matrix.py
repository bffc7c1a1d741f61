"""Objects and forms of the accounts app for the permission matrix (docs/permissions.md).

Objects — members in Stendal whose profile has that visibility and a real photo (a JPEG
stored through the profile service), owned by the member themselves:
``PUBLIC_PERSON``, ``MEMBERS_PERSON``, ``HIDDEN_PERSON`` ("only me"), and
``MODERATED_PERSON`` (public, then hidden by a moderator).

Bodies — what the accounts forms send, for the member who sends them.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from landnetz.accounts import services
from landnetz.accounts.queries import profile_of
from landnetz.core.models import Municipality, Region
from tests.factories import TEST_PASSWORD, UserFactory
from tests.matrix_support import MatrixObject, unique

NEW_PASSWORD = "another-long-matrix-password-2026"


def photo(name: str = "photo.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), (40, 120, 200)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _person(visibility: str, hidden_by_moderation: bool = False):
    def create(users) -> MatrixObject:
        place = Municipality.objects.select_related("region").get(region__slug="stendal", name="Stendal")
        user = UserFactory(display_name=f"Matrix {visibility}", region=place.region, municipality=place)
        profile = profile_of(user)
        services.update_profile(
            user=user,
            profile=profile,
            data={"visibility": visibility, "bio": "Ich berate zu Ausbildung.", "photo": photo()},
            languages=[],
        )
        assert profile.photo, "the matrix person has a photo file"
        if hidden_by_moderation:
            services.set_profile_hidden(profile=profile, hidden=True)
        return MatrixObject(str(user.pk), owner=user, obj=profile)

    return create


OBJECTS = {
    "PUBLIC_PERSON": _person("public"),
    "MEMBERS_PERSON": _person("members"),
    "HIDDEN_PERSON": _person("nobody"),
    # A public profile that a moderator has hidden after a report.
    "MODERATED_PERSON": _person("public", hidden_by_moderation=True),
}


def _stendal() -> Region:
    return Region.objects.get(slug="stendal")


def _login(ctx) -> dict:
    """Someone with an account logs in (a fresh account; the sender may already be logged in)."""
    account = UserFactory(display_name="Matrix Login")
    return {"login": account.email, "password": TEST_PASSWORD}


def _signup(ctx) -> dict:
    return {
        "display_name": "Neue Nutzerin",
        "email": f"{unique('signup')}@example.org",
        "region": str(_stendal().pk),
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "privacy_consent": "on",
    }


def _preferences(ctx) -> dict:
    return {
        "display_name": "Geänderter Name",
        "region": str(_stendal().pk),
        "preferred_language": "en",
        "large_text": "on",
    }


def _profile(ctx) -> dict:
    place = Municipality.objects.get(region__slug="stendal", name="Tangerhütte")
    return {
        "visibility": "members",
        "photo": photo(),
        "bio": "Ich leite das **Sprachcafé**.",
        "sector": "civil_society",
        "job_title": "Ehrenamtliche",
        "municipality": str(place.pk),
        "is_interpreter": "on",
        "open_to_newcomers": "on",
        "contact_email": f"{unique('contact')}@example.org",
        "contact_email_visibility": "members",
        "phone": "+49 3935 987654",
        "phone_visibility": "nobody",
        "messenger": "",
        "messenger_visibility": "nobody",
        "office_hours": "Dienstags 15–17 Uhr",
        "office_hours_visibility": "public",
        "languages-TOTAL_FORMS": "1",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "12",
        "languages-0-code": "uk",
        "languages-0-level": "basic",
    }


BODIES = {
    # Django's language switch (the form in the page footer).
    "LANGUAGE": lambda ctx: {"language": "en", "next": "/de/"},
    "PREFERENCES": _preferences,
    "CONSENT": lambda ctx: {"privacy_consent": "on"},
    "KEEP_ALIVE": lambda ctx: {},  # "Stay logged in" in the idle warning (static/js/idle-warning.js)
    "PROFILE": _profile,
    # allauth's forms
    "LOGIN": _login,
    "SIGNUP": _signup,
    "LOGOUT": lambda ctx: {},
    "CHANGE_PASSWORD": lambda ctx: {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    "ADD_EMAIL": lambda ctx: {"action_add": "", "email": f"{unique('second')}@example.org"},
    "REAUTHENTICATE": lambda ctx: {"password": TEST_PASSWORD},
    "RESET_PASSWORD": lambda ctx: {"email": ctx.user.email if ctx.user else "volunteer@example.org"},
    # "Please confirm your e-mail address" (accounts.signup): the session decides
    "CHANGE_ADDRESS": lambda ctx: {"email": f"{unique('corrected')}@example.org"},
    "RESEND": lambda ctx: {},
}


def _email_key(users) -> MatrixObject:
    """A second, unconfirmed address of a member and the key of its confirmation link."""
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    owner = UserFactory(display_name="Matrix Zweitadresse")
    address = EmailAddress.objects.create(user=owner, email=f"{unique('second')}@example.org", verified=False)
    return MatrixObject(EmailConfirmationHMAC(address).key, owner=owner, obj=address)


def _social_account(users) -> MatrixObject:
    """A member who also logs in through the Landkreis' identity server (OpenID Connect)."""
    from allauth.socialaccount.models import SocialAccount, SocialApp

    app, _ = SocialApp.objects.get_or_create(
        provider="openid_connect",
        provider_id="landkreis",
        defaults={"name": "Landkreis", "client_id": "landnetz", "settings": {"server_url": "https://id.example.org"}},
    )
    owner = UserFactory(display_name="Matrix SSO")
    account = SocialAccount.objects.create(user=owner, provider="landkreis", uid=unique("sub"))
    return MatrixObject(str(account.pk), owner=owner, obj=account, extra={"app": app})


OBJECTS |= {"EMAIL_KEY": _email_key, "SOCIAL_ACCOUNT": _social_account}
BODIES |= {"DISCONNECT": lambda ctx: {"account": ctx.objects["SOCIAL_ACCOUNT"].value}}
