"""Search across the releases and cluster pages of the reader's language, at an address in
that language (/pl/szukaj/, /en/search/, /ru/poisk/)."""

from django.db.models import prefetch_related_objects
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy

from wagtail.models import Locale
from wagtail.search.query import And, Or, PlainText

from newsroom import stemming
from newsroom.languages import site_languages
from newsroom.models.listings import paginate
from newsroom.models.pages import (
    ClusterNewsPage,
    PressReleasePage,
    live_awards_prefetch,
    live_clusters_prefetch,
)
from newsroom.privacy import public
from newsroom.slugs import route_word

MAX_QUERY_LENGTH = 200
CLUSTER_RESULTS = 5


def _search_route():
    return f"{route_word('search', translation.get_language())}/"


# The search view's URL pattern in the active language's word (Django compiles a lazy
# pattern once per language, for resolving and reversing alike).
search_route = lazy(_search_route, str)()


def old_address(request):
    """/pl/search/, the address before search had one in each language: a permanent
    redirect to the language's own, query kept."""
    url = reverse("search")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def search_query(terms):
    """All query words must match; each word matches any of its stems."""
    groups = [Or([PlainText(v) for v in sorted(variants)]) for variants in terms]
    return groups[0] if len(groups) == 1 else And(groups)


def search_language_links(request, query):
    current = translation.get_language()
    links = []
    for code in site_languages():
        with translation.override(code):
            url = reverse("search")
        links.append(
            {
                "language_code": code,
                "url": f"{url}?{query.urlencode()}" if query else url,
                "is_current": code == current,
                "is_translation": True,
            }
        )
    return links


def search(request):
    language = translation.get_language()
    raw = request.GET.get("q", "")
    query_text = raw.strip()[:MAX_QUERY_LENGTH] if isinstance(raw, str) else ""
    terms = stemming.query_terms(query_text, language)
    locale = Locale.objects.filter(language_code=language).first()
    releases, clusters = [], []
    if terms and locale:
        query = search_query(terms)
        found = public(PressReleasePage.objects.live().filter(locale=locale)).search(
            query, order_by_relevance=True
        )
        releases = paginate(request, found)
        # Search results cannot prefetch; the page of results can.
        releases.object_list = list(releases.object_list)
        prefetch_related_objects(
            releases.object_list, live_awards_prefetch(), live_clusters_prefetch()
        )
        for release in releases:
            release.excerpt = stemming.highlight(
                f"{release.lead} {stemming.stream_text(release.body)}", terms, language
            )
        clusters = list(
            public(ClusterNewsPage.objects.live().filter(locale=locale)).search(query)[
                :CLUSTER_RESULTS
            ]
        )
        # Their clusters and locales (their texts' language) in a query each, not one a page.
        prefetch_related_objects(clusters, "cluster", "locale")
        for cluster_page in clusters:
            cluster_page.excerpt = stemming.highlight(cluster_page.search_text(), terms, language)
    query_params = request.GET.copy()
    query_params.pop("page", None)
    return render(
        request,
        "newsroom/search.html",
        {
            "query": query_text,
            "releases": releases,
            "cluster_results": clusters,
            "language_links": search_language_links(request, query_params if query_text else None),
            "searched": bool(terms),
        },
    )
