"""The admin's home lists the newest workflows in review, not all of them, in the same
queries at any number (newsroom/translating/views/dashboard.py)."""

import uuid

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Workflow, WorkflowState, WorkflowTask

from newsroom.translating.views.dashboard import tasks_with_status
from tests.helpers import add_cluster_pages, add_release, use_admin_in

pytestmark = pytest.mark.django_db


def send_for_review(cluster_pages, user, start, stop):
    """Russian releases numbered start..stop-1, each in the moderation workflow, sent by `user`."""
    workflow = Workflow.objects.get(name="Moderators approval")
    for n in range(start, stop):
        release = add_release(
            cluster_pages["ru"], title=f"Релиз {n:02d}", key=uuid.uuid4(), live=False
        )
        release.save_revision(user=user)
        workflow.start(release, user)


def titles_in(html, panel_id):
    section = html.split(f'id="{panel_id}-section"', 1)[1].split("</section>", 1)[0]
    return [title for title in (f"Релиз {n:02d}" for n in range(20)) if title in section]


# Wagtail's admin home (session, user, menu, site summary, recent edits, locked pages), the
# record work panel, and each review panel's rows, their objects, tasks and statuses, and
# its count.
HOME_QUERIES = 29


def test_the_home_lists_the_newest_reviews_in_the_same_queries_at_any_number(
    admin_client, admin_user, site_tree, award, django_assert_num_queries
):
    use_admin_in(admin_user, "en")
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    send_for_review(cluster_pages, admin_user, 0, 3)
    admin_client.get(reverse("wagtailadmin_home"))  # warm caches (content types, site, locales)

    with django_assert_num_queries(HOME_QUERIES):
        html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert titles_in(html, "awaiting-review") == ["Релиз 00", "Релиз 01", "Релиз 02"]
    assert titles_in(html, "objects-in-workflow") == ["Релиз 00", "Релиз 01", "Релиз 02"]
    assert "more tasks awaiting review" not in html

    send_for_review(cluster_pages, admin_user, 3, 13)
    with django_assert_num_queries(HOME_QUERIES):
        html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    newest = [f"Релиз {n:02d}" for n in range(3, 13)]
    assert titles_in(html, "awaiting-review") == newest
    assert titles_in(html, "objects-in-workflow") == newest
    assert "And 3 more tasks awaiting review" in html
    assert reverse("wagtailadmin_reports:workflow_tasks") in html
    assert "And 3 more of your pages and snippets in a workflow" in html
    assert reverse("wagtailadmin_reports:workflow") in html
    # Each task with its status, as Wagtail shows it.
    awaiting = html.split('id="awaiting-review-section"', 1)[1].split("</section>", 1)[0]
    assert awaiting.count("Moderators approval: In progress") == 10


def test_tasks_and_statuses_read_at_once_are_wagtails(site_tree, award, admin_user):
    """A two-step workflow with its first step approved, another just started: each task
    with the status Wagtail's per-state reading gives it."""
    moderators = Group.objects.get(name="Moderators")
    first = GroupApprovalTask.objects.create(name="Legal")
    first.groups.set([moderators])
    second = GroupApprovalTask.objects.create(name="Editor in chief")
    second.groups.set([moderators])
    workflow = Workflow.objects.create(name="Two steps")
    WorkflowTask.objects.create(workflow=workflow, task=first, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=second, sort_order=1)
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    states = []
    for n in range(2):
        release = add_release(cluster_pages["en"], title=f"Release {n}", live=False)
        release.save_revision(user=admin_user)
        states.append(workflow.start(release, admin_user))
    states[0].current_task_state.approve(user=admin_user)
    states = [WorkflowState.objects.get(pk=state.pk) for state in states]

    read = tasks_with_status(states)
    for state in states:
        assert [(task.name, task.status, str(task.status_display)) for task in read[state.pk]] == [
            (task.name, task.status, str(task.status_display))
            for task in state.all_tasks_with_status()
        ]
    assert [task.status for task in read[states[0].pk]] == ["approved", "in_progress"]
    assert [task.status for task in read[states[1].pk]] == ["in_progress", None]
