"""Email translators when a translation is requested of them or falls out of date.

Recipients are the active users, with an email address, of the target language's
"Translators (xx)" group; each gets their own message in that language. Mail leaves
only once the request's transaction commits, so a rolled-back request sends nothing.

The demo loader suppresses these emails (`translator_notifications_suppressed`): it
creates translations and publishes pages in bulk, and its demo translators would
otherwise be told about work that is already done.
"""

import contextlib
import contextvars

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import translation as django_translation
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from newsroom.formatting import language_name, quoted
from newsroom.translating.changes import changed_segments, field_label
from newsroom.translating.choices import ChangeKind
from newsroom.translating.roles import group_name

_suppressed = contextvars.ContextVar("translator_notifications_suppressed", default=False)


@contextlib.contextmanager
def translator_notifications_suppressed():
    """No translator emails for what happens inside (bulk loading of content)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def translators(language_code):
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=group_name("translators", language_code))
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def editor_url(page):
    """Absolute link to the page's edit view, which wagtail-localize turns into its
    translation editor when the page is a translation it manages."""
    path = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _is_page_source(translation_source):
    model = translation_source.specific_content_type.model_class()
    return model is not None and issubclass(model, Page)


def _greeting(user):
    return _("Hello %(name)s,") % {"name": user.get_full_name() or user.get_username()}


def _page_facts(title, source_code, target_code):
    return [
        _("Page: %(title)s") % {"title": quoted(title)},
        _("Source language: %(language)s")
        % {"language": language_name(source_code, target_code, in_sentence=True)},
        _("Target language: %(language)s")
        % {"language": language_name(target_code, target_code, in_sentence=True)},
    ]


def _to_translators(language_code, subject, lines):
    """One EmailMessage per translator of `language_code`: a greeting, then `lines`.

    Called inside `translation.override(language_code)`, so the greeting is in it too.
    """
    return [
        EmailMessage(subject, "\n".join([_greeting(user), "", *lines]), to=[user.email])
        for user in translators(language_code)
    ]


def _send(messages):
    if not messages:
        return 0
    return get_connection().send_messages(messages)


# --- A translation is requested ---------------------------------------------------------


def translation_requested_messages(translation):
    """One EmailMessage per translator of the target language, written in that language."""
    source = translation.source
    source_code = source.locale.language_code
    target_code = translation.target_locale.language_code
    source_page = source.get_source_instance()
    # wagtail-localize creates the target page just after the Translation, within the
    # same transaction; without one (its creation failed) the source page is the way in.
    target_page = (
        Page.objects.filter(translation_key=source.object_id, locale=translation.target_locale)
        .only("pk")
        .first()
    )
    link = editor_url(target_page or source_page)
    with django_translation.override(target_code):
        return _to_translators(
            target_code,
            _("Translation requested: %(title)s") % {"title": source_page.title},
            [
                _("You are asked to translate a page."),
                "",
                *_page_facts(source_page.title, source_code, target_code),
                "",
                _("Translate it here: %(url)s") % {"url": link},
            ],
        )


def send_translation_requested(translation_id):
    translation = (
        Translation.objects.filter(pk=translation_id, enabled=True)
        .select_related("source__locale", "target_locale")
        .first()
    )
    if translation is None:
        return 0
    return _send(translation_requested_messages(translation))


def on_translation_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not instance.enabled or _suppressed.get():
        return
    if not _is_page_source(instance.source):
        return
    translation_id = instance.pk
    transaction.on_commit(lambda: send_translation_requested(translation_id))


# --- A translated source is published again ---------------------------------------------


def _describe_changes(changes, old_page, new_page):
    lines = []
    for change in changes:
        page = old_page if change.kind == ChangeKind.REMOVED else new_page
        lines.append(f"- {ChangeKind(change.kind).label} ({field_label(page, change.path)})")
        if change.old_text is not None:
            lines.append("  " + _("Before: %(text)s") % {"text": change.old_text})
        if change.new_text is not None:
            lines.append("  " + _("Now: %(text)s") % {"text": change.new_text})
    return lines


def translation_outdated_messages(changes, old_page, new_page, target_page):
    """One EmailMessage per translator of `target_page`'s language: what changed in the
    source (`old_page` as frozen for translation, `new_page` as published) and where to
    update the translation."""
    source_code = new_page.locale.language_code
    target_code = target_page.locale.language_code
    with django_translation.override(target_code):
        return _to_translators(
            target_code,
            _("Translation outdated: %(title)s") % {"title": new_page.title},
            [
                _(
                    "The source of a page you translated has been published again. "
                    "Its translation is out of date."
                ),
                "",
                *_page_facts(new_page.title, source_code, target_code),
                "",
                _("What changed in the source:"),
                *_describe_changes(changes, old_page, new_page),
                "",
                _("Update the translation here: %(url)s") % {"url": editor_url(target_page)},
            ],
        )


def on_page_published(sender, instance, **kwargs):
    if _suppressed.get():
        return
    # Only the page translations were made from has a TranslationSource in its own locale;
    # publishing a translation finds none and tells nobody.
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key,
        locale_id=instance.locale_id,
        specific_content_type_id=instance.content_type_id,
    ).first()
    if source is None:
        return
    target_locale_ids = source.translations.filter(enabled=True).values_list(
        "target_locale_id", flat=True
    )
    target_pages = list(
        Page.objects.filter(
            translation_key=instance.translation_key, locale_id__in=target_locale_ids
        ).select_related("locale")
    )
    if not target_pages:
        return
    # Compared now, inside the transaction: a later sync of the source would hide them.
    new_page = instance.specific
    changes = changed_segments(source, new_page)
    if not changes:
        return
    old_page = source.as_instance()

    def send():
        messages = []
        for target_page in target_pages:
            messages += translation_outdated_messages(changes, old_page, new_page, target_page)
        _send(messages)

    transaction.on_commit(send)
