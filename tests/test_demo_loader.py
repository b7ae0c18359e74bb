import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Revision, Site

from newsroom.models import (
    Award,
    CertificationBody,
    Cluster,
    ClusterNewsPage,
    HomePage,
    Label,
    NewsIndexPage,
    PressReleasePage,
)

pytestmark = pytest.mark.django_db

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
    assert client.login(username="admin", password="newsroom-admin")
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_demo_pages_render(client, demo_site, language):
    home = client.get(f"/{language}/")
    assert home.status_code == 200
    for release in PressReleasePage.objects.live().filter(locale__language_code=language):
        assert release.title in home.content.decode()
        response = client.get(release.url)
        assert response.status_code == 200
        assert "award-card" in response.content.decode()
