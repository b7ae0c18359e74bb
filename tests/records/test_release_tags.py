"""Release tags as records: translators name them per language in the records' admin, as
they translate cluster names, and the migration names existing tags in their own language."""

import importlib

import pytest

from django.apps import apps
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data
from wagtail_localize.models import TranslationSource

from newsroom.models.records import ReleaseTag
from newsroom.translating.choices import FieldStatus
from newsroom.translating.records import field_status
from newsroom.translating.roles import ensure_language_roles, group_name
from tests.factories import UserFactory
from tests.helpers import add_cluster_pages, add_release

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_newsroom_releasetag:list")


def edit_url(tag):
    return reverse("wagtailsnippets_newsroom_releasetag:edit", args=[tag.pk])


def post_edit_form(client, tag, **changes):
    form = client.get(edit_url(tag)).context["form"]
    data = {
        name: ("" if form[name].value() is None else form[name].value()) for name in form.fields
    }
    data.update(changes)
    response = client.post(edit_url(tag), nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    tag.refresh_from_db()
    return tag


def listed(client, **query):
    response = client.get(LIST_URL, query)
    assert response.status_code == 200
    return {tag.pk for tag in response.context["object_list"]}


def test_tags_needing_a_russian_name_are_found_and_named_in_the_admin(admin_client):
    gold = ReleaseTag.objects.create(name="złota odznaka", label_pl="złota odznaka")
    named = ReleaseTag.objects.create(
        name="esca", label_pl="esca", label_en="esca", label_ru="esca"
    )
    assert listed(admin_client) == {gold.pk, named.pk}
    assert listed(admin_client, needs_translation_in="ru") == {gold.pk}
    assert field_status(gold, "label", "ru") == FieldStatus.EMPTY

    post_edit_form(admin_client, gold, label_ru="золотой сертификат")
    assert listed(admin_client, needs_translation_in="ru") == set()
    assert gold.url_slugs["ru"] == "zolotoy-sertifikat"
    assert listed(admin_client, needs_translation_in="en") == {gold.pk}

    post_edit_form(admin_client, gold, label_pl="złota odznaka ESCA")
    assert field_status(gold, "label", "ru") == FieldStatus.OUTDATED
    assert listed(admin_client, needs_translation_in="ru") == {gold.pk}
    assert gold.url_slugs["pl"] == "zlota-odznaka-esca"


def test_a_russian_translator_names_tags_in_russian_only(client, locales):
    ensure_language_roles({})
    translator = UserFactory(groups=[group_name("translators", "ru")])
    client.force_login(translator)
    tag = ReleaseTag.objects.create(name="złota odznaka", label_pl="złota odznaka")
    post_edit_form(client, tag, name="hacked", label_pl="zmienione", label_ru="золотой сертификат")
    assert (tag.name, tag.label_pl, tag.label_ru) == (
        "złota odznaka",
        "złota odznaka",
        "золотой сертификат",
    )


def test_slugs_stay_unique_in_each_language(db):
    first = ReleaseTag.objects.create(name="Silver", label_en="silver label")
    second = ReleaseTag.objects.create(name="silver", label_en="Silver Label")
    assert (first.url_slugs["en"], second.url_slugs["en"]) == ("silver-label", "silver-label-2")
    second.label_pl = "srebro"
    second.save()
    assert second.url_slugs == {"pl": "srebro", "en": "silver-label-2"}  # its address is kept


def test_the_migration_names_existing_tags_in_the_language_they_were_typed_in(site_tree, award):
    migration = importlib.import_module("newsroom.migrations.0006_release_tags")
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    polish = add_release(cluster_pages["pl"], title="Źródło")
    russian = add_release(cluster_pages["ru"], title="Перевод", key=polish.translation_key)
    russian_only = add_release(cluster_pages["ru"], title="Только по-русски")
    TranslationSource.get_or_create_from_instance(polish)
    copied = ReleaseTag.objects.create(name="złota odznaka")
    own = ReleaseTag.objects.create(name="калуга")
    for page, tags in ((polish, [copied]), (russian, [copied]), (russian_only, [own])):
        page.tags.add(*tags)
        page.save()

    languages = migration.own_languages_by_tag(apps)
    assert languages == {copied.pk: {"pl"}, own.pk: {"ru"}}


def test_the_migration_transliterates_tag_addresses(db):
    migration = importlib.import_module("newsroom.migrations.0011_ascii_tag_addresses")
    gold = ReleaseTag.objects.create(
        name="złota", label_pl="złota odznaka", label_ru="золотой знак"
    )
    twin = ReleaseTag.objects.create(name="zlota", label_pl="Złota odznaka!")
    # Addresses as they were before: Unicode.
    ReleaseTag.objects.filter(pk=gold.pk).update(
        url_slugs={"pl": "złota-odznaka", "ru": "золотой-знак"}
    )
    ReleaseTag.objects.filter(pk=twin.pk).update(url_slugs={"pl": "złota-odznaka-2"})

    migration.transliterate_tag_addresses(apps, None)

    gold.refresh_from_db()
    twin.refresh_from_db()
    assert gold.url_slugs == {"pl": "zlota-odznaka", "ru": "zolotoy-znak"}
    assert twin.url_slugs == {"pl": "zlota-odznaka-2"}  # still unique in its language
