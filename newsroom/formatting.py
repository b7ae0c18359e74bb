"""Locale-aware formatting from CLDR: dates, date ranges and relative times, numbers and
units, quotation marks, country and language names, and names sorted and grouped by each
language's rules.

Babel formats (dates, ranges, numbers, names); ICU (PyICU) collates and gives the
quotation marks, two things Babel does not do. Every function takes an optional language
code and falls back to the active Django language, which page rendering sets to the page's
locale. English is written as British English: its dates are en_GB ("17 June 2021").

A leaf: imports nothing from the project but `languages`.
"""

import datetime
import re
from functools import cache

import icu
import pycountry
from babel import Locale
from babel.dates import format_date, format_timedelta, match_skeleton, parse_pattern
from babel.numbers import format_decimal, format_percent

from django.utils.translation import get_language

from newsroom.languages import default_language, site_languages

NBSP = "\u00a0"

# The regional variant each language is written in, where it is not the language's default
# (CLDR's "en" is American English). og:locale names the same variants.
WRITTEN_VARIANTS = {"en": "en_GB"}

# What follows a year in a long date: CLDR's Russian dates carry "г." already; its Polish
# ones lack the "r." Polish copy writes, so it is added, bound by a non-breaking space.
YEAR_ABBREVIATIONS = {"pl": "r."}
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")

# Countries are the codes ISO 3166-1 assigns (pycountry), plus XK, the code the EU and
# CLDR use for Kosovo. Not countries: CLDR's groupings (EU, EZ, UN, QO), the exceptionally
# reserved codes (AC, CP, DG, EA, IC, TA), pseudo-locales (XA, XB) and "unknown" (ZZ).
EXTRA_COUNTRY_CODES = frozenset({"XK"})


def _language(language_code: str | None) -> str:
    return (language_code or get_language() or default_language()).lower()


def babel_locale(language_code: str | None = None) -> str:
    """The Babel locale a language is formatted in ("en" -> "en_GB", "pt-br" -> "pt_BR")."""
    code = _language(language_code)
    return WRITTEN_VARIANTS.get(code) or str(Locale.parse(code, sep="-"))


def regional_locale(language_code: str | None = None) -> str:
    """The territory-qualified locale a language is written in, as og:locale wants it:
    "pl_PL", "en_GB", "ru_RU"."""
    code = _language(language_code)
    if code in WRITTEN_VARIANTS:
        return WRITTEN_VARIANTS[code]
    locale = Locale.parse(code, sep="-")
    if not locale.territory:
        locale = Locale.parse(f"und_{locale.language}", resolve_likely_subtags=True)
    return f"{locale.language}_{locale.territory}" if locale.territory else str(locale)


def _with_year_abbreviation(text: str, language_code: str | None) -> str:
    abbreviation = YEAR_ABBREVIATIONS.get(_language(language_code).split("-")[0])
    if not abbreviation:
        return text
    return _YEAR.sub(lambda year: f"{year.group(1)}{NBSP}{abbreviation}", text)


