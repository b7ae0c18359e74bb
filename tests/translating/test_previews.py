"""Previews obey the edit rule: a draft (or a live page's unpublished changes) is read only by
those who may edit that page; translators of another language see none of it."""

import pytest

from django.urls import reverse

from wagtail_localize.models import Translation, TranslationSource

from tests.helpers import add_cluster_pages, add_release, reload

pytestmark = pytest.mark.django_db

SECRET = "EMBARGO Złota Odznaka"


@pytest.fixture
def drafts(site_tree, award, locales, django_capture_on_commit_callbacks):
    """A Polish release that is only a draft, and a live one with unpublished changes,
    translated into Russian."""
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    draft = add_release(cluster_pages["pl"], title=f"{SECRET} (draft)", live=False)
    live = add_release(cluster_pages["pl"], title="Srebrna Odznaka")
    source, _created = TranslationSource.get_or_create_from_instance(live)
    translation = Translation.objects.create(source=source, target_locale=locales["ru"])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    live = reload(live)
    live.title = SECRET
    revision = live.save_revision()
    return {"draft": reload(draft), "live": live, "revision": revision, "translation": translation}


def preview_urls(drafts):
    draft, live, revision = drafts["draft"], drafts["live"], drafts["revision"]
    return [
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[live.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[live.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[live.pk, "live", revision.pk]),
    ]


@pytest.mark.parametrize("who", ["translators_en", "translators_ru", "reviewer_ru"])
def test_other_languages_cannot_preview_polish_drafts(client, team, drafts, who):
    user = {
        "translators_en": team["translators"]["en"][0],
        "translators_ru": team["translator"],
        "reviewer_ru": team["reviewer"],
    }[who]
    client.force_login(user)

    for url in preview_urls(drafts):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert SECRET not in response.content.decode(), url


def test_polish_translator_may_preview_polish_drafts(client, team, drafts):
    client.force_login(team["translators"]["pl"][0])

    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[drafts["draft"].pk]),
        reverse("wagtailadmin_pages:view_draft", args=[drafts["live"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert SECRET in response.content.decode()


def test_translation_preview_is_for_its_language_only(client, team, drafts):
    url = reverse("wagtail_localize:preview_translation", args=[drafts["translation"].pk])

    client.force_login(team["translators"]["en"][0])
    assert client.get(url).status_code == 403

    client.force_login(team["translator"])
    assert client.get(url).status_code == 200


def test_anonymous_readers_get_no_preview_or_draft(client, drafts, award):
    for url in [
        *preview_urls(drafts),
        reverse("wagtail_localize:preview_translation", args=[drafts["translation"].pk]),
        reverse("wagtailsnippets_newsroom_award:preview_on_edit", args=[award.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    # Public URLs show readers the live text only, and nothing of the draft release.
    assert SECRET not in client.get(drafts["live"].url).content.decode()
    assert client.get(drafts["draft"].get_url() or "/pl/nothing/").status_code == 404
