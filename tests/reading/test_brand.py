"""One brand name per language (newsroom.brand), the same in the header, the <title>,
og:site_name, the JSON-LD publisher of a release and the RSS and Atom feeds."""

import json
import re

import feedparser
import pytest

from newsroom.brand import brand_name
from newsroom.languages import site_languages
from tests.helpers import route_path
from tests.reading.test_seo import head_of

pytestmark = pytest.mark.django_db

# The termbase's "newsroom" (locale/termbase.tbx), capitalised as a name.
BRANDS = {"pl": "Biuro prasowe", "en": "Newsroom", "ru": "Пресс-центр"}


def header_brand(html):
    match = re.search(r'<a class="site-header__brand"[^>]*>([^<]*)</a>', html)
    assert match, "the header has no brand link"
    return match.group(1).strip()


def title_brand(html):
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    return match.group(1).rsplit(" · ", 1)[-1].strip()


@pytest.mark.parametrize("language", site_languages())
def test_brand_is_the_same_everywhere_in_a_language(client, translated_release, language):
    brand = BRANDS[language]
    assert brand_name(language) == brand

    release = translated_release["releases"][language]
    html = client.get(release.url).content.decode()
    assert header_brand(html) == brand
    assert title_brand(html) == brand

    head = head_of(client, release.url)
    assert head.property("og:site_name") == [brand]
    (json_ld,) = head.json_ld
    assert json.loads(json_ld)["publisher"] == {"@type": "Organization", "name": brand}

    cluster_page = translated_release["cluster_pages"][language]
    for kind in ("rss", "atom"):
        response = client.get(cluster_page.url + route_path(language, "feed", kind))
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert feed.feed.title == f"{cluster_page.title} · {brand}"
        assert feed.entries, "the feed lists the release"
        assert {entry.author for entry in feed.entries} == {brand}
        if kind == "atom":
            assert feed.feed.author == brand


@pytest.mark.parametrize("language", site_languages())
def test_demo_home_names_the_brand_once_in_its_title_and_first_in_its_heading(
    client, demo_site, language
):
    brand = BRANDS[language]
    html = client.get(f"/{language}/").content.decode()
    assert header_brand(html) == brand
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith(brand) and title.count(brand) == 1, title
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
    assert heading.startswith(brand), heading
    assert head_of(client, f"/{language}/").property("og:site_name") == [brand]


def test_a_home_title_without_the_brand_gets_it_after_the_title(client, site_tree):
    home = site_tree["homes"]["en"]
    assert "Newsroom" not in home.title
    html = client.get("/en/").content.decode()
    assert re.search(r"<title>(.*?)</title>", html, re.S).group(1) == f"{home.title} · Newsroom"
