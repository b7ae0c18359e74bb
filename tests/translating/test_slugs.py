"""Every page's slug is ASCII and made from its own title in its own language: pages added
in the admin, translations made through wagtail-localize, imported releases alike."""

import json
import re
from html import unescape

import pytest

from django.urls import reverse
from django.utils.text import slugify

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.slugs import ascii_slug
from tests.factories import ClusterFactory, ClusterNewsPageFactory
from tests.helpers import add_cluster_pages, add_release, release_add_url, release_form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "language", "slug"),
    [
        ("Kraków ze złotą odznaką", "pl", "krakow-ze-zlota-odznaka"),
        ("Łódź: Ćwiczenia „na żywo”", "pl", "lodz-cwiczenia-na-zywo"),
        ("Калужский фармацевтический кластер", "ru", "kaluzhsky-farmatsevtichesky-klaster"),
        ("Серебряный знак «ЕСКА» — ёлки и подъезд", "ru", "serebryany-znak-yeska-yolki-i-podyezd"),
        ("Silver Label for the Cluster", "en", "silver-label-for-the-cluster"),
        ("«»—", "ru", ""),
    ],
)
def test_slugs_are_transliterated_by_each_languages_rules(text, language, slug):
    assert ascii_slug(text, language) == slug


def test_a_polish_release_added_in_the_admin_gets_an_ascii_slug(admin_client, site_tree, award):
    cluster_page = add_cluster_pages(site_tree, award.cluster)["pl"]
    title = "Kraków ze złotą odznaką"
    # What the slug field sent with Unicode slugs allowed, as the issue found it.
    data = release_form_data(title, awards=[award], slug="kraków-ze-złotą-odznaką")
    data["action-publish"] = "action-publish"

    response = admin_client.post(release_add_url(cluster_page), data)

    assert response.status_code == 302
    page = PressReleasePage.objects.get(title=title)
    assert page.slug == "krakow-ze-zlota-odznaka"
    assert page.url == f"{cluster_page.url}krakow-ze-zlota-odznaka/"
    assert admin_client.get(page.url).status_code == 200


def test_a_russian_page_added_in_the_admin_is_romanised(admin_client, site_tree, award):
    cluster_page = add_cluster_pages(site_tree, award.cluster)["ru"]
    title = "Серебряный знак кластеру"
    data = release_form_data(title, awards=[award], slug="серебряный-знак-кластеру")

    assert admin_client.post(release_add_url(cluster_page), data).status_code == 302

    assert PressReleasePage.objects.get(title=title).slug == "serebryany-znak-klasteru"


def test_the_admin_slug_field_makes_ascii_slugs(admin_client, site_tree, award):
    cluster_page = add_cluster_pages(site_tree, award.cluster)["pl"]
    html = admin_client.get(release_add_url(cluster_page)).content.decode()
    slug_input = re.search(r'<input type="text" name="slug"[^>]*>', html).group(0)
    # Wagtail's slug controller keeps Unicode only when told to (a false value is left out).
    assert 'data-controller="w-slug"' in slug_input
    assert "allow-unicode" not in slug_input


def test_the_russian_slug_field_proposes_the_servers_romanisation(admin_client, site_tree, award):
    """The slug Wagtail's field fills in while a Russian title is typed is the one the
    server makes: the field carries the Wikipedia system's rules as its formatters, which
    (run here as the browser runs them: in order, global, case-insensitive) give the same
    slug, where Wagtail's own table would write "j" for "й" and "h" for "х"."""
    pages = add_cluster_pages(site_tree, award.cluster)
    html = admin_client.get(release_add_url(pages["ru"])).content.decode()
    slug_input = re.search(r'<input type="text" name="slug"[^>]*>', html).group(0)
    formatters = json.loads(
        unescape(re.search(r'data-w-slug-formatters-value="([^"]*)"', slug_input).group(1))
    )
    assert 'data-w-slug-locale-value="ru"' in slug_input

    def typed(title):
        for (pattern, flags), latin in formatters:
            assert set(flags) == set("giu")
            title = re.sub(pattern, latin, title, flags=re.IGNORECASE)
        return slugify(title)

    for title in (
        "Калужский фармацевтический кластер получил серебряный знак",
        "Ёлка, съезд и объединённые усилия: её успех",
        "Новый Уренгой — крупнейший ИТ-кластер Ханты-Мансийского округа",
    ):
        assert typed(title) == ascii_slug(title, "ru")
    # Polish needs no rules of its own: Wagtail's table and anyascii agree.
    polish = admin_client.get(release_add_url(pages["pl"])).content.decode()
    assert "data-w-slug-formatters-value" not in polish


