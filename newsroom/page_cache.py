"""Readers' pages served from a cache until something they show changes.

A GET outside the admin, from a reader without a session (signed-in editors, and
readers who opened a password-protected page, always get fresh pages), is answered from
the "pages" cache when a 200 response for that URL is stored under the current
*generation* (and for the same values of the request headers it varies on); otherwise
the response is stored, unless it sets a cookie, varies on Cookie, or says
private/no-store. Pages, feeds, the sitemap, robots.txt and search results are all
cached this way.

Any committed change to what pages show moves the generation on (`invalidate`, connected in
`NewsroomConfig.ready` to every save and delete of content models, publish, unpublish, moves
and privacy changes): every stored page is dropped at once, so a publish, a scheduled page
going live or a record change is visible on the next request, and a draft never is. It is
coarse but never stale: a few publishes a day cost a few cold pages, not wrong ones.

The generation lives in the same cache as the pages, which every app process shares (Redis
with REDIS_URL, else files on disk; `CACHES["pages"]`). `NEWSROOM_PAGE_CACHE_SECONDS = 0`
turns it off (the test settings do; tests of the cache turn it on).

A leaf: imports only Django (and Wagtail's signals).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import has_vary_header

CACHE_ALIAS = "pages"
GENERATION_KEY = "newsroom:pages:generation"
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
# Told to browsers and proxies: keep it, but ask again each time (an ETag answers 304).
BROWSER_CACHE_CONTROL = "public, max-age=0, must-revalidate"


def page_cache():
    return caches[CACHE_ALIAS]


def timeout():
    return getattr(settings, "NEWSROOM_PAGE_CACHE_SECONDS", 0)


def generation():
    """The current generation: part of every stored page's key."""
    cache = page_cache()
    current = cache.get(GENERATION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        # Another process may have set one meanwhile: keep theirs.
        if not cache.add(GENERATION_KEY, current, None):
            current = cache.get(GENERATION_KEY) or current
    return current


def invalidate():
    """Drop every stored page, once the current transaction commits (at once outside one):
    a request between the change and its commit would otherwise store the old page again."""
    if timeout():
        transaction.on_commit(_new_generation)


def _new_generation():
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


# Apps whose models' rows public pages show (pages, records, images, tags, sites,
# redirects, translations). Sessions, login attempts, tasks and the search index are not.
CONTENT_APPS = {
    "newsroom",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "taggit",
    "wagtail_localize",
    "wagtailredirects",
}


def on_model_change(sender, **kwargs):
    """post_save / post_delete / m2m_changed of any model: content apps' drop the pages."""
    if sender._meta.app_label in CONTENT_APPS:
        invalidate()


def on_page_event(sender, **kwargs):
    """page_published, page_unpublished, post_page_move (moves write with update())."""
    invalidate()


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(on_model_change, dispatch_uid=f"newsroom_page_cache_{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_event, dispatch_uid=f"newsroom_page_cache_{id(signal)}")


def cacheable_request(request):
    return (
        timeout() > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


def cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


def page_key(request):
    """Where a URL's page is stored: its full address (host, path and query)."""
    address = request.build_absolute_uri().encode("utf-8", "surrogateescape")
    return "newsroom:page:" + hashlib.sha256(address).hexdigest()


def varied_on(request, response):
    """The request headers `response` says it varies on, with this request's values."""
    names = sorted(name.strip().lower() for name in response.get("Vary", "").split(",") if name)
    return {name: request.headers.get(name, "") for name in names if name != "*"}


class AnonymousPageCache:
    """The middleware: first among the page-producing ones, so a stored response carries
    every header the others added (Content-Security-Policy, Content-Language…).

    A lookup is one round trip to the cache (the generation and the page together); the
    page is kept with the generation it was stored under and the values of the request
    headers it varies on, and served only while both still hold."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY) or generation()
        stored = found.get(key)
        if (
            stored is not None
            and stored["generation"] == current
            and varied_on(request, stored["response"]) == stored["varied_on"]
        ):
            response = stored["response"]
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(response):
            response["Cache-Control"] = BROWSER_CACHE_CONTROL
            if hasattr(response, "render") and callable(response.render):
                response.render()
            entry = {
                "generation": current,
                "varied_on": varied_on(request, response),
                "response": response,
            }
            cache.set(key, entry, timeout())
            response["X-Page-Cache"] = "miss"
        return response
