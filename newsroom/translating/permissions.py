"""Who may do what in the translation workflow: one predicate per step.

The admin screens, the "Translations" menu item and the templates ask these; a screen
whose predicate says no raises `PermissionDenied(reason)` and the user gets the 403 page
(newsroom.access). Pages carry Wagtail's per-tree permissions, so a Russian translator
may edit, hand off and submit Russian pages only (roles.py), and who may decide on a
review comes from the page's current workflow task.
"""

from django.utils.translation import pgettext_lazy

from wagtail.permission_policies.pages import PagePermissionPolicy

from newsroom.translating.choices import ReviewAction

APPROVE_WITH_COMMENT = pgettext_lazy("review action", "Approve with comment")


def can_view_matrix(user):
    """The status matrix is for everyone who may change or add some page."""
    return PagePermissionPolicy().user_has_any_permission(user, ["change", "add"])


def can_request_translations(user):
    """Requesting a translation is wagtail-localize's own "Translate" permission."""
    return user.has_perm("wagtail_localize.submit_translation")


def can_submit(page, user):
    """Whoever may edit a page (source or translation) may hand it to its reviewers."""
    return page.permissions_for_user(user).can_edit()


def in_our_words(actions):
    """Wagtail's task actions (name, label, needs a form) with the project's labels
    (`ReviewAction`) for approving and requesting changes."""
    worded = []
    for name, label, needs_form in actions:
        if name in ReviewAction.values:
            if name == ReviewAction.APPROVE and needs_form:
                label = APPROVE_WITH_COMMENT
            else:
                label = ReviewAction(name).label
        worded.append((name, label, needs_form))
    return worded


def review_actions(page, user):
    """The actions (name, label) `user` may take on the page's current review task."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return []
    task = task_state.task.specific
    actions = {}
    for name, label, _needs_form in in_our_words(task.get_actions(page, user)):
        actions.setdefault(name, label)
    return list(actions.items())


def can_review(page, user):
    """Approve or request changes: a reviewer of the page's language, while it waits."""
    return bool(review_actions(page, user))


def can_open_review(page, user):
    """The review screen: reviewers decide there; whoever may submit the page looks."""
    return can_review(page, user) or can_submit(page, user)


def can_schedule(source, user):
    """Publishing a family together is for those who may publish its source release."""
    return source.permissions_for_user(user).can_publish()


def can_edit_translation(page, user):
    """Hand-off files and the source's changes are for those who may edit the translation."""
    return page.permissions_for_user(user).can_edit()


def can_translate_records(user):
    """Record texts are translated by whoever may change some record (translators too)."""
    return any(
        user.has_perm(f"newsroom.change_{model}")
        for model in ("cluster", "award", "label", "certificationbody")
    )
