"""Hand-off of a release's translation as PO and XLIFF files, and importing them back."""

import polib
import pytest
from lxml import etree
from translate.storage import xliff

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from newsroom.blocks import body_stream_data
from newsroom.models.pages import PressReleasePage
from newsroom.translating import handoff
from newsroom.translating.roles import ensure_language_roles, group_name
from tests.helpers import add_cluster_pages, add_release, assert_refused_with, use_admin_in

pytestmark = pytest.mark.django_db

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"

POLISH_BODY = [
    ("paragraph", "<p>Klaster otrzymał Srebrną Odznakę.</p>"),
    ("list", ["Struktura klastra", "Finansowanie"]),
    ("quote", {"text": "To wielki dzień dla regionu", "speaker": "Anna Nowak", "role": "prezes"}),
]
RUSSIAN = {
    "Srebrna Odznaka": "Серебряный сертификат",
    "Lead of Srebrna Odznaka": "Кластер получил серебряный сертификат",
    "Klaster otrzymał Srebrną Odznakę.": "Кластер получил серебряный сертификат.",
    "Struktura klastra": "Структура кластера",
    "Finansowanie": "Финансирование",
    "To wielki dzień dla regionu": "Это великий день для региона",
    "Anna Nowak": "Анна Новак",
    "prezes": "председатель",
}
SEGMENT_COUNT = len(RUSSIAN) + 1  # and the slug


def russian(source_text):
    # The slug is a segment too; a translator keeps it a valid slug.
    return RUSSIAN.get(source_text, "serebryanyi-sertifikat")


def publish_release(parent, title, body, award):
    return add_release(parent, title=title, awards=[award], body=body_stream_data(body))


def start_translation(source_page, locale, on_commit):
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    # wagtail-localize publishes on commit, as it would after a real request.
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return translation


@pytest.fixture
def cluster_pages(site_tree, award):
    return add_cluster_pages(site_tree, award.cluster)


@pytest.fixture
def polish_release(cluster_pages, award):
    return publish_release(cluster_pages["pl"], "Srebrna Odznaka", POLISH_BODY, award)


@pytest.fixture
def release_translation(polish_release, locales, django_capture_on_commit_callbacks):
    """The Polish release's translation into Russian, its ru page live with the Polish text."""
    return start_translation(polish_release, locales["ru"], django_capture_on_commit_callbacks)


def handoff_url(name, translation):
    return reverse(f"newsroom_translations:{name}", args=[translation.pk])


def download(client, name, translation):
    response = client.get(handoff_url(name, translation))
    assert response.status_code == 200
    return response


def upload(client, translation, filename, content):
    return client.post(
        handoff_url("handoff_import", translation),
        {"file": SimpleUploadedFile(filename, content)},
    )


def translated_po(po_bytes, translate=russian):
    po = polib.pofile(po_bytes.decode("utf-8"))
    for entry in po:
        entry.msgstr = translate(entry.msgid)
    return str(po).encode("utf-8")


def translated_xliff(xliff_bytes, translate=russian):
    store = xliff.xlifffile.parsestring(xliff_bytes)
    for unit in store.units:
        unit.target = translate(str(unit.source))
    return bytes(store)


def ru_page(translation):
    return PressReleasePage.objects.get(
        translation_key=translation.source.object_id, locale=translation.target_locale
    )


def assert_draft_in_russian(translation, live_revision_id):
    page = ru_page(translation)
    # What readers see is untouched: the import only saved a draft for review.
    assert page.live and page.title == "Srebrna Odznaka"
    assert page.live_revision_id == live_revision_id
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Серебряный сертификат"
    assert draft.lead == "Кластер получил серебряный сертификат"
    rendered = str(draft.body)
    for text in ("Кластер получил серебряный сертификат.", "Финансирование", "Анна Новак"):
        assert text in rendered


