"""Which pages are private (a password, a login or groups on them or a section above them),
read once per reader's request instead of once per list.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called, and a
page shows several lists (navigation, language links, releases, tags). `public(queryset)`
gives the same answer from the restrictions read once per request (`RestrictionsOncePerRequest`,
for requests outside the admin); elsewhere it reads them each time, as Wagtail does.

A leaf: imports only Django and Wagtail.
"""

from contextvars import ContextVar

from django.db.models import Q

from wagtail.models import PageViewRestriction

_paths = ContextVar("newsroom_restricted_paths", default=None)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def restricted_paths():
    """The tree paths of the pages carrying a view restriction."""
    memo = _paths.get()
    if memo is not None and "paths" in memo:
        return memo["paths"]
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if memo is not None:
        memo["paths"] = paths
    return paths


def public(queryset):
    """`queryset.public()`: without the restricted pages and everything below them."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


def is_private(page):
    """Whether `page` is behind a view restriction, its own or an ancestor's."""
    return any(page.path.startswith(path) for path in restricted_paths())


class RestrictionsOncePerRequest:
    """Middleware: a reader's request reads the view restrictions at most once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIXES):
            return self.get_response(request)
        token = _paths.set({})
        try:
            return self.get_response(request)
        finally:
            _paths.reset(token)
