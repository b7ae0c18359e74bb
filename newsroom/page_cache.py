"""Readers' pages served from a cache until something they show changes.

A GET outside the admin, from a reader without a session (signed-in editors, and
readers who opened a password-protected page, always get fresh pages), is answered from
the "pages" cache when a 200 response for that URL (and the request headers it varies on)
is stored under the current *generation*; otherwise the response is stored, unless it
sets a cookie, varies on Cookie, or says private/no-store. Pages, feeds, the sitemap,
robots.txt and search results are all cached this way.

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

import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import get_cache_key, has_vary_header, learn_cache_key

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


class AnonymousPageCache:
    """The middleware: first among the page-producing ones, so a stored response carries
    every header the others added (Content-Security-Policy, Content-Language…)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        prefix = f"pages.{generation()}"
        key = get_cache_key(request, prefix, "GET", cache=cache)
        if key is not None:
            stored = cache.get(key)
            if stored is not None:
                stored["X-Page-Cache"] = "hit"
                return stored
        response = self.get_response(request)
        if cacheable_response(response):
            response["Cache-Control"] = BROWSER_CACHE_CONTROL
            if hasattr(response, "render") and callable(response.render):
                response.render()
            key = learn_cache_key(request, response, timeout(), prefix, cache=cache)
            cache.set(key, response, timeout())
            response["X-Page-Cache"] = "miss"
        return response
