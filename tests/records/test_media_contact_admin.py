"""Media contacts in the admin: created through the snippet add view, with their clusters."""

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from newsroom.models.contacts import MediaContact
from tests.factories import ClusterFactory, UserFactory

pytestmark = pytest.mark.django_db


def contact_form(clusters, **changes):
    data = {
        "name": "Anna Nowak",
        "email": "anna.nowak@example.org",
        "phone": "+48 12 000 00 00",
        "role_pl": "Rzeczniczka",
        "role_en": "Spokesperson",
        "role_ru": "",
        "cluster_links": inline_formset(
            [{"cluster": cluster.pk, "ORDER": str(n)} for n, cluster in enumerate(clusters, 1)]
        ),
    }
    data.update(changes)
    # Ticked boxes: one value per language under one name (nested_form_data would number them).
    return {**nested_form_data(data), "languages": ["pl", "ru"]}


def test_a_contact_is_created_with_its_clusters_in_order(admin_client):
    first, second = ClusterFactory(slug="pierwszy"), ClusterFactory(slug="drugi")
    url = reverse("wagtailsnippets_newsroom_mediacontact:add")
    # The records menu names them in the admin's language (Polish by default).
    assert "Kontakty dla medi" in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    response = admin_client.post(url, contact_form([second, first]))
    assert response.status_code == 302, response.content.decode()[:3000]
    contact = MediaContact.objects.get()
    assert contact.phone == "+48120000000"
    assert contact.languages == ["pl", "ru"]
    assert (contact.role_pl, contact.role_en) == ("Rzeczniczka", "Spokesperson")
    links = contact.cluster_links.order_by("sort_order")
    assert [link.cluster for link in links] == [second, first]


def test_a_bad_phone_is_refused(admin_client):
    url = reverse("wagtailsnippets_newsroom_mediacontact:add")
    response = admin_client.post(url, contact_form([], phone="call me"))
    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert not MediaContact.objects.exists()


def test_without_permission_the_add_view_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x")
    user.user_permissions.add(*Permission.objects.filter(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("wagtailsnippets_newsroom_mediacontact:add"))
    assert response.status_code in (302, 403)
    assert not MediaContact.objects.exists()


def test_an_editor_keeps_media_contacts_like_the_other_records(client, site_tree):
    """Wagtail's Editors group gets the contacts' add/change/delete rights with the other
    records' (newsroom.translating.roles), so not only a superuser can keep them."""
    editor = UserFactory(username="editor", groups=("Editors",))
    client.force_login(editor)
    cluster = ClusterFactory(slug="klaster")
    response = client.post(
        reverse("wagtailsnippets_newsroom_mediacontact:add"), contact_form([cluster])
    )
    assert response.status_code == 302
    assert MediaContact.objects.get().cluster_links.get().cluster == cluster
