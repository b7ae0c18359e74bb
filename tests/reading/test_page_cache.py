"""Readers' pages come from the cache until something they show changes (newsroom/page_cache.py).

Each test turns the cache on, reads a page twice as an anonymous reader (the second time
from the cache, without a query), changes something the way editors do, and reads again:
the change is on the next request; a draft never is.
"""

import datetime

import pytest

from django.core.cache import caches
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from newsroom.languages import site_languages
from newsroom.models.pages import PressReleasePage
from newsroom.page_cache import AnonymousPageCache
from tests.helpers import add_release, post_from_form, release_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the cache's invalidation), as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def read(url, **headers):
    return Client().get(url, headers=headers)


def cached(url):
    """Read `url` twice as a reader; the second answer, which must come from the cache."""
    first = read(url)
    assert first.status_code == 200, url
    assert first["X-Page-Cache"] == "miss"
    second = read(url)
    assert second["X-Page-Cache"] == "hit"
    return second


def test_a_second_reader_gets_the_page_from_the_cache_without_a_query(
    translated_release, django_assert_num_queries
):
    release = translated_release["releases"]["pl"]
    first = read(release.url)
    with django_assert_num_queries(0):
        second = read(release.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_every_public_surface_is_cached(translated_release):
    release = translated_release["releases"]["en"]
    cluster_page = translated_release["cluster_pages"]["en"]
    for url in (
        "/en/",
        "/en/news/",
        "/en/news/?year=2021",
        release.url,
        cluster_page.url,
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        "/en/search/?q=cluster",
        "/sitemap.xml",
        "/robots.txt",
    ):
        cached(url)


def test_an_unchanged_page_answers_304_to_a_browser_that_has_it(translated_release):
    url = translated_release["releases"]["ru"].url
    etag = read(url)["ETag"]
    for _ in range(2):  # fresh, then from the cache
        again = read(url, if_none_match=etag)
        assert again.status_code == 304
    assert read("/ru/", if_none_match=etag).status_code == 200


def test_a_published_change_is_on_the_next_request_and_a_draft_never(
    admin_client, translated_release, commits
):
    release = translated_release["releases"]["pl"]
    cluster_page = translated_release["cluster_pages"]["pl"]
    for url in (release.url, cluster_page.url, "/pl/"):
        cached(url)
    edit = reverse("wagtailadmin_pages:edit", args=[release.pk])
    award = translated_release["award"]

    with commits():
        data = release_form_data("Szkic, którego nikt nie widzi", awards=[award], slug=release.slug)
        assert admin_client.post(edit, data).status_code == 302
    for url in (release.url, cluster_page.url, "/pl/"):
        assert "Szkic, którego nikt nie widzi" not in read(url).content.decode(), url

    with commits():
        data = release_form_data("Opublikowana zmiana", awards=[award], slug=release.slug)
        data["action-publish"] = "action-publish"
        assert admin_client.post(edit, data).status_code == 302
    for url in (release.url, cluster_page.url, "/pl/", "/pl/aktualnosci/kanal/rss/"):
        assert "Opublikowana zmiana" in read(url).content.decode(), url


def test_a_record_change_shows_on_every_page_showing_it_in_every_language(
    admin_client, translated_release, commits
):
    releases = translated_release["releases"]
    for release in releases.values():
        cached(release.url)
    with commits():
        post_from_form(
            admin_client,
            translated_release["award"],
            publish=True,
            **{f"distinction_{code}": f"nowe wyróżnienie {code}" for code in site_languages()},
        )
    for code, release in releases.items():
        assert f"nowe wyróżnienie {code}" in read(release.url).content.decode(), code


def test_unpublishing_removes_the_page_at_once(admin_client, translated_release, commits):
    release = translated_release["releases"]["en"]
    cached(release.url)
    with commits():
        response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[release.pk]))
        assert response.status_code == 302
    assert read(release.url).status_code == 404
    assert release.title not in read("/en/news/").content.decode()


def test_a_scheduled_release_is_public_on_the_first_request_after_it_goes_live(
    translated_release, commits
):
    cluster_page = translated_release["cluster_pages"]["pl"]
    release = add_release(cluster_page, title="Zaplanowany komunikat klastra", live=False)
    revision = release.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    cached("/pl/aktualnosci/")
    assert "Zaplanowany komunikat" not in read("/pl/aktualnosci/").content.decode()

    with commits():
        call_command("publish_scheduled")
    assert PressReleasePage.objects.get(pk=release.pk).live
    assert "Zaplanowany komunikat" in read("/pl/aktualnosci/").content.decode()


def test_making_a_page_private_takes_it_out_of_the_cache(translated_release, commits):
    release = translated_release["releases"]["pl"]
    cached(release.url)
    with commits():
        PageViewRestriction.objects.create(
            page=release, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
        )
    answer = read(release.url)
    assert release.title not in answer.content.decode()
    assert "X-Page-Cache" not in answer  # the password form sets a cookie: never stored
    assert read(release.url).get("X-Page-Cache") is None


def test_signed_in_editors_always_get_fresh_pages(admin_client, translated_release):
    release = translated_release["releases"]["pl"]
    cached(release.url)
    # Changed behind the cache's back (no signal): readers keep the stored page…
    PressReleasePage.objects.filter(pk=release.pk).update(title="Zmiana poza sygnałami")
    assert "Zmiana poza sygnałami" not in read(release.url).content.decode()
    # …the signed-in editor reads the database.
    fresh = admin_client.get(release.url)
    assert "Zmiana poza sygnałami" in fresh.content.decode()
    assert "X-Page-Cache" not in fresh


def test_the_admin_and_odd_answers_are_never_stored(translated_release):
    assert "X-Page-Cache" not in read(reverse("wagtailadmin_login"))
    missing = read("/pl/aktualnosci/nie-ma-takiej-strony/")
    assert missing.status_code == 404 and "X-Page-Cache" not in missing
    assert "X-Page-Cache" not in read("/")  # the redirect to the reader's language


def test_an_answer_that_varies_on_a_header_is_served_only_for_the_same_value(rf):
    """A stored answer is kept with the values of the request headers it varies on."""
    made = []

    def view(request):
        language = request.headers.get("Accept-Language", "")
        made.append(language)
        response = HttpResponse(f"for {language}")
        response["Vary"] = "Accept-Language"
        return response

    middleware = AnonymousPageCache(view)

    def get(language):
        return middleware(rf.get("/robots.txt", headers={"accept-language": language}))

    assert get("pl")["X-Page-Cache"] == "miss"
    hit = get("pl")
    assert (hit["X-Page-Cache"], hit.content) == ("hit", b"for pl")
    other = get("ru")
    assert (other["X-Page-Cache"], other.content) == ("miss", b"for ru")
    assert made == ["pl", "ru"]
