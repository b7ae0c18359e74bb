"""The editorial roles above the languages (newsroom.translating.roles): editors-in-chief
do everything but administer people; moderators publish without the language review, on
purpose; editors' pages wait for it."""

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Page, WorkflowState

from newsroom.models.pages import PressReleasePage
from newsroom.translating import review
from newsroom.translating.roles import (
    EDITORS_IN_CHIEF,
    ensure_language_roles,
    review_workflow_name,
)
from tests.factories import UserFactory
from tests.helpers import assert_refused_with, release_form_data, use_admin_in

pytestmark = pytest.mark.django_db


def test_migrate_creates_the_editors_in_chief_without_any_right_over_people(db):
    """No fixture: the group and its grants come from `migrate` itself, including the
    permissions of apps migrated after newsroom's (redirects, here)."""
    chiefs = Group.objects.get(name=EDITORS_IN_CHIEF)
    held = set(chiefs.permissions.values_list("content_type__app_label", "codename"))
    assert {
        ("newsroom", "publish_award"),
        ("newsroom", "delete_cluster"),
        ("newsroom", "lock_cluster"),
        ("wagtail_localize", "submit_translation"),
        ("wagtailadmin", "access_admin"),
        ("wagtailredirects", "add_redirect"),
    } <= held
    assert not {app for app, _codename in held} & {"auth", "wagtailusers"}
    root_grants = set(
        chiefs.page_permissions.filter(page=Page.get_first_root_node()).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page", "delete_page", "bulk_delete_page"} <= (
        root_grants
    )


@pytest.fixture
def roles(site_tree):
    ensure_language_roles(site_tree["homes"])


def test_editors_in_chief_approve_in_every_languages_review(roles):
    for code in ("pl", "en", "ru"):
        task = GroupApprovalTask.objects.get(name=review_workflow_name(code))
        assert set(task.groups.values_list("name", flat=True)) == {
            f"Reviewers ({code})",
            EDITORS_IN_CHIEF,
        }


def test_editors_in_chief_are_refused_users_and_groups(client, site_tree):
    chief = UserFactory(username="chief", groups=[EDITORS_IN_CHIEF])
    use_admin_in(chief, "ru")
    client.force_login(chief)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:add"),
    ):
        assert_refused_with(client.get(url), "Only administrators manage users.", language="ru")
    before = Group.objects.count()
    client.post(reverse("wagtailusers_groups:add"), {"name": "Chiefs' friends"})
    assert Group.objects.count() == before
    # Not even their own group.
    own = Group.objects.get(name=EDITORS_IN_CHIEF)
    response = client.get(reverse("wagtailusers_groups:edit", args=[own.pk]))
    assert_refused_with(response, "Only administrators manage users.", language="ru")
    assert not list(get_messages(response.wsgi_request))  # nothing left for the dashboard


@pytest.fixture
def polish_draft(roles, translated_release):
    """The live Polish release with an editor's draft change, not yet submitted."""
    editor = UserFactory(username="editor", groups=["Editors"])
    release = translated_release["releases"]["pl"]
    revision = release.get_latest_revision_as_object()
    revision.title = "Poprawiony komunikat"
    revision.save_revision(user=editor)
    return {"page": PressReleasePage.objects.get(pk=release.pk), "editor": editor}


def publish_from_the_editor(client, page):
    data = release_form_data("Poprawiony komunikat", awards=list(page.awards.all()), slug=page.slug)
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_moderators_publish_without_the_language_review_on_purpose(client, polish_draft):
    """Moderators are the chief editor's deputies: "Publish" in the page editor puts an
    editor's change live at once, without the Polish reviewers."""
    moderator = UserFactory(username="deputy", groups=["Moderators"])
    client.force_login(moderator)

    assert publish_from_the_editor(client, polish_draft["page"]).status_code == 302

    release = PressReleasePage.objects.get(pk=polish_draft["page"].pk)
    assert release.live and release.title == "Poprawiony komunikat"
    assert not release.has_unpublished_changes
    assert not WorkflowState.objects.filter(object_id=str(release.pk)).exists()


def test_editors_cannot_publish_without_the_review(client, polish_draft):
    client.force_login(polish_draft["editor"])

    publish_from_the_editor(client, polish_draft["page"])

    release = PressReleasePage.objects.get(pk=polish_draft["page"].pk)
    assert release.title == "Srebrna Odznaka dla klastra"  # readers still see the old one
    assert release.has_unpublished_changes


@pytest.fixture
def polish_draft_in_review(polish_draft):
    review.submit_for_review(polish_draft["page"], polish_draft["editor"])
    release = PressReleasePage.objects.get(pk=polish_draft["page"].pk)
    assert release.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return release


def test_a_page_in_review_waits_for_its_reviewers_even_for_moderators(
    client, polish_draft_in_review
):
    """Once submitted, the page is locked to all but its review task's approvers (Wagtail's
    approval task lock): a moderator who is not a Polish reviewer cannot publish over it."""
    client.force_login(UserFactory(username="deputy", groups=["Moderators"]))

    response = publish_from_the_editor(client, polish_draft_in_review)

    assert response.status_code == 200
    assert response.context["locked_for_user"]
    release = PressReleasePage.objects.get(pk=polish_draft_in_review.pk)
    assert release.title == "Srebrna Odznaka dla klastra"
    assert release.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_editors_in_chief_may_publish_over_a_review_which_it_cancels(
    client, polish_draft_in_review
):
    client.force_login(UserFactory(username="chief", groups=[EDITORS_IN_CHIEF]))

    assert publish_from_the_editor(client, polish_draft_in_review).status_code == 302

    release = PressReleasePage.objects.get(pk=polish_draft_in_review.pk)
    assert release.live and release.title == "Poprawiony komunikat"
    assert release.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(release.pk)).status == (
        WorkflowState.STATUS_CANCELLED
    )
