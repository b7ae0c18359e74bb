"""Every public page runs the same number of SQL queries, no more than 15, whether the site
holds three releases or many more (uncached: the page cache is off in tests), search
results included (more matches, more cluster pages found)."""

import datetime

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsroom.models.pages import PressReleasePageTag
from newsroom.models.records import ReleaseTag
from tests.factories import AwardFactory, ClusterFactory
from tests.helpers import add_cluster_pages, add_release

pytestmark = pytest.mark.django_db

# Raised from 15 to 16 with the press newsroom (issue 13): a release page now reads its
# related releases and its media contacts, one query each, whatever the data.
BUDGET = 16


MORE = 12  # releases per language added for the second size (two list pages)


def urls(site):
    release = site["releases"]["pl"]
    tag_slug = site["tag"].url_slugs["en"]
    return [
        "/pl/",
        "/en/",
        "/pl/aktualnosci/",
        "/pl/aktualnosci/?level=silver&year=2021",
        "/pl/aktualnosci/?page=2",
        "/pl/aktualnosci/poziom/srebrny/",
        "/pl/aktualnosci/klastry/",
        "/ru/novosti/klastery/",
        f"/en/news/tag/{tag_slug}/",
        site["cluster_pages"]["pl"].url,
        site["cluster_pages"]["ru"].url,
        release.url,
        site["releases"]["ru"].url,
        "/pl/aktualnosci/kanal/rss/",
        "/en/news/feed/atom/",
        f"{site['cluster_pages']['en'].url}feed/rss/",
        "/pl/szukaj/?q=klastry",
        "/ru/poisk/?q=кластер",
    ]


def queries_per_page(site):
    reader = Client()
    counts = {}
    for url in urls(site):
        with CaptureQueriesContext(connection) as queries:
            response = reader.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries.captured_queries)
    return counts


@pytest.fixture
def site(site_tree, translated_release):
    tag = ReleaseTag.objects.create(
        name="wspolny", label_pl="wspólny", label_en="shared", label_ru="общий"
    )
    for release in translated_release["releases"].values():
        PressReleasePageTag.objects.create(content_object=release, tag=tag)
    return {**site_tree, **translated_release, "tag": tag}


def grow(site):
    """MORE releases per language, each with its own award, cluster named and tag, under
    the site's cluster pages and under a second cluster's pages."""
    other = ClusterFactory(slug="druga-grupa", country="DE")
    pages = [site["cluster_pages"], add_cluster_pages(site, other)]
    for number in range(MORE):
        cluster_pages = pages[number % 2]
        cluster = cluster_pages["pl"].specific.cluster
        award = AwardFactory(cluster=cluster, awarded_on=datetime.date(2021, 1, 1 + number % 28))
        for code, parent in cluster_pages.items():
            release = add_release(
                parent,
                title=f"Komunikat {number} klastra {code} кластер cluster",
                awards=[award],
                clusters=[cluster],
                release_date=datetime.date(2021, 2, 1 + number % 28),
            )
            PressReleasePageTag.objects.create(content_object=release, tag=site["tag"])


def test_every_public_page_runs_the_same_few_queries_at_two_sizes(site):
    small = queries_per_page(site)
    grow(site)
    large = queries_per_page(site)
    assert large == small
    assert {url: n for url, n in small.items() if n > BUDGET} == {}
