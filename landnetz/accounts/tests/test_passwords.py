"""Weak passwords are refused on sign-up and password change (issue 6, item 13).

"aaaaaaaaaaaa", "passwort1234" and "Landnetz2026" passed Django's validators (English
list, exact match). ``GermanPasswordValidator`` adds a German list compared after
folding and trimming digits and signs, the site's and the member's own name, repeats
and keyboard walks — and strong passphrases still pass.
"""

import random
import string

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from landnetz.accounts.models import User
from landnetz.accounts.validators import MESSAGES, common_passwords, fold
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

WEAK = {
    "aaaaaaaaaaaa": "password_repetitive",
    "abababababab": "password_repetitive",
    "111111111111": "password_repetitive",
    "hallo1hallo1": "password_repetitive",
    "passwort1234": "password_common_de",
    "Passwort!2026": "password_common_de",
    "P@ssw0rt-2026": "password_common_de",
    "Sommer2026!!": "password_common_de",
    "ich liebe dich!": "password_common_de",
    "Fußball-2026!": "password_common_de",
    "hallomausi123": "password_common_de",
    "Landnetz2026": "password_site_name",
    "SachsenAnhalt!2026": "password_site_name",
    "Landnetz-Demo-2026": "password_site_name",
    "qwertzuiopasdf": "password_sequence",
    "abcdefghijklm": "password_sequence",
}
STRONG = "Feldweg-Apfelbaum-2031"


def signup(client, regions, password, name="Mariam Rahimi"):
    return client.post(
        "/en/accounts/signup/",
        {
            "display_name": name,
            "email": "mariam@example.org",
            "region": regions["stendal"].pk,
            "password1": password,
            "password2": password,
            "privacy_consent": "on",
        },
    )


@pytest.mark.parametrize(("password", "code"), WEAK.items())
def test_signup_refuses_weak_passwords_with_a_clear_message(client, regions, password, code):
    response = signup(client, regions, password)
    assert response.status_code == 200
    assert not User.objects.filter(email="mariam@example.org").exists()
    assert escape(str(MESSAGES[code])) in response.content.decode()


def test_signup_refuses_a_password_built_on_the_own_name(client, regions):
    # allauth checks the password against the e-mail address only; the name comes from our form.
    response = signup(client, regions, "Rahimi-1980!!", name="Mariam Rahimi")
    assert response.status_code == 200
    assert escape(str(MESSAGES["password_personal"])) in response.content.decode()
    assert not User.objects.exists()


def test_signup_page_explains_the_rules_and_a_strong_password_passes(client, regions):
    assert "keyboard pattern" in client.get("/en/accounts/signup/").content.decode()
    assert signup(client, regions, STRONG).status_code == 302
    assert User.objects.filter(email="mariam@example.org").exists()


def change_password(client, user, new):
    client.force_login(user)
    return client.post(
        "/en/accounts/password/change/", {"oldpassword": TEST_PASSWORD, "password1": new, "password2": new}
    )


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("passwort1234", "password_common_de"),
        ("Landnetz2026", "password_site_name"),
        ("aaaaaaaaaaaa", "password_repetitive"),
        ("Helga!!2026!!", "password_personal"),  # volunteer is Helga Wiesner
        ("Wiesner#1970#", "password_personal"),
    ],
)
def test_password_change_refuses_weak_passwords(client, volunteer, password, code):
    response = change_password(client, volunteer, password)
    assert response.status_code == 200
    assert escape(str(MESSAGES[code])) in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.check_password(TEST_PASSWORD)


def test_password_change_takes_a_strong_passphrase(client, volunteer):
    assert change_password(client, volunteer, "Dorfteich-Kastanie-4417").status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.check_password("Dorfteich-Kastanie-4417")


def test_the_list_is_long_and_folded():
    words = common_passwords()
    assert len(words) >= 300
    assert {"passwort", "hallo", "schatz", "fussball", "sommer", "geheim", "qwertz", "ichliebedich"} <= words
    assert all(word == fold(word) for word in words)


# Words that are on no list, for passphrases a person might choose.
WORDS = [
    "Feldweg",
    "Apfelbaum",
    "Dorfteich",
    "Kastanie",
    "Leuchtturm",
    "Brennnessel",
    "Rübenacker",
    "Klapperstorch",
    "Holzbrücke",
    "Mühlrad",
    "Heuboden",
    "Sandkasten",
    "Gießkanne",
    "Wetterhahn",
    "Kirchturm",
    "Lindenallee",
    "Kohlrabi",
    "Spargelfeld",
    "Zugvogel",
    "Kompass",
    "Nebelhorn",
    "Wasserturm",
    "Backstein",
    "Strohhut",
    "Rapsfeld",
    "Fischtreppe",
    "Hagebutte",
    "Schlehe",
    "Heidekraut",
    "Zaunkönig",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=3, max_size=5, unique=True),
    separator=st.sampled_from(["-", " ", ".", "_", ""]),
    lower=st.booleans(),
    number=st.one_of(st.none(), st.integers(0, 9999)),
)
def test_passphrases_of_unrelated_words_pass(volunteer, words, separator, lower, number):
    password = separator.join(word.lower() if lower else word for word in words)
    if number is not None:
        password += f"{separator}{number}"
    validate_password(password, user=volunteer)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0), length=st.integers(min_value=14, max_value=40))
def test_random_passwords_from_a_generator_pass(volunteer, seed, length):
    rng = random.Random(seed)  # a password manager's output, not one a test picked
    password = "".join(rng.choices(string.ascii_letters + string.digits + "-_.!?#", k=length))
    validate_password(password, user=volunteer)


def test_weak_passwords_fail_the_whole_validator_chain(volunteer):
    for password in WEAK:
        with pytest.raises(ValidationError):
            validate_password(password, user=volunteer)
