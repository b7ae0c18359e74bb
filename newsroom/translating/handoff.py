"""Hand-off of a release's translation to translators who work outside the admin.

A wagtail-localize `Translation` is exported as PO (wagtail-localize's own export) or as
XLIFF 1.2 (written by translate-toolkit) and imported back. Both formats carry the
translation's UUID, so a file can only ever be imported into the translation it was made
for. An import is all or nothing: the whole file is checked against the current source
before anything is written, and it only ever saves a draft of the translated page, because
publishing a translation goes through review.
"""

import os
import tempfile
import uuid
from dataclasses import dataclass

import polib
from lxml import etree
from translate.storage import xliff

from django.core.exceptions import ValidationError
from django.db import DataError, transaction
from django.db.models import Max
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from wagtail import blocks
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
)
from wagtail_localize.strings import StringValue, validate_translation_links

from newsroom.formatting import language_name
from newsroom.slugs import ascii_slug

PO = "po"
XLIFF = "xliff"
ACCEPTED_EXTENSIONS = {".po", ".xlf", ".xliff"}
CONTENT_TYPES = {PO: "text/x-gettext-translation", XLIFF: "application/x-xliff+xml"}

XLIFF_12_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
# Where an XLIFF unit keeps its wagtail-localize context path (a PO file's msgctxt);
# XLIFF 1.2 reserves "x-" names for tool-specific context types.
CONTEXT_GROUP = "x-wagtail-localize"
CONTEXT_TYPE = "x-context-path"
# Recorded on the StringTranslations an import writes, which is how the hand-off page
# finds the last import without a table of its own.
TOOL_NAME = "Newsroom hand-off"


class HandoffRefused(Exception):
    """An uploaded file that cannot be imported.

    `message` says why, for the translator; `code` names the reason for code and tests,
    whatever the interface language.
    """

    def __init__(self, message, code, details=()):
        super().__init__(message)
        self.message = message
        self.code = code
        # One line per faulty text, when the file is refused for what it says.
        self.details = list(details)

    def __str__(self):
        return " ".join([self.message, *self.details])


@dataclass(frozen=True)
class HandoffEntry:
    context: str
    source: str
    target: str


@dataclass(frozen=True)
class HandoffFile:
    file_format: str
    translation_id: str
    language: str
    entries: list


@dataclass(frozen=True)
class ImportResult:
    imported: int
    file_format: str
    page: object


class Xliff12Unit(xliff.xliffunit):
    namespace = XLIFF_12_NAMESPACE


class Xliff12File(xliff.xlifffile):
    """translate-toolkit's XLIFF store, started as a 1.2 document rather than its default 1.1."""

    UnitClass = Xliff12Unit
    namespace = XLIFF_12_NAMESPACE
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{XLIFF_12_NAMESPACE}'>
<file original='NoName' source-language='en' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""


def translation_urn(translation):
    return f"urn:uuid:{translation.uuid}"


def export_filename(translation, file_format):
    """`<source release slug>-<target language>.po` or `.xlf`."""
    source = translation.source.get_source_instance()
    slug = ascii_slug(source.slug, source.locale.language_code) or "release"
    extension = "xlf" if file_format == XLIFF else "po"
    return f"{slug}-{translation.target_locale.language_code}.{extension}"


def _export_po_file(translation):
    po = translation.export_po()
    # wagtail-localize leaves the languages out; translators' tools (and our import) use them.
    po.metadata["Language"] = translation.target_locale.language_code
    po.metadata["X-Source-Language"] = translation.source.locale.language_code
    return po


def export_po(translation):
    return str(_export_po_file(translation)).encode("utf-8")


