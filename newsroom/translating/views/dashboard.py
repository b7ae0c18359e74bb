"""The admin home's two review panels, bounded: Wagtail's "Awaiting your review" and "Your
pages and snippets in a workflow", showing the newest DASHBOARD_ROWS rows each, how many
there are in all and a link to Wagtail's report listing every one.

Wagtail's own panels list every workflow in progress and ask the database once or more per
row: at a hundred releases in review the admin's home ran over 300 queries and 650 KB of
HTML. These run the same queries for 10 workflows as for 10,000, read each workflow's tasks
and their statuses for all rows at once, and render Wagtail's own templates.
"""

import copy

from django.conf import settings
from django.db.models import Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    WorkflowState,
    WorkflowTask,
    get_default_page_content_type,
)

from newsroom.translating.permissions import in_our_words

# Rows each panel shows, the newest first.
DASHBOARD_ROWS = 10


def tasks_with_status(workflow_states):
    """{workflow state pk: its workflow's tasks, each with `status` and `status_display`},
    what `WorkflowState.all_tasks_with_status` gives one state, for all of them in two
    queries."""
    if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        # Statuses then depend on each object's latest revision: Wagtail's way, a query a row.
        return {state.pk: state.all_tasks_with_status() for state in workflow_states}
    links = {}
    for link in (
        WorkflowTask.objects.filter(workflow_id__in={s.workflow_id for s in workflow_states})
        .select_related("task")
        .order_by("sort_order")
    ):
        links.setdefault(link.workflow_id, []).append(link.task)
    # The latest task state of each task wins, as in Wagtail (ordered by started_at, id).
    latest = {
        (state_pk, task_pk): status
        for state_pk, task_pk, status in TaskState.objects.filter(
            workflow_state__in=[state.pk for state in workflow_states]
        )
        .order_by("started_at", "id")
        .values_list("workflow_state_id", "task_id", "status")
    }
    labels = dict(TaskState.STATUS_CHOICES)
    result = {}
    for state in workflow_states:
        tasks = []
        for shared in links.get(state.workflow_id, []):
            task = copy.copy(shared)
            task.status = latest.get((state.pk, task.pk))
            task.status_display = labels.get(task.status, _("Not started"))
            tasks.append(task)
        result[state.pk] = tasks
    return result


def _more(context, total, shown, url_name):
    context["more_count"] = total - shown
    context["more_url"] = reverse(url_name)
    return context


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """The tasks the user may moderate, the newest DASHBOARD_ROWS of them."""

    template_name = "newsroom/admin/awaiting_review_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "request": request, "csrf_token": parent_context["csrf_token"]}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        reviewable = TaskState.objects.reviewable_by(request.user)
        # As Wagtail's panel reads them (wagtail.admin.views.home), the newest only.
        task_states = list(
            reviewable.select_related(
                "revision",
                "revision__user",
                "workflow_state",
                "workflow_state__workflow",
            )
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())[
                :DASHBOARD_ROWS
            ]
        )
        tasks = tasks_with_status([state.workflow_state for state in task_states])
        for state in task_states:
            obj = state.revision.content_object
            if not obj:  # an object deleted without its workflow
                continue
            names = {
                "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview",
                "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
            }
            if not isinstance(obj, Page):
                viewset = obj.snippet_viewset
                names = {
                    "workflow_action_url_name": viewset.get_url_name("workflow_action"),
                    "workflow_preview_url_name": viewset.get_url_name("workflow_preview"),
                    "revisions_compare_url_name": viewset.get_url_name("revisions_compare"),
                }
            if not getattr(obj, "is_previewable", False):
                names["workflow_preview_url_name"] = None
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": in_our_words(state.task.specific.get_actions(obj, request.user)),
                    "workflow_tasks": tasks[state.workflow_state_id],
                    **names,
                }
            )
        return _more(
            context, reviewable.count(), len(task_states), "wagtailadmin_reports:workflow_tasks"
        )


class WorkflowsInProgressPanel(UserObjectsInWorkflowModerationPanel):
    """The user's pages and snippets in a workflow, the newest DASHBOARD_ROWS of them."""

    template_name = "newsroom/admin/workflows_in_progress_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"workflow_states": [], "request": request}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        # Workflow states name their object by a string id (Django ticket 16055).
        pages_owned_by_user = Q(base_content_type_id=get_default_page_content_type().id) & Exists(
            Page.objects.filter(
                owner=request.user,
                id=Cast(OuterRef("object_id"), output_field=IntegerField()),
            )
        )
        mine = WorkflowState.objects.active().filter(
            pages_owned_by_user | Q(requested_by=request.user)
        )
        states = list(
            mine.prefetch_related("content_object", "content_object__latest_revision")
            .select_related("current_task_state", "current_task_state__task")
            .order_by("-current_task_state__started_at")[:DASHBOARD_ROWS]
        )
        context["workflow_states"] = [state for state in states if state.content_object]
        return _more(context, mine.count(), len(states), "wagtailadmin_reports:workflow")


BOUNDED = {
    WorkflowObjectsToModeratePanel: AwaitingReviewPanel,
    UserObjectsInWorkflowModerationPanel: WorkflowsInProgressPanel,
}


def bounded(panel):
    """`panel`, or its bounded version if it is one of Wagtail's two review panels."""
    replacement = BOUNDED.get(type(panel))
    return replacement() if replacement else panel
