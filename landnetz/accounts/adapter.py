from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, resolve_url
from django.utils import translation

from landnetz.accounts import devices, signup, validators
from landnetz.core.validators import validate_plain_text


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed logins count per account, but a browser that has logged in to the
        account before counts on its own key (see ``accounts.devices``): strangers cannot
        lock a member out of their own browser."""
        key = super()._get_login_attempts_cache_key(request, **credentials)
        device = devices.device_id(request, credentials.get("email", ""))
        return f"{key}:device:{device}" if device else key

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        devices.remember(response, user.email)
        return response

    def clean_email(self, email: str) -> str:
        """Sign-up, e-mail change and password reset: no text-direction or control characters."""
        validate_plain_text(email)
        return super().clean_email(email)

    def clean_password(self, password: str, user=None) -> str:
        """One problem at a time: "too common" and "a common word with digits" say the same,
        and a list of five complaints under a password field helps nobody."""
        try:
            return super().clean_password(password, user=user)
        except ValidationError as error:
            # Ours name the weakness most precisely (a repeated pattern, your own name).
            specific = [problem for problem in error.error_list if problem.code in validators.MESSAGES]
            raise ValidationError((specific or error.error_list)[:1]) from None

    def respond_email_verification_sent(self, request, user):
        """After a sign-up or a login to an unconfirmed account: our page, which offers to
        send the e-mail again or to another address (``accounts.signup``)."""
        signup.remember_verification_sent(request, user)
        return redirect("accounts:confirmation_sent")

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        # "Confirmation e-mail sent to …" after a sign-up or login: the page we send people to
        # says so, with the address (members adding an address still get the message).
        if message_template == "account/messages/email_confirmation_sent.txt" and not request.user.is_authenticated:
            return
        super().add_message(request, level, message_template, message_context, extra_tags, message)

    def get_login_redirect_url(self, request) -> str:
        # After login, continue in the member's own language.
        with translation.override(request.user.preferred_language):
            return resolve_url("core:home")

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render every account e-mail in the recipient's language.

        Unknown addresses (password reset for a stranger) get the language of the page
        the request came from.
        """
        user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
