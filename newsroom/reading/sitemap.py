"""sitemap.xml and robots.txt, served outside the language prefix.

/sitemap.xml is a sitemap index (sitemaps.org protocol) listing paged sitemaps of two
sections: ``pages`` (/sitemap-pages.xml?p=N: every live, public, routable page of every
language, oldest first) and ``tags`` (/sitemap-tags.xml?p=N: the tag lists of the news
indexes). Django's ``django.contrib.sitemaps`` views serve them: the index, the ``p``
parameter (a page out of range or not a number is a 404), the X-Robots-Tag header and the
templates. Our sections give each entry the reciprocal hreflang set of its translation
family: its live, public translations, itself included, and ``x-default`` (the Polish
version when it is live, else the entry itself).

Django's own i18n sitemaps do not fit: they list every item in every language (or pair
each item with its languages in Python, loading the whole site for each page), whereas a
page's family here is whatever translations are live and public. So a section pages its
own queryset and adds the alternates of its slice in one query.

Queries, whatever the number of pages: the index runs the view restrictions, then a count
and a latest publication per section; a page of the pages section the restrictions, a
count, its slice, the slice's families and the request's Site; a page of the tags section
the restrictions, a count, its tags, their languages, the news indexes and the Site.
(Cold caches add the site root paths and the news index's content type.)

A page holds NEWSROOM_SITEMAP_PAGE_SIZE URLs at most (1,000: about 0.7 MB with the
alternates, well under the protocol's 50,000 URLs and 50 MB).
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import F, Max, Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site

from newsroom.languages import default_language, site_languages
from newsroom.models.pages import NewsIndexPage, PressReleasePageTag, tag_list_path
from newsroom.models.records import ReleaseTag
from newsroom.models.texts import text_in


def _language_order(code):
    languages = site_languages()
    return (languages.index(code) if code in languages else len(languages), code)


class _Section(Sitemap):
    """A section of the sitemap, NEWSROOM_SITEMAP_PAGE_SIZE entries a page at most."""

    def __init__(self, request, private):
        self.request = request
        # What the view restrictions hide (read once for the request), as a filter of pages.
        self.private = private
        self.public_pages = Page.objects.live().exclude(private)

    @property
    def limit(self):
        return settings.NEWSROOM_SITEMAP_PAGE_SIZE

    @cached_property
    def paginator(self):
        # One count, shared by the index's list of pages and the check of a page's number;
        # an empty section has no page 1 (the protocol wants at least one URL per sitemap).
        return Paginator(self.items(), self.limit, allow_empty_first_page=False)

    @staticmethod
    def entry(loc, lastmod, family):
        """An entry as Django's sitemap.xml renders it; `family` is {language: URL} of the
        entry's live, public translations, itself included."""
        alternates = [
            {"lang_code": code, "location": family[code]}
            for code in sorted(family, key=_language_order)
        ]
        x_default = family.get(default_language(), loc)
        alternates.append({"lang_code": "x-default", "location": x_default})
        return {"location": loc, "lastmod": lastmod, "alternates": alternates}

    def absolute_url(self, page):
        url = page.get_url(self.request)
        return self.request.build_absolute_uri(url) if url else None


class PageSitemap(_Section):
    """Every live, public page under a site's root, with its family."""

    def routable(self):
        """The live, public pages with an address: those under a site's root page."""
        roots = Q()
        for root in Site.get_site_root_paths():
            roots |= Q(url_path__startswith=root.root_path)
        return self.public_pages.filter(roots) if roots else self.public_pages.none()

    def rows(self):
        """`routable()` as rows of what an entry needs: address, family, language, lastmod."""
        return self.routable().values_list(
            "pk",
            "url_path",
            "translation_key",
            "last_published_at",
            "locale__language_code",
            named=True,
        )

    def items(self):
        # In the order the pages were made: a new page goes on the last sitemap, the others
        # stay as they were; and the primary key's index pages through them without a sort.
        return self.rows().order_by("pk")

    def get_latest_lastmod(self):
        return self.routable().aggregate(latest=Max("last_published_at"))["latest"]

    def url_of(self, url_path):
        """The absolute URL of the page at `url_path`. Page.get_url reads nothing but the
        url_path (and the site root paths it caches on the request), so one unsaved Page
        answers for every row: a Page instance per row would cost most of the page's time."""
        self._probe.url_path = url_path
        return self.absolute_url(self._probe)

    @cached_property
    def _probe(self):
        return Page()

    def get_urls(self, page=1, site=None, protocol=None):
        pages = list(self.paginator.page(page).object_list)
        listed = {page.pk for page in pages}
        # The slice's families: its rows again, and its translations on other pages.
        keys = {page.translation_key for page in pages}
        members = self.rows().filter(translation_key__in=keys).order_by()
        families = defaultdict(dict)
        for member in [*pages, *(row for row in members if row.pk not in listed)]:
            if url := self.url_of(member.url_path):
                families[member.translation_key][member.locale__language_code] = url
        entries = []
        for page in pages:
            family = families[page.translation_key]
            if loc := family.get(page.locale__language_code):
                entries.append(self.entry(loc, page.last_published_at, family))
        return entries


