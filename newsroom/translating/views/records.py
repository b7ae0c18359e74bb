"""A translator's work list on the records: the record texts that releases in their
language show and that are not translated into it (or older than the source), the most
shown first, 50 a page; and its count per language on the admin's home. The database
decides (newsroom.translating.record_work)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.components import Component

from newsroom.access import RefusesWithReason
from newsroom.formatting import language_name
from newsroom.languages import record_source_language
from newsroom.translating import permissions
from newsroom.translating.record_work import RecordWorkList
from newsroom.translating.records import languages_to_report
from newsroom.translating.views.base import ChecksPermission, TranslationsScreen


def record_edit_url(record):
    return reverse(f"wagtailsnippets_newsroom_{record._meta.model_name}:edit", args=[record.pk])


class RecordTextPaginator(WagtailPaginator):
    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s record text", "%(count)s record texts", self.count) % {
            "count": self.count
        }


class RecordWorkView(RefusesWithReason, ChecksPermission, TranslationsScreen, TemplateView):
    """GET ?language=xx: the work list in one of the languages the user translates."""

    template_name = "newsroom/admin/record_work.html"
    page_title = gettext_lazy("Record texts to translate")
    header_icon = "clipboard-list"
    paginate_by = 50
    page_kwarg = "p"

    def check_permission(self):
        if not permissions.can_translate_records(self.request.user):
            raise PermissionDenied(_("You cannot translate records."))

    def languages(self):
        return languages_to_report(self.request.user)

    def language(self):
        """The language asked for if the user translates it, else their first; None for
        someone who translates only the source language (records are written in it)."""
        languages = self.languages()
        asked = self.request.GET.get("language", "")
        return asked if asked in languages else next(iter(languages), None)

    def get_page_subtitle(self):
        code = self.language()
        return language_name(code, get_language()) if code else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        code = self.language()
        work = RecordWorkList(code) if code else []
        asked = self.request.GET.get(self.page_kwarg)
        if code:
            # Counting reads the page asked for too (an invalid number gets page 1, as the
            # paginator gives; one past the end is read on its own).
            number = max(int(asked), 1) if asked and asked.isdigit() else 1
            work.read_ahead((number - 1) * self.paginate_by, self.paginate_by)
        paginator = RecordTextPaginator(work, self.paginate_by)
        page = paginator.get_page(asked)
        context.update(
            {
                "language_code": code,
                # The record form's tab for the language is named in that language.
                "tab_name": language_name(code) if code else "",
                "languages": [(other, language_name(other)) for other in self.languages()],
                "source_language": language_name(
                    record_source_language(), get_language(), in_sentence=True
                ),
                "source_language_code": record_source_language(),
                "page_obj": page,
                "paginator": paginator,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "work": [(item, record_edit_url(item.record)) for item in page],
            }
        )
        return context


class RecordWorkPanel(Component):
    """On the admin's home: how many record texts wait for translation into each language
    the user translates, each a link to the work list."""

    name = "newsroom_record_work"
    order = 110
    template_name = "newsroom/admin/record_work_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        counts = []
        if permissions.can_translate_records(self.user):
            for code in languages_to_report(self.user):
                count = RecordWorkList(code).count()
                if count:
                    counts.append((code, language_name(code, get_language()), count))
        return {"counts": counts}
