"""Review: submitting a page (source or translation) for review, and the reviewer's screen
with the translation beside its source and the approve / request-changes decision."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from newsroom.access import RefusesWithReason
from newsroom.formatting import language_name
from newsroom.translating import families, permissions, review
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
                    "language": language_name(self.page.locale.language_code),
                },
            )
        return redirect_back(request)


class ReviewDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when you request changes."),
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
        return language_name(self.page.locale.language_code)

    def form_valid(self, form):
        action = form.cleaned_data["action"]
        try:
            review.decide(self.page, self.request.user, action, form.cleaned_data["comment"])
        except PermissionDenied as denial:
            raise PermissionDenied(_("You cannot review this page.")) from denial
        except review.ReviewError as error:
            form.add_error("comment", str(error))
            return self.form_invalid(form)
        self.page.refresh_from_db()
        if action == "reject":
            messages.success(self.request, _("Changes requested; the translator can see why."))
        elif self.page.live and not self.page.has_unpublished_changes:
            messages.success(self.request, _("Approved: the page is live."))
        else:
            messages.success(self.request, _("Approved: the page is scheduled."))
        return redirect_back(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, user = self.page, self.request.user
        translation = families.localize_translation_for(page)
        context.update(
            {
                "page": page,
                "language": self.get_page_subtitle(),
                "translation": translation,
                "pairs": review.segment_pairs(translation) if translation else [],
                "source_language": (
                    language_name(translation.source.locale.language_code) if translation else None
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
