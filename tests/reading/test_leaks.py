"""Nothing hidden reaches a public surface, in any language.

Each case hides something carrying a unique marker word: a draft, scheduled, unpublished
or private release (a view restriction on the release or on its cluster page, by password
or login), a draft translation of a live release, a live release with unpublished or
scheduled draft changes, a draft award, a draft cluster, live records with pending draft
texts. Then every public surface of every language is
read as an anonymous reader: home pages, news indexes with each facet and filter, level
pages, the shared tag's list, cluster pages with their award timelines, RSS and Atom
feeds, search, the sitemap (its index and every sitemap listed there, with their hreflang
alternates), robots.txt, other pages' heads (hreflang, Open Graph, JSON-LD) and language
switchers, the hidden thing's own address and the admin previews. The marker must be on
none of them; where a live version exists, its text must still be shown.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import PageViewRestriction

from newsroom.languages import site_languages
from newsroom.models.pages import PressReleasePage, PressReleasePageTag
from newsroom.models.records import Award, Cluster, ReleaseTag
from tests.factories import AwardFactory, ClusterFactory, ClusterNewsPageFactory, LabelFactory
from tests.helpers import (
    add_release,
    as_plain_spaces,
    post_from_form,
    read_sitemap,
    reload,
    route_path,
    search_path,
)

pytestmark = pytest.mark.django_db

INDEXES = {"pl": "/pl/aktualnosci/", "en": "/en/news/", "ru": "/ru/novosti/"}
# A word every visible release's title shares, per language: search finds them all.
COMMON_WORD = {"pl": "klastra", "en": "cluster", "ru": "кластеру"}
SHARED_TAG = {"pl": "wspólny temat", "en": "shared topic", "ru": "общая тема"}
HIDDEN_YEAR = 2017
HIDDEN_COUNTRY = "IS"


@dataclass
class Hidden:
    """What a case hid: words no public surface may show, its own addresses (readers
    must not get it there), and what must still be shown (a live version's text)."""

    markers: list
    own_urls: list = field(default_factory=list)
    live_texts: list = field(default_factory=list)
    # Public pages of its own case (a public translation of a private release).
    public_urls: list = field(default_factory=list)


@pytest.fixture
def site(site_tree, translated_release):
    """The translated release, public in three languages, all carrying one shared tag."""
    tag = ReleaseTag.objects.create(
        name="wspolny-temat", **{f"label_{code}": text for code, text in SHARED_TAG.items()}
    )
    for release in translated_release["releases"].values():
        PressReleasePageTag.objects.create(content_object=release, tag=tag)
    cluster = translated_release["award"].cluster
    return {**site_tree, **translated_release, "tag": tag, "cluster": cluster}


def hidden_release(parent, marker, *, live=True, **fields):
    """A release full of `marker`: title, slug, lead, body; dated in HIDDEN_YEAR and
    carrying the shared tag, so facets and the tag's list would count it."""
    release = add_release(
        parent,
        title=f"{marker} {COMMON_WORD[parent.locale.language_code]}",
        # Not the marker: the password form's return address repeats the page's own.
        slug=f"ukryty-{marker.lower()[::-1]}",
        lead=f"{marker} lead.",
        body=[{"type": "paragraph", "value": f"<p>{marker} body.</p>"}],
        release_date=datetime.date(HIDDEN_YEAR, 5, 4),
        live=live,
        **fields,
    )
    PressReleasePageTag.objects.create(
        content_object=release, tag=ReleaseTag.objects.get(name="wspolny-temat")
    )
    return release


def year_markers():
    return [f"year={HIDDEN_YEAR}"]


def page_urls(page):
    """A page's address and the admin previews of it, which anonymous readers must not get."""
    return [
        page.url,
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
    ]


def record_urls(record):
    name = f"wagtailsnippets_newsroom_{record._meta.model_name}"
    return [
        reverse(f"{name}:preview_on_edit", args=[record.pk]),
        reverse(f"{name}:edit", args=[record.pk]),
    ]


# --- the cases: each hides something and says what --------------------------------------


def a_draft_release(site, admin_client):
    marker = "Quokkadraft"
    release = hidden_release(site["cluster_pages"]["pl"], marker, live=False)
    return Hidden([marker, *year_markers()], page_urls(release))


def a_scheduled_release(site, admin_client):
    marker = "Quokkascheduled"
    release = hidden_release(site["cluster_pages"]["pl"], marker, live=False)
    release.go_live_at = timezone.now() + datetime.timedelta(days=3)
    release.save_revision().publish()
    release = reload(release)
    assert not release.live and release.approved_schedule
    return Hidden([marker, *year_markers()], page_urls(release))


def an_unpublished_release(site, admin_client):
    marker = "Quokkaunpublished"
    release = reload(hidden_release(site["cluster_pages"]["pl"], marker))
    release.unpublish()
    return Hidden([marker, *year_markers()], page_urls(release))


def restrict(page, kind):
    if kind == PageViewRestriction.PASSWORD:
        PageViewRestriction.objects.create(page=page, restriction_type=kind, password="tajne")
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=kind)