def test_po_round_trip_through_the_admin(admin_client, release_translation):
    live_revision_id = ru_page(release_translation).live_revision_id

    response = download(admin_client, "handoff_po", release_translation)
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    slug = release_translation.source.get_source_instance().slug
    assert f'filename="{slug}-ru.po"' in response["Content-Disposition"]
    exported = polib.pofile(response.content.decode("utf-8"))
    assert exported.metadata["X-WagtailLocalize-TranslationID"] == str(release_translation.uuid)
    assert exported.metadata["Language"] == "ru"
    assert len(exported) == SEGMENT_COUNT

    response = upload(
        admin_client, release_translation, f"{slug}-ru.po", translated_po(response.content)
    )
    assert response.status_code == 302
    assert response["Location"] == handoff_url("handoff", release_translation)
    assert_draft_in_russian(release_translation, live_revision_id)
    assert release_translation.get_progress() == (SEGMENT_COUNT, SEGMENT_COUNT)

    page = admin_client.get(response["Location"])
    assert str(SEGMENT_COUNT) in str(list(page.context["messages"])[0])
    assert page.context["translated_segments"] == SEGMENT_COUNT
    assert page.context["last_import_at"] is not None


def test_xliff_round_trip_through_the_admin(admin_client, release_translation):
    live_revision_id = ru_page(release_translation).live_revision_id

    response = download(admin_client, "handoff_xliff", release_translation)
    assert response["Content-Type"] == "application/x-xliff+xml"
    assert '-ru.xlf"' in response["Content-Disposition"]

    response = upload(
        admin_client, release_translation, "release-ru.xlf", translated_xliff(response.content)
    )
    assert response.status_code == 302
    assert_draft_in_russian(release_translation, live_revision_id)
    assert (
        StringTranslation.objects.filter(
            locale=release_translation.target_locale, tool_name="Newsroom hand-off (XLIFF)"
        ).count()
        == SEGMENT_COUNT
    )


def test_xliff_export_is_xliff_1_2_naming_languages_and_translation(
    admin_client, release_translation
):
    content = download(admin_client, "handoff_xliff", release_translation).content
    root = etree.fromstring(content)
    assert root.tag == f"{{{XLIFF_12}}}xliff"
    assert root.get("version") == "1.2"
    # No element may fall back to translate-toolkit's default 1.1 namespace.
    assert {etree.QName(element).namespace for element in root.iter(etree.Element)} == {XLIFF_12}
    (file_node,) = root.findall(f"{{{XLIFF_12}}}file")
    assert file_node.get("source-language") == "pl"
    assert file_node.get("target-language") == "ru"
    assert file_node.get("original") == f"urn:uuid:{release_translation.uuid}"
    assert file_node.get("datatype") == "plaintext"
    units = file_node.findall(f"{{{XLIFF_12}}}body/{{{XLIFF_12}}}trans-unit")
    assert len(units) == SEGMENT_COUNT
    assert len({unit.get("id") for unit in units}) == SEGMENT_COUNT
    sources = [unit.findtext(f"{{{XLIFF_12}}}source") for unit in units]
    assert "Klaster otrzymał Srebrną Odznakę." in sources
    assert "Finansowanie" in sources


def test_export_carries_translations_already_made(admin_client, release_translation):
    first = translated_po(download(admin_client, "handoff_po", release_translation).content)
    upload(admin_client, release_translation, "release-ru.po", first)

    content = download(admin_client, "handoff_xliff", release_translation).content
    store = xliff.xlifffile.parsestring(content)
    assert {str(unit.source): str(unit.target) for unit in store.units}["Finansowanie"] == (
        "Финансирование"
    )


def snapshot(translation):
    page = ru_page(translation)
    return (
        StringTranslation.objects.count(),
        Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        page.latest_revision_id,
        page.title,
    )


def assert_refused(client, translation, filename, content, code):
    before = snapshot(translation)
    response = upload(client, translation, filename, content)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert [error.code for error in errors] == [code]
    # The reason is shown to the translator in the form.
    assert str(errors[0].message) in response.content.decode()
    assert snapshot(translation) == before


def test_refuses_a_file_made_for_another_release(
    admin_client,
    release_translation,
    cluster_pages,
    award,
    locales,
    django_capture_on_commit_callbacks,
):
    other_release = publish_release(
        cluster_pages["pl"], "Złota Odznaka", [("paragraph", "<p>Inny tekst.</p>")], award
    )
    other = start_translation(other_release, locales["ru"], django_capture_on_commit_callbacks)
    other_file = translated_po(download(admin_client, "handoff_po", other).content)

    assert_refused(admin_client, release_translation, "zlota-ru.po", other_file, "other_release")


