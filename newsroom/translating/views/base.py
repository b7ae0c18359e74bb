"""What the translation workflow's screens share.

- `ChecksPermission`: a view mixin, placed right after `RefusesWithReason`, that asks the
  view's `check_permission()` before any handler runs; the `PermissionDenied(reason)` it
  raises becomes the 403 page that says why.
- `TranslationsScreen`: Wagtail's admin page furniture with "Translations" (the matrix)
  in the breadcrumbs.
- `redirect_back()`: where a workflow action returns: the `next` it was given, else the
  matrix.
- `translation_and_page_or_404()`: a wagtail-localize Translation and the page it writes.
- `EditsTranslation`: a screen of the Translation in the URL, for those who may edit the
  page it writes (hand-off, source changes).
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.models import Translation

from newsroom.translating import permissions

MATRIX_URL_NAME = "newsroom_translations:index"


class ChecksPermission:
    """Calls `check_permission()` before dispatching; it raises `PermissionDenied(reason)`.

    Objects the check needs are loaded in `setup()` (a missing one is a 404).
    """

    def dispatch(self, request, *args, **kwargs):
        self.check_permission()
        return super().dispatch(request, *args, **kwargs)

    def check_permission(self):
        raise NotImplementedError


class TranslationsScreen(WagtailAdminTemplateMixin):
    """A screen of the workflow: Home › Translations › this screen."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(MATRIX_URL_NAME), "label": _("Translations")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


def redirect_back(request, fallback=None):
    """A redirect to the `next` URL of the request if it is safe, else `fallback` or the matrix."""
    return redirect(
        get_valid_next_url_from_request(request) or fallback or reverse(MATRIX_URL_NAME)
    )


def translation_and_page_or_404(translation_id):
    """(Translation, the translated page it writes); 404 when either is missing.

    Snippets have other permission rules: these screens are for pages only.
    """
    translation = get_object_or_404(
        Translation.objects.select_related("source__locale", "target_locale"), pk=translation_id
    )
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not isinstance(page, Page):
        raise Http404
    return translation, page


class EditsTranslation(ChecksPermission):
    """The Translation of the URL and the page it writes (`translation`, `page`), for those
    who may edit that page; anyone else is refused with `refusal`."""

    refusal = _("You cannot edit this translation.")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.translation, self.page = translation_and_page_or_404(kwargs["translation_id"])

    def check_permission(self):
        if not permissions.can_edit_translation(self.page, self.request.user):
            raise PermissionDenied(str(self.refusal))