def a_private_release(kind):
    def hide(site, admin_client):
        marker = f"Quokkaprivate{kind}"
        # The Russian translation of a public Polish release, under a public cluster page.
        source = add_release(site["cluster_pages"]["pl"], title="Okapipublic klastra")
        release = hidden_release(site["cluster_pages"]["ru"], marker, key=source.translation_key)
        restrict(release, kind)
        # Its address is in no other page's head, switcher or the sitemap's alternates.
        return Hidden(
            [marker, release.slug, *year_markers()],
            page_urls(release),
            public_urls=[source.url],
        )

    hide.__name__ = f"a_private_release_{kind}"
    return hide


def a_release_under_a_private_cluster_page(kind):
    def hide(site, admin_client):
        marker = f"Quokkaprivatecluster{kind}"
        cluster = ClusterFactory(slug=f"{marker.lower()}-slug", country=HIDDEN_COUNTRY)
        cluster_page = ClusterNewsPageFactory(
            parent=site["indexes"]["pl"],
            cluster=cluster,
            title=f"{marker} klaster",
            slug=f"ukryty-{marker.lower()[::-1]}",
            intro=f"{marker} intro.",
        )
        release = hidden_release(cluster_page, marker)
        restrict(cluster_page, kind)
        markers = [marker, f"cluster={cluster.slug}", f"country={HIDDEN_COUNTRY}"]
        return Hidden(
            [*markers, *year_markers()],
            [
                *page_urls(cluster_page),
                *page_urls(release),
                cluster_page.url + route_path("pl", "feed", "rss"),
            ],
        )

    hide.__name__ = f"a_release_under_a_private_cluster_page_{kind}"
    return hide


def a_live_release_with_draft_changes(site, admin_client):
    """A live release whose draft renames it, rewrites it, adds a tag and a new draft award."""
    marker = "Quokkachanged"
    live_title = "Okapilive klastra"
    release = reload(add_release(site["cluster_pages"]["pl"], title=live_title, lead="Okapilive."))
    gold = AwardFactory(
        cluster=site["cluster"],
        label=gold_label(marker),
        live=False,
        awarded_on=datetime.date(HIDDEN_YEAR, 1, 2),
        **{f"distinction_{code}": f"{marker} distinction" for code in site_languages()},
    )
    release.title = f"{marker} {COMMON_WORD['pl']}"
    release.lead = f"{marker} lead."
    release.body = [{"type": "paragraph", "value": f"<p>{marker} body.</p>"}]
    release.release_date = datetime.date(HIDDEN_YEAR, 5, 4)
    release.awards = [*release.awards.all(), gold]
    release.tags.add(f"{marker.lower()} tag")
    release.save_revision()
    release = reload(release)
    assert release.live and release.has_unpublished_changes and release.title == live_title
    new_tag = ReleaseTag.objects.get(name=f"{marker.lower()} tag")
    return Hidden(
        [marker, "level=gold", *year_markers()],
        [
            *page_urls(release)[1:],  # the previews; the page itself shows its live version
            f"{INDEXES['pl']}tag/{new_tag.url_slugs['pl']}/",
        ],
        live_texts=[(release.url, live_title), (INDEXES["pl"], live_title), ("/pl/", live_title)],
    )


