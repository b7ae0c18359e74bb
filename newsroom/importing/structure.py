"""The shape of a raw release: title, date, lead, body blocks, quotes and boilerplate.

The input is decoded text (plain or Markdown). The output keeps the structure the
author gave it, as (block type, value) pairs for `newsroom.blocks.body_stream_data`.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from newsroom.importing import dates
from newsroom.importing.errors import ReleaseImportError
from newsroom.importing.markup import paragraph_html, strip_markup

MAX_TITLE_LENGTH = 255
SEPARATOR = re.compile(r"^\s*(?:-{2,}|—+|–{2,}|\*{3,}|_{3,}|(?:\*\s*){3,})\s*$")
MARKDOWN_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*•–—▪●]|\d{1,3}[.)])\s+(.+)$")
# The "about the cluster" boilerplate heading, in every form it takes. An introducing
# phrase ("About", "Informacje o", "Справка о") makes any heading one; a bare Polish "O" or
# Russian "О"/"Об" only before a name (a capital or a quote) or a word for the cluster or
# organisation in any case ("klastrze", "кластере", "nas").
ABOUT_INTRO = re.compile(
    r"^(?:(?:a\s+few\s+words\s+|more\s+)?about(?:\s+us)?"
    r"|(?:informacj[ae]|kilka\s+słów|parę\s+słów|słowo)\s+o"
    r"|(?:справка|информация|сведения|коротко|несколько\s+слов)\s+об?)"
    r"(?:\s+(?P<subject>.*?))?\s*$",
    re.IGNORECASE,
)
ABOUT_BARE = re.compile(r"^(?:o|об?)\s+(?P<subject>.+?)\s*$", re.IGNORECASE)
ORGANISATION_WORD = re.compile(
    r"^(?:klast(?:er|r)\w*|\w*cluster\w*|\w*кластер\w*|stowarzysz\w*|ассоциаци\w*|organizac\w*"
    r"|организаци\w*|firm\w*|компани\w*|fundacj\w*|фонд\w*|inicjatyw\w*|партнерств\w*|us|nas|нас)$",
    re.IGNORECASE,
)
# "Note to editors", "Uwaga dla redakcji", "Примечание для редакторов": a label that opens
# the notes to editors, alone on its line or followed by the notes' first paragraph.
EDITORS = (
    r"(?:editors?|the\s+editors?|media|the\s+media|journalists|the\s+press"
    r"|redakcji|redaktorów|redaktora|mediów|dziennikarzy|prasy"
    r"|редакторов|редактора|редакции|редакций|сми|журналистов|прессы)"
)
EDITORS_NOTE_LABEL = "|".join(
    [
        rf"(?:notes?|information|info|background)\s+(?:to|for)\s+{EDITORS}",
        r"editor(?:'s|s'|’s|s’)?\s+notes?",
        rf"(?:uwagi|uwaga|noty|nota|notka|notatka|informacje|informacja|wiadomość)\s+dla\s+{EDITORS}",
        r"nota\s+redakcyjna",
        rf"(?:примечания|примечание|информация|справка|заметка|сведения)\s+(?:для\s+)?{EDITORS}",
        rf"(?:for|dla|для|к\s+сведению)\s+{EDITORS}",
    ]
)
# Single words that open notes only when a colon follows or they stand alone on the line:
# "Notes from the meeting…" and "Uwagi audytorów…" are paragraphs.
BARE_NOTE_LABEL = r"notes?|uwagi|uwaga|nota|notka|notatka|примечания|примечание|справка"
EMPHASIS = r"(?:\*\*|__|\*|_)?"
EDITORS_NOTE = re.compile(
    rf"^{EMPHASIS}(?:(?P<label>{EDITORS_NOTE_LABEL})|(?P<bare>{BARE_NOTE_LABEL}))(?!\w)"
    rf"(?P<separator>{EMPHASIS}\s*(?:[:：]|[-–—](?=\s))?{EMPHASIS})\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
SENTENCE_END = re.compile(r"[.!?:;,…\"”»)]$")
WORD = re.compile(r"\w+", re.UNICODE)

OPENING_QUOTES = '„“"«‘‚'
CLOSING_QUOTES = '”“"»’‘'
SPEECH_VERBS = (
    r"said|says|stated|states|added|adds|noted|notes|commented|comments|explained|explains|"
    r"emphasi[sz]ed|emphasi[sz]es|stressed|stresses|underlined|remarked|declared|"
    r"powiedział[a]?|mówi|dodał[a]?|dodaje|podkreślił[a]?|podkreśla|zaznaczył[a]?|zaznacza|"
    r"stwierdził[a]?|stwierdza|wyjaśnił[a]?|wyjaśnia|komentuje|skomentował[a]?|"
    r"сказал[а]?|говорит|отметил[а]?|отмечает|заявил[а]?|заявляет|подчеркнул[а]?|"
    r"подчеркивает|подчёркивает|добавил[а]?|добавляет|пояснил[а]?|поясняет|"
    r"прокомментировал[а]?|считает"
)
# Name, Role, said: “…”.
QUOTE_AFTER_ATTRIBUTION = re.compile(
    rf"^(?P<attribution>[^{OPENING_QUOTES}]{{3,300}}?),?\s+(?:{SPEECH_VERBS})\s*[:,]?\s*"
    rf"[{OPENING_QUOTES}](?P<text>.+)[{CLOSING_QUOTES}]\s*[.!]?$",
    re.IGNORECASE | re.DOTALL,
)
# “…,” said Name, Role.  /  „…” – mówi Name, Role.  /  «…», — сказал Name, Role.
QUOTE_BEFORE_ATTRIBUTION = re.compile(
    rf"^[{OPENING_QUOTES}](?P<text>.+)[{CLOSING_QUOTES}]\s*[,.]?\s*[-–—]*\s*"
    rf"(?:(?:{SPEECH_VERBS})\s+(?P<attribution>[^{OPENING_QUOTES}]{{3,300}}?)"
    rf"|(?P<attribution_first>[^{OPENING_QUOTES}]{{3,300}}?),?\s+(?:{SPEECH_VERBS}))\s*[.!]?$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class Quote:
    text: str
    speaker: str
    role: str


@dataclass
class ParsedRelease:
    title: str
    date: datetime.date
    lead: str
    blocks: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    list_items: int = 0
    boilerplate: str = ""
    plain_text: str = ""

    @property
    def headline_text(self):
        """What facts are looked for first: the title and the lead."""
        return f"{self.title}\n{self.lead}"


def clean_line(line):
    return line.strip().strip("\ufeff")


def is_heading_like(line):
    """A short line without closing punctuation reads as a heading in plain text."""
    words = line.split()
    return (
        0 < len(words) <= 12
        and len(line) <= 90
        and not SENTENCE_END.search(line)
        and line[0].isupper()
        and not LIST_ITEM.match(line)
    )


def editors_note(text):
    """The notes-to-editors label that opens `text` and the text that follows it, or None.

    "Uwaga dla redakcji: zdjęcia na prośbę." gives ("Uwaga dla redakcji", "zdjęcia na
    prośbę."); a label alone on its line gives (label, "").
    """
    match = EDITORS_NOTE.match(text.strip())
    if not match:
        return None
    label = " ".join((match.group("label") or match.group("bare")).split())
    rest = match.group("rest").strip()
    # Without a colon a label still opens the notes when a sentence starts after it
    # ("Nota dla redakcji Klaster powstał…"), but "Informacja dla mediów jest…" is a
    # paragraph, and a bare "Note" needs its colon.
    unmarked = rest and not re.search(r"[:：\-–—]", match.group("separator"))
    if unmarked and (match.group("bare") or not (rest[0].isupper() or rest[0].isdigit())):
        return None
    return label, rest


def names_the_organisation(subject):
    """Whether what an "O …"/"О …" heading is about is a name or the cluster itself."""
    subject = re.sub(r"^(?:the|our)\s+", "", subject, flags=re.IGNORECASE)
    words = WORD.findall(subject)
    if not words:
        return False
    return (
        subject[0].isupper()
        or subject[0] in OPENING_QUOTES
        or any(ORGANISATION_WORD.match(word) for word in words[:2])
    )


def is_about_heading(text):
    """Whether a heading opens the "about the cluster" boilerplate, whatever form the
    cluster's name takes: "About the X Cluster", "About X", "O Klastrze X", "O klastrze",
    "Informacje o klastrze X", "О кластере X", "Об ассоциации", "Справка о кластере"."""
    text = strip_markup(text).strip().rstrip(":：").strip()
    intro = ABOUT_INTRO.match(text)
    if intro:
        subject = intro.group("subject") or ""
        if text[:5].lower() == "about":
            return not subject[:1].isdigit()  # "About 70 companies…" is a sentence
        return names_the_organisation(subject)
    bare = ABOUT_BARE.match(text)
    return bool(bare) and names_the_organisation(bare.group("subject"))


def reads_as_about_heading(line):
    """A plain-text line that is an "about" heading; it may end with a quoted name
    ("О кластере «Мазовецкий ИТ»"), which a heading otherwise may not."""
    return (
        len(line.split()) <= 12
        and len(line) <= 120
        and not re.search(r"[.!?;,…]$", line)
        and is_about_heading(line)
    )


def about_label(text):
    """ "About the cluster: text" or "O klastrze:" as (heading, text after it), or None.

    Before a colon "About" must name the cluster: "About the audit: …" is a paragraph.
    """
    head, colon, rest = text.partition(":")
    head = strip_markup(head).strip()
    if not colon or not head or len(head.split()) > 10 or not is_about_heading(head):
        return None
    intro = ABOUT_INTRO.match(head)
    if (
        intro
        and head[:5].lower() == "about"
        and not names_the_organisation(intro.group("subject") or "us")
    ):
        return None
    return head, rest.strip()


def split_chunks(lines):
    """Groups of consecutive non-empty lines; a hard-wrapped paragraph is joined again."""
    chunks, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            chunks.append(current)
            current = []
    return chunks


def is_hard_wrapped(chunk):
    """Lines broken at a fixed width belong to one paragraph; long lines are paragraphs each."""
    if len(chunk) < 2 or any(
        LIST_ITEM.match(line) or MARKDOWN_HEADING.match(line) for line in chunk
    ):
        return False
    return max(len(line) for line in chunk[:-1]) <= 100 and any(
        not SENTENCE_END.search(line.strip()) for line in chunk[:-1]
    )


def logical_lines(lines):
    """Each paragraph, heading, list item or separator on one line, with blank-line breaks."""
    result = []
    for chunk in split_chunks(lines):
        if is_hard_wrapped(chunk):
            result.append(" ".join(line.strip() for line in chunk))
        else:
            result.extend(line.strip() for line in chunk)
        result.append("")
    return result


def split_attribution(attribution):
    attribution = strip_markup(attribution).strip(" ,–—-")
    speaker, _comma, role = attribution.partition(",")
    return speaker.strip(), role.strip(" ,")


def parse_quote(paragraph):
    """A paragraph that is one attributed quotation, as a Quote; else None."""
    for pattern in (QUOTE_AFTER_ATTRIBUTION, QUOTE_BEFORE_ATTRIBUTION):
        match = pattern.match(paragraph)
        if not match:
            continue
        attribution = match.groupdict().get("attribution") or match.groupdict().get(
            "attribution_first"
        )
        speaker, role = split_attribution(attribution or "")
        text = strip_markup(match.group("text")).strip().rstrip(",")
        # A speaker is a name: a few words, not a clause.
        if speaker and len(speaker.split()) <= 6 and text:
            return Quote(text=text, speaker=speaker, role=role)
    return None


def title_and_date(lines):
    """The title (first line or # heading) and the release date, with the lines that remain."""
    nonempty = [i for i, line in enumerate(lines) if clean_line(line)]
    if not nonempty:
        raise ReleaseImportError(_("The file has no text."))
    date_found = dates.find_date_line([lines[i] for i in nonempty])
    date_index = nonempty[date_found[0]] if date_found else None
    title_index = next((i for i in nonempty if i != date_index), None)
    if title_index is None:
        raise ReleaseImportError(_("The release has no title: put it on the first line."))
    heading = MARKDOWN_HEADING.match(lines[title_index])
    title = strip_markup(heading.group(2) if heading else clean_line(lines[title_index]))
    title = re.sub(r"^(?:title|tytuł|заголовок)\s*:\s*", "", title, flags=re.IGNORECASE).strip()
    if not title:
        raise ReleaseImportError(_("The release has no title: put it on the first line."))
    if len(title) > MAX_TITLE_LENGTH:
        raise ReleaseImportError(
            _("The first line is too long for a title (%(length)d characters; at most 255).")
            % {"length": len(title)}
        )
    rest = [line for i, line in enumerate(lines) if i not in (title_index, date_index)]
    return title, (date_found[1] if date_found else None), rest


class BodyBuilder:
    """Walks logical lines and collects blocks, switching to note or boilerplate mode."""

    def __init__(self):
        self.blocks, self.quotes = [], []
        self.list_items = 0
        self.pending_list = []
        self.note = None  # {"heading": str, "paragraphs": []}
        self.boilerplate = None  # {"heading": str, "paragraphs": []}
        self.last_note_text = ""

    def flush_list(self):
        if self.pending_list:
            target = self.boilerplate or self.note
            if target is not None:
                target["paragraphs"].extend(self.pending_list)
            else:
                self.blocks.append(("list", self.pending_list))
                self.list_items += len(self.pending_list)
            self.pending_list = []

    def flush_note(self):
        if self.note and self.note["paragraphs"]:
            self.last_note_text = "\n\n".join(strip_markup(p) for p in self.note["paragraphs"])
            self.blocks.append(
                (
                    "note",
                    {
                        "heading": self.note["heading"],
                        "text": paragraph_html(self.note["paragraphs"]),
                    },
                )
            )
        self.note = None

    def start_boilerplate(self, heading=""):
        self.flush_list()
        self.flush_note()
        if self.boilerplate is None:
            self.boilerplate = {"heading": heading, "paragraphs": []}
        elif heading and not self.boilerplate["heading"]:
            self.boilerplate["heading"] = heading

    def start_note(self, heading, first_paragraph=""):
        self.flush_list()
        self.flush_note()
        self.note = {"heading": heading, "paragraphs": [first_paragraph] if first_paragraph else []}

    def add_heading(self, text):
        self.flush_list()
        if is_about_heading(text):
            self.start_boilerplate(text.rstrip(":：").strip())
            return
        note = editors_note(text)
        if note:
            self.start_note(*note)
            return
        if self.boilerplate is not None:
            self.boilerplate["paragraphs"].append(text)
            return
        self.flush_note()
        self.blocks.append(("heading", text))

    def add_paragraph(self, text, next_line):
        self.flush_list()
        # Labels first: "Uwaga dla redakcji: …" opens the notes with its own text, and an
        # "About …" heading ends them (notes usually come just before the boilerplate).
        note = editors_note(text)
        if note:
            self.start_note(*note)
            return
        about = about_label(text)
        if about or (next_line and reads_as_about_heading(text)):
            heading, first_paragraph = about or (text, "")
            self.start_boilerplate(heading)
            if first_paragraph:
                self.boilerplate["paragraphs"].append(first_paragraph)
            return
        if self.note is not None:
            self.note["paragraphs"].append(text)
            return
        if self.boilerplate is not None:
            self.boilerplate["paragraphs"].append(text)
            return
        if next_line and is_heading_like(text):
            self.add_heading(text)
            return
        quote = parse_quote(text)
        if quote:
            self.quotes.append(quote)
            self.blocks.append(
                ("quote", {"text": quote.text, "speaker": quote.speaker, "role": quote.role})
            )
        else:
            self.blocks.append(("paragraph", paragraph_html([text])))

    def finish(self):
        self.flush_list()
        self.flush_note()
        boilerplate_text = ""
        if self.boilerplate and self.boilerplate["paragraphs"]:
            paragraphs = self.boilerplate["paragraphs"]
            self.blocks.append(
                (
                    "about_cluster",
                    {"heading": self.boilerplate["heading"], "text": paragraph_html(paragraphs)},
                )
            )
            boilerplate_text = "\n\n".join(strip_markup(p) for p in paragraphs)
        elif self.blocks and self.blocks[-1][0] == "note":
            # A closing "Note:" section is the release's boilerplate when no "About" block follows.
            boilerplate_text = self.last_note_text
        return boilerplate_text


def parse_release_text(text):
    """Parse decoded release text into a ParsedRelease; ReleaseImportError says what is missing."""
    lines = text.split("\n")
    title, release_date, rest = title_and_date(lines)
    flat = logical_lines(rest)
    builder = BodyBuilder()
    lead = ""
    for index, line in enumerate(flat):
        if not line:
            continue
        upcoming = next((later for later in flat[index + 1 :] if later), None)
        if SEPARATOR.match(line):
            builder.start_boilerplate()
            continue
        heading = MARKDOWN_HEADING.match(line)
        if heading:
            builder.add_heading(strip_markup(heading.group(2)))
            continue
        item = LIST_ITEM.match(line)
        if item:
            builder.pending_list.append(strip_markup(item.group(1)).strip())
            continue
        opens_body = not builder.blocks and builder.note is None and builder.boilerplate is None
        if not lead and opens_body and not (upcoming and is_heading_like(line)):
            lead = strip_markup(line)
            continue
        builder.add_paragraph(line, upcoming)
    boilerplate = builder.finish()
    if not lead:
        raise ReleaseImportError(_("The release has no text after its title and date."))
    plain_text = "\n".join(strip_markup(line) for line in [title, *flat] if line)
    if release_date is None:
        release_date = dates.find_date_in_text(lead) or dates.find_date_in_text(plain_text)
    if release_date is None:
        raise ReleaseImportError(
            _(
                "The release has no date: add a line such as “2021-06-17” or “17 June 2021” "
                "under the title."
            )
        )
    return ParsedRelease(
        title=title,
        date=release_date,
        lead=lead,
        blocks=builder.blocks,
        quotes=builder.quotes,
        list_items=builder.list_items,
        boilerplate=boilerplate,
        plain_text=plain_text,
    )
