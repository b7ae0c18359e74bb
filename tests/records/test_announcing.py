"""Announcing an award from the release editor: the cluster comes preselected, only its
awards are offered, and a release whose text names a label but links no award is saved
with a warning that says what it will miss. The award chooser itself: test_award_chooser.py."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from newsroom.models.pages import PressReleasePage
from tests.factories import AwardFactory
from tests.helpers import release_add_url, release_form_data, use_admin_in

pytestmark = pytest.mark.django_db


def test_new_release_has_its_cluster_preselected_and_only_its_awards(
    admin_client, translated_release
):
    cluster_page = translated_release["cluster_pages"]["pl"]
    own = translated_release["award"]
    other = AwardFactory()  # another cluster's award
    form = admin_client.get(release_add_url(cluster_page)).context["form"]
    assert form.initial["clusters"] == [own.cluster.pk]
    offered = list(form.fields["awards"].queryset)
    assert own in offered and other not in offered


def warnings_after(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_a_release_naming_a_label_without_its_award_is_saved_with_a_warning(
    admin_client, admin_user, translated_release
):
    use_admin_in(admin_user, "en")
    cluster_page = translated_release["cluster_pages"]["pl"]
    response = admin_client.post(
        release_add_url(cluster_page), release_form_data("Klaster otrzymał Złotą Odznakę ESCA")
    )
    assert response.status_code == 302
    assert PressReleasePage.objects.filter(slug="nowy-komunikat").exists()
    (warning,) = warnings_after(response)
    assert warning.startswith("The text names a label (Gold) but the release announces no award")
    # It points at the chooser, where the award is chosen or created.
    assert warning.endswith(
        "Under “What it announces”, press “Add award” to choose the award, or create it there."
    )


def test_a_release_that_links_its_award_gets_no_warning(admin_client, translated_release):
    cluster_page = translated_release["cluster_pages"]["pl"]
    award = translated_release["award"]
    response = admin_client.post(
        release_add_url(cluster_page),
        release_form_data("Klaster ze Srebrną Odznaką ESCA", awards=[award]),
    )
    assert response.status_code == 302
    assert warnings_after(response) == []
    page = PressReleasePage.objects.get(slug="nowy-komunikat")
    assert list(page.get_latest_revision_as_object().awards.all()) == [award]


def test_the_award_form_opens_with_the_cluster_it_is_linked_with(admin_client, award):
    new_award = f"{reverse('wagtailsnippets_newsroom_award:add')}?cluster={award.cluster.pk}"
    form = admin_client.get(new_award).context["form"]
    assert form.initial["cluster"] == award.cluster.pk
    assert "cluster" not in admin_client.get(f"{new_award}x").context["form"].initial
