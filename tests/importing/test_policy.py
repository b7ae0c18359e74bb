"""Who may import what, through the admin's import screen and the command (issue 11).

The demo's people: translator-ru and reviewer-ru work on Russian pages only and may not add
records; the editor may add pages everywhere and records. Every refusal leaves everything
as it was.
"""

import html
import io
from pathlib import Path
from urllib.parse import urlencode

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from wagtail.models import Page, Revision

from newsroom.models.batches import ImportBatch
from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.models.records import Award, Cluster
from tests.factories import UserFactory
from tests.helpers import review_post_data, use_admin_in

# Every test starts from the demo newsroom, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_once")]

RELEASES = Path(__file__).parent / "data" / "releases"
URL = "/admin/import-releases/"


def sample(name):
    return (RELEASES / name).read_bytes()


def counts():
    """Everything an import may write."""
    return {
        "pages": Page.objects.count(),
        "cluster_pages": ClusterNewsPage.objects.count(),
        "clusters": Cluster.objects.count(),
        "awards": Award.objects.count(),
        "revisions": Revision.objects.count(),
    }


def sign_in(client, username, language=None):
    user = get_user_model().objects.get(username=username)
    if language:
        use_admin_in(user, language)
    client.force_login(user)
    return user


def upload(client, *files, **fields):
    """Upload (name, bytes) files; the review screen's response."""
    response = client.post(
        URL,
        {"files": [SimpleUploadedFile(name, data) for name, data in files], **fields},
    )
    assert response.status_code == 200
    return response


def test_the_import_url_is_the_screen():
    assert reverse("newsroom_import:index") == URL


# --- languages and pages: only where the user may add pages ---------------------------------


@pytest.mark.parametrize("username", ["translator-ru", "reviewer-ru"])
def test_a_russian_team_member_cannot_import_a_polish_release(client, demo_site, username):
    sign_in(client, username, "en")
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()  # Russian pages
    before = counts()

    review = upload(client, ("zloto.md", sample("pl_lifescience_gold.md")))
    created = client.post(URL, review_post_data(review))

    assert created.status_code == 200
    assert "results" not in created.context  # nothing was imported
    assert counts() == before
    assert not PressReleasePage.objects.filter(locale__language_code="pl", live=False).exists()
    # The review said why, before and after "Create drafts".
    for response in (review, created):
        text = response.content.decode()
        assert 'id="import-refusal-0"' in text
        assert "You may not add pages under “Klaster LifeScience Kraków” (Polish)" in text


def test_a_russian_translator_cannot_create_a_cluster_page_cluster_or_award(client, demo_site):
    sign_in(client, "translator-ru", "en")
    before = counts()
    # The Tomsk cluster is new, and so is its award; a Polish title under a Russian page too.
    review = upload(client, ("tomsk.txt", sample("ru_tomsk_bronze.txt")))
    data = review_post_data(review)
    created = client.post(URL, data)
    assert "results" not in created.context
    assert counts() == before
    assert "you may not create clusters" in created.content.decode()
    # Naming an existing cluster instead still leaves an award to record: refused too.
    data["form-0-cluster"] = str(Cluster.objects.get(slug="lifescience-krakow").pk)
    created = client.post(URL, data)
    assert "results" not in created.context
    assert "you may not record awards" in created.content.decode()
    assert counts() == before


def test_a_russian_translator_imports_a_russian_release_of_known_facts(client, demo_site):
    translator = sign_in(client, "translator-ru")
    review = upload(client, ("status.txt", sample("ru_lifescience_status.txt")))
    assert 'id="import-refusal-0"' not in review.content.decode()
    created = client.post(URL, review_post_data(review))
    (outcome,) = created.context["results"]
    assert outcome.status == "ok", outcome.error
    page = PressReleasePage.objects.get(pk=outcome.page.pk)
    assert page.locale.language_code == "ru" and not page.live
    assert page.get_parent().specific.cluster.slug == "lifescience-krakow"
    assert page.get_latest_revision().user == translator