def a_live_release_with_scheduled_changes(site, admin_client):
    """A live release whose next version is approved to go live next week."""
    marker = "Quokkanextweek"
    live_title = "Okapinow klastra"
    release = reload(add_release(site["cluster_pages"]["pl"], title=live_title, lead="Okapinow."))
    release.title = f"{marker} {COMMON_WORD['pl']}"
    release.lead = f"{marker} lead."
    release.release_date = datetime.date(HIDDEN_YEAR, 5, 4)
    release.go_live_at = timezone.now() + datetime.timedelta(days=7)
    release.save_revision().publish()
    release = reload(release)
    assert release.live and release.title == live_title
    assert release.scheduled_revision is not None
    return Hidden(
        [marker, *year_markers()],
        page_urls(release)[1:],
        live_texts=[(release.url, live_title), (INDEXES["pl"], live_title)],
    )


def a_draft_translation(site, admin_client):
    """The Russian translation of a live Polish release, not published yet (as
    wagtail-localize creates it): no language switcher or hreflang links to it."""
    marker = "Quokkatranslation"
    source = add_release(site["cluster_pages"]["pl"], title="Okapisource klastra")
    release = hidden_release(
        site["cluster_pages"]["ru"], marker, key=source.translation_key, live=False
    )
    return Hidden(
        [marker, release.slug, *year_markers()], page_urls(release), public_urls=[source.url]
    )


def gold_label(marker):
    return LabelFactory(
        slug="gold",
        level="gold",
        **{f"name_{code}": f"{marker} Gold Label {code}" for code in site_languages()},
    )


def a_draft_award(site, admin_client):
    """A draft award on the cluster's timeline, linked to its live release (as after an
    award is unpublished): neither its label nor its texts show."""
    marker = "Quokkaaward"
    award = AwardFactory(
        cluster=site["cluster"],
        label=gold_label(marker),
        live=False,
        awarded_on=datetime.date(HIDDEN_YEAR, 1, 2),
        **{f"distinction_{code}": f"{marker} distinction" for code in site_languages()},
    )
    award.save_revision()
    for release in site["releases"].values():
        release.awards.add(award)
    return Hidden([marker, "level=gold"], record_urls(award))


def a_draft_cluster(site, admin_client):
    """A draft cluster named by the live releases (as after it is unpublished), with a
    draft cluster page of its own."""
    marker = "Quokkacluster"
    cluster = ClusterFactory(
        slug=f"{marker.lower()}-slug",
        country=HIDDEN_COUNTRY,
        live=False,
        **{f"name_{code}": f"{marker} {code}" for code in site_languages()},
        **{f"description_{code}": f"{marker} description" for code in site_languages()},
    )
    cluster.save_revision()
    for release in site["releases"].values():
        release.clusters.add(cluster)
    cluster_page = ClusterNewsPageFactory(parent=site["indexes"]["pl"], cluster=cluster, live=False)
    assert not Cluster.objects.get(pk=cluster.pk).live
    return Hidden(
        [marker, f"cluster={cluster.slug}", f"country={HIDDEN_COUNTRY}"],
        [*record_urls(cluster), *page_urls(cluster_page)],
    )


