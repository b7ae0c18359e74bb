"""A new cluster's name in the nominative, as its record names it, from the case a headline
put it in.

A headline names a cluster in whatever case its sentence needs: "Grant dla Pomorskiego
Klastra Morskiego", "Сертификат вручен кластеру «Мазовецкий ИТ»". A record is named in the
nominative, so the importer proposes "Pomorski Klaster Morski" and "Кластер «Мазовецкий ИТ»".
Only the head noun (klaster, кластер) and the adjectives agreeing with it change; a quoted
name and the words after the head (a genitive complement, an acronym) stay as written. Before
a head noun in another case only agreeing adjectives belong to the name: in "Grant
Pomorskiemu Klastrowi Morskiemu" the headline's first word is not part of it.

- Russian: pymorphy3 and its OpenCorpora dictionary (pure Python, offline), loaded on first
  use: about 0.2 s and 30 MB, once per process, and only when a Russian name needs it.
- Polish: no dictionary lemmatiser installs here, so the head noun's singular case forms
  (klastra, klastrowi, klastrem, klastrze) become "klaster", and the masculine adjectives
  agreeing with it take the nominative ending (-ego, -emu, -ym, -im become -y or -i).
- English names do not inflect.
"""

import re
from functools import cache

OPENING_QUOTES = '„“"«‘‚'
CLOSING_QUOTES = '”“"»’‘'
# Leading punctuation, the word (hyphenated parts included), trailing punctuation.
WORD_PARTS = re.compile(r"^(\W*)(\w+(?:-\w+)*)(\W*)$")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

# "klaster" in the singular: the case each form is, by its ending after "klast".
POLISH_HEAD = re.compile(r"^klast(er|ra|rowi|rem|rze)$", re.IGNORECASE)
POLISH_HEAD_CASES = {"ra": "genitive", "rowi": "dative", "rem": "instrumental", "rze": "locative"}
# The endings of a masculine singular adjective in each case.
POLISH_ADJECTIVE_ENDINGS = {
    "genitive": ("ego",),
    "dative": ("emu",),
    "instrumental": ("ym", "im"),
    "locative": ("ym", "im"),
}
# pymorphy3's names of the cases that share one form with another.
RUSSIAN_CASE_GROUPS = ({"gent", "gen2"}, {"loct", "loc2"}, {"accs", "acc2"})


def nominative_name(name, language):
    """`name` with its head noun and agreeing adjectives in the nominative, capitalised as
    a name is; unchanged where no head noun in another case is found."""
    words = name.split()
    if not words:
        return name
    if language == "ru" or (language is None and CYRILLIC.search(name)):
        words = russian_nominative(words)
    elif language in ("pl", None):
        words = polish_nominative(words)
    result = " ".join(words)
    return result[:1].upper() + result[1:]


def quoted_words(words):
    """For each word, whether it stands inside quotation marks („Mazowiecki IT”, «…», "…")."""
    flags, inside = [], False
    for word in words:
        opens = not inside and word[:1] in OPENING_QUOTES
        if opens:
            inside = True
        flags.append(inside)
        if inside and word[-1:] in CLOSING_QUOTES and (len(word) > 1 or not opens):
            inside = False
    return flags


def split_word(word):
    """(leading punctuation, the word, trailing punctuation), or None for no word."""
    match = WORD_PARTS.match(word)
    return match.groups() if match else None


def same_case_as(original, new):
    """`new` written with `original`'s capitals: "Кластеру" -> "Кластер", "ИТ-кластеру"
    -> "ИТ-кластер", "KLASTRA" -> "KLASTER"."""
    if original.isupper() and len(original) > 1:
        return new.upper()
    return "".join(
        char.upper() if index < len(original) and original[index].isupper() else char
        for index, char in enumerate(new)
    )


def replace_core(word, core):
    leading, _core, trailing = split_word(word)
    return f"{leading}{core}{trailing}"


def agreeing_positions(words, quoted, head, agrees):
    """Where the words agreeing with the head noun stand: the unquoted run just before it,
    and the run just after it when that run ends the name (or meets an acronym or a quote):
    in "Klastra Zielonego Podlasia" the adjective belongs to "Podlasia", not to the head."""
    before = []
    index = head - 1
    while index >= 0 and not quoted[index] and agrees(words[index]):
        before.append(index)
        index -= 1
    after = []
    index = head + 1
    while index < len(words) and not quoted[index] and agrees(words[index]):
        after.append(index)
        index += 1
    if index < len(words) and not quoted[index] and not is_acronym(words[index]):
        after = []
    return before + after


