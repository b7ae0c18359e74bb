"""Facts a release announces: the label level, the cluster and the award.

Words are compared by their Snowball stems, so inflected forms match: "Srebrną
Odznakę", "серебряного сертификата" and "Silver Label" all name a silver label.
Releases mix languages (a Polish text quotes the English label name), so every Latin
word is stemmed as Polish and as English, every Cyrillic word as Russian.
"""

import re
from functools import cache

from newsroom.importing.nominative import is_russian_adjective, nominative_name
from newsroom.models.records import Award, Cluster, Label
from newsroom.stemming import stream_text, word_variants

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

LEVEL_WORDS = {
    Label.Level.BRONZE: ["brązowy", "brązowa", "bronze", "бронзовый", "бронза"],
    Label.Level.SILVER: ["srebrny", "srebrna", "silver", "серебряный", "серебро"],
    Label.Level.GOLD: ["złoty", "złota", "gold", "golden", "золотой", "золото"],
}
# A level word counts only near a word like these ("złoty" alone may be money).
LABEL_NOUNS = [
    "odznaka", "certyfikat", "etykieta", "znak", "label", "medal", "wyróżnienie",
    "certificate", "certification", "award",
    "сертификат", "знак", "метка", "лейбл", "медаль", "статус",
]  # fmt: skip
STATUS_PHRASES = [
    "krajowy klaster kluczowy",
    "national key cluster",
    "национальный ключевой кластер",
]
# Words every cluster name shares; they say nothing about which cluster it is.
GENERIC_NAME_WORDS = ["klaster", "klastra", "cluster", "кластер", "association", "stowarzyszenie"]
NEAR = 4
# Words that open a headline but never a cluster's name ("Z Klastrem …", "В кластере …").
PREPOSITIONS = {
    "z", "ze", "w", "we", "dla", "do", "od", "na", "o", "po", "przy", "u",
    "for", "to", "with", "in", "at", "of", "by",
    "в", "во", "для", "к", "ко", "с", "со", "о", "об", "у", "при", "от", "на",
}  # fmt: skip


@cache
def word_stems(word):
    """Every stem a word may have in the languages its script is written in.

    Latin words are stemmed as Polish (Snowball and Stempel, which agree on "klaster"
    and "klastra") and as English; Cyrillic words as Russian.
    """
    word = word.lower()
    if CYRILLIC.search(word):
        return word_variants(word, "ru") | {word}
    return word_variants(word, "pl") | word_variants(word, "en") | {word}


def tokens(text):
    return [word_stems(word) for word in WORD.findall(text)]


@cache
def stems_of(words):
    result = set()
    for word in words:
        result |= word_stems(word)
    return frozenset(result)


def phrase_at(text_tokens, index, phrase_tokens):
    window = text_tokens[index : index + len(phrase_tokens)]
    return len(window) == len(phrase_tokens) and all(
        a & b for a, b in zip(window, phrase_tokens, strict=True)
    )


def level_in(text):
    """The first label level named in `text` (bronze, silver, gold or status), or None."""
    text_tokens = tokens(text)
    nouns = stems_of(tuple(LABEL_NOUNS))
    levels = {level: stems_of(tuple(words)) for level, words in LEVEL_WORDS.items()}
    statuses = [tokens(phrase) for phrase in STATUS_PHRASES]
    for index, token in enumerate(text_tokens):
        if any(phrase_at(text_tokens, index, phrase) for phrase in statuses):
            return Label.Level.STATUS
        for level, level_stems in levels.items():
            if token & level_stems:
                nearby = text_tokens[max(0, index - NEAR) : index + NEAR + 1]
                if any(other & nouns for other in nearby):
                    return level
    return None


def detect_label_level(parsed):
    """The level the release announces: from the title, else the lead, else the body."""
    body = (
        parsed.plain_text.replace(parsed.boilerplate, "")
        if parsed.boilerplate
        else parsed.plain_text
    )
    for text in (parsed.title, parsed.lead, body):
        level = level_in(text)
        if level:
            return level
    return None


def name_key(name):
    """A cluster name's words as stem sets, without the words all cluster names share."""
    generic = stems_of(tuple(GENERIC_NAME_WORDS))
    return [stems for stems in tokens(name) if not stems & generic]


def spellings(token_stems, limit=64):
    """Every way to write a run of words as one string of stems ("life"+"scienc")."""
    results = {""}
    for stems in token_stems:
        results = {prefix + stem for prefix in results for stem in stems}
        if len(results) > limit:
            results = set(sorted(results)[:limit])
    return results


