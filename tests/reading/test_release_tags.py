"""Per-language tags: a release shows its tags in its own language only, each linking to
that tag's list of releases in that language; translations keep the same tags."""

import re
from urllib.parse import quote

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation, TranslationSource

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import ReleaseTag
from tests.helpers import add_release, read_sitemap, text_of

pytestmark = pytest.mark.django_db

GOLD_PL = "złota odznaka"
GOLD_RU = "золотой сертификат"


def add_url(cluster_page):
    return reverse("wagtailadmin_pages:add", args=["newsroom", "pressreleasepage", cluster_page.pk])


def publish_release_from_the_editor(client, cluster_page, slug, tags):
    """A release written and published in the page editor, with `tags` typed in its field."""
    data = nested_form_data(
        {
            "title": f"Komunikat {slug}",
            "slug": slug,
            "release_date": "2024-03-05",
            "lead": "Krótki wstęp.",
            "body": streamfield([("paragraph", rich_text("<p>Treść komunikatu.</p>"))]),
            "tags": tags,
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-publish": "action-publish",
        }
    )
    response = client.post(add_url(cluster_page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return PressReleasePage.objects.get(slug=slug, locale=cluster_page.locale)


def translate(source_page, locale, django_capture_on_commit_callbacks):
    """Create or update `source_page`'s translation through wagtail-localize, as its
    translation editor does: strings untranslated fall back to the source's."""
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return PressReleasePage.objects.get(translation_key=source_page.translation_key, locale=locale)


def name_in_admin(client, tag, **labels):
    """Name `tag` in some languages through its record edit form, as a translator does."""
    url = reverse("wagtailsnippets_newsroom_releasetag:edit", args=[tag.pk])
    form = client.get(url).context["form"]
    data = {
        name: ("" if form[name].value() is None else form[name].value()) for name in form.fields
    }
    data.update({f"label_{code}": text for code, text in labels.items()})
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    tag.refresh_from_db()
    return tag


def tag_links(response):
    """(href, text) of the tag links on a release page."""
    footer = re.search(r'<footer class="release__tags">.*?</footer>', text_of(response))
    return re.findall(r'<a href="([^"]+)" rel="tag">([^<]+)</a>', footer.group(0)) if footer else []


@pytest.fixture
def polish_release(admin_client, translated_release):
    """A Polish release published from the editor with the tag “złota odznaka” typed in."""
    cluster_pages = translated_release["cluster_pages"]
    return publish_release_from_the_editor(
        admin_client, cluster_pages["pl"], "zloty-komunikat", f'"{GOLD_PL}"'
    )


def test_a_tag_typed_on_a_polish_release_is_named_in_polish_only(polish_release):
    (tag,) = polish_release.tags.all()
    assert (tag.name, tag.label_pl, tag.label_en, tag.label_ru) == (GOLD_PL, GOLD_PL, None, None)
    assert tag.url_slugs == {"pl": "zlota-odznaka"}


def test_the_russian_translation_shows_no_polish_tag_until_the_tag_is_named_in_russian(
    client, admin_client, polish_release, locales, django_capture_on_commit_callbacks
):
    russian = translate(polish_release, locales["ru"], django_capture_on_commit_callbacks)
    (tag,) = polish_release.tags.all()
    assert list(russian.tags.all()) == [tag]  # the same tag concept, synchronised

    page = client.get(russian.url)
    assert page.status_code == 200
    assert GOLD_PL not in page.content.decode()
    assert tag_links(page) == []

    name_in_admin(admin_client, tag, ru=GOLD_RU)
    assert tag.url_slugs["ru"] == "zolotoy-sertifikat"
    page = client.get(russian.url)
    ((href, text),) = tag_links(page)
    assert text == GOLD_RU
    assert href == "/ru/novosti/teg/zolotoy-sertifikat/"
    assert GOLD_PL not in page.content.decode()

    listing = client.get(href)
    assert listing.status_code == 200
    html = text_of(listing)
    assert GOLD_RU in re.search(r"<h1>(.*?)</h1>", html).group(1)
    assert f'href="{russian.url}"' in html
    assert f'href="{polish_release.url}"' not in html  # another language's release


def test_the_tag_list_leaves_out_drafts_and_other_tags(
    client, polish_release, translated_release, locales, django_capture_on_commit_callbacks
):
    russian = translate(polish_release, locales["ru"], django_capture_on_commit_callbacks)
    (tag,) = polish_release.tags.all()
    tag.label_ru = GOLD_RU
    tag.save()
    ru_cluster_page = translated_release["cluster_pages"]["ru"]
    draft = add_release(ru_cluster_page, title="Черновик", live=False)
    draft.tags.add(tag)
    draft.save()
    untagged = translated_release["releases"]["ru"]

    html = text_of(client.get(f"/ru/novosti/teg/{quote(tag.url_slugs['ru'])}/"))
    assert f'href="{russian.url}"' in html
    assert "Черновик" not in html
    assert f'href="{untagged.url}"' not in html


def test_the_tag_list_links_the_same_tag_in_the_languages_it_is_named_in(
    client, polish_release, locales, django_capture_on_commit_callbacks
):
    translate(polish_release, locales["ru"], django_capture_on_commit_callbacks)
    (tag,) = polish_release.tags.all()
    tag.label_ru = GOLD_RU
    tag.save()
    html = text_of(client.get(f"/ru/novosti/teg/{quote(tag.url_slugs['ru'])}/"))
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html)
    )
    assert alternates["ru"] == "http://testserver/ru/novosti/teg/zolotoy-sertifikat/"
    assert alternates["pl"] == "http://testserver/pl/aktualnosci/tag/zlota-odznaka/"
    assert "en" not in alternates  # no English name: no English list
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical == alternates["ru"]