def test_the_same_polish_file_from_a_russian_translator_writes_nothing_onto_its_release(
    client, demo_site
):
    from newsroom.importing.service import import_release

    polish = import_release(sample("pl_lifescience_gold.md"), "zloto.md").page
    revisions = Revision.page_revisions.filter(object_id=str(polish.pk)).count()
    before = counts()
    sign_in(client, "translator-ru")

    review = upload(client, ("zloto.md", sample("pl_lifescience_gold.md")))
    response = client.post(URL, review_post_data(review))

    assert "results" not in response.context
    assert Revision.page_revisions.filter(object_id=str(polish.pk)).count() == revisions
    assert counts() == before
    # Not offered for an update either: the translator may not edit it.
    assert review.context["formset"].forms[0]["release"].value() is None


def test_a_chosen_release_the_user_cannot_edit_gets_no_revision(client, demo_site):
    sign_in(client, "translator-ru", "en")
    polish = PressReleasePage.objects.get(
        locale__language_code="pl", slug__startswith="lifescience-krakow-srebrna"
    )
    revisions = Revision.page_revisions.filter(object_id=str(polish.pk)).count()
    before = counts()
    review = upload(client, ("status.txt", sample("ru_lifescience_status.txt")))
    # A forged choice: the Polish release is not offered to a Russian file.
    offered = review.context["formset"].forms[0].fields["release"].queryset
    assert polish not in offered
    for language, reason in [
        ("ru", "The chosen release is not in this file's language and cluster."),
        ("pl", "You may not edit the release"),
    ]:
        data = review_post_data(
            review, **{"form-0-release": str(polish.pk), "form-0-language": language}
        )
        response = client.post(URL, data)
        assert "results" not in response.context
        assert reason in html.unescape(response.content.decode())
    assert Revision.page_revisions.filter(object_id=str(polish.pk)).count() == revisions
    assert counts() == before


def test_those_who_may_add_pages_nowhere_get_the_403_page(client, demo_site):
    clerk = get_user_model().objects.create_user("clerk", password="x")
    clerk.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_cluster"),
    )
    client.force_login(clerk)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(URL).status_code == 403
    response = client.post(
        URL, {"files": [SimpleUploadedFile("a.md", sample("pl_lifescience_gold.md"))]}
    )
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


# --- records: created only with record rights -------------------------------------------------


def test_an_editor_without_add_cluster_is_told_why_and_nothing_is_created(client, demo_site):
    Group.objects.get(name="Editors").permissions.remove(
        Permission.objects.get(codename="add_cluster")
    )
    sign_in(client, "editor", "en")
    before = counts()
    review = upload(client, ("baltic.md", sample("en_baltic_gold.md")))
    message = (
        "baltic.md</strong>: The release names a new cluster, “Baltic Food Cluster”, "
        "and you may not create clusters: choose an existing one."
    )
    assert message in review.content.decode()
    refused = client.post(URL, review_post_data(review))
    assert "results" not in refused.context
    assert message in refused.content.decode()
    assert counts() == before

    # Choosing an existing cluster in the review is allowed (the editor may record awards).
    existing = Cluster.objects.get(slug="lifescience-krakow")
    created = client.post(URL, review_post_data(refused, **{"form-0-cluster": str(existing.pk)}))
    (outcome,) = created.context["results"]
    assert outcome.status == "ok", outcome.error
    assert Cluster.objects.count() == before["clusters"]
    assert list(outcome.page.get_latest_revision_as_object().clusters.all()) == [existing]


def test_a_refused_file_in_a_batch_stops_the_whole_batch(client, demo_site):
    sign_in(client, "translator-ru")
    before = counts()
    review = upload(
        client,
        ("status.txt", sample("ru_lifescience_status.txt")),
        ("zloto.md", sample("pl_lifescience_gold.md")),
    )
    created = client.post(URL, review_post_data(review))
    assert "results" not in created.context
    html = created.content.decode()
    assert 'id="import-refusal-1"' in html and 'id="import-refusal-0"' not in html
    assert counts() == before


# --- matching: the same file, or the release a person chose; never a title -------------------


LIFESCIENCE = """LifeScience Kraków

2021-06-17

Klaster LifeScience Kraków podsumował rok współpracy z uczelniami i szpitalami.
"""