def an_embargoed_award(site, admin_client):
    """A password-protected release published with a new award of a new cluster: private
    pages make no record public, so the award and the cluster stay drafts until a public
    page announces them."""
    marker = "Quokkaembargo"
    cluster = ClusterFactory(
        slug=f"{marker.lower()}-slug",
        country=HIDDEN_COUNTRY,
        live=False,
        **{f"name_{code}": f"{marker} {code}" for code in site_languages()},
    )
    award = AwardFactory(
        cluster=cluster,
        label=gold_label(marker),
        live=False,
        awarded_on=datetime.date(HIDDEN_YEAR, 1, 2),
        **{f"distinction_{code}": f"{marker} distinction" for code in site_languages()},
    )
    release = hidden_release(
        site["cluster_pages"]["pl"], marker, live=False, awards=[award], clusters=[cluster]
    )
    restrict(release, PageViewRestriction.PASSWORD)
    release.save_revision().publish()
    assert PressReleasePage.objects.get(pk=release.pk).live
    assert not Award.objects.get(pk=award.pk).live
    assert not Cluster.objects.get(pk=cluster.pk).live
    return Hidden(
        [marker, "level=gold", f"cluster={cluster.slug}", f"country={HIDDEN_COUNTRY}"],
        [*page_urls(release), *record_urls(award), *record_urls(cluster)],
    )


def live_records_with_pending_changes(site, admin_client):
    """The live award and cluster edited in the admin, saved as drafts, not published."""
    marker = "Quokkapending"
    award, cluster = site["award"], site["cluster"]
    live_name = cluster.name_pl
    live_distinction = award.distinction_pl
    changes = {f"distinction_{code}": f"{marker} distinction" for code in site_languages()}
    post_from_form(admin_client, award, **changes)
    changes = {f"name_{code}": f"{marker} {code}" for code in site_languages()}
    post_from_form(admin_client, cluster, **changes)
    assert Award.objects.get(pk=award.pk).has_unpublished_changes
    assert Cluster.objects.get(pk=cluster.pk).has_unpublished_changes
    cluster_page = site["cluster_pages"]["pl"].url
    return Hidden(
        [marker],
        record_urls(award) + record_urls(cluster),
        live_texts=[
            (cluster_page, live_name),
            (cluster_page, live_distinction),
            (INDEXES["pl"], live_name),
        ],
    )


CASES = [
    a_draft_release,
    a_scheduled_release,
    an_unpublished_release,
    a_private_release(PageViewRestriction.PASSWORD),
    a_private_release(PageViewRestriction.LOGIN),
    a_release_under_a_private_cluster_page(PageViewRestriction.PASSWORD),
    a_release_under_a_private_cluster_page(PageViewRestriction.LOGIN),
    a_draft_translation,
    a_live_release_with_draft_changes,
    a_live_release_with_scheduled_changes,
    a_draft_award,
    a_draft_cluster,
    an_embargoed_award,
    live_records_with_pending_changes,
]


# --- the public surfaces ------------------------------------------------------------------


def public_urls(site):
    """Every public surface of every language, for an anonymous reader."""
    urls = ["/robots.txt"]  # and the sitemap, read whole by read_sitemap
    cluster_slug = site["cluster"].slug
    for code in site_languages():
        index = INDEXES[code]
        cluster_page = site["cluster_pages"][code].url
        urls += [
            f"/{code}/",
            index,
            f"{index}?level=silver",
            f"{index}?level=gold",
            f"{index}?year=2021",
            f"{index}?year={HIDDEN_YEAR}",
            f"{index}?country=PL",
            f"{index}?country={HIDDEN_COUNTRY}",
            f"{index}?cluster={cluster_slug}",
            f"{index}?cluster=quokkacluster-slug",
            *(
                index + route_path(code, "level", level)
                for level in ("bronze", "silver", "gold", "status")
            ),
            index + route_path(code, "level", "silver", "feed", "rss"),
            index + route_path(code, "level", "gold", "feed", "atom"),
            index + route_path(code, "tag", site["tag"].url_slugs[code]),
            index + route_path(code, "feed", "rss"),
            index + route_path(code, "feed", "atom"),
            cluster_page,
            cluster_page + route_path(code, "feed", "rss"),
            cluster_page + route_path(code, "feed", "atom"),
            site["releases"][code].url,
            f"{search_path(code)}?q={COMMON_WORD[code]}",
        ]
    return urls


