"""Finding and following news: filters, label level pages, feeds and inflected search."""

import datetime
import re
import uuid

import feedparser
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models.records import Label
from tests.factories import AwardFactory, ClusterFactory, LabelFactory
from tests.helpers import add_cluster_pages, add_release, route_path, search_path, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(site_tree):
    """Two clusters (PL, RU) with releases in English and Polish across levels and years."""
    gold = LabelFactory(
        slug="gold", level=Label.Level.GOLD, name_en="Gold Label", name_pl="Złota Odznaka"
    )
    silver = LabelFactory()
    krakow = ClusterFactory(
        slug="krakow", name_en="Kraków Cluster", name_pl="Klaster Kraków", country="PL"
    )
    kaluga = ClusterFactory(
        slug="kaluga", name_en="Kaluga Cluster", name_pl="Klaster Kaługa", country="RU"
    )
    pages = {c.slug: add_cluster_pages(site_tree, c) for c in (krakow, kaluga)}
    releases = {}
    for title, cluster, label, day in [
        ("Krakow silver", krakow, silver, datetime.date(2021, 6, 17)),
        ("Krakow gold", krakow, gold, datetime.date(2023, 2, 8)),
        ("Kaluga silver", kaluga, silver, datetime.date(2017, 11, 20)),
    ]:
        award = AwardFactory(cluster=cluster, label=label, awarded_on=day)
        key = uuid.uuid4()
        releases[title] = add_release(
            pages[cluster.slug]["en"], title=title, awards=[award], release_date=day, key=key
        )
        add_release(
            pages[cluster.slug]["pl"],
            title=f"PL {title}",
            awards=[award],
            release_date=day,
            key=key,
        )
    return {"releases": releases, "cluster_pages": pages}


def titles_in(body):
    return set(re.findall(r'class="release-summary__title"><a href="[^"]+">([^<]+)</a>', body))


def test_filters_combine_and_count(client, newsroom):
    body = text_of(client.get("/en/news/"))
    assert titles_in(body) == {"Krakow silver", "Krakow gold", "Kaluga silver"}
    assert 'Kraków Cluster <span class="facet__count">(2)</span>' in body
    assert 'Russia <span class="facet__count">(1)</span>' in body

    body = text_of(client.get("/en/news/?cluster=krakow&level=silver"))
    assert titles_in(body) == {"Krakow silver"}
    body = text_of(client.get("/en/news/?country=RU"))
    assert titles_in(body) == {"Kaluga silver"}
    body = text_of(client.get("/en/news/?year=2023"))
    assert titles_in(body) == {"Krakow gold"}
    # Counts follow the other filters: with level=gold only Kraków has releases.
    body = text_of(client.get("/en/news/?level=gold"))
    assert "Kaluga Cluster" not in body.split('class="filters"')[1].split("</aside>")[0]


def test_filter_links_are_shareable_and_keep_other_filters(client, newsroom):
    body = text_of(client.get("/en/news/?level=silver"))
    assert 'href="?cluster=krakow&amp;level=silver"' in body


@pytest.mark.parametrize(
    "query",
    [
        "?cluster=nope",
        "?level=platinum",
        "?country=XYZ",
        "?year=abc",
        "?year=99999",
        "?cluster=%00",
        "?level[]=gold",
        "?cluster=a&cluster=b",
        "?page=2&year=2021",
    ],
)
def test_odd_filter_values_never_fail(client, newsroom, query):
    response = client.get(f"/en/news/{query}")
    assert response.status_code == 200


def test_malformed_filter_is_ignored_with_a_notice(client, newsroom):
    body = text_of(client.get("/en/news/?level=platinum"))
    assert titles_in(body) == {"Krakow silver", "Krakow gold", "Kaluga silver"}
    assert "were not understood and are ignored" in body


def test_level_pages_list_their_announcements(client, newsroom):
    body = text_of(client.get("/en/news/level/silver/"))
    assert "<h1>Silver labels</h1>" in body
    assert titles_in(body) == {"Krakow silver", "Kaluga silver"}
    polish = text_of(client.get("/pl/aktualnosci/poziom/zloty/"))
    assert "<h1>Złote odznaki</h1>" in polish
    assert titles_in(polish) == {"PL Krakow gold"}
    assert client.get("/en/news/level/platinum/").status_code == 404


def test_index_queries_do_not_grow_with_releases(client, newsroom):
    def count(url):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    count("/en/news/?level=silver")  # warm Wagtail's site-root cache
    before = count("/en/news/?level=silver")
    page = newsroom["cluster_pages"]["krakow"]["en"]
    for n in range(6):
        add_release(
            page, title=f"More {n}", awards=[AwardFactory(awarded_on=datetime.date(2020, 1, n + 1))]
        )
    assert count("/en/news/?level=silver") == before


@pytest.mark.parametrize(
    ("url", "titles", "language"),
    [
        ("/en/news/feed/rss/", {"Krakow silver", "Krakow gold", "Kaluga silver"}, "en"),
        (
            "/pl/aktualnosci/kanal/atom/",
            {"PL Krakow silver", "PL Krakow gold", "PL Kaluga silver"},
            "pl",
        ),
        ("/en/news/level/gold/feed/rss/", {"Krakow gold"}, "en"),
        ("/en/news/kaluga/feed/atom/", {"Kaluga silver"}, "en"),
    ],
)
def test_feeds_parse_cleanly_with_language_links_and_dates(client, newsroom, url, titles, language):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language or feed.feed.get("language") == language
    assert {entry.title for entry in feed.entries} == titles
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/")
        assert entry.published_parsed is not None
        assert entry.summary.startswith("Lead of")


