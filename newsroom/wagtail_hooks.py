"""Wiring only: each capability's admin screens, registered with Wagtail."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from newsroom.importing import views as import_views
from newsroom.records.viewsets import CertificationViewSetGroup
from newsroom.translating.views.viewset import TranslationsViewSet

register_snippet(CertificationViewSetGroup)


@hooks.register("register_admin_viewset")
def register_importer():
    return import_views.ImportViewSet()


@hooks.register("register_admin_viewset")
def register_translations_viewset():
    """The translation workflow: matrix, request, review, scheduling, changes, hand-off."""
    return TranslationsViewSet()


@hooks.register("insert_global_admin_css")
def newsroom_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("newsroom/admin.css"))
