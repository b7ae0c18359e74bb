"""Admin views of the translation workflow: request, submit for review, review, schedule."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation

from newsroom.formatting import language_name
from newsroom.languages import site_languages
from newsroom.models.pages import PressReleasePage
from newsroom.translating import families, review, scheduling
from newsroom.translating.changes import changed_segments, field_label
from newsroom.translating.requests import can_request_translations, request_translations


def _forbidden(message):
    # A plain 403: Wagtail's admin would turn PermissionDenied into a dashboard redirect.
    return HttpResponseForbidden(message)


def _back(request, fallback=None):
    return redirect(
        get_valid_next_url_from_request(request)
        or fallback
        or reverse("newsroom_translation_matrix")
    )


@require_POST
def submit_for_review_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    try:
        review.submit_for_review(page, request.user)
    except PermissionDenied:
        return _forbidden(_("You cannot edit this page."))
    except review.ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(title)s” (%(language)s) was sent to the reviewers.")
            % {"title": page.title, "language": language_name(page.locale.language_code)},
        )
    return _back(request)


class ReviewDecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when you request changes."),
    )


def review_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    actions = review.review_actions(page, request.user)
    if not actions and not page.permissions_for_user(request.user).can_edit():
        return _forbidden(_("You cannot review this page."))
    form = ReviewDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        try:
            review.decide(page, request.user, action, form.cleaned_data["comment"])
        except PermissionDenied:
            return _forbidden(_("You cannot review this page."))
        except review.ReviewError as error:
            form.add_error("comment", str(error))
        else:
            page.refresh_from_db()
            if action == "reject":
                messages.success(request, _("Changes requested; the translator can see why."))
            elif page.live and not page.has_unpublished_changes:
                messages.success(request, _("Approved: the page is live."))
            else:
                messages.success(request, _("Approved: the page is scheduled."))
            return _back(request)
    translation = families.localize_translation_for(page)
    latest = page.get_latest_revision()
    context = {
        "page": page,
        "language": language_name(page.locale.language_code),
        "translation": translation,
        "pairs": review.segment_pairs(translation) if translation else [],
        "source_language": (
            language_name(translation.source.locale.language_code) if translation else None
        ),
        "workflow_state": page.current_workflow_state,
        "task_state": page.current_workflow_task_state,
        "actions": actions,
        "can_submit": not page.workflow_in_progress and review.can_submit(page, request.user),
        "form": form,
        "latest_revision": latest,
        "planned": families.planned_go_live(page),
        "next": get_valid_next_url_from_request(request),
    }
    return render(request, "newsroom/admin/review.html", context)


@require_POST
def request_translations_view(request):
    if not can_request_translations(request.user):
        return _forbidden(_("You cannot request translations."))
    ids = [value for value in request.POST.getlist("release") if value.isdigit()]
    codes = [code for code in request.POST.getlist("language") if code in site_languages()]
    sources = list(PressReleasePage.objects.filter(pk__in=ids).select_related("locale"))
    if not sources or not codes:
        messages.error(request, _("Select at least one release and one language."))
        return _back(request)
    requested = request_translations(sources, codes, request.user)
    count = sum(len(languages) for languages in requested.values())
    if count:
        messages.success(
            request,
            ngettext(
                "Requested %(count)d translation; the translators have been told.",
                "Requested %(count)d translations; the translators have been told.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.warning(
            request, _("Nothing to request: those languages already have their pages.")
        )
    return _back(request)


class ScheduleForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label=gettext_lazy("Go live at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_go_live_at(self):
        moment = self.cleaned_data["go_live_at"]
        if moment <= timezone.now() + datetime.timedelta(minutes=1):
            raise forms.ValidationError(_("Choose a moment in the future."))
        return moment


def _readiness(source):
    """(language name, page, state) per language for the schedule screen."""
    by_language = {page.locale.language_code: page for page in families.family(source)}
    rows = []
    for code in site_languages():
        page = by_language.get(code)
        if page is None:
            state = _("no page yet: not part of it")
        elif page.live and not page.has_unpublished_changes:
            state = _("live already")
        elif families.scheduled_go_live(page):
            state = _("approved: goes live at that moment")
        elif page.workflow_in_progress:
            state = _("in review: goes live at that moment if approved before")
        else:
            state = _("draft: needs review before that moment")
        rows.append((language_name(code), page, state))
    return rows


def schedule_view(request, page_id):
    page = get_object_or_404(PressReleasePage, pk=page_id)
    source = families.source_of(page)
    if not source.permissions_for_user(request.user).can_publish():
        return _forbidden(_("Only someone who can publish the source release can schedule it."))
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        planned = scheduling.schedule_family(source, form.cleaned_data["go_live_at"], request.user)
        messages.success(
            request,
            ngettext(
                "Planned %(count)d page to go live at that moment.",
                "Planned %(count)d pages to go live together at that moment.",
                len(planned),
            )
            % {"count": len(planned)},
        )
        return _back(request)
    return render(
        request,
        "newsroom/admin/schedule_family.html",
        {
            "source": source,
            "form": form,
            "planned": families.planned_go_live(source),
            "readiness": _readiness(source),
            "next": get_valid_next_url_from_request(request),
        },
    )


def source_changes_view(request, translation_id):
    """What changed in the source since the translation was last synced, and the sync."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    target = translation.get_target_instance()
    if not target.permissions_for_user(request.user).can_edit():
        return _forbidden(_("You cannot edit this translation."))
    if request.method == "POST":
        translation.source.update_from_db()
        messages.success(
            request,
            _(
                "The translation now follows the latest source: the changed segments are "
                "marked as untranslated in the editor."
            ),
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    source_page = translation.source.get_source_instance()
    changes = [
        (change.kind, field_label(source_page, change.path), change.old_text, change.new_text)
        for change in changed_segments(translation.source, source_page)
    ]
    return render(
        request,
        "newsroom/admin/source_changes.html",
        {
            "translation": translation,
            "target": target,
            "changes": changes,
            "source_language": language_name(translation.source.locale.language_code),
            "target_language": language_name(translation.target_locale.language_code),
        },
    )


admin_urlpatterns = [
    path(
        "translations/changes/<int:translation_id>/",
        source_changes_view,
        name="newsroom_source_changes",
    ),
    path(
        "translations/request/",
        request_translations_view,
        name="newsroom_request_translations",
    ),
    path(
        "translations/submit/<int:page_id>/",
        submit_for_review_view,
        name="newsroom_submit_for_review",
    ),
    path("translations/review/<int:page_id>/", review_view, name="newsroom_review"),
    path("translations/schedule/<int:page_id>/", schedule_view, name="newsroom_schedule"),
]
