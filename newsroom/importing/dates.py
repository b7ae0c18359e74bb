"""Spotting the publication date line near the top of a release.

Month and weekday names come from Babel's CLDR data for Polish, English (US and British,
which adds "Sept") and Russian: the genitive "format" forms ("czerwca", "июня"), the
nominative "stand-alone" forms ("czerwiec", "июнь") and the abbreviations, with or
without their trailing dot, in any case.
"""

import datetime
import re

from babel import Locale

from django.utils.translation import gettext_lazy as _

from newsroom.importing.errors import ReleaseImportError

DATE_LOCALES = ("pl", "en", "en_GB", "ru")


def _babel_names(attribute):
    """{lowercase name without trailing dot: number} for months or weekdays."""
    names = {}
    for code in DATE_LOCALES:
        forms = getattr(Locale.parse(code), attribute)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in forms[context][width].items():
                    name = name.lower().rstrip(".")
                    if names.setdefault(name, number) != number:
                        raise ValueError(f"{name!r} names two different {attribute}")
    return names


def _alternation(names):
    # Longest first, so that "marca" is not read as "mar" followed by junk.
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


MONTHS = _babel_names("months")
WEEKDAYS = _babel_names("days")

MONTH = rf"(?P<month_name>{_alternation(MONTHS)})\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?"
YEAR = r"(?P<year>\d{4})"
# In running text a date may open a range: "24-26 października 2017", "October 24–26, 2017".
DAY_RANGE = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?)?\.?"

DATE_FORMS = (
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})",  # 2021-06-17
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})",  # 17.06.2021
    rf"{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}",  # 17 czerwca 2021, 17th June 2021, 17 янв. 2021
    rf"{MONTH}\s+{DAY},?\s+{YEAR}",  # June 17, 2021
)

# Words that may introduce the date: "Published:", "Opublikowano dnia", "Дата публикации:".
PREFIX = re.compile(
    r"""^[\W_]*(?:
        published(?:\s+on)? | posted(?:\s+on)? | publication\s+date
        | date(?:\s+of\s+publication)? | released?(?:\s+on)?
        | opublikowano(?:\s+dnia)? | data(?:\s+publikacji)? | dnia
        | опубликовано | дата(?:\s+публикации)?
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
WEEKDAY = rf"(?:(?:{_alternation(WEEKDAYS)})\.?,?\s+)?"
# "r." / "roku" after a Polish year, "г." / "года" after a Russian one.
YEAR_WORD = r"(?:\s*(?:r|г)\.?|\s+(?:roku|года))?"

DATE_LINES = tuple(
    re.compile(rf"[\W_]*{WEEKDAY}(?P<date>{form}){YEAR_WORD}[\W_]*", re.IGNORECASE)
    for form in DATE_FORMS
)
DATES_IN_TEXT = tuple(
    re.compile(rf"(?<![\w.-])(?:{form})(?!\w|\.\d|-\d)", re.IGNORECASE)
    for form in (
        DATE_FORMS[0],
        DATE_FORMS[1],
        rf"{DAY_RANGE}\s+(?:of\s+)?{MONTH},?\s+{YEAR}",
        rf"{MONTH}\s+{DAY_RANGE},?\s+{YEAR}",
    )
)


def parse_date(text: str) -> datetime.date | None:
    """The date if `text` is a line giving just a (publication) date, else None.

    A line that merely mentions a date among other words is not a date line. A date line
    naming a day that does not exist, such as "31 lutego 2021", raises ReleaseImportError.
    """
    line = text.replace("*", "").replace("_", " ").strip()
    line = PREFIX.sub("", line, count=1)
    for pattern in DATE_LINES:
        match = pattern.fullmatch(line)
        if match:
            break
    else:
        return None

    try:
        return _date_of(match)
    except ValueError:
        raise ReleaseImportError(
            _("The date “%(text)s” does not exist.") % {"text": match["date"]}
        ) from None


def find_date_in_text(text: str) -> datetime.date | None:
    """The first existing full date (day, month and year) mentioned anywhere in `text`.

    Of a range such as "October 24-26, 2017" the first day counts. Impossible dates
    are passed over rather than reported.
    """
    matches = sorted(
        (match for pattern in DATES_IN_TEXT for match in pattern.finditer(text)),
        key=lambda match: match.start(),
    )
    for match in matches:
        try:
            return _date_of(match)
        except ValueError:
            continue
    return None


def _date_of(match):
    parts = match.groupdict()
    month = MONTHS[parts["month_name"].lower()] if parts.get("month_name") else parts["month"]
    return datetime.date(int(parts["year"]), int(month), int(parts["day"]))


def find_date_line(lines: list[str], max_lines: int = 6) -> tuple[int, datetime.date] | None:
    """Index into `lines` and date of the first date line among the first non-empty lines."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        date = parse_date(line)
        if date is not None:
            return index, date
        seen += 1
        if seen >= max_lines:
            break
    return None
