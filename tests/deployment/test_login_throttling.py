"""Guessing admin passwords is throttled (django-axes): after 5 wrong passwords for one
account from one address, even the right one is refused for 15 minutes, with a page in the
user's language; other accounts and a right password before the limit are unaffected."""

import pytest

from django.utils import translation

from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def boss(db):
    user = SuperuserFactory(username="boss")
    user.set_password("the-right-password")
    user.save()
    return user


def sign_in(client, username, password, language="pl"):
    return client.post(
        LOGIN, {"username": username, "password": password}, HTTP_ACCEPT_LANGUAGE=language
    )


def test_the_right_password_after_five_wrong_ones_is_refused(client, boss):
    for _ in range(4):
        assert sign_in(client, "boss", "guess").status_code == 200  # the form, with its error
    assert sign_in(client, "boss", "guess").status_code == 429  # the fifth locks
    response = sign_in(client, "boss", "the-right-password", language="ru")
    assert response.status_code == 429
    assert "newsroom/locked_out.html" in [template.name for template in response.templates]
    with translation.override("ru"):
        title = translation.gettext("Too many failed sign-in attempts")
    assert title in response.content.decode() and title != "Too many failed sign-in attempts"
    assert '<html lang="ru">' in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still signed out


def test_other_accounts_and_a_right_password_in_time_are_not_affected(client, boss):
    other = SuperuserFactory(username="anna")
    other.set_password("annas-password")
    other.save()
    for _ in range(5):
        sign_in(client, "boss", "guess")
    assert sign_in(client, "anna", "annas-password").status_code == 302

    client.logout()
    for _ in range(4):
        sign_in(client, "anna", "guess")
    assert sign_in(client, "anna", "annas-password").status_code == 302
    client.logout()
    for _ in range(4):  # the success reset the count
        sign_in(client, "anna", "guess")
    assert sign_in(client, "anna", "annas-password").status_code == 302
