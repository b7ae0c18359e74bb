"""The role × action matrix: every role tries every action through the admin, as its
user would, across two clusters (A, whose team is a role, and B) and three languages.

MATRIX is the one statement of who may do what. An allowed action is checked for its
effect; a refused one for the refusal the user sees (the project's 403 page saying why,
in the user's language, on Wagtail's own screens as on the newsroom's)
and for nothing having changed in the database.
"""

import io
from pathlib import Path

import polib
import pytest
from PIL import Image as PILImage

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data
from wagtail_localize.models import StringTranslation, Translation

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Award, Cluster
from newsroom.translating import handoff, review
from tests.access.conftest import ROLES
from tests.helpers import (
    assert_refused_with,
    edit_url,
    release_add_url,
    release_form_data,
    review_post_data,
)

pytestmark = pytest.mark.django_db

# Outcomes
DONE = "done"
# The project's 403 page, in the user's language, saying why (the message in REASONS).
REFUSED = "403"
# Publishing without the right to publish: Wagtail saves a draft instead (and the page
# stays as readers see it); the draft is the only change.
DRAFT_ONLY = "draft only"
# A translator's form shows the record's Polish text read-only: the save goes through
# (a new revision), the Polish text stays as it was.
READ_ONLY = "read-only field"
# The import's review screen lists the file with the reason it is refused; nothing created.
IMPORT_REFUSED = "refused in review"

su, chief, ed, mod, tr, rv, team, adm = ROLES

# action: {role: outcome}. Targets: "A" and "B" are the clusters; pl/ru the page's language.
MATRIX = {
    # Add a release under cluster A's Polish page (page add view, "Save draft").
    "create release (A, pl)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: DONE, adm: REFUSED,
    },
    # Add a release under cluster B's Russian page.
    "create release (B, ru)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: DONE, rv: DONE, team: REFUSED, adm: REFUSED,
    },
    # Save a draft of cluster A's live Polish release with a new title.
    "edit release (A, pl)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: DONE, adm: REFUSED,
    },
    # "Publish" on cluster A's Polish draft, from the page editor.
    "publish release (A, pl)": {
        su: DONE, chief: DONE, ed: DRAFT_ONLY, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: DRAFT_ONLY, adm: REFUSED,
    },
    # Delete cluster A's live Polish release.
    "delete release (A, pl)": {
        su: DONE, chief: DONE, ed: REFUSED, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: REFUSED, adm: REFUSED,
    },
    # Request the English translation of cluster A's Polish release (from the matrix).
    "request translation (A, pl→en)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: REFUSED, adm: REFUSED,
    },
    # Submit cluster B's Russian translation for review.
    "submit for review (B, ru)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: DONE, rv: DONE, team: REFUSED, adm: REFUSED,
    },
    # Approve cluster B's Russian translation waiting in the Russian review.
    "approve review (B, ru)": {
        su: DONE, chief: DONE, ed: REFUSED, mod: REFUSED,
        tr: REFUSED, rv: DONE, team: REFUSED, adm: REFUSED,
    },
    # Upload a translated PO file for cluster B's Russian translation.
    "hand-off upload (B, ru)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: DONE, rv: DONE, team: REFUSED, adm: REFUSED,
    },
    # Import a Polish release of cluster A (with its new gold award) through the screen.
    "import release (A, pl)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: IMPORT_REFUSED, rv: IMPORT_REFUSED, team: DONE, adm: REFUSED,
    },
    # Change the Polish text of cluster B's award (snippet edit, "Save draft").
    "edit record field (B, pl)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: READ_ONLY, rv: READ_ONLY, team: REFUSED, adm: REFUSED,
    },
    # Change the Russian text of cluster B's award.
    "edit record field (B, ru)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: DONE, rv: DONE, team: REFUSED, adm: REFUSED,
    },
    # Record a new award of cluster A (snippet add view).
    "create award (A)": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: DONE, adm: REFUSED,
    },
    "upload image": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: REFUSED, adm: REFUSED,
    },
    "upload document": {
        su: DONE, chief: DONE, ed: DONE, mod: DONE,
        tr: REFUSED, rv: REFUSED, team: REFUSED, adm: REFUSED,
    },
}  # fmt: skip

