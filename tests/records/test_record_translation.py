"""Records translated field by field: change stamps, per-language status, translator limits."""

import importlib
import re

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Award, CertificationBody, Cluster, Label
from newsroom.models.stamps import localized_field_names, translated_fields
from newsroom.translating import records as record_translation
from newsroom.translating.choices import FieldStatus
from newsroom.translating.records import field_status
from newsroom.translating.roles import group_name
from tests.factories import AwardFactory, ClusterFactory
from tests.helpers import edit_url, post_from_form

pytestmark = pytest.mark.django_db


def list_url(model):
    return reverse(f"wagtailsnippets_newsroom_{model._meta.model_name}:list")


def status_panel_items(html):
    """(field, status, source text) for each field listed by the translation status panels."""
    return re.findall(
        r'<dt data-field="([a-z_]+)" data-status="([a-z_]+)">.*?'
        r'<blockquote lang="pl">(.*?)</blockquote>',
        html,
        re.S,
    )


def listing_cells(html, language_code):
    """(empty, outdated) counts per listing row, top to bottom, for one language."""
    return [
        (int(empty), int(outdated))
        for empty, outdated in re.findall(
            rf'<div data-language="{language_code}" data-empty="(\d+)" data-outdated="(\d+)">',
            html,
        )
    ]


# The registry and the stamps


def test_translated_fields_are_read_from_the_modeltranslation_registry():
    assert translated_fields(Cluster) == (
        "name",
        "description",
        "region",
        "city",
        "sector",
    )
    assert translated_fields(Award) == ("result_summary", "distinction")
    assert translated_fields(PressReleasePage) == ()
    assert localized_field_names(Label, "ru") == [
        "name_ru",
        "benchmarking_areas_ru",
    ]


def test_a_new_record_stamps_every_translated_field_that_has_text():
    cluster = ClusterFactory(description_pl="Opis", description_ru="")
    assert set(cluster.translation_stamps) == {"name_pl", "name_en", "name_ru", "description_pl"}
    assert len(set(cluster.translation_stamps.values())) == 1


def test_saving_stamps_only_the_fields_that_changed():
    cluster = ClusterFactory(description_pl="Opis")
    before = dict(cluster.translation_stamps)

    cluster = Cluster.objects.get(pk=cluster.pk)
    cluster.name_ru = "Новое имя"
    cluster.founded_year = 2010
    cluster.save()

    cluster.refresh_from_db()
    after = cluster.translation_stamps
    assert after["name_ru"] > before["name_ru"]
    assert {key: value for key, value in after.items() if key != "name_ru"} == {
        key: value for key, value in before.items() if key != "name_ru"
    }


def test_saving_unchanged_text_or_blank_for_null_stamps_nothing():
    cluster = ClusterFactory(region_pl=None)
    before = dict(cluster.translation_stamps)
    cluster.region_pl = ""
    cluster.save()
    cluster.refresh_from_db()
    assert cluster.translation_stamps == before


def test_save_with_update_fields_writes_the_stamp_of_the_field_it_updates():
    cluster = ClusterFactory()
    before = dict(cluster.translation_stamps)
    cluster.name_en = "Renamed"
    cluster.name_ru = "Not saved"
    cluster.save(update_fields=["name_en"])
    cluster.refresh_from_db()
    assert cluster.name_ru != "Not saved"
    assert cluster.translation_stamps["name_en"] > before["name_en"]
    assert cluster.translation_stamps["name_ru"] == before["name_ru"]


def test_migration_stamps_existing_texts_without_making_any_outdated():
    cluster = ClusterFactory(description_pl="Opis", description_en="Description")
    Cluster.objects.filter(pk=cluster.pk).update(translation_stamps={})
    migration = importlib.import_module("newsroom.migrations.0004_stamp_existing_translations")

    migration.stamp_existing_translations(apps, None)

    cluster.refresh_from_db()
    assert set(cluster.translation_stamps) == {
        "name_pl",
        "name_en",
        "name_ru",
        "description_pl",
        "description_en",
    }
    assert field_status(cluster, "name", "ru") == FieldStatus.UP_TO_DATE
    assert field_status(cluster, "description", "ru") == FieldStatus.EMPTY


# Who edits what


