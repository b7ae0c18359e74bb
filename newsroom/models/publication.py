"""Record texts waiting for publication, and publishing one language's texts of a record.

A live record (an award, with `DraftStateMixin`) edited in the admin keeps its public row
as it was; the edit waits in its latest revision until someone publishes it. A translator
who translates a live award into Russian therefore writes a draft. That draft is what the
Russian reviewer must see, and approving the Russian release is what makes it public: the
reviewer has read it beside the page (newsroom.translating.review). Changes of other
languages or of the facts in the same draft stay waiting for their own publication.
"""

from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin

from newsroom.models.stamps import localized_field_names, translated_fields

# Publication bookkeeping, not content: never compared or copied between versions.
_STATE_FIELDS = {
    field.attname
    for mixin in (DraftStateMixin, RevisionMixin, LockableMixin)
    for field in mixin._meta.fields
} | {"translation_stamps"}


def has_pending_changes(record):
    return bool(
        getattr(record, "live", False)
        and getattr(record, "has_unpublished_changes", False)
        and getattr(record, "latest_revision_id", None)
    )


def pending_version(record):
    """`record` as it will read once its unpublished changes go live: its latest revision
    for a live record with a draft, else the record itself (a draft record's row already
    holds its latest text). No query when `latest_revision` was fetched with the record."""
    if not has_pending_changes(record):
        return record
    return record.with_content_json(record.latest_revision.content)


def _content_fields(model):
    # Without the untranslated columns (name, …) behind django-modeltranslation's fields:
    # they read as the active language's variant, and their variants are compared instead.
    skipped = _STATE_FIELDS | set(translated_fields(model))
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.attname not in skipped and not field.primary_key
    ]


def _same(value, other):
    # Forms save "" where the column held NULL: neither is a change.
    return value == other or (value in (None, "") and other in (None, ""))


def publish_texts_in(record, language_code, user=None):
    """Make `record`'s waiting texts in `language_code` public; True when some were.

    When the waiting revision changes nothing else, it is published as a whole (logged,
    `live_revision` set, as the admin's Publish does); otherwise only that language's
    fields are written to the public row and the rest keeps waiting.
    """
    if not has_pending_changes(record):
        return False
    revision = record.latest_revision
    draft = record.with_content_json(revision.content)
    ours = set(localized_field_names(type(record), language_code))
    differing = {
        name
        for name in _content_fields(type(record))
        if not _same(getattr(draft, name), getattr(record, name))
    }
    if not differing & ours:
        return False
    if differing <= ours:
        revision.publish(user=user, skip_permission_checks=True)
        return True
    changed = sorted(differing & ours)
    for name in changed:
        setattr(record, name, getattr(draft, name))
    record.save(update_fields=changed)
    return True
