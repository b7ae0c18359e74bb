"""Review before publishing: submitting a page (source or translation) to its language's
workflow, and a reviewer's approve / request-changes decision.

Wagtail's own page editor offers "Submit for review" for source pages, but a page kept
in sync by wagtail-localize is edited in wagtail-localize's segment editor, which can
only publish. `submit_for_review` fills that gap: it writes the translated segments into
a new draft revision (leaving the live page as readers see it) and starts the page's
workflow, so a translator without publish permission hands the translation to the
reviewers of its language.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from newsroom.formatting import language_name
from newsroom.translating.changes import field_label
from newsroom.translating.families import localize_translation_for
from newsroom.translating.handoff import HandoffRefused, save_draft
from newsroom.translating.permissions import can_submit, review_actions
from newsroom.translating.records import record_texts_shown_by
from newsroom.translating.scheduling import apply_family_schedule


class ReviewError(Exception):
    """A review step that cannot happen now; the message is shown to the user."""


@transaction.atomic
def submit_for_review(page, user):
    """Write the latest translation into a draft and hand it to the language's reviewers."""
    page = page.specific
    if not can_submit(page, user):
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None:
        raise ReviewError(_("No review workflow covers this page."))
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ReviewError(_("This page is already waiting for review."))
    translation = localize_translation_for(page)
    if translation is not None:
        try:
            # Not save_target(publish=False): on a live page that rewrites what readers see.
            save_draft(translation, user)
        except HandoffRefused as refusal:
            raise ReviewError(str(refusal)) from refusal
    page = type(page).objects.get(pk=page.pk)
    apply_family_schedule(page, user)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow.start(page, user)
    return page


def missing_record_texts(page):
    """The record texts the page, as submitted, would show without a version in its language."""
    submitted = page.get_latest_revision_as_object()
    return [
        text for text in record_texts_shown_by(submitted, page.locale.language_code) if text.missing
    ]


@transaction.atomic
def decide(page, user, action, comment="", without_missing_records=False):
    """Approve (publishes, or schedules when the page has a future go-live) or send back.

    Approval is refused while record texts the page shows lack its language, unless the
    reviewer approves `without_missing_records`: the page then leaves those texts out.
    """
    task_state = page.current_workflow_task_state
    if task_state is None:
        raise ReviewError(_("This page is not waiting for review."))
    if action not in dict(review_actions(page, user)):
        raise PermissionDenied
    comment = comment.strip()
    if action == "reject" and not comment:
        raise ReviewError(_("Say what needs to change, so the translator knows what to do."))
    if action == "approve" and not without_missing_records:
        missing = missing_record_texts(page)
        if missing:
            raise ReviewError(
                ngettext(
                    "%(count)d record text this page shows is not yet translated into the "
                    "page's language (%(language)s). Translate it in its record, or approve "
                    "without it: the page then leaves it out, or shows a name in the "
                    "language it has.",
                    "%(count)d record texts this page shows are not yet translated into the "
                    "page's language (%(language)s). Translate them in their records, or "
                    "approve without them: the page then leaves them out, or shows a name "
                    "in the language it has.",
                    len(missing),
                )
                % {
                    "count": len(missing),
                    "language": language_name(
                        page.locale.language_code, get_language(), in_sentence=True
                    ),
                }
            )
    task_state.task.specific.on_action(task_state.specific, user, action, comment=comment)


def segment_pairs(translation):
    """(field, source text, translated text or None) for every segment, in order.

    A fixed number of queries, however long the release is.
    """
    segments = list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    translated = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_of_id__in=[segment.string_id for segment in segments],
        )
    }
    source_page = translation.source.get_source_instance()
    return [
        (
            field_label(source_page, segment.context.path),
            segment.string.data,
            translated.get((segment.string_id, segment.context_id)),
        )
        for segment in segments
    ]
