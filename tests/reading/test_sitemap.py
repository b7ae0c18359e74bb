"""/sitemap.xml: a sitemap index of paged sitemaps (pages, then tag lists), each entry with
its reciprocal hreflang set and x-default; robots.txt points crawlers to it."""

import datetime
import math
import re
from urllib.parse import urlsplit

import pytest
from lxml import etree

from django.db.models import Max
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from newsroom.languages import site_languages
from newsroom.models.pages import PressReleasePageTag
from newsroom.models.records import ReleaseTag
from tests.factories import ClusterFactory
from tests.helpers import SITEMAP_NS, add_cluster_pages, add_release, read_sitemap

pytestmark = pytest.mark.django_db

# A tag list's address: "tag" in Polish and English, "teg" in Russian (newsroom.slugs).
TAG_LIST = re.compile(r"/(tag|teg)/")

BASE = "http://testserver"
# The index: the view restrictions, then per section a count and its latest publication.
INDEX_QUERIES = 5
# A page of pages: the view restrictions, the count, the slice, the slice's families and
# the request's Site (which decides whether URLs need a host).
PAGES_QUERIES = 5
# A page of tag lists: the view restrictions, the count, the tags, the languages carrying
# each, the news indexes and the request's Site.
TAGS_QUERIES = 6


def absolute(url):
    return BASE + url


def tagged(release, name="wspolny-temat"):
    """Tag `release` with the tag `name`, named in every language."""
    tag, _ = ReleaseTag.objects.get_or_create(
        name=name, defaults={f"label_{code}": f"{name} {code}" for code in site_languages()}
    )
    PressReleasePageTag.objects.create(content_object=release, tag=tag)
    return tag


def add_families(site_tree, count):
    """`count` more releases in every language, each family under a cluster of its own
    page and carrying a tag of its own."""
    cluster = ClusterFactory()
    cluster_pages = add_cluster_pages(site_tree, cluster)
    for n in range(count):
        key = None
        for language in site_languages():
            release = add_release(cluster_pages[language], title=f"More {n}", key=key)
            key = release.translation_key
            tagged(release, f"temat-{n}")


# --- what it lists ------------------------------------------------------------------


def test_sitemap_lists_every_live_page_with_absolute_urls(client, translated_release):
    entries = read_sitemap(client).entries
    releases = translated_release["releases"]
    expected = {"/pl/", "/en/", "/ru/", "/pl/aktualnosci/", "/en/news/", "/ru/novosti/"}
    expected |= {page.url for page in translated_release["cluster_pages"].values()}
    expected |= {page.url for page in releases.values()}
    assert set(entries) == {absolute(url) for url in expected}
    published = {
        absolute(page.url): page.last_published_at
        for page in Page.objects.live().filter(depth__gt=1)
    }
    for loc, entry in entries.items():
        assert urlsplit(loc).scheme == "http" and urlsplit(loc).netloc == "testserver"
        assert entry["lastmod"] == timezone.localtime(published[loc]).date().isoformat()


def assert_reciprocal(entries):
    language_of = {loc: urlsplit(loc).path.split("/")[1] for loc in entries}
    for loc, entry in entries.items():
        alternates = entry["alts"]
        assert alternates[language_of[loc]] == loc, "an entry lists itself"
        assert "x-default" in alternates
        assert alternates["x-default"] == alternates.get("pl", loc)
        for language, href in alternates.items():
            if language == "x-default":
                continue
            assert href in entries, f"{href} is an alternate but not in the sitemap"
            assert entries[href]["alts"][language_of[loc]] == loc


def test_sitemap_alternates_are_reciprocal_with_x_default(client, translated_release):
    entries = read_sitemap(client).entries
    assert_reciprocal(entries)
    release_pl = absolute(translated_release["releases"]["pl"].url)
    release_ru = absolute(translated_release["releases"]["ru"].url)
    assert entries[release_ru]["alts"]["x-default"] == release_pl
    assert list(entries[release_ru]["alts"]) == ["pl", "en", "ru", "x-default"]


def test_sitemap_x_default_is_the_page_itself_without_polish_version(client, site_tree):
    cluster_pages = add_cluster_pages(site_tree, ClusterFactory())
    release = add_release(cluster_pages["en"], title="English only")
    entries = read_sitemap(client).entries
    loc = absolute(release.url)
    assert entries[loc]["alts"] == {"en": loc, "x-default": loc}


