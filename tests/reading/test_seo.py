import datetime
import json
from html.parser import HTMLParser

import pytest

from newsroom.languages import site_languages
from tests.factories import AwardFactory, ClusterFactory
from tests.helpers import add_cluster_pages, add_release

pytestmark = pytest.mark.django_db

LABEL_NAMES = {
    "pl": "Srebrna Odznaka Jakości Zarządzania Klastrem",
    "en": "Cluster Management Excellence Silver Label",
    "ru": "Серебряный сертификат качества управления кластером",
}
BRANDS = {"pl": "Biuro prasowe", "en": "Newsroom", "ru": "Пресс-центр"}
OG_LOCALES = {"pl": "pl_PL", "en": "en_GB", "ru": "ru_RU"}
BASE = "http://testserver"


# --- helpers -----------------------------------------------------------------------


def absolute(url):
    return BASE + url


class HeadParser(HTMLParser):
    """The <link>, <meta> and JSON-LD <script> elements of a document's <head>."""

    def __init__(self):
        super().__init__()
        self.links, self.metas, self.json_ld = [], [], []
        self._in_head = self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif self._in_head and tag == "link":
            self.links.append(attrs)
        elif self._in_head and tag == "meta":
            self.metas.append(attrs)
        elif self._in_head and tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def canonical(self):
        hrefs = [link["href"] for link in self.links if link.get("rel") == "canonical"]
        assert len(hrefs) == 1
        return hrefs[0]

    def hreflangs(self):
        pairs = [
            (link["hreflang"], link["href"])
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        ]
        result = dict(pairs)
        assert len(result) == len(pairs), "an hreflang is listed twice"
        return result

    def property(self, name):
        return [meta["content"] for meta in self.metas if meta.get("property") == name]

    def name(self, name):
        return [meta["content"] for meta in self.metas if meta.get("name") == name]


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


# --- <head> ------------------------------------------------------------------------


@pytest.mark.parametrize("language", site_languages())
def test_release_head_links_translations_and_describes_the_release(
    client, translated_release, language
):
    releases = translated_release["releases"]
    release = releases[language]
    head = head_of(client, release.url)
    url = absolute(release.url)

    assert head.canonical() == url
    expected = {code: absolute(page.url) for code, page in releases.items()}
    assert head.hreflangs() == {**expected, "x-default": expected["pl"]}

    assert head.property("og:type") == ["article"]
    assert head.property("og:url") == [url]
    assert head.property("og:title") == [release.title]
    assert head.property("og:description") == [release.lead]
    assert head.property("og:site_name") == [BRANDS[language]]
    assert head.property("og:locale") == [OG_LOCALES[language]]
    assert sorted(head.property("og:locale:alternate")) == sorted(
        OG_LOCALES[code] for code in site_languages() if code != language
    )
    assert head.property("article:published_time") == ["2021-06-17"]
    assert head.name("twitter:card") == ["summary"]
    assert head.name("twitter:title") == [release.title]
    assert head.name("twitter:description") == [release.lead]

    assert len(head.json_ld) == 1
    data = json.loads(head.json_ld[0])
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == language
    assert data["headline"] == release.title
    assert data["description"] == release.lead
    assert data["datePublished"] == "2021-06-17"
    assert data["url"] == url
    assert data["mainEntityOfPage"] == url
    assert data["publisher"] == {"@type": "Organization", "name": BRANDS[language]}
    datetime.datetime.fromisoformat(data["dateModified"])
    cluster = translated_release["award"].cluster
    (about,) = data["about"]
    assert about["@type"] == "Organization"
    assert about["name"] == getattr(cluster, f"name_{language}")
    assert about["address"] == {"@type": "PostalAddress", "addressCountry": "PL"}
    assert about["award"] == [LABEL_NAMES[language]]


def test_page_without_translations_links_only_itself(client, site_tree, award):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    release = add_release(cluster_pages["en"], title="English only", awards=[award])
    head = head_of(client, release.url)
    url = absolute(release.url)
    assert head.hreflangs() == {"en": url, "x-default": url}
    assert head.property("og:locale") == ["en_GB"]
    assert head.property("og:locale:alternate") == []


def test_non_release_pages_are_websites_described_by_their_intro(client, translated_release):
    cluster_page = translated_release["cluster_pages"]["ru"]
    cluster_page.intro = "Новости кластера"
    cluster_page.save_revision().publish()
    head = head_of(client, cluster_page.url)
    assert head.canonical() == absolute(cluster_page.url)
    assert head.property("og:type") == ["website"]
    assert head.property("og:description") == ["Новости кластера"]
    assert head.property("article:published_time") == []
    assert head.json_ld == []
    assert set(head.hreflangs()) == {"pl", "en", "ru", "x-default"}


def test_search_description_and_seo_title_win(client, translated_release):
    release = translated_release["releases"]["en"]
    release.search_description = "What search engines show"
    release.seo_title = "SEO title"
    release.save_revision().publish()
    head = head_of(client, release.url)
    assert head.name("description") == ["What search engines show"]
    assert head.property("og:description") == ["What search engines show"]
    assert head.property("og:title") == ["SEO title"]
    assert head.name("twitter:title") == ["SEO title"]


def test_json_ld_cannot_break_out_of_its_script(client, translated_release):
    release = translated_release["releases"]["en"]
    release.lead = "</script><script>alert(1)</script> & more"
    release.save_revision().publish()
    html = client.get(release.url).content.decode()
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["description"] == release.lead


def test_json_ld_lists_only_awards_of_this_release_per_cluster(client, site_tree):
    first, second = ClusterFactory(website="https://first.example"), ClusterFactory(country="")
    cluster_pages = add_cluster_pages(site_tree, first)
    award = AwardFactory(cluster=first)
    AwardFactory(cluster=first, awarded_on=datetime.date(2019, 1, 1))  # not announced here
    release = add_release(cluster_pages["en"], title="Two clusters", awards=[award])
    release.clusters = [first, second]
    release.save_revision().publish()
    data = json.loads(head_of(client, release.url).json_ld[0])
    about = {org["name"]: org for org in data["about"]}
    assert about[first.name_en]["url"] == "https://first.example"
    assert about[first.name_en]["award"] == [LABEL_NAMES["en"]]
    assert about[second.name_en]["award"] == []
    assert "address" not in about[second.name_en]
    assert "url" not in about[second.name_en]
