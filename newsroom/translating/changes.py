"""What changed in a page's texts since it was submitted for translation.

wagtail-localize freezes a page's strings in a TranslationSource when translation is
requested; translators work from those. Comparing them with the strings of the page as
it is now tells a translator what to revisit once the source is published again. The
outdated-translation emails list these changes, and the admin shows the same list.
"""

import difflib
from collections import defaultdict
from typing import NamedTuple

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from newsroom.translating.choices import ChangeKind


class SegmentChange(NamedTuple):
    """One source string that differs: `old_text` is None when added, `new_text` when removed.

    `path` is wagtail-localize's content path ("title", "body.<block id>.text"), the key
    its translations are stored under; `field_path()` turns it into one people can read.
    """

    kind: str
    path: str
    old_text: str | None
    new_text: str | None


def _texts_by_path(pairs):
    """{path: [plain text, …]} in page order; a rich text block holds several strings."""
    texts = defaultdict(list)
    for path, data in pairs:
        texts[path].append(StringValue(data).render_text())
    return texts


def changed_segments(translation_source, instance=None):
    """[SegmentChange, …]: strings of `instance` (by default the source object as it is
    in the database now) that differ from those frozen in `translation_source`.

    Strings pair up by path; within one path (the paragraphs of one rich text block)
    they are aligned as a diff, so an inserted paragraph shows as added rather than
    as every following paragraph changed. Changes come in the page's current order,
    removed strings whose block is gone last.
    """
    if instance is None:
        instance = translation_source.get_source_instance()
    old = _texts_by_path(
        translation_source.stringsegment_set.order_by("order").values_list(
            "context__path", "string__data"
        )
    )
    new = _texts_by_path(
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    )
    changes = []
    for path in dict.fromkeys([*new, *old]):
        old_texts, new_texts = old.get(path, []), new.get(path, [])
        matcher = difflib.SequenceMatcher(a=old_texts, b=new_texts, autojunk=False)
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if tag == "equal":
                continue
            replaced = old_texts[old_start:old_end]
            replacing = new_texts[new_start:new_end]
            for old_text, new_text in zip(replaced, replacing, strict=False):
                changes.append(SegmentChange(ChangeKind.CHANGED, path, old_text, new_text))
            for old_text in replaced[len(replacing) :]:
                changes.append(SegmentChange(ChangeKind.REMOVED, path, old_text, None))
            for new_text in replacing[len(replaced) :]:
                changes.append(SegmentChange(ChangeKind.ADDED, path, None, new_text))
    return changes


def changes_to_revisit(translation):
    """(kind, field as editors name it, old text, new text) for each string of the source
    that changed since `translation` was last synced: what its translator has to revisit.
    """
    source_page = translation.source.get_source_instance()
    return [
        (change.kind, field_label(source_page, change.path), change.old_text, change.new_text)
        for change in changed_segments(translation.source, source_page)
    ]


def follow_latest_source(translation):
    """Translate from the source as it is now: the changed strings become untranslated."""
    translation.source.update_from_db()


def field_label(instance, path):
    """A content path as editors name it, in the active language: "Body › List › Item".

    Falls back to `field_path` when `instance` no longer has that block.
    """
    field_name, *components = path.split(".")
    try:
        field = instance._meta.get_field(field_name)
    except FieldDoesNotExist:
        return path
    labels = [capfirst(str(field.verbose_name))]
    value = getattr(instance, field_name, None)
    for component in components:
        if isinstance(value, StreamValue):
            child = next((block for block in value if block.id == component), None)
        elif isinstance(value, ListValue):
            child = next((item for item in value.bound_blocks if item.id == component), None)
        elif isinstance(value, StructValue) and component in value.block.child_blocks:
            labels.append(str(value.block.child_blocks[component].label))
            value = value.get(component)
            continue
        else:
            child = None
        if child is None:
            return field_path(instance, path)
        labels.append(str(child.block.label))
        value = child.value
    return " › ".join(labels)


def field_path(instance, path):
    """A content path by field and block types: "body.<id>.text" -> "body.note.text".

    Returns `path` itself when `instance` no longer has that block.
    """
    field_name, *components = path.split(".")
    value = getattr(instance, field_name, None)
    readable = [field_name]
    for component in components:
        if isinstance(value, StreamValue):
            block = next((block for block in value if block.id == component), None)
            if block is None:
                return path
            readable.append(block.block_type)
            value = block.value
        elif isinstance(value, ListValue):
            item = next((item for item in value.bound_blocks if item.id == component), None)
            if item is None:
                return path
            readable.append("item")
            value = item.value
        elif isinstance(value, StructValue):
            readable.append(component)
            value = value.get(component)
        else:
            return path
    return ".".join(readable)
