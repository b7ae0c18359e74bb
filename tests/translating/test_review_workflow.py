"""Requesting, translating, submitting and reviewing a translation, per language, through
the admin as translators and reviewers do; and coordinated publishing of a family."""

import datetime
from unittest import mock

import pytest

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import pgettext

from wagtail.models import Revision, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from newsroom.blocks import body_stream_data
from newsroom.models.pages import PressReleasePage
from newsroom.translating import status as ts
from newsroom.translating.choices import TranslationStatus
from newsroom.translating.roles import group_name
from tests.helpers import add_cluster_pages, add_release, assert_refused_with, use_admin_in

pytestmark = pytest.mark.django_db

RUSSIAN = {
    "Srebrna Odznaka dla LifeScience": "Серебряный сертификат LifeScience",
    "Klaster otrzymał Srebrną Odznakę.": "Кластер получил серебряный сертификат.",
    "Ocena objęła 31 wskaźników.": "Оценка охватила 31 показатель.",
}


@pytest.fixture
def source(site_tree, award):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    return add_release(
        cluster_pages["pl"],
        title="Srebrna Odznaka dla LifeScience",
        awards=[award],
        body=body_stream_data(
            [
                ("paragraph", "<p>Klaster otrzymał Srebrną Odznakę.</p>"),
                ("paragraph", "<p>Ocena objęła 31 wskaźników.</p>"),
            ]
        ),
    )


def matrix_cell(page, language):
    rows = list(ts.ReleaseFamilies())
    (row,) = [row for row in rows if row.source.translation_key == page.translation_key]
    return row.cells[language]


def request_russian(client, editor, source):
    client.force_login(editor)
    return client.post(
        reverse("newsroom_translations:request"),
        {
            "release": [source.pk],
            "language": ["ru"],
            "next": reverse("newsroom_translations:index"),
        },
    )


def russian_page(source):
    return PressReleasePage.objects.get(
        translation_key=source.translation_key, locale__language_code="ru"
    )


