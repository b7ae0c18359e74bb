"""The award chooser in the release editor: a modal listing the release's clusters' awards,
with a "Create award" tab making a draft award that goes live with the release."""

import datetime
import re

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.models import ModelLogEntry

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Award
from tests.factories import AwardFactory, ClusterFactory, LabelFactory, UserFactory
from tests.helpers import (
    assert_refused_with,
    release_add_url,
    release_form_data,
    reload,
    text_of,
    use_admin_in,
)

pytestmark = pytest.mark.django_db

GOLD_PL = "Złota Odznaka Jakości Zarządzania Klastrem"


def chooser_url(step, *args):
    return reverse(f"wagtailsnippetchoosers_newsroom_award:{step}", args=args)


def chosen_url(award):
    return chooser_url("chosen", award.pk)


def modal_html(response):
    assert response.status_code == 200
    return response.json()["html"]


@pytest.fixture
def clusters(translated_release):
    """Cluster A (the release's, with its award) and B (another, with its own award)."""
    own = translated_release["award"]
    other = AwardFactory(cluster=ClusterFactory(slug="other"), distinction_pl="cudzy")
    return {"a": own.cluster, "b": other.cluster, "a_award": own, "b_award": other}


@pytest.fixture
def gold(db):
    return LabelFactory(slug="gold", level="gold", name_pl=GOLD_PL, name_en="Gold Label")


def create_data(cluster, label, **fields):
    return {
        "cluster": str(cluster.pk),
        "label": str(label.pk),
        "awarded_on": "2024-03-05",
        "valid_until": "",
        "audit_started_on": "2023-11-02",
        "audit_ended_on": "2023-12-14",
        "indicators_assessed": "",
        "result_summary_pl": "Ocena w 31 wskaźnikach.",
        "distinction_pl": "pierwszy klaster w regionie",
        **fields,
    }


def test_the_listing_offers_the_release_clusters_awards_only(admin_client, clusters):
    a_award, b_award = clusters["a_award"], clusters["b_award"]
    html = modal_html(admin_client.get(chooser_url("choose"), {"cluster": clusters["a"].pk}))
    assert chosen_url(a_award) in html
    assert chosen_url(b_award) not in html

    both = f"{clusters['a'].pk},{clusters['b'].pk}"
    html = modal_html(admin_client.get(chooser_url("choose"), {"cluster": both}))
    assert chosen_url(a_award) in html and chosen_url(b_award) in html


def test_each_row_shows_label_dates_validity_and_draft(admin_client, admin_user, clusters, gold):
    use_admin_in(admin_user, "en")
    draft = AwardFactory(
        cluster=clusters["a"],
        label=gold,
        awarded_on=datetime.date(2024, 3, 5),
        valid_until=datetime.date(2099, 3, 5),
        live=False,
    )
    html = modal_html(admin_client.get(chooser_url("choose"), {"cluster": clusters["a"].pk}))
    headers = re.findall(r"<th[^>]*>\s*(.*?)\s*</th>", html)
    assert headers == ["Label", "Cluster", "Date awarded", "Valid until", "Validity", "Status"]
    rows = [
        re.sub(r"\s+", " ", strip_tags(row)).strip()
        for row in re.findall(r"<tr>.*?</tr>", html, re.S)
    ]
    cluster = clusters["a"].name_en
    assert rows == [
        f"Gold Label {cluster} 5 Mar 2024 5 Mar 2099 Active draft",  # British dates (en_GB)
        f"Cluster Management Excellence Silver Label {cluster} 17 Jun 2021 17 Jun 2023 "
        "Expired live",
    ]
    assert chosen_url(draft) in html


def test_the_listing_is_searched_by_label_in_any_language(admin_client, clusters, gold):
    AwardFactory(cluster=clusters["a"], label=gold, awarded_on=datetime.date(2024, 3, 5))
    url = chooser_url("choose_results")
    params = {"cluster": clusters["a"].pk}
    html = admin_client.get(url, {**params, "q": "złota"}).content.decode()
    assert GOLD_PL in html and chosen_url(clusters["a_award"]) not in html
    html = admin_client.get(url, {**params, "q": "silver"}).content.decode()
    assert GOLD_PL not in html and chosen_url(clusters["a_award"]) in html


def test_choosing_an_award_outside_the_clusters_is_not_found(admin_client, clusters):
    response = admin_client.get(
        chosen_url(clusters["b_award"]), {"cluster": clusters["a"].pk}, follow=True
    )
    assert response.status_code == 404
    response = admin_client.get(chosen_url(clusters["a_award"]), {"cluster": clusters["a"].pk})
    assert response.json()["result"]["id"] == str(clusters["a_award"].pk)


def test_create_makes_a_draft_award_with_a_revision_and_chooses_it(
    admin_client, admin_user, clusters, gold
):
    cluster = clusters["a"]
    url = f"{chooser_url('create')}?cluster={cluster.pk}&multiple=1"
    response = admin_client.post(url, create_data(cluster, gold))
    assert response.status_code == 200
    payload = response.json()
    assert payload["step"] == "chosen"

    award = Award.objects.get(cluster=cluster, label=gold)
    assert not award.live
    assert award.revisions.count() == 1 and award.latest_revision.user == admin_user
    assert award.distinction_pl == "pierwszy klaster w regionie"
    assert award.valid_until == datetime.date(2026, 3, 5)  # the label's 24 months
    assert ModelLogEntry.objects.filter(object_id=str(award.pk), action="wagtail.create").exists()
    (chosen,) = payload["result"]  # a list: the release chooses several awards
    assert chosen["id"] == str(award.pk)
    assert GOLD_PL in chosen["string"] or "Gold Label" in chosen["string"]
    assert chosen["edit_url"] == reverse("wagtailsnippets_newsroom_award:edit", args=[award.pk])


