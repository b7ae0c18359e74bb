"""Country codes and their names in any language, from Babel's CLDR data."""

from functools import cache

from babel import Locale


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


def country_name(code: str, language_code: str) -> str:
    """The country's name in `language_code`, or the code itself when CLDR has none."""
    if not code:
        return ""
    return Locale.parse(language_code).territories.get(code.upper(), code.upper())
