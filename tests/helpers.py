"""Plain functions tests share: building pages of the small site tree, reading responses.

Fixtures live in the nearest conftest.py; these are what a test calls itself.
"""

import datetime
import os
import re
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hypothesis import HealthCheck, settings
from lxml import etree

from django.conf import settings as django_settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from newsroom.slugs import route_word
from tests.factories import ClusterNewsPageFactory, PressReleasePageFactory


def add_cluster_pages(site_tree, cluster):
    """{language: page}: the cluster's page under each news index, one translation family."""
    key = uuid.uuid4()
    return {
        code: ClusterNewsPageFactory(parent=index, cluster=cluster, translation_key=key)
        for code, index in site_tree["indexes"].items()
    }


def add_release(parent, *, title, key=None, **fields):
    """A release under the cluster page `parent`, published unless live=False.

    Pass the `key` of another language's release to make this its translation; other
    `fields` (awards, release_date, …) go to PressReleasePageFactory.
    """
    return PressReleasePageFactory(
        parent=parent, title=title, translation_key=key or uuid.uuid4(), **fields
    )


def route_path(language, *words):
    """A route's path below a page, in `language`'s words (newsroom.slugs.ROUTE_WORDS):
    route_path("pl", "level", "silver") is "poziom/srebrny/"; other words stay as given."""
    return "".join(f"{route_word(word, language)}/" for word in words)


def search_path(language):
    """The search page of `language`: /pl/szukaj/, /en/search/, /ru/poisk/."""
    return f"/{language}/{route_path(language, 'search')}"


def reload(page):
    """The page as stored now, as its specific type."""
    return Page.objects.get(pk=page.pk).specific


def as_plain_spaces(text):
    """`text` with the non-breaking spaces typesetting puts in (newsroom.typography) read
    as ordinary ones: for tests about what a page says, not how it is set."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def text_of(response):
    """The response's HTML with runs of whitespace folded into one space."""
    return re.sub(r"[ \t\r\n]+", " ", response.content.decode())


def assert_refused_with(response, message, language="pl"):
    """`response` is the 403 page showing `message` (an msgid), in the admin's language.

    Users without a preferred language get the admin in the site's default, Polish.
    """
    assert response.status_code == 403
    with translation.override(language):
        expected = translation.gettext(message)
    assert escape(expected) in response.content.decode()
    assert response.templates[0].name == "newsroom/admin/refused.html"


def edit_url(record):
    return reverse(f"wagtailsnippets_newsroom_{record._meta.model_name}:edit", args=[record.pk])


def post_from_form(client, record, *, publish=False, **changes):
    """POST the edit form as the browser would: every field as rendered, plus `changes`;
    with the Publish button when `publish` (clusters and awards have a publication state)."""
    url = edit_url(record)
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    data.update(changes)
    if publish:
        data["action-publish"] = "action-publish"
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:3000]
    record.refresh_from_db()
    return record


def release_add_url(cluster_page):
    """The admin's form for a new release under `cluster_page`."""
    return reverse("wagtailadmin_pages:add", args=["newsroom", "pressreleasepage", cluster_page.pk])


def release_form_data(title, awards=(), clusters=None, slug="nowy-komunikat"):
    """What the release editor posts: `awards` (and `clusters` when given) as the lists of
    pks the form sends, one key with many values."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "release_date": "2024-03-05",
            "lead": "Krótki wstęp.",
            "body": streamfield([("paragraph", rich_text("<p>Treść komunikatu.</p>"))]),
            "tags": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    data["awards"] = [str(award.pk) for award in awards]
    if clusters is not None:
        data["clusters"] = [str(cluster.pk) for cluster in clusters]
    return data


def use_admin_in(user, language_code):
    """Give `user` the admin in `language_code` (without a preference it is Polish)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language_code
    profile.save()


def review_post_data(review, **changes):
    """The "Create drafts" POST as the review screen `review` (a response) would send it:
    the batch's token and every field of every form as shown, then `changes`."""
    formset = review.context["formset"]
    data = {
        "step": "create",
        "form-TOTAL_FORMS": str(formset.total_form_count()),
        "form-INITIAL_FORMS": "0",
    }
    batch = review.context.get("batch")
    if batch is not None:
        data["batch"] = batch.token
    for i, form in enumerate(formset):
        for name in form.fields:
            value = form[name].value()
            data[f"form-{i}-{name}"] = "" if value is None else str(getattr(value, "pk", value))
    for key, value in changes.items():
        data[key] = value
    return data


