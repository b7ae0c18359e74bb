"""Edit handlers for translated records: language-neutral facts once, then a tab per language."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface

from newsroom.formatting import language_name


def translated_tabs(fact_panels, translated_fields):
    """A 'Facts' tab, then one tab per language holding that language's field variants."""
    tabs = [ObjectList(fact_panels, heading=_("Facts"))]
    for language_code in settings.MODELTRANSLATION_LANGUAGES:
        tabs.append(
            ObjectList(
                [
                    FieldPanel(build_localized_fieldname(field, language_code))
                    for field in translated_fields
                ],
                # The tab names the language in itself, so each translator finds theirs.
                heading=language_name(language_code),
            )
        )
    return TabbedInterface(tabs)
