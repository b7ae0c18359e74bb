"""End to end: an editor opens a release, creates its award in the award chooser, saves the
release, and finds the new (draft) award among those the release announces."""

import datetime
import re
from dataclasses import dataclass

import pytest

from django.urls import reverse

from newsroom.models.pages import ClusterNewsPage
from newsroom.models.records import Label
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.browser

AWARDED_ON = "2026-11-20"


@dataclass
class ReleaseToAnnounce:
    edit_path: str
    label_pk: int
    awards_before: int


@pytest.fixture
def release_to_announce(demo):
    """A new Polish release of the Kaluga cluster, announcing its Silver label award, and a
    label the cluster has not received yet.

    Built before the browser starts: the ORM cannot run while Playwright holds the thread.
    """
    cluster_page = ClusterNewsPage.objects.get(
        locale__language_code="pl", cluster__slug="kaluga-pharma"
    )
    awards = list(cluster_page.cluster.awards.all())
    release = PressReleasePageFactory(
        parent=cluster_page,
        title="Klaster farmaceutyczny z Kaługi z nową odznaką",
        slug="kaluga-nowa-odznaka",
        release_date=datetime.date(2026, 11, 20),
        awards=awards,
    )
    label = Label.objects.exclude(awards__cluster=cluster_page.cluster).order_by("pk").first()
    return ReleaseToAnnounce(
        edit_path=reverse("wagtailadmin_pages:edit", args=[release.pk]),
        label_pk=label.pk,
        awards_before=len(awards),
    )


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_editor_creates_the_award_in_the_chooser_and_the_release_announces_it(
    release_to_announce, page
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, "editor", "newsroom-editor")
    page.goto(release_to_announce.edit_path)
    chooser = page.locator("[data-awards-chooser]")
    chosen = chooser.locator("[data-awards-chooser-list] [data-award-id]")
    assert chosen.count() == release_to_announce.awards_before

    chooser.locator("[data-awards-chooser-add]").click()
    modal = page.locator(".modal, dialog").filter(has=page.locator("#tab-label-create"))
    # The listing offers the Kaluga cluster's awards only (the demo's other clusters have some).
    modal.locator("#tab-label-create").wait_for()
    assert modal.locator("#search-results tbody tr").count() == release_to_announce.awards_before
    modal.locator("#tab-label-create").click()
    form = modal.locator("form[data-chooser-modal-creation-form]")
    # The release's cluster is preselected and the only one offered.
    assert form.locator("select[name=cluster] option").count() == 1
    form.locator("select[name=label]").select_option(str(release_to_announce.label_pk))
    form.locator("input[name=awarded_on]").fill(AWARDED_ON)
    form.locator("input[name=distinction_pl]").fill("pierwszy taki klaster w regionie")
    form.locator("button[type=submit]").click()

    # The modal closes and the new award is listed, a draft, named by its date (the label's
    # name follows the browser's language).
    new_award = chosen.filter(has_text=AWARDED_ON)
    new_award.wait_for()
    assert new_award.locator("input[type=hidden]").get_attribute("value").isdigit()
    assert chosen.count() == release_to_announce.awards_before + 1

    page.locator("footer button.action-save").first.click()
    page.wait_for_load_state()
    page.locator(".messages .success").wait_for()
    saved = page.locator("[data-awards-chooser-list] [data-award-id]")
    assert saved.count() == release_to_announce.awards_before + 1
    assert saved.filter(has_text=AWARDED_ON).count() == 1
    assert errors == []
