"""Locale-aware formatting with Babel: dates, numbers, country and language names.

Every function takes an optional language code and falls back to the active Django
language, which page rendering sets to the page's locale.
"""

import datetime

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from django.conf import settings
from django.utils.translation import get_language, pgettext

from newsroom.countries import country_name as _country_name


def babel_locale(language_code: str | None = None) -> str:
    """The Babel locale for a Django language code ("pt-br" -> "pt_BR")."""
    code = language_code or get_language() or settings.LANGUAGE_CODE
    return str(Locale.parse(code, sep="-"))


def long_date(value: datetime.date | None, language_code: str | None = None) -> str:
    """'17 czerwca 2021', 'June 17, 2021', '17 июня 2021 г.'."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return format_date(value, format="long", locale=babel_locale(language_code))


def iso_date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def number(value: int | float | None, language_code: str | None = None) -> str:
    """'1 250' in Polish and Russian (non-breaking space), '1,250' in English."""
    if value is None:
        return ""
    return format_decimal(value, locale=babel_locale(language_code))


def country_name(code: str, language_code: str | None = None) -> str:
    return _country_name(code, babel_locale(language_code))


def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name, by default in itself ('Polski', 'English', 'Русский')."""
    name = Locale.parse(code, sep="-").get_display_name(babel_locale(in_language or code))
    return name[:1].upper() + name[1:] if name else code


def quoted(text: str) -> str:
    """Text inside the active language's quotation marks: „…”, “…”, «…».

    Babel does not expose CLDR's delimiters, so the marks live in the catalogs,
    where each language's translator sets them.
    """
    opening = pgettext("quotation", "“")
    closing = pgettext("quotation", "”")
    return f"{opening}{text}{closing}"
