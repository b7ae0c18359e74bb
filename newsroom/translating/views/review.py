"""Review: submitting a page (source or translation) for review, and the reviewer's screen
with the translation beside its source and the approve / request-changes decision."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from newsroom.access import RefusesWithReason
from newsroom.formatting import language_name
from newsroom.languages import record_source_language
from newsroom.translating import families, permissions, review
from newsroom.translating.records import record_texts_shown_by
from newsroom.translating.views.base import ChecksPermission, TranslationsScreen, redirect_back


class SubmitForReviewView(RefusesWithReason, ChecksPermission, View):
    """Hands a page to its language's reviewers (from the review screen or the segment editor)."""

    http_method_names = ["post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific

    def check_permission(self):
        if not permissions.can_submit(self.page, self.request.user):
            raise PermissionDenied(_("You cannot edit this page."))

    def post(self, request, page_id):
        try:
            review.submit_for_review(self.page, request.user)
        except PermissionDenied as denial:
            raise PermissionDenied(_("You cannot edit this page.")) from denial
        except review.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(title)s” (%(language)s) was sent to the reviewers.")
                % {
                    "title": self.page.title,
                    "language": language_name(
                        self.page.locale.language_code, get_language(), in_sentence=True
                    ),
                },
            )
        return redirect_back(request)


def edit_url(record):
    """The record's edit screen in the admin (where its translations are made)."""
    return reverse(record.snippet_viewset.get_url_name("edit"), args=[record.pk])


class ReviewDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when you request changes."),
    )
    approve_without_missing = forms.BooleanField(
        label=gettext_lazy("Approve without the record texts not yet translated"),
        required=False,
    )


class ReviewView(RefusesWithReason, ChecksPermission, TranslationsScreen, FormView):
    """Reviewers of the page's language decide here; whoever may submit it looks."""

    template_name = "newsroom/admin/review.html"
    form_class = ReviewDecisionForm
    header_icon = "tick"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific

    def check_permission(self):
        if not permissions.can_open_review(self.page, self.request.user):
            raise PermissionDenied(_("You cannot review this page."))

    def get_page_title(self):
        return _("Review: %(title)s") % {"title": self.page.title}

    def get_page_subtitle(self):
        return language_name(self.page.locale.language_code, get_language())

    def form_valid(self, form):
        action = form.cleaned_data["action"]
        try:
            review.decide(
                self.page,
                self.request.user,
                action,
                form.cleaned_data["comment"],
                without_missing_records=form.cleaned_data["approve_without_missing"],
            )
        except PermissionDenied as denial:
            raise PermissionDenied(_("You cannot review this page.")) from denial
        except review.ReviewError as error:
            field = "comment" if action == "reject" else "approve_without_missing"
            form.add_error(field, str(error))
            return self.form_invalid(form)
        self.page.refresh_from_db()
        if action == "reject":
            messages.success(self.request, _("Changes requested; the translator can see why."))
        elif self.page.live and not self.page.has_unpublished_changes:
            messages.success(self.request, _("Approved: the page is live."))
        else:
            messages.success(self.request, _("Approved: the page is scheduled."))
        return redirect_back(self.request)

    def record_texts(self):
        """(text, its record's edit URL) for the record texts the submitted page shows, when
        its language is not the one records are written in."""
        language = self.page.locale.language_code
        if language == record_source_language():
            return []
        submitted = self.page.get_latest_revision_as_object()
        return [
            (text, edit_url(text.record)) for text in record_texts_shown_by(submitted, language)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, user = self.page, self.request.user
        translation = families.localize_translation_for(page)
        record_texts = self.record_texts()
        context.update(
            {
                "page": page,
                "language": self.get_page_subtitle(),
                "translation": translation,
                "pairs": review.segment_pairs(translation) if translation else [],
                "record_texts": record_texts,
                "missing_records": any(text.missing for text, _url in record_texts),
                "records_language": language_name(
                    record_source_language(), get_language(), in_sentence=True
                ),
                "records_language_code": record_source_language(),
                "source_language": (
                    language_name(
                        translation.source.locale.language_code, get_language(), in_sentence=True
                    )
                    if translation
                    else None
                ),
                "workflow_state": page.current_workflow_state,
                "actions": permissions.review_actions(page, user),
                "can_submit": not page.workflow_in_progress and permissions.can_submit(page, user),
                "latest_revision": page.get_latest_revision(),
                "planned": families.planned_go_live(page),
                "next": get_valid_next_url_from_request(self.request),
            }
        )
        return context