class TagListSitemap(_Section):
    """The tag lists of the news indexes (NewsIndexPage.tag_releases), paged by tag.

    A tag has a list in each language whose live, public releases carry it and where it
    has a name, on the first live, public news index of that language; the languages of a
    tag are its hreflang set. An entry's lastmod is the latest publication of a release of
    its language carrying the tag.
    """

    @property
    def limit(self):
        # A tag has an entry per language at most: a page holds no more than page_size.
        return max(1, settings.NEWSROOM_SITEMAP_PAGE_SIZE // len(site_languages()))

    def carrying(self):
        """The tags of the live, public releases."""
        return PressReleasePageTag.objects.filter(content_object__in=self.public_pages.values("pk"))

    def items(self):
        return ReleaseTag.objects.filter(pk__in=self.carrying().values("tag_id")).order_by("pk")

    def get_latest_lastmod(self):
        return self.carrying().aggregate(latest=Max("content_object__last_published_at"))["latest"]

    def news_index_urls(self):
        """{language: absolute URL} of the first live, public news index of each language."""
        urls = {}
        # By content type: its index finds the few news indexes among all the pages.
        indexes = self.public_pages.exact_type(NewsIndexPage).select_related("locale")
        for index in indexes.order_by("path"):
            language = index.locale.language_code
            if language not in urls and (url := self.absolute_url(index)):
                urls[language] = url
        return urls

    def get_urls(self, page=1, site=None, protocol=None):
        tags = list(self.paginator.page(page).object_list)
        carried = defaultdict(dict)
        for row in (
            self.carrying()
            .filter(tag__in=tags)
            .values("tag_id", language=F("content_object__locale__language_code"))
            .annotate(latest=Max("content_object__last_published_at"))
            .order_by()
        ):
            carried[row["tag_id"]][row["language"]] = row["latest"]
        index_urls = self.news_index_urls()
        entries = []
        for tag in tags:
            languages = carried[tag.pk]
            family = {
                code: index_urls[code] + tag_list_path(tag.url_slugs[code], code)
                for code in sorted(languages, key=_language_order)
                if code in index_urls
                and (tag.url_slugs or {}).get(code)
                and text_in(tag, "label", code)
            }
            for code, loc in family.items():
                entries.append(self.entry(loc, languages[code], family))
        return entries


def _sections(request):
    private = Page.objects.private_q()  # what PageQuerySet.public() leaves out
    return {"pages": PageSitemap(request, private), "tags": TagListSitemap(request, private)}


@require_safe
def index(request):
    """The sitemap index: each page of each section that has entries, with its lastmod."""
    sections = {name: s for name, s in _sections(request).items() if s.paginator.count}
    response = sitemap_views.index(request, sections, sitemap_url_name="sitemap_section")
    # The lastmods are publication times: unpublishing or hiding a page changes a sitemap
    # without changing them, so they are no validator for a conditional request.
    response.headers.pop("Last-Modified", None)
    return response


@require_safe
def section(request, section):
    """One page (?p=N, from 1) of a section: 404 for an unknown section or page number."""
    return sitemap_views.sitemap(request, _sections(request), section=section)


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    text = render_to_string("robots.txt", {"sitemap_url": sitemap_url})
    return HttpResponse(text, content_type="text/plain")
