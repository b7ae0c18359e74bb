"""A small Polish/English/Russian site, built per test from the same builders as the demo."""

import datetime
import io
import uuid

import pytest

from django.core.management import call_command

from wagtail.models import Locale, Page, Site

from newsroom.demo.builders import publish_new_page
from newsroom.models.pages import ClusterNewsPage, HomePage, NewsIndexPage, PressReleasePage
from tests.factories import AwardFactory

LANGUAGES = ("pl", "en", "ru")
INDEX_SLUGS = {"pl": "aktualnosci", "en": "news", "ru": "novosti"}


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


@pytest.fixture
def site_tree(locales):
    """Home and news index pages in pl, en and ru, with the pl home as the site root."""
    root = Page.get_first_root_node()
    root.get_children().delete()
    home_key, index_key = uuid.uuid4(), uuid.uuid4()
    homes, indexes = {}, {}
    for code, locale in locales.items():
        homes[code] = publish_new_page(
            root,
            HomePage(
                title=f"Home {code}", slug=f"home-{code}", locale=locale, translation_key=home_key
            ),
        )
        indexes[code] = publish_new_page(
            homes[code],
            NewsIndexPage(
                title=f"News {code}",
                slug=INDEX_SLUGS[code],
                locale=locale,
                translation_key=index_key,
            ),
        )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=homes["pl"], is_default_site=True)
    return {"homes": homes, "indexes": indexes}


@pytest.fixture
def award(db):
    return AwardFactory()


def add_cluster_pages(site_tree, cluster):
    key = uuid.uuid4()
    return {
        code: publish_new_page(
            index,
            ClusterNewsPage(
                title=cluster.name,
                slug=cluster.slug,
                cluster=cluster,
                locale=index.locale,
                translation_key=key,
            ),
        )
        for code, index in site_tree["indexes"].items()
    }


def add_release(
    parent, *, title, awards=(), release_date=datetime.date(2021, 6, 17), key=None, live=True
):
    page = PressReleasePage(
        title=title,
        slug=f"release-{uuid.uuid4().hex[:8]}",
        lead=f"Lead of {title}",
        release_date=release_date,
        body=[{"type": "paragraph", "value": f"<p>Body of {title}</p>"}],
        locale=parent.locale,
        translation_key=key or uuid.uuid4(),
    )
    page.awards = list(awards)
    page.clusters = [parent.specific.cluster]
    if live:
        return publish_new_page(parent, page)
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture
def translated_release(site_tree, award):
    """One release in pl, en and ru, announcing `award`, under its cluster's pages."""
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    key = uuid.uuid4()
    titles = {
        "pl": "Srebrna Odznaka dla klastra",
        "en": "Silver Label for the cluster",
        "ru": "Серебряный сертификат кластеру",
    }
    releases = {
        code: add_release(cluster_pages[code], title=titles[code], awards=[award], key=key)
        for code in LANGUAGES
    }
    return {"releases": releases, "cluster_pages": cluster_pages, "award": award}


@pytest.fixture
def demo_site(db):
    call_command("load_initial_data", stdout=io.StringIO())
