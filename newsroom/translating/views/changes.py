"""What changed in the source of an outdated translation, and following the new source."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from newsroom.access import RefusesWithReason
from newsroom.formatting import language_name
from newsroom.translating import changes, permissions
from newsroom.translating.views.base import (
    ChecksPermission,
    TranslationsScreen,
    translation_and_page_or_404,
)


class SourceChangesView(RefusesWithReason, ChecksPermission, TranslationsScreen, TemplateView):
    """GET lists the changed segments; POST syncs the translation and opens its editor."""

    template_name = "newsroom/admin/source_changes.html"
    page_title = gettext_lazy("What changed in the source")
    header_icon = "history"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.translation, self.target = translation_and_page_or_404(kwargs["translation_id"])

    def check_permission(self):
        if not permissions.can_edit_translation(self.target, self.request.user):
            raise PermissionDenied(_("You cannot edit this translation."))

    def get_page_subtitle(self):
        return self.target.title

    def post(self, request, translation_id):
        changes.follow_latest_source(self.translation)
        messages.success(
            request,
            _(
                "The translation now follows the latest source: the changed segments are "
                "marked as untranslated in the editor."
            ),
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.target.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "translation": self.translation,
                "target": self.target,
                "changes": changes.changes_to_revisit(self.translation),
                "source_language": language_name(self.translation.source.locale.language_code),
                "target_language": language_name(self.translation.target_locale.language_code),
            }
        )
        return context
