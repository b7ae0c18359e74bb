"""Fuzzing every public URL: random paths, route arguments, query strings and form bodies
never make the site answer 500.

The targets are enumerated, not listed by hand: the URL resolver's public patterns (outside
/admin/ and /django-admin/), every live page of the demo site, and each routable page's
routes (`get_subpage_urls()`) with their arguments drawn at random. A new public pattern
that this module does not know fails `test_every_public_url_pattern_is_fuzzed`.

The demo site is built once per test function; requests only read. Runs are derandomised
(the same examples each time) so CI is stable; to explore, set FUZZ_RANDOM=1 for new
examples and FUZZ_SCALE=10 for ten times as many.
"""

import os
import re
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.urls import URLResolver, get_resolver

from wagtail.models import Page

from newsroom.languages import site_languages
from newsroom.models.pages import ClusterNewsPage, NewsIndexPage
from newsroom.models.routes import Parameter
from newsroom.slugs import route_word
from tests.helpers import search_path

# Every test starts from the demo newsroom, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_once")]

# Each public URL pattern (by name) and how this module reaches it.
FUZZED_PATTERNS = {
    "wagtail_serve": "every live page, its routes, and random paths under each language",
    "search": "/<language>/<its word for search>/ with random queries",
    "search_old_address": "/<language>/search/ (a redirect) with random queries",
    "sitemap": "/sitemap.xml",
    "sitemap_section": "/sitemap-<section>.xml with random sections and page numbers (p)",
    "robots_txt": "/robots.txt",
    "wagtaildocs_serve": "/documents/<id>/<name>",
    "wagtaildocs_authenticate_with_password": "/documents/authenticate_with_password/<id>/",
    "wagtailcore_authenticate_with_password": "/<language>/_util/authenticate_with_password/…",
    "wagtailcore_login": "/<language>/_util/login/",
    "contact_vcard": "/<language>/media-contacts/<id>/vcard/ with random numbers",
}
ADMIN_PREFIXES = ("admin/", "django-admin/")
FILTERS = ["level", "year", "cluster", "country", "page", "p", "q", "tag", "format", "next"]
NASTY = [
    "", "0", "-1", "1.5", "1e9", "99999999999999999999", "2024", "0000", "%", "%ff", "\x00",
    "null", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "ą", "Жж", " ",
    "gold", "silver", "bronze", "status", "pl", "PL", "rss", "atom", "[]", "{}", "*", "\\",
    "a" * 300, "kaluga-pharma", "life-science", "🙂",
]  # fmt: skip
FEED_KINDS = ["rss", "atom", "json", "RSS", ""]


def fuzz_settings(max_examples):
    return settings(
        max_examples=max_examples * int(os.environ.get("FUZZ_SCALE", "1")),
        deadline=None,
        database=None,  # no .hypothesis folder in the project
        derandomize=not os.environ.get("FUZZ_RANDOM"),
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
segments = st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=30))
queries = st.lists(
    st.tuples(st.one_of(st.sampled_from(FILTERS), st.text(max_size=10)), texts), max_size=6
)


def as_segment(text):
    return quote(text, safe="") or "-"


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.name


def public_pattern_names():
    return {
        name
        for route, name in walk(get_resolver().url_patterns)
        if not route.startswith(ADMIN_PREFIXES)
    }


def page_targets():
    """(path template, argument choices) of every live page and each of its routes."""
    targets = []
    for page in Page.objects.live().specific().exclude(depth=1):
        url = page.get_url()
        if not url:
            continue
        targets.append(url)
        if isinstance(page, NewsIndexPage | ClusterNewsPage):
            code = page.locale.language_code
            for route in type(page).get_subpage_urls():
                targets.append(url + str(route.pattern))  # the old words: a redirect
            for route in type(page).localised_routes():
                # The page's own words; a level among its words (other values are drawn).
                parts = [
                    (route_word("silver", code) if part.name == "level" else f"<{part.name}>")
                    if isinstance(part, Parameter)
                    else route_word(part, code)
                    for part in route.parts
                ]
                targets.append(url + "".join(f"{part}/" for part in parts))
    return targets


CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def fill(template, draw):
    """`template` with each <converter:name> replaced by a drawn argument."""

    def argument(match):
        name = match.group(1)
        if name == "kind":
            return as_segment(draw(st.one_of(st.sampled_from(FEED_KINDS), segments)))
        return as_segment(draw(segments))

    return CONVERTER.sub(argument, template)


def assert_answers(client, method, path, query, body=None):
    url = f"{path}?{urlencode(query)}" if query else path
    response = client.post(url, body or {}) if method == "post" else getattr(client, method)(url)
    assert response.status_code < 500, (method, url, body)
    return response


def test_every_public_url_pattern_is_fuzzed(db):
    assert public_pattern_names() <= set(FUZZED_PATTERNS)


def test_every_page_and_route_answers_nasty_queries(client, demo_site):
    """A fixed pass: every live page and route, with nasty values in every filter (rotated,
    so that across the pages each filter meets each value)."""
    targets = page_targets()
    assert len(targets) > 20
    for index, template in enumerate(targets):
        path = CONVERTER.sub("silver", template)
        for attempt in range(3):
            offset = index * 3 + attempt
            query = [
                (name, NASTY[(offset + position) % len(NASTY)])
                for position, name in enumerate(FILTERS)
            ]
            assert_answers(client, "get", path, query)


@fuzz_settings(150)
@given(data=st.data())
def test_pages_and_their_routes_never_answer_500(client, demo_site, data):
    targets = page_targets()
    template = data.draw(st.sampled_from(targets), label="route")
    path = fill(template, data.draw)
    method = data.draw(st.sampled_from(["get", "get", "get", "head", "post"]), label="method")
    body = data.draw(st.dictionaries(st.sampled_from(FILTERS), texts, max_size=3))
    assert_answers(client, method, path, data.draw(queries, label="query"), body)


@fuzz_settings(80)
@given(
    language=st.sampled_from([*site_languages(), "de", "xx"]),
    terms=st.lists(texts, max_size=3),
    query=queries,
)
def test_search_never_answers_500(client, demo_site, language, terms, query):
    terms = [("q", t) for t in terms]
    assert_answers(client, "get", search_path(language), terms + query)
    assert_answers(client, "get", f"/{language}/search/", terms + query)


@fuzz_settings(80)
@given(
    prefix=st.sampled_from([*(f"/{code}/" for code in site_languages()), "/", "/xx/"]),
    parts=st.lists(segments, min_size=1, max_size=5),
    trailing_slash=st.booleans(),
    query=queries,
)
def test_random_paths_never_answer_500(client, demo_site, prefix, parts, trailing_slash, query):
    path = prefix + "/".join(as_segment(part) for part in parts) + ("/" if trailing_slash else "")
    assert_answers(client, "get", path, query)


@fuzz_settings(60)
@given(
    endpoint=st.sampled_from(
        [
            "/sitemap.xml",
            "/sitemap-pages.xml",
            "/sitemap-tags.xml",
            "/sitemap-{s}.xml",
            "/robots.txt",
            "/documents/{n}/{s}",
            "/documents/authenticate_with_password/{n}/",
            "/{lang}/_util/authenticate_with_password/{n}/{n}/",
            "/{lang}/_util/login/",
            "/{lang}/media-contacts/{n}/vcard/",
        ]
    ),
    number=st.one_of(st.integers(min_value=0, max_value=10**20), st.just(1)),
    name=segments,
    language=st.sampled_from(site_languages()),
    method=st.sampled_from(["get", "post"]),
    query=queries,
    body=st.dictionaries(st.sampled_from(["password", "return_url", "next", "q"]), texts),
)
def test_site_wide_endpoints_never_answer_500(
    client, demo_site, endpoint, number, name, language, method, query, body
):
    path = endpoint.format(n=number, s=as_segment(name), lang=language)
    if path.startswith("/sitemap-"):
        query = [("p", str(number)), *query]  # the page of a paged sitemap
    assert_answers(client, method, path, query, body)
