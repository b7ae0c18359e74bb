"""The translation workflow's vocabularies, each a TextChoices: value for code, label for people."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TranslationStatus(models.TextChoices):
    """Where a release stands in one language (a cell of the translation matrix)."""

    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    OUTDATED = "outdated", _("Outdated")


class FieldStatus(models.TextChoices):
    """Where one translated field of a record stands in one language."""

    EMPTY = "empty", _("empty")
    OUTDATED = "outdated", _("outdated")
    UP_TO_DATE = "up_to_date", _("up to date")


class ChangeKind(models.TextChoices):
    """How a source string differs from the one frozen for translation."""

    CHANGED = "changed", pgettext_lazy("source change", "Changed")
    ADDED = "added", pgettext_lazy("source change", "Added")
    REMOVED = "removed", pgettext_lazy("source change", "Removed")


class ReviewAction(models.TextChoices):
    """A reviewer's decision on a review task (the values are Wagtail's action names), in the
    project's own words: Wagtail's read "Żądania zmian" and "Запрос изменений"."""

    APPROVE = "approve", pgettext_lazy("review action", "Approve")
    REQUEST_CHANGES = "reject", pgettext_lazy("review action", "Request changes")
