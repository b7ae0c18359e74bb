"""Page view passwords (Wagtail's PageViewRestriction form) throttled like the admin login.

django-axes guards the admin sign-in, but it counts failures of Django's authentication
(`user_login_failed`), which Wagtail's password form never sends, and its lockout answer is
the sign-in page's. The count here is a small one in Django's cache (Redis in production,
so shared by every worker): after `AXES_FAILURE_LIMIT` wrong passwords from one address
for one restriction, that form answers 429 for `AXES_COOLOFF_TIME`; the right password
resets the count. The address is the one axes sees (`axes.helpers.get_client_ip_address`,
with its proxy settings), so both throttles agree on who is asking.
"""

from axes.helpers import get_client_ip_address

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils import translation

from wagtail.models import Page

VIEW_NAME = "wagtailcore_authenticate_with_password"
TEMPLATE = "newsroom/page_password_locked.html"


def _cooloff_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _key(restriction_id, address):
    return f"page-password-failures:{restriction_id}:{address}"


class PagePasswordThrottle:
    """Counts the wrong passwords posted to Wagtail's password form; refuses past the limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_password_throttle_key", None)
        if key is None:
            return response
        if response.status_code == 302:
            cache.delete(key)  # the right password: Wagtail redirects to the page
        elif response.status_code == 200:
            # The form again: a wrong password.
            cache.add(key, 0, timeout=_cooloff_seconds())
            if cache.incr(key) >= settings.AXES_FAILURE_LIMIT:
                # Locked out for the whole cool-off from the last counted failure.
                cache.touch(key, _cooloff_seconds())
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name != VIEW_NAME or request.method != "POST":
            return None
        key = _key(view_kwargs.get("page_view_restriction_id"), get_client_ip_address(request))
        if cache.get(key, 0) >= settings.AXES_FAILURE_LIMIT:
            return locked_out(request, view_kwargs.get("page_id"))
        request.page_password_throttle_key = key
        return None


def locked_out(request, page_id):
    """429, in the language of the page the reader asked for (the URL has no language)."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    language = page.locale.language_code if page else settings.LANGUAGE_CODE
    with translation.override(language):
        response = TemplateResponse(
            request,
            TEMPLATE,
            {"failure_limit": settings.AXES_FAILURE_LIMIT, "language_code": language},
            status=429,
        )
        return response.render()
