"""Fixtures every part of the suite uses: a small Polish/English/Russian site, an award,
the demo site, and a logged-in superuser. Helpers tests call themselves are in helpers.py."""

import contextlib
import io
import uuid

import pytest
import wagtail_factories

from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale, Page, Site

from newsroom.languages import site_languages
from tests.factories import AwardFactory, HomePageFactory, NewsIndexPageFactory, SuperuserFactory
from tests.helpers import add_cluster_pages, add_release

INDEX_SLUGS = {"pl": "aktualnosci", "en": "news", "ru": "novosti"}


def build_site_tree():
    """Home and news index pages in every site language, with the Polish home as the site root."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in site_languages()
    }
    # Wagtail's starter "Welcome" page and its site make way for ours.
    Page.get_first_root_node().get_children().delete()
    Site.objects.all().delete()
    home_key, index_key = uuid.uuid4(), uuid.uuid4()
    homes = {
        code: HomePageFactory(locale=locale, translation_key=home_key)
        for code, locale in locales.items()
    }
    indexes = {
        code: NewsIndexPageFactory(parent=home, slug=INDEX_SLUGS[code], translation_key=index_key)
        for code, home in homes.items()
    }
    wagtail_factories.SiteFactory(
        hostname="localhost", port=80, root_page=homes["pl"], is_default_site=True
    )
    return {"homes": homes, "indexes": indexes}


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in site_languages()}


@pytest.fixture
def site_tree(db):
    return build_site_tree()


@contextlib.contextmanager
def built_for_module(django_db_blocker, build):
    """For a module-scoped fixture: runs `build()` once per test module (and test worker)
    and gives what it returned; what it made stays in the database for the module's tests,
    each of which runs in a savepoint rolled back after it (as Django's
    `TestCase.setUpTestData`), and the module's end rolls it all back.

    Only for modules whose every test starts from the same data. Keep what `build()`
    returns to primary keys: tests load fresh objects.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)


@pytest.fixture
def award(db):
    return AwardFactory()


@pytest.fixture
def translated_release(site_tree, award):
    """One release in every site language, announcing `award`, under its cluster's pages."""
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    key = uuid.uuid4()
    titles = {
        "pl": "Srebrna Odznaka dla klastra",
        "en": "Silver Label for the cluster",
        "ru": "Серебряный сертификат кластеру",
    }
    releases = {
        code: add_release(page, title=titles[code], awards=[award], key=key)
        for code, page in cluster_pages.items()
    }
    return {"releases": releases, "cluster_pages": cluster_pages, "award": award}


def load_demo():
    call_command("load_initial_data", stdout=io.StringIO())


@pytest.fixture
def demo_site(request, db):
    """The demo newsroom (`load_initial_data`). A module whose tests all start from it opts
    in to loading it once (`pytestmark = pytest.mark.usefixtures("demo_once")`)."""
    if "demo_once" not in request.fixturenames:
        load_demo()


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo loaded once for the module (`built_for_module`): each test's writes are
    rolled back after it."""
    with built_for_module(django_db_blocker, load_demo):
        yield


@pytest.fixture
def admin_user(db):
    """A superuser with a name, as the admin shows people (pytest-django's, with a name)."""
    return SuperuserFactory(username="boss", first_name="Anna", last_name="Nowak")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
