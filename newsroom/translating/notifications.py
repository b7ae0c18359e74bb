"""Email translators when a translation is requested of them or falls out of date, and
write Wagtail's workflow emails (submitted, approved, changes requested) in each
recipient's language.

Recipients are the active users, with an email address, of the target language's
"Translators (xx)" group; each gets their own message in their language
(`recipient_language`), opening with their full name, or a greeting without a name (never
the username). Mail leaves only once the request's transaction commits, so a rolled-back
request sends nothing. Links start with WAGTAILADMIN_BASE_URL (from the environment in
production).

Wagtail writes its workflow emails in the recipient's chosen admin language, else in the
language of whoever triggered them; `connect_workflow_emails` replaces its notifiers by
ones that fall back on `recipient_language` instead.

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

from wagtail.admin.localization import get_available_admin_languages
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from newsroom.formatting import language_name, quoted
from newsroom.languages import site_languages
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


def recipient_language(user, work_language=None):
    """The language `user`'s emails are written in.

    The admin language they chose, if any; else the language of their translator or
    reviewer role (`work_language`, the language of the page the email is about, when
    they hold roles in several); else the site's default language, which is also the
    admin's for someone without a preference.
    """
    admin_languages = dict(get_available_admin_languages())
    chosen = (
        UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    if chosen in admin_languages:
        return chosen
    groups = set(user.groups.values_list("name", flat=True))
    role_languages = [
        code
        for code in site_languages()
        if groups & {group_name("translators", code), group_name("reviewers", code)}
    ]
    if work_language in role_languages:
        return work_language
    if role_languages:
        return role_languages[0]
    return settings.LANGUAGE_CODE


def greeting(user):
    """ "Hello Anna Nowak," or, without a full name, a greeting naming nobody."""
    name = user.get_full_name().strip()
    return _("Hello %(name)s,") % {"name": name} if name else _("Hello,")


def _page_facts(title, source_code, target_code):
    """The page and its languages, named in the language the message is written in."""
    written_in = django_translation.get_language()
    return [
        _("Page: %(title)s") % {"title": quoted(title)},
        _("Source language: %(language)s")
        % {"language": language_name(source_code, written_in, in_sentence=True)},
        _("Target language: %(language)s")
        % {"language": language_name(target_code, written_in, in_sentence=True)},
    ]


def _to_translators(language_code, compose):
    """One EmailMessage per translator of `language_code`, each in that person's language:
    `compose()` gives the (subject, lines) under the greeting, and runs in that language."""
    messages = []
    for user in translators(language_code):
        with django_translation.override(recipient_language(user, language_code)):
            subject, lines = compose()
            body = "\n".join([greeting(user), "", *lines])
        messages.append(EmailMessage(subject, body, to=[user.email]))
    return messages


def _send(messages):
    if not messages:
        return 0
    return get_connection().send_messages(messages)


# --- A translation is requested ---------------------------------------------------------


def translation_requested_messages(translation):
    """One EmailMessage per translator of the target language, each in their language."""
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

    def compose():
        return (
            _("Translation requested: %(title)s") % {"title": source_page.title},
            [
                _("You are asked to translate a page."),
                "",
                *_page_facts(source_page.title, source_code, target_code),
                "",
                _("Translate it here: %(url)s") % {"url": link},
            ],
        )

    return _to_translators(target_code, compose)


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
    """One EmailMessage per translator of `target_page`'s language, each in their own: what
    changed in the source (`old_page` as frozen for translation, `new_page` as published)
    and where to update the translation."""
    source_code = new_page.locale.language_code
    target_code = target_page.locale.language_code
    link = editor_url(target_page)

    def compose():
        return (
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
                _("Update the translation here: %(url)s") % {"url": link},
            ],
        )

    return _to_translators(target_code, compose)


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


# --- Wagtail's workflow emails ------------------------------------------------------------


class InRecipientsLanguages:
    """Wagtail's email notifier, sending each recipient's message in `recipient_language`.

    Wagtail renders each message in the recipient's chosen admin language, else in the
    active one: so each recipient's message is sent with theirs active (the HTML part,
    which Wagtail renders outside its own language switch, included).
    """

    def send_emails(self, template_set, context, recipients, **kwargs):
        locale = getattr(context.get("object"), "locale", None)
        work_language = getattr(locale, "language_code", None)
        all_sent = True
        for recipient in recipients:
            with django_translation.override(recipient_language(recipient, work_language)):
                sent = super().send_emails(template_set, context, [recipient], **kwargs)
            all_sent = all_sent and sent
        return all_sent


class TaskSubmittedEmails(InRecipientsLanguages, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmittedEmails(InRecipientsLanguages, WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowRejectedEmails(InRecipientsLanguages, WorkflowStateRejectionEmailNotifier):
    pass


class WorkflowApprovedEmails(InRecipientsLanguages, WorkflowStateApprovalEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch_uid, our notifier): module-level, since signals keep
# only weak references to their receivers.
WORKFLOW_EMAILS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmittedEmails(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmittedEmails(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectedEmails(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovedEmails(),
    ),
]


def connect_workflow_emails():
    """Put our notifiers under Wagtail's dispatch_uids: whichever app is ready first, Wagtail's
    own are gone (disconnected here, or refused later as the uid is taken)."""
    for signal, sender, dispatch_uid, notifier in WORKFLOW_EMAILS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