def test_an_editors_own_ascii_slug_is_kept(admin_client, site_tree, award):
    cluster_page = add_cluster_pages(site_tree, award.cluster)["pl"]
    data = release_form_data("Kraków ze złotą odznaką", awards=[award], slug="zloto-2024")
    admin_client.post(release_add_url(cluster_page), data)
    assert PressReleasePage.objects.get(title="Kraków ze złotą odznaką").slug == "zloto-2024"


def translate(source_page, locale, texts, django_capture_on_commit_callbacks):
    """Translate `source_page` into `locale` as a translator would in wagtail-localize's
    editor: each segment from `texts`, the others (the slug among them) left as the source
    has them; then publish."""
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string"):
        text = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": texts.get(text, text)},
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return PressReleasePage.objects.get(translation_key=source_page.translation_key, locale=locale)


def test_a_russian_translation_gets_a_slug_of_its_own_title(
    site_tree, award, locales, django_capture_on_commit_callbacks
):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    source_page = add_release(cluster_pages["pl"], title="Kraków ze złotą odznaką")
    # A release added before slugs were ASCII: wagtail-localize used to drop its "ł".
    Page.objects.filter(pk=source_page.pk).update(slug="kraków-ze-złotą-odznaką")
    source_page.refresh_from_db()

    page = translate(
        source_page,
        locales["ru"],
        {"Kraków ze złotą odznaką": "Краков с золотым знаком"},
        django_capture_on_commit_callbacks,
    )

    assert page.live
    assert page.slug == "krakov-s-zolotym-znakom"
    assert page.url == f"{cluster_pages['ru'].url}krakov-s-zolotym-znakom/"


def test_a_translation_keeps_its_slug_when_synced_again(
    site_tree, award, locales, django_capture_on_commit_callbacks
):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    source_page = add_release(cluster_pages["pl"], title="Kraków ze złotą odznaką")
    assert source_page.slug.startswith("release-")  # the factory's own, kept
    first = translate(
        source_page,
        locales["en"],
        {"Kraków ze złotą odznaką": "Kraków with the gold label"},
        django_capture_on_commit_callbacks,
    )
    assert first.slug == "krakow-with-the-gold-label"

    again = translate(
        source_page,
        locales["en"],
        {"Kraków ze złotą odznaką": "Kraków receives the gold label"},
        django_capture_on_commit_callbacks,
    )

    assert again.title == "Kraków receives the gold label"
    assert again.slug == "krakow-with-the-gold-label"  # its address does not move


def test_a_translators_own_slug_is_kept(
    site_tree, award, locales, django_capture_on_commit_callbacks
):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    source_page = add_release(cluster_pages["pl"], title="Złota odznaka")
    page = translate(
        source_page,
        locales["ru"],
        {"Złota odznaka": "Золотой знак", source_page.slug: "zoloto"},
        django_capture_on_commit_callbacks,
    )
    assert page.slug == "zoloto"


@pytest.mark.parametrize("slug", ["klastry", "level", "poziom"])
def test_a_cluster_page_cannot_take_a_word_of_the_news_index(admin_client, site_tree, slug):
    """The news index answers these itself (its lists, and the old English addresses that
    redirect to them): a child page there could never be reached."""
    index = site_tree["indexes"]["pl"]
    url = reverse("wagtailadmin_pages:add", args=["newsroom", "clusternewspage", index.pk])
    data = nested_form_data(
        {
            "title": "Klastry",
            "slug": slug,
            "cluster": ClusterFactory().pk,
            "intro": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert not ClusterNewsPage.objects.filter(slug=slug).exists()


def test_a_cluster_page_titled_like_a_route_gets_another_slug(site_tree):
    page = ClusterNewsPageFactory(
        parent=site_tree["indexes"]["pl"], cluster=ClusterFactory(), title="Klastry", slug=""
    )
    page = ClusterNewsPage.objects.get(pk=page.pk)
    assert page.slug == "klastry-2"
