"""The hand-off of a release's translation to translators outside the admin: the screen,
its PO and XLIFF 1.2 downloads, and the import of the translated file."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView

from newsroom.access import RefusesWithReason
from newsroom.translating import handoff
from newsroom.translating.views.base import (
    EditsTranslation,
    TranslationsScreen,
    redirect_back,
)

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


def imported_message(result):
    """What a successful upload says, on this screen and in wagtail-localize's editor."""
    return ngettext(
        "Imported %(count)d translated text. The draft of “%(title)s” is updated "
        "and waits for review before it is published.",
        "Imported %(count)d translated texts. The draft of “%(title)s” is updated "
        "and waits for review before it is published.",
        result.imported,
    ) % {"count": result.imported, "title": result.page.title}


class TranslationHandoff(EditsTranslation):
    refusal = gettext_lazy("You do not have permission to translate this page.")


class HandoffView(RefusesWithReason, TranslationHandoff, TranslationsScreen, FormView):
    """The screen: where the translation stands, the downloads and the upload form."""

    template_name = "newsroom/admin/handoff.html"
    form_class = HandoffUploadForm
    page_title = gettext_lazy("Translation hand-off")
    header_icon = "globe"
    http_method_names = ["get", "head", "options"]

    def get_page_subtitle(self):
        return self.translation.source.get_source_instance().title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        translation = self.translation
        total, translated = translation.get_progress()
        context.update(
            {
                "translation": translation,
                "page": self.page,
                "source_page": translation.source.get_source_instance(),
                "source_language": translation.source.locale.get_display_name(),
                "target_language": translation.target_locale.get_display_name(),
                "total_segments": total,
                "translated_segments": translated,
                "last_import_at": handoff.last_import_at(translation),
                "po_filename": handoff.export_filename(translation, handoff.PO),
                "xliff_filename": handoff.export_filename(translation, handoff.XLIFF),
            }
        )
        return context


class HandoffImportView(HandoffView):
    """The upload: a draft of the translated page, or the screen again with what is wrong."""

    http_method_names = ["post"]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            result = handoff.import_file(
                self.translation, upload.name, upload.read(), user=self.request.user
            )
        except handoff.HandoffRefused as refused:
            form.add_error(
                "file",
                [
                    forms.ValidationError(message, code=refused.code)
                    for message in (refused.message, *refused.details)
                ],
            )
            return self.form_invalid(form)
        messages.success(self.request, imported_message(result))
        return redirect("newsroom_translations:handoff", translation_id=self.translation.pk)


class HandoffDownloadView(RefusesWithReason, TranslationHandoff, View):
    """The translation as a file in `file_format` (handoff.PO or handoff.XLIFF)."""

    file_format = None
    exporters = {handoff.PO: handoff.export_po, handoff.XLIFF: handoff.export_xliff}

    def get(self, request, translation_id):
        export = self.exporters[self.file_format]
        response = HttpResponse(
            export(self.translation), content_type=handoff.CONTENT_TYPES[self.file_format]
        )
        filename = handoff.export_filename(self.translation, self.file_format)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class EditorUploadView(RefusesWithReason, TranslationHandoff, View):
    """wagtail-localize's "Upload PO file" in its translation editor, answered by this import.

    Its own view stores whatever the file says, segment errors included, answers 500 to a
    file without its translation header, and skips the checks above; the guard in front of
    wagtail-localize (guards.py) sends its uploads here. The translator returns to the
    editor (`next`) with what happened as a message, as wagtail-localize would.
    """

    http_method_names = ["post"]

    def post(self, request, translation_id):
        form = HandoffUploadForm(files=request.FILES)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("file", [])))
            return self.back()
        upload = form.cleaned_data["file"]
        try:
            result = handoff.import_file(
                self.translation, upload.name, upload.read(), user=request.user
            )
        except handoff.HandoffRefused as refused:
            messages.error(request, str(refused))
            return self.back()
        messages.success(request, imported_message(result))
        return self.back()

    def back(self):
        return redirect_back(
            self.request,
            fallback=reverse("newsroom_translations:handoff", args=[self.translation.pk]),
        )
