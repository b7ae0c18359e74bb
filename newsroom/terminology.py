"""The termbase: the words the product uses in each language, and the check for forbidden ones.

`locale/termbase.tbx` (TBX-Basic) holds one entry per concept with its terms in Polish,
English and Russian, each preferred, admitted or deprecated (forbidden). The catalogs, the
demo copy and the emails built from them follow it: `forbidden_in()` finds a forbidden term in
a text, `catalog_findings()` in a gettext catalog, and `manage.py checkterms` runs both over
the project (the test suite does too).

A word of a forbidden term ending in "*" matches every word that begins with it (an
inflected form: "żądani* zmian"); without it, the exact word. Words joined by a hyphen are
one word: the forbidden Russian "релиз*" does not match the preferred "пресс-релиз".

A leaf: imports only the standard library and polib (a translate-toolkit dependency).
"""

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polib

TERMBASE = Path(__file__).resolve().parent.parent / "locale" / "termbase.tbx"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
FORBIDDEN = "deprecatedTerm-admn-sts"

# What is not prose: python-format placeholders, {…} fields, HTML tags, URLs.
_NOT_PROSE = re.compile(r"%\([^)]*\)[sdrf]|%[sd]|\{[^}]*\}|<[^>]+>|https?://\S+")


@dataclass(frozen=True)
class Concept:
    ident: str
    definition: str
    # language code -> status -> terms
    terms: dict = field(hash=False, compare=False)

    def preferred(self, language):
        return self.terms.get(language, {}).get(PREFERRED, [])

    def forbidden(self, language):
        return self.terms.get(language, {}).get(FORBIDDEN, [])


@dataclass(frozen=True)
class Finding:
    """A forbidden term in a text: where, which term, and what to write instead."""

    language: str
    where: str
    text: str
    found: str
    forbidden: str
    preferred: tuple

    def __str__(self):
        instead = " / ".join(self.preferred) or "(see the termbase)"
        return f"[{self.language}] {self.where}: “{self.found}” ({self.forbidden}) → {instead}"


@cache
def concepts(path: Path = TERMBASE) -> tuple[Concept, ...]:
    """Every entry of the termbase, in its order."""
    root = ElementTree.parse(path).getroot()
    entries = []
    for entry in root.iter("termEntry"):
        definition = entry.findtext("descrip[@type='definition']", default="")
        terms = {}
        for lang_set in entry.iter("langSet"):
            language = lang_set.get(XML_LANG)
            by_status = terms.setdefault(language, {})
            for tig in lang_set.iter("tig"):
                status = tig.findtext("termNote[@type='administrativeStatus']", PREFERRED)
                by_status.setdefault(status, []).append(tig.findtext("term").strip())
        entries.append(Concept(entry.get("id"), definition, terms))
    return tuple(entries)


def _pattern(term: str) -> re.Pattern:
    words = [
        re.escape(word.rstrip("*")) + (r"[\w-]*" if word.endswith("*") else "")
        for word in term.split()
    ]
    body = r"\s+".join(words)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


@cache
def _forbidden_patterns(language: str, path: Path = TERMBASE):
    return tuple(
        (_pattern(term), term, tuple(concept.preferred(language)))
        for concept in concepts(path)
        for term in concept.forbidden(language)
    )


def forbidden_in(text: str, language: str, where: str = "", path: Path = TERMBASE):
    """The forbidden terms of `language` that `text` uses (its placeholders and tags aside)."""
    prose = _NOT_PROSE.sub(" ", text or "")
    return [
        Finding(language, where, text, match.group(0), term, preferred)
        for pattern, term, preferred in _forbidden_patterns(language, path)
        for match in pattern.finditer(prose)
    ]


def catalog_findings(po_path: Path, language: str, path: Path = TERMBASE) -> list[Finding]:
    """Forbidden terms in what a catalog shows: its translations, else its msgids."""
    findings = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or not entry.msgid:
            continue
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if not any(texts):
            # Untranslated: the msgid itself is shown (English source strings).
            texts = [entry.msgid, entry.msgid_plural]
        where = f"{po_path.name}: {entry.msgid[:60]!r}"
        for text in texts:
            findings += forbidden_in(text, language, where, path)
    return findings


def language_texts(data, languages, where="") -> Iterator[tuple[str, str, str]]:
    """(language, where, text) for every text in nested data keyed by language code, such
    as the demo copy's {"pl": …, "en": …, "ru": …} dictionaries."""
    if isinstance(data, dict):
        if data and set(data) <= set(languages):
            for language, value in data.items():
                for _language, _where, text in language_texts(value, languages, where):
                    yield language, f"{where}.{language}", text
            return
        for key, value in data.items():
            yield from language_texts(value, languages, f"{where}.{key}")
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            yield from language_texts(value, languages, f"{where}[{index}]")
    elif isinstance(data, str):
        yield "", where, data