def test_a_title_like_another_release_makes_a_new_release(client, demo_site):
    other = PressReleasePage.objects.get(
        locale__language_code="pl", slug__startswith="lifescience-krakow-srebrna"
    )
    assert other.live and other.release_date.isoformat() == "2021-06-17"
    other_revisions = Revision.page_revisions.filter(object_id=str(other.pk)).count()
    other_awards = list(other.get_latest_revision_as_object().awards.all())
    assert other_awards
    sign_in(client, "editor")
    releases = PressReleasePage.objects.count()

    review = upload(client, ("lifescience.txt", LIFESCIENCE.encode()))
    created = client.post(URL, review_post_data(review))

    (outcome,) = created.context["results"]
    assert outcome.status == "ok", outcome.error
    assert outcome.created and outcome.page.pk != other.pk
    assert PressReleasePage.objects.count() == releases + 1
    other = PressReleasePage.objects.get(pk=other.pk)
    assert Revision.page_revisions.filter(object_id=str(other.pk)).count() == other_revisions
    assert not other.has_unpublished_changes
    assert list(other.get_latest_revision_as_object().awards.all()) == other_awards
    assert review.context["formset"].forms[0]["release"].value() is None  # new by default


def test_the_same_file_again_updates_its_own_release(client, demo_site):
    sign_in(client, "editor")
    first = client.post(
        URL, review_post_data(upload(client, ("a.md", sample("pl_lifescience_gold.md"))))
    )
    (made,) = first.context["results"]
    releases = PressReleasePage.objects.count()

    review = upload(client, ("a-again.md", sample("pl_lifescience_gold.md")))
    chosen = review.context["formset"].forms[0]["release"].value()
    assert getattr(chosen, "pk", chosen) == made.page.pk  # offered, already chosen
    again = client.post(URL, review_post_data(review))

    (outcome,) = again.context["results"]
    assert outcome.status == "ok", outcome.error
    assert not outcome.created and outcome.page.pk == made.page.pk
    assert PressReleasePage.objects.count() == releases
    assert Revision.page_revisions.filter(object_id=str(made.page.pk)).count() == 2


def test_an_edited_file_updates_the_release_chosen_in_the_review(client, demo_site):
    sign_in(client, "editor")
    first = client.post(
        URL, review_post_data(upload(client, ("a.md", sample("pl_lifescience_gold.md"))))
    )
    (made,) = first.context["results"]
    edited = (
        sample("pl_lifescience_gold.md")
        .decode()
        .replace(
            "Audytorzy ocenili klaster po raz trzeci", "Audytorzy odwiedzili klaster w styczniu"
        )
    )
    review = upload(client, ("a-edited.md", edited.encode()))
    form = review.context["formset"].forms[0]
    assert form["release"].value() is None  # another text: a new release unless chosen
    offered = form.fields["release"].queryset
    assert made.page in offered
    assert all(p.locale.language_code == "pl" for p in offered)
    lifescience = Cluster.objects.get(slug="lifescience-krakow")
    assert all(lifescience in p.clusters.all() for p in offered)
    releases = PressReleasePage.objects.count()

    updated = client.post(URL, review_post_data(review, **{"form-0-release": str(made.page.pk)}))

    (outcome,) = updated.context["results"]
    assert outcome.status == "ok", outcome.error
    assert outcome.page.pk == made.page.pk and not outcome.created
    assert PressReleasePage.objects.count() == releases
    draft = PressReleasePage.objects.get(pk=made.page.pk).get_latest_revision_as_object()
    assert "Audytorzy odwiedzili klaster w styczniu" in str(draft.body.raw_data)


# --- batches: the texts stay on the server between the steps ---------------------------------


def large_release(n):
    """A Russian release of about 400 KB (two bytes a letter, six once URL-encoded)."""
    paragraph = f"Кластер LifeScience Kraków рассказывает о проекте номер {n} и его итогах. " * 30
    body = "\n\n".join([paragraph] * 120)
    text = f"Кластер LifeScience Kraków: отчёт {n}\n\n2024-0{n}-05\n\n{body}\n"
    data = text.encode()
    assert 350_000 < len(data) < 1_000_000
    return data


