import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.languages import site_languages
from tests.factories import AwardFactory, ClusterFactory
from tests.helpers import add_cluster_pages, add_release, text_of

pytestmark = pytest.mark.django_db

NATIVE_DATES = {"pl": "17 czerwca 2021\u00a0r.", "en": "17 June 2021", "ru": "17 июня 2021\u202fг."}
LABEL_NAMES = {
    "pl": "Srebrna Odznaka Jakości Zarządzania Klastrem",
    "en": "Cluster Management Excellence Silver Label",
    "ru": "Серебряный сертификат качества управления кластером",
}


@pytest.mark.parametrize("language", site_languages())
def test_home_lists_releases_of_its_language_with_native_dates(
    client, translated_release, language
):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    body = text_of(response)
    assert f'<html lang="{language}">' in body
    assert translated_release["releases"][language].title in body
    assert NATIVE_DATES[language] in body
    others = [translated_release["releases"][c].title for c in site_languages() if c != language]
    assert not any(title in body for title in others)


@pytest.mark.parametrize("language", site_languages())
def test_release_page_shows_award_card_from_records(client, translated_release, language):
    release = translated_release["releases"][language]
    response = client.get(release.url)
    assert response.status_code == 200
    body = text_of(response)
    assert 'class="award-card award-card--silver"' in body
    assert LABEL_NAMES[language] in body
    assert translated_release["award"].cluster.name_en in body or language != "en"
    # Awarded on 17 June 2021; valid 24 months.
    assert NATIVE_DATES[language] in body
    valid_until = {
        "pl": "17 czerwca 2023\u00a0r.",
        "en": "17 June 2023",
        "ru": "17 июня 2023\u202fг.",
    }
    assert valid_until[language] in body


@pytest.mark.parametrize("language", site_languages())
def test_release_page_links_to_its_translations(client, translated_release, language):
    releases = translated_release["releases"]
    body = text_of(client.get(releases[language].url))
    for other in site_languages():
        if other != language:
            assert f'href="{releases[other].url}" hreflang="{other}"' in body
    assert f'<span aria-current="page" lang="{language}">' in body


def test_language_without_translation_links_to_its_home(client, site_tree, award):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    release = add_release(cluster_pages["pl"], title="Tylko po polsku", awards=[award])
    body = text_of(client.get(release.url))
    assert 'href="/en/?from=untranslated" hreflang="en"' in body
    assert 'href="/ru/?from=untranslated" hreflang="ru"' in body
    notice = text_of(client.get("/en/?from=untranslated"))
    assert "is not available in this language yet" in notice
    assert "is not available in this language yet" not in text_of(client.get("/en/"))


@pytest.mark.parametrize(
    ("language", "strings"),
    [
        ("pl", ["Data przyznania", "Termin ważności", "Klaster"]),
        ("en", ["Awarded on", "Valid until", "Cluster"]),
        ("ru", ["Дата присвоения", "Действителен до", "Кластер"]),
    ],
)
def test_interface_strings_are_in_the_page_language(client, translated_release, language, strings):
    body = text_of(client.get(translated_release["releases"][language].url))
    for string in strings:
        assert string in body


def test_quotes_use_the_language_quotation_marks(client, translated_release):
    release = translated_release["releases"]["ru"]
    release.body = [
        {"type": "quote", "value": {"text": "Отличный результат", "speaker": "Иван", "role": ""}}
    ]
    release.save_revision().publish()
    assert "«Отличный результат»" in text_of(client.get(release.url))


@pytest.mark.parametrize("language", site_languages())
def test_cluster_page_shows_facts_timeline_and_releases(client, translated_release, language):
    cluster_page = translated_release["cluster_pages"][language]
    body = text_of(client.get(cluster_page.url))
    assert {"pl": "Polska", "en": "Poland", "ru": "Польша"}[language] in body
    assert 'class="timeline"' in body
    assert LABEL_NAMES[language] in body
    assert translated_release["releases"][language].title in body


def test_drafts_are_not_listed_or_served(client, translated_release):
    cluster_page = translated_release["cluster_pages"]["en"]
    draft = add_release(cluster_page, title="Unpublished draft", live=False)
    for url in ("/en/", "/en/news/", cluster_page.url):
        assert "Unpublished draft" not in text_of(client.get(url))
    draft_url = f"/en/news/{cluster_page.slug}/{draft.slug}/"
    assert client.get(draft_url).status_code == 404


def test_news_index_is_newest_first_and_paginated(client, site_tree, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    cluster_pages = add_cluster_pages(site_tree, ClusterFactory())
    for day in (1, 3, 2):
        add_release(
            cluster_pages["en"],
            title=f"Release of day {day}",
            release_date=datetime.date(2022, 1, day),
        )
    first = text_of(client.get("/en/news/"))
    assert first.index("Release of day 3") < first.index("Release of day 2")
    assert "Release of day 1" not in first
    assert "3 releases" in first
    second = text_of(client.get("/en/news/?page=2"))
    assert "Release of day 1" in second


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=-1", "?page=99999", "?page=%00", "?page=1e9&x[]=1"]
)
def test_odd_query_strings_never_fail(client, translated_release, query):
    body = text_of(client.get(f"/en/news/{query}"))
    assert "<h1>News en</h1>" in body
    assert translated_release["releases"]["en"].title in body


@pytest.mark.parametrize(
    ("language", "index_url", "expected"),
    [
        ("pl", "/pl/aktualnosci/", {1: "1 komunikat", 2: "2 komunikaty", 5: "5 komunikatów"}),
        ("ru", "/ru/novosti/", {1: "1 пресс-релиз", 2: "2 пресс-релиза", 5: "5 пресс-релизов"}),
        ("en", "/en/news/", {1: "1 release", 2: "2 releases", 5: "5 releases"}),
    ],
)
def test_plural_forms_in_release_count(client, site_tree, language, index_url, expected):
    cluster_pages = add_cluster_pages(site_tree, ClusterFactory())
    for count in range(1, 6):
        add_release(cluster_pages[language], title=f"Release {count}")
        if count in expected:
            assert expected[count] in text_of(client.get(index_url))


def test_listing_pages_run_constant_queries(client, site_tree):
    cluster = ClusterFactory()
    cluster_pages = add_cluster_pages(site_tree, cluster)

    def queries_for(url, newest):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert newest in text_of(response)  # the listing is there, newest release first
        return len(queries)

    add_release(cluster_pages["en"], title="First", awards=[AwardFactory(cluster=cluster)])
    urls = ["/en/", "/en/news/", cluster_pages["en"].url]
    before = {url: queries_for(url, "First") for url in urls}
    for n in range(8):
        add_release(
            cluster_pages["en"],
            title=f"More {n}",
            awards=[AwardFactory(cluster=cluster, awarded_on=datetime.date(2020, 1, n + 1))],
        )
    after = {url: queries_for(url, "More 7") for url in urls}
    assert after == before


def test_release_page_query_budget(client, translated_release, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        client.get(translated_release["releases"]["ru"].url)


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("ru-RU,ru;q=0.9", "/ru/"), ("en-GB,en;q=0.8", "/en/"), ("pl", "/pl/"), ("de-DE", "/pl/")],
)
def test_root_redirects_to_the_preferred_language(client, site_tree, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target