# What the 403 page says, per action (msgids: the page shows them in the user's language).
REASONS = {
    "create release (A, pl)": "You cannot add pages here.",
    "create release (B, ru)": "You cannot add pages here.",
    "edit release (A, pl)": "You cannot edit this page.",
    "publish release (A, pl)": "You cannot edit this page.",
    "delete release (A, pl)": "You cannot delete this page.",
    "create award (A)": "You cannot add records of this kind.",
    "upload image": "You cannot add or change images.",
    "upload document": "You cannot add or change documents.",
    "request translation (A, pl→en)": "You cannot request translations.",
    "submit for review (B, ru)": "You cannot edit this page.",
    "approve review (B, ru)": "You cannot review this page.",
    "hand-off upload (B, ru)": "You do not have permission to translate this page.",
    "import release (A, pl)": "Importing releases creates pages, which you cannot add.",
    "edit record field (B, pl)": "This record belongs to another cluster's team.",
    "edit record field (B, ru)": "This record belongs to another cluster's team.",
}
# Where a role is refused for another reason than the action's.
ROLE_REASONS = {
    ("edit record field (B, pl)", adm): "You cannot change this record.",
    ("edit record field (B, ru)", adm): "You cannot change this record.",
}


def snapshot():
    """Everything an action in the matrix may write."""
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.filter(live=True).count(),
        "revisions": Revision.objects.count(),
        "workflow states": WorkflowState.objects.count(),
        "task states": TaskState.objects.count(),
        "approved tasks": TaskState.objects.filter(status=TaskState.STATUS_APPROVED).count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "awards": Award.objects.count(),
        "clusters": Cluster.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def form_data(superuser_client, url, **changes):
    """The form at `url` as its page renders it (read as the superuser, since a refused
    user cannot open it), with `changes`: what the browser would post."""
    form = superuser_client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    data.update(changes)
    return nested_form_data(data)


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile("red.png", buffer.getvalue(), content_type="image/png")


def translated_po(translation):
    po = polib.pofile(handoff.export_po(translation).decode())
    for entry in po:
        entry.msgstr = (
            "perevod" if entry.msgid.startswith("komunikat") else f"Перевод: {entry.msgid}"
        )
    return SimpleUploadedFile("ru.po", str(po).encode())


# --- the actions: (client, world) -> response; DONE(world) checks the effect --------------


def create_release_a_pl(client, world):
    parent = world.pages_a["pl"]
    return client.post(release_add_url(parent), release_form_data("Nowy komunikat A"))


def created_release_a_pl(world):
    assert PressReleasePage.objects.filter(title="Nowy komunikat A", locale__language_code="pl")


def create_release_b_ru(client, world):
    parent = world.pages_b["ru"]
    return client.post(
        release_add_url(parent), release_form_data("Новый релиз B", slug="novyi-reliz")
    )


def created_release_b_ru(world):
    page = PressReleasePage.objects.get(title="Новый релиз B")
    assert page.get_parent().pk == world.pages_b["ru"].pk


def page_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_release_a_pl(client, world):
    release = world.release_a
    data = release_form_data("Poprawiony tytuł A", awards=[world.award_a], slug=release.slug)
    return client.post(page_edit_url(release), data)


def edited_release_a_pl(world):
    release = PressReleasePage.objects.get(pk=world.release_a.pk)
    assert release.get_latest_revision_as_object().title == "Poprawiony tytuł A"
    assert release.live and release.title == "Komunikat klastra A"  # a draft, not published


def publish_release_a_pl(client, world):
    release = world.draft_a
    data = release_form_data("Opublikowany szkic A", slug=release.slug)
    data["action-publish"] = "action-publish"
    return client.post(page_edit_url(release), data)


