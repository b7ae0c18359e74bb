"""The people and places of the role matrix: a small site with two clusters in three
languages, built once per module (`module_data`: every test of the matrix starts from it, in
a savepoint rolled back after it); what only some tests need is made when first asked for."""

from functools import cached_property

import pytest

from django.contrib.auth.models import Permission
from django.test import Client

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from newsroom.models.records import Award, Cluster, Label
from newsroom.records.teams import team_group_name
from newsroom.translating.roles import ensure_language_roles, group_name
from tests.conftest import build_site_tree, built_for_module
from tests.factories import (
    AwardFactory,
    ClusterFactory,
    LabelFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.helpers import add_cluster_pages, add_release, use_admin_in

ROLES = (
    "superuser",
    "chief",
    "editor",
    "moderator",
    "translator_ru",
    "reviewer_ru",
    "team_a",
    "admin_only",
)
ROLE_GROUPS = {
    "chief": ["Editors-in-chief"],
    "editor": ["Editors"],
    "moderator": ["Moderators"],
    "translator_ru": [group_name("translators", "ru")],
    "reviewer_ru": [group_name("reviewers", "ru")],
}


def build_two_clusters():
    """The site, its language roles, clusters A and B with their pages and an award each;
    by primary key."""
    tree = build_site_tree()
    ensure_language_roles(tree["homes"])
    cluster_a = ClusterFactory(
        slug="lifescience-krakow",
        name_pl="Klaster LifeScience Kraków",
        name_en="LifeScience Kraków Cluster",
        name_ru="Кластер LifeScience Краков",
    )
    cluster_b = ClusterFactory(slug="baltic")

    def pks(pages):
        return {code: page.pk for code, page in pages.items()}

    return {
        "homes": pks(tree["homes"]),
        "indexes": pks(tree["indexes"]),
        "pages_a": pks(add_cluster_pages(tree, cluster_a)),
        "pages_b": pks(add_cluster_pages(tree, cluster_b)),
        "cluster_a": cluster_a.pk,
        "cluster_b": cluster_b.pk,
        "award_a": AwardFactory(cluster=cluster_a).pk,
        "award_b": AwardFactory(cluster=cluster_b).pk,
    }


class Newsroom:
    """Cluster A (LifeScience Kraków, whose team is a role of the matrix) and cluster B,
    each with its pages in pl/en/ru and an award, loaded afresh for each test; the rest is
    made when first asked for."""

    def __init__(self, base, on_commit):
        self.on_commit = on_commit
        pages = (
            Page.objects.filter(
                pk__in=[
                    pk
                    for key in ("homes", "indexes", "pages_a", "pages_b")
                    for pk in base[key].values()
                ]
            )
            .specific()
            .select_related("locale")
        )
        by_pk = {page.pk: page for page in pages}

        def load(key):
            return {code: by_pk[pk] for code, pk in base[key].items()}

        self.site_tree = {"homes": load("homes"), "indexes": load("indexes")}
        self.pages_a, self.pages_b = load("pages_a"), load("pages_b")
        self.cluster_a = Cluster.objects.get(pk=base["cluster_a"])
        self.cluster_b = Cluster.objects.get(pk=base["cluster_b"])
        self.award_a = Award.objects.get(pk=base["award_a"])
        self.award_b = Award.objects.get(pk=base["award_b"])

    @cached_property
    def gold_label(self):
        """The label the importer's sample file names."""
        return LabelFactory(
            slug="gold",
            level=Label.Level.GOLD,
            name_pl="Złota Odznaka Jakości Zarządzania Klastrem",
            name_en="Cluster Management Excellence Gold Label",
            name_ru="Золотой сертификат качества управления кластером",
        )

    @cached_property
    def release_a(self):
        """Cluster A's live Polish release."""
        return add_release(self.pages_a["pl"], title="Komunikat klastra A", awards=[self.award_a])

    @cached_property
    def draft_a(self):
        """Cluster A's Polish release, a draft never published."""
        return add_release(self.pages_a["pl"], title="Szkic klastra A", live=False)

    @cached_property
    def translation_b(self):
        """Cluster B's Polish release translated into Russian with wagtail-localize (its
        Russian page live, with the Polish text)."""
        release = add_release(
            self.pages_b["pl"], title="Komunikat klastra B", awards=[self.award_b]
        )
        source, _created = TranslationSource.get_or_create_from_instance(release)
        translation = Translation.objects.create(
            source=source, target_locale=self.site_tree["homes"]["ru"].locale
        )
        # wagtail-localize publishes on commit, as it would after a real request.
        with self.on_commit(execute=True):
            translation.save_target(publish=True)
        return translation

    @cached_property
    def russian_b(self):
        return self.translation_b.get_target_instance().specific

    @cached_property
    def superuser(self):
        return SuperuserFactory(username="root")

    @cached_property
    def superuser_client(self):
        """The superuser's browser: it reads forms a refused user could not open."""
        client = Client()
        client.force_login(self.superuser)
        return client

    def user(self, role):
        """A user holding `role` and nothing else, with the admin in English."""
        if role == "superuser":
            user = SuperuserFactory(username=role)
        elif role == "team_a":
            user = UserFactory(username=role, groups=[team_group_name(self.cluster_a)])
        else:
            user = UserFactory(username=role, groups=ROLE_GROUPS.get(role, []))
        if role == "admin_only":
            user.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )
        use_admin_in(user, "en")
        return user


@pytest.fixture(scope="module")
def two_clusters(django_db_setup, django_db_blocker):
    with built_for_module(django_db_blocker, build_two_clusters) as base:
        yield base


@pytest.fixture
def newsroom(two_clusters, db, django_capture_on_commit_callbacks):
    return Newsroom(two_clusters, django_capture_on_commit_callbacks)
