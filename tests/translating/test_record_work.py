"""A translator's work list on the records: the record texts their language's releases show
and lack, reached from the matrix and the admin's home, gone once translated (even as a
draft of a live record, which the page's approval publishes)."""

import datetime
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.models.publication import pending_version
from newsroom.models.records import Award, CertificationBody, Cluster, Label, ReleaseTag
from newsroom.translating.choices import FieldStatus
from newsroom.translating.record_work import EXAMPLE_PAGES, RecordWorkList
from newsroom.translating.records import field_status, record_texts_shown_by
from newsroom.translating.views.records import RecordWorkPanel, RecordWorkView
from tests.factories import (
    AwardFactory,
    CertificationBodyFactory,
    ClusterFactory,
    LabelFactory,
)
from tests.helpers import add_cluster_pages, add_release, post_from_form

pytestmark = pytest.mark.django_db

URL = reverse("newsroom_translations:records")


@pytest.fixture
def untranslated(translated_release):
    """The award's distinction has no Russian version; its English one is there."""
    award = translated_release["award"]
    award.distinction_ru = ""
    award.save()
    return translated_release


def rows(html):
    return re.findall(r'<tr data-record="[^"]*" data-field="(\w+)">(.*?)</tr>', html, re.S)


def test_the_russian_translator_sees_the_missing_text_with_the_releases_showing_it(
    client, team, untranslated
):
    client.force_login(team["translator"])
    html = client.get(URL).content.decode()
    ((field, row),) = rows(html)
    assert field == "distinction"
    assert "drugi klaster w Polsce" in row  # the Polish source text
    assert untranslated["releases"]["ru"].title in row
    assert untranslated["releases"]["pl"].title not in row
    edit = reverse("wagtailsnippets_newsroom_award:edit", args=[untranslated["award"].pk])
    assert f'href="{edit}"' in row
    # The English translator has nothing to do: the English distinction is there.
    client.force_login(team["translators"]["en"][0])
    assert rows(client.get(URL).content.decode()) == []


def test_a_draft_translation_of_the_live_award_takes_the_text_off_the_list(
    client, team, untranslated
):
    client.force_login(team["translator"])
    post_from_form(client, untranslated["award"], distinction_ru="второй кластер в Польше")
    assert untranslated["award"].distinction_ru == ""  # a draft: readers do not see it yet
    assert rows(client.get(URL).content.decode()) == []


def test_the_matrix_and_the_admin_home_lead_to_it(client, team, untranslated):
    client.force_login(team["translator"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{URL}?language=ru"' in home
    client.force_login(team["editor"])
    matrix = client.get(reverse("newsroom_translations:index")).content.decode()
    assert f'href="{URL}?language=ru"' in matrix


def test_it_runs_a_fixed_number_of_queries(client, team, untranslated):
    client.force_login(team["translator"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    before = queries()
    cluster_page = untranslated["cluster_pages"]["ru"]
    for number in range(3):
        add_release(
            cluster_page,
            title=f"Ещё один пресс-релиз {number}",
            awards=[
                AwardFactory(
                    cluster=untranslated["award"].cluster,
                    awarded_on=datetime.date(2022, 1, 1 + number),
                    distinction_pl="pierwszy w regionie",
                    distinction_ru="",
                )
            ],
        )
    assert len(rows(client.get(URL).content.decode())) == 4
    assert queries() == before


def test_someone_who_may_change_no_record_is_refused(client, make_user, untranslated):
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(make_user("reader", "Admin only"))
    response = client.get(URL)
    assert response.status_code == 403
    assert response.templates[0].name == "newsroom/admin/refused.html"


def test_a_cluster_pages_profile_texts_are_on_the_list(client, team, untranslated):
    cluster = untranslated["award"].cluster
    cluster.description_pl = "Klaster firm biotechnologicznych z Małopolski."
    cluster.description_en = "A cluster of biotech companies in Lesser Poland."
    cluster.save()
    client.force_login(team["translator"])
    found = dict(rows(client.get(URL).content.decode()))
    assert "Klaster firm biotechnologicznych" in found["description"]
    assert untranslated["cluster_pages"]["ru"].title in found["description"]
    client.force_login(team["translators"]["en"][0])
    assert rows(client.get(URL).content.decode()) == []


def test_a_text_shows_how_many_pages_show_it_and_names_the_first_few(
    client, team, untranslated, monkeypatch
):
    """A release listing the cluster and announcing its award is one page; beyond
    EXAMPLE_PAGES the others are counted, the newest releases named first."""
    cluster = untranslated["award"].cluster
    cluster.name_ru = ""
    cluster.save()
    ru_page = untranslated["cluster_pages"]["ru"]
    for day in range(1, 7):
        add_release(ru_page, title=f"Новость {day}", release_date=datetime.date(2024, 1, day))
    client.force_login(team["translator"])
    found = rows(client.get(URL).content.decode())
    assert [field for field, _row in found] == ["name", "distinction"]  # most shown first
    name_row = found[0][1]
    # 6 new releases, the one announcing the award, and the cluster's page: 8 pages.
    assert "i jeszcze 3 strony" in name_row  # the admin in Polish: "and 3 more pages"
    shown = re.findall(r'lang="ru">([^<]*)</a>', name_row)
    assert shown == [f"Новость {day}" for day in range(6, 1, -1)]
    # The distinction: the release announcing the award and the cluster page's timeline.
    distinction_row = found[1][1]
    assert untranslated["releases"]["ru"].title in distinction_row
    assert ru_page.title in distinction_row
    assert "i jeszcze" not in distinction_row

    monkeypatch.setattr(RecordWorkView, "paginate_by", 1)
    first, second = (client.get(URL, {"p": p}) for p in (1, 2))
    assert [field for field, _row in rows(first.content.decode())] == ["name"]
    assert [field for field, _row in rows(second.content.decode())] == ["distinction"]
    assert "2 teksty wpisów rejestru" in second.content.decode()  # "2 record texts"
    # Counting reads the page asked for; past the end the last page, counted on its own.
    past_the_end, junk = (client.get(URL, {"p": p}) for p in ("9", "x"))
    assert [field for field, _row in rows(past_the_end.content.decode())] == ["distinction"]
    assert "2 teksty wpisów rejestru" in past_the_end.content.decode()
    assert [field for field, _row in rows(junk.content.decode())] == ["name"]


def test_the_dashboard_counts_each_language_in_a_few_queries(
    team, untranslated, django_assert_num_queries
):
    def counts():
        # As on each request: a fresh user, whose permissions and groups are read once.
        panel = RecordWorkPanel(get_user_model().objects.get(pk=team["editor"].pk))
        # The user's permissions and groups, then one count per language they translate.
        with django_assert_num_queries(5):
            return panel.get_context_data()["counts"]

    assert [(code, count) for code, _name, count in counts()] == [("ru", 1)]
    for number in range(3):
        add_release(
            untranslated["cluster_pages"]["ru"],
            title=f"Ещё один пресс-релиз {number}",
            awards=[
                AwardFactory(
                    cluster=untranslated["award"].cluster,
                    awarded_on=datetime.date(2022, 1, 1 + number),
                    distinction_ru="",
                )
            ],
        )
    assert [(code, count) for code, _name, count in counts()] == [("ru", 4)]


def reference_work(language_code):
    """{(model, pk, field): (status, {page pks})}: the work list as the pages' own reading
    of their record texts (`record_texts_shown_by`) defines it, page by page."""
    pages = [
        *PressReleasePage.objects.filter(locale__language_code=language_code),
        *ClusterNewsPage.objects.filter(locale__language_code=language_code),
    ]
    work = {}
    for page in pages:
        for shown in record_texts_shown_by(page, language_code):
            status = field_status(pending_version(shown.record), shown.field, language_code)
            if status != FieldStatus.UP_TO_DATE:
                key = (type(shown.record), shown.record.pk, shown.field)
                work.setdefault(key, (status, set()))[1].add(page.pk)
    return work


def test_the_database_agrees_with_what_each_page_shows(site_tree, admin_user):
    """Every kind of record text, each way a page shows it, drafts of live records and
    outdated translations: the list the database makes is the one page-by-page reading
    makes, with the same statuses and page counts, sorted by that count."""
    body = CertificationBodyFactory(slug="mon", acronym="", name_ru="")
    other_label = LabelFactory(slug="key", body=body, name_ru="")
    first = ClusterFactory(name_ru="", description_pl="Opis klastra")
    second = ClusterFactory(description_pl="Inny opis", description_ru="Другое описание")
    second.description_pl = "Inny opis, poprawiony"
    second.save()  # the Russian description is now older than its source
    lonely = ClusterFactory(name_ru="")  # shown by no page
    pages = {cluster: add_cluster_pages(site_tree, cluster) for cluster in (first, second)}
    awarded = AwardFactory(cluster=first, distinction_ru="", result_summary_pl="Wynik")
    draft = AwardFactory(cluster=first, label=other_label, live=False, distinction_ru="")
    translated_in_draft = AwardFactory(
        cluster=second, awarded_on=datetime.date(2020, 1, 1), distinction_ru=""
    )
    translated_in_draft.distinction_ru = "перевод"
    translated_in_draft.save_revision(user=admin_user)
    awarded.result_summary_en = "Result"
    awarded.save_revision(user=admin_user)  # a draft leaving its Russian texts untranslated
    AwardFactory(cluster=lonely, distinction_ru="")
    tag = ReleaseTag.objects.create(name="złoto", label_pl="złoto")
    for number in range(4):
        release = add_release(
            pages[first]["ru"],
            title=f"Релиз {number}",
            clusters=[first, second] if number % 2 else [first],
            awards=[awarded, draft] if number else [translated_in_draft],
            release_date=datetime.date(2023, 5, 1 + number),
        )
        if number < 2:
            release.tags.add(tag)
            release.save()
    add_release(pages[second]["ru"], title="Релиз о втором", awards=[awarded])

    expected = reference_work("ru")
    assert (Cluster, lonely.pk, "name") not in expected
    assert (Award, translated_in_draft.pk, "distinction") not in expected
    assert (Award, awarded.pk, "distinction") in expected
    assert expected[(Cluster, second.pk, "description")][0] == FieldStatus.OUTDATED
    assert {key[0] for key in expected} == {Cluster, Award, Label, CertificationBody, ReleaseTag}

    work = RecordWorkList("ru")
    found = work[0 : len(expected) + 1]
    assert {(type(item.record), item.record.pk, item.field) for item in found} == set(expected)
    assert work.count() == len(expected)
    for item in found:
        status, showing = expected[(type(item.record), item.record.pk, item.field)]
        assert (item.status, item.page_count) == (status, len(showing))
        assert {page.pk for page in item.pages} <= showing
        assert len(item.pages) == min(len(showing), EXAMPLE_PAGES)
    counts = [item.page_count for item in found]
    assert counts == sorted(counts, reverse=True)
    assert RecordWorkList("pl").count() == 0  # the source language has nothing to translate