def test_the_create_form_offers_only_the_release_clusters(admin_client, clusters, gold):
    a, b = clusters["a"], clusters["b"]
    html = modal_html(admin_client.get(chooser_url("choose"), {"cluster": a.pk}))
    assert "data-chooser-modal-creation-form" in html
    (cluster_select,) = re.findall(r'<select name="cluster".*?</select>', html, re.S)
    assert f'<option value="{a.pk}" selected>' in cluster_select
    assert f'<option value="{b.pk}"' not in cluster_select

    response = admin_client.post(f"{chooser_url('create')}?cluster={a.pk}", create_data(b, gold))
    assert response.json()["step"] == "reshow_creation_form"
    assert not Award.objects.filter(label=gold).exists()


def test_a_user_who_may_not_add_awards_chooses_but_cannot_create(client, users, clusters, gold):
    translator = users["translator-ru"]  # changes awards, may not add them
    client.force_login(translator)
    html = modal_html(client.get(chooser_url("choose"), {"cluster": clusters["a"].pk}))
    assert chosen_url(clusters["a_award"]) in html
    assert "data-chooser-modal-creation-form" not in html

    url = f"{chooser_url('create')}?cluster={clusters['a'].pk}"
    response = client.post(url, create_data(clusters["a"], gold))
    assert_refused_with(response, "You may not create awards.")
    assert not Award.objects.filter(label=gold).exists()


def test_a_user_without_award_permissions_gets_no_listing(client, clusters):
    outsider = UserFactory()
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(outsider)
    response = client.get(chooser_url("choose"), {"cluster": clusters["a"].pk})
    assert_refused_with(response, "You may not choose awards.")


def test_the_release_editor_renders_the_chooser_with_its_awards(admin_client, clusters):
    release = clusters["a_award"].press_releases.get(locale__language_code="pl")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[release.pk])).content
    html = html.decode()
    assert "data-awards-chooser " in html or "data-awards-chooser\n" in html
    assert f'data-chooser-url="{chooser_url("choose")}"' in html
    assert f'data-default-clusters="{clusters["a"].pk}"' in html
    assert f'<input type="hidden" name="awards" value="{clusters["a_award"].pk}">' in html
    assert "newsroom/awards-chooser.js" in html
    assert 'type="checkbox" name="awards"' not in html


def test_saving_the_release_links_the_chosen_awards(admin_client, clusters, gold):
    cluster_page = clusters["a_award"].press_releases.get(locale__language_code="pl").get_parent()
    second = AwardFactory(cluster=clusters["a"], label=gold, awarded_on=datetime.date(2024, 3, 5))
    data = release_form_data("Dwie odznaki", awards=[clusters["a_award"], second])
    response = admin_client.post(release_add_url(cluster_page), data)
    assert response.status_code == 302
    release = PressReleasePage.objects.get(slug="nowy-komunikat")
    linked = set(release.get_latest_revision_as_object().awards.all())
    assert linked == {clusters["a_award"], second}


def test_an_award_of_a_cluster_the_release_does_not_list_is_refused(admin_client, clusters):
    cluster_page = clusters["a_award"].press_releases.get(locale__language_code="pl").get_parent()
    data = release_form_data("Cudza odznaka", awards=[clusters["b_award"]])
    response = admin_client.post(release_add_url(cluster_page), data)
    assert response.status_code == 200
    assert "awards" in response.context["form"].errors
    assert not PressReleasePage.objects.filter(slug="nowy-komunikat").exists()

    # Listing cluster B too makes its awards the release's to announce.
    data = release_form_data(
        "Dwa klastry", awards=[clusters["b_award"]], clusters=[clusters["a"], clusters["b"]]
    )
    assert admin_client.post(release_add_url(cluster_page), data).status_code == 302


def test_an_award_created_in_the_chooser_goes_public_with_the_release(
    admin_client, client, clusters, gold
):
    cluster = clusters["a"]
    cluster_page = clusters["a_award"].press_releases.get(locale__language_code="pl").get_parent()
    created = admin_client.post(
        f"{chooser_url('create')}?cluster={cluster.pk}&multiple=1", create_data(cluster, gold)
    )
    award_pk = created.json()["result"][0]["id"]
    award = Award.objects.get(pk=award_pk)
    data = release_form_data("Nowa odznaka klastra", awards=[award], clusters=[cluster])
    assert admin_client.post(release_add_url(cluster_page), data).status_code == 302
    release = PressReleasePage.objects.get(slug="nowy-komunikat")

    page_url = cluster_page.url
    assert GOLD_PL not in text_of(client.get(page_url))

    edit = reverse("wagtailadmin_pages:edit", args=[release.pk])
    response = admin_client.post(edit, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    assert reload(release).live
    award.refresh_from_db()
    assert award.live
    assert GOLD_PL in text_of(client.get(page_url))