def published_release_a_pl(world):
    release = PressReleasePage.objects.get(pk=world.draft_a.pk)
    assert release.live and release.title == "Opublikowany szkic A"


def draft_of_release_a_pl(world):
    release = PressReleasePage.objects.get(pk=world.draft_a.pk)
    assert not release.live
    assert release.get_latest_revision_as_object().title == "Opublikowany szkic A"


def delete_release_a_pl(client, world):
    release = world.release_a
    return client.post(reverse("wagtailadmin_pages:delete", args=[release.pk]))


def deleted_release_a_pl(world):
    assert not Page.objects.filter(pk=world.release_a.pk).exists()


def request_translation(client, world):
    return client.post(
        reverse("newsroom_translations:request"),
        {"release": [world.release_a.pk], "language": ["en"]},
    )


def requested_translation(world):
    assert PressReleasePage.objects.filter(
        translation_key=world.release_a.translation_key, locale__language_code="en"
    ).exists()


def submit_for_review(client, world):
    page = world.russian_b
    return client.post(reverse("newsroom_translations:submit", args=[page.pk]))


def submitted_for_review(world):
    page = PressReleasePage.objects.get(pk=world.russian_b.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def approve_review(client, world):
    return client.post(
        reverse("newsroom_translations:review", args=[world.russian_b.pk]),
        {"action": "approve", "comment": ""},
    )


def approved_review(world):
    page = PressReleasePage.objects.get(pk=world.russian_b.pk)
    assert page.current_workflow_state is None
    assert page.live and not page.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_APPROVED


def handoff_upload(client, world):
    translation = world.translation_b
    return client.post(
        reverse("newsroom_translations:handoff_import", args=[translation.pk]),
        {"file": world.po},
    )


def uploaded_handoff(world):
    page = PressReleasePage.objects.get(pk=world.russian_b.pk)
    assert page.get_latest_revision_as_object().title == "Перевод: Komunikat klastra B"


IMPORT_URL = "/admin/import-releases/"
SAMPLES = Path(__file__).parent.parent / "importing" / "data" / "releases"


def import_release(client, world):
    sample = (SAMPLES / "pl_lifescience_gold.md").read_bytes()
    review_screen = client.post(IMPORT_URL, {"files": [SimpleUploadedFile("zloto.md", sample)]})
    if review_screen.status_code != 200:
        return review_screen
    return client.post(IMPORT_URL, review_post_data(review_screen))


def imported_release(world):
    page = PressReleasePage.objects.get(title__startswith="Klaster LifeScience Kraków ze Złotą")
    assert page.get_parent().pk == world.pages_a["pl"].pk
    assert page.awards.get().label.slug == "gold"


def edit_award_field(language, text):
    def edit(client, world):
        award = world.award_b
        data = form_data(
            world.superuser_client, edit_url(award), **{f"distinction_{language}": text}
        )
        return client.post(edit_url(award), data)

    def edited(world):
        award = Award.objects.get(pk=world.award_b.pk)
        assert getattr(award.get_latest_revision_as_object(), f"distinction_{language}") == text

    return edit, edited


edit_award_pl, edited_award_pl = edit_award_field("pl", "zmieniony opis")
edit_award_ru, edited_award_ru = edit_award_field("ru", "изменённое описание")


def create_award(client, world):
    url = reverse("wagtailsnippets_newsroom_award:add")
    data = form_data(
        world.superuser_client,
        url,
        cluster=world.cluster_a.pk,
        label=world.award_a.label_id,
        awarded_on="2025-05-05",
        distinction_pl="nowe wyróżnienie",
    )
    return client.post(url, data)


def created_award(world):
    assert Award.objects.filter(cluster=world.cluster_a, distinction_pl="nowe wyróżnienie")


def upload_image(client, world):
    return client.post(
        reverse("wagtailimages:add"), {"title": "Czerwony", "file": png(), "collection": 1}
    )


def uploaded_image(world):
    assert get_image_model().objects.filter(title="Czerwony").exists()


def upload_document(client, world):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Regulamin", "file": SimpleUploadedFile("r.txt", b"tekst"), "collection": 1},
    )