def test_refuses_a_file_made_for_another_language(
    admin_client, release_translation, polish_release, locales, django_capture_on_commit_callbacks
):
    english = start_translation(polish_release, locales["en"], django_capture_on_commit_callbacks)
    english_po = translated_po(download(admin_client, "handoff_po", english).content)
    english_xliff = translated_xliff(download(admin_client, "handoff_xliff", english).content)

    assert_refused(admin_client, release_translation, "release-en.po", english_po, "other_language")
    assert_refused(
        admin_client, release_translation, "release-en.xlf", english_xliff, "other_language"
    )


def test_refuses_an_xliff_whose_target_language_was_changed(admin_client, release_translation):
    content = download(admin_client, "handoff_xliff", release_translation).content
    store = xliff.xlifffile.parsestring(translated_xliff(content))
    store.settargetlanguage("uk")

    assert_refused(
        admin_client, release_translation, "release-uk.xlf", bytes(store), "other_language"
    )


def test_refuses_a_file_exported_before_the_source_changed(
    admin_client, release_translation, polish_release
):
    old_po = translated_po(download(admin_client, "handoff_po", release_translation).content)
    old_xliff = translated_xliff(
        download(admin_client, "handoff_xliff", release_translation).content
    )
    edited = [("paragraph", "<p>Klaster otrzymał Złotą Odznakę.</p>"), *POLISH_BODY[1:]]
    polish_release.body = body_stream_data(edited)
    polish_release.save_revision().publish()
    release_translation.source.update_from_db()

    assert_refused(admin_client, release_translation, "release-ru.po", old_po, "source_changed")
    assert_refused(admin_client, release_translation, "release-ru.xlf", old_xliff, "source_changed")


def test_refuses_an_entry_whose_source_text_was_edited(admin_client, release_translation):
    def edit_source(text):
        return text.replace("Finansowanie", "Finansowanie i granty")

    po = polib.pofile(download(admin_client, "handoff_po", release_translation).content.decode())
    for entry in po:
        entry.msgid = edit_source(entry.msgid)
        entry.msgstr = russian(entry.msgid)

    assert_refused(
        admin_client, release_translation, "release-ru.po", str(po).encode(), "source_changed"
    )


