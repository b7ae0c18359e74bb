"""Which of the site's languages a release is written in."""

import functools
import re

from lingua import Language, LanguageDetectorBuilder

LANGUAGES = ("pl", "en", "ru")

LINGUA_LANGUAGES = {
    Language.POLISH: "pl",
    Language.ENGLISH: "en",
    Language.RUSSIAN: "ru",
}

# Addresses say nothing about the language around them and are mostly English-looking.
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


@functools.cache
def detector():
    """A lingua detector for Polish, English and Russian, built on first use."""
    return LanguageDetectorBuilder.from_languages(*LINGUA_LANGUAGES).build()


def detect_language(text: str) -> str | None:
    """The code ("pl", "en" or "ru") of the language of `text`; None if it has no letters."""
    text = URL.sub(" ", text)
    if not any(char.isalpha() for char in text):
        return None
    language = detector().detect_language_of(text)
    return LINGUA_LANGUAGES.get(language)