def test_a_tag_without_a_name_in_the_language_has_no_list_there(client, polish_release):
    (tag,) = polish_release.tags.all()
    assert client.get(f"/pl/aktualnosci/tag/{quote(tag.url_slugs['pl'])}/").status_code == 200
    assert client.get(f"/en/news/tag/{quote(tag.url_slugs['pl'])}/").status_code == 404
    assert client.get("/en/news/tag/no-such-tag/").status_code == 404


@pytest.mark.parametrize(
    "slug", ["%00", "a" * 300, "%E2%80%AE", "..", "x'%20OR%201=1", "%F0%9F%92%A5", "%ff"]
)
def test_odd_tag_addresses_are_not_found_never_an_error(client, site_tree, slug):
    assert client.get(f"/en/news/tag/{slug}/").status_code == 404


def test_wagtail_localize_sync_keeps_the_tags_without_naming_them_in_the_target_language(
    client, polish_release, locales, django_capture_on_commit_callbacks
):
    russian = translate(polish_release, locales["ru"], django_capture_on_commit_callbacks)
    draft = polish_release.get_latest_revision_as_object()
    draft.tags.add("benchmarking")
    draft.save_revision().publish()
    russian = translate(polish_release, locales["ru"], django_capture_on_commit_callbacks)

    tags = {tag.name: tag for tag in russian.tags.all()}
    assert set(tags) == {GOLD_PL, "benchmarking"}
    assert {tag.label_ru for tag in tags.values()} == {None}  # nothing Polish in Russian
    assert tags["benchmarking"].label_pl == "benchmarking"
    assert tag_links(client.get(russian.url)) == []


def test_release_page_and_tag_list_run_a_fixed_number_of_queries(
    client, translated_release, locales
):
    cluster_page = translated_release["cluster_pages"]["en"]
    tags = [ReleaseTag.objects.create(name=name, label_en=name) for name in ("a", "b", "c")]

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    first = add_release(cluster_page, title="First")
    first.tags.add(tags[0])
    first.save()
    one_tag_page = queries(first.url)
    one_release_list = queries(f"/en/news/tag/{tags[0].url_slugs['en']}/")

    first.tags.add(*tags[1:])
    first.save()
    for n in range(2):
        release = add_release(cluster_page, title=f"More {n}")
        release.tags.add(*tags)
        release.save()
    assert queries(first.url) == one_tag_page
    assert queries(f"/en/news/tag/{tags[0].url_slugs['en']}/") == one_release_list


def test_the_release_editor_autocompletes_release_tags(admin_client, polish_release):
    widget_url = reverse("wagtailadmin_tag_model_autocomplete", args=["newsroom", "releasetag"])
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[polish_release.pk]))
    assert widget_url in editor.content.decode()
    assert admin_client.get(widget_url, {"term": "zło"}).json() == [GOLD_PL]


def test_the_sitemap_lists_tag_lists_of_live_releases_only(
    client, polish_release, translated_release, locales, django_capture_on_commit_callbacks
):
    translate(polish_release, locales["ru"], django_capture_on_commit_callbacks)
    (gold,) = polish_release.tags.all()
    gold.label_ru = GOLD_RU
    gold.label_en = "gold label"  # named in English, but no English release carries it
    gold.save()
    hidden = ReleaseTag.objects.create(name="embargo", label_pl="embargo")
    draft = add_release(translated_release["cluster_pages"]["pl"], title="Szkic", live=False)
    draft.tags.add(hidden)
    draft.save()

    xml = read_sitemap(client).text
    ru_list = "http://testserver/ru/novosti/teg/zolotoy-sertifikat/"
    pl_list = "http://testserver/pl/aktualnosci/tag/zlota-odznaka/"
    assert f"<loc>{ru_list}</loc>" in xml and f"<loc>{pl_list}</loc>" in xml
    assert f'hreflang="ru" href="{ru_list}"' in xml
    assert "/en/news/tag/" not in xml
    assert "embargo" not in xml


def test_an_old_unicode_tag_address_redirects_to_its_ascii_one(client, polish_release):
    """Tag addresses were Unicode (złota-odznaka) before they were transliterated: a link
    shared then still reaches the list, by a permanent redirect that keeps the query."""
    response = client.get(f"/pl/aktualnosci/tag/{quote('złota-odznaka')}/?year=2021")
    assert response.status_code == 301
    assert response["Location"] == "/pl/aktualnosci/tag/zlota-odznaka/?year=2021"
    assert client.get(response["Location"]).status_code == 200
    # A Unicode address no tag ever had is not found.
    assert client.get(f"/pl/aktualnosci/tag/{quote('srebrna-ódznaka')}/").status_code == 404
