"""Admin views for handing a release's translation to translators outside the admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from wagtail.models import Page
from wagtail_localize.models import Translation

from newsroom.translating import handoff

TEMPLATE = "newsroom/admin/handoff.html"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class HandoffUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Translated file"),
        help_text=gettext_lazy(
            "The PO or XLIFF file downloaded here, with the translations filled in."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is too large to be a translation of one release.")
            )
        return upload


def forbidden():
    # A plain 403: raising PermissionDenied would make Wagtail redirect to the dashboard.
    return HttpResponseForbidden(_("You do not have permission to translate this page."))


def editable_translation(request, translation_id):
    """(translation, translated page), or (None, None) when the user may not edit that page."""
    translation = get_object_or_404(
        Translation.objects.select_related("source__locale", "target_locale"), pk=translation_id
    )
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    # Snippets have other permission rules; the hand-off is for pages only.
    if not isinstance(page, Page):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        return None, None
    return translation, page


def handoff_context(translation, page, form):
    total, translated = translation.get_progress()
    return {
        "translation": translation,
        "page": page,
        "source_page": translation.source.get_source_instance(),
        "source_language": translation.source.locale.get_display_name(),
        "target_language": translation.target_locale.get_display_name(),
        "total_segments": total,
        "translated_segments": translated,
        "last_import_at": handoff.last_import_at(translation),
        "po_filename": handoff.export_filename(translation, handoff.PO),
        "xliff_filename": handoff.export_filename(translation, handoff.XLIFF),
        "form": form,
    }


def translation_handoff(request, translation_id):
    translation, page = editable_translation(request, translation_id)
    if translation is None:
        return forbidden()
    return render(request, TEMPLATE, handoff_context(translation, page, HandoffUploadForm()))


def _download(request, translation_id, file_format, export):
    translation, _page = editable_translation(request, translation_id)
    if translation is None:
        return forbidden()
    response = HttpResponse(export(translation), content_type=handoff.CONTENT_TYPES[file_format])
    filename = handoff.export_filename(translation, file_format)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def download_po(request, translation_id):
    return _download(request, translation_id, handoff.PO, handoff.export_po)


def download_xliff(request, translation_id):
    return _download(request, translation_id, handoff.XLIFF, handoff.export_xliff)


@require_POST
def import_translation(request, translation_id):
    translation, page = editable_translation(request, translation_id)
    if translation is None:
        return forbidden()
    form = HandoffUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = handoff.import_file(translation, upload.name, upload.read(), user=request.user)
        except handoff.HandoffRefused as refused:
            form.add_error("file", forms.ValidationError(refused.message, code=refused.code))
        else:
            messages.success(
                request,
                ngettext(
                    "Imported %(count)d translated text. The draft of “%(title)s” is updated "
                    "and waits for review before it is published.",
                    "Imported %(count)d translated texts. The draft of “%(title)s” is updated "
                    "and waits for review before it is published.",
                    result.imported,
                )
                % {"count": result.imported, "title": result.page.title},
            )
            return redirect("newsroom_handoff", translation_id=translation.pk)
    return render(request, TEMPLATE, handoff_context(translation, page, form))


admin_urlpatterns = [
    path(
        "translations/handoff/<int:translation_id>/",
        translation_handoff,
        name="newsroom_handoff",
    ),
    path(
        "translations/handoff/<int:translation_id>/po/",
        download_po,
        name="newsroom_handoff_po",
    ),
    path(
        "translations/handoff/<int:translation_id>/xliff/",
        download_xliff,
        name="newsroom_handoff_xliff",
    ),
    path(
        "translations/handoff/<int:translation_id>/import/",
        import_translation,
        name="newsroom_handoff_import",
    ),
]
