"""The admin import: upload files, review and correct the extracted facts, create drafts."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Cluster
from tests.helpers import assert_refused_with, review_post_data

# Every test starts from the demo newsroom, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_once")]

RELEASE = """Klaster LifeScience Kraków ze Złotą Odznaką Jakości Zarządzania Klastrem

2024-03-05

Klaster LifeScience Kraków jako pierwszy w regionie otrzymał Złotą Odznakę ESCA.

Audyt objął trzy obszary:

- strategię klastra
- usługi dla członków
- współpracę międzynarodową

--

Klaster LifeScience Kraków działa od 2006 roku.
"""


@pytest.fixture
def editor_client(client, demo_site):
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


def test_upload_review_and_create_drafts(editor_client):
    url = reverse("newsroom_import:index")
    assert url in editor_client.get(reverse("wagtailadmin_home")).text  # the menu leads there
    form = editor_client.get(url).content.decode()
    assert re.search(r'<input type="file" name="files"[^>]*multiple', form)
    files = [
        SimpleUploadedFile("zloto.txt", RELEASE.encode("cp1250")),
        SimpleUploadedFile("pusty.txt", b""),
    ]
    review = editor_client.post(url, {"files": files, "language": "", "cluster": ""})
    assert review.status_code == 200
    assert [(f.file, f.error) for f in review.context["failures"]] == [
        ("pusty.txt", "Plik jest pusty.")  # the admin speaks Polish by default
    ]
    formset = review.context["formset"]
    assert formset.total_form_count() == 1
    form = formset.forms[0]
    assert form["language"].value() == "pl"
    assert form["label_level"].value() == "gold"
    chosen = form["cluster"].value()
    assert getattr(chosen, "pk", chosen) == Cluster.objects.get(slug="lifescience-krakow").pk
    html = review.content.decode()
    assert "strategię klastra" in html  # the text, side by side with the facts

    before = PressReleasePage.objects.count()
    created = editor_client.post(
        url, review_post_data(review, **{"form-0-title": "Złota Odznaka dla LifeScience Kraków"})
    )
    assert created.status_code == 200
    (outcome,) = created.context["results"]
    assert outcome.status == "ok", outcome.error
    page = PressReleasePage.objects.get(pk=outcome.page.pk)
    assert PressReleasePage.objects.count() == before + 1
    assert page.title == "Złota Odznaka dla LifeScience Kraków"
    assert not page.live
    assert page.locale.language_code == "pl"
    assert [b.block_type for b in page.get_latest_revision_as_object().body] == [
        "paragraph",
        "list",
        "about_cluster",
    ]
    assert page.get_latest_revision().user.username == "editor"


def test_review_form_says_what_is_missing(editor_client):
    url = reverse("newsroom_import:index")
    review = editor_client.post(url, {"files": [SimpleUploadedFile("a.txt", RELEASE.encode())]})
    response = editor_client.post(
        url,
        review_post_data(
            review, **{"form-0-title": "", "form-0-cluster": "", "form-0-new_cluster_name": ""}
        ),
    )
    errors = response.context["formset"].forms[0].errors
    assert "title" in errors and "new_cluster_name" in errors
    assert not PressReleasePage.objects.filter(release_date="2024-03-05").exists()


def test_a_review_form_posted_empty_is_reported_not_a_server_error(editor_client):
    """Found by fuzzing: a review form that arrived without any field crashed "Create
    drafts" with a 500. Now its fields are reported missing and nothing is created; a
    count of forms that does not match the batch is reported as a batch no longer waiting."""
    url = reverse("newsroom_import:index")
    files = [SimpleUploadedFile(name, RELEASE.encode()) for name in ("a.txt", "b.txt")]
    review = editor_client.post(url, {"files": files})
    data = {
        key: value
        for key, value in review_post_data(review).items()
        if not key.startswith("form-1-")
    }
    releases = PressReleasePage.objects.count()

    response = editor_client.post(url, data)

    assert response.status_code == 200
    forms = response.context["formset"].forms
    assert not forms[0].errors and "title" in forms[1].errors
    assert PressReleasePage.objects.count() == releases  # the batch is created whole or not

    miscounted = editor_client.post(url, {**data, "form-TOTAL_FORMS": "3"})
    assert miscounted.status_code == 200 and miscounted.context["batch_missing"]
    assert PressReleasePage.objects.count() == releases


def test_import_is_refused_with_a_reason_to_those_who_cannot_add_pages(client, demo_site):
    clerk = get_user_model().objects.create_user("clerk", password="x")
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    url = reverse("newsroom_import:index")
    releases = PressReleasePage.objects.count()

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url not in dashboard  # no menu item leads there

    for response in (client.get(url), client.post(url, {"step": "create"})):
        assert_refused_with(response, "Importing releases creates pages, which you cannot add.")
    assert PressReleasePage.objects.count() == releases


def test_import_needs_a_signed_in_admin_user(client, demo_site):
    url = reverse("newsroom_import:index")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_an_unexpected_failure_is_reported_not_raised(demo_site, monkeypatch):
    from newsroom.importing import service

    def broken_write(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "write_release", broken_write)
    before = PressReleasePage.objects.count()
    outcome = service.import_release(RELEASE.encode(), "zloto.txt")
    assert outcome.status == "error"
    assert "disk full" in outcome.error
    assert PressReleasePage.objects.count() == before
