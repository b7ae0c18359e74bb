"""Search that understands inflection in Polish, English and Russian.

Neither SQLite FTS5 nor PostgreSQL ships a Polish stemmer, so pages index the stems of
their own text (in the page's language) and queries are stemmed the same way before
they reach Wagtail's search backend: "кластеров" and "кластер" both become "кластер".
Snowball alone splits Polish words with a fleeting vowel ("klaster" -> "klaster",
"klastra" -> "klastr"), so Polish also indexes the Stempel (pystempel) stem, which
maps both to "klaster"; a query word matches either of its stems.
"""

import contextlib
import html
import io
import re
from functools import cache

import snowballstemmer
from pystempel import Stemmer as StempelStemmer

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

STEMMERS = {"pl": "polish", "en": "english", "ru": "russian"}
WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12
EXCERPT_LENGTH = 260


@cache
def stemmer(language_code):
    return snowballstemmer.stemmer(STEMMERS.get(language_code, "english"))


@cache
def polish_stempel():
    # Loading the 11 MB table takes a few seconds, once per process; its progress bar goes.
    with contextlib.redirect_stderr(io.StringIO()):
        return StempelStemmer.polimorf()


def load_stemmers(language_codes):
    """Load the stemmers of `language_codes` now: an application server does this as each
    worker starts (cms/wsgi.py), so no reader's search waits seconds for the Polish table."""
    for code in language_codes:
        stemmer(code)
        if code == "pl":
            polish_stempel()


@cache
def word_variants(word, language_code):
    """The stems one word is indexed and searched under."""
    word = word.casefold()
    variants = {stemmer(language_code).stemWord(word)}
    if language_code == "pl":
        variants.add((polish_stempel()(word) or word).casefold())
    return frozenset(variants)


def stemmed_text(text, language_code):
    """What a page indexes: every stem of every word, space-separated."""
    return " ".join(
        " ".join(sorted(word_variants(word, language_code))) for word in WORD.findall(text or "")
    )


def query_terms(query, language_code):
    """Per query word, the stems that may match it; capped so odd input stays cheap."""
    terms = []
    for word in WORD.findall(query or ""):
        variants = word_variants(word, language_code)
        if variants not in terms:
            terms.append(variants)
    return terms[:MAX_QUERY_WORDS]


def stream_text(stream_value):
    """The plain text of a StreamField value, for indexing and excerpts."""
    parts = []

    def walk(value):
        if value is None:
            return
        if hasattr(value, "source"):  # RichText
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(strip_tags(value))
        elif hasattr(value, "items") and callable(value.items):  # StructValue
            for child in value.values():
                walk(child)
        elif hasattr(value, "raw_data") or isinstance(value, list | tuple):  # Stream/ListValue
            for child in value:
                walk(getattr(child, "value", child))

    walk(stream_value)
    return "\n".join(part.strip() for part in parts if part and part.strip())


def highlight(text, terms, language_code, length=EXCERPT_LENGTH):
    """An escaped excerpt of `text` around the first matching word, matches in <mark>."""
    text = re.sub(r"\s+", " ", text or "").strip()
    wanted = set().union(*terms) if terms else set()
    matches = [m for m in WORD.finditer(text) if word_variants(m.group(), language_code) & wanted]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(html.escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{html.escape(match.group())}</mark>")
        cursor = match.end()
    pieces.append(html.escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped
