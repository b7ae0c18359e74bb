"""A page in language X shows record texts written in X: never another language's text
passed off as X. Descriptive texts missing in X are left out; names, which must appear, are
marked with the language they are written in."""

import json
import re

import feedparser
import pytest

from django.utils import translation

from tests.helpers import reload

pytestmark = pytest.mark.django_db

SUMMARY_PL = "Audyt potwierdził wysoką jakość zarządzania"
DISTINCTION_PL = "Pierwszy złoty certyfikat w regionie"
LABEL_PL = "Srebrna Odznaka Jakości Zarządzania Klastrem"
DESCRIPTION_PL = "Klaster biotechnologiczny z Krakowa"
SECTOR_PL = "nauki o życiu"


@pytest.fixture
def polish_only(translated_release):
    """The release's award, label and cluster with some texts written in Polish only."""
    award = translated_release["award"]
    award.result_summary_pl, award.result_summary_en, award.result_summary_ru = SUMMARY_PL, "", ""
    award.distinction_pl, award.distinction_en, award.distinction_ru = DISTINCTION_PL, "", ""
    award.save()
    label = award.label
    label.name_en = label.name_ru = ""
    label.save()
    cluster = award.cluster
    cluster.description_pl, cluster.description_en, cluster.description_ru = DESCRIPTION_PL, "", ""
    cluster.sector_pl, cluster.sector_en, cluster.sector_ru = SECTOR_PL, "", ""
    cluster.name_ru = ""
    cluster.save()
    return translated_release


def html(client, url):
    return re.sub(r"\s+", " ", client.get(url).content.decode())


@pytest.mark.parametrize("language", ["en", "ru"])
def test_release_card_leaves_out_texts_missing_in_its_language(client, polish_only, language):
    body = html(client, polish_only["releases"][language].url)
    assert 'class="award-card award-card--silver"' in body
    assert SUMMARY_PL not in body and DISTINCTION_PL not in body
    # The label's name must appear: in Polish, and marked as Polish.
    assert f'<span lang="pl">{LABEL_PL}</span>' in body


def test_polish_release_shows_the_polish_texts_unmarked(client, polish_only):
    body = html(client, polish_only["releases"]["pl"].url)
    assert SUMMARY_PL in body and DISTINCTION_PL in body
    assert LABEL_PL in body and f'<span lang="pl">{LABEL_PL}</span>' not in body


def test_russian_cluster_page_shows_no_polish_profile_text(client, polish_only):
    cluster = polish_only["award"].cluster
    body = html(client, polish_only["cluster_pages"]["ru"].url)
    assert DESCRIPTION_PL not in body and SECTOR_PL not in body and DISTINCTION_PL not in body
    assert f'<span lang="pl">{LABEL_PL}</span>' in body  # the award timeline
    # No Russian name: the English one, marked as English, names the cluster in lists.
    assert f'<span lang="en">{cluster.name_en}</span>' in html(client, "/ru/")
    polish = html(client, polish_only["cluster_pages"]["pl"].url)
    assert DESCRIPTION_PL in polish and SECTOR_PL in polish and DISTINCTION_PL in polish


def test_cluster_filter_marks_a_name_in_another_language(client, polish_only):
    cluster = polish_only["award"].cluster
    body = html(client, "/ru/novosti/")
    assert f'<span lang="en">{cluster.name_en}</span> <span class="facet__count">(1)</span>' in body
    english = html(client, "/en/news/")
    assert f'{cluster.name_en} <span class="facet__count">(1)</span>' in english


def test_feeds_and_json_ld_name_only_what_is_written_in_their_language(client, polish_only):
    cluster = polish_only["award"].cluster
    feed = feedparser.parse(client.get("/ru/novosti/lenta/rss/").content)
    (entry,) = feed.entries
    assert entry.get("tags", []) == []  # no name is written in Russian: none is given
    polish_feed = feedparser.parse(client.get("/pl/aktualnosci/kanal/rss/").content)
    assert [tag.term for tag in polish_feed.entries[0].tags] == [cluster.name_pl, LABEL_PL]

    body = client.get(polish_only["releases"]["ru"].url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    data = json.loads(script.group(1))
    (organization,) = data["about"]
    assert organization["award"] == []
    assert organization["name"] == cluster.name_en


def test_search_indexes_only_the_page_languages_texts(polish_only):
    russian, polish = (reload(polish_only["cluster_pages"][code]) for code in ("ru", "pl"))
    with translation.override("ru"):
        text = russian.search_text()
    assert DESCRIPTION_PL not in text and SECTOR_PL not in text
    assert DESCRIPTION_PL in polish.search_text()
