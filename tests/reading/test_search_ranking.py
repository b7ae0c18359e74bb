"""Search ranks and counts in the database, in fixed queries (newsroom/search_backend.py).

The index finds the matching entries first, narrows them to the reader's live, public
pages in their language, ranks those and fetches one page of results: the same queries
for 3 matching releases as for 30, the best match first, the count of what a reader may
see and nothing else."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from tests.factories import ClusterFactory
from tests.helpers import add_cluster_pages, add_release, text_of

pytestmark = pytest.mark.django_db


def found_titles(body):
    return re.findall(r'class="release-summary__title"><a href="[^"]+">([^<]+)</a>', body)


def found_count(body):
    match = re.search(r'<p class="count">\s*(\d+) releases? found', body)
    return int(match.group(1)) if match else 0


@pytest.fixture
def cluster_pages(site_tree):
    return add_cluster_pages(site_tree, ClusterFactory(name_en="Harbour Cluster"))


def add_mentions(pages, count, language="en"):
    for number in range(count):
        release = add_release(pages[language], title=f"Quarterly note {number}")
        release.lead = "The harbour audit began."
        release.save_revision().publish()


def test_the_best_match_comes_first_and_pages_follow_the_ranking(client, cluster_pages, settings):
    settings.NEWSROOM_PAGE_SIZE = 3
    add_mentions(cluster_pages, 4)
    best = add_release(cluster_pages["en"], title="Audit, audit: the audit of audits")
    best.lead = "Every audit the harbour had, audited."
    best.save_revision().publish()

    first = text_of(client.get("/en/search/", {"q": "audits"}))
    second = text_of(client.get("/en/search/", {"q": "audits", "page": 2}))

    assert found_titles(first)[0] == best.title
    assert found_count(first) == 5
    shown = found_titles(first) + found_titles(second)
    assert len(shown) == 5 and len(set(shown)) == 5  # every match once, across the pages


def test_the_count_holds_only_what_the_reader_may_see(client, cluster_pages, site_tree):
    add_mentions(cluster_pages, 2)
    add_mentions(cluster_pages, 2, language="pl")  # other language: not counted
    draft = add_release(cluster_pages["en"], title="Harbour audit draft", live=False)
    private = add_release(cluster_pages["en"], title="Harbour audit embargoed")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    body = text_of(client.get("/en/search/", {"q": "audit"}))

    assert found_count(body) == 2
    assert draft.title not in body and private.title not in body


def search_queries(client, query):
    client.get("/en/search/", {"q": query})  # warm: per-process lookups (locales, site)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return len(context.captured_queries), found_count(text_of(response))


def test_search_runs_the_same_queries_for_3_and_for_30_matches(client, cluster_pages):
    add_mentions(cluster_pages, 3)
    few = search_queries(client, "harbour audit")
    add_mentions(cluster_pages, 27)
    many = search_queries(client, "harbour audit")

    assert (few[1], many[1]) == (3, 30)
    assert few[0] == many[0]
