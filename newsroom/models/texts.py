"""Record texts as public pages show them: in the page's language, never another's in disguise.

django-modeltranslation falls back to another language when a field is empty in the active
one (MODELTRANSLATION_FALLBACK_LANGUAGES), which suits the admin but would put Polish text on
a Russian page as if it were Russian. Public pages ask here instead:

- `text_in` gives a descriptive text (a result summary, a description, a city) in exactly
  one language, or "" when it has none: the page then leaves that row out;
- `name_in` gives a name, which must appear, with the language it is really written in, so
  the template marks it (`<span lang="pl">…</span>`) when that is not the page's language.
"""

from modeltranslation.utils import build_localized_fieldname, resolution_order

from newsroom.languages import record_languages
from newsroom.models.stamps import has_text


def localized_fieldnames(field):
    """The columns of a translated field: ["name_pl", "name_en", "name_ru"]."""
    return [build_localized_fieldname(field, code) for code in record_languages()]


def text_in(record, field, language_code):
    """`field` of `record` written in `language_code`, or ""."""
    value = getattr(record, build_localized_fieldname(field, language_code), None)
    return value if has_text(value) else ""


def name_in(record, language_code, field="name"):
    """(text, language it is in): the name in `language_code`, else in the first fallback
    language that has one; ("", language_code) when no language has it."""
    for code in resolution_order(language_code):
        value = text_in(record, field, code)
        if value:
            return value, code
    return "", language_code