def export_xliff(translation):
    po = _export_po_file(translation)
    store = Xliff12File(
        sourcelanguage=translation.source.locale.language_code,
        targetlanguage=translation.target_locale.language_code,
    )
    original = translation_urn(translation)
    # Obsolete entries are only reference material in a PO file; XLIFF has no place for them.
    for entry in (entry for entry in po if not entry.obsolete):
        unit = store.addsourceunit(entry.msgid, filename=original, createifmissing=True)
        unit.createcontextgroup(CONTEXT_GROUP, [(CONTEXT_TYPE, entry.msgctxt)])
        if entry.msgstr:
            unit.target = entry.msgstr
            unit.markfuzzy(False)
        else:
            unit.markapproved(False)
    return bytes(store)


def _language_subtag(code):
    """The language alone: tools write Russian as "ru", "ru-RU" or "ru_RU"."""
    return (code or "").replace("_", "-").split("-")[0].lower()


def detect_format(filename, content):
    extension = os.path.splitext(filename or "")[1].lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise HandoffRefused(
            _("Upload a PO (.po) or XLIFF (.xlf, .xliff) file exported from this page."),
            code="wrong_type",
        )
    # The content decides, since tools save XLIFF under either extension.
    looks_like_xml = content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    return XLIFF if looks_like_xml else PO


def _parse_po(content):
    # polib treats a string that names an existing file as that file's path, so an upload
    # is only ever handed over as a file of its own, never as a string.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as upload:
        upload.write(content)
    try:
        po = polib.pofile(upload.name)
    except (OSError, UnicodeError, ValueError, LookupError) as error:
        raise HandoffRefused(_("This is not a valid PO file."), code="broken") from error
    finally:
        os.unlink(upload.name)
    entries = [
        HandoffEntry(context=entry.msgctxt or "", source=entry.msgid, target=entry.msgstr)
        for entry in po
        if not entry.obsolete
    ]
    return HandoffFile(
        file_format=PO,
        translation_id=po.metadata.get(TRANSLATION_ID_HEADER, ""),
        language=po.metadata.get("Language", ""),
        entries=entries,
    )


def _unit_context(unit):
    for group in unit.getcontextgroups(CONTEXT_GROUP):
        for context_type, text in group:
            if context_type == CONTEXT_TYPE:
                return text
    return ""


def _parse_xliff(content):
    try:
        store = Xliff12File.parsestring(content)
    except (etree.LxmlError, ValueError, AssertionError, StopIteration, UnicodeError) as error:
        raise HandoffRefused(_("This is not a valid XLIFF 1.2 file."), code="broken") from error
    if not store.namespace.startswith("urn:oasis:names:tc:xliff:document:1."):
        raise HandoffRefused(_("This is not a valid XLIFF 1.2 file."), code="broken")
    file_nodes = list(store.document.getroot().iterchildren(store.namespaced("file")))
    if len(file_nodes) != 1:
        raise HandoffRefused(
            _("The XLIFF file must describe exactly one release translation."), code="broken"
        )
    original = file_nodes[0].get("original") or ""
    entries = [
        HandoffEntry(
            context=_unit_context(unit),
            source=str(unit.source or ""),
            target=str(unit.target or ""),
        )
        for unit in store.units
        if not unit.isheader()
    ]
    return HandoffFile(
        file_format=XLIFF,
        translation_id=original.removeprefix("urn:uuid:"),
        language=file_nodes[0].get("target-language") or "",
        entries=entries,
    )


def parse_file(filename, content):
    if not content.strip():
        raise HandoffRefused(_("The file is empty."), code="empty")
    file_format = detect_format(filename, content)
    return _parse_xliff(content) if file_format == XLIFF else _parse_po(content)


def _language_name(locale):
    return language_name(locale.language_code, get_language(), in_sentence=True)


