"""Each language's typographic rules, applied to rendered copy: non-breaking spaces where a
line must not break, and in Polish and Russian the full stop and comma outside closing quotes.

`typeset(html, language)` changes only the text between tags: never a tag, an attribute, a
comment, or what <script>, <style>, <pre>, <code>, <kbd>, <samp> and <textarea> hold. It
turns ordinary spaces into no-break ones and moves punctuation, so typesetting twice
changes nothing more. The rules, kept modest so that copy is never wrong, only unbroken:

- Polish: a one-letter word (a, i, o, u, w, z, A, I, O, U, W, Z) binds to the next word;
  a number binds to a unit or abbreviation after it (NUMBER_UNITS: "2021 r.", "5 mln",
  "10 zł", "15 %") and to its thousands ("10 000"); an abbreviation before a number binds
  to it (NUMBER_PREFIXES: "nr 5", "art. 12"); a spaced dash binds to the word before it.
- Russian: a one- or two-letter preposition, conjunction or particle binds to the next
  word (в, к, с, у, о, и, а, я, на, по, за, до, от, из, об, не, ни, но, да, во, ко, со),
  же, ли and бы to the word before; numbers as in Polish ("2021 г.", "1990–2000 гг.",
  "5 млн", "№ 5"); an em or spaced en dash binds to the word before it.
- English (British): a number binds to its unit ("5 km", "15 %"), "No." and "p." to their
  number, a spaced dash to the word before it. Punctuation by quotes is left as written:
  British English keeps it inside when it belongs to the quotation.

A leaf: imports nothing from the project.
"""

import re
from functools import cache

import icu

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
THIN_SPACE = "\u2009"

# Units and abbreviations that follow a number, per language.
NUMBER_UNITS = {
    "pl": (
        "r.",
        "rr.",
        "w.",
        "tys.",
        "mln",
        "mld",
        "zł",
        "euro",
        "EUR",
        "proc.",
        "%",
        "km",
        "m",
        "m²",
        "m2",
        "cm",
        "mm",
        "kg",
        "t",
        "ha",
        "godz.",
        "min",
        "°C",
        "pkt",
        "szt.",
    ),
    "ru": (
        "г.",
        "гг.",
        "в.",
        "вв.",
        "тыс.",
        "млн",
        "млрд",
        "руб.",
        "₽",
        "евро",
        "%",
        "км",
        "м",
        "м²",
        "см",
        "мм",
        "кг",
        "т",
        "га",
        "ч",
        "мин",
        "°C",
        "чел.",
        "шт.",
        "п.",
        "с.",
    ),
    "en": ("%", "km", "m", "m²", "cm", "mm", "kg", "t", "ha", "h", "min", "°C", "bn", "EUR"),
}
# Abbreviations and signs that come before a number, per language.
NUMBER_PREFIXES = {
    "pl": ("nr", "Nr", "art.", "Art.", "ust.", "pkt", "ul.", "al.", "tel.", "s.", "§", "€"),
    "ru": ("№", "ст.", "п.", "ул.", "тел.", "с.", "§", "€"),
    "en": ("No.", "no.", "p.", "pp.", "§", "€", "£"),
}
SHORT_WORDS = {
    "pl": ("a", "i", "o", "u", "w", "z"),
    "ru": (
        "в",
        "к",
        "с",
        "у",
        "о",
        "и",
        "а",
        "я",
        "на",
        "по",
        "за",
        "до",
        "от",
        "из",
        "об",
        "не",
        "ни",
        "но",
        "да",
        "во",
        "ко",
        "со",
    ),
}
# Particles bound to the word before them.
ENCLITICS = {"ru": ("же", "ли", "бы")}
# Languages whose full stop and comma go after a closing quotation mark.
PUNCTUATION_OUTSIDE_QUOTES = ("pl", "ru")

# What typesetting leaves alone: tags (with attributes, whose quoted values may hold ">"),
# comments, and elements that are not prose, with what they hold.
_TAG_PATTERN = (
    r"</?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*\s*/?>"
)
_VERBATIM_PATTERN = (
    r"<(script|style|pre|code|kbd|samp|textarea)\b"
    r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
)
_MARKUP = re.compile(
    rf"{_VERBATIM_PATTERN}|<!--.*?-->|<![^>]*>|<\?[^>]*>|{_TAG_PATTERN}", re.S | re.I
)
# Stands for a piece of markup while the text is set: NUL never appears in served HTML.
_PLACEHOLDER = "\x00"
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])")


