"""Translators hear by email when a translation is requested of them or falls out of date."""

import io

import pytest

from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from newsroom.blocks import body_stream_data
from newsroom.models.pages import PressReleasePage
from newsroom.translating.changes import changed_segments
from newsroom.translating.choices import ChangeKind
from newsroom.translating.roles import group_name
from tests.factories import UserFactory
from tests.helpers import add_cluster_pages, add_release

pytestmark = pytest.mark.django_db

TITLE = "Srebrna Odznaka dla klastra"
OLD_PARAGRAPH = f"Body of {TITLE}"
NEW_PARAGRAPH = "Klaster otrzymał odznakę po audycie w czerwcu."


@pytest.fixture
def release(site_tree, award):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    return add_release(cluster_pages["pl"], title=TITLE, awards=[award])


def request_translation(page, *codes):
    """What the admin's "Translate this page" does for the chosen languages."""
    locales = list(Locale.objects.filter(language_code__in=codes))
    TranslationCreator(user=None, target_locales=locales).create_translations(page)


def translation_of(page, code):
    return PressReleasePage.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    )


def editor_link(page):
    return "http://testserver" + reverse("wagtailadmin_pages:edit", args=[page.pk])


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def emails_of(users):
    return sorted(user.email for user in users)


def test_requested_translation_emails_each_translator_of_the_language_in_it(
    release, team, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(release, "ru")

    target = translation_of(release, "ru")
    assert recipients(mailoutbox) == emails_of(team["translators"]["ru"])
    assert all(len(message.to) == 1 for message in mailoutbox)
    for message in mailoutbox:
        assert TITLE in message.subject
        assert editor_link(target) in message.body
        assert TITLE in message.body
        # Language names come from Babel in the message's language, lowercase after a
        # colon as Russian writes them.
        assert "Исходный язык: польский" in message.body
        assert "Язык перевода: русский" in message.body
        assert "Polish" not in message.body and "Russian" not in message.body


def test_each_language_hears_in_its_own_language(
    release, team, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(release, "en", "ru")

    translators = team["translators"]
    assert recipients(mailoutbox) == emails_of(translators["en"] + translators["ru"])
    (english,) = [m for m in mailoutbox if m.to == [translators["en"][0].email]]
    assert "Source language: Polish" in english.body
    assert "Target language: English" in english.body
    assert "русский" not in english.body
    assert editor_link(translation_of(release, "en")) in english.body
    for russian in [m for m in mailoutbox if m.to != [translators["en"][0].email]]:
        assert "Исходный язык: польский" in russian.body and "русский" in russian.body
        assert "English" not in russian.body
        assert editor_link(translation_of(release, "ru")) in russian.body


def test_editor_link_opens_the_translation_editor(
    admin_client, release, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(release, "ru")

    response = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[translation_of(release, "ru").pk])
    )

    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_rolled_back_request_sends_nothing(
    release, team, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        request_translation(release, "ru")
        raise RuntimeError("the request failed")

    assert not Translation.objects.exists()
    assert mailoutbox == []


def test_disabled_translation_sends_nothing(
    release, team, locales, mailoutbox, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(release)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.create(source=source, target_locale=locales["ru"], enabled=False)
    assert mailoutbox == []


def republish_with_paragraph(page, text):
    page = PressReleasePage.objects.get(pk=page.pk)
    (paragraph,) = page.body.raw_data
    page.body = [{**paragraph, "value": f"<p>{text}</p>"}]
    page.save_revision().publish()


def test_republished_source_tells_translators_what_changed(
    release, team, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(release, "ru")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        republish_with_paragraph(release, NEW_PARAGRAPH)

    assert recipients(mailoutbox) == emails_of(team["translators"]["ru"])
    for message in mailoutbox:
        assert TITLE in message.subject
        assert OLD_PARAGRAPH in message.body and NEW_PARAGRAPH in message.body
        assert message.body.index(OLD_PARAGRAPH) < message.body.index(NEW_PARAGRAPH)
        assert "Основной текст › Абзац" in message.body  # the field, named in Russian
        assert editor_link(translation_of(release, "ru")) in message.body
        # Unchanged strings are not listed.
        assert f"Lead of {TITLE}" not in message.body


def test_republishing_without_text_changes_sends_nothing(
    release, team, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(release, "ru")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        PressReleasePage.objects.get(pk=release.pk).save_revision().publish()

    assert mailoutbox == []


def test_publishing_a_translation_sends_nothing(
    release, team, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(release, "ru")
    mailoutbox.clear()
    target = translation_of(release, "ru")

    with django_capture_on_commit_callbacks(execute=True):
        target.title = "Серебряный сертификат кластеру"
        target.save_revision().publish()
        republish_with_paragraph(target, "Кластер получил сертификат.")

    assert mailoutbox == []


def test_loading_the_demo_sends_nothing(db, mailoutbox, django_capture_on_commit_callbacks):
    # A translator who exists before the demo's translations are made.
    UserFactory(groups=[group_name("translators", "ru")])

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_initial_data", stdout=io.StringIO())

    assert Translation.objects.filter(target_locale__language_code="ru").exists()
    assert mailoutbox == []


def test_changed_segments_lists_changed_added_and_removed_strings(release):
    page = PressReleasePage.objects.get(pk=release.pk)
    page.body = body_stream_data(
        [
            ("heading", "Sześć obszarów oceny"),
            ("paragraph", "<p>Pierwszy akapit.</p><p>Drugi akapit.</p>"),
            ("list", ["Struktura klastra", "Finansowanie", "Usługi"]),
        ]
    )
    page.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(page)

    page = PressReleasePage.objects.get(pk=page.pk)
    heading, paragraph, items = page.body.raw_data
    kept, removed, last = items["value"]
    page.body = [
        {**heading, "value": "Siedem obszarów oceny"},
        {**paragraph, "value": "<p>Pierwszy akapit.</p><p>Nowy akapit.</p><p>Drugi akapit.</p>"},
        {**items, "value": [kept, last]},
    ]
    page.save_revision().publish()

    changes = changed_segments(source)

    assert sorted(changes) == sorted(
        [
            (
                ChangeKind.CHANGED,
                f"body.{heading['id']}",
                "Sześć obszarów oceny",
                "Siedem obszarów oceny",
            ),
            (ChangeKind.ADDED, f"body.{paragraph['id']}", None, "Nowy akapit."),
            (ChangeKind.REMOVED, f"body.{items['id']}.{removed['id']}", "Finansowanie", None),
        ]
    )
    assert changed_segments(source, source.as_instance()) == []
