"""The review bar shown under wagtail-localize's segment editor."""

from django import template

from wagtail.models import WorkflowState

from newsroom.translating import permissions

register = template.Library()


@register.inclusion_tag("newsroom/admin/review_bar.html", takes_context=True)
def review_bar(context, instance):
    """Where the translation stands in review, and the button that hands it to reviewers."""
    request = context["request"]
    page = getattr(instance, "specific", instance)
    if not hasattr(page, "get_workflow"):
        return {"show": False}
    state = page.current_workflow_state
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    needs_changes = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    comment = ""
    if needs_changes:
        rejected = state.task_states.filter(status="rejected").order_by("-finished_at").first()
        comment = rejected.get_comment() if rejected else ""
    return {
        "show": True,
        "page": page,
        "in_review": in_review,
        "needs_changes": needs_changes,
        "comment": comment,
        "can_submit": not in_review and permissions.can_submit(page, request.user),
        "can_review": permissions.can_review(page, request.user),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
