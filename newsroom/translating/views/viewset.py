"""The translation workflow's admin screens as one Wagtail `ViewSet`, under /admin/translations/.

Its URLs are named in the `newsroom_translations` namespace (`newsroom_translations:review`,
…); their paths are kept stable because sent emails and bookmarks link to them. The
"Translations" menu item leads to the matrix and shows only to those who may see it.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from newsroom.translating import handoff, permissions
from newsroom.translating.views import changes, matrix, records, requests, review, scheduling
from newsroom.translating.views import handoff as handoff_views


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_view_matrix(request.user)


class TranslationsViewSet(ViewSet):
    name = "newsroom_translations"
    url_prefix = "translations"
    icon = "globe"
    menu_label = _("Translations")
    menu_name = "translations"
    menu_order = 220
    add_to_admin_menu = True
    menu_item_class = TranslationsMenuItem

    def get_urlpatterns(self):
        matrix_view = matrix.TranslationMatrixView
        return [
            # The first pattern is the menu item's destination.
            path("", matrix_view.as_view(), name="index"),
            path("results/", matrix_view.as_view(results_only=True), name="index_results"),
            path("request/", requests.RequestTranslationsView.as_view(), name="request"),
            path("records/", records.RecordWorkView.as_view(), name="records"),
            path("submit/<int:page_id>/", review.SubmitForReviewView.as_view(), name="submit"),
            path("review/<int:page_id>/", review.ReviewView.as_view(), name="review"),
            path("schedule/<int:page_id>/", scheduling.ScheduleView.as_view(), name="schedule"),
            path(
                "changes/<int:translation_id>/",
                changes.SourceChangesView.as_view(),
                name="changes",
            ),
            path(
                "handoff/<int:translation_id>/",
                handoff_views.HandoffView.as_view(),
                name="handoff",
            ),
            path(
                "handoff/<int:translation_id>/po/",
                handoff_views.HandoffDownloadView.as_view(file_format=handoff.PO),
                name="handoff_po",
            ),
            path(
                "handoff/<int:translation_id>/xliff/",
                handoff_views.HandoffDownloadView.as_view(file_format=handoff.XLIFF),
                name="handoff_xliff",
            ),
            path(
                "handoff/<int:translation_id>/import/",
                handoff_views.HandoffImportView.as_view(),
                name="handoff_import",
            ),
        ]
