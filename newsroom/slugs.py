"""The words of the site's addresses: ASCII slugs made from a text in its own language, and
the localised words of routes (`/pl/szukaj/`, `/ru/novosti/uroven/serebryany/`).

Every slug the site makes (a page added in the admin, an imported release, a translation
made with wagtail-localize) comes from `ascii_slug`: Russian is romanised by the Wikipedia
system (iuliia's WIKIPEDIA schema: BGN/PCGN simplified to plain ASCII, the spelling English
readers and the press know Russian names by, "Калужский" → "kaluzhsky", with the context
rules a letter-by-letter table misses: "ый" at a word's end, "е" after a vowel); every
other language, and whatever Russian text leaves behind, by anyascii ("złota" → "zlota").

`ROUTE_WORDS` is the one table of the words of routes in each language; the pages' routes
(newsroom.models.routes) and the search view (cms/urls.py) read it.

A leaf: imports only Django and the transliteration libraries.
"""

import json
import re
from functools import cache
from pathlib import Path

import iuliia
from anyascii import anyascii

from django.utils.text import slugify

# Slugs made from titles are kept short: a URL people can read and share.
SLUG_LENGTH = 80
ASCII_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")

# Romanisation systems by language; a language not listed goes through anyascii alone.
ROMANISATIONS = {"ru": iuliia.WIKIPEDIA}

# The words of routes, keyed by the word in the route's own pattern (English), as readers
# of each language see them; a language missing from an entry uses the key. The old English
# words keep answering with a permanent redirect (newsroom.models.routes), so a word
# changed here should stay one a reader could type; a page cannot take any of them as slug
# where its parent routes them. Label levels are adjectives agreeing with "poziom"/"уровень".
ROUTE_WORDS = {
    "search": {"pl": "szukaj", "en": "search", "ru": "poisk"},
    "level": {"pl": "poziom", "en": "level", "ru": "uroven"},
    "tag": {"pl": "tag", "en": "tag", "ru": "teg"},
    "clusters": {"pl": "klastry", "en": "clusters", "ru": "klastery"},
    "feed": {"pl": "kanal", "en": "feed", "ru": "lenta"},
    "bronze": {"pl": "brazowy", "en": "bronze", "ru": "bronzovy"},
    "silver": {"pl": "srebrny", "en": "silver", "ru": "serebryany"},
    "gold": {"pl": "zloty", "en": "gold", "ru": "zolotoy"},
    "status": {"pl": "status", "en": "status", "ru": "status"},
}


def transliterate(text, language):
    """`text` (written in `language`) in ASCII letters."""
    schema = ROMANISATIONS.get(language)
    if schema is not None:
        text = schema.translate(text)
    return anyascii(text)


def ascii_slug(text, language, max_length=SLUG_LENGTH):
    """A lowercase ASCII slug of `text` written in `language`; "" when nothing is left."""
    slug = slugify(transliterate(text or "", language))
    return slug[:max_length].strip("-")


def is_ascii_slug(slug):
    return bool(ASCII_SLUG.match(slug or ""))


def route_word(word, language):
    """The route word `word` (as in the route's pattern) in `language`."""
    return ROUTE_WORDS.get(word, {}).get(language, word)


def word_of_route(local_word, language):
    """The route word (as in the route's pattern) `local_word` stands for in `language`
    (None: the patterns' own words), or None when it is none of that language's words."""
    for word, local in ROUTE_WORDS.items():
        if local.get(language, word) == local_word:
            return word
    return None


@cache
def slug_formatters(language):
    """The romanisation of `language` as regex replacements for Wagtail's slug field
    (`SlugInput(formatters=…)`), so the slug the admin proposes while an editor types a
    title is the one `ascii_slug` would make; None for a language anyascii alone handles.

    Built from the schema's own tables, in its order: endings, then letters after a vowel
    or at a word's start, then signs before a vowel, then letter by letter. Read once per
    process: every page editor form asks for them."""
    schema = ROMANISATIONS.get(language)
    if schema is None:
        return None
    # The schema's tables as iuliia ships them: mapping, prev/next/ending_mapping.
    tables = json.loads(Path(schema.path).read_text(encoding="utf-8"))
    letters = "".join(tables["mapping"])
    not_letter = f"(?![{letters}])"
    formatters = []
    for ending, latin in (tables.get("ending_mapping") or {}).items():
        formatters.append((re.escape(ending) + not_letter, latin))
    by_letter = {}  # letter -> {previous letter or "" (a word's start): latin}
    for pair, latin in (tables.get("prev_mapping") or {}).items():
        by_letter.setdefault(pair[-1], {})[pair[:-1]] = latin
    for letter, cases in by_letter.items():
        for latin in set(cases.values()):
            after = "".join(p for p, value in cases.items() if p and value == latin)
            if "" in cases and cases[""] == latin:
                formatters.append((f"(?<![{letters}]){re.escape(letter)}", latin))
            if after:
                formatters.append((f"(?<=[{after}]){re.escape(letter)}", latin))
    by_sign = {}  # sign -> {next letter: latin}
    for pair, latin in (tables.get("next_mapping") or {}).items():
        by_sign.setdefault(pair[0], {})[pair[1:]] = latin
    for sign, cases in by_sign.items():
        for latin in set(cases.values()):
            before = "".join(n for n, value in cases.items() if value == latin)
            formatters.append((f"{re.escape(sign)}(?=[{before}])", latin))
    for letter, latin in tables["mapping"].items():
        formatters.append((re.escape(letter), latin))
    return tuple((pattern, latin, "giu") for pattern, latin in formatters)
