"""A cluster's public profile is on public surfaces only while it is live: cluster facts on
its pages, its name on release cards, listing facets and filters, feeds, search and JSON-LD.
A draft cluster goes live with the first page making it public; editors see it in previews."""

import json
import re

import feedparser
import pytest

from newsroom.models.records import Cluster
from tests.factories import ClusterFactory
from tests.helpers import add_cluster_pages, add_release, as_plain_spaces, reload

pytestmark = pytest.mark.django_db


@pytest.fixture
def unpublished(translated_release):
    """The releases' cluster, taken off the site after they went live."""
    cluster = translated_release["award"].cluster
    cluster.description_pl = "Opis klastra w rejestrze."
    cluster.save()
    cluster.unpublish()
    return translated_release


def test_an_unpublished_cluster_leaves_every_public_surface(client, unpublished):
    cluster = Cluster.objects.get(pk=unpublished["award"].cluster_id)
    assert not cluster.live
    name_pl = cluster.name_pl

    cluster_page = client.get(unpublished["cluster_pages"]["pl"].url).content.decode()
    assert 'class="facts facts--cluster"' not in cluster_page
    assert "Opis klastra w rejestrze." not in as_plain_spaces(cluster_page)
    release = client.get(unpublished["releases"]["pl"].url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', release, re.S)
    assert json.loads(script.group(1))["about"] == []
    index = client.get("/pl/aktualnosci/").content.decode()
    assert unpublished["releases"]["pl"].title in index  # the release itself stays listed
    assert name_pl not in index and f"?cluster={cluster.slug}" not in index
    assert "?country=PL" not in index  # no facet counts the unpublished cluster
    filtered = client.get("/pl/aktualnosci/", {"cluster": cluster.slug}).content.decode()
    assert unpublished["releases"]["pl"].title not in filtered
    feed = feedparser.parse(client.get("/pl/aktualnosci/kanal/rss/").content)
    assert name_pl not in [tag.term for tag in feed.entries[0].get("tags", [])]
    home = client.get("/pl/").content.decode()
    assert name_pl not in home


def test_a_republished_cluster_comes_back(client, unpublished):
    cluster = Cluster.objects.get(pk=unpublished["award"].cluster_id)
    cluster.save_revision().publish()
    cluster_page = client.get(unpublished["cluster_pages"]["pl"].url).content.decode()
    assert "Opis klastra w\u00a0rejestrze." in cluster_page  # typeset: "w" binds to its word
    assert f"?cluster={cluster.slug}" in client.get("/pl/aktualnosci/").content.decode()


def test_an_editor_previewing_a_cluster_page_sees_its_draft_cluster(unpublished):
    page = reload(unpublished["cluster_pages"]["pl"])
    response = page.make_preview_request(None, page.default_preview_mode)
    html = as_plain_spaces(response.content.decode())
    assert 'class="facts facts--cluster"' in html and "Opis klastra w rejestrze." in html


def test_a_draft_cluster_goes_live_with_its_cluster_page_in_one_transaction(client, site_tree):
    cluster = ClusterFactory(live=False, description_pl="Nowy klaster.")
    cluster.save_revision()
    pages = add_cluster_pages(site_tree, cluster)  # published, as an editor publishes
    cluster.refresh_from_db()
    assert cluster.live and cluster.live_revision is not None
    assert "Nowy klaster." in client.get(pages["pl"].url).content.decode()


def test_a_draft_cluster_goes_live_with_the_first_release_naming_it(client, site_tree):
    home = ClusterFactory(slug="home-cluster")
    partner = ClusterFactory(slug="partner", live=False, name_pl="Klaster Partnerski")
    partner.save_revision()
    pages = add_cluster_pages(site_tree, home)
    release = add_release(
        pages["pl"], title="Wspólny projekt", clusters=[home, partner], live=False
    )
    index = client.get("/pl/aktualnosci/").content.decode()
    assert "Klaster Partnerski" not in index

    release.get_latest_revision().publish()

    partner.refresh_from_db()
    assert partner.live
    index = client.get("/pl/aktualnosci/").content.decode()
    assert "Klaster Partnerski" in index and "?cluster=partner" in index
    found = client.get("/pl/szukaj/", {"q": "Partnerski"}).content.decode()
    assert "Wspólny projekt" in found  # indexed with its clusters once they went live
