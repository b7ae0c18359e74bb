import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape

from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from newsroom.demo import content
from newsroom.demo.builders import demo_translation_key
from newsroom.models.pages import ClusterNewsPage, HomePage, NewsIndexPage, PressReleasePage
from newsroom.models.records import Award, CertificationBody, Cluster, Label
from newsroom.models.texts import text_in
from newsroom.typography import typeset
from tests.helpers import as_plain_spaces

# Every test starts from the demo newsroom, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_once")]

MODELS = [
    CertificationBody,
    Label,
    Cluster,
    Award,
    Page,
    HomePage,
    NewsIndexPage,
    ClusterNewsPage,
    PressReleasePage,
    Revision,
    Translation,
    StringTranslation,
    get_user_model(),
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loader_builds_the_demo_newsroom(demo_site):
    assert set(Cluster.objects.values_list("slug", flat=True)) == {
        "lifescience-krakow",
        "kaluga-pharma",
    }
    assert set(Label.objects.values_list("level", flat=True)) == {
        "bronze",
        "silver",
        "gold",
        "status",
    }
    releases = PressReleasePage.objects.live()
    assert releases.count() == 6
    assert releases.values("translation_key").distinct().count() == 2
    for key in releases.values_list("translation_key", flat=True).distinct():
        languages = set(
            releases.filter(translation_key=key).values_list("locale__language_code", flat=True)
        )
        assert languages == {"pl", "en", "ru"}
    for release in releases:
        assert release.awards.exists() and release.clusters.exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage


def test_loader_is_idempotent(demo_site):
    before = counts()
    call_command("load_initial_data", stdout=io.StringIO())
    assert counts() == before


def test_loader_leaves_edits_alone(demo_site):
    cluster = Cluster.objects.get(slug="kaluga-pharma")
    cluster.member_count = 42
    cluster.save()
    call_command("load_initial_data", stdout=io.StringIO())
    cluster.refresh_from_db()
    assert cluster.member_count == 42


def test_demo_users_can_log_in(client, demo_site):
    # Through the admin's login form, as a person signs in (django-axes needs the request).
    response = client.post("/admin/login/", {"username": "admin", "password": "newsroom-admin"})
    assert response.status_code == 302
    dashboard = client.get("/admin/")
    assert "wagtailadmin/home.html" in [template.name for template in dashboard.templates]
    assert dashboard.context["user"].username == "admin"


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_demo_pages_render(client, demo_site, language):
    home = client.get(f"/{language}/")
    assert home.status_code == 200
    for release in PressReleasePage.objects.live().filter(locale__language_code=language):
        assert release.title in as_plain_spaces(home.content.decode())
        page = client.get(release.url).content.decode()
        # The title as typeset for its language (non-breaking spaces, newsroom.typography).
        assert f"<h1>{typeset(escape(release.title), language)}</h1>" in page
        assert "award-card" in page


def stream_copy(body):
    """A body as (block type, value) pairs, the shape the demo copy is written in."""
    blocks = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            value = value.source
        elif block.block_type == "list":
            value = list(value)
        elif block.block_type in ("note", "about_cluster"):
            value = {"heading": value["heading"], "text": value["text"].source}
        elif block.block_type == "quote":
            value = dict(value)
        blocks.append((block.block_type, value))
    return blocks


def test_translated_pages_are_wagtail_localize_translations(demo_site):
    # Home, news index, two cluster pages and two releases, each into two other languages.
    assert Translation.objects.count() == 6 * 2
    for translation in Translation.objects.select_related("source", "target_locale"):
        assert translation.enabled
        source_page = translation.source.get_source_instance()
        target_page = translation.get_target_instance()
        assert target_page.live and not target_page.has_unpublished_changes
        assert target_page.translation_key == source_page.translation_key
        required = set(
            StringSegment.objects.filter(source=translation.source).values_list(
                "string_id", "context_id"
            )
        )
        translated = set(
            StringTranslation.objects.filter(
                locale=translation.target_locale, has_error=False
            ).values_list("translation_of_id", "context_id")
        )
        assert required and required <= translated, translation.source.object_repr
        assert translation.get_progress()[0] == translation.get_progress()[1]


def test_release_translations_hold_the_team_copy(demo_site):
    for release in content.RELEASES:
        key = demo_translation_key(f"release:{release['key']}")
        source = PressReleasePage.objects.get(
            translation_key=key, locale__language_code=release["source_language"]
        )
        for code, texts in release["translations"].items():
            page = PressReleasePage.objects.get(translation_key=key, locale__language_code=code)
            assert page.live
            assert page.title == texts["title"]
            assert page.slug == texts["slug"]
            assert page.lead == texts["lead"]
            assert page.search_description == texts["search_description"]
            assert stream_copy(page.body) == [
                (block_type, list(value) if block_type == "list" else value)
                for block_type, value in texts["body"]
            ]
            # The source's tags, each one tag named in every language.
            assert set(page.tags.all()) == set(source.tags.all())
            assert {text_in(tag, "label", code) for tag in page.tags.all()} == set(texts["tags"])
            assert page.first_published_at == source.first_published_at
            assert list(page.awards.all()) == list(source.awards.all())
            assert list(page.clusters.all()) == list(source.clusters.all())


def test_site_pages_translations_hold_the_team_copy(demo_site):
    families = [
        (
            HomePage,
            "home",
            {code: {**texts, "slug": f"home-{code}"} for code, texts in content.HOME_PAGE.items()},
        ),
        (NewsIndexPage, "news-index", content.NEWS_INDEX_PAGE),
    ] + [
        (ClusterNewsPage, f"cluster:{slug}", translations)
        for slug, translations in content.CLUSTER_PAGES.items()
    ]
    for model, name, translations in families:
        for code, texts in translations.items():
            page = model.objects.get(
                translation_key=demo_translation_key(name), locale__language_code=code
            )
            assert page.live
            assert (page.title, page.slug, page.intro) == (
                texts["title"],
                texts["slug"],
                texts["intro"],
            )