def test_a_batch_of_three_large_files_is_created(client, demo_site):
    sign_in(client, "editor")
    review = upload(client, *[(f"otchet-{n}.txt", large_release(n)) for n in (1, 2, 3)])
    assert len(review.context["formset"].forms) == 3
    data = review_post_data(review)
    releases = PressReleasePage.objects.count()

    # As a browser sends the review form: URL-encoded.
    created = client.post(URL, urlencode(data), content_type="application/x-www-form-urlencoded")

    assert created.status_code == 200
    outcomes = created.context["results"]
    assert [o.status for o in outcomes] == ["ok", "ok", "ok"], [o.error for o in outcomes]
    assert PressReleasePage.objects.count() == releases + 3
    assert len(urlencode(data)) < 100_000  # the corrections, not the 3.6 MB of texts
    assert not ImportBatch.objects.exists()  # cleaned up after creation
    again = client.post(URL, data)
    assert 'id="import-batch-missing"' in again.content.decode()
    assert PressReleasePage.objects.count() == releases + 3


def test_a_batch_belongs_to_its_uploader(client, demo_site):
    sign_in(client, "editor")
    review = upload(client, ("a.md", sample("pl_lifescience_gold.md")))
    data = review_post_data(review)
    client.logout()
    sign_in(client, "moderator")
    releases = PressReleasePage.objects.count()
    response = client.post(URL, data)
    assert 'id="import-batch-missing"' in response.content.decode()
    assert PressReleasePage.objects.count() == releases


def test_old_batches_expire(client, demo_site):
    from django.utils import timezone

    from newsroom.models.batches import BATCH_LIFETIME

    sign_in(client, "editor")
    review = upload(client, ("a.md", sample("pl_lifescience_gold.md")))
    ImportBatch.objects.update(created_at=timezone.now() - BATCH_LIFETIME * 2)
    response = client.post(URL, review_post_data(review))
    assert 'id="import-batch-missing"' in response.content.decode()
    upload(client, ("b.md", sample("pl_lifescience_gold.md")))
    assert ImportBatch.objects.count() == 1  # the expired one went


# --- the command, as a user ------------------------------------------------------------------


def test_the_command_as_a_user_keeps_to_their_rights(demo_site, tmp_path):
    path = tmp_path / "zloto.md"
    path.write_bytes(sample("pl_lifescience_gold.md"))
    before = counts()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_releases", str(path), "--user", "translator-ru", stdout=out)
    assert "zloto.md" in out.getvalue()
    assert counts() == before
    with pytest.raises(CommandError, match="nobody"):
        call_command("import_releases", str(path), "--user", "nobody", stdout=out)

    call_command("import_releases", str(path), "--user", "editor", stdout=io.StringIO())
    page = PressReleasePage.objects.get(import_checksum__isnull=False, title__contains="Złotą")
    assert page.get_latest_revision().user.username == "editor"


def test_a_cluster_team_imports_and_records_awards_for_its_own_cluster_only(client, demo_site):
    """A team has no record permissions of its own, but records its own cluster's awards."""
    member = UserFactory(username="team-lsk", groups=["Cluster team: lifescience-krakow"])
    use_admin_in(member, "en")
    client.force_login(member)
    before = counts()
    data = review_post_data(upload(client, ("tomsk.txt", sample("ru_tomsk_bronze.txt"))))
    data["form-0-cluster"] = str(Cluster.objects.get(slug="kaluga-pharma").pk)
    refused = client.post(URL, data)
    assert "results" not in refused.context and counts() == before

    ours = Cluster.objects.get(slug="lifescience-krakow")
    data["form-0-cluster"] = str(ours.pk)
    (outcome,) = client.post(URL, data).context["results"]
    assert outcome.status == "ok", outcome.error
    assert outcome.page.get_parent().specific.cluster == ours
    award = Award.objects.get(pk__in=outcome.page.specific.awards.values("pk"))
    assert award.cluster == ours and not award.live
