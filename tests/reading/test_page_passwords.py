"""Wagtail's page view password form, throttled per address and restriction like the login."""

import datetime
import time

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

PASSWORD = "tajne-haslo"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_release(translated_release):
    """The Russian release behind a password."""
    release = translated_release["releases"]["ru"]
    restriction = PageViewRestriction.objects.create(
        page=release, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return release, restriction


def try_password(client, private_release, password, address="203.0.113.7"):
    release, restriction = private_release
    return client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, release.pk]),
        {"password": password, "return_url": release.url},
        REMOTE_ADDR=address,
    )


def test_the_right_password_opens_the_page(client, private_release):
    release, _restriction = private_release
    assert client.get(release.url).status_code == 200
    assert release.title not in client.get(release.url).content.decode()

    response = try_password(client, private_release, PASSWORD)

    assert response.status_code == 302
    assert release.title in client.get(release.url).content.decode()


def test_five_wrong_passwords_lock_the_form_even_for_the_right_one(client, private_release):
    release, _restriction = private_release
    for _attempt in range(5):
        assert try_password(client, private_release, "zgaduję").status_code == 200

    response = try_password(client, private_release, PASSWORD)

    assert response.status_code == 429
    # The URL has no language: the page's own (Russian) tells the reader what happened.
    with translation.override("ru"):
        heading = translation.gettext("Too many wrong passwords")
    html = response.content.decode()
    assert heading in html and '<html lang="ru">' in html
    assert release.title not in html
    assert release.title not in client.get(release.url).content.decode()


def test_thirty_wrong_passwords_then_the_right_one_stays_locked(client, private_release):
    statuses = [try_password(client, private_release, f"guess-{n}").status_code for n in range(30)]

    assert statuses[:5] == [200] * 5
    assert set(statuses[5:]) == {429}
    assert try_password(client, private_release, PASSWORD).status_code == 429


def test_lock_is_per_address_and_the_right_password_resets_the_count(client, private_release):
    for _attempt in range(4):
        try_password(client, private_release, "zgaduję")
    assert try_password(client, private_release, PASSWORD).status_code == 302
    # Reset: four more wrong ones are still allowed.
    for _attempt in range(4):
        assert try_password(client, private_release, "zgaduję").status_code == 200
    assert try_password(client, private_release, PASSWORD).status_code == 302

    for _attempt in range(5):
        try_password(client, private_release, "zgaduję")
    assert try_password(client, private_release, PASSWORD).status_code == 429
    # Another reader, at another address, is not locked out.
    assert (
        try_password(client, private_release, PASSWORD, address="198.51.100.2").status_code == 302
    )


def test_lock_ends_after_the_cool_off(client, private_release, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=1)
    for _attempt in range(5):
        try_password(client, private_release, "zgaduję")
    assert try_password(client, private_release, PASSWORD).status_code == 429

    time.sleep(1.2)

    assert try_password(client, private_release, PASSWORD).status_code == 302
