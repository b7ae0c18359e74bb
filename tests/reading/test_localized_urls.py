"""Addresses in the reader's language: /pl/szukaj/, /ru/novosti/uroven/serebryany/; the old
English words answer with a permanent redirect (query kept), and the language switcher
keeps the route, the level, the filters and the search query."""

import re

import pytest

from newsroom.slugs import ROUTE_WORDS, is_ascii_slug
from tests.helpers import text_of
from tests.reading.test_seo import HeadParser

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
LEVEL_PAGES = {
    "pl": "/pl/aktualnosci/poziom/srebrny/",
    "en": "/en/news/level/silver/",
    "ru": "/ru/novosti/uroven/serebryany/",
}


def switcher(response):
    """{language: href} of the language switcher's links."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S)
    return {
        language: href.replace("&amp;", "&")
        for href, language in re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"', nav.group(0))
    }


def head(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def test_route_words_are_ascii_and_distinct_in_each_language():
    languages = {language for words in ROUTE_WORDS.values() for language in words}
    for language in languages:
        words = [words.get(language, word) for word, words in ROUTE_WORDS.items()]
        assert all(is_ascii_slug(word) for word in words)
        assert len(set(words)) == len(words), language


@pytest.mark.parametrize(
    "url",
    [
        "/pl/szukaj/?q=klaster",
        "/en/search/?q=cluster",
        "/ru/poisk/?q=кластер",
        *LEVEL_PAGES.values(),
        "/pl/aktualnosci/klastry/",
        "/ru/novosti/klastery/",
        "/en/news/clusters/",
        "/pl/aktualnosci/kanal/rss/",
        "/ru/novosti/lenta/atom/",
        "/en/news/feed/rss/",
        "/pl/aktualnosci/poziom/zloty/kanal/rss/",
        "/ru/novosti/uroven/status/lenta/atom/",
    ],
)
def test_each_language_has_its_own_words(client, translated_release, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/pl/search/?q=klaster&page=2", "/pl/szukaj/?q=klaster&page=2"),
        ("/ru/search/?q=%D0%BA", "/ru/poisk/?q=%D0%BA"),
        ("/pl/aktualnosci/level/silver/?year=2021", "/pl/aktualnosci/poziom/srebrny/?year=2021"),
        ("/ru/novosti/level/gold/", "/ru/novosti/uroven/zolotoy/"),
        ("/pl/aktualnosci/clusters/", "/pl/aktualnosci/klastry/"),
        ("/ru/novosti/feed/rss/", "/ru/novosti/lenta/rss/"),
        ("/pl/aktualnosci/level/bronze/feed/atom/", "/pl/aktualnosci/poziom/brazowy/kanal/atom/"),
    ],
)
def test_the_old_english_words_redirect_permanently(client, translated_release, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_a_cluster_pages_feed_moves_to_its_languages_words(client, translated_release):
    cluster_page = translated_release["cluster_pages"]["ru"].url
    response = client.get(f"{cluster_page}feed/rss/")
    assert response.status_code == 301
    assert response["Location"] == f"{cluster_page}lenta/rss/"
    assert client.get(f"{cluster_page}lenta/rss/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/pl/aktualnosci/poziom/silver/",  # a word of another language
        "/pl/aktualnosci/level/srebrny/",
        "/pl/aktualnosci/poziom/platynowy/",
        "/pl/aktualnosci/level/platinum/",
        "/ru/novosti/uroven/srebrny/",
        "/pl/aktualnosci/kanal/json/",
        "/en/news/poziom/srebrny/",
    ],
)
def test_unknown_words_are_not_found(client, translated_release, url):
    assert client.get(url).status_code == 404


def test_links_feeds_and_hreflang_use_the_pages_words(client, translated_release):
    response = client.get("/ru/novosti/")
    html = response.content.decode()
    assert 'href="/ru/novosti/uroven/serebryany/"' in html
    assert 'href="/ru/novosti/lenta/rss/"' in html  # the feed's <link rel="alternate">
    assert "/level/" not in html and "/feed/" not in html

    level_page = client.get(LEVEL_PAGES["pl"])
    metadata = head(level_page)
    assert metadata.canonical() == BASE + LEVEL_PAGES["pl"]
    assert metadata.hreflangs() == {
        "pl": BASE + LEVEL_PAGES["pl"],
        "en": BASE + LEVEL_PAGES["en"],
        "ru": BASE + LEVEL_PAGES["ru"],
        "x-default": BASE + LEVEL_PAGES["pl"],
    }
    assert 'href="/pl/aktualnosci/poziom/srebrny/kanal/atom/"' in level_page.content.decode()
    # The navigation's search link, in the page's language.
    assert 'action="/pl/szukaj/"' in text_of(client.get("/pl/szukaj/"))


def test_the_switcher_keeps_the_level_page_and_its_filters(client, translated_release):
    response = client.get(LEVEL_PAGES["pl"], {"year": "2021", "country": "PL", "page": "1"})
    links = switcher(response)
    # The filters every language shares, not the page number of this language's list.
    assert links == {
        "en": "/en/news/level/silver/?country=PL&year=2021",
        "ru": "/ru/novosti/uroven/serebryany/?country=PL&year=2021",
    }
    for url in links.values():
        assert client.get(url).status_code == 200
    # hreflang names the lists themselves, not the reader's filters.
    assert head(response).hreflangs()["en"] == BASE + LEVEL_PAGES["en"]


def test_the_switcher_keeps_the_filters_of_the_news_list(client, translated_release):
    cluster = translated_release["award"].cluster.slug
    links = switcher(client.get("/ru/novosti/", {"cluster": cluster, "year": "2021"}))
    assert links["pl"] == f"/pl/aktualnosci/?cluster={cluster}&year=2021"
    assert links["en"] == f"/en/news/?cluster={cluster}&year=2021"


def test_the_switcher_keeps_the_cluster_directory(client, translated_release):
    assert switcher(client.get("/en/news/clusters/")) == {
        "pl": "/pl/aktualnosci/klastry/",
        "ru": "/ru/novosti/klastery/",
    }


def test_the_switcher_keeps_the_search_query(client, translated_release):
    links = switcher(client.get("/pl/szukaj/", {"q": "klaster", "page": "2"}))
    assert links == {"en": "/en/search/?q=klaster", "ru": "/ru/poisk/?q=klaster"}
