"""Edit handlers for translated records: language-neutral facts once, then a tab per language.

Also what translators need around them: a panel per language tab listing the fields to
translate, a form that keeps them to their language, and a listing column and filter
showing which records need work.
"""

import django_filters

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.admin.ui.tables import BaseColumn

from newsroom import record_translation
from newsroom.formatting import language_name


class TranslatedRecordForm(WagtailAdminModelForm):
    """Disables the fields outside the user's edit scope.

    Disabled fields keep their stored value whatever is posted, so a translator cannot
    change the source text or the facts even by crafting a request.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = record_translation.record_edit_scope(self.for_user)
        for name, field in self.fields.items():
            if not scope.may_edit_field(self._meta.model, name):
                field.disabled = True


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
            source_code = record_translation.SOURCE_LANGUAGE
            # Named in the admin's language: they appear inside its sentences.
            admin_language = get_language()
            context.update(
                fields=record_translation.fields_needing_work(self.instance, code),
                language=language_name(code, admin_language),
                source_language=language_name(source_code, admin_language),
                source_language_code=source_code,
            )
            return context


def translated_tabs(fact_panels, translated_fields):
    """A 'Facts' tab, then one tab per language holding that language's field variants."""
    tabs = [ObjectList(fact_panels, heading=_("Facts"))]
    for language_code in settings.MODELTRANSLATION_LANGUAGES:
        status = []
        if language_code != record_translation.SOURCE_LANGUAGE:
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
                    "empty": statuses.count(record_translation.EMPTY),
                    "outdated": statuses.count(record_translation.OUTDATED),
                }
            )
        context["languages"] = languages
        return context


class NeedsTranslationFilter(django_filters.ChoiceFilter):
    """Records with an empty or outdated field in the chosen language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Needs translation in"))
        kwargs.setdefault(
            "choices",
            [(code, language_name(code)) for code in record_translation.target_languages()],
        )
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(record_translation.needs_work_q(qs.model, value))


def with_translation_filter(filterset_class):
    """`filterset_class` plus a "Needs translation in" filter."""
    return type(
        filterset_class.__name__,
        (filterset_class,),
        {"needs_translation_in": NeedsTranslationFilter(), "__module__": __name__},
    )


def record_filterset(model, fields=()):
    """A listing filter set for `model` on `fields`, with the translation filter."""
    meta = type("Meta", (), {"model": model, "fields": list(fields)})
    return with_translation_filter(
        type(f"{model.__name__}FilterSet", (WagtailFilterSet,), {"Meta": meta})
    )
