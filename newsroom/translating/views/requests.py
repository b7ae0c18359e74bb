"""Requesting translations of the releases ticked in the matrix (a POST from the matrix)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from newsroom.access import RefusesWithReason
from newsroom.languages import site_languages
from newsroom.models.pages import PressReleasePage
from newsroom.translating import permissions
from newsroom.translating.requests import request_translations
from newsroom.translating.views.base import ChecksPermission, redirect_back


class RequestTranslationsView(RefusesWithReason, ChecksPermission, View):
    http_method_names = ["post"]

    def check_permission(self):
        if not permissions.can_request_translations(self.request.user):
            raise PermissionDenied(_("You cannot request translations."))

    def post(self, request):
        ids = [value for value in request.POST.getlist("release") if value.isdigit()]
        codes = [code for code in request.POST.getlist("language") if code in site_languages()]
        sources = list(PressReleasePage.objects.filter(pk__in=ids).select_related("locale"))
        if not sources or not codes:
            messages.error(request, _("Select at least one release and one language."))
            return redirect_back(request)
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
        return redirect_back(request)
