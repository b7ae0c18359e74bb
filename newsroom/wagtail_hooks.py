"""Wiring only: each capability's admin screens, registered with Wagtail."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from newsroom.importing import views as import_views
from newsroom.records.viewsets import CertificationViewSetGroup
from newsroom.translating.views import handoff as handoff_views
from newsroom.translating.views import matrix as matrix_views
from newsroom.translating.views import review as review_views

register_snippet(CertificationViewSetGroup)


@hooks.register("register_admin_viewset")
def register_importer():
    return import_views.ImportViewSet()


@hooks.register("register_admin_urls")
def register_translation_matrix_urls():
    return [
        path(
            "translations/",
            matrix_views.translation_matrix,
            name="newsroom_translation_matrix",
        ),
        path(
            "translations/export.csv",
            matrix_views.translation_matrix_csv,
            name="newsroom_translation_matrix_csv",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_matrix_menu_item():

    class TranslationsMenuItem(MenuItem):
        def is_shown(self, request):
            return matrix_views.can_view_matrix(request.user)

    return TranslationsMenuItem(
        _("Translations"),
        reverse("newsroom_translation_matrix"),
        icon_name="globe",
        order=220,
    )


@hooks.register("register_admin_urls")
def register_translation_workflow_urls():
    """Request, submit, review, schedule, what changed, and the PO/XLIFF hand-off."""
    return review_views.admin_urlpatterns + handoff_views.admin_urlpatterns


@hooks.register("insert_global_admin_css")
def newsroom_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("newsroom/admin.css"))