def _check_identity(translation, handoff_file):
    if handoff_file.translation_id == str(translation.uuid):
        return
    other = (
        Translation.objects.filter(uuid=handoff_file.translation_id)
        .select_related("source", "target_locale")
        .first()
        if _is_uuid(handoff_file.translation_id)
        else None
    )
    if other is None:
        raise HandoffRefused(
            _("This file was not exported for this translation. Download a new file here."),
            code="other_translation",
        )
    if other.source_id == translation.source_id:
        raise HandoffRefused(
            _(
                "This file is for the %(file_language)s translation of this release, "
                "not the %(language)s one."
            )
            % {
                "file_language": _language_name(other.target_locale),
                "language": _language_name(translation.target_locale),
            },
            code="other_language",
        )
    raise HandoffRefused(
        _("This file belongs to another release: “%(release)s”.")
        % {"release": other.source.object_repr},
        code="other_release",
    )


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _check_language(translation, handoff_file):
    target = translation.target_locale
    if handoff_file.language and _language_subtag(handoff_file.language) != _language_subtag(
        target.language_code
    ):
        raise HandoffRefused(
            _("This file is a translation into “%(file_language)s”, not %(language)s.")
            % {"file_language": handoff_file.language, "language": _language_name(target)},
            code="other_language",
        )


def _source_segments(translation):
    """{(context path, source text): field path} of the source as it is now."""
    return {
        (context, source): field_path
        for context, source, field_path in StringSegment.objects.filter(
            source=translation.source
        ).values_list("context__path", "string__data", "context__field_path")
    }


def _check_source_unchanged(segments, handoff_file):
    stale = [
        entry for entry in handoff_file.entries if (entry.context, entry.source) not in segments
    ]
    if stale:
        raise HandoffRefused(
            ngettext(
                "The release has changed since this file was exported: %(count)d of its texts "
                "is no longer in the release. Download a new file and translate that one.",
                "The release has changed since this file was exported: %(count)d of its texts "
                "are no longer in the release. Download a new file and translate that one.",
                len(stale),
            )
            % {"count": len(stale)},
            code="source_changed",
        )


def _max_length(model, field_path):
    """The most characters the field (or StreamField block) at `field_path` holds, or None."""
    names = (field_path or "").split(".")
    try:
        field = model._meta.get_field(names[0])
    except LookupError:
        return None
    if not isinstance(field, StreamField):
        return getattr(field, "max_length", None) if len(names) == 1 else None
    block = field.stream_block
    for name in names[1:]:
        if isinstance(block, blocks.ListBlock):
            block = block.child_block
        else:
            block = getattr(block, "child_blocks", {}).get(name)
        if block is None:
            return None
    return getattr(getattr(block, "field", None), "max_length", None)


def segment_error(source, target, max_length=None):
    """Why wagtail-localize would not use `target` as the translation of `source`, or None.

    wagtail-localize stores such a translation flagged `has_error` and builds the page with
    the source's text instead; its rules (only inline tags without attributes, links only
    those of the source) are asked here before anything is stored. A field's length is
    checked too: wagtail-localize only finds an overlong text when the page is saved.
    """
    try:
        StringValue.from_translated_html(target)
        validate_translation_links(source, target)
    except ValueError as error:
        return str(error.args[0])
    if max_length is not None and len(target) > max_length:
        return ngettext(
            "It is %(length)d characters long; the field holds at most %(limit)d character.",
            "It is %(length)d characters long; the field holds at most %(limit)d characters.",
            max_length,
        ) % {"length": len(target), "limit": max_length}
    return None


def _excerpt(text, limit=60):
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _segment_refusal(problems):
    return HandoffRefused(
        ngettext(
            "Nothing was imported: %(count)d translated text in the file has an error. "
            "Correct it and upload the file again.",
            "Nothing was imported: %(count)d translated texts in the file have errors. "
            "Correct them and upload the file again.",
            len(problems),
        )
        % {"count": len(problems)},
        code="segment_errors",
        details=[
            _("“%(source)s”: %(reason)s") % {"source": _excerpt(entry.source), "reason": reason}
            for entry, reason in problems
        ],
    )


def _check_segments(translation, segments, entries):
    """Every translated text is one wagtail-localize would use: else the whole file is refused."""
    model = translation.source.specific_content_type.model_class()
    problems = []
    for entry in entries:
        field_path = segments.get((entry.context, entry.source))
        reason = segment_error(entry.source, entry.target, _max_length(model, field_path))
        if reason:
            problems.append((entry, reason))
    if problems:
        raise _segment_refusal(problems)


