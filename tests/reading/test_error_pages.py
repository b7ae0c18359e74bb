"""Readers' 404 and 500 pages: on the site's design, in the language of the address (else
the browser's), linking to that language's home and search; the 500 page without a query.

Test settings run with DEBUG = False (as production), so Django answers with the
handlers of cms/urls.py, not its technical pages.
"""

import re

import pytest

from django.test import Client
from django.utils import translation

from newsroom.reading import errors
from tests.helpers import as_plain_spaces, search_path

NOT_FOUND_HEADING = "Page not found"
NOT_FOUND_TEXT = (
    "There is no page at this address. It may have moved, or the address may have a typo."
)
SERVER_ERROR_HEADING = "Something went wrong on our side"
HOME_LINK = "Go to the home page"

# What a reader sees on the Polish and Russian pages: Django's own catalogs translate
# "Page not found"; the rest is the project's catalogs.
ERROR_PAGE_COPY = [
    NOT_FOUND_TEXT,
    HOME_LINK,
    SERVER_ERROR_HEADING,
    "Please try again in a few minutes.",
]


def html_lang(response):
    return re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1)


def heading(response):
    """The <h1>'s words, its non-breaking spaces (newsroom.typography) read as spaces."""
    h1 = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()
    return as_plain_spaces(h1)


def assert_on_site_design(response, language):
    html = response.content.decode()
    assert html_lang(response) == language
    assert 'href="/static/newsroom/css/site.css"' in html
    assert f'class="site-header__brand" href="/{language}/"' in html
    search_form = (
        f'<form class="search-form" role="search" method="get" action="{search_path(language)}">'
    )
    assert search_form in html
    assert f'<a href="/{language}/">' in html


def assert_strict_public_policy(response):
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy + ";" and "style-src 'self';" in policy + ";"
    assert "'unsafe-inline'" not in policy
    html = response.content.decode()
    assert "<script" not in html and "style=" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, language",
    [
        ("/pl/nie-ma-takiej-strony/", "pl"),
        ("/en/no-such-page/", "en"),
        ("/ru/net-takoi-stranitsy/", "ru"),
        # A route of a live page raising Http404 (no such level), and an unknown slug below it.
        ("/pl/aktualnosci/level/zadna/", "pl"),
        ("/ru/novosti/net/takoi/", "ru"),
    ],
)
def test_not_found_is_on_the_site_design_in_the_address_language(client, site_tree, url, language):
    response = client.get(url)

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert_on_site_design(response, language)
    with translation.override(language):
        assert heading(response) == translation.gettext(NOT_FOUND_HEADING)
    assert_strict_public_policy(response)


@pytest.mark.django_db
def test_english_not_found_reads_in_english(client, site_tree):
    response = client.get("/en/no-such-page/")
    html = response.content.decode()
    assert heading(response) == NOT_FOUND_HEADING
    assert f"<title>{NOT_FOUND_HEADING} · " in html
    assert NOT_FOUND_TEXT in html and HOME_LINK in html
    assert '<a href="/en/news/">' in html  # the navigation every page shows


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "ru"])
def test_polish_and_russian_error_pages_are_not_in_english(client, rf, site_tree, language):
    """NEEDS CATALOGS: fails until locale/pl and locale/ru translate ERROR_PAGE_COPY."""
    not_found = client.get(f"/{language}/no-such-page/").content.decode()
    server_error = errors.server_error(rf.get(f"/{language}/")).content.decode()

    assert NOT_FOUND_HEADING not in not_found
    for text in ERROR_PAGE_COPY:
        assert text not in not_found and text not in server_error, (language, text)


@pytest.mark.django_db
@pytest.mark.parametrize("accept_language, language", [("ru", "ru"), ("en-GB,en;q=0.8", "en")])
def test_address_without_a_language_gets_the_browsers_choice(
    client, site_tree, accept_language, language
):
    # A missing sitemap section is a 404 outside the language prefixes.
    response = client.get("/sitemap-no-such-section.xml", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 404
    assert_on_site_design(response, language)


@pytest.mark.django_db
def test_not_found_runs_a_fixed_handful_of_queries(
    client, site_tree, django_assert_max_num_queries
):
    # Site, locale, the pages along the path, the view restrictions, the news index of the
    # navigation and Wagtail's redirect lookup, however deep the missing address (the
    # first request also reads the sites' root paths, cached from then on).
    for url in ("/pl/nie-ma/", "/pl/aktualnosci/a/b/c/d/e/f/", "/ru/novosti/x/y/z/"):
        with django_assert_max_num_queries(9):
            assert client.get(url).status_code == 404


def test_server_error_renders_when_the_database_is_unreachable():
    """No django_db mark: every query raises, as it does when the database is down.

    The page's own query fails, and the 500 page must still come out whole.
    """
    client = Client(raise_request_exception=False)
    response = client.get("/ru/novosti/")

    assert response.status_code == 500
    assert "500.html" in [template.name for template in response.templates]
    assert_on_site_design(response, "ru")
    assert_strict_public_policy(response)


def test_server_error_without_a_language_prefix_uses_the_browsers_choice():
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    response = client.get("/sitemap.xml")

    assert response.status_code == 500
    assert_on_site_design(response, "en")
    assert heading(response) == SERVER_ERROR_HEADING


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_server_error_makes_no_query(rf, site_tree, language, django_assert_num_queries):
    request = rf.get(f"/{language}/aktualnosci/")
    with django_assert_num_queries(0):
        response = errors.server_error(request)

    assert response.status_code == 500
    assert_on_site_design(response, language)


def test_server_error_falls_back_to_a_plain_page_when_its_template_fails(rf, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry")

    monkeypatch.setattr(errors.loader, "render_to_string", broken)
    response = errors.server_error(rf.get("/en/news/"))

    assert response.status_code == 500
    assert html_lang(response) == "en"
    assert heading(response) == SERVER_ERROR_HEADING
