"""Edit handlers for translated records: language-neutral facts once, then a tab per language.

Also what translators need around them: a panel per language tab listing the fields to
translate, a form that keeps them to their language, and a listing column showing which
records need work (the matching filter is in newsroom.records.filters).
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.admin.ui.tables import BaseColumn

from newsroom.formatting import language_name
from newsroom.languages import record_languages, record_source_language
from newsroom.records.permissions import team_policy_for
from newsroom.stale_edits import RefusesStaleSaves
from newsroom.translating import records as record_translation
from newsroom.translating.choices import FieldStatus


class TranslatedRecordForm(RefusesStaleSaves, WagtailAdminModelForm):
    """Disables the fields outside the user's edit scope, and (for records with revisions:
    awards, clusters) refuses a save based on an older revision than the latest.

    Disabled fields keep their stored value whatever is posted, so a translator cannot
    change the source text or the facts even by crafting a request.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = record_translation.record_edit_scope(self.for_user)
        for name, field in self.fields.items():
            if not scope.may_edit_field(self._meta.model, name):
                field.disabled = True
        policy = team_policy_for(self._meta.model)
        if policy is not None and "cluster" in self.fields:
            # A cluster team files awards under its own clusters only.
            self.fields["cluster"].queryset = policy.clusters_for(self.for_user, "change")


class TranslationStatusPanel(Panel):
    """Lists a language's empty and outdated fields with the source text to translate."""

    def __init__(self, language_code, **kwargs):
        kwargs.setdefault("heading", _("Translation status"))
        kwargs.setdefault("icon", "globe")
        super().__init__(**kwargs)
        self.language_code = language_code

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "language_code": self.language_code}

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/admin/record_translation_status.html"

        def is_shown(self):
            # A new record has no source text yet to compare with.
            return bool(self.instance is not None and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            code = self.panel.language_code
            source_code = record_source_language()
            # Named in the admin's language: they appear inside its sentences.
            admin_language = get_language()
            context.update(
                fields=record_translation.fields_needing_work(self.instance, code),
                language=language_name(code, admin_language, in_sentence=True),
                source_language=language_name(source_code, admin_language, in_sentence=True),
                source_language_code=source_code,
            )
            return context


def translated_tabs(fact_panels, translated_fields):
    """A 'Facts' tab, then one tab per language holding that language's field variants."""
    tabs = [ObjectList(fact_panels, heading=_("Facts"))]
    for language_code in record_languages():
        status = []
        if language_code != record_source_language():
            status = [TranslationStatusPanel(language_code)]
        tabs.append(
            ObjectList(
                status
                + [
                    FieldPanel(build_localized_fieldname(field, language_code))
                    for field in translated_fields
                ],
                # The tab names the language in itself, so each translator finds theirs.
                heading=language_name(language_code),
            )
        )
    return TabbedInterface(tabs, base_form_class=TranslatedRecordForm)


class TranslationStatusColumn(BaseColumn):
    """For each language the user translates, how many fields are empty or outdated.

    Computed from the row's own columns, so the listing runs no query per row.
    """

    cell_template_name = "newsroom/admin/record_translation_status_cell.html"

    def __init__(self, name="translation_status", label=None, **kwargs):
        super().__init__(name, label=label or _("Translations"), **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        user = request.user if request is not None else None
        admin_language = get_language()
        languages = []
        for code in record_translation.languages_to_report(user):
            statuses = [
                item.status for item in record_translation.field_translations(instance, code)
            ]
            languages.append(
                {
                    "code": code,
                    "name": language_name(code, admin_language),
                    "empty": statuses.count(FieldStatus.EMPTY),
                    "outdated": statuses.count(FieldStatus.OUTDATED),
                }
            )
        context["languages"] = languages
        return context
