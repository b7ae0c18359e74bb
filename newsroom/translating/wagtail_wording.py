"""Wagtail's and wagtail-localize's own strings that our editors, translators and reviewers
read in the workflow, said in the termbase's words.

The project's catalogs (locale/, LOCALE_PATHS) take precedence over the packages' own, so a
msgid listed here and translated in locale/ replaces Wagtail's wording in every screen that
shows it: Wagtail's Polish "Żądania zmian" (a plural noun on a button) becomes "Poproś o
zmiany", its Russian "Запрос изменений" becomes "Запросить изменения", its "moderation" and
"рабочий процесс" become the review and the "процесс проверки" the rest of the product names.

The strings are marked, not translated, here (`gettext_noop`): `makemessages` keeps them in
the catalogs, and Wagtail's own calls find our translations.
"""

from django.utils.translation import gettext_noop

WAGTAIL_MSGIDS = (
    # Wagtail: the workflow's actions and states.
    gettext_noop("Request changes"),
    gettext_noop("Approve"),
    gettext_noop("Approve with comment"),
    gettext_noop("draft"),
    gettext_noop("live + draft"),
    gettext_noop("Draft saved"),
    gettext_noop("in moderation"),
    gettext_noop("live + in moderation"),
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop("Publish scheduled draft"),
    gettext_noop("Unpublish scheduled draft"),
    gettext_noop("workflow"),
    gettext_noop("workflows"),
    gettext_noop("Locked by workflow"),
    gettext_noop("Workflow started"),
    gettext_noop("Workflow cancelled"),
    gettext_noop("Workflow: start"),
    gettext_noop("Workflow: cancel"),
    gettext_noop("Workflow task rejected. Workflow complete"),
    gettext_noop("Workflow task resubmitted. Workflow resumed"),
    gettext_noop("Edited a comment"),
    # The scheduling dialog of records: Wagtail drops the model's name into a frame whose
    # Polish needs its gender ("tenprzyznana odznaka powinien").
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    # wagtail-localize: the source of a translation.
    gettext_noop("Source"),
    gettext_noop("Source title"),
    gettext_noop("Sync translated pages"),
)
