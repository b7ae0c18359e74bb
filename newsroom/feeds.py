"""RSS 2.0 and Atom feeds of releases, built on Django's syndication framework.

Pages route to these (newsroom/models/pages.py): all news of a language, each cluster,
each label level. Links are made absolute from the request's host.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from newsroom.brand import brand_name

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FEED_LENGTH = 30


class ReleaseFeed(Feed):
    """One feed of releases; the page that routes to it supplies title, link and items."""

    def __init__(self, *, kind, title, link, description, releases, language, categories=None):
        super().__init__()
        self.feed_type = FEED_TYPES[kind]
        # The channel is named like the page's <title>: the page, then the brand.
        self.title = f"{title} · {brand_name(language)}"
        self.link = link
        self.description = self.subtitle = description
        self.releases = releases
        self.language = language
        # Not `categories`: Django's Feed reads that attribute as the feed's own categories.
        self.categories_of = categories
        self.author_name = brand_name(language)

    def items(self):
        return list(self.releases[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        # The release date is what the team announces; 9:00 local time stands in for the hour.
        return timezone.make_aware(datetime.datetime.combine(item.release_date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return self.categories_of(item) if self.categories_of else ()

    def item_author_name(self, item):
        return self.author_name

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)


def feed_links(feed_url, title):
    """<link rel="alternate"> entries for a page whose `kind` feed is at `feed_url(kind)`."""
    return [
        {
            "content_type": CONTENT_TYPES[kind],
            "title": f"{title} ({label})",
            "url": feed_url(kind),
        }
        for kind, label in (("rss", "RSS"), ("atom", "Atom"))
    ]


def page_feed(
    request, page, kind, releases, *, description="", title=None, url=None, categories=None
):
    """The `kind` ("rss" or "atom") feed of `releases` for a page, in the page's language.

    `categories(release)` names each item's categories (the page layer knows them).
    """
    if kind not in FEED_TYPES:
        raise Http404
    title = title or page.title
    feed = ReleaseFeed(
        kind=kind,
        title=title,
        link=url or page.get_url(request),
        description=description or title,
        releases=releases,
        language=page.locale.language_code,
        categories=categories,
    )
    response = feed(request)
    # Django's feed writes its XML in hundreds of small pieces, which a WSGI server sends
    # one system call each (2.4 ms a feed instead of 0.6 ms, even from the page cache):
    # one piece instead.
    response.content = response.content
    return response


def feed_description(name):
    return _("Certification news: %(name)s") % {"name": name}
