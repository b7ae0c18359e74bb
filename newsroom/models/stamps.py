"""When each translated field of a record last changed, so stale translations can be found.

Records are translated field by field with django-modeltranslation (name_pl, name_en, …).
A record stamps a language variant of a field whenever its text changes; translators
compare a variant's stamp with the source language's (see newsroom.translating.records).
"""

from datetime import UTC, datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from newsroom.languages import record_languages


def translated_fields(model):
    """Names of the model's translated fields, in the model's field order; () if none."""
    try:
        registered = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return ()
    return tuple(field.name for field in model._meta.fields if field.name in registered)


def localized_field_names(model, language_code=None):
    """name_pl, name_en, … for every translated field (of one language when one is given)."""
    codes = record_languages() if language_code is None else (language_code,)
    return [
        build_localized_fieldname(field, code)
        for field in translated_fields(model)
        for code in codes
    ]


def has_text(value):
    # The same test as has_text_q, so the listing filter and the panels agree.
    return value is not None and value != ""


def has_text_q(field_name):
    return Q(**{f"{field_name}__isnull": False}) & ~Q(**{field_name: ""})


def now_stamp():
    # Fixed width, always in UTC: stamps then compare correctly as plain strings, which
    # is what the listing filter does in the database.
    return timezone.now().astimezone(UTC).isoformat(timespec="microseconds")


def parse_stamp(stamp):
    return datetime.fromisoformat(stamp) if stamp else None


def _text_or_blank(value):
    # Forms save "" where the column held NULL: neither is a change of text.
    return value if has_text(value) else ""


class TranslationStampedModel(models.Model):
    """A record that remembers when each of its translated fields last changed.

    Translators compare these times with the source language's to find stale translations.
    """

    translation_stamps = models.JSONField(
        _("translation change times"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("When each language's variant of each translated field last changed."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        changed = self.stamp_changed_translations(update_fields)
        if changed and update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "translation_stamps"}
        super().save(*args, **kwargs)

    def stamp_changed_translations(self, update_fields=None):
        """Stamp the localized fields whose value differs from the stored one.

        Returns the names stamped. Compared against the database rather than the values
        loaded with the instance, so a save through any path (admin, importer, shell)
        stamps only what it really changes.
        """
        names = localized_field_names(type(self))
        if update_fields is not None:
            names = [name for name in names if name in update_fields]
        if not names:
            return []
        stored = None
        if not self._state.adding and self.pk is not None:
            stored = (
                type(self)
                ._base_manager.filter(pk=self.pk)
                .values(*names, "translation_stamps")
                .first()
            )
        if stored is None:
            changed = [name for name in names if has_text(getattr(self, name))]
            kept = {}
        else:
            changed = [
                name
                for name in names
                if _text_or_blank(getattr(self, name)) != _text_or_blank(stored[name])
            ]
            # An unchanged text keeps the time it was stored with, even when this instance
            # carries older stamps (a revision published after part of it already was).
            stored_stamps = stored["translation_stamps"] or {}
            kept = {
                name: stored_stamps[name]
                for name in names
                if name not in changed and name in stored_stamps
            }
        current = self.translation_stamps or {}
        merged = {**current, **kept, **dict.fromkeys(changed, now_stamp())}
        if merged != current:
            # A new dict, so an instance sharing the old one (a copy, a cache) is not altered.
            self.translation_stamps = merged
            return changed or list(kept)
        return changed