def test_sitemap_leaves_out_drafts_unpublished_and_private_pages(
    client, translated_release, settings
):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 3  # the hidden pages are absent from every page
    cluster_pages = translated_release["cluster_pages"]
    draft = add_release(cluster_pages["en"], title="Unpublished draft", live=False)
    unpublished = add_release(cluster_pages["en"], title="Withdrawn")
    unpublished.refresh_from_db()  # publish() went through a revision, not this instance
    unpublished.unpublish()
    private_ru = translated_release["releases"]["ru"]
    PageViewRestriction.objects.create(
        page=private_ru, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    sitemap = read_sitemap(client)
    assert len(sitemap.sitemaps) == 4  # 11 pages, 3 a page
    for slug in (draft.slug, unpublished.slug, private_ru.slug):
        assert slug not in sitemap.text
    release_en = absolute(translated_release["releases"]["en"].url)
    assert set(sitemap.entries[release_en]["alts"]) == {"pl", "en", "x-default"}


def test_demo_site_sitemap_is_complete_and_reciprocal(client, demo_site):
    sitemap = read_sitemap(client)
    entries = sitemap.entries
    assert len(entries) > 9
    assert_reciprocal(entries)
    for loc in list(entries)[:: max(1, len(entries) // 8)]:
        assert client.get(urlsplit(loc).path).status_code == 200
    # Each page of the site once, and the tag lists in a section of their own.
    pages = Page.objects.live().public().filter(depth__gt=1).count()
    listed = [loc for loc in entries if not TAG_LIST.search(loc)]
    assert len(listed) == pages
    tag_lists = [loc for loc in entries if TAG_LIST.search(loc)]
    assert tag_lists
    assert [urlsplit(url).path for url in sitemap.sitemaps] == [
        "/sitemap-pages.xml",
        "/sitemap-tags.xml",
    ]
    assert all(loc.encode() in sitemap.sitemaps[f"{BASE}/sitemap-tags.xml"] for loc in tag_lists)


# --- the index and its pages --------------------------------------------------------


def index_entries(client):
    """[(loc, lastmod)] of the sitemap index."""
    root = etree.fromstring(client.get("/sitemap.xml").content)
    return [
        (
            sitemap.findtext("sm:loc", namespaces=SITEMAP_NS),
            datetime.datetime.fromisoformat(sitemap.findtext("sm:lastmod", namespaces=SITEMAP_NS)),
        )
        for sitemap in root.findall("sm:sitemap", SITEMAP_NS)
    ]


def test_the_index_lists_each_page_of_each_section_with_its_latest_publication(
    client, translated_release, settings
):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 4
    releases = translated_release["releases"]
    for release in releases.values():
        tagged(release)
    index = index_entries(client)
    pages = Page.objects.live().filter(depth__gt=1)
    assert pages.count() == 12
    latest_page = pages.aggregate(latest=Max("last_published_at"))["latest"]
    latest_release = max(release.last_published_at for release in releases.values())
    assert index == [
        (f"{BASE}/sitemap-pages.xml", latest_page),
        (f"{BASE}/sitemap-pages.xml?p=2", latest_page),
        (f"{BASE}/sitemap-pages.xml?p=3", latest_page),
        (f"{BASE}/sitemap-tags.xml", latest_release),
    ]
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    # Publication times say nothing of unpublishing: no validator for conditional requests.
    assert "Last-Modified" not in response


def test_paged_sitemaps_hold_every_page_once_oldest_first(client, translated_release, settings):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 5
    sitemap = read_sitemap(client)
    assert [len(xml.split(b"<url>")) - 1 for xml in sitemap.sitemaps.values()] == [5, 5, 2]
    oldest_first = [
        absolute(page.url) for page in Page.objects.live().filter(depth__gt=1).order_by("pk")
    ]
    assert list(sitemap.entries) == oldest_first
    # A new page goes on the last sitemap: the others stay as they were.
    add_release(translated_release["cluster_pages"]["pl"], title="Najnowszy")
    grown = read_sitemap(client)
    first_two = list(sitemap.sitemaps.items())[:2]
    assert list(grown.sitemaps.items())[:2] == first_two
    # Each entry's family is complete though its translations are on other pages.
    assert_reciprocal(sitemap.entries)


def test_tag_lists_are_paged_by_tag_with_their_languages_as_alternates(
    client, translated_release, settings
):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 6  # two tags a page, three languages each
    releases = translated_release["releases"]
    for name in ("alfa", "beta", "gamma"):
        for release in releases.values():
            tag = tagged(release, name)
    tagged(releases["pl"], "tylko-polski")
    sitemap = read_sitemap(client)
    tag_sitemaps = [url for url in sitemap.sitemaps if "/sitemap-tags.xml" in url]
    assert tag_sitemaps == [f"{BASE}/sitemap-tags.xml", f"{BASE}/sitemap-tags.xml?p=2"]
    tag_lists = {loc: entry for loc, entry in sitemap.entries.items() if TAG_LIST.search(loc)}
    assert len(tag_lists) == 3 * 3 + 1
    assert_reciprocal(tag_lists)
    gamma_ru = f"{BASE}/ru/novosti/teg/{tag.url_slugs['ru']}/"
    assert tag_lists[gamma_ru]["alts"]["x-default"] == f"{BASE}/pl/aktualnosci/tag/gamma-pl/"
    assert tag_lists[gamma_ru]["lastmod"] == (
        timezone.localtime(releases["ru"].last_published_at).date().isoformat()
    )
    only_polish = f"{BASE}/pl/aktualnosci/tag/tylko-polski-pl/"
    assert tag_lists[only_polish]["alts"] == {"pl": only_polish, "x-default": only_polish}


def test_a_site_without_tags_has_no_tag_sitemap(client, translated_release):
    assert [urlsplit(url).path for url in read_sitemap(client).sitemaps] == ["/sitemap-pages.xml"]
    assert client.get("/sitemap-tags.xml").status_code == 404


def test_out_of_range_or_junk_pages_are_not_found(client, translated_release, settings):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 6  # two pages of pages, one of tags
    tagged(translated_release["releases"]["pl"])
    assert client.get("/sitemap-pages.xml?p=2").status_code == 200
    assert client.get("/sitemap-tags.xml?p=1").status_code == 200
    for page in ("3", "0", "-1", "99999999999999999999", "1.5", "nan", "inf", "", "%00", "dwa"):
        assert client.get(f"/sitemap-pages.xml?p={page}").status_code == 404, page
    for url in (
        "/sitemap-tags.xml?p=2",
        "/sitemap-tagi.xml",
        "/sitemap-.xml",
        "/sitemap-pages.xml/",
    ):
        assert client.get(url).status_code == 404, url


def test_sitemaps_answer_only_reading_methods(client, translated_release):
    for url in ("/sitemap.xml", "/sitemap-pages.xml"):
        assert client.head(url).status_code == 200
        assert client.post(url).status_code == 405


# --- robots.txt --------------------------------------------------------------------


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /django-admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# --- a fixed number of queries ------------------------------------------------------------


def assert_fixed_queries(client, django_assert_num_queries):
    """The index and each page it lists run their fixed number of queries; the sitemap read."""
    sitemap = read_sitemap(client)  # warms the caches (site root paths, content types)
    with django_assert_num_queries(INDEX_QUERIES):
        assert client.get("/sitemap.xml").status_code == 200
    for url in sitemap.sitemaps:
        parts = urlsplit(url)
        with django_assert_num_queries(TAGS_QUERIES if "tags" in parts.path else PAGES_QUERIES):
            assert client.get(parts.path, QUERY_STRING=parts.query).status_code == 200
    return sitemap


def test_the_sitemap_runs_the_same_queries_at_every_size(
    client, site_tree, translated_release, settings, django_assert_num_queries
):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 6
    tagged(translated_release["releases"]["pl"])
    small = assert_fixed_queries(client, django_assert_num_queries)
    assert len(small.sitemaps) == 2 + 1  # 12 pages, then a tag's list

    add_families(site_tree, 10)
    large = assert_fixed_queries(client, django_assert_num_queries)
    # 45 pages six a page, 11 tags two a page (one in one language, ten in three).
    assert len(large.sitemaps) == math.ceil(45 / 6) + math.ceil(11 / 2)
    assert len(large.entries) == 45 + 1 + 10 * 3
