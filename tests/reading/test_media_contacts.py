"""Media contacts: cards on cluster and release pages, in the page's language, and vCards."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsroom.models.contacts import (
    ClusterMediaContact,
    MediaContact,
    format_phone,
    normalise_phone,
)
from newsroom.reading.contacts import fold, vcard_text

pytestmark = pytest.mark.django_db


def make_contact(cluster, name="Anna Nowak", order=0, **fields):
    contact = MediaContact.objects.create(
        name=name,
        role_pl="Rzeczniczka prasowa",
        role_en="Press officer",
        email="anna.nowak@example.org",
        phone="+48 12 000 00 00",
        languages=["pl", "en"],
        **fields,
    )
    contact.full_clean()
    contact.save()
    ClusterMediaContact.objects.create(contact=contact, cluster=cluster, sort_order=order)
    return contact


@pytest.fixture
def contact(translated_release):
    return make_contact(translated_release["award"].cluster)


def test_phone_is_stored_in_e164_and_shown_grouped():
    assert normalise_phone("+48 12 000 00 00") == "+48120000000"
    assert normalise_phone("0048 (12) 000-00-00") == "+48120000000"
    assert format_phone("+48120000000") == "+48 120 000 000"
    with pytest.raises(ValueError):
        normalise_phone("12 000")


@pytest.mark.parametrize("code", ["pl", "en", "ru"])
def test_cluster_page_shows_the_card_in_its_language(client, translated_release, contact, code):
    html = client.get(translated_release["cluster_pages"][code].url).content.decode()
    assert 'class="contact-card"' in html
    assert 'href="mailto:anna.nowak@example.org"' in html
    assert 'href="tel:+48120000000"' in html
    assert f'href="/{code}/media-contacts/{contact.pk}/vcard/"' in html
    assert ("Press officer" in html) == (code == "en")
    assert ("Rzeczniczka prasowa" in html) == (code == "pl")


@pytest.mark.parametrize("code", ["pl", "en", "ru"])
def test_release_page_shows_its_clusters_contacts_in_an_aside(
    client, translated_release, contact, code
):
    html = client.get(translated_release["releases"][code].url).content.decode()
    aside = html.split('<aside class="release__aside"', 1)[1].split("</aside>", 1)[0]
    assert "Anna Nowak" in aside and 'href="tel:+48120000000"' in aside


def test_a_release_with_its_own_contacts_shows_only_them(client, translated_release, contact):
    own = MediaContact.objects.create(name="Jan Kowalski", email="jan@example.org")
    release = translated_release["releases"]["en"]
    release.media_contacts.set([own])
    release.save_revision().publish()
    html = client.get(release.url).content.decode()
    assert "Jan Kowalski" in html and "Anna Nowak" not in html


def test_languages_spoken_are_named_in_the_page_language(client, translated_release, contact):
    html = client.get(translated_release["cluster_pages"]["en"].url).content.decode()
    assert "polish, english" in html.lower()


def test_a_draft_clusters_contacts_are_not_shown(client, translated_release, contact):
    cluster = contact.cluster_links.get().cluster
    cluster.live = False
    cluster.save()
    for code in ("pl", "en"):
        for page in (
            translated_release["cluster_pages"][code],
            translated_release["releases"][code],
        ):
            response = client.get(page.url)
            assert "Anna Nowak" not in response.content.decode()
    assert client.get(f"/en/media-contacts/{contact.pk}/vcard/").status_code == 404


def test_vcard_answers_with_the_contact_in_the_address_language(client, contact):
    response = client.get(f"/en/media-contacts/{contact.pk}/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="anna-nowak.vcf"' in response["Content-Disposition"]
    lines = response.content.decode("utf-8").split("\r\n")
    assert lines[0] == "BEGIN:VCARD" and "VERSION:4.0" in lines and "END:VCARD" in lines
    assert "FN:Anna Nowak" in lines
    assert "TITLE:Press officer" in lines
    assert "EMAIL;TYPE=work:anna.nowak@example.org" in lines
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+48120000000" in lines
    assert "LANG;PREF=1:pl" in lines and "LANG;PREF=2:en" in lines
    assert any(line.startswith("ORG:") for line in lines)
    # No Russian role: no TITLE rather than another language's.
    russian = client.get(f"/ru/media-contacts/{contact.pk}/vcard/").content.decode()
    assert "TITLE" not in russian


@pytest.mark.parametrize(
    "url", ["/en/media-contacts/999999/vcard/", "/en/media-contacts/99999999999999999999/vcard/"]
)
def test_vcard_of_an_unknown_contact_is_404(client, contact, url):
    assert client.get(url).status_code == 404


def test_vcard_of_a_contact_on_no_page_is_404(client, translated_release):
    lonely = MediaContact.objects.create(name="Ewa Testowa")
    assert client.get(f"/en/media-contacts/{lonely.pk}/vcard/").status_code == 404


def test_vcard_text_escapes_and_folds():
    contact = MediaContact(name="Zofia; Test, " + "Ł" * 60, role_en="a\nb")
    text = vcard_text(contact, "en")
    assert "FN:Zofia\\; Test\\, " in text and "TITLE:a\\nb" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert fold("x" * 80) == "x" * 75 + "\r\n " + "x" * 5


def queries(url):
    with CaptureQueriesContext(connection) as captured:
        assert Client().get(url).status_code == 200
    return len(captured.captured_queries)


def test_query_counts_do_not_grow_with_contacts(translated_release):
    cluster = translated_release["award"].cluster
    make_contact(cluster)
    pages = [
        translated_release["cluster_pages"]["pl"].url,
        translated_release["releases"]["pl"].url,
    ]
    one = [queries(url) for url in pages]
    for number in range(4):
        make_contact(cluster, name=f"Osoba {number}", order=number + 1)
    assert [queries(url) for url in pages] == one


def test_the_demo_has_a_fictional_contact_per_cluster(demo_site):
    from newsroom.models.records import Cluster

    for cluster in Cluster.objects.all():
        contacts = list(cluster.contact_links.select_related("contact"))
        assert len(contacts) == 1
        assert contacts[0].contact.email.endswith("@example.org")
