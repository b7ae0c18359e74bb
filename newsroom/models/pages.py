"""Page types: one tree per locale (pl, en, ru), translated with wagtail-localize."""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import SlugInput
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from newsroom import feeds, stemming
from newsroom.blocks import PressReleaseBodyBlock
from newsroom.formatting import country_name, initial, sorted_by_name
from newsroom.languages import site_languages
from newsroom.models.announcing import AwardsChooser
from newsroom.models.contacts import (
    MediaContact,
    shown_contacts_of_cluster,
    shown_contacts_of_release,
)
from newsroom.models.listings import CLUSTER_PREVIEW_COUNT, ReleaseFilter, paginate
from newsroom.models.page_slugs import (
    give_own_slug,
    refuse_reserved_slug,
    reserved_slug_refusal,
)
from newsroom.models.publication import publish_texts_in
from newsroom.models.records import Award, Cluster, Label, ReleaseTag, note_renewals
from newsroom.models.routes import LocalisedRoutesMixin
from newsroom.models.texts import name_in, text_in
from newsroom.privacy import is_private, public, view_restrictions_of
from newsroom.slugs import ascii_slug, slug_formatters
from newsroom.stale_edits import RefusesStaleSaves

HOME_RELEASE_COUNT = 6


class LocalizedPageMixin:
    """Render a page in its own locale's language, on the site and in admin previews.

    Wagtail's responses are lazy TemplateResponses, so they are rendered inside the
    override; otherwise UI strings and Babel formats would follow the admin user's
    language in previews.
    """

    def full_clean(self, *args, **kwargs):
        give_own_slug(self)  # an ASCII slug of its own (models/page_slugs.py)
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        give_own_slug(self)
        super().minimal_clean()

    def clean(self):
        super().clean()
        refuse_reserved_slug(self)

    def get_view_restrictions(self):
        """Wagtail's check before serving, from the restrictions read once per request."""
        restrictions = view_restrictions_of(self)
        return super().get_view_restrictions() if restrictions is None else restrictions

    def _render_in_own_language(self, respond, *args, **kwargs):
        with translation.override(self.locale.language_code):
            response = respond(*args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response

    def serve(self, request, *args, **kwargs):
        return self._render_in_own_language(super().serve, request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["language_links"] = language_links(self, request)
        return context

    def serve_preview(self, request, *args, **kwargs):
        return self._render_in_own_language(super().serve_preview, request, *args, **kwargs)


def language_links(page, request):
    """One link per site language: the live translation of `page`, else that language's home.

    Two queries at most, whatever the page: its translations, then (only when some
    language lacks one) the home pages of the missing languages.
    """
    memo = request.__dict__.setdefault("_newsroom_language_links", {}) if request else {}
    if page.pk in memo:
        return [dict(link) for link in memo[page.pk]]  # callers may change theirs
    # As plain pages: a link needs none of the translations' own fields (a release's body).
    translations = Page.objects.filter(translation_key=page.translation_key).live()
    live = {p.locale.language_code: p for p in public(translations).select_related("locale")}
    missing = [code for code in site_languages() if code not in live]
    homes = {}
    if missing:
        homes = {
            home.locale.language_code: home
            for home in public(HomePage.objects.live())
            .filter(locale__language_code__in=missing)
            .select_related("locale")
        }
    links = []
    for code in site_languages():
        target = live.get(code) or homes.get(code)
        url = target.get_url(request) if target else None
        if url and code not in live:
            # The home page explains that the page the reader came from is not translated.
            url += "?from=untranslated"
        links.append(
            {
                "language_code": code,
                "url": url,
                "is_current": code == page.locale.language_code,
                "is_translation": code in live,
            }
        )
    memo[page.pk] = links
    return [dict(link) for link in links]


def route_language_links(page, request, route, args_in=None, query="", note=None):
    """The language switcher and hreflang set of one of the routes of `page` (a routable
    page): the same route of each language's translation of the page, in that language's
    words, with `args_in(language)` as the route's arguments and `query` (filters every
    language shares) kept.

    Where the route has no counterpart (`args_in` gives None: a tag not named in that
    language), the link opens that language's page itself, marked as no translation with
    `note`. hreflang (newsroom.reading.seo) reads `alternate_url`: the route without query.
    """
    links = language_links(page, request)
    for link in links:
        if not (link["is_translation"] and link["url"]):
            continue
        code = link["language_code"]
        args = args_in(code) if args_in else ()
        if args is None:
            link["is_translation"] = False
            link["note"] = note
            continue
        link["url"] += type(page).subpage_path(route, code, *args)
        link["alternate_url"] = link["url"]
        if query:
            link["url"] += f"?{query}"
    return links


def live_releases(locale, newest_first=False):
    """Live, public releases of one locale, newest first, with what lists render.

    `newest_first`: for showing the first releases of a long list (not for counting them).
    PostgreSQL walks the releases newest first (the `release_newest_first` index) and stops
    at the page's end by itself; SQLite prefers the locale's index and sorts every release
    of the language, unless the locale is compared as an expression rather than by its
    column. Counts, and lists a parent narrows (a cluster's), are faster the usual way.
    """
    releases = public(PressReleasePage.objects.live())
    if newest_first and connection.vendor == "sqlite":
        releases = releases.alias(in_locale=F("locale_id") + 0).filter(in_locale=locale.pk)
    else:
        releases = releases.filter(locale=locale)
    return (
        releases.select_related("locale")
        .prefetch_related(live_awards_prefetch(), live_clusters_prefetch())
        .order_by("-release_date", "-pk")
    )


def live_awards_prefetch():
    """A release's live awards with their labels: what lists and feeds show of them."""
    return Prefetch("awards", queryset=Award.objects.filter(live=True).select_related("label"))


def live_clusters_prefetch():
    """A release's live clusters: the names lists, feeds and search show."""
    return Prefetch("clusters", queryset=Cluster.objects.filter(live=True))


def is_preview(request):
    return getattr(request, "is_preview", False)


def shown_awards(awards, request, page=None):
    """The awards a page shows: live ones; drafts too in an editor's preview, and on a
    private release `page` (`page` given): the awards it will make public when it is, to the
    people it is shared with. A public page asks no more than the awards' own query."""
    if is_preview(request):
        return awards
    if page is None:
        return awards.filter(live=True)
    awards = list(awards)
    if any(not award.live for award in awards) and is_private(page):
        return awards
    return [award for award in awards if award.live]


def shown_cluster(cluster, request, page):
    """The cluster `page` shows: a live one; a draft too in an editor's preview and on a
    private page (which will make it public when it is); else None."""
    if cluster.live or is_preview(request) or is_private(page):
        return cluster
    return None


def news_index_in(request, language_code):
    """The live, public news index of a language (None without one), read once per request:
    the navigation, the home page and a release's tag links all want it."""
    found = request.__dict__.setdefault("_newsroom_news_indexes", {})
    if language_code not in found:
        found[language_code] = (
            public(NewsIndexPage.objects.live())
            .filter(locale__language_code=language_code)
            .select_related("locale")  # its routes' words are its language's
            .first()
        )
    return found[language_code]


def route_below(home, request, path_components):
    """Wagtail's routing from a language's home page, with the pages along the path read in
    one query (and the page served in one more) instead of two queries per level.

    The answers are Wagtail's: a live routable page's own routes (feeds, filters, tag
    lists) win over its children; a child is found by its slug; the page at the end serves
    only if live (its own `route`).
    """
    prefixes, url_path = [], home.url_path
    for component in path_components:
        url_path += f"{component}/"
        prefixes.append(url_path)
    chain = {
        page.depth: page
        # The slugs lead (an index; the path prefix covers a whole language's tree).
        for page in Page.objects.filter(
            slug__in=set(path_components),
            url_path__in=prefixes,
            path__startswith=home.path,
            depth__gt=home.depth,
        )
    }
    current, remaining = home, list(path_components)
    while remaining:
        page_class = current.specific_class
        if page_class and issubclass(page_class, LocalisedRoutesMixin) and current.live:
            if page_class.answers_route(remaining):
                break  # the page's own route: it answers the rest
        elif page_class and issubclass(page_class, RoutablePageMixin) and current.live:
            try:
                page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
                break
            except Http404:
                pass
        child = chain.get(current.depth + 1)
        if child is None or child.slug != remaining[0] or not child.path.startswith(current.path):
            raise Http404
        current, remaining = child, remaining[1:]
    if current is home:
        return Page.route(home, request, remaining)  # Wagtail's own: the home itself
    page_class = current.specific_class
    if page_class is None:
        return current.specific.route(request, remaining)
    # The page served, with what its template reads at once (`served_with`).
    related = ("locale", *getattr(page_class, "served_with", ()))
    current = page_class.objects.select_related(*related).get(pk=current.pk)
    return current.route(request, remaining)


class NewsroomPageForm(RefusesStaleSaves, WagtailAdminPageForm):
    """Every page editor: a save based on an older revision than the latest is refused, and
    a slug the parent page routes itself (a draft too: models/page_slugs.py); the slug the
    field proposes from the title is romanised as the server would (newsroom.slugs)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = getattr(self.instance, "locale", None) or getattr(self.parent_page, "locale", None)
        formatters = slug_formatters(locale.language_code) if locale else None
        if formatters and "slug" in self.fields:
            self.fields["slug"].widget = SlugInput(locale=locale, formatters=formatters)

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        refusal = reserved_slug_refusal(cleaned_data.get("slug"), parent)
        if refusal:
            self.add_error("slug", refusal)
        return cleaned_data


class HomePage(LocalizedPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.NewsIndexPage"]
    template = "newsroom/home_page.html"
    base_form_class = NewsroomPageForm

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return route_below(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["releases"] = live_releases(self.locale, newest_first=True)[:HOME_RELEASE_COUNT]
        # The first clusters A to Z; with more, a link to the news index's cluster directory.
        cluster_pages = list(
            public(ClusterNewsPage.objects.live())
            .filter(locale=self.locale, cluster__live=True)
            .select_related("cluster")
            .order_by("title")[: CLUSTER_PREVIEW_COUNT + 1]
        )
        context["cluster_pages"] = cluster_pages[:CLUSTER_PREVIEW_COUNT]
        context["news_index"] = news_index = news_index_in(request, self.locale.language_code)
        if len(cluster_pages) > CLUSTER_PREVIEW_COUNT and news_index is not None:
            context["cluster_directory_url"] = news_index.cluster_directory_url(request)
        return context


def level_title(level):
    """A level page's heading: "Silver labels", "Statuses"…"""
    titles = {
        Label.Level.BRONZE: _("Bronze labels"),
        Label.Level.SILVER: _("Silver labels"),
        Label.Level.GOLD: _("Gold labels"),
        Label.Level.STATUS: _("Statuses"),
    }
    return titles[level]


class NewsIndexPage(LocalizedPageMixin, LocalisedRoutesMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ClusterNewsPage"]
    template = "newsroom/news_index_page.html"
    base_form_class = NewsroomPageForm

    class Meta:
        verbose_name = _("news index")

    def listing_context(
        self, request, route="all_releases", args_in=None, note=None, fixed=None, narrowed=None
    ):
        """A list's filter, facets, page of this language's live releases, `narrowed` (a
        function of a queryset) to some of them, and its links in other languages: the same
        `route` and filters (see route_language_links)."""
        narrowed = narrowed or (lambda releases: releases)
        release_filter = ReleaseFilter(
            request.GET,
            narrowed(live_releases(self.locale)),
            fixed=fixed,
            shown=narrowed(live_releases(self.locale, newest_first=True)),
        )
        return {
            "filter": release_filter,
            "facets": release_filter.facets(),
            "releases": paginate(request, release_filter.results, release_filter.counted),
            "cluster_directory_url": self.cluster_directory_url(request),
            "language_links": route_language_links(
                self,
                request,
                route,
                args_in=args_in,
                query=release_filter.url_with()[1:],
                note=note,
            ),
        }

    def cluster_directory_url(self, request):
        return self.get_url(request) + self.reverse_subpage("cluster_directory")

    def feed_url(self, request, *args):
        """feed_url(request, kind) or feed_url(request, level, kind): a feed's address."""
        route = "level_feed" if len(args) == 2 else "feed"
        return self.get_url(request) + self.reverse_subpage(route, args=args)

    @path("clusters/")
    def cluster_directory(self, request):
        """Every cluster with a live, public news page below this index, A to Z, grouped by
        initial: one query for the pages with their clusters (whatever their number)."""
        directory = cluster_directory(self, request)
        context = {
            "directory": directory,
            "directory_count": sum(len(entries) for _initial, entries in directory),
            "canonical_url": self.cluster_directory_url(request),
            "language_links": route_language_links(self, request, "cluster_directory"),
        }
        return self.render(
            request, template="newsroom/cluster_directory.html", context_overrides=context
        )

    @path("")
    def all_releases(self, request):
        context = self.listing_context(request)
        context["feed_links"] = feeds.feed_links(
            lambda kind: self.feed_url(request, kind), self.title
        )
        return self.render(request, context_overrides=context)

    @path("level/<str:level>/")
    def level_releases(self, request, level):
        if level not in Label.Level.values:
            raise Http404
        context = self.listing_context(
            request, "level_releases", args_in=lambda _code: (level,), fixed={"level": level}
        )
        context["level"] = level
        context["level_title"] = level_title(level)
        context["canonical_url"] = self.get_url(request) + self.reverse_subpage(
            "level_releases", args=[level]
        )
        context["feed_links"] = feeds.feed_links(
            lambda kind: self.feed_url(request, level, kind), str(level_title(level))
        )
        return self.render(request, context_overrides=context)

    @path("tag/<str:slug>/")
    def tag_releases(self, request, slug):
        """The live releases of this language carrying a tag, under its name in this language.

        A tag no live, public release of this language carries has no list here: its name
        may come from a draft (typed in the editor of a release not yet published). In
        other languages the switcher opens the same tag's list where it is named and
        carried, else that language's news index.
        """
        language = self.locale.language_code
        tag = tag_with_slug(slug, language)
        if tag is None and not slug.isascii():
            # Tag addresses were Unicode before they were transliterated: the old address
            # of a tag answers with a permanent redirect to its ASCII one.
            moved = tag_with_slug(ascii_slug(slug, language, max_length=90), language)
            if moved is not None and language in moved.carried_in:
                path = self.get_url(request) + tag_list_path(moved.url_slugs[language], language)
                query = request.GET.urlencode()
                return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)
        if tag is None or language not in tag.carried_in:
            raise Http404

        def tag_slug_in(code):
            slug = (tag.url_slugs or {}).get(code) if code in tag.carried_in else None
            return (slug,) if slug else None

        context = self.listing_context(
            request,
            "tag_releases",
            args_in=tag_slug_in,
            note=_("This tag has no name in this language yet: opens the news index"),
            narrowed=lambda releases: releases.filter(tagged_items__tag=tag),
        )
        context["tag_title"] = text_in(tag, "label", language)
        context["canonical_url"] = self.get_url(request) + tag_list_path(slug, language)
        return self.render(request, context_overrides=context)

    @path("feed/<str:kind>/")
    def feed(self, request, kind):
        return feeds.page_feed(
            request,
            self,
            kind,
            live_releases(self.locale, newest_first=True),
            description=self.intro,
            categories=release_categories,
        )

    @path("level/<str:level>/feed/<str:kind>/")
    def level_feed(self, request, level, kind):
        if level not in Label.Level.values:
            raise Http404
        title = str(level_title(level))
        releases = ReleaseFilter(
            QueryDict(), live_releases(self.locale, newest_first=True), fixed={"level": level}
        )
        return feeds.page_feed(
            request,
            self,
            kind,
            releases.results,
            title=title,
            url=self.get_url(request) + self.reverse_subpage("level_releases", args=[level]),
            description=feeds.feed_description(title),
            categories=release_categories,
        )

    def level_links(self, request):
        url = self.get_url(request)
        return [
            {
                "level": level,
                "title": level_title(level),
                "url": url + self.reverse_subpage("level_releases", args=[level.value]),
            }
            for level in Label.Level
        ]

    def get_context(self, request, *args, **kwargs):
        if self.live and not is_private(self):
            # The navigation's news link is this page: no need to look it up again.
            request.__dict__.setdefault("_newsroom_news_indexes", {}).setdefault(
                self.locale.language_code, self
            )
        context = super().get_context(request, *args, **kwargs)
        context["level_links"] = self.level_links(request)
        return context


TAG_SLUG = re.compile(r"^[-\w]{1,100}$")


@dataclass
class DirectoryEntry:
    name: str
    language: str  # the language of `name` when it is not the page's (a Polish-only name)
    country: str
    url: str


def cluster_directory(index, request):
    """[(initial, [DirectoryEntry…])…] of the live, public cluster pages below `index`
    whose cluster is live, ordered by name by the language's rules and grouped by its
    initials (Polish "Ł" apart from "L", Russian "Ё" with "Е")."""
    language = index.locale.language_code
    base_url = index.get_url(request)
    entries = []
    pages = (
        public(ClusterNewsPage.objects.live().child_of(index))
        .filter(cluster__live=True)
        .select_related("cluster")
    )
    for page in pages:
        name, written_in = name_in(page.cluster, language)
        entries.append(
            DirectoryEntry(
                name=name or page.cluster.slug,
                language="" if written_in == language else written_in,
                country=country_name(page.cluster.country, language)
                if page.cluster.country
                else "",
                url=f"{base_url}{page.slug}/",
            )
        )
    groups = {}
    for entry in sorted_by_name(entries, language, name=lambda entry: entry.name):
        groups.setdefault(initial(entry.name, language), []).append(entry)
    return list(groups.items())


def tag_list_path(slug, language):
    """The address of a tag's list below a news index of `language` (tag_releases)."""
    return NewsIndexPage.subpage_path("tag_releases", language, slug)


def tag_with_slug(slug, language_code):
    """The tag whose address in `language_code` is `slug`, if it has a name there, with
    `carried_in`: the languages with a live, public release carrying it; else None.
    One query (after the view restrictions `public()` reads)."""
    if not TAG_SLUG.match(slug or ""):
        return None
    carried = {
        f"carried_{code}": Exists(
            public(PressReleasePage.objects.live()).filter(
                tagged_items__tag=OuterRef("pk"), locale__language_code=code
            )
        )
        for code in site_languages()
    }
    tag = (
        ReleaseTag.objects.filter(**{f"url_slugs__{language_code}": slug})
        .annotate(**carried)
        .first()
    )
    if tag is None or not text_in(tag, "label", language_code):
        return None
    tag.carried_in = {code for code in site_languages() if getattr(tag, f"carried_{code}")}
    return tag


class ClusterNewsPage(LocalizedPageMixin, LocalisedRoutesMixin, Page):
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="news_pages",
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("cluster"), FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types = ["newsroom.PressReleasePage"]
    template = "newsroom/cluster_news_page.html"
    # Read with the page when it is served (route_below): its profile shows the cluster.
    served_with = ("cluster",)
    base_form_class = NewsroomPageForm

    class Meta:
        verbose_name = _("cluster news page")

    def clean(self):
        super().clean()
        # Translations of this page share the cluster; another page in the same
        # language must not claim it too.
        taken = (
            ClusterNewsPage.objects.filter(locale_id=self.locale_id, cluster_id=self.cluster_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if self.cluster_id and taken:
            raise ValidationError(
                {"cluster": _("This cluster already has a news page in this language.")}
            )

    def search_text(self):
        """Title, intro and the live cluster's texts written in the page's language."""
        language = self.locale.language_code
        cluster_texts = [
            text_in(self.cluster, field, language)
            for field in ("name", "description", "city", "sector")
            if self.cluster.live
        ]
        return "\n".join([self.title, self.intro, *cluster_texts])

    # The search backend may match on the body alone (newsroom/search_backend.py).
    search_body_has_title = True

    def search_stems(self):
        return stemming.stemmed_text(self.search_text(), self.locale.language_code)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cluster"] = shown_cluster(self.cluster, request, self)
        context["media_contacts"] = shown_contacts_of_cluster(self.cluster)
        context["awards"] = shown_awards(
            self.cluster.awards.select_related("label__body").order_by("-awarded_on"), request
        )
        context["releases"] = paginate(request, live_releases(self.locale).child_of(self))
        context["feed_links"] = feeds.feed_links(
            lambda kind: self.get_url(request) + self.reverse_subpage("feed", args=[kind]),
            self.title,
        )
        return context

    @path("feed/<str:kind>/")
    def feed(self, request, kind):
        releases = live_releases(self.locale).child_of(self)
        name = text_in(self.cluster, "name", self.locale.language_code) if self.cluster.live else ""
        description = feeds.feed_description(name or self.title)
        return feeds.page_feed(
            request, self, kind, releases, description=description, categories=release_categories
        )

    def publish(self, revision, *args, **kwargs):
        # One transaction: a draft cluster goes live with its page (publish_records_with_page).
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)


class PressReleasePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.PressReleasePage", related_name="tagged_items", on_delete=models.CASCADE
    )
    tag = models.ForeignKey(ReleaseTag, related_name="tagged_releases", on_delete=models.CASCADE)


class _ReleaseTagsOfPage(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        # Tags typed in the release editor (or added in code) as text: a tag this creates is
        # named in the language of the page it was typed on.
        instances = super()._to_tag_model_instances(tags, tag_kwargs)
        locale = getattr(self.instance, "locale", None) if self.instance is not None else None
        if locale is not None:
            typed = {tag for tag in tags if isinstance(tag, str)}
            for tag in instances:
                if tag.name in typed:
                    tag.label_if_new(locale.language_code)
        return instances


class ReleaseTagManager(ClusterTaggableManager):
    """The release editor's tags, each a ReleaseTag; see _ReleaseTagsOfPage."""

    def __get__(self, instance, model):
        return _ReleaseTagsOfPage(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )


class PressReleaseForm(NewsroomPageForm):
    """The release editor: the cluster it is filed under comes preselected, and "awards
    announced" accepts that cluster's awards (and those of any other cluster the release
    lists), not every award of every cluster.

    The awards are chosen in a modal chooser (`AwardsChooser`), listing those of the ticked
    clusters; the restriction is kept here too, so a posted award of another cluster is
    refused with a form error.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page.specific if self.parent_page else None
        filed_under = getattr(parent, "cluster", None)
        if filed_under is not None and not self.instance.pk and not self.is_bound:
            self.initial["clusters"] = [filed_under.pk]
        if "awards" not in self.fields:
            return
        cluster_ids = self.listed_cluster_ids()
        if filed_under is not None:
            cluster_ids.add(filed_under.pk)
            widget = self.fields["awards"].widget
            if isinstance(widget, AwardsChooser):
                widget.default_clusters = [filed_under.pk]
        linked = [award.pk for award in self.instance.awards.all()]
        self.fields["awards"].queryset = (
            Award.objects.filter(Q(cluster_id__in=cluster_ids) | Q(pk__in=linked))
            .select_related("label", "cluster")
            .order_by("-awarded_on")
        )

    def listed_cluster_ids(self):
        """The clusters the release lists: as posted when the form is bound, else as stored."""
        if not self.is_bound:
            return {cluster.pk for cluster in self.instance.clusters.all()}
        name = self.add_prefix("clusters")
        posted = self.data.getlist(name) if hasattr(self.data, "getlist") else self.data.get(name)
        if posted is None or isinstance(posted, str | int):
            posted = [] if posted is None else [posted]
        return {int(value) for value in posted if str(value).isdigit()}


class PressReleasePage(LocalizedPageMixin, Page):
    release_date = models.DateField(_("release date"))
    lead = models.TextField(_("lead"), help_text=_("One or two sentences that open the release."))
    body = StreamField(PressReleaseBodyBlock(), verbose_name=_("body"))
    clusters = ParentalManyToManyField(
        Cluster,
        verbose_name=_("clusters"),
        related_name="press_releases",
        blank=True,
    )
    awards = ParentalManyToManyField(
        Award,
        verbose_name=_("awards announced"),
        related_name="press_releases",
        blank=True,
        help_text=_("Their facts are shown from the records, in the page's language."),
    )
    tags = ReleaseTagManager(through=PressReleasePageTag, blank=True)
    media_contacts = ParentalManyToManyField(
        MediaContact,
        verbose_name=_("media contacts"),
        related_name="press_releases",
        blank=True,
        help_text=_("None chosen: the release shows its cluster's media contacts."),
    )
    # Set by the importer, so importing the same file again updates this release.
    import_checksum = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("release_date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("clusters", widget=forms.CheckboxSelectMultiple),
                FieldPanel("awards", widget=AwardsChooser),
                FieldPanel("tags"),
            ],
            heading=_("What it announces"),
        ),
        FieldPanel("media_contacts", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("search_stems"),
        index.FilterField("release_date"),
    ]
    parent_page_types = ["newsroom.ClusterNewsPage"]
    subpage_types = []
    template = "newsroom/press_release_page.html"
    base_form_class = PressReleaseForm

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        # Lists read the newest releases first: with this index the first page of a list is
        # a short walk, not a sort of every release of the language (live_releases).
        indexes = [models.Index(fields=["-release_date", "-page_ptr"], name="release_newest_first")]

    def search_text(self):
        """Title, lead, body and the names of what it announces, in the page's language."""
        return "\n".join(
            [self.title, self.lead, stemming.stream_text(self.body), *release_categories(self)]
        )

    # The search backend may match on the body alone (newsroom/search_backend.py).
    search_body_has_title = True

    def search_stems(self):
        return stemming.stemmed_text(self.search_text(), self.locale.language_code)

    def shown_tags(self, request):
        """[(name, url)]: the release's tags named in its language, each linking to that
        tag's list on the news index of this language; a tag without a name in it is left
        out. One query for its tags, and one for its news index when some tag is shown."""
        language = self.locale.language_code
        tags = [tag for tag in self.tags.all() if text_in(tag, "label", language)]
        if not tags:
            return []
        index = news_index_in(request, language)
        index_url = index.get_url(request) if index else None
        shown = []
        for tag in sorted_by_name(tags, language, name=lambda tag: text_in(tag, "label", language)):
            slug = (tag.url_slugs or {}).get(language)
            url = (
                index_url + index.reverse_subpage("tag_releases", args=[slug])
                if (index_url and slug)
                else None
            )
            shown.append((text_in(tag, "label", language), url))
        return shown

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shown_tags"] = self.shown_tags(request)
        # Read once: the award cards and the JSON-LD (seo.release_structured_data) use them.
        prefetch_related_objects(
            [self],
            Prefetch(
                "awards",
                queryset=Award.objects.select_related("label__body", "cluster").order_by(
                    "-awarded_on"
                ),
            ),
        )
        context["announced_awards"] = note_renewals(shown_awards(self.awards.all(), request, self))
        # One query: the live clusters it lists (also read by the JSON-LD's categories).
        prefetch_related_objects([self], live_clusters_prefetch())
        clusters = [cluster for cluster in self.clusters.all() if cluster.live]
        context["related_releases"] = self.related_releases(clusters, context["announced_awards"])
        context["about_cluster"] = None if self.has_about_block() else next(iter(clusters), None)
        # What journalists copy and share: the address the canonical link gives (seo.py).
        context["release_url"] = request.build_absolute_uri(self.get_url(request))
        context["media_contacts"] = shown_contacts_of_release(self)
        return context

    def has_about_block(self):
        """Whether the body already closes with its own "about the cluster" boilerplate: then
        the cluster record's profile is not shown a second time."""
        return any(block.block_type == "about_cluster" for block in self.body)

    def related_releases(self, clusters, awards, limit=3):
        """Up to `limit` other live, public releases of this language that list one of
        `clusters` or announce a live award of the same level as one of `awards`: those of
        the same cluster first, then those of the same level, each newest first.

        One query whatever the data (none when there is nothing to relate by); the rows carry
        only what the related list shows (title, date, lead, URL)."""
        cluster_ids = [cluster.pk for cluster in clusters]
        levels = sorted({award.label.level for award in awards})
        if not cluster_ids and not levels:
            return []
        same_cluster = Exists(
            PressReleasePage.clusters.through.objects.filter(
                pressreleasepage_id=OuterRef("pk"), cluster_id__in=cluster_ids, cluster__live=True
            )
        )
        same_level = Exists(
            Award.objects.filter(press_releases=OuterRef("pk"), live=True, label__level__in=levels)
        )
        related = (
            public(PressReleasePage.objects.live())
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .select_related("locale")
            .annotate(same_cluster=same_cluster, same_level=same_level)
            .filter(Q(same_cluster=True) | Q(same_level=True))
            .order_by("-same_cluster", "-same_level", "-release_date", "-pk")
        )
        return list(related[:limit])

    def publish(self, revision, *args, **kwargs):
        # One transaction, so the awards and clusters that go live with the release (see
        # publish_records_with_page) and the release become public together or not at all.
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)


def release_categories(release):
    """The names of a release's live clusters and announced labels written in its language.

    Feeds list them as categories and search indexes them; a name the release's language
    lacks is left out rather than given in another language. Uses what the caller
    prefetched (`live_releases` does).
    """
    language = release.locale.language_code
    names = [
        text_in(cluster, "name", language) for cluster in release.clusters.all() if cluster.live
    ]
    names += [
        text_in(award.label, "name", language) for award in release.awards.all() if award.live
    ]
    return [name for name in dict.fromkeys(names) if name]


def publish_records_made_public(page_id):
    """The live releases and cluster pages at and under page `page_id` that are now public
    (its view restriction removed, or moved out of a private section) take their records
    live, as `publish_records_with_page` would have when they were published."""
    top = Page.objects.filter(pk=page_id).first()
    if top is None:
        return  # deleted with its restriction
    with transaction.atomic():
        for page in (
            Page.objects.descendant_of(top, inclusive=True)
            .live()
            .type(PressReleasePage, ClusterNewsPage)
            .specific()
        ):
            publish_records_with_page(type(page), page)


def on_privacy_lifted(sender, instance, **kwargs):
    """`post_delete` of a PageViewRestriction: once committed (a page deleted with its
    restriction is gone by then), the pages it kept private publish their records."""
    page_id = instance.page_id
    transaction.on_commit(lambda: publish_records_made_public(page_id))


def on_page_moved(sender, instance, parent_page_before, **kwargs):
    """`post_page_move`: a page moved out of a private section publishes its records."""
    if not is_private(parent_page_before):
        return  # it was as public as it is now
    page_id = instance.pk
    transaction.on_commit(lambda: publish_records_made_public(page_id))


def records_published_with(page):
    """The records whose publication follows `page`'s: a release's announced awards and
    named clusters; a cluster page's cluster and the live awards on its timeline."""
    if isinstance(page, PressReleasePage):
        return [
            *page.awards.select_related("latest_revision"),
            *page.clusters.select_related("latest_revision"),
        ]
    if isinstance(page, ClusterNewsPage) and page.cluster_id:
        timeline = page.cluster.awards.filter(live=True).select_related("latest_revision")
        return [page.cluster, *timeline]
    return []


def publish_records_with_page(sender, instance, **kwargs):
    """`page_published`: a release or cluster page going live takes its draft records live
    (a timeline's draft awards wait for their own release), and the texts in its language
    waiting in the drafts of its live records, which its reviewer has read.

    Sent on every way a page is published (the editor's Publish, an approved review,
    Wagtail's scheduler at a scheduled or coordinated moment, the importer's --publish),
    inside the page's `publish` transaction, so an award or a cluster is never public before
    the first page making it public, and always with it. A private page (a password, a
    login) makes nothing public: its records wait until it or another page is public
    (`publish_records_made_public`).
    """
    if not instance.live:
        return  # Wagtail also sends page_published when it only schedules a page
    if is_private(instance):
        return
    user = getattr(kwargs.get("revision"), "user", None)
    language = instance.locale.language_code
    went_live = False
    for record in records_published_with(instance):
        if not record.live:
            record.go_live(user=user)
            went_live = True
        else:
            publish_texts_in(record, language, user=user)
    if went_live:
        # The page was indexed when it was saved, before its records were public.
        index.insert_or_update_object(instance)