def contains_name(text_tokens, name_tokens):
    """Whether the name's words stand together in the text; "Life Science" matches "LifeScience"."""
    if not name_tokens:
        return False
    name = spellings(name_tokens)
    for start in range(len(text_tokens)):
        for width in range(1, len(name_tokens) + 2):
            window = text_tokens[start : start + width]
            if len(window) < width:
                break
            if spellings(window) & name:
                return True
    return False


def match_cluster(text, clusters=None):
    """The existing Cluster named in `text` (by any language's name or its acronym), or None."""
    clusters = list(clusters if clusters is not None else Cluster.objects.all())
    generic = stems_of(tuple(GENERIC_NAME_WORDS))
    text_tokens = [t for t in tokens(text) if not t & generic]
    words = set(WORD.findall(text))
    for cluster in clusters:
        if cluster.acronym and len(cluster.acronym) >= 3 and cluster.acronym in words:
            return cluster
        for name in {cluster.name_pl, cluster.name_en, cluster.name_ru} - {None, ""}:
            if contains_name(text_tokens, name_key(name)):
                return cluster
    return None


def propose_cluster_name(title, language=None):
    """A new cluster's name as the title gives it, in the nominative: the phrase around
    "Klaster/Cluster/Кластер" ("… dla Pomorskiego Klastra Morskiego" gives "Pomorski Klaster
    Morski", "… кластеру «Мазовецкий ИТ»" gives "Кластер «Мазовецкий ИТ»")."""
    head = title.split(":")[0].strip() if ":" in title else title
    words = head.split()
    generic = stems_of(tuple(GENERIC_NAME_WORDS))
    positions = [i for i, word in enumerate(words) if _is_cluster_word(word, generic)]
    if not positions:
        return head if ":" in title and len(words) <= 6 else None
    start = end = positions[0]
    while start > 0 and _precedes_cluster_word(words[start - 1]):
        start -= 1
    # Polish and Russian headlines are in sentence case, so capitalised words after the
    # cluster word still name it ("Pomorski Klaster Morski"). English headlines are in
    # Title Case: there only an acronym may follow ("… Cluster Earns" ends at "Cluster").
    title_case = language == "en" and start < positions[0]
    while end + 1 < len(words) and (
        _is_acronym(words[end + 1]) if title_case else _belongs_to_name(words[end + 1])
    ):
        end += 1
    name = " ".join(words[start : end + 1]).strip(",.:;")
    return nominative_name(name, language) if name else None


def _is_cluster_word(word, generic):
    """ "Klastra", "кластеру", and "ИТ-кластера" too."""
    return any(word_stems(part) & generic for part in WORD.findall(word))


def _is_acronym(word):
    bare = word.strip('«»„”",.:;')
    return 2 <= len(bare) <= 6 and bare.isupper()


def _belongs_to_name(word):
    bare = word.strip('«»„”"')
    if not bare:
        return False
    # Names are capitalised, but Russian adjectives before "кластер" are not.
    return bare[0].isupper() or bool(re.search(r"(?:ий|ый|ой|ая|ое|ские|ный)$", bare))


def _precedes_cluster_word(word):
    """Whether a word before "klaster/кластер" is part of the name: a capitalised word, or a
    Russian adjective in any case ("фармацевтическому кластеру")."""
    bare = word.strip('«»„”"')
    if not bare or bare.lower() in PREPOSITIONS:
        return False
    return bare[0].isupper() or is_russian_adjective(bare)


def choose_label(level, text):
    """The Label of that level; where several bodies award one, the body the text names."""
    if not level:
        return None
    labels = list(Label.objects.filter(level=level).select_related("body"))
    for label in labels:
        body = label.body
        if body.acronym and re.search(rf"\b{re.escape(body.acronym)}\b", text):
            return label
    return labels[0] if labels else None


def find_award(cluster, label, release_date, within_days=366):
    """An award of this label to this cluster near the release date, or None."""
    if cluster is None or cluster.pk is None or label is None:
        return None
    candidates = Award.objects.filter(cluster=cluster, label=label)
    return min(
        (a for a in candidates if abs((a.awarded_on - release_date).days) <= within_days),
        key=lambda a: abs((a.awarded_on - release_date).days),
        default=None,
    )


def level_named_without_award(release):
    """The label level a release's title, lead or body names while it links no award, or
    None: such a release has no award card and is missing from level pages and filters."""
    if any(True for _award in release.awards.all()):
        return None
    for text in (release.title, release.lead, stream_text(release.body)):
        level = level_in(text or "")
        if level:
            return level
    return None