def translate_every_segment(client, translation, texts):
    """What the segment editor does for each field: PUT the translated text."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = texts.get(segment.string.data.removeprefix("<p>").removesuffix("</p>"))
        if text is None:
            continue
        if segment.string.data.startswith("<p>"):
            text = f"<p>{text}</p>"
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url, encode_multipart(BOUNDARY, {"value": text}), content_type=MULTIPART_CONTENT
        )
        assert response.status_code in (200, 201), response.content


def translate_into_russian_and_approve(client, team, source):
    """The whole round: requested, translated, submitted, approved. Returns the Translation."""
    request_russian(client, team["editor"], source)
    translation = Translation.objects.get(source__object_id=source.translation_key)
    client.force_login(team["translator"])
    translate_every_segment(client, translation, RUSSIAN)
    client.post(reverse("newsroom_translations:submit", args=[russian_page(source).pk]))
    client.force_login(team["reviewer"])
    client.post(
        reverse("newsroom_translations:review", args=[russian_page(source).pk]),
        {"action": "approve"},
    )
    return translation


def test_each_language_tree_has_its_own_review_workflow(team, site_tree):
    for code, home in site_tree["homes"].items():
        assert home.get_workflow().name == f"Review ({code})"
    task = site_tree["homes"]["ru"].get_workflow().tasks.get().specific
    # The language's reviewers, and the editors-in-chief, who review in every language.
    assert set(task.groups.values_list("name", flat=True)) == {
        "Reviewers (ru)",
        "Editors-in-chief",
    }


def test_bulk_request_creates_draft_translations_and_skips_existing_ones(client, team, source):
    response = request_russian(client, team["editor"], source)
    assert response.status_code == 302
    ru = russian_page(source)
    assert not ru.live  # an untranslated copy must never go live on request
    assert Translation.objects.filter(source__object_id=source.translation_key).count() == 1
    assert matrix_cell(source, "ru").status == TranslationStatus.DRAFT
    assert matrix_cell(source, "ru").translation_id is not None
    # Asking again changes nothing: the Russian page is there already.
    request_russian(client, team["editor"], source)
    assert PressReleasePage.objects.filter(translation_key=source.translation_key).count() == 2


def test_translator_cannot_request_translations(client, team, source):
    client.force_login(team["translator"])
    response = client.post(
        reverse("newsroom_translations:request"), {"release": [source.pk], "language": ["ru"]}
    )
    assert_refused_with(response, "You cannot request translations.")
    assert not Translation.objects.exists()


def test_translator_submits_reviewer_asks_for_changes_then_approves(
    client, team, source, django_capture_on_commit_callbacks
):
    request_russian(client, team["editor"], source)
    ru = russian_page(source)
    translation = Translation.objects.get(source__object_id=source.translation_key)

    client.force_login(team["translator"])
    translate_every_segment(client, translation, RUSSIAN)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[ru.pk]))
    # The segment editor carries the review bar, in the translator's admin language.
    assert reverse("newsroom_translations:submit", args=[ru.pk]).encode() in editor.content
    assert "Wyślij do recenzji" in editor.content.decode()
    response = client.post(reverse("newsroom_translations:submit", args=[ru.pk]))
    assert response.status_code == 302
    ru = russian_page(source)
    assert ru.workflow_in_progress and not ru.live
    assert ru.get_latest_revision_as_object().title == "Серебряный сертификат LifeScience"
    assert matrix_cell(source, "ru").status == TranslationStatus.IN_REVIEW

    # A translator may look but not decide; nor may another language's reviewer.
    review_url = reverse("newsroom_translations:review", args=[ru.pk])
    response = client.post(review_url, {"action": "approve"})
    assert_refused_with(response, "You cannot review this page.")
    client.force_login(team["reviewer_en"])
    response = client.post(review_url, {"action": "approve"})
    assert_refused_with(response, "You cannot review this page.")

    client.force_login(team["reviewer"])
    page = client.get(review_url)
    assert "Кластер получил серебряный сертификат.".encode() in page.content
    # Requesting changes needs a reason.
    response = client.post(review_url, {"action": "reject", "comment": ""})
    assert response.status_code == 200 and russian_page(source).workflow_in_progress
    client.post(review_url, {"action": "reject", "comment": "Проверьте число показателей."})
    ru = russian_page(source)
    assert ru.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(team["translator"])
    assert (
        "Проверьте число показателей.".encode()
        in client.get(reverse("wagtailadmin_pages:edit", args=[ru.pk])).content
    )
    client.post(reverse("newsroom_translations:submit", args=[ru.pk]))
    assert russian_page(source).workflow_in_progress

    client.force_login(team["reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url, {"action": "approve", "comment": ""})
    ru = russian_page(source)
    assert ru.live and ru.title == "Серебряный сертификат LifeScience"
    assert matrix_cell(source, "ru").status == TranslationStatus.LIVE
    assert client.get(ru.url).status_code == 200


def test_source_release_has_its_own_approval(client, team, source):
    draft = source.get_latest_revision_as_object()
    draft.lead = "Nowy lead"
    draft.save_revision(user=team["editor"])
    client.force_login(team["editor"])
    client.post(reverse("newsroom_translations:submit", args=[source.pk]))
    source.refresh_from_db()
    assert source.current_workflow_state.workflow.name == "Review (pl)"
    client.force_login(team["reviewer"])
    response = client.post(
        reverse("newsroom_translations:review", args=[source.pk]), {"action": "approve"}
    )
    assert_refused_with(response, "You cannot review this page.")
    client.force_login(team["editor"])  # a Polish reviewer
    client.post(reverse("newsroom_translations:review", args=[source.pk]), {"action": "approve"})
    source.refresh_from_db()
    assert source.lead == "Nowy lead" and not source.has_unpublished_changes


def test_source_and_translation_go_live_together(client, team, source):
    request_russian(client, team["editor"], source)
    translation = Translation.objects.get(source__object_id=source.translation_key)
    # The Polish source gets a new draft that waits for the moment too.
    draft = source.get_latest_revision_as_object()
    draft.lead = "Lead na premierę"
    draft.save_revision(user=team["editor"])

    client.force_login(team["editor"])
    moment = timezone.localtime() + datetime.timedelta(days=2)
    schedule_url = reverse("newsroom_translations:schedule", args=[source.pk])
    assert client.get(schedule_url).status_code == 200
    response = client.post(schedule_url, {"go_live_at": moment.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    client.post(reverse("newsroom_translations:submit", args=[source.pk]))
    client.post(reverse("newsroom_translations:review", args=[source.pk]), {"action": "approve"})

    client.force_login(team["translator"])
    translate_every_segment(client, translation, RUSSIAN)
    ru = russian_page(source)
    client.post(reverse("newsroom_translations:submit", args=[ru.pk]))
    client.force_login(team["reviewer"])
    client.post(reverse("newsroom_translations:review", args=[ru.pk]), {"action": "approve"})

    ru = russian_page(source)
    source.refresh_from_db()
    assert not ru.live and source.lead != "Lead na premierę"  # approved, but not yet
    rows = list(ts.ReleaseFamilies())
    (row,) = rows
    assert (
        row.cells["ru"].status == TranslationStatus.SCHEDULED
        and row.cells["pl"].status == TranslationStatus.SCHEDULED
    )
    assert row.planned is not None
    assert set(row.ready_for_planned) == {"pl", "ru"} and row.not_ready_for_planned == ["en"]
    matrix = client.get(reverse("newsroom_translations:index"))
    assert b"translation-planned" in matrix.content

    # The moment comes: Wagtail's scheduler publishes both in one run.
    after = moment + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=after):
        call_command("publish_scheduled")
    ru = russian_page(source)
    source.refresh_from_db()
    assert ru.live and ru.title == "Серебряный сертификат LifeScience"
    assert source.lead == "Lead na premierę"


def test_schedule_refuses_the_past_and_non_publishers(client, team, source):
    client.force_login(team["translator"])
    url = reverse("newsroom_translations:schedule", args=[source.pk])
    assert_refused_with(
        client.get(url), "Only someone who can publish the source release can schedule it."
    )
    client.force_login(team["editor"])
    past = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(url, {"go_live_at": past})
    assert response.status_code == 200
    assert "future" in response.content.decode() or "przyszło" in response.content.decode()
    assert not Revision.page_revisions.filter(approved_go_live_at__isnull=False).exists()
    assert client.post(url, {"go_live_at": "jutro"}).status_code == 200


def test_outdated_translation_shows_what_changed_and_syncs(
    client, team, source, django_capture_on_commit_callbacks
):
    translation = translate_into_russian_and_approve(client, team, source)
    assert matrix_cell(source, "ru").status == TranslationStatus.LIVE

    edited = source.get_latest_revision_as_object()
    blocks = edited.body.raw_data  # edited in place, as the page editor does: ids stay
    blocks[1]["value"] = "<p>Ocena objęła 32 wskaźniki.</p>"
    edited.body = list(blocks)
    with django_capture_on_commit_callbacks(execute=True):
        edited.save_revision(user=team["editor"]).publish()
    assert matrix_cell(source, "ru").status == TranslationStatus.OUTDATED

    client.force_login(team["translator"])
    matrix = client.get(reverse("newsroom_translations:index"))
    changes_url = reverse("newsroom_translations:changes", args=[translation.pk])
    assert changes_url.encode() in matrix.content
    page = client.get(changes_url).content.decode()
    assert "Ocena objęła 31 wskaźników." in page and "Ocena objęła 32 wskaźniki." in page
    assert "Klaster otrzymał" not in page  # unchanged segments are not listed
    client.post(changes_url)
    texts = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string__data", flat=True
        )
    )
    assert "Ocena objęła 32 wskaźniki." in texts


def test_other_language_translator_cannot_see_changes_or_submit(client, team, source):
    request_russian(client, team["editor"], source)
    translation = Translation.objects.get(source__object_id=source.translation_key)
    stranger = team["translators"]["en"][0]
    client.force_login(stranger)
    response = client.get(reverse("newsroom_translations:changes", args=[translation.pk]))
    assert_refused_with(response, "You cannot edit this translation.")
    submit_url = reverse("newsroom_translations:submit", args=[russian_page(source).pk])
    assert_refused_with(client.post(submit_url), "You cannot edit this page.")
    assert not russian_page(source).workflow_in_progress


def test_resubmitting_a_live_translation_leaves_readers_the_approved_text(
    client, team, source, django_capture_on_commit_callbacks
):
    translation = translate_into_russian_and_approve(client, team, source)
    live_url = russian_page(source).url

    client.force_login(team["translator"])
    translate_every_segment(
        client, translation, {"Ocena objęła 31 wskaźników.": "Черновик: 31 показатель."}
    )
    client.post(reverse("newsroom_translations:submit", args=[russian_page(source).pk]))
    ru = russian_page(source)
    assert ru.workflow_in_progress and ru.has_unpublished_changes
    client.logout()
    reader = client.get(live_url).content.decode()
    assert "Оценка охватила 31 показатель." in reader and "Черновик" not in reader


def test_review_names_fields_as_editors_do_in_their_language(client, team, source):
    request_russian(client, team["editor"], source)
    ru = russian_page(source)
    client.force_login(team["translator"])
    client.post(reverse("newsroom_translations:submit", args=[ru.pk]))
    client.force_login(team["reviewer"])
    html = client.get(reverse("newsroom_translations:review", args=[ru.pk])).content.decode()
    assert "Treść › Akapit" in html  # the admin speaks the default language, Polish
    assert "<h1" in html and "Srebrna Odznaka dla LifeScience" in html


def test_translator_cannot_turn_a_translation_into_an_alias_to_skip_review(client, team, source):
    request_russian(client, team["editor"], source)
    ru = russian_page(source)
    url = reverse("wagtail_localize:convert_to_alias", args=[ru.pk])
    client.force_login(team["translator"])
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 403
    assert russian_page(source).alias_of_id is None
    client.force_login(team["reviewer"])  # may publish Russian pages, so may do this too
    assert client.post(url).status_code == 302
    assert russian_page(source).alias_of_id == source.pk


def test_sync_and_publish_all_needs_publish_rights_on_every_translation(
    client, team, source, make_user, django_capture_on_commit_callbacks
):
    translation = translate_into_russian_and_approve(client, team, source)
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    client.force_login(team["editor"])  # may request translations, may not publish Russian
    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 403
    # Syncing without publishing is still open to them: it only refreshes the source.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {}).status_code == 302
    client.force_login(make_user("chief", superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302


@pytest.fixture
def polish_requester(make_user):
    """May request translations (wagtail-localize's permission) and edit Polish pages only."""
    user = make_user("requester-pl", group_name("translators", "pl"))
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )
    return user


