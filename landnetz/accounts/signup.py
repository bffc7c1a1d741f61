"""Sign-up: allauth's form with equal timing, and the way out of a mistyped address.

``SignupFormWithEqualTiming`` (``ACCOUNT_FORMS["signup"]``) is allauth's sign-up form with
three changes:

- both answers cost the same (issue #6, item 3): a new address costs a password hash; an
  address that already has an account only gets the "you already have an account" e-mail.
  Without the same hashing work on that path, the answer's timing told whether an address
  is registered;
- the password rule is one plain sentence, and no input repeats its label as placeholder;
- it remembers who is waiting for the confirmation e-mail (below).

After a sign-up — and after a login with the right password to an account whose address
is not confirmed yet — the page "Please confirm your e-mail address" offers "Resend the
e-mail" and "Wrong address? Change it". Only the person who just did that, in the same
browser, may use them: ``remember()`` keeps the account (or, for an address that already
had an account, the sign-up the person typed) in *their* session for ``WINDOW`` seconds.
Nobody can change an address by knowing it.

No account enumeration: for an address that already has an account, allauth creates
nothing and sends that address a "you already have an account" e-mail, with the same
answer as for a new address. The offers behave the same way: "resend" sends that e-mail
again, and "change it" creates the account at the new address from what the person typed
(the password is kept as a hash only — the same hash the timing equaliser computes
anyway), exactly as a real account would move. Each action is limited per sign-up
(``LANDNETZ_RATE_LIMITS["confirmation_mail"]``) and per address (allauth's
``confirm_email`` limit, the one its own resend uses).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm
from allauth.account.models import EmailAddress
from allauth.core import ratelimit as allauth_ratelimit
from django.contrib.auth.hashers import make_password
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from landnetz.accounts import services
from landnetz.accounts.models import User
from landnetz.core import ratelimits

PASSWORD_RULE = _(
    "At least 12 characters that are hard to guess – for example three or four words that have "
    "nothing to do with each other; not your name, not a common word with a few digits added and "
    "not a keyboard pattern such as “qwertz”."
)

PASSWORD_AGAIN = _("For your security, please enter your password again.")

SESSION_KEY = "landnetz_unconfirmed"
# As long as allauth keeps a login waiting for its next step (15 minutes by default): on a
# shared computer the next person must not be able to move the account to their address.
WINDOW = allauth_settings.LOGIN_TIMEOUT


class SignupFormWithEqualTiming(SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "email" in self.fields:
            self.fields["email"].label = _("E-mail address")
        if "password1" in self.fields:
            self.fields["password1"].help_text = PASSWORD_RULE
        for field in self.fields.values():
            # Labels are always visible; a placeholder only repeats them (or, untranslated, in English).
            field.widget.attrs.pop("placeholder", None)

    def full_clean(self):
        super().full_clean()
        if self.errors and "password1" in self.fields and not {"password1", "password2"} & set(self.errors):
            # The password is never sent back into the page (it could be cached or saved with
            # it): say so, or people wonder why the boxes are empty after an e-mail typo.
            # On the bound field too: cleaning has already made (and cached) it.
            hint = format_lazy("{} {}", PASSWORD_AGAIN, PASSWORD_RULE)
            self.fields["password1"].help_text = self["password1"].help_text = hint

    def try_save(self, request):
        if self.account_already_exists:
            password_hash = make_password(self.cleaned_data.get("password1") or "")
            place = self.cleaned_data.get("place")
            region = self.cleaned_data.get("region")
            remember(
                request,
                email=self.cleaned_data["email"],
                signup=True,
                pending={
                    "password": password_hash,
                    "display_name": self.cleaned_data["display_name"],
                    "region": region.pk if region else None,
                    "municipality": place.pk if place is not None and place.pk else None,
                    "language": getattr(request, "LANGUAGE_CODE", ""),
                },
            )
        return super().try_save(request)


# --- Who is waiting for the confirmation e-mail ------------------------------------------------


@dataclass
class Unconfirmed:
    """What this browser may do on the "please confirm" page."""

    email: str  # where the last e-mail went
    user: User | None  # the account this person created or logged in to; None: the address had one
    pending: dict | None  # the sign-up as typed, when no account was created
    signup: bool
    token: str  # names this sign-up for the rate limit
    since: float  # when the sign-up or login happened: the offer ends WINDOW seconds later
    confirmed: bool = False  # the account's address has been confirmed meanwhile


def remember(request, *, email: str, user=None, pending=None, signup: bool = True, token: str = "", since=None) -> None:
    request.session[SESSION_KEY] = {
        "email": email,
        "user": user.pk if user is not None else None,
        "pending": pending,
        "signup": signup,
        "token": token or secrets.token_urlsafe(16),
        "at": since or time.time(),
    }
    request._landnetz_unconfirmed_remembered = True


def remember_verification_sent(request, user) -> None:
    """Called when allauth shows "we have sent you an e-mail" (sign-up or unconfirmed login)."""
    if user is not None:
        match = request.resolver_match
        remember(request, email=user.email, user=user, signup=bool(match and match.url_name == "account_signup"))
    elif not getattr(request, "_landnetz_unconfirmed_remembered", False):
        forget(request)


def forget(request) -> None:
    request.session.pop(SESSION_KEY, None)


def unconfirmed(request) -> Unconfirmed | None:
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict) or time.time() - data.get("at", 0) > WINDOW:
        forget(request)
        return None
    user = User.objects.filter(pk=data["user"]).first() if data.get("user") else None
    if data.get("user") and user is None:  # deleted meanwhile
        forget(request)
        return None
    confirmed = user is not None and EmailAddress.objects.filter(user=user, verified=True).exists()
    return Unconfirmed(
        email=data["email"],
        user=user,
        pending=data.get("pending"),
        signup=data.get("signup", True),
        token=data["token"],
        since=data["at"],
        confirmed=confirmed,
    )


def _may_send(request, state: Unconfirmed, email: str) -> bool:
    """One more e-mail for this sign-up and this address? (counts it)"""
    return ratelimits.consume("confirmation_mail", state.token) and allauth_ratelimit.consume(
        request, action="confirm_email", key=email.lower()
    )


def _send(request, state: Unconfirmed, email: str) -> None:
    """The confirmation link if ``email`` is the person's own unconfirmed address, else the
    "you already have an account" e-mail — the same as allauth's sign-up sends."""
    address = None
    if state.user is not None:
        address = EmailAddress.objects.filter(user=state.user, email__iexact=email, verified=False).first()
    if address is not None:
        address.send_confirmation(request, signup=state.signup)
    else:
        get_adapter(request).send_account_already_exists_mail(email)


def resend(request, state: Unconfirmed) -> bool:
    """Send the last e-mail again; False when the limit is reached (nothing sent)."""
    if not _may_send(request, state, state.email):
        return False
    _send(request, state, state.email)
    return True


def change_address(request, state: Unconfirmed, email: str) -> bool:
    """Send the confirmation to ``email`` instead; False when the limit is reached (nothing changed).

    The person's own account moves to the new address; a sign-up that created no account
    (its address had one) is created now at the new address. If the new address belongs to
    another account, that address gets the "you already have an account" e-mail instead and
    nothing moves — the same answer in every case.
    """
    if not _may_send(request, state, email):
        return False
    user = state.user
    if user is not None:
        moved = services.change_unconfirmed_email(user=user, email=email)
    elif state.pending and not services.email_taken(email):
        user = services.create_signup(email=email, **state.pending)
        moved = True
    else:
        moved = False
    if moved:
        state = Unconfirmed(email, user, None, state.signup, state.token, state.since)
    _send(request, state, email)
    remember(
        request,
        email=email,
        user=user,
        pending=state.pending,
        signup=state.signup,
        token=state.token,
        since=state.since,
    )
    return True
