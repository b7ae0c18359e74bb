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
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Page

from newsroom.formatting import language_name
from newsroom.languages import site_languages
from newsroom.translating.families import (
    approved_schedules,
    family,
    planned_go_live,
    scheduled_go_live,
    source_of,
)


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
    approved = approved_schedules([page.pk])
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


def readiness(source):
    """(language name, page or None, what happens to it at the planned moment) per language."""
    by_language = {page.locale.language_code: page for page in family(source)}
    rows = []
    for code in site_languages():
        page = by_language.get(code)
        if page is None:
            state = _("no page yet: not part of it")
        elif page.live and not page.has_unpublished_changes:
            state = _("live already")
        elif scheduled_go_live(page):
            state = _("approved: goes live at that moment")
        elif page.workflow_in_progress:
            state = _("in review: goes live at that moment if approved before")
        else:
            state = _("draft: needs review before that moment")
        rows.append((language_name(code, get_language()), page, state))
    return rows
