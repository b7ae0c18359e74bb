"""Which of the site's languages a release is written in."""

import functools
import re

from lingua import IsoCode639_1, LanguageDetectorBuilder

from newsroom.languages import site_languages

# Addresses say nothing about the language around them and are mostly English-looking.
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


@functools.cache
def detector():
    """A lingua detector for the site's languages, built on first use."""
    codes = [IsoCode639_1.from_str(code) for code in site_languages()]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str) -> str | None:
    """The code ("pl", "en" or "ru") of the language of `text`; None if it has no letters."""
    text = URL.sub(" ", text)
    if not any(char.isalpha() for char in text):
        return None
    language = detector().detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else None