def without_own_query(html, url):
    """`html` less the links that repeat the reader's own query (the language switcher
    keeps a list's filters): echoing what the reader asked for reveals nothing."""
    query = urlsplit(url).query
    return html.replace(f"?{escape(query)}", "?") if query else html


def leaks(html, hidden):
    # Non-breaking spaces (newsroom.typography) read as spaces: a marker is found however set.
    folded = as_plain_spaces(html).casefold()
    return [marker for marker in hidden.markers if marker.casefold() in folded]


@pytest.mark.parametrize("hide", CASES, ids=lambda case: case.__name__)
def test_hidden_things_are_on_no_public_surface(site, admin_client, hide, settings):
    # Small sitemaps, so the sitemap index lists several: the hidden thing is on none.
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 4
    hidden = hide(site, admin_client)
    reader = Client()
    found = {}
    for url in [*public_urls(site), *hidden.public_urls]:
        response = reader.get(url)
        assert response.status_code == 200, url
        if leaked := leaks(without_own_query(response.content.decode(), url), hidden):
            found[url] = leaked
    sitemap = read_sitemap(reader)
    assert len(sitemap.sitemaps) > 2
    for url, xml in [("/sitemap.xml", sitemap.index), *sitemap.sitemaps.items()]:
        if leaked := leaks(xml.decode(), hidden):
            found[url] = leaked
    for url in hidden.own_urls:
        response = reader.get(url)
        # Not found, or the password form, or the way to a login: never the hidden thing.
        assert response.status_code in (200, 302, 403, 404), url
        if response.status_code == 200:
            assert "password" in response.content.decode(), url
        leaked = leaks(response.content.decode(), hidden)
        # A password form repeats the address it was asked for, which is no leak.
        if leaked := [marker for marker in leaked if marker.casefold() not in url.casefold()]:
            found[url] = leaked
    assert found == {}


@pytest.mark.parametrize("hide", CASES, ids=lambda case: case.__name__)
def test_search_finds_no_hidden_thing(site, admin_client, hide):
    hidden = hide(site, admin_client)
    reader = Client()
    for code in site_languages():
        response = reader.get(search_path(code), {"q": hidden.markers[0]})
        assert response.status_code == 200
        assert list(response.context["releases"]) == []
        assert response.context["cluster_results"] == []


@pytest.mark.parametrize(
    "hide",
    [
        a_live_release_with_draft_changes,
        a_live_release_with_scheduled_changes,
        live_records_with_pending_changes,
    ],
    ids=lambda case: case.__name__,
)
def test_the_live_version_stays_public_while_a_draft_waits(site, admin_client, hide):
    hidden = hide(site, admin_client)
    reader = Client()
    for url, text in hidden.live_texts:
        html = reader.get(url).content.decode()
        assert as_plain_spaces(text) in as_plain_spaces(html), url
        assert leaks(html, hidden) == [], url


def test_a_release_under_a_cluster_page_shows_everywhere_once_its_restriction_is_lifted(
    site, admin_client
):
    """The check bites: the release under a private cluster page shows everywhere once the
    restriction is lifted, so its absence above is the restriction's doing."""
    hidden = a_release_under_a_private_cluster_page(PageViewRestriction.PASSWORD)(
        site, admin_client
    )
    PageViewRestriction.objects.all().delete()
    reader = Client()
    marker = hidden.markers[0]
    for url in ("/pl/", INDEXES["pl"], INDEXES["pl"] + route_path("pl", "feed", "rss"), "/pl/"):
        assert marker.casefold() in reader.get(url).content.decode().casefold(), url
    assert f"ukryty-{marker.lower()[::-1]}" in read_sitemap(reader).text
    found = reader.get("/pl/szukaj/", {"q": marker}).context["releases"]
    assert [release.title for release in found] == [f"{marker} {COMMON_WORD['pl']}"]
    assert PressReleasePage.objects.get(slug=f"ukryty-{marker.lower()[::-1]}").live


