"""Guards on third-party admin views that would otherwise skip review."""

from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _

from wagtail.models import Page

ALIAS_CONVERSION_VIEW = "wagtail_localize:convert_to_alias"


class AliasConversionNeedsPublishPermission:
    """Turning a translation into an alias copies the source's content onto the page, live
    at once when the page is live. wagtail-localize lets anyone who may edit the page do
    it, which would let a translator put untranslated text live without review; only
    those who may publish the page can.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != ALIAS_CONVERSION_VIEW:
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None or page.permissions_for_user(request.user).can_publish():
            return None
        return HttpResponseForbidden(
            _("Only someone who can publish this page can turn it into an alias of its source.")
        )
