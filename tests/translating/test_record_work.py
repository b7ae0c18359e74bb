"""A translator's work list on the records: the record texts their language's releases show
and lack, reached from the matrix and the admin's home, gone once translated (even as a
draft of a live record, which the page's approval publishes)."""

import datetime
import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AwardFactory
from tests.helpers import add_release, post_from_form

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