def test_a_feed_is_sent_in_one_piece(client, newsroom):
    """A WSGI server sends each piece of a response with its own system call: a feed in
    hundreds of pieces (as Django's feed writer makes it) costs a cached feed 4× its time."""
    response = client.get("/en/news/feed/rss/")
    assert response.status_code == 200
    assert [len(piece) for piece in response] == [len(response.content)]


def test_feed_dates_are_release_dates(client, newsroom):
    feed = feedparser.parse(client.get("/en/news/feed/rss/").content)
    dates = {e.title: datetime.date(*e.published_parsed[:3]) for e in feed.entries}
    assert dates["Kaluga silver"] == datetime.date(2017, 11, 20)


def test_drafts_never_reach_feeds_or_search(client, newsroom):
    add_release(newsroom["cluster_pages"]["kaluga"]["en"], title="Secret cluster draft", live=False)
    assert b"Secret cluster draft" not in client.get("/en/news/feed/rss/").content
    assert b"Secret cluster draft" not in client.get("/en/news/kaluga/feed/atom/").content
    assert b"Secret cluster draft" not in client.get("/en/search/?q=secret").content


def test_pages_link_their_feeds(client, newsroom):
    body = text_of(client.get("/en/news/"))
    assert '<link rel="alternate" type="application/rss+xml"' in body
    assert 'href="/en/news/feed/atom/"' in body
    assert 'href="/en/news/kaluga/feed/rss/"' in text_of(client.get("/en/news/kaluga/"))


def test_unknown_feed_kind_is_not_found(client, newsroom):
    assert client.get("/en/news/feed/json/").status_code == 404


@pytest.fixture
def inflected_releases(site_tree):
    cluster = ClusterFactory(
        name_pl="Klaster Testowy", name_en="Test Cluster", name_ru="Тестовый кластер"
    )
    pages = add_cluster_pages(site_tree, cluster)
    texts = {
        "pl": ("Klaster otrzymał srebrną odznakę", "Nasz klaster świętuje sukces."),
        "en": ("The cluster receives its label", "Our cluster celebrates."),
        "ru": ("Кластер получил сертификат", "Наш кластер празднует успех."),
    }
    releases = {}
    for code, (title, body) in texts.items():
        release = add_release(pages[code], title=title)
        release.lead = body
        release.save_revision().publish()
        releases[code] = release
    return releases


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("pl", "klastra"),
        ("pl", "klastrów"),
        ("pl", "srebrna"),
        ("ru", "кластера"),
        ("ru", "кластеров"),
        ("en", "clusters"),
    ],
)
def test_search_understands_inflection(client, inflected_releases, language, query):
    response = client.get(search_path(language), {"q": query})
    body = text_of(response)
    assert inflected_releases[language].title in body
    assert "<mark>" in body


def test_search_stays_in_the_readers_language(client, inflected_releases):
    body = text_of(client.get("/pl/szukaj/", {"q": "cluster"}))
    assert inflected_releases["en"].title not in body


@pytest.mark.parametrize("query", ["", " ", "%00", "a" * 5000, "!!!", "клас" * 300, "' OR 1=1 --"])
def test_odd_searches_never_fail(client, inflected_releases, query):
    body = text_of(client.get("/en/search/", {"q": query}))
    assert "<h1>Search</h1>" in body and 'id="search-q"' in body
    assert 'class="release-summary' not in body  # nothing found, and no error either


def test_search_result_pagination_keeps_the_query(client, site_tree, settings):
    settings.NEWSROOM_PAGE_SIZE = 1
    pages = add_cluster_pages(site_tree, ClusterFactory())
    for n in range(2):
        add_release(pages["en"], title=f"Cluster news {n}")
    body = text_of(client.get("/en/search/", {"q": "cluster"}))
    assert 'href="?q=cluster&amp;page=2"' in body


def demo_feed_urls():
    from newsroom.models.pages import ClusterNewsPage, NewsIndexPage

    urls = []  # (address, language)
    for index in NewsIndexPage.objects.live().select_related("locale"):
        code = index.locale.language_code
        urls.append((index.url, code))
        urls += [
            (index.url + route_path(code, "level", level), code) for level in Label.Level.values
        ]
    for page in ClusterNewsPage.objects.live().select_related("locale"):
        urls.append((page.url, page.locale.language_code))
    return [url + route_path(code, "feed", kind) for url, code in urls for kind in ("rss", "atom")]


def test_every_feed_of_the_demo_parses_cleanly(client, demo_site):
    urls = demo_feed_urls()
    assert len(urls) == 42  # 3 indexes, 12 level pages, 6 cluster pages; RSS and Atom each
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.bozo_exception)
        assert feed.feed.language == url[1:3], url
        assert feed.feed.link.startswith("http://testserver/"), url
        for entry in feed.entries:
            assert entry.link.startswith(f"http://testserver/{url[1:3]}/"), url
            assert entry.published_parsed and entry.summary and entry.title