def test_sync_needs_edit_rights_on_every_translation(
    client, team, source, polish_requester, django_capture_on_commit_callbacks
):
    translation = translate_into_russian_and_approve(client, team, source)
    ru_revision = russian_page(source).latest_revision_id
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    client.force_login(polish_requester)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {})

    assert_refused_with(
        response, "Only someone who can edit every translation of this page can sync them."
    )
    assert russian_page(source).latest_revision_id == ru_revision


def test_translate_this_page_needs_rights_in_the_target_language(
    client, team, source, locales, polish_requester, django_capture_on_commit_callbacks
):
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    client.force_login(polish_requester)

    response = client.post(url, {"locales": [locales["ru"].pk]})

    assert_refused_with(
        response,
        "You can only request translations into languages where you may add and edit pages.",
    )
    assert not PressReleasePage.objects.filter(
        translation_key=source.translation_key, locale=locales["ru"]
    ).exists()
    assert not Translation.objects.filter(source__object_id=source.translation_key).exists()

    client.force_login(team["editor"])  # an editor adds pages in every language
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"locales": [locales["ru"].pk]}).status_code == 302
    assert russian_page(source).live is False


@pytest.mark.parametrize(
    ("language", "wagtails_words"),
    [("pl", ["Żądania zmian", "Akceptuj"]), ("ru", ["Запрос изменений"])],
)
def test_review_buttons_say_the_projects_words_not_wagtails(
    client, team, source, language, wagtails_words
):
    """Until the catalogs translate the "review action" msgids the buttons read in English;
    Wagtail's wording must be gone either way."""
    request_russian(client, team["editor"], source)
    ru = russian_page(source)
    client.force_login(team["translator"])
    client.post(reverse("newsroom_translations:submit", args=[ru.pk]))
    use_admin_in(team["reviewer"], language)
    client.force_login(team["reviewer"])

    response = client.get(reverse("newsroom_translations:review", args=[ru.pk]))

    html = response.content.decode()
    with translation.override(language):
        expected = {
            "reject": pgettext("review action", "Request changes"),
            "approve": pgettext("review action", "Approve"),
        }
        actions = {name: str(text) for name, text in response.context["actions"]}
    for name, label in expected.items():
        assert f'name="action" value="{name}"' in html
        assert actions[name] == label
        assert label in html
    for words in wagtails_words:
        assert words not in html
