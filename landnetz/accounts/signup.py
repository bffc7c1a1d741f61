"""allauth's sign-up form with one change: both answers cost the same (issue #6, item 3).

A new address costs a password hash (hundreds of milliseconds); an address that already
has an account only gets the "you already have an account" e-mail. Without the same
hashing work on that path, the answer's timing told whether an address is registered.
Registered as ``ACCOUNT_FORMS["signup"]``.
"""

from allauth.account.forms import SignupForm
from django.contrib.auth.hashers import make_password


class SignupFormWithEqualTiming(SignupForm):
    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)