def is_acronym(word):
    parts = split_word(word)
    return bool(parts) and parts[1].isupper() and len(parts[1]) <= 6


# --- Polish --------------------------------------------------------------------------------


def polish_adjective_nominative(core, case):
    """A masculine adjective in `case` in the nominative ("Pomorskiego" -> "Pomorski"), or
    None when `core` does not end as one."""
    lower = core.lower()
    for ending in POLISH_ADJECTIVE_ENDINGS[case]:
        if lower.endswith(ending) and len(core) > len(ending) + 2 and not core.isupper():
            stem = core[: -len(ending)]
            if ending in ("ym", "im"):
                return stem + ending[0]
            return stem if stem.lower().endswith("i") else stem + "y"
    return None


def polish_nominative(words):
    quoted = quoted_words(words)
    for head, word in enumerate(words):
        parts = split_word(word)
        match = POLISH_HEAD.match(parts[1]) if parts and not quoted[head] else None
        if match:
            break
    else:
        return words
    case = POLISH_HEAD_CASES.get(match.group(1).lower())
    if case is None:  # already "klaster"
        return words
    result = list(words)
    result[head] = replace_core(words[head], same_case_as(parts[1], "klaster"))

    def agrees(word):
        parts = split_word(word)
        return bool(parts) and polish_adjective_nominative(parts[1], case) is not None

    positions = agreeing_positions(words, quoted, head, agrees)
    for index in positions:
        core = split_word(words[index])[1]
        result[index] = replace_core(words[index], polish_adjective_nominative(core, case))
    return result[min([head, *positions]) :]


# --- Russian -------------------------------------------------------------------------------


@cache
def russian_morphology():
    """pymorphy3's analyser, loaded once on first use (its dictionary takes a moment)."""
    import pymorphy3  # noqa: PLC0415 - most imports never need it

    return pymorphy3.MorphAnalyzer(lang="ru")


def same_case(case, other):
    return case == other or any(case in group and other in group for group in RUSSIAN_CASE_GROUPS)


def russian_head(core):
    """The analysis of `core` as the singular noun "кластер" (or "ИТ-кластер"), or None."""
    if not CYRILLIC.search(core):
        return None
    for parse in russian_morphology().parse(core):
        if (
            parse.tag.POS == "NOUN"
            and parse.normal_form.endswith("кластер")
            and parse.tag.number == "sing"
        ):
            return parse
    return None


def russian_adjective(core, case):
    """The analysis of `core` as a masculine singular adjective in `case`, or None."""
    if not CYRILLIC.search(core):
        return None
    for parse in russian_morphology().parse(core):
        tag = parse.tag
        if (
            tag.POS == "ADJF"
            and tag.number == "sing"
            and tag.gender == "masc"
            and same_case(tag.case, case)
        ):
            return parse
    return None


def is_russian_adjective(word):
    """Whether a lowercase Russian word may be an adjective ("фармацевтическому")."""
    parts = split_word(word)
    if not parts or not CYRILLIC.search(parts[1]):
        return False
    return any(parse.tag.POS == "ADJF" for parse in russian_morphology().parse(parts[1]))


def inflected(parse, grammemes, original):
    form = parse.inflect(grammemes)
    return same_case_as(original, form.word) if form else original


def russian_nominative(words):
    quoted = quoted_words(words)
    for head, word in enumerate(words):
        parts = split_word(word)
        parse = russian_head(parts[1]) if parts and not quoted[head] else None
        if parse:
            break
    else:
        return words
    case = parse.tag.case
    if case == "nomn":
        return words
    result = list(words)
    result[head] = replace_core(words[head], inflected(parse, {"nomn", "sing"}, parts[1]))

    def agrees(word):
        parts = split_word(word)
        return bool(parts) and russian_adjective(parts[1], case) is not None

    positions = agreeing_positions(words, quoted, head, agrees)
    for index in positions:
        core = split_word(words[index])[1]
        adjective = russian_adjective(core, case)
        result[index] = replace_core(
            words[index], inflected(adjective, {"nomn", "sing", "masc"}, core)
        )
    return result[min([head, *positions]) :]