@pytest.mark.parametrize(
    ("filename", "content", "code"),
    [
        ("release-ru.po", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00garbage", "broken"),
        ("release-ru.xlf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00garbage", "broken"),
        ("release-ru.xlf", b"<xliff version='1.2'><file><body>", "broken"),
        ("release-ru.po", b'msgid "a"\nmsgstr "b"\nthis is not PO syntax\n', "broken"),
        ("release-ru.po", b"", "empty"),
        ("release-ru.po", b"  \n\n", "empty"),
        ("release-ru.docx", b"PK\x03\x04 a word document", "wrong_type"),
    ],
)
def test_refuses_broken_empty_and_foreign_files(
    admin_client, release_translation, filename, content, code
):
    assert_refused(admin_client, release_translation, filename, content, code)


def test_refuses_a_file_without_translations(admin_client, release_translation):
    untouched = download(admin_client, "handoff_po", release_translation).content

    assert_refused(
        admin_client, release_translation, "release-ru.po", untouched, "nothing_translated"
    )


def test_refuses_a_po_file_that_does_not_name_its_translation(admin_client, release_translation):
    po = polib.pofile(
        translated_po(download(admin_client, "handoff_po", release_translation).content).decode()
    )
    del po.metadata["X-WagtailLocalize-TranslationID"]

    assert_refused(
        admin_client, release_translation, "release-ru.po", str(po).encode(), "other_translation"
    )


@pytest.fixture
def russian_translator(site_tree, make_user):
    ensure_language_roles(site_tree["homes"])
    return make_user("tłumacz", group_name("translators", "ru"))


def test_russian_translator_hands_off_russian_only(
    client,
    russian_translator,
    release_translation,
    cluster_pages,
    award,
    locales,
    django_capture_on_commit_callbacks,
):
    english_release = publish_release(
        cluster_pages["en"], "Silver Label", [("paragraph", "<p>The cluster won.</p>")], award
    )
    polish_target = start_translation(
        english_release, locales["pl"], django_capture_on_commit_callbacks
    )
    client.force_login(russian_translator)

    assert client.get(handoff_url("handoff", release_translation)).status_code == 200
    po = download(client, "handoff_po", release_translation).content
    response = upload(client, release_translation, "release-ru.po", translated_po(po))
    assert response.status_code == 302
    assert ru_page(release_translation).get_latest_revision_as_object().title == (
        "Серебряный сертификат"
    )

    refusal = "You do not have permission to translate this page."
    for name in ("handoff", "handoff_po", "handoff_xliff"):
        assert_refused_with(client.get(handoff_url(name, polish_target)), refusal)
    polish_po = translated_po(handoff.export_po(polish_target), translate=str.upper)
    before = StringTranslation.objects.count()
    assert_refused_with(upload(client, polish_target, "release-pl.po", polish_po), refusal)
    assert StringTranslation.objects.count() == before


def test_handoff_page_shows_release_languages_and_progress(admin_client, release_translation):
    response = admin_client.get(handoff_url("handoff", release_translation))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Srebrna Odznaka" in html
    assert f'data-progress="0/{SEGMENT_COUNT}"' in html
    assert handoff_url("handoff_po", release_translation) in html
    assert handoff_url("handoff_xliff", release_translation) in html
    assert (
        response.context["source_language"] == release_translation.source.locale.get_display_name()
    )
    assert response.context["last_import_at"] is None


def assert_refused_for_segments(client, translation, filename, content, reasons):
    """The whole file refused, naming each faulty text ({source text: reason}); nothing stored."""
    before = snapshot(translation)
    draft_before = ru_page(translation).get_latest_revision_as_object()
    response = upload(client, translation, filename, content)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert {error.code for error in errors} == {"segment_errors"}
    # A summary, then one line per faulty text.
    assert len(errors) == 1 + len(reasons)
    html = response.content.decode()
    assert "Nothing was imported" in html
    for source, reason in reasons.items():
        (line,) = [str(error.message) for error in errors[1:] if source[:20] in error.message]
        assert reason in line
        assert escape(line) in html
    assert snapshot(translation) == before
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()
    assert ru_page(translation).get_latest_revision_as_object().title == draft_before.title


BROKEN = {
    # A block tag inside a paragraph's text breaks the rich text's structure.
    "Klaster otrzymał Srebrną Odznakę.": "<div>Кластер получил серебряный сертификат.</div>",
    # A link the source does not have: wagtail-localize's placeholder for a link is its id.
    "Finansowanie": '<a id="a9">Финансирование</a>',
    # The quote's speaker is a CharBlock of at most 120 characters.
    "Anna Nowak": "Я" * 130,
}
BROKEN_REASONS = {
    "Klaster otrzymał Srebrną Odznakę.": "<div> tag is not allowed",
    "Finansowanie": "Unrecognised id found in an <a> tag: a9",
    "Anna Nowak": "It is 130 characters long; the field holds at most 120 characters.",
}


def russian_with_errors(text):
    return BROKEN.get(text) or russian(text)


@pytest.mark.parametrize(
    ("name", "filename", "translate_file"),
    [
        ("handoff_po", "release-ru.po", translated_po),
        ("handoff_xliff", "release-ru.xlf", translated_xliff),
    ],
)
def test_refuses_a_file_with_texts_wagtail_localize_would_not_use(
    admin_client, admin_user, release_translation, name, filename, translate_file
):
    use_admin_in(admin_user, "en")
    exported = download(admin_client, name, release_translation).content

    assert_refused_for_segments(
        admin_client,
        release_translation,
        filename,
        translate_file(exported, translate=russian_with_errors),
        BROKEN_REASONS,
    )


def test_segment_errors_are_explained_in_the_translators_language(
    admin_client, admin_user, release_translation
):
    use_admin_in(admin_user, "ru")
    exported = download(admin_client, "handoff_po", release_translation).content
    content = translated_po(exported, translate=russian_with_errors)

    response = upload(admin_client, release_translation, "release-ru.po", content)

    errors = response.context["form"].errors.as_data()["file"]
    with translation.override("ru"):
        expected = translation.gettext(
            "<{}> tag is not allowed. Strings can only contain standard HTML inline tags "
            "(such as <b>, <a>)"
        ).format("div")
    assert any(expected in str(error.message) for error in errors)
    assert not StringTranslation.objects.exists()


def test_refuses_a_file_that_would_make_the_page_invalid(
    admin_client, admin_user, release_translation
):
    use_admin_in(admin_user, "en")

    def overlong_title(text):
        # PressReleasePage titles hold 255 characters.
        return "Я" * 300 if text == "Srebrna Odznaka" else russian(text)

    exported = download(admin_client, "handoff_po", release_translation).content

    assert_refused_for_segments(
        admin_client,
        release_translation,
        "release-ru.po",
        translated_po(exported, translate=overlong_title),
        {"Srebrna Odznaka": "It is 300 characters long; the field holds at most 255 characters."},
    )


def editor_upload(client, translation, content, filename="release-ru.po"):
    """What wagtail-localize's editor does with "Upload PO file": back to the editor after."""
    data = {"next": reverse("wagtailadmin_pages:edit", args=[ru_page(translation).pk])}
    if content is not None:
        data["file"] = SimpleUploadedFile(filename, content)
    return client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), data)


