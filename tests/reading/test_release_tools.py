"""For journalists on each release (issue 13): copy buttons run by a first-party deferred
script, share links without third-party scripts, related releases, and the cluster's "about"
text from its record in the page's language."""

import datetime
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.views import serve
from django.test import Client, RequestFactory

from wagtail.models import PageViewRestriction

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Label
from tests.factories import AwardFactory, ClusterFactory, LabelFactory
from tests.helpers import add_cluster_pages, add_release

pytestmark = pytest.mark.django_db

JS = "newsroom/release-tools.js"


def html_of(release):
    response = Client().get(release.url)
    assert response.status_code == 200
    return response.content.decode()


def hrefs(html):
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', html)]


def related_titles(html):
    match = re.search(r'<section class="related-releases".*?</section>', html, re.S)
    found = re.findall(r'<a href="[^"]+">([^<]+)</a>', match.group(0)) if match else []
    return [title.replace("\xa0", " ") for title in found]


def test_share_links_carry_the_encoded_release_url_and_open_safely(translated_release):
    release = translated_release["releases"]["en"]
    html = html_of(release)
    full_url = "http://testserver" + release.url  # the canonical link's address
    links = hrefs(html)
    assert f'<link rel="canonical" href="{full_url}">' in html
    assert f'<input id="release-link" type="url" value="{full_url}" readonly>' in html
    mailto = next(link for link in links if link.startswith("mailto:"))
    query = parse_qs(urlsplit(mailto).query)
    assert query == {"subject": [release.title], "body": [full_url]}
    shares = {
        "https://www.linkedin.com/sharing/share-offsite/": ("url", full_url),
        "https://twitter.com/intent/tweet": ("url", full_url),
        "https://www.facebook.com/sharer/sharer.php": ("u", full_url),
    }
    for base, (key, value) in shares.items():
        link = next(link for link in links if link.startswith(base + "?"))
        assert parse_qs(urlsplit(link).query)[key] == [value]
        assert "://" not in urlsplit(link).query.replace("%3A%2F%2F", "")  # encoded
        tag = re.search(r'<a href="' + re.escape(base) + r"[^>]*>", html).group(0)
        assert 'rel="noopener"' in tag
    assert "<iframe" not in html


def test_copy_buttons_use_a_deferred_first_party_script_and_no_inline_script(translated_release):
    html = html_of(translated_release["releases"]["pl"])
    scripts = [tag for tag in re.findall(r"<script\b[^>]*>", html) if "ld+json" not in tag]
    assert scripts and all(re.search(r'src="/static/[^"]+" defer', tag) for tag in scripts)
    assert not re.search(r"\son[a-z]+=", html)  # no handler attributes
    assert 'src="/static/newsroom/release-tools.js" defer' in html
    # Without the script the buttons stay hidden and the link is there to copy by hand.
    assert re.search(r"<button [^>]*data-copy-link hidden>", html)
    assert re.search(r"<button [^>]*data-copy-text hidden>", html)
    assert re.search(r'<input id="release-link" type="url" value="http[^"]+" readonly>', html)
    assert re.search(r'role="status" aria-live="polite"', html)
    script = finders.find("newsroom/release-tools.js")
    assert script and "navigator.clipboard.writeText" in Path(script).read_text(encoding="utf-8")


def test_the_script_is_served(settings):
    settings.DEBUG = True  # the static files view
    response = serve(RequestFactory().get("/static/newsroom/release-tools.js"), JS)
    assert response.status_code == 200
    assert b"clipboard" in b"".join(response.streaming_content)


@pytest.fixture
def related_site(site_tree, translated_release):
    """Beside the translated release (a silver award of cluster A): releases of cluster A,
    of another cluster B at the same level, of B at another level, a draft, a private one,
    and one in English."""
    award = translated_release["award"]
    pages_a = translated_release["cluster_pages"]
    cluster_b = ClusterFactory(slug="druga")
    pages_b = add_cluster_pages(site_tree, cluster_b)
    silver_b = AwardFactory(cluster=cluster_b, label=award.label)
    gold = LabelFactory(
        slug="gold", level=Label.Level.GOLD, name_pl="Złota", name_en="Gold", name_ru="Золотой"
    )
    gold_b = AwardFactory(cluster=cluster_b, label=gold)

    def release(pages, title, day, **fields):
        return add_release(
            pages[fields.pop("language", "pl")],
            title=title,
            release_date=datetime.date(2022, 1, day),
            **fields,
        )

    release(pages_a, "A stary", 1)
    release(pages_a, "A nowy", 20)
    release(pages_b, "B srebrny nowszy", 25, awards=[silver_b])
    release(pages_b, "B srebrny starszy", 2, awards=[silver_b])
    release(pages_b, "B złoty", 28, awards=[gold_b])
    release(pages_a, "A szkic", 29, live=False)
    private = release(pages_a, "A prywatny", 30)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    release(pages_a, "A English", 30, language="en")
    return translated_release


def test_related_releases_same_cluster_first_then_same_level_at_most_three(related_site):
    html = html_of(related_site["releases"]["pl"])
    assert related_titles(html) == ["A nowy", "A stary", "B srebrny nowszy"]


def test_related_releases_leave_out_drafts_private_other_languages_and_itself(related_site):
    release = PressReleasePage.objects.get(pk=related_site["releases"]["pl"].pk)
    related = release.related_releases(
        list(release.clusters.all()), list(release.awards.all()), limit=10
    )
    titles = [page.title for page in related]
    assert titles == ["A nowy", "A stary", "B srebrny nowszy", "B srebrny starszy"]
    assert release.title not in titles


def test_a_release_with_nothing_to_relate_lists_none(translated_release):
    html = html_of(translated_release["releases"]["ru"])
    assert "related-releases" not in html


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_about_section_comes_from_the_cluster_record_in_the_page_language(
    translated_release, language
):
    cluster = translated_release["award"].cluster
    cluster.description_pl = "Opis klastra po polsku."
    cluster.description_en = "The cluster in English."
    cluster.description_ru = ""
    cluster.sector_pl, cluster.sector_en, cluster.sector_ru = "Meble", "Furniture", "Мебель"
    cluster.save()
    html = html_of(translated_release["releases"][language])
    section = re.search(
        r'<section class="about-cluster about-cluster--record".*?</section>', html, re.S
    )
    assert section
    text = section.group(0)
    name = getattr(cluster, f"name_{language}")
    assert name in text
    descriptions = {"pl": "Opis klastra po polsku.", "en": "The cluster in English."}
    for code, description in descriptions.items():
        assert (description in text) == (code == language)
    if language == "ru":
        assert "<p>" not in text  # the missing Russian text is left out, not replaced
    sector = getattr(cluster, f"sector_{language}")
    assert sector in text


def test_about_section_is_left_out_when_the_body_has_its_own(site_tree, award):
    pages = add_cluster_pages(site_tree, award.cluster)
    release = add_release(
        pages["en"],
        title="With boilerplate",
        body=[{"type": "about_cluster", "value": {"heading": "", "text": "<p>Our own words.</p>"}}],
    )
    html = html_of(release)
    assert "Our own words." in html
    assert "about-cluster--record" not in html