def _as_date(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def long_date(value: datetime.date | None, language_code: str | None = None) -> str:
    """'17 czerwca 2021 r.', '17 June 2021', '17 июня 2021 г.' (non-breaking before the
    year's abbreviation)."""
    if not value:
        return ""
    text = format_date(_as_date(value), format="long", locale=babel_locale(language_code))
    return _with_year_abbreviation(text, language_code)


def _widened(pattern: str) -> str:
    # CLDR's skeleton matching adjusts a field's width when the nearest skeleton has a
    # shorter one (yMMMd for yMMMMd); Babel does not, so its months would come abbreviated.
    return re.sub(r"(?<![ML])([ML])\1\1(?!\1)", r"\1\1\1\1", pattern)


def date_range(
    start: datetime.date | None, end: datetime.date | None, language_code: str | None = None
) -> str:
    """A range of days by CLDR's interval formats, written once where both ends share it:
    '24–26 października 2017 r.', '24 October – 2 November 2017', '24–26 октября 2017 г.'.
    One day (or no end) is a long date."""
    if not start:
        return long_date(end, language_code)
    start = _as_date(start)
    end = _as_date(end) if end else start
    if end == start:
        return long_date(start, language_code)
    if end < start:
        start, end = end, start
    locale = Locale.parse(babel_locale(language_code))
    formats = locale.interval_formats
    skeleton = "yMMMMd" if "yMMMMd" in formats else match_skeleton("yMMMMd", formats)
    if not skeleton:
        return f"{long_date(start, language_code)} – {long_date(end, language_code)}"
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    parts = formats[skeleton].get(field)
    if not parts:
        fallback = formats.get(None, "{0} – {1}")
        pattern = _widened(locale.date_formats["long"].pattern)
        text = fallback.replace("{0}", format_date(start, pattern, locale=locale)).replace(
            "{1}", format_date(end, pattern, locale=locale)
        )
    else:
        text = "".join(
            parse_pattern(_widened(part)).apply(day, locale)
            for part, day in zip(parts, (start, end), strict=True)
        )
    return _with_year_abbreviation(text, language_code)


def iso_date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def number(value: int | float | None, language_code: str | None = None) -> str:
    """'1 250' in Polish and Russian (non-breaking space), '1,250' in English."""
    if value is None:
        return ""
    return format_decimal(value, locale=babel_locale(language_code))


def percent(value: float | None, language_code: str | None = None) -> str:
    """A fraction as CLDR writes a percentage: '15%' in Polish and English, '15 %' in
    Russian (non-breaking space)."""
    if value is None:
        return ""
    return format_percent(value, locale=babel_locale(language_code))


def quantity(value: int | float | None, unit: str, language_code: str | None = None) -> str:
    """A number with its unit or counted noun, never broken apart: '120 firm', '5 km'.
    The unit is already in the language (a catalog's plural form, an abbreviation)."""
    if value is None:
        return ""
    return f"{number(value, language_code)}{NBSP}{unit}"


# --- quotation marks ------------------------------------------------------------------


@cache
def quotation_marks(language_code: str) -> tuple[str, str, str, str]:
    """CLDR's (open, close, inner open, inner close): „”«» in Polish, “”‘’ in English,
    «»„“ in Russian."""
    data = icu.LocaleData(babel_locale(language_code))
    kinds = icu.ULocaleDataDelimiterType
    return tuple(
        data.getDelimiter(kind)
        for kind in (
            kinds.QUOTATION_START,
            kinds.QUOTATION_END,
            kinds.ALT_QUOTATION_START,
            kinds.ALT_QUOTATION_END,
        )
    )


_STRAIGHT_QUOTED = re.compile(r'"([^"]*)"')


def quoted(text: str, language_code: str | None = None) -> str:
    """Text inside the language's quotation marks, a quotation inside it in the inner
    marks: „Nagroda «Złoty klaster» dla…”, «Премия „Золотой кластер“…», “The ‘Gold’ …”.
    Inner quotations may come in the outer marks or in straight quotes."""
    opening, closing, inner_opening, inner_closing = quotation_marks(_language(language_code))
    inner = _STRAIGHT_QUOTED.sub(rf"{inner_opening}\1{inner_closing}", str(text))
    if opening != closing:
        inner = inner.replace(opening, inner_opening).replace(closing, inner_closing)
    return f"{opening}{inner}{closing}"


# --- names: countries, languages, collation -------------------------------------------


@cache
def _collator(language_code: str):
    return icu.Collator.createInstance(icu.Locale(babel_locale(language_code)))


def collation_key(language_code: str | None = None):
    """A sort key ordering names by the language's rules: Polish "Łotwa" after "Litwa" and
    "Ć…" after every "Cz…"; Russian "Ё" as "Е"; case and accents second."""
    return _collator(_language(language_code)).getSortKey


def sorted_by_name(items, language_code: str | None = None, name=str):
    """`items` sorted by `name(item)` in the language's order."""
    key = collation_key(language_code)
    return sorted(items, key=lambda item: key(name(item)))


@cache
def _alphabetic_index(language_code: str):
    index = icu.AlphabeticIndex(icu.Locale(babel_locale(language_code)))
    # Names written in the site's other scripts (a Russian page naming a Polish-only
    # cluster) get their own letters rather than one "…" group.
    for other in site_languages():
        if other != language_code:
            index.addLabels(icu.Locale(babel_locale(other)))
    return index.buildImmutableIndex()


def initial(name: str, language_code: str | None = None) -> str:
    """The letter a directory files `name` under in the language: Polish has "Ł" and "Ć"
    of their own, Russian files "Ё" under "Е". A name opening with a digit or a sign is
    filed under its first character."""
    if not name:
        return ""
    index = _alphabetic_index(_language(language_code))
    label, kind = index.getBucket(index.getBucketIndex(name))
    return label if kind == icu.UAlphabeticIndexLabelType.NORMAL else name[:1].upper()


@cache
def country_codes() -> frozenset[str]:
    """The codes country lists offer: ISO 3166-1's assigned alpha-2 codes and XK."""
    return frozenset(country.alpha_2 for country in pycountry.countries) | EXTRA_COUNTRY_CODES


@cache
def country_choices(language_code: str) -> list[tuple[str, str]]:
    """(code, name) for each country (`country_codes`), in `language_code`, sorted by name
    in that language's order."""
    territories = Locale.parse(babel_locale(language_code)).territories
    pairs = [(code, territories.get(code, code)) for code in country_codes()]
    return sorted_by_name(pairs, language_code, name=lambda pair: pair[1])


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


def relative_time(moment: datetime.datetime | None, language_code: str | None = None, now=None):
    """How far `moment` is from now, as each language says it on its own or after a verb:
    'za 3 godziny', '3 godziny temu', 'через 3 часа', '3 hours ago' (CLDR relative
    units, which keep case and number right where a bare duration dropped into a frame
    such as 'od %s' would not)."""
    if not moment:
        return ""
    now = now or datetime.datetime.now(tz=moment.tzinfo)
    return format_timedelta(moment - now, add_direction=True, locale=babel_locale(language_code))
