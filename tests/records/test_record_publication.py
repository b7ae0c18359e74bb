"""Awards and clusters are edited, previewed, scheduled, locked and published in the admin the
way pages are: a live record's edit is a draft revision, readers keep the live version until
someone allowed publishes it, and previews render what readers will see, one language each."""

import datetime
import re
from unittest import mock

import pytest

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data

from tests.factories import AwardFactory, ClusterFactory, UserFactory
from tests.helpers import as_plain_spaces

pytestmark = pytest.mark.django_db

OLD_DESCRIPTION = "Klaster firm biotechnologicznych z Krakowa."
NEW_DESCRIPTION = "Największy klaster nauk o życiu w Europie Środkowej."


def url(record, view):
    return reverse(f"wagtailsnippets_newsroom_{record._meta.model_name}:{view}", args=[record.pk])


def form_data(client, record, **changes):
    """The edit form as the browser posts it: every field as rendered, plus `changes`."""
    form = client.get(url(record, "edit")).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    data.update(changes)
    return nested_form_data(data)


def save(client, record, *, publish=False, **changes):
    data = form_data(client, record, **changes)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url(record, "edit"), data)


@pytest.fixture
def live_cluster(translated_release):
    cluster = translated_release["award"].cluster
    cluster.description_pl = OLD_DESCRIPTION
    cluster.save()
    return cluster


def test_an_edit_of_a_live_cluster_waits_for_publish(
    client, users, translated_release, live_cluster
):
    page_url = translated_release["cluster_pages"]["pl"].url
    assert OLD_DESCRIPTION in as_plain_spaces(client.get(page_url).content.decode())
    client.force_login(users["editor"])

    assert save(client, live_cluster, description_pl=NEW_DESCRIPTION).status_code == 302

    live_cluster.refresh_from_db()
    assert live_cluster.live and live_cluster.has_unpublished_changes
    assert live_cluster.get_latest_revision_as_object().description_pl == NEW_DESCRIPTION
    client.logout()
    page = as_plain_spaces(client.get(page_url).content.decode())
    assert OLD_DESCRIPTION in page and NEW_DESCRIPTION not in page

    client.force_login(users["editor"])
    assert save(client, live_cluster, publish=True).status_code == 302
    client.logout()
    page = as_plain_spaces(client.get(page_url).content.decode())
    assert NEW_DESCRIPTION in page and OLD_DESCRIPTION not in page


def test_a_translators_save_on_a_live_cluster_is_a_draft_revision(client, users, live_cluster):
    client.force_login(users["translator-ru"])
    edit = client.get(url(live_cluster, "edit")).content.decode()
    assert 'name="action-publish"' not in edit  # only those allowed to publish may

    response = save(client, live_cluster, name_ru="Новое название", name_pl="Podmiana")

    assert response.status_code == 302
    live_cluster.refresh_from_db()
    assert live_cluster.name_ru != "Новое название"  # readers keep the live name
    draft = live_cluster.get_latest_revision_as_object()
    assert draft.name_ru == "Новое название"
    assert draft.name_pl == live_cluster.name_pl  # still outside the translator's scope


def test_editors_and_moderators_may_publish_lock_and_unlock_records(users):
    for username in ("editor", "moderator"):
        user = users[username]
        for codename in ("publish", "lock", "unlock"):
            assert user.has_perm(f"newsroom.{codename}_cluster")
            assert user.has_perm(f"newsroom.{codename}_award")
    assert not users["translator-ru"].has_perm("newsroom.publish_cluster")
    assert Permission.objects.filter(codename="publish_cluster").count() == 1


def test_the_cluster_listing_shows_live_and_draft_without_a_query_per_row(client, users):
    client.force_login(users["editor"])
    listing = reverse("wagtailsnippets_newsroom_cluster:list")

    def statuses():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(listing, HTTP_ACCEPT_LANGUAGE="en")
        html = response.content.decode()
        return len(queries), re.findall(r'class="w-status[^"]*"[^>]*>\s*([^<]+?)\s*<', html)

    ClusterFactory(slug="a-live")
    draft = ClusterFactory(slug="b-draft", live=False)
    draft.save_revision()
    few, shown = statuses()
    for _ in range(4):
        ClusterFactory(live=False).save_revision()
    many, shown_more = statuses()
    assert many == few
    assert len(shown) == 2 and len(shown_more) == 6
    assert len(set(shown)) == 2  # live and draft are told apart


# Previews, one language each