def test_translators_and_reviewers_edit_only_their_languages(users):
    translator = record_translation.record_edit_scope(users["translator-ru"])
    reviewer = record_translation.record_edit_scope(users["reviewer-ru"])
    for scope in (translator, reviewer):
        assert scope.languages == {"ru"}
        assert not scope.facts
        assert scope.may_edit_field(Cluster, "name_ru")
        assert not scope.may_edit_field(Cluster, "name_pl")
        assert not scope.may_edit_field(Cluster, "name_en")
        assert not scope.may_edit_field(Cluster, "founded_year")


@pytest.mark.parametrize("username", ["admin", "editor", "moderator"])
def test_superusers_and_users_without_a_language_role_edit_everything(users, username):
    scope = record_translation.record_edit_scope(users[username])
    assert scope.facts
    assert scope.languages == {"pl", "en", "ru"}


def test_a_user_in_two_language_groups_edits_both_languages(users):
    translator = users["translator-ru"]
    translator.groups.add(Group.objects.get(name=group_name("reviewers", "en")))
    translator = get_user_model().objects.get(pk=translator.pk)
    scope = record_translation.record_edit_scope(translator)
    assert scope.languages == {"en", "ru"}
    assert scope.may_edit_field(Award, "distinction_en")
    assert not scope.may_edit_field(Award, "awarded_on")


# Through the admin


def test_statuses_follow_the_edits_made_in_the_admin(client, users):
    # A draft cluster: every save writes its row (a live one's edits wait in a revision,
    # see test_cluster_publication.py).
    cluster = ClusterFactory(
        description_pl="Klaster biotechnologiczny", description_ru="", live=False
    )
    assert field_status(cluster, "description", "ru") == FieldStatus.EMPTY
    assert field_status(cluster, "name", "ru") == FieldStatus.UP_TO_DATE

    client.force_login(users["editor"])
    cluster = post_from_form(client, cluster, name_pl="Nowa nazwa klastra")
    assert field_status(cluster, "name", "ru") == FieldStatus.OUTDATED
    assert field_status(cluster, "name", "en") == FieldStatus.OUTDATED
    assert field_status(cluster, "description", "ru") == FieldStatus.EMPTY
    assert field_status(cluster, "city", "ru") == FieldStatus.UP_TO_DATE

    client.force_login(users["translator-ru"])
    cluster = post_from_form(
        client,
        cluster,
        name_ru="Новое название кластера",
        description_ru="Биотехнологический кластер",
    )
    assert field_status(cluster, "name", "ru") == FieldStatus.UP_TO_DATE
    assert field_status(cluster, "description", "ru") == FieldStatus.UP_TO_DATE
    assert field_status(cluster, "name", "en") == FieldStatus.OUTDATED


def test_russian_translator_cannot_change_the_source_language_or_the_facts(client, users):
    cluster = ClusterFactory(founded_year=2006, website="https://example.com", live=False)
    original_pl, original_en = cluster.name_pl, cluster.name_en
    before = dict(cluster.translation_stamps)
    client.force_login(users["translator-ru"])

    cluster = post_from_form(
        client,
        cluster,
        name_pl="Podmieniona nazwa",
        name_en="Replaced name",
        founded_year="1999",
        website="https://attacker.example",
        name_ru="Исправленное название",
    )

    assert (cluster.name_pl, cluster.name_en) == (original_pl, original_en)
    assert (cluster.founded_year, cluster.website) == (2006, "https://example.com")
    assert cluster.name_ru == "Исправленное название"
    assert cluster.translation_stamps["name_pl"] == before["name_pl"]
    assert cluster.translation_stamps["name_ru"] > before["name_ru"]


def test_russian_translator_cannot_move_an_award_to_another_cluster(client, users):
    award = AwardFactory()
    other_cluster = ClusterFactory()
    client.force_login(users["reviewer-ru"])
    award = post_from_form(
        client, award, cluster=str(other_cluster.pk), distinction_ru="первый кластер"
    )
    # Awards have a publication state: the edit is a draft until someone publishes it.
    draft = award.get_latest_revision_as_object()
    assert draft.cluster_id == award.cluster_id != other_cluster.pk
    assert draft.distinction_ru == "первый кластер"
    assert award.distinction_ru == "второй кластер в Польше"


def test_translator_sees_other_languages_and_facts_as_disabled_fields(client, users):
    cluster = ClusterFactory()
    client.force_login(users["translator-ru"])
    response = client.get(edit_url(cluster))
    form = response.context["form"]
    assert not form.fields["name_ru"].disabled
    assert form.fields["name_pl"].disabled
    assert form.fields["name_en"].disabled
    assert form.fields["founded_year"].disabled
    html = response.content.decode()
    assert re.search(r'<input[^>]*name="name_pl"[^>]*disabled', html)
    assert not re.search(r'<input[^>]*name="name_ru"[^>]*disabled', html)


def test_editor_still_changes_every_language_and_the_facts(client, users):
    cluster = ClusterFactory(founded_year=2006)
    client.force_login(users["editor"])
    form = client.get(edit_url(cluster)).context["form"]
    assert not any(field.disabled for field in form.fields.values())

    cluster = post_from_form(
        client,
        cluster,
        publish=True,
        name_pl="Nazwa PL",
        name_en="Name EN",
        name_ru="Название RU",
        founded_year="2010",
    )
    assert (cluster.name_pl, cluster.name_en, cluster.name_ru) == (
        "Nazwa PL",
        "Name EN",
        "Название RU",
    )
    assert cluster.founded_year == 2010


def test_language_tab_lists_empty_and_outdated_fields_with_the_source_text(client, users):
    cluster = ClusterFactory(
        description_pl="Klaster <b>biotechnologiczny</b> z Krakowa",
        description_ru="",
        sector_pl="biotechnologia",
        sector_ru="биотехнологии",
    )
    client.force_login(users["editor"])
    cluster = post_from_form(client, cluster, publish=True, sector_pl="nauki o życiu")

    client.force_login(users["translator-ru"])
    html = client.get(edit_url(cluster)).content.decode()

    items = {field: (status, source) for field, status, source in status_panel_items(html)}
    assert items == {
        # Escaped, so a record's text cannot inject markup into the admin.
        "description_en": (
            FieldStatus.EMPTY,
            "Klaster &lt;b&gt;biotechnologiczny&lt;/b&gt; z Krakowa",
        ),
        "description_ru": (
            FieldStatus.EMPTY,
            "Klaster &lt;b&gt;biotechnologiczny&lt;/b&gt; z Krakowa",
        ),
        "sector_ru": (FieldStatus.OUTDATED, "nauki o życiu"),
        # The factory leaves sector_en empty.
        "sector_en": (FieldStatus.EMPTY, "nauki o życiu"),
    }


def test_listing_shows_and_filters_records_needing_work_in_a_language(client, users):
    done = ClusterFactory(slug="done")
    ClusterFactory(slug="empty", city_pl="Kraków", city_ru="")
    outdated = ClusterFactory(slug="outdated")
    outdated.name_pl = "Zmieniona nazwa"
    outdated.save()
    client.force_login(users["translator-ru"])

    response = client.get(list_url(Cluster), {"needs_translation_in": "ru"})
    assert {c.slug for c in response.context["object_list"]} == {"empty", "outdated"}

    html = client.get(list_url(Cluster)).content.decode()
    # Listed by slug: done, empty, outdated; a Russian translator is shown Russian only.
    assert listing_cells(html, "ru") == [(0, 0), (1, 0), (0, 1)]
    assert listing_cells(html, "en") == []
    assert record_translation.fields_needing_work(done, "ru") == []

    client.force_login(users["editor"])
    html = client.get(list_url(Cluster)).content.decode()
    assert listing_cells(html, "en") == [(0, 0), (1, 0), (0, 1)]


@pytest.mark.parametrize("model", [Cluster, Award, Label, CertificationBody])
def test_translation_filter_is_offered_on_every_record_listing(client, users, model):
    AwardFactory(distinction_ru="")
    client.force_login(users["admin"])
    response = client.get(list_url(model), {"needs_translation_in": "ru"})
    assert response.status_code == 200
    expected = [
        record.pk
        for record in model.objects.all()
        if record_translation.fields_needing_work(record, "ru")
    ]
    assert sorted(record.pk for record in response.context["object_list"]) == sorted(expected)
    assert (model is Award) == bool(expected)


@pytest.mark.parametrize("username", ["translator-ru", "editor"])
def test_listing_query_count_does_not_grow_with_the_records(client, users, username):
    client.force_login(users[username])

    def count_listing_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(list_url(Award), {"needs_translation_in": "ru"})
        assert response.status_code == 200
        return len(queries), len(response.context["object_list"])

    AwardFactory(distinction_ru="")
    few, shown = count_listing_queries()
    for _ in range(5):
        AwardFactory(distinction_ru="")
    many, shown_more = count_listing_queries()
    assert (shown, shown_more) == (1, 6)
    assert many == few
