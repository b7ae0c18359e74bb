"""Pages work with wagtail-localize: a release can be translated segment by segment."""

import pytest

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from newsroom.blocks import body_stream_data
from newsroom.models.pages import PressReleasePage
from tests.helpers import add_cluster_pages, add_release

pytestmark = pytest.mark.django_db


def test_release_translates_through_wagtail_localize(
    site_tree, award, locales, django_capture_on_commit_callbacks
):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    source_page = add_release(
        cluster_pages["pl"],
        title="Srebrna Odznaka",
        awards=[award],
        body=body_stream_data(
            [
                ("paragraph", "<p>Klaster otrzymał odznakę.</p>"),
                ("list", ["Struktura klastra", "Finansowanie"]),
                ("quote", {"text": "Wielki dzień", "speaker": "Anna", "role": "prezes"}),
                (
                    "about_cluster",
                    {"heading": "O klastrze", "text": "<p>Klaster powstał w 2006 r.</p>"},
                ),
            ]
        ),
    )

    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation = Translation.objects.create(source=source, target_locale=locales["en"])
    english = {
        "Srebrna Odznaka": "Silver Label",
        "Klaster otrzymał odznakę.": "The cluster received the label.",
        "Struktura klastra": "Cluster structure",
        "Finansowanie": "Financing",
        "Wielki dzień": "A great day",
        "prezes": "president",
        "O klastrze": "About the cluster",
        "Klaster powstał w 2006 r.": "The cluster was founded in 2006.",
    }
    for segment in source.stringsegment_set.select_related("string"):
        text = segment.string.data
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["en"],
            context=segment.context,
            data=english.get(text, text),
        )
    # wagtail-localize publishes on commit, as it would after a real request.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    page = PressReleasePage.objects.get(
        translation_key=source_page.translation_key, locale=locales["en"]
    )
    assert page.live and page.title == "Silver Label"
    assert list(page.awards.all()) == [award]  # records are shared, not copied
    rendered = str(page.body)
    for text in (
        "The cluster received the label.",
        "Cluster structure",
        "A great day",
        "president",
    ):
        assert text in rendered
    assert page.get_parent().specific.locale.language_code == "en"


def test_demo_releases_offer_every_block_for_translation(demo_site):
    source_page = PressReleasePage.objects.get(
        locale__language_code="pl", slug__startswith="lifescience"
    )
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    strings = set(source.stringsegment_set.values_list("string__data", flat=True))
    list_items = next(block.value for block in source_page.body if block.block_type == "list")
    assert len(list_items) == 6
    assert all(item in strings for item in list_items)
