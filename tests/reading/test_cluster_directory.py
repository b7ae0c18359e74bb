"""The cluster directory (/pl/aktualnosci/clusters/): every cluster with a news page in the
language, A to Z, grouped by initial; the home page and a list's cluster filter name at most
CLUSTER_PREVIEW_COUNT clusters and link to it when there are more."""

import datetime

import pytest
from lxml import html

from wagtail.models import PageViewRestriction

from newsroom.models.listings import CLUSTER_PREVIEW_COUNT
from newsroom.models.records import Cluster
from tests.factories import AwardFactory, ClusterFactory
from tests.helpers import add_cluster_pages, add_release

pytestmark = pytest.mark.django_db

DIRECTORY = {
    "pl": "/pl/aktualnosci/klastry/",
    "en": "/en/news/clusters/",
    "ru": "/ru/novosti/klastery/",
}


def tree(response):
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def directory_entries(page):
    """[(initial, [(name, href, lang)…])…] as the directory shows them."""
    return [
        (
            section.xpath("string(h2)"),
            [
                (link.text_content(), link.get("href"), link.xpath("string(span/@lang)"))
                for link in section.xpath(".//ul/li/a")
            ],
        )
        for section in page.xpath("//main//section")
    ]


def test_directory_lists_live_public_clusters_a_to_z_by_initial(client, site_tree):
    names = ["Zielona Dolina", "Aero Klaster", "ambitna grupa", "Morski Klaster"]
    pages = {
        name: add_cluster_pages(site_tree, ClusterFactory(name_pl=name, name_en="", name_ru=""))
        for name in names
    }
    # Absent: a cluster not yet live, a page not yet live, a page behind a password.
    # (Publishing a page publishes its draft cluster: the cluster is withdrawn after.)
    hidden = ClusterFactory(name_pl="Ukryty Rekord")
    add_cluster_pages(site_tree, hidden)
    Cluster.objects.filter(pk=hidden.pk).update(live=False)
    draft_page = add_cluster_pages(site_tree, ClusterFactory(name_pl="Szkic Strony"))["pl"]
    draft_page.unpublish()
    private = add_cluster_pages(site_tree, ClusterFactory(name_pl="Tajny Klaster"))["pl"]
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
    )

    entries = directory_entries(tree(client.get(DIRECTORY["pl"])))

    assert [initial for initial, _ in entries] == ["A", "M", "Z"]
    assert [name for _, group in entries for name, _, _ in group] == [
        "Aero Klaster",
        "ambitna grupa",
        "Morski Klaster",
        "Zielona Dolina",
    ]
    hrefs = {name: href for _, group in entries for name, href, _ in group}
    assert hrefs == {name: pages[name]["pl"].url for name in names}


def test_directory_in_another_language_marks_names_written_in_polish(client, site_tree):
    # Russian falls back to English, then Polish (MODELTRANSLATION_FALLBACK_LANGUAGES).
    add_cluster_pages(
        site_tree, ClusterFactory(name_pl="Klaster Bursztynowy", name_en="", name_ru="")
    )
    add_cluster_pages(
        site_tree, ClusterFactory(name_pl="Klaster Lniany", name_ru="Льняной кластер")
    )

    page = tree(client.get(DIRECTORY["ru"]))

    assert page.get("lang") == "ru"
    entries = {name: lang for _, group in directory_entries(page) for name, _, lang in group}
    assert entries == {"Klaster Bursztynowy": "pl", "Льняной кластер": ""}
    assert "Все кластеры" in page.xpath("string(//h1)")


def test_directory_links_to_the_directory_in_each_language(client, site_tree):
    add_cluster_pages(site_tree, ClusterFactory())

    page = tree(client.get(DIRECTORY["en"]))

    canonical = page.xpath("//link[@rel='canonical']/@href")
    assert [urlpath(href) for href in canonical] == [DIRECTORY["en"]]
    alternates = {
        link.get("hreflang"): urlpath(link.get("href"))
        for link in page.xpath("//link[@rel='alternate'][@hreflang]")
    }
    assert alternates["pl"] == DIRECTORY["pl"]
    assert alternates["ru"] == DIRECTORY["ru"]


def urlpath(href):
    return "/" + href.split("://", 1)[-1].split("/", 1)[-1]


NAMES = ("name_pl", "name_en", "name_ru")


def many_clusters(site_tree, count):
    return [
        add_cluster_pages(site_tree, ClusterFactory(**dict.fromkeys(NAMES, f"Klaster {n:02d}")))
        for n in range(count)
    ]


def test_home_names_the_first_clusters_and_links_to_all(client, site_tree):
    many_clusters(site_tree, CLUSTER_PREVIEW_COUNT + 3)

    page = tree(client.get("/pl/"))

    listed = page.xpath("//ul[@class='cluster-list']/li/a/text()")
    assert listed == [f"Klaster {n:02d}" for n in range(CLUSTER_PREVIEW_COUNT)]
    assert page.xpath("//section[@aria-labelledby='clusters']//a[@class='more']/@href") == [
        DIRECTORY["pl"]
    ]


def test_home_with_few_clusters_names_them_all_without_a_link(client, site_tree):
    many_clusters(site_tree, 3)

    page = tree(client.get("/pl/"))

    assert len(page.xpath("//ul[@class='cluster-list']/li")) == 3
    assert page.xpath("//section[@aria-labelledby='clusters']//a[@class='more']") == []


def cluster_facet(page):
    return page.xpath("//aside[@class='filters']/details/section[1]//ul[@class='facet']/li/a")


def test_cluster_filter_offers_the_busiest_clusters_and_the_chosen_one(client, site_tree):
    """Cluster n has n + 1 releases: the filter offers the busiest, A to Z, with their
    counts; a chosen cluster outside them is offered too, and the rest are a link away."""
    families = many_clusters(site_tree, CLUSTER_PREVIEW_COUNT + 2)
    for n, pages in enumerate(families):
        cluster = pages["pl"].specific.cluster
        award = AwardFactory(cluster=cluster, awarded_on=datetime.date(2021, 1, 1))
        for number in range(n + 1):
            add_release(pages["pl"], title=f"Komunikat {n} {number}", awards=[award])

    page = tree(client.get("/pl/aktualnosci/"))
    offered = [link.text_content().split(" (")[0] for link in cluster_facet(page)]
    assert offered == [f"Klaster {n:02d}" for n in range(2, CLUSTER_PREVIEW_COUNT + 2)]
    assert cluster_facet(page)[0].xpath("string(span[@class='facet__count'])") == "(3)"
    assert DIRECTORY["pl"] in page.xpath("//aside[@class='filters']//a/@href")

    quiet = families[0]["pl"].specific.cluster
    page = tree(client.get(f"/pl/aktualnosci/?cluster={quiet.slug}"))
    chosen = [link for link in cluster_facet(page) if link.get("aria-current")]
    assert [link.text_content().split(" (")[0] for link in chosen] == ["Klaster 00"]
    assert len(cluster_facet(page)) == CLUSTER_PREVIEW_COUNT
    assert page.xpath("string(//p[@class='count'])").strip() == "1 komunikat"


def test_cluster_filter_without_more_clusters_has_no_directory_link(client, translated_release):
    page = tree(client.get("/pl/aktualnosci/"))

    assert len(cluster_facet(page)) == 1
    assert DIRECTORY["pl"] not in page.xpath("//aside[@class='filters']//a/@href")