@pytest.fixture
def draft_award(db):
    award = AwardFactory(
        live=False,
        result_summary_pl="Wynik bardzo dobry.",
        result_summary_en="A very good result.",
        result_summary_ru="",
        distinction_ru="",
    )
    award.save_revision()
    return award


def preview(client, record, mode):
    preview_url = url(record, "preview_on_edit")
    assert client.post(preview_url, form_data(client, record)).json()["is_valid"]
    return as_plain_spaces(client.get(preview_url, {"mode": mode}).content.decode())


def test_an_award_previews_its_card_in_each_language(admin_client, draft_award):
    pages = {code: preview(admin_client, draft_award, code) for code in ("pl", "en", "ru")}

    assert '<html lang="pl">' in pages["pl"] and '<html lang="ru">' in pages["ru"]
    for html in pages.values():
        assert 'class="award-card award-card--silver"' in html
    assert "Wynik bardzo dobry." in pages["pl"] and "A very good result." not in pages["pl"]
    assert "A very good result." in pages["en"] and "Wynik bardzo dobry." not in pages["en"]
    assert draft_award.label.name_en in pages["en"] and draft_award.label.name_pl not in pages["en"]
    # The Russian card has no Russian summary or distinction: none is borrowed.
    for text in ("Wynik bardzo dobry.", "A very good result.", "drugi klaster w Polsce"):
        assert text not in pages["ru"]
    assert draft_award.label.name_ru in pages["ru"]


def test_a_cluster_previews_its_profile_in_each_language_with_unsaved_changes(admin_client):
    cluster = ClusterFactory(
        live=False, description_pl="Opis klastra.", sector_en="Life sciences", sector_ru=""
    )
    cluster.save_revision()
    preview_url = url(cluster, "preview_on_edit")
    data = form_data(admin_client, cluster, description_en="A cluster, as yet unsaved.")
    assert admin_client.post(preview_url, data).json()["is_valid"]

    pages = {
        code: as_plain_spaces(admin_client.get(preview_url, {"mode": code}).content.decode())
        for code in ("pl", "en", "ru")
    }
    assert "Opis klastra." in pages["pl"] and "A cluster, as yet unsaved." not in pages["pl"]
    assert "A cluster, as yet unsaved." in pages["en"] and "Life sciences" in pages["en"]
    for text in ("Opis klastra.", "A cluster, as yet unsaved.", "Life sciences"):
        assert text not in pages["ru"]
    assert cluster.name_ru in pages["ru"]
    assert 'class="facts facts--cluster"' in pages["ru"]
    cluster.refresh_from_db()
    assert not cluster.description_en  # previewing saved nothing


# Scheduling and locking


def test_a_draft_award_scheduled_in_the_admin_goes_live_at_its_moment(admin_client, draft_award):
    moment = timezone.now() + datetime.timedelta(days=3)
    go_live_at = timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")

    response = save(admin_client, draft_award, publish=True, go_live_at=go_live_at)

    assert response.status_code == 302
    draft_award.refresh_from_db()
    assert not draft_award.live
    assert draft_award.scheduled_revision is not None
    listing = admin_client.get(
        reverse("wagtailsnippets_newsroom_award:list"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert listing.status_code == 200

    call_command("publish_scheduled")
    draft_award.refresh_from_db()
    assert not draft_award.live  # not yet

    with mock.patch(
        "django.utils.timezone.now", return_value=moment + datetime.timedelta(minutes=5)
    ):
        call_command("publish_scheduled")
    draft_award.refresh_from_db()
    assert draft_award.live and draft_award.live_revision is not None


def test_a_locked_award_cannot_be_edited_by_another_editor(client, users, draft_award):
    other = UserFactory(username="other-editor", groups=["Editors"])
    client.force_login(users["editor"])
    assert client.post(url(draft_award, "lock")).status_code == 302
    draft_award.refresh_from_db()
    assert draft_award.locked and draft_award.locked_by == users["editor"]
    revisions = draft_award.revisions.count()

    client.force_login(other)
    response = save(client, draft_award, distinction_pl="Zmiana zablokowana")

    assert response.status_code == 200
    draft_award.refresh_from_db()
    assert draft_award.distinction_pl == "drugi klaster w Polsce"
    assert draft_award.revisions.count() == revisions
    assert response.context["locked_for_user"]  # the form says so and saves nothing

    client.force_login(users["editor"])
    assert client.post(url(draft_award, "unlock")).status_code == 302
    client.force_login(other)
    assert save(client, draft_award, distinction_pl="Teraz wolno").status_code == 302
    draft_award.refresh_from_db()
    assert draft_award.distinction_pl == "Teraz wolno"
