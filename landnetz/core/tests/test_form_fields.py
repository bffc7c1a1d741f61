"""Text-direction characters in identifiers, e-mail addresses, links and names (issue 6, item 10).

U+202E and friends make text read differently from how it is stored: an address shown as
"info@example.org" pointed elsewhere. Every text field of every project form refuses them
(found by introspection, so that a new form or field cannot forget it), and so do
allauth's forms through ``AccountAdapter.clean_email``.
"""

import copy
import importlib
import inspect
import pkgutil

import pytest
from allauth.account.forms import AddEmailForm, ResetPasswordForm
from django import forms
from django.core import mail
from django.core.exceptions import ValidationError

import landnetz
from landnetz.accounts.models import User
from landnetz.core.validators import BIDI_CONTROLS

pytestmark = pytest.mark.django_db

# Every character the issue names (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
CONTROLS = sorted("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def test_every_named_control_is_refused():
    assert set(CONTROLS) <= BIDI_CONTROLS


def project_form_classes() -> list[type[forms.BaseForm]]:
    found = {}
    for module_info in pkgutil.walk_packages(landnetz.__path__, "landnetz."):
        name = module_info.name
        if any(part in name.split(".") for part in ("tests", "migrations", "management", "demo")):
            continue
        module = importlib.import_module(name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__.startswith("landnetz."):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[key] for key in sorted(found)]


def fields_of(form_class) -> dict[str, forms.Field]:
    """The fields as a page shows them: fields added in ``__init__`` too, where possible."""
    try:
        return form_class().fields
    except TypeError:  # needs arguments (e.g. the organisation of a members page)
        return copy.deepcopy(form_class.base_fields)


def sample(field: forms.Field, control: str) -> str:
    if isinstance(field, forms.EmailField):
        return f"info@exam{control}ple.org"
    if isinstance(field, forms.URLField):
        return f"https://example.org/{control}gpj.exe"
    return f"395{control}76"  # also reaches postcode and phone fields


def test_introspection_finds_the_forms_with_addresses_links_and_names():
    names = {cls.__qualname__ for cls in project_form_classes()}
    assert {"SignupForm", "ProfileForm", "OrganisationForm", "InviteForm", "SearchForm", "TopicForm"} <= names


def error_codes(form_class, name: str, field: forms.Field, value: str) -> set[str]:
    """The error codes a page shows for this one value: the form's own clean_<field> included."""
    try:
        form = form_class(data={name: value})
    except TypeError:  # needs arguments: judge the field alone
        try:
            field.clean(value)
        except ValidationError as error:
            return {e.code for e in error.error_list}
        return set()
    form.is_valid()
    return {error.code for error in form.errors.as_data().get(name, [])}


@pytest.mark.parametrize("form_class", project_form_classes(), ids=lambda cls: cls.__qualname__)
def test_every_text_field_of_every_form_refuses_text_direction_characters(form_class):
    accepted = []
    for name, field in fields_of(form_class).items():
        if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
            continue
        for control in CONTROLS:
            if "bidi_control" not in error_codes(form_class, name, field, sample(field, control)):
                accepted.append(f"{name} (U+{ord(control):04X})")
    assert accepted == []


# --- allauth's forms (through the account adapter) ---------------------------------------


def test_signup_refuses_an_address_with_a_text_direction_character(client, regions):
    response = client.post(
        "/de/accounts/signup/",
        {
            "display_name": "Mariam Rahimi",
            "email": "mariam@exam\u202eple.org",
            "region": regions["stendal"].pk,
            "password1": "Feldweg-Apfelbaum-2031",
            "password2": "Feldweg-Apfelbaum-2031",
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 200
    assert "ln-error-summary" in response.content.decode()
    assert not User.objects.filter(display_name="Mariam Rahimi").exists()
    assert mail.outbox == []


def test_password_reset_sends_nothing_to_an_address_with_a_text_direction_character(client, volunteer):
    response = client.post("/de/accounts/password/reset/", {"email": f"{volunteer.email}\u200f"})
    assert response.status_code == 200
    assert "ln-error-summary" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u061c"])
def test_adding_or_changing_the_address_refuses_text_direction_characters(rf, volunteer, control):
    form = AddEmailForm(user=volunteer, data={"email": f"helga@exam{control}ple.org"})
    assert not form.is_valid()
    assert "email" in form.errors
    reset = ResetPasswordForm(data={"email": f"helga{control}@example.org"})
    assert not reset.is_valid()
