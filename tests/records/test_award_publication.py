"""An award goes live with the release that announces it, and is on no public surface before.

Public surfaces: release cards, cluster pages' award timelines, level pages and their facet
counts, feeds, search and JSON-LD, in every language. Editors see drafts in previews.
"""

import datetime
import json
import re
from unittest import mock

import feedparser
import pytest

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Award
from tests.factories import AwardFactory, LabelFactory
from tests.helpers import release_add_url, release_form_data, route_path, search_path

pytestmark = pytest.mark.django_db

GOLD_PL = "Złota Odznaka Jakości Zarządzania Klastrem"
GOLD = {"pl": GOLD_PL, "en": "Cluster Management Excellence Gold Label", "ru": "Золотой сертификат"}
INDEXES = {"pl": "/pl/aktualnosci/", "en": "/en/news/", "ru": "/ru/novosti/"}


@pytest.fixture
def gold_label(db):
    return LabelFactory(
        slug="gold",
        level="gold",
        name_pl=GOLD["pl"],
        name_en=GOLD["en"],
        name_ru=GOLD["ru"],
    )


@pytest.fixture
def embargoed(translated_release, gold_label):
    """A Polish draft release announcing a new, draft Gold award of the same cluster."""
    cluster_page = translated_release["cluster_pages"]["pl"]
    award = Award(
        cluster=translated_release["award"].cluster,
        label=gold_label,
        awarded_on=datetime.date(2024, 3, 5),
        live=False,
    )
    award.save()
    award.save_revision()
    release = PressReleasePage(
        title="Złota Odznaka dla klastra",
        slug="zlota-odznaka",
        lead="Klaster otrzymał Złotą Odznakę.",
        release_date=datetime.date(2024, 3, 5),
        body=[{"type": "paragraph", "value": "<p>Treść.</p>"}],
        locale=cluster_page.locale,
        live=False,
    )
    release.awards = [award]
    release.clusters = [award.cluster]
    cluster_page.add_child(instance=release)
    release.save_revision()
    return {**translated_release, "gold": award, "gold_release": release}


def public_texts(client, setup):
    """Every public surface of every language, as one text per URL."""
    urls = []
    for code in ("pl", "en", "ru"):
        urls += [
            setup["cluster_pages"][code].url,
            setup["releases"][code].url,
            INDEXES[code],
            INDEXES[code] + route_path(code, "level", "gold"),
            INDEXES[code] + route_path(code, "feed", "rss"),
            setup["cluster_pages"][code].url + route_path(code, "feed", "atom"),
            f"{search_path(code)}?q=klaster",
        ]
    return {url: client.get(url).content.decode() for url in urls}


def gold_anywhere(texts):
    return [url for url, text in texts.items() if any(name in text for name in GOLD.values())]


def test_a_draft_award_is_public_nowhere_until_its_release_goes_live(client, embargoed):
    assert gold_anywhere(public_texts(client, embargoed)) == []

    embargoed["gold_release"].get_latest_revision().publish()

    embargoed["gold"].refresh_from_db()
    assert embargoed["gold"].live
    texts = public_texts(client, embargoed)
    for code in ("pl", "en", "ru"):
        assert GOLD[code] in texts[embargoed["cluster_pages"][code].url]  # the award timeline
    release_page = client.get(PressReleasePage.objects.get(slug="zlota-odznaka").url)
    assert 'class="award-card award-card--gold"' in release_page.content.decode()
    assert 'class="badge badge--gold"' in client.get("/pl/aktualnosci/").content.decode()
    gold_page = client.get("/pl/aktualnosci/poziom/zloty/").content.decode()
    assert "Złota Odznaka dla klastra" in gold_page


def test_a_scheduled_release_takes_its_award_live_at_its_moment(client, embargoed):
    release = embargoed["gold_release"]
    moment = timezone.now() + datetime.timedelta(days=7)
    release.go_live_at = moment
    release.save_revision().publish()

    embargoed["gold"].refresh_from_db()
    assert not embargoed["gold"].live
    assert gold_anywhere(public_texts(client, embargoed)) == []

    with mock.patch(
        "django.utils.timezone.now", return_value=moment + datetime.timedelta(minutes=1)
    ):
        call_command("publish_scheduled")
    embargoed["gold"].refresh_from_db()
    release.refresh_from_db()
    assert release.live and embargoed["gold"].live


def test_an_unpublished_award_leaves_every_surface_of_a_live_release(client, translated_release):
    award = translated_release["award"]
    release = translated_release["releases"]["ru"]
    silver_ru = award.label.name_ru
    before = client.get(release.url).content.decode()
    assert 'class="award-card award-card--silver"' in before and silver_ru in before

    award.unpublish()

    page = client.get(release.url).content.decode()
    assert 'class="award-card' not in page and silver_ru not in page
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(script.group(1))["about"][0]["award"] == []
    cluster_page = client.get(translated_release["cluster_pages"]["ru"].url).content.decode()
    assert silver_ru not in cluster_page
    index = client.get("/ru/novosti/").content.decode()
    assert "?level=silver" not in index  # no facet counts the unpublished award
    assert release.title in index  # the release itself is still listed
    assert (
        "Серебряный сертификат кластеру"
        not in client.get("/ru/novosti/uroven/serebryany/").content.decode()
    )
    feed = feedparser.parse(client.get("/ru/novosti/lenta/rss/").content)
    assert silver_ru not in [tag.term for tag in feed.entries[0].get("tags", [])]


def test_an_editor_previewing_the_release_sees_its_draft_award(embargoed):
    release = embargoed["gold_release"]
    response = release.make_preview_request(None, release.default_preview_mode)
    assert 'class="award-card award-card--gold"' in response.content.decode()


def test_awards_made_in_code_are_live_and_an_award_can_be_published_on_its_own(db):
    assert AwardFactory().live
    draft = AwardFactory(live=False)
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert draft.live and draft.live_revision is not None


def draft_award_of(translated_release, gold_label):
    award = Award(
        cluster=translated_release["award"].cluster,
        label=gold_label,
        awarded_on=datetime.date(2024, 3, 5),
        live=False,
    )
    award.save()
    award.save_revision()
    return award


def test_publishing_in_the_admin_takes_the_new_award_live_with_the_release(
    admin_client, translated_release, gold_label
):
    award = draft_award_of(translated_release, gold_label)
    cluster_page = translated_release["cluster_pages"]["pl"]
    data = release_form_data("Złota Odznaka dla klastra", awards=[award])
    data["action-publish"] = "action-publish"

    response = admin_client.post(release_add_url(cluster_page), data)

    assert response.status_code == 302
    award.refresh_from_db()
    assert PressReleasePage.objects.get(slug="nowy-komunikat").live and award.live


def test_a_failure_while_publishing_in_the_admin_leaves_release_and_award_unpublished(
    admin_client, translated_release, gold_label
):
    """The admin's Publish runs in one transaction (AtomicAdminWritesMiddleware): if the
    award cannot go live, the release does not either, and nothing half-done is kept."""
    award = draft_award_of(translated_release, gold_label)
    cluster_page = translated_release["cluster_pages"]["pl"]
    data = release_form_data("Złota Odznaka dla klastra", awards=[award])
    data["action-publish"] = "action-publish"

    failing = mock.patch.object(Award, "go_live", side_effect=RuntimeError("disk full"))
    with failing, pytest.raises(RuntimeError):
        admin_client.post(release_add_url(cluster_page), data)

    award.refresh_from_db()
    assert not award.live
    assert not PressReleasePage.objects.filter(slug="nowy-komunikat").exists()
    assert gold_anywhere(public_texts(Client(), {**translated_release})) == []
