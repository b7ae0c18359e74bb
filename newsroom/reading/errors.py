"""The 404 and 500 pages: on the site's design, in the language of the address asked for.

A URL under /pl/, /en/ or /ru/ gets its language; any other address (a sitemap that does
not exist, a document) the one the browser prefers, as LocaleMiddleware picks it. Both
pages link to that language's home page and search. `cms/urls.py` names them as Django's
`handler404` and `handler500`, so Wagtail's own 404 (an unknown slug, a route raising
Http404) is this page too.

The 500 page is rendered without the request's context processors and reads nothing from
the database: it must show when the database is what failed. Should even its template
fail (a static file missing from the manifest), a plain page in the same language answers.
"""

import logging

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def error_language(request):
    """The language of the address asked for, else the browser's choice (else Polish)."""
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)


def _error_links():
    """{home_url, search_url} of the active language; None where an address is missing."""
    links = {}
    for key, name, args in (("home_url", "wagtail_serve", [""]), ("search_url", "search", [])):
        try:
            links[key] = reverse(name, args=args)
        except NoReverseMatch:
            links[key] = None
    return links


@requires_csrf_token
def page_not_found(request, exception=None):
    """handler404: the page readers get for an address nothing answers, with the
    navigation every page shows (its news index read once, like any page)."""
    with translation.override(error_language(request)):
        content = loader.render_to_string("404.html", _error_links(), request=request)
    return HttpResponseNotFound(content)


@requires_csrf_token
def server_error(request):
    """handler500: no context processors, no session, no user, no query."""
    language = error_language(request)
    with translation.override(language):
        try:
            content = loader.render_to_string("500.html", _error_links())
        except Exception:
            logger.exception("The 500 page could not be rendered")
            content = format_html(
                '<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><title>{}</title>'
                "</head><body><h1>{}</h1><p>{}</p></body></html>",
                language,
                _("Server error"),
                _("Something went wrong on our side"),
                _("Please try again in a few minutes."),
            )
    return HttpResponseServerError(content)