def _check_stored_without_error(translation, entries):
    """What wagtail-localize flagged while storing (a rule it may add later) refuses the file."""
    by_context = {entry.context: entry for entry in entries}
    flagged = StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        context__path__in=list(by_context),
        has_error=True,
    ).select_related("context", "translation_of")
    problems = [
        (by_context[flag.context.path], flag.get_error() or _("wagtail-localize refused it."))
        for flag in flagged
    ]
    if problems:
        raise _segment_refusal(problems)


def _as_po(translation, entries):
    po = polib.POFile()
    po.metadata = {TRANSLATION_ID_HEADER: str(translation.uuid)}
    for entry in entries:
        po.append(polib.POEntry(msgctxt=entry.context, msgid=entry.source, msgstr=entry.target))
    return po


def import_file(translation, filename, content, user=None):
    """Import a PO or XLIFF file into `translation` and save a draft of the translated page.

    Raises HandoffRefused, having changed nothing, when the file does not fit.
    """
    handoff_file = parse_file(filename, content)
    _check_identity(translation, handoff_file)
    _check_language(translation, handoff_file)
    if not translation.enabled:
        raise HandoffRefused(
            _("This translation is no longer kept in sync with its source."), code="disabled"
        )
    segments = _source_segments(translation)
    _check_source_unchanged(segments, handoff_file)
    translated = [entry for entry in handoff_file.entries if entry.target.strip()]
    if not translated:
        raise HandoffRefused(_("The file contains no translations."), code="nothing_translated")
    _check_segments(translation, segments, translated)

    try:
        with transaction.atomic():
            # Both formats go through wagtail-localize's own PO import, so its rules for
            # storing a translated string apply to XLIFF too.
            warnings = translation.import_po(
                _as_po(translation, translated),
                user=user,
                tool_name=f"{TOOL_NAME} ({handoff_file.file_format.upper()})",
            )
            if warnings:
                raise HandoffRefused(
                    _("The release has changed since this file was exported. Download a new file."),
                    code="source_changed",
                )
            _check_stored_without_error(translation, translated)
            page = save_draft(translation, user)
    except DataError as error:
        # PostgreSQL refuses an overlong value as soon as it is written (wagtail-localize
        # copies a translated title into the page's draft_title); SQLite lets it through
        # to the page's validation, which save_draft reports the same way.
        raise HandoffRefused(
            _("The translated page is not valid: %(errors)s")
            % {"errors": _("a translated text is longer than its field allows")},
            code="invalid_page",
        ) from error
    return ImportResult(
        imported=len(translated),
        file_format=handoff_file.file_format,
        page=page,
    )


def save_draft(translation, user=None):
    """Save the translated page as a new draft revision, leaving what readers see untouched.

    `Translation.save_target(publish=False)` also writes the translated texts into the page's
    row, which is what Wagtail serves, so on a live page it would publish them unreviewed
    (wagtail-localize issue #655). Saving only a revision is what the editor's "Save draft"
    does.
    """
    source = translation.source
    page = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    # As save_target does: a translated slug is made valid and unique rather than refused;
    # one still the source's gets the page's own (models/page_slugs.py, when it is saved).
    language = translation.target_locale.language_code
    page.slug = find_available_slug(
        page.get_parent(), ascii_slug(page.slug, language), ignore_page_id=page.id
    )
    try:
        revision = page.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise HandoffRefused(
            _("The translated page is not valid: %(errors)s")
            % {"errors": "; ".join(error.messages)},
            code="invalid_page",
        ) from error
    TranslationLog.objects.create(
        source=source, locale=translation.target_locale, revision=revision
    )
    return page


def last_import_at(translation):
    """When an imported file last changed a text of this translation, or None."""
    return StringTranslation.objects.filter(
        context__object_id=translation.source.object_id,
        locale=translation.target_locale,
        tool_name__startswith=TOOL_NAME,
    ).aggregate(latest=Max("updated_at"))["latest"]
