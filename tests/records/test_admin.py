import re

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile

from newsroom.languages import record_languages
from newsroom.models.records import Award, Cluster, Label
from newsroom.models.stamps import translated_fields
from tests.factories import (
    AwardFactory,
    CertificationBodyFactory,
    ClusterFactory,
    LabelFactory,
)

pytestmark = pytest.mark.django_db

# The edit form's Publish button: a live cluster's edit is otherwise a draft revision.
PUBLISH = {"action-publish": "action-publish"}


def cluster_form(cluster, **changes):
    data = {
        "slug": cluster.slug,
        "acronym": "",
        "country": cluster.country,
        "founded_year": "2006",
        "website": "",
        "member_count": "",
    }
    for field in translated_fields(Cluster):
        for code in record_languages():
            data[f"{field}_{code}"] = getattr(cluster, f"{field}_{code}") or ""
    data.update(changes)
    return data


def test_cluster_edit_form_has_a_tab_per_language(admin_client):
    cluster = ClusterFactory()
    response = admin_client.get(reverse("wagtailsnippets_newsroom_cluster:edit", args=[cluster.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Polski", "English", "Русский"):
        assert tab in html
    for code in record_languages():
        assert f'name="name_{code}"' in html


def test_cluster_is_edited_in_all_three_languages(admin_client):
    cluster = ClusterFactory(country="RU")
    url = reverse("wagtailsnippets_newsroom_cluster:edit", args=[cluster.pk])
    response = admin_client.post(
        url,
        cluster_form(
            cluster,
            name_pl="Kałuski Klaster Farmaceutyczny",
            name_en="Kaluga Pharmaceutical Cluster",
            name_ru="Калужский фармацевтический кластер",
            **PUBLISH,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    cluster.refresh_from_db()
    assert (cluster.name_pl, cluster.name_en, cluster.name_ru) == (
        "Kałuski Klaster Farmaceutyczny",
        "Kaluga Pharmaceutical Cluster",
        "Калужский фармацевтический кластер",
    )
    assert cluster.founded_year == 2006


def test_cluster_form_says_what_is_wrong(admin_client):
    cluster = ClusterFactory()
    url = reverse("wagtailsnippets_newsroom_cluster:edit", args=[cluster.pk])
    # A draft may lack its name; publishing it may not.
    response = admin_client.post(
        url, cluster_form(cluster, name_pl="", founded_year="12", **PUBLISH)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "name_pl" in errors and "founded_year" in errors
    cluster.refresh_from_db()
    assert cluster.name_pl


@pytest.fixture
def two_awards(db):
    """Two awards with nothing in common: their clusters, labels and bodies differ."""
    ministry = CertificationBodyFactory(
        slug="mrit",
        acronym="MRiT",
        name_pl="Ministerstwo Rozwoju i Technologii",
        name_en="Ministry of Development and Technology",
        name_ru="Министерство развития и технологий",
        country="PL",
    )
    status = LabelFactory(
        slug="key-cluster",
        body=ministry,
        level=Label.Level.STATUS,
        name_pl="Krajowy Klaster Kluczowy",
        name_en="National Key Cluster",
        name_ru="Национальный ключевой кластер",
    )
    kaluga = ClusterFactory(
        name_pl="Kałuski Klaster Farmaceutyczny",
        name_en="Kaluga Pharmaceutical Cluster",
        name_ru="Калужский фармацевтический кластер",
    )
    return {"default": AwardFactory(), "kaluga": AwardFactory(cluster=kaluga, label=status)}


@pytest.mark.parametrize(
    ("model", "query", "record_of"),
    [
        ("cluster", "Kaluga", lambda award: award.cluster),
        ("award", "Kaluga", lambda award: award),
        ("label", "National Key", lambda award: award.label),
        ("certificationbody", "Ministry", lambda award: award.label.body),
    ],
)
def test_record_listings_list_every_record_and_search_finds_one(
    admin_client, two_awards, model, query, record_of
):
    records = [record_of(award) for award in two_awards.values()]
    url = reverse(f"wagtailsnippets_newsroom_{model}:list")

    listing = admin_client.get(url)
    assert {record.pk for record in listing.context["object_list"]} == {r.pk for r in records}
    html = listing.content.decode()
    for record in records:
        edit_url = reverse(f"wagtailsnippets_newsroom_{model}:edit", args=[record.pk])
        assert f'href="{edit_url}"' in html

    found = admin_client.get(url, {"q": query})
    assert [record.pk for record in found.context["object_list"]] == [
        record_of(two_awards["kaluga"]).pk
    ]


def test_cluster_search_finds_any_language(admin_client):
    ClusterFactory(name_ru="Калужский фармацевтический кластер")
    ClusterFactory(name_ru="Другой")
    url = reverse("wagtailsnippets_newsroom_cluster:list")
    response = admin_client.get(url, {"q": "Калужский"})
    assert [c.name_ru for c in response.context["object_list"]] == [
        "Калужский фармацевтический кластер"
    ]


def test_award_listing_filters_by_computed_status(admin_client):
    import datetime

    expired = AwardFactory(awarded_on=datetime.date(2015, 1, 1))
    AwardFactory(awarded_on=datetime.date.today())
    url = reverse("wagtailsnippets_newsroom_award:list")
    response = admin_client.get(url, {"status": Award.Status.EXPIRED})
    assert [a.pk for a in response.context["object_list"]] == [expired.pk]


def test_cluster_country_is_chosen_by_its_name_in_the_admin_language(admin_client, admin_user):
    cluster = ClusterFactory(country="RU")
    url = reverse("wagtailsnippets_newsroom_cluster:edit", args=[cluster.pk])
    assert '<option value="RU" selected>Rosja</option>' in admin_client.get(url).content.decode()
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    html = admin_client.get(url).content.decode()
    assert '<option value="RU" selected>Russia</option>' in html
    assert '<option value="DE">Germany</option>' in html


@pytest.mark.parametrize(
    ("model", "headers"),
    [
        ("cluster", ["Name", "Acronym", "Country", "City", "Year founded", "Number of members"]),
        ("award", ["Cluster", "Label", "Date awarded", "Valid until", "Status"]),
        ("label", ["Name", "Awarding body", "Level", "Validity in months"]),
    ],
)
def test_record_listing_columns(admin_client, model, headers):
    AwardFactory(cluster=ClusterFactory(country="RU"))
    response = admin_client.get(
        reverse(f"wagtailsnippets_newsroom_{model}:list"), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    table = html[html.index('<table class="listing') :]
    shown = [
        re.sub(r"<[^>]+>|\s+", " ", h).strip()
        for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)
    ]
    for header in headers:
        assert header in shown
    if model == "cluster":
        assert "Russia" in table
    if model == "award":
        assert "Expired" in table
