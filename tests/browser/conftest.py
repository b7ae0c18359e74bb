"""Browser tests: Debian Chromium driven by Playwright against pytest-django's live server.

`make browser-deps` (a dependency of `make test`) installs what these need beyond
requirements.txt: /usr/bin/chromium (Debian's package) and node_modules/axe-core.
Playwright's own browser downloads are never used: the browser is always Debian's.
"""

import io
import os
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest

from django.core.management import call_command

from newsroom.languages import site_languages
from newsroom.models.pages import ClusterNewsPage, NewsIndexPage, PressReleasePage
from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, DESKTOP, SEARCH_WORDS, TIMEOUT_MS
from tests.helpers import route_path, search_path


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: drives Debian Chromium through Playwright against the live server "
        "(needs `make browser-deps`)",
    )


@dataclass
class DemoSite:
    """The demo newsroom served by the live server, with the URLs the tests start from."""

    base_url: str
    news_index: dict  # language -> path of the news index
    cluster: dict  # language -> path of the Kaluga cluster page
    releases: dict  # language -> paths of live releases, newest first
    kaluga_release: dict  # language -> path of the Kaluga release (one translation set)
    release_dates: dict  # path of every live release -> its release date

    def url(self, path):
        return self.base_url + path

    def level(self, code, level="silver"):
        return self.news_index[code] + route_path(code, "level", level)

    def search(self, code):
        return search_path(code)

    def reading_pages(self, code):
        """(name, path) of one page of each kind a reader meets, in language `code`."""
        return [
            ("home", f"/{code}/"),
            ("news index", self.news_index[code]),
            ("cluster page", self.cluster[code]),
            ("level page (silver)", self.level(code)),
            ("cluster directory", self.news_index[code] + route_path(code, "clusters")),
            ("search results", f"{self.search(code)}?{urlencode({'q': SEARCH_WORDS[code]})}"),
            ("release page", self.kaluga_release[code]),
        ]


@pytest.fixture
def demo(django_db_serialized_rollback, live_server):
    """The demo content, loaded as `make run` loads it, behind the live server.

    The live server needs a transactional database, which is emptied after each test;
    the serialized rollback restores what migrations created (Wagtail's root page) first.
    Publishing the pages fills the database search index.
    """
    call_command("load_initial_data", stdout=io.StringIO())
    news_index, cluster, releases, kaluga_release, release_dates = {}, {}, {}, {}, {}
    for code in site_languages():
        news_index[code] = NewsIndexPage.objects.live().get(locale__language_code=code).url
        cluster_page = ClusterNewsPage.objects.live().get(
            locale__language_code=code, cluster__slug="kaluga-pharma"
        )
        cluster[code] = cluster_page.url
        live = PressReleasePage.objects.live().filter(locale__language_code=code)
        releases[code] = [page.url for page in live.order_by("-release_date", "-pk")]
        release_dates.update({page.url: page.release_date for page in live})
        kaluga_release[code] = live.child_of(cluster_page).get().url
    return DemoSite(
        base_url=live_server.url,
        news_index=news_index,
        cluster=cluster,
        releases=releases,
        kaluga_release=kaluga_release,
        release_dates=release_dates,
    )


@pytest.fixture
def browser(demo):
    """Debian Chromium, started after the demo content is in place and closed before it goes.

    Per test on purpose: while Playwright's sync API runs, it keeps an asyncio loop running
    in this thread, so Django takes the thread for async code. Its ORM then refuses to run,
    and asgiref gives the thread a second set of database connections, which lose the test
    database's serialized contents (the restore of Wagtail's root page). So the database is
    used only before the browser starts (`demo`) and after it stops (the flush). Starting
    Playwright and Chromium takes about a second. Test code must not use the ORM: put what
    a test needs into `DemoSite`.
    """
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (Debian's chromium package).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_page(browser, demo, **context_options):
    context = browser.new_context(base_url=demo.base_url, **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser, demo):
    """A page in a fresh desktop context (its own cookies and cache) with JavaScript on."""
    context, page = new_page(browser, demo, viewport=DESKTOP)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, demo):
    context, page = new_page(browser, demo, viewport=DESKTOP, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture
def open_page(browser, demo):
    """open_page(viewport=…, **context options) -> a new page; contexts close after the test."""
    contexts = []

    def open_(**options):
        context, page = new_page(browser, demo, **options)
        contexts.append(context)
        return page

    yield open_
    for context in contexts:
        context.close()
