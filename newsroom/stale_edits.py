"""No silent lost edits: a save based on an older version of a page or record is refused.

Wagtail's edit forms (pages, and snippets with revisions) carry the revision the editor
opened (`loaded_revision_id`, `loaded_revision_created_at`) and, once autosave has written
one, the editor's own autosave revision (`overwrite_revision_id`). Wagtail checks them only
for autosave requests; a click on "Save draft" or "Publish" from a form someone else has
saved since would replace their work without a word. `RefusesStaleSaves` makes every edit
form check them the same way Wagtail's autosave does (`is_out_of_date` in
wagtail/admin/views/generic/mixins.py): the save is refused with a form error, the editor
keeps what they typed, and the form they get back is based on the newest revision, so
saving again (after comparing) replaces it knowingly.

A leaf: imports nothing from newsroom.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.models import RevisionMixin

STALE_SAVE_MESSAGE = _(
    "Someone else saved a newer version while you were editing, so your changes were not "
    "saved. They are still in the form below: compare them with the newest version (open "
    "its history in a new tab), then save again to replace it."
)


def saved_since_opened(instance, posted):
    """Whether the latest revision of `instance` is newer than the one the posted form was
    based on. A form that says nothing about its revision (a script, an old form) is
    trusted, as Wagtail trusts it."""
    if not isinstance(instance, RevisionMixin) or instance.pk is None:
        return False
    # From the database: the form's instance is the opened revision's content.
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    latest = stored.get_latest_revision() if stored else None
    if latest is None:
        return False
    if overwrite_revision_id := posted.get("overwrite_revision_id"):
        return overwrite_revision_id != str(latest.pk)
    if loaded_revision_id := posted.get("loaded_revision_id"):
        return loaded_revision_id != str(latest.pk) or (
            posted.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
        )
    return False


class RefusesStaleSaves:
    """A mixin for Wagtail admin model and page forms: refuses a save based on an older
    revision than the latest (see the module docstring)."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_bound and saved_since_opened(self.instance, self.data):
            raise ValidationError(STALE_SAVE_MESSAGE, code="stale_revision")
        return cleaned_data