def fuzz_settings(max_examples):
    """Hypothesis settings of the fuzz tests: a fixed, derandomized budget in CI;
    FUZZ_RANDOM=1 explores and FUZZ_SCALE=N multiplies the budget."""
    return settings(
        max_examples=max_examples * int(os.environ.get("FUZZ_SCALE", "1")),
        deadline=None,
        database=None,  # no .hypothesis folder in the project
        derandomize=not os.environ.get("FUZZ_RANDOM"),
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@contextmanager
def rolled_back():
    """Undo whatever the block writes (one fuzz example), keeping the test's data."""
    savepoint = transaction.savepoint()
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
# The sitemaps.org protocol's limits for one sitemap file.
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
# What a <url> of ours holds: its <loc>, a <lastmod>, and hreflang <xhtml:link>s.
URL_CHILDREN = [
    f"{{{SITEMAP_NS['sm']}}}loc",
    f"{{{SITEMAP_NS['sm']}}}lastmod",
    f"{{{SITEMAP_NS['xhtml']}}}link",
]


@dataclass
class SiteSitemap:
    """The whole sitemap as a crawler reads it: the index and every sitemap it lists."""

    index: bytes = b""
    # {URL of a sitemap (as listed in the index): its XML}
    sitemaps: dict = field(default_factory=dict)
    # {loc: {"lastmod": str or None, "alts": {hreflang: href}}}, over every sitemap
    entries: dict = field(default_factory=dict)

    @property
    def text(self):
        """Everything served, index included, as one string (to look for a word in)."""
        return "\n".join(xml.decode() for xml in [self.index, *self.sitemaps.values()])


def _sitemap_xml(client, url, root_tag):
    """The XML root of the sitemap document at `url`, checked against the protocol."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("http", "testserver"), url
    response = client.get(parts.path, QUERY_STRING=parts.query)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml"), url
    assert len(response.content) <= SITEMAP_MAX_BYTES, url
    root = etree.fromstring(response.content, etree.XMLParser(resolve_entities=False))
    assert root.tag == f"{{{SITEMAP_NS['sm']}}}{root_tag}", url
    return response.content, root


def read_sitemap(client):
    """Read /sitemap.xml as a crawler would: the index, then each sitemap it lists, checking
    the XML against the protocol as it goes (namespaces, absolute URLs, W3C dates, no URL
    listed twice, at most NEWSROOM_SITEMAP_PAGE_SIZE URLs a file)."""
    site = SiteSitemap()
    site.index, index = _sitemap_xml(client, "http://testserver/sitemap.xml", "sitemapindex")
    page_size = django_settings.NEWSROOM_SITEMAP_PAGE_SIZE
    for sitemap in index:
        assert sitemap.tag == f"{{{SITEMAP_NS['sm']}}}sitemap"
        loc = sitemap.findtext("sm:loc", namespaces=SITEMAP_NS)
        assert loc not in site.sitemaps, f"{loc} listed twice"
        datetime.datetime.fromisoformat(sitemap.findtext("sm:lastmod", namespaces=SITEMAP_NS))
        site.sitemaps[loc], urlset = _sitemap_xml(client, loc, "urlset")
        assert 0 < len(urlset) <= min(page_size, SITEMAP_MAX_URLS), loc
        for url in urlset:
            assert url.tag == f"{{{SITEMAP_NS['sm']}}}url"
            assert [child.tag for child in url if child.tag not in URL_CHILDREN] == [], loc
            (entry_loc,) = [child.text for child in url if child.tag == URL_CHILDREN[0]]
            assert urlsplit(entry_loc).netloc == "testserver", entry_loc
            assert entry_loc not in site.entries, f"{entry_loc} listed twice"
            lastmod = url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
            if lastmod is not None:
                datetime.date.fromisoformat(lastmod)
            alternates = {}
            for link in url.findall("xhtml:link", SITEMAP_NS):
                assert link.get("rel") == "alternate"
                assert link.get("hreflang") not in alternates, f"{entry_loc}: hreflang twice"
                assert urlsplit(link.get("href")).netloc == "testserver", link.get("href")
                alternates[link.get("hreflang")] = link.get("href")
            site.entries[entry_loc] = {"lastmod": lastmod, "alts": alternates}
    return site