def test_an_embargoed_award_shows_to_the_releases_readers_and_goes_live_when_it_is_public(
    site, admin_client, django_capture_on_commit_callbacks
):
    """Those the password is shared with see the award the private release announces; the
    admin's privacy setting "Public" puts the award and its cluster live with the release."""
    hidden = an_embargoed_award(site, admin_client)
    marker = hidden.markers[0]
    release = PressReleasePage.objects.get(title__startswith=marker)
    restriction = PageViewRestriction.objects.get(page=release)
    reader = Client()
    reader.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, release.pk]),
        {"password": "tajne", "return_url": release.url},
    )
    page = reader.get(release.url).content.decode()
    assert f"{marker} Gold Label pl" in page
    assert f"{marker} distinction" in page
    facet = f"cluster={marker.lower()}-slug"
    assert facet not in reader.get(INDEXES["pl"]).content.decode()  # still a draft

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:set_privacy", args=[release.pk]),
            {"restriction_type": PageViewRestriction.NONE},
        )
    assert response.status_code == 200
    assert not PageViewRestriction.objects.filter(page=release).exists()
    assert Award.objects.get(label__slug="gold").live
    assert Cluster.objects.get(slug=f"{marker.lower()}-slug").live
    public = Client()
    assert f"{marker} Gold Label pl" in public.get(release.url).content.decode()
    assert facet in public.get(INDEXES["pl"]).content.decode()


def test_a_private_news_index_is_linked_from_no_public_page(site):
    """The English news index behind a password (and so every English release): no
    navigation, home page, language switcher or tag link leads there."""
    restrict(site["indexes"]["en"], PageViewRestriction.PASSWORD)
    tag_slug = site["tag"].url_slugs["pl"]
    reader = Client()
    for url in (
        "/en/",
        "/en/search/?q=cluster",
        INDEXES["pl"],
        site["releases"]["pl"].url,
        f"{INDEXES['pl']}tag/{tag_slug}/",
    ):
        response = reader.get(url)
        assert response.status_code == 200, url
        assert INDEXES["en"] not in response.content.decode(), url
    assert INDEXES["en"] not in read_sitemap(reader).text
    assert reader.get("/en/").context["news_index"] is None


def test_a_tag_only_drafts_carry_in_a_language_has_no_list_there_nor_a_link_to_one(site):
    """Named in every language, carried by the live Polish release and a Russian draft."""
    tag = ReleaseTag.objects.create(
        name="quokkasolo",
        label_pl="Quokkasolo pl",
        label_en="Quokkasolo en",
        label_ru="Quokkasolo ru",
    )
    PressReleasePageTag.objects.create(content_object=site["releases"]["pl"], tag=tag)
    hidden_release(site["cluster_pages"]["ru"], "Quokkasolodraft", live=False).tags.add(tag)
    reader = Client()
    polish_list = reader.get(f"{INDEXES['pl']}tag/{tag.url_slugs['pl']}/")
    assert polish_list.status_code == 200
    assert site["releases"]["pl"].title in polish_list.content.decode()
    alternates = {link["language_code"]: link for link in polish_list.context["language_links"]}
    assert alternates["ru"]["url"] == INDEXES["ru"] and not alternates["ru"]["is_translation"]
    assert route_path("ru", "tag", tag.url_slugs["ru"]) not in polish_list.content.decode()
    for code in ("en", "ru"):
        url = INDEXES[code] + route_path(code, "tag", tag.url_slugs[code])
        assert reader.get(url).status_code == 404
