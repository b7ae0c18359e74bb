"""What the bench loads, and what one request of each costs inside Django.

- `bench_urls()`: one URL of each public page kind, and the admin screens a signed-in
  editor loads, found in the bench's dataset;
- `probe()`: per URL, the status, the bytes of the body and the SQL queries of a first and
  a repeated request (Django's test client, CaptureQueriesContext); also the session cookie
  wrk sends for the admin screens;
- `publish_one()`: publishing one release as an editor does (save, publish, search index,
  front-end cache purge), timed; and, given the nginx front's address, whether the next
  request through it shows a change.
"""

import re
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from urllib.parse import quote

import modelsearch.index

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import wagtail.search.index
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend
from wagtail.models import Page

from bench import dataset, texts
from newsroom.blocks import body_stream_data
from newsroom.models.pages import ClusterNewsPage, NewsIndexPage, PressReleasePage
from newsroom.models.records import ReleaseTag

LANGUAGE = "pl"
SEARCHES = {"pl": "klastrów", "en": "clusters", "ru": "кластеров"}


def bench_urls():
    """[{name, path, admin}] in a stable order."""
    index = NewsIndexPage.objects.get(locale__language_code=LANGUAGE)
    index_url = index.url
    cluster_page = (
        ClusterNewsPage.objects.filter(locale__language_code=LANGUAGE, numchild__gt=0)
        .order_by("-numchild", "pk")
        .first()
    )
    release = (
        PressReleasePage.objects.live()
        .filter(locale__language_code=LANGUAGE, slug__regex=r"-\d+$")
        .order_by("-release_date", "pk")
        .first()
    )
    tag = ReleaseTag.objects.filter(slug__startswith="bench-").order_by("pk").first()
    count = PressReleasePage.objects.live().filter(locale__language_code=LANGUAGE).count()
    middle_page = max(1, count // settings.NEWSROOM_PAGE_SIZE // 2)
    silver_day = (
        PressReleasePage.objects.live()
        .filter(locale__language_code=LANGUAGE, awards__label__level="silver")
        .order_by("-release_date")
        .values_list("release_date", flat=True)
        .first()
    )
    year = (silver_day or release.release_date).year
    public = [
        ("home", f"/{LANGUAGE}/"),
        ("news index", index_url),
        ("news index ?level&year", f"{index_url}?level=silver&year={year}"),
        (
            "news index ?cluster&country",
            f"{index_url}?cluster={cluster_page.cluster.slug}&country={cluster_page.cluster.country}",
        ),
        (f"news index ?page={middle_page}", f"{index_url}?page={middle_page}"),
        ("level page", f"{index_url}level/gold/"),
        ("tag page", f"{index_url}tag/{quote(tag.url_slugs[LANGUAGE])}/"),
        ("cluster page", cluster_page.url),
        ("release", release.url),
        *[
            (f"search ({code})", f"/{code}/search/?q={quote(query)}")
            for code, query in SEARCHES.items()
        ],
        ("feed: news index RSS", f"{index_url}feed/rss/"),
        ("feed: news index Atom", f"{index_url}feed/atom/"),
        ("feed: level RSS", f"{index_url}level/gold/feed/rss/"),
        ("feed: cluster RSS", f"{cluster_page.url}feed/rss/"),
        ("sitemap.xml", "/sitemap.xml"),
    ]
    admin = [
        ("admin: translation matrix", "/admin/translations/"),
        ("admin: record texts to translate", "/admin/translations/records/"),
        ("admin: clusters", "/admin/snippets/newsroom/cluster/"),
        ("admin: awards", "/admin/snippets/newsroom/award/"),
        ("admin: tags", "/admin/snippets/newsroom/releasetag/"),
    ]
    urls = [{"name": name, "path": path, "admin": False} for name, path in public]
    urls += [{"name": name, "path": path, "admin": True} for name, path in admin]
    return urls


def sitemap_page(body):
    """The first sitemap a sitemap index lists, as a path; None for a plain sitemap."""
    if b"<sitemapindex" not in body:
        return None
    match = re.search(rb"<loc>\s*(?:https?://[^/<]+)?(/[^<\s]*)\s*</loc>", body)
    return match.group(1).decode() if match else None


def measure(client, path):
    with CaptureQueriesContext(connection) as first:
        response = client.get(path)
    with CaptureQueriesContext(connection) as repeated:
        client.get(path)
    return {
        "status": response.status_code,
        "bytes": len(response.content),
        "queries": len(first.captured_queries),
        "queries_repeated": len(repeated.captured_queries),
    }, response.content


def probe():
    """{"urls": [...], "cookie": "sessionid=…"} for the current settings' cache."""
    user = get_user_model().objects.get(username=dataset.BENCH_USER[0])
    anonymous, editor = Client(), Client()
    editor.force_login(user)
    urls = bench_urls()
    measured = []
    for url in urls:
        client = editor if url["admin"] else anonymous
        figures, body = measure(client, url["path"])
        measured.append({**url, **figures})
        child = sitemap_page(body) if url["path"] == "/sitemap.xml" else None
        if child:
            figures, _body = measure(anonymous, child)
            measured.append({"name": "sitemap page 1", "path": child, "admin": False, **figures})
    cookie = editor.cookies[settings.SESSION_COOKIE_NAME].value
    return {"urls": measured, "cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"}


class Timers:
    """Seconds spent in chosen functions while publishing (patched for the measurement)."""

    def __init__(self):
        self.seconds = {}

    @contextmanager
    def around(self, owner, attribute, name):
        original = getattr(owner, attribute)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

        setattr(owner, attribute, timed)
        try:
            yield
        finally:
            setattr(owner, attribute, original)


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "newsroom-bench"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.read().decode(), response.headers.get("X-Cache-Status", "")


def new_release(parent, number):
    cluster = parent.cluster
    award = cluster.awards.filter(live=True).first()
    copy = texts.release_texts(
        LANGUAGE, number, cluster.name_pl, award.label.name_pl, cluster.city_pl, 2026
    )
    release = PressReleasePage(
        title=copy["title"],
        slug=f"bench-published-{number}",
        lead=copy["lead"],
        release_date=dataset.LAST_RELEASE_DAY,
        body=body_stream_data(copy["body"]),
        locale=parent.locale,
    )
    release.clusters = [cluster]
    release.awards = [award]
    return release


def publish_timed(parent, release):
    """Add `release` under `parent` and publish it as the editor's Publish does:
    {"total_ms", "steps_ms", "within_ms"} (search index and purge inside the steps)."""
    timers = Timers()
    steps = {}
    with ExitStack() as patches:
        for module in (modelsearch.index, wagtail.search.index):
            patches.enter_context(timers.around(module, "insert_or_update_object", "search index"))
        patches.enter_context(timers.around(HTTPBackend, "purge", "cache purge"))
        started = time.perf_counter()
        parent = Page.objects.get(pk=parent.pk)
        parent.add_child(instance=release)
        steps["save"] = time.perf_counter() - started
        mark = time.perf_counter()
        revision = release.save_revision()
        steps["save revision"] = time.perf_counter() - mark
        mark = time.perf_counter()
        revision.publish()
        steps["publish"] = time.perf_counter() - mark
        total = time.perf_counter() - started
    return {
        "total_ms": round(total * 1000, 1),
        "steps_ms": {name: round(seconds * 1000, 1) for name, seconds in steps.items()},
        "within_ms": {name: round(seconds * 1000, 1) for name, seconds in timers.seconds.items()},
    }


def publish_one(front=None):
    """Publish a new release under the busiest cluster page, timed: the second of two, so
    the stemmer tables are loaded and Django's caches warm, as in a running worker. Then,
    through the nginx front (`front`: its base URL), edit a cached release and check the
    next request shows the change. Leaves them in the database."""
    parent = (
        ClusterNewsPage.objects.filter(locale__language_code=LANGUAGE)
        .select_related("cluster", "locale")
        .order_by("-numchild", "pk")
        .first()
    )
    number = int(time.time())
    publish_timed(parent, new_release(parent, number))
    result = publish_timed(parent, new_release(parent, number + 1))
    result["purge_configured"] = "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS
    result["release_pages"] = PressReleasePage.objects.count()
    if front:
        result["visible_through_front"] = visible_after_publish(front, parent)
    return result


def visible_after_publish(front, parent):
    """Through the front: a cached release edited and published shows its new title on
    the next request (purged); its cluster page lists the new title then too, or only
    after the front's cache time (lists are not purged)."""
    release = PressReleasePage.objects.live().child_of(parent).order_by("pk").first()
    release_url, parent_url = front + release.url, front + parent.url
    for url in (release_url, release_url, parent_url, parent_url):
        fetch(url)
    _body, status_before = fetch(release_url)
    new_title = f"{release.title} – {int(time.time())}"
    draft = release.get_latest_revision_as_object()
    draft.title = new_title
    draft.save_revision().publish()
    body, status_after = fetch(release_url)
    listing, listing_status = fetch(parent_url)
    return {
        "release_cached_before": status_before,
        "release_after_publish": status_after,
        "release_shows_change": new_title in body,
        "cluster_page_after_publish": listing_status,
        "cluster_page_shows_change": new_title in listing,
    }
