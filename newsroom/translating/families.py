"""Release families: a page and its translations, and what the workflow asks of them.

A family is the set of pages sharing a `translation_key`, one per language. Its source is
the page wagtail-localize translates from (the locale of its TranslationSource) or, for a
family made outside wagtail-localize, its oldest page: first published first, then the
lowest pk. The matrix, coordinated publishing and review all ask this module, so they
always agree on which page is the source and when a page is planned to go live.
"""

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail.models import Revision
from wagtail_localize.models import Translation


def family(page):
    """Every page sharing `page`'s translation key, with locale, in a stable order."""
    return list(
        type(page.specific)
        .objects.filter(translation_key=page.translation_key)
        .select_related("locale", "latest_revision")
        .order_by("pk")
    )


def localize_translation_for(page):
    """The enabled wagtail-localize Translation that writes `page`, or None for a source."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def enabled_translations(translation_keys):
    """Enabled Translations of the given keys: (id, key, source language, target language).

    One query, oldest source first, so the first row of a key names its source language.
    """
    return (
        Translation.objects.filter(source__object_id__in=list(translation_keys), enabled=True)
        .order_by("source__created_at", "pk")
        .values_list(
            "id",
            "source__object_id",
            "source__locale__language_code",
            "target_locale__language_code",
        )
    )


def _age(page):
    first = page.first_published_at
    return (first is None, first or timezone.now(), page.pk)


def pick_source(pages, source_language=None):
    """The source among a family's `pages`: the page in `source_language`, else the oldest."""
    for page in pages:
        if source_language and page.locale.language_code == source_language:
            return page
    return min(pages, key=_age) if pages else None


def source_of(page):
    """The page `page`'s family is translated from."""
    pages = family(page)
    rows = enabled_translations([page.translation_key])[:1]
    source_language = rows[0][2] if rows else None
    return pick_source(pages, source_language)


def approved_schedules(page_ids):
    """Approved revisions of the pages waiting for their go-live moment."""
    return Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in page_ids], approved_go_live_at__isnull=False
    )


def scheduled_go_live(page):
    """When an approved, scheduled revision of `page` goes live, or None."""
    return (
        approved_schedules([page.pk])
        .order_by("-created_at")
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


def revision_go_live(revision):
    """The go-live time a revision carries in its content, or None."""
    if revision is None:
        return None
    value = revision.content.get("go_live_at")
    if isinstance(value, str):
        value = parse_datetime(value)
    return value


_LOOK_IT_UP = object()


def planned_go_live(page, scheduled=_LOOK_IT_UP):
    """The future moment `page` is planned for: approved schedule first, then its draft's.

    Callers that already fetched the scheduled revisions pass `scheduled` (None when
    there is none) to save the query.
    """
    now = timezone.now()
    moment = scheduled_go_live(page) if scheduled is _LOOK_IT_UP else scheduled
    if moment is None:
        moment = revision_go_live(page.latest_revision)
    return moment if moment is not None and moment > now else None