def flashed(client, response):
    page = client.get(response["Location"])
    return [str(message) for message in page.context["messages"]]


def test_editors_po_upload_goes_through_the_checked_import(
    admin_client, admin_user, release_translation
):
    use_admin_in(admin_user, "en")
    live_revision_id = ru_page(release_translation).live_revision_id
    po = translated_po(download(admin_client, "handoff_po", release_translation).content)

    response = editor_upload(admin_client, release_translation, po)

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[ru_page(release_translation).pk]
    )
    # Like the hand-off screen: a draft for review, readers still see the live page.
    assert_draft_in_russian(release_translation, live_revision_id)
    assert any(
        f"Imported {SEGMENT_COUNT} translated texts" in m for m in flashed(admin_client, response)
    )


def test_editors_po_upload_refuses_texts_with_errors(admin_client, admin_user, release_translation):
    use_admin_in(admin_user, "en")
    exported = download(admin_client, "handoff_po", release_translation).content
    before = snapshot(release_translation)

    response = editor_upload(
        admin_client, release_translation, translated_po(exported, translate=russian_with_errors)
    )

    assert response.status_code == 302
    (message,) = flashed(admin_client, response)
    assert "Nothing was imported" in message
    assert "Unrecognised id found in an <a> tag: a9" in message
    assert snapshot(release_translation) == before
    assert not StringTranslation.objects.filter(has_error=True).exists()


@pytest.mark.parametrize(
    "content",
    [
        None,  # no file at all
        b"",
        b'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "Finansowanie"\nmsgstr "x"\n',
        b"\x89PNG\r\n\x1a\n\x00\x00garbage",
        b"<xliff version='1.2'><file>",
    ],
    ids=["missing", "empty", "no-translation-header", "binary", "broken-xml"],
)
def test_editors_po_upload_never_fails_on_an_odd_file(admin_client, release_translation, content):
    before = snapshot(release_translation)

    response = editor_upload(admin_client, release_translation, content)

    assert response.status_code == 302
    assert len(flashed(admin_client, response)) == 1
    assert snapshot(release_translation) == before


def test_wagtail_localize_actions_refuse_other_languages_translators(
    client, make_user, site_tree, release_translation
):
    ensure_language_roles(site_tree["homes"])
    client.force_login(make_user("tr-en", group_name("translators", "en")))
    refusal = "You do not have permission to translate this page."
    before = snapshot(release_translation)
    segment = StringSegment.objects.filter(source=release_translation.source).first()
    po = translated_po(handoff.export_po(release_translation))

    def url(name, *args):
        return reverse(f"wagtail_localize:{name}", args=[release_translation.pk, *args])

    assert_refused_with(client.get(url("download_pofile")), refusal)
    assert_refused_with(client.get(url("preview_translation")), refusal)
    assert_refused_with(
        client.post(url("upload_pofile"), {"file": SimpleUploadedFile("ru.po", po)}), refusal
    )
    assert_refused_with(client.post(url("machine_translate")), refusal)
    assert_refused_with(client.post(url("stop_translation")), refusal)
    assert_refused_with(
        client.put(
            url("edit_string_translation", segment.pk),
            encode_multipart(BOUNDARY, {"value": "Взлом"}),
            content_type=MULTIPART_CONTENT,
        ),
        refusal,
    )
    release_translation.refresh_from_db()
    assert release_translation.enabled
    assert snapshot(release_translation) == before


def test_wagtail_localize_actions_on_a_missing_translation_are_404(admin_client):
    for name in ("download_pofile", "upload_pofile", "stop_translation", "machine_translate"):
        url = reverse(f"wagtail_localize:{name}", args=[999999])
        assert admin_client.post(url, follow=True).status_code == 404
