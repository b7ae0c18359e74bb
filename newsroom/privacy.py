"""Which pages are private (a password, a login or groups on them or a section above them),
read once per reader's request instead of once per list.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called, and a
page shows several lists (navigation, language links, releases, tags). `public(queryset)`
gives the same answer from the restrictions read once per request (`RestrictionsOncePerRequest`,
for requests outside the admin); elsewhere it reads them each time, as Wagtail does.

A leaf: imports only Django and Wagtail.
"""

from contextvars import ContextVar

from django.db.models import F, Q

from wagtail.models import PageViewRestriction

_paths = ContextVar("newsroom_restricted_paths", default=None)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def _restrictions():
    """Every view restriction, with its page's tree path (`page_path`)."""
    memo = _paths.get()
    if memo is not None and "restrictions" in memo:
        return memo["restrictions"]
    restrictions = list(PageViewRestriction.objects.annotate(page_path=F("page__path")))
    if memo is not None:
        memo["restrictions"] = restrictions
    return restrictions


def restricted_paths():
    """The tree paths of the pages carrying a view restriction."""
    return [restriction.page_path for restriction in _restrictions()]


def view_restrictions_of(page):
    """For Wagtail's serve check (`Page.get_view_restrictions`) in a reader's request: the
    restrictions on `page` and its ancestors from those read once per request, instead
    of two queries of its own. None elsewhere, and for an alias page (Wagtail follows it
    to its original); like `PageQuerySet.public()`, ancestors count by tree path."""
    if _paths.get() is None or page.alias_of_id:
        return None
    return [r for r in _restrictions() if page.path.startswith(r.page_path)]


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
