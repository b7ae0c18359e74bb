"""Announcing an award from the release editor: the cluster comes preselected, only its
awards are offered, and a release whose text names a label but links no award is saved
with a warning that says what it will miss."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from newsroom.models.pages import PressReleasePage
from tests.factories import AwardFactory

pytestmark = pytest.mark.django_db


def add_url(cluster_page):
    return reverse("wagtailadmin_pages:add", args=["newsroom", "pressreleasepage", cluster_page.pk])


def test_new_release_has_its_cluster_preselected_and_only_its_awards(
    admin_client, translated_release
):
    cluster_page = translated_release["cluster_pages"]["pl"]
    own = translated_release["award"]
    other = AwardFactory()  # another cluster's award
    form = admin_client.get(add_url(cluster_page)).context["form"]
    assert form.initial["clusters"] == [own.cluster.pk]
    offered = list(form.fields["awards"].queryset)
    assert own in offered and other not in offered


def release_data(title, awards=()):
    data = nested_form_data(
        {
            "title": title,
            "slug": "nowy-komunikat",
            "release_date": "2024-03-05",
            "lead": "Krótki wstęp.",
            "body": streamfield([("paragraph", rich_text("<p>Treść komunikatu.</p>"))]),
            "tags": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    data["awards"] = [str(award.pk) for award in awards]  # checkboxes: one key, many values
    return data


def warnings_after(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_a_release_naming_a_label_without_its_award_is_saved_with_a_warning(
    admin_client, translated_release
):
    cluster_page = translated_release["cluster_pages"]["pl"]
    response = admin_client.post(
        add_url(cluster_page), release_data("Klaster otrzymał Złotą Odznakę ESCA")
    )
    assert response.status_code == 302
    assert PressReleasePage.objects.filter(slug="nowy-komunikat").exists()
    (warning,) = warnings_after(response)
    with translation.override("pl"):
        section = translation.gettext("What it announces")
        gold = translation.gettext("Gold")
    assert warning.startswith(f"Tekst wymienia odznakę ({gold}), ale komunikat")
    assert warning.endswith(f"w sekcji „{section}”.")


def test_a_release_that_links_its_award_gets_no_warning(admin_client, translated_release):
    cluster_page = translated_release["cluster_pages"]["pl"]
    award = translated_release["award"]
    response = admin_client.post(
        add_url(cluster_page),
        release_data("Klaster ze Srebrną Odznaką ESCA", awards=[award]),
    )
    assert response.status_code == 302
    assert warnings_after(response) == []
    page = PressReleasePage.objects.get(slug="nowy-komunikat")
    assert list(page.get_latest_revision_as_object().awards.all()) == [award]


def test_the_release_editor_links_to_a_new_award_for_its_cluster(admin_client, translated_release):
    cluster = translated_release["award"].cluster
    html = admin_client.get(add_url(translated_release["cluster_pages"]["pl"])).content.decode()
    new_award = f"{reverse('wagtailsnippets_newsroom_award:add')}?cluster={cluster.pk}"
    assert f'href="{new_award}" target="_blank"' in html

    form = admin_client.get(new_award).context["form"]
    assert form.initial["cluster"] == cluster.pk
    assert "cluster" not in admin_client.get(f"{new_award}x").context["form"].initial
