"""Requesting translations of releases through wagtail-localize, one or many at once.

wagtail-localize's own "Translate" action covers one page; the matrix's bulk request
goes through the same `TranslationCreator`, so both create the same records and the
translators of each language are notified the same way.
"""

from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from newsroom.models.pages import PressReleasePage


@transaction.atomic
def request_translations(sources, language_codes, user):
    """Create draft translations of each source page into each language it lacks.

    Languages that already have a page in the family are left alone: an existing
    translation is never overwritten by a request. Returns {source: [language codes]}.
    """
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    existing = set(
        PressReleasePage.objects.filter(
            translation_key__in=[source.translation_key for source in sources]
        ).values_list("translation_key", "locale__language_code")
    )
    requested = {}
    for source in sources:
        targets = [
            locales[code]
            for code in language_codes
            if code in locales and (source.translation_key, code) not in existing
        ]
        if not targets:
            continue
        TranslationCreator(user, targets).create_translations(source)
        requested[source] = [locale.language_code for locale in targets]
    return requested
