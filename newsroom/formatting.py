"""Locale-aware formatting with Babel: dates, numbers, country and language names, quotes.

Every function takes an optional language code and falls back to the active Django
language, which page rendering sets to the page's locale.

A leaf: imports nothing from the project.
"""

import datetime
from functools import cache

from babel import Locale
from babel.dates import format_date, format_timedelta
from babel.numbers import format_decimal

from django.utils.translation import get_language, pgettext

from newsroom.languages import default_language


def babel_locale(language_code: str | None = None) -> str:
    """The Babel locale for a Django language code ("pt-br" -> "pt_BR")."""
    code = language_code or get_language() or default_language()
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


@cache
def country_choices(language_code: str) -> list[tuple[str, str]]:
    """Two-letter ISO 3166 codes with their names in `language_code`, sorted by name."""
    territories = Locale.parse(language_code).territories
    pairs = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in {"ZZ", "XA", "XB"}
    ]
    return sorted(pairs, key=lambda pair: pair[1])


def country_name(code: str, language_code: str | None = None) -> str:
    """The country's name in the language (CLDR), or the code itself when CLDR has none."""
    if not code:
        return ""
    return Locale.parse(babel_locale(language_code)).territories.get(code.upper(), code.upper())


def language_name(code: str, in_language: str | None = None, *, in_sentence=False) -> str:
    """A language's name in `in_language`, by default in itself.

    On its own (a switcher, a tab, a column, a heading) it starts with a capital: 'Polski',
    'Angielski', 'Английский'. `in_sentence`: as each language writes it inside a sentence,
    after a colon or in brackets: 'angielski', 'английский', but 'English'.

    The project's rule (docs/style/): a list to pick a language from names each language in
    itself; every other place names it in the reader's or the admin user's language.
    """
    name = Locale.parse(code, sep="-").get_display_name(babel_locale(in_language or code))
    if not name:
        return code
    return name if in_sentence else name[:1].upper() + name[1:]


def quoted(text: str) -> str:
    """Text inside the active language's quotation marks: „…”, “…”, «…».

    Babel does not expose CLDR's delimiters, so the marks live in the catalogs,
    where each language's translator sets them.
    """
    opening = pgettext("quotation", "“")
    closing = pgettext("quotation", "”")
    return f"{opening}{text}{closing}"


def relative_time(moment: datetime.datetime | None, language_code: str | None = None, now=None):
    """How far `moment` is from now, as each language says it on its own or after a verb:
    'za 3 godziny', '3 godziny temu', 'через 3 часа', '3 hours ago' (CLDR relative
    units, which keep case and number right where a bare duration dropped into a frame
    such as 'od %s' would not)."""
    if not moment:
        return ""
    now = now or datetime.datetime.now(tz=moment.tzinfo)
    return format_timedelta(moment - now, add_direction=True, locale=babel_locale(language_code))