def uploaded_document(world):
    assert get_document_model().objects.filter(title="Regulamin").exists()


ACTIONS = {
    "create release (A, pl)": (create_release_a_pl, created_release_a_pl),
    "create release (B, ru)": (create_release_b_ru, created_release_b_ru),
    "edit release (A, pl)": (edit_release_a_pl, edited_release_a_pl),
    "publish release (A, pl)": (publish_release_a_pl, published_release_a_pl),
    "delete release (A, pl)": (delete_release_a_pl, deleted_release_a_pl),
    "request translation (A, pl→en)": (request_translation, requested_translation),
    "submit for review (B, ru)": (submit_for_review, submitted_for_review),
    "approve review (B, ru)": (approve_review, approved_review),
    "hand-off upload (B, ru)": (handoff_upload, uploaded_handoff),
    "import release (A, pl)": (import_release, imported_release),
    "edit record field (B, pl)": (edit_award_pl, edited_award_pl),
    "edit record field (B, ru)": (edit_award_ru, edited_award_ru),
    "create award (A)": (create_award, created_award),
    "upload image": (upload_image, uploaded_image),
    "upload document": (upload_document, uploaded_document),
}


def prepare(action, world):
    """What the action works on, made before anything is counted (by someone allowed to)."""
    if action in ("edit release (A, pl)", "delete release (A, pl)") or "request" in action:
        world.release_a  # noqa: B018
    if action == "publish release (A, pl)":
        world.draft_a  # noqa: B018
    if action in ("submit for review (B, ru)", "approve review (B, ru)"):
        world.russian_b  # noqa: B018
    if action == "approve review (B, ru)":
        review.submit_for_review(world.russian_b, world.superuser)
    if action == "hand-off upload (B, ru)":
        world.po = translated_po(world.translation_b)
    if action == "import release (A, pl)":
        world.gold_label  # noqa: B018
    if action in ("edit record field (B, pl)", "edit record field (B, ru)", "create award (A)"):
        world.superuser_client  # noqa: B018


CASES = [(action, role, outcome) for action, row in MATRIX.items() for role, outcome in row.items()]


def test_the_matrix_covers_every_action_for_every_role():
    assert set(ACTIONS) == set(MATRIX)
    for row in MATRIX.values():
        assert tuple(row) == ROLES


@pytest.mark.parametrize(
    ("action", "role", "outcome"), CASES, ids=[f"{a} | {r}" for a, r, _ in CASES]
)
def test_role_action(client, newsroom, action, role, outcome):
    world = newsroom
    prepare(action, world)
    act, done = ACTIONS[action]
    client.force_login(world.user(role))
    before = snapshot()

    response = act(client, world)

    if outcome == DONE:
        assert response.status_code in (200, 302), response.content.decode()[:2000]
        done(world)
        return
    if outcome == DRAFT_ONLY:
        assert response.status_code == 302
        draft_of_release_a_pl(world)
        after = snapshot()
        assert after.pop("revisions") == before.pop("revisions") + 1
        assert after == before
        return
    if outcome == READ_ONLY:
        assert response.status_code == 302
        assert response.url == edit_url(world.award_b)
        award = Award.objects.get(pk=world.award_b.pk)
        assert award.distinction_pl == "drugi klaster w Polsce"
        assert award.get_latest_revision_as_object().distinction_pl == "drugi klaster w Polsce"
        after = snapshot()
        assert after.pop("revisions") == before.pop("revisions") + 1
        assert after == before
        return
    if outcome == REFUSED:
        reason = ROLE_REASONS.get((action, role), REASONS[action])
        assert_refused_with(response, reason, language="en")
        assert not list(get_messages(response.wsgi_request))
    elif outcome == IMPORT_REFUSED:
        assert response.status_code == 200
        assert "results" not in response.context
        assert 'id="import-refusal-0"' in response.content.decode()
    else:
        raise AssertionError(outcome)
    assert snapshot() == before
