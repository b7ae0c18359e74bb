"""Coordinated publishing: a release and its translations go live at the same moment.

The team picks the moment on the source release. Every page of the family that is not
live as it stands gets that go-live time on its latest revision, so whichever review
approves it, Wagtail schedules it instead of publishing it at once; pages approved
earlier are re-scheduled to the new moment. At that moment Wagtail's
`publish_scheduled` command (run by cron every minute) publishes them together.
Languages still in draft or review when the moment comes are simply not part of it:
they go live when approved.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail.models import Page, Revision


def family(page):
    """Every page sharing `page`'s translation key, with locale, in a stable order."""
    return list(
        type(page.specific)
        .objects.filter(translation_key=page.translation_key)
        .select_related("locale", "latest_revision")
        .order_by("pk")
    )


def _revision_go_live(revision):
    if revision is None:
        return None
    value = revision.content.get("go_live_at")
    if isinstance(value, str):
        value = parse_datetime(value)
    return value


def scheduled_go_live(page):
    """When an approved, scheduled revision of `page` goes live, or None."""
    return (
        Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False)
        .order_by("-created_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


_LOOK_IT_UP = object()


def planned_go_live(page, scheduled=_LOOK_IT_UP):
    """The future moment `page` is planned for: approved schedule first, then its draft's.

    Callers that already fetched the scheduled revisions pass `scheduled` (None when
    there is none) to save the query.
    """
    now = timezone.now()
    moment = scheduled_go_live(page) if scheduled is _LOOK_IT_UP else scheduled
    if moment is None:
        moment = _revision_go_live(page.latest_revision)
    return moment if moment is not None and moment > now else None


def source_of(page):
    """The page a family is translated from: wagtail-localize's source, else the oldest."""
    from newsroom.review import localize_translation_for

    translation = localize_translation_for(page)
    if translation is not None:
        return translation.source.get_source_instance()
    pages = family(page)
    return min(pages, key=lambda p: (p.first_published_at is None, p.first_published_at, p.pk))


def _needs_go_live(page):
    return not page.live or page.has_unpublished_changes


@transaction.atomic
def schedule_family(source, moment, user):
    """Plan `source` and every translation not yet live as it stands for `moment`.

    Returns the pages that were planned.
    """
    if not isinstance(moment, datetime.datetime) or moment <= timezone.now():
        raise ValueError("the moment must be in the future")
    planned = []
    for page in family(source):
        if not _needs_go_live(page):
            continue
        _plan(page, moment, user)
        planned.append(page)
    return planned


def _plan(page, moment, user):
    approved = Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    )
    if approved.exists():
        # Already approved: move its schedule rather than ask for a second review.
        approved.update(approved_go_live_at=moment)
        Page.objects.filter(pk=page.pk).update(go_live_at=moment)
        return
    draft = page.get_latest_revision_as_object()
    if draft.go_live_at == moment:
        return
    draft.go_live_at = moment
    draft.save_revision(user=user, log_action=True, clean=False)


def apply_family_schedule(page, user):
    """Give a page entering review the family's planned moment, if there is one.

    A translation's draft is rewritten from the source when it is submitted, which drops
    its go-live time; this puts it back so that approval schedules instead of publishes.
    """
    source = source_of(page)
    if source is None or source.pk == page.pk:
        return None
    moment = planned_go_live(source)
    if moment is None:
        return None
    _plan(page, moment, user)
    return moment
