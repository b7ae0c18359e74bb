"""What changed in the source of an outdated translation, and following the new source."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from newsroom.access import RefusesWithReason
from newsroom.formatting import language_name
from newsroom.translating import changes
from newsroom.translating.views.base import (
    EditsTranslation,
    TranslationsScreen,
)


class SourceChangesView(RefusesWithReason, EditsTranslation, TranslationsScreen, TemplateView):
    """GET lists the changed segments; POST syncs the translation and opens its editor."""

    template_name = "newsroom/admin/source_changes.html"
    page_title = gettext_lazy("What changed in the source")
    header_icon = "history"

    def get_page_subtitle(self):
        return self.page.title

    def post(self, request, translation_id):
        changes.follow_latest_source(self.translation)
        messages.success(
            request,
            _(
                "The translation now follows the latest source: the changed segments are "
                "marked as untranslated in the editor."
            ),
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.page.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "translation": self.translation,
                "target": self.page,
                "changes": changes.changes_to_revisit(self.translation),
                "source_language": language_name(
                    self.translation.source.locale.language_code, get_language(), in_sentence=True
                ),
                "target_language": language_name(
                    self.translation.target_locale.language_code, get_language(), in_sentence=True
                ),
            }
        )
        return context
