"""Each cluster's team works in its own room: its cluster pages in every language, its own
cluster record and awards, and nothing of another cluster's, on every admin path."""

import pytest

from django.urls import reverse

from wagtail.models import GroupPagePermission

from newsroom.models.records import Award
from newsroom.models.teams import ClusterTeam
from newsroom.records.teams import team_group_name
from tests.factories import AwardFactory, ClusterFactory, UserFactory
from tests.helpers import add_cluster_pages, edit_url, post_from_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_clusters(site_tree):
    """Two clusters with their pages in pl/en/ru and an award each; a member of the first
    cluster's team (and of no other group)."""
    ours, theirs = ClusterFactory(slug="ours"), ClusterFactory(slug="theirs")
    pages = {
        "ours": add_cluster_pages(site_tree, ours),
        "theirs": add_cluster_pages(site_tree, theirs),
    }
    member = UserFactory(username="member", groups=[team_group_name(ours)])
    return {
        "ours": ours,
        "theirs": theirs,
        "pages": pages,
        "our_award": AwardFactory(cluster=ours),
        "their_award": AwardFactory(cluster=theirs),
        "member": member,
    }


def test_a_cluster_page_in_any_language_gives_the_clusters_team_its_room(two_clusters):
    team = ClusterTeam.objects.get(cluster=two_clusters["ours"])
    assert team.group.name == "Cluster team: ours"
    granted = set(
        GroupPagePermission.objects.filter(group=team.group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert granted == {
        (page.pk, codename)
        for page in two_clusters["pages"]["ours"].values()
        for codename in ("add_page", "change_page")
    }
    assert team.group.permissions.filter(codename="access_admin").exists()


def test_a_page_filed_under_another_cluster_changes_teams(two_clusters):
    page = two_clusters["pages"]["ours"]["en"]
    page.cluster = ClusterFactory(slug="newcomer")
    page.save()
    groups = set(
        GroupPagePermission.objects.filter(page=page).values_list("group__name", flat=True)
    )
    assert groups == {"Cluster team: newcomer"}


def test_the_team_adds_releases_under_its_cluster_only(client, two_clusters):
    client.force_login(two_clusters["member"])
    for code in ("pl", "ru"):
        ours = two_clusters["pages"]["ours"][code]
        theirs = two_clusters["pages"]["theirs"][code]
        add = "wagtailadmin_pages:add"
        args = ["newsroom", "pressreleasepage"]
        assert client.get(reverse(add, args=[*args, ours.pk])).status_code == 200
        assert client.get(reverse(add, args=[*args, theirs.pk])).status_code in (302, 403)


def test_the_team_sees_and_edits_its_own_records_only(client, two_clusters):
    client.force_login(two_clusters["member"])
    listing = client.get(reverse("wagtailsnippets_newsroom_award:list")).content.decode()
    assert edit_url(two_clusters["our_award"]) in listing
    assert edit_url(two_clusters["their_award"]) not in listing
    clusters = client.get(reverse("wagtailsnippets_newsroom_cluster:list")).content.decode()
    assert edit_url(two_clusters["ours"]) in clusters
    assert edit_url(two_clusters["theirs"]) not in clusters

    post_from_form(client, two_clusters["ours"], description_pl="Nasz nowy opis.")
    assert two_clusters["ours"].latest_revision.content["description_pl"] == "Nasz nowy opis."

    theirs = two_clusters["their_award"]
    history = reverse("wagtailsnippets_newsroom_award:history", args=[theirs.pk])
    for url in (edit_url(theirs), edit_url(two_clusters["theirs"]), history):
        response = client.get(url)
        assert response.status_code == 403
        assert response.templates[0].name == "newsroom/admin/refused.html"
    assert client.post(edit_url(theirs), {"distinction_pl": "Przejęte"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.distinction_pl == "drugi klaster w Polsce"


def test_the_team_records_awards_for_its_own_cluster_only(client, two_clusters):
    client.force_login(two_clusters["member"])
    form = client.get(reverse("wagtailsnippets_newsroom_award:add")).context["form"]
    assert list(form.fields["cluster"].queryset) == [two_clusters["ours"]]
    assert client.get(reverse("wagtailsnippets_newsroom_label:list")).status_code != 200


def test_the_award_chooser_offers_a_team_its_own_awards_only(client, two_clusters):
    client.force_login(two_clusters["member"])
    url = reverse("wagtailsnippetchoosers_newsroom_award:choose")
    theirs = two_clusters["theirs"].pk
    both = client.get(f"{url}?cluster={two_clusters['ours'].pk},{theirs}")
    assert list(both.context["results"].object_list) == [two_clusters["our_award"]]
    assert client.get(f"{url}?cluster={theirs}").context["results"].object_list.count() == 0
    create = client.get(f"{url}?cluster={theirs}").context["creation_form"]
    assert list(create.fields["cluster"].queryset) == [two_clusters["ours"]]
    assert Award.objects.count() == 2


def test_editors_keep_every_record(client, two_clusters):
    editor = UserFactory(username="ed", groups=["Editors"])
    client.force_login(editor)
    assert client.get(edit_url(two_clusters["their_award"])).status_code == 200
    listing = client.get(reverse("wagtailsnippets_newsroom_award:list")).content.decode()
    assert edit_url(two_clusters["their_award"]) in listing
