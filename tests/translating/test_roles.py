"""Per-language roles: a Russian translator works in the Russian tree only and cannot publish."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission

from newsroom.languages import site_languages
from newsroom.models.pages import PressReleasePage
from tests.helpers import assert_refused_with

pytestmark = pytest.mark.django_db


def release(language):
    return PressReleasePage.objects.filter(locale__language_code=language).first()


def user(name):
    return get_user_model().objects.get(username=name)


def test_loader_creates_a_translator_and_reviewer_group_per_language(demo_site):
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    for code in site_languages():
        assert {f"Translators ({code})", f"Reviewers ({code})"} <= names
    grants = GroupPagePermission.objects.filter(group__name="Translators (ru)")
    assert {g.page.locale.language_code for g in grants} == {"ru"}
    before = GroupPagePermission.objects.count()
    call_command("load_initial_data", stdout=io.StringIO())
    assert GroupPagePermission.objects.count() == before


def test_russian_translator_edits_russian_pages_only_and_cannot_publish(demo_site):
    translator = user("translator-ru")
    russian, polish = release("ru"), release("pl")
    assert russian.permissions_for_user(translator).can_edit()
    assert not russian.permissions_for_user(translator).can_publish()
    assert not polish.permissions_for_user(translator).can_edit()
    assert not polish.permissions_for_user(translator).can_publish()


def test_russian_reviewer_publishes_russian_pages_only(demo_site):
    reviewer = user("reviewer-ru")
    assert release("ru").permissions_for_user(reviewer).can_publish()
    assert not release("pl").permissions_for_user(reviewer).can_publish()
    assert not release("en").permissions_for_user(reviewer).can_edit()


def test_translator_is_refused_the_polish_edit_view_and_polish_changes(client, demo_site):
    client.force_login(user("translator-ru"))
    russian, polish = release("ru"), release("pl")
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk]))
    assert editor.context["page"] == russian
    # A page Wagtail's permissions refuse: the 403 page saying why, in the admin's language
    # (Polish for a user without a preference).
    edit_polish = reverse("wagtailadmin_pages:edit", args=[polish.pk])
    title = polish.title
    for response in (
        client.get(edit_polish),
        client.post(edit_polish, {"title": "Zmienione przez tłumacza", "slug": polish.slug}),
    ):
        assert_refused_with(response, "You cannot edit this page.", language="pl")
    # Scripts get a bare 403, as from Wagtail.
    scripted = client.get(edit_polish, headers={"x-requested-with": "XMLHttpRequest"})
    assert scripted.status_code == 403
    polish.refresh_from_db()
    assert polish.title == title
    assert polish.get_latest_revision().user is None  # nobody else saved a revision


def test_a_home_page_created_outside_the_loader_gets_its_groups_and_workflow(site_tree):
    """No demo loader here: the site tree's homes were created as an admin would."""
    home = site_tree["homes"]["ru"]
    granted = GroupPagePermission.objects.filter(page=home).values_list(
        "group__name", "permission__codename"
    )
    assert ("Translators (ru)", "change_page") in set(granted)
    assert ("Reviewers (ru)", "publish_page") in set(granted)
    assert ("Translators (ru)", "publish_page") not in set(granted)
    assert home.get_workflow().name == "Review (ru)"


def test_migrate_creates_the_language_groups(db):
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    assert {"Translators (pl)", "Reviewers (pl)", "Translators (ru)", "Reviewers (ru)"} <= names
