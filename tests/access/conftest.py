"""The people and places of the role matrix: a small site with two clusters in three
languages, built as far as each test needs it (pytest-django gives every test its own
database, so a test pays only for what it touches)."""

from functools import cached_property

import pytest

from django.contrib.auth.models import Permission
from django.test import Client

from wagtail_localize.models import Translation, TranslationSource

from newsroom.models.records import Label
from newsroom.records.teams import team_group_name
from newsroom.translating.roles import ensure_language_roles, group_name
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


class Newsroom:
    """Cluster A (LifeScience Kraków, whose team is a role of the matrix) and cluster B,
    each with its pages in pl/en/ru and an award; the rest is made when first asked for."""

    def __init__(self, site_tree, on_commit):
        ensure_language_roles(site_tree["homes"])
        self.site_tree = site_tree
        self.on_commit = on_commit
        self.cluster_a = ClusterFactory(
            slug="lifescience-krakow",
            name_pl="Klaster LifeScience Kraków",
            name_en="LifeScience Kraków Cluster",
            name_ru="Кластер LifeScience Краков",
        )
        self.cluster_b = ClusterFactory(slug="baltic")
        self.pages_a = add_cluster_pages(site_tree, self.cluster_a)
        self.pages_b = add_cluster_pages(site_tree, self.cluster_b)
        self.award_a = AwardFactory(cluster=self.cluster_a)
        self.award_b = AwardFactory(cluster=self.cluster_b)

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


@pytest.fixture
def newsroom(site_tree, django_capture_on_commit_callbacks):
    return Newsroom(site_tree, django_capture_on_commit_callbacks)