def _alternatives(words):
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _rules(language):
    """[(pattern, replacement)] for the language, applied in order to each text node."""
    rules = []
    short = SHORT_WORDS.get(language)
    if short:
        words = _alternatives(short + tuple(word.capitalize() for word in short))
        rules.append((re.compile(rf"(?<![\w\-.])({words}) "), rf"\1{NBSP}"))
    enclitics = ENCLITICS.get(language)
    if enclitics:
        rules.append((re.compile(rf"(?<=\w) (?=(?:{_alternatives(enclitics)})(?!\w))"), NBSP))
    if language in ("pl", "ru"):
        # Thousands written with spaces: "10 000", "1 250 000".
        rules.append((_THOUSANDS, lambda number: number.group().replace(" ", NBSP)))
    units = NUMBER_UNITS.get(language)
    if units:
        rules.append((re.compile(rf"(?<=\d) (?=(?:{_alternatives(units)})(?![\w²]))"), NBSP))
    prefixes = NUMBER_PREFIXES.get(language)
    if prefixes:
        rules.append(
            (re.compile(rf"(?<![\w.])((?:{_alternatives(prefixes)})) (?=\d)"), rf"\1{NBSP}")
        )
    # A spaced dash never opens a line.
    rules.append((re.compile(r"(?<=\S) (?=[–—](?:\s|$))"), NBSP))
    rules.append((re.compile(rf"(?<=\S){THIN_SPACE}(?=[–—])"), NARROW_NBSP))
    return rules


@cache
def _closing_marks(language):
    data = icu.LocaleData(language)
    kinds = icu.ULocaleDataDelimiterType
    return data.getDelimiter(kinds.QUOTATION_END) + data.getDelimiter(kinds.ALT_QUOTATION_END)


# Abbreviations whose dot may close a quotation; a one-letter one ("r.", "г.", "o.o.",
# "т.д.") is recognised by its length.
ABBREVIATIONS = ("itd", "itp", "tzw", "etc", "wg", "ok", "др", "пр", "см", "тыс", "млн")


@cache
def _punctuation_inside_quotes(language):
    closing = re.escape(_closing_marks(language))
    return re.compile(rf"([.,])([{closing}]+)(?![.,;:!?…])")


# What a dot closing a quotation belongs to when it stays inside: an ellipsis, a one-letter
# abbreviation ("r.", "г.", "o.o.", "т.д."), or one of ABBREVIATIONS.
_OWN_DOT = re.compile(rf"(?:[.…]|(?<!\w)\w|(?<!\w)(?:{'|'.join(ABBREVIATIONS)}))$")


def move_punctuation_outside_quotes(text: str, language: str) -> str:
    """In Polish and Russian a full stop or comma closing a quoted phrase goes after the
    closing mark: „Tak.” → „Tak”., «Да,» → «Да»,. Other languages' text is unchanged."""
    if language not in PUNCTUATION_OUTSIDE_QUOTES:
        return text

    def moved(match):
        before = text[max(0, match.start() - 8) : match.start()]
        if _OWN_DOT.search(before):
            return match.group()
        return match.group(2) + match.group(1)

    return _punctuation_inside_quotes(language).sub(moved, text)


def typeset_text(text: str, language: str) -> str:
    """One text node (no markup) set by the language's rules."""
    language = (language or "").split("-")[0].lower()
    if not text.strip():
        return text
    for pattern, replacement in _rules(language):
        text = pattern.sub(replacement, text)
    return move_punctuation_outside_quotes(text, language)


def typeset(html: str, language: str) -> str:
    """Rendered HTML with its text set by the language's rules; markup unchanged.

    The markup is set aside (a placeholder stands for each piece), the text is set in one
    pass, and the markup is put back: a word before a tag binds to what the tag opens.
    """
    if _PLACEHOLDER in html:
        return html
    markup = []

    def set_aside(piece):
        markup.append(piece.group())
        return _PLACEHOLDER

    text = typeset_text(_MARKUP.sub(set_aside, html), language)
    pieces = text.split(_PLACEHOLDER)
    result = [pieces[0]]
    for piece, following in zip(markup, pieces[1:], strict=True):
        result += [piece, following]
    return "".join(result)
