"""Publishing together: the moment a release and its approved translations go live."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView

from wagtail.admin.utils import get_valid_next_url_from_request

from newsroom.access import RefusesWithReason
from newsroom.models.pages import PressReleasePage
from newsroom.translating import families, permissions, scheduling
from newsroom.translating.views.base import ChecksPermission, TranslationsScreen, redirect_back


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


class ScheduleView(RefusesWithReason, ChecksPermission, TranslationsScreen, FormView):
    """Any page of the family leads here; the moment is planned on its source."""

    template_name = "newsroom/admin/schedule_family.html"
    form_class = ScheduleForm
    page_title = gettext_lazy("Publish together")
    header_icon = "time"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        page = get_object_or_404(PressReleasePage, pk=kwargs["page_id"])
        self.source = families.source_of(page)

    def check_permission(self):
        if not permissions.can_schedule(self.source, self.request.user):
            raise PermissionDenied(
                _("Only someone who can publish the source release can schedule it.")
            )

    def get_page_subtitle(self):
        return self.source.title

    def form_valid(self, form):
        planned = scheduling.schedule_family(
            self.source, form.cleaned_data["go_live_at"], self.request.user
        )
        messages.success(
            self.request,
            ngettext(
                "Planned %(count)d page to go live at that moment.",
                "Planned %(count)d pages to go live together at that moment.",
                len(planned),
            )
            % {"count": len(planned)},
        )
        return redirect_back(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "source": self.source,
                "planned": families.planned_go_live(self.source),
                "readiness": scheduling.readiness(self.source),
                "next": get_valid_next_url_from_request(self.request),
            }
        )
        return context
