"""No silent lost edits: two editors open the same page or record, A saves, and B's save
from the form opened before is refused with a message, B's text kept in the form and A's
version untouched; B saving again from the refreshed form replaces it knowingly."""

import html
import re

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import nested_form_data

from newsroom.stale_edits import STALE_SAVE_MESSAGE
from tests.factories import SuperuserFactory
from tests.helpers import edit_url, release_form_data, reload, use_admin_in

pytestmark = pytest.mark.django_db

LOADED_REVISION = re.compile(r'<input type="hidden" name="(loaded_revision_\w+)" value="([^"]*)">')


def editor(name):
    user = SuperuserFactory(username=name)
    use_admin_in(user, "en")
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def opened_revision(response):
    """The hidden inputs saying which revision the edit form was opened on."""
    assert response.status_code == 200
    found = dict(LOADED_REVISION.findall(response.content.decode()))
    assert set(found) == {"loaded_revision_id", "loaded_revision_created_at"}
    return {name: html.unescape(value) for name, value in found.items()}


def stale_message(language="en"):
    """The refusal as the editors read it: their admin is in English."""
    with translation.override(language):
        return html.escape(str(STALE_SAVE_MESSAGE))


@pytest.fixture
def release(translated_release):
    release = translated_release["releases"]["pl"]
    release.save_revision()
    return release


def release_edit(client, release, title, opened, **extra):
    data = release_form_data(title, awards=release.awards.all(), slug=release.slug)
    data.update(opened)
    data.update(extra)
    return client.post(reverse("wagtailadmin_pages:edit", args=[release.pk]), data)


def test_a_stale_page_save_is_refused_and_keeps_the_editors_text(release):
    anna, boris = editor("anna"), editor("boris")
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    opened_by_anna = opened_revision(anna.get(url))
    opened_by_boris = opened_revision(boris.get(url))

    response = release_edit(anna, release, "Anna's title", opened_by_anna)
    assert response.status_code == 302
    annas_revision = reload(release).latest_revision
    assert annas_revision.as_object().title == "Anna's title"

    response = release_edit(boris, release, "Boris's title", opened_by_boris)
    assert response.status_code == 200
    page = response.content.decode()
    assert stale_message() in page
    assert 'value="Boris&#x27;s title"' in page  # his text is still in the form
    stored = reload(release)
    assert stored.latest_revision == annas_revision  # Anna's version is untouched
    assert stored.latest_revision.as_object().title == "Anna's title"

    # The form he got back is based on Anna's revision: saving again replaces it knowingly.
    refreshed = opened_revision(response)
    assert refreshed["loaded_revision_id"] == str(annas_revision.pk)
    response = release_edit(boris, release, "Boris's title", refreshed)
    assert response.status_code == 302
    assert reload(release).latest_revision.as_object().title == "Boris's title"


def test_a_stale_publish_is_refused_too(release):
    anna, boris = editor("anna"), editor("boris")
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    opened_by_anna = opened_revision(anna.get(url))
    opened_by_boris = opened_revision(boris.get(url))
    assert release_edit(anna, release, "Anna's title", opened_by_anna).status_code == 302

    response = release_edit(
        boris, release, "Boris's title", opened_by_boris, **{"action-publish": "action-publish"}
    )
    assert response.status_code == 200
    assert stale_message() in response.content.decode()
    stored = reload(release)
    assert stored.title == release.title  # nothing published
    assert stored.latest_revision.as_object().title == "Anna's title"


def test_a_save_after_ones_own_autosave_is_not_refused(release):
    """Wagtail's autosave writes a revision of the editor's own; a save naming it as the one
    it overwrites is up to date."""
    anna = editor("anna")
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    opened = opened_revision(anna.get(url))
    own = reload(release).save_revision(user=anna.user)
    response = release_edit(
        anna, release, "Anna's title", opened, overwrite_revision_id=str(own.pk)
    )
    assert response.status_code == 302
    assert reload(release).latest_revision.as_object().title == "Anna's title"


def award_form(client, award, **changes):
    """The award's edit form as the browser posts it: every field, the opened revision."""
    response = client.get(edit_url(award))
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    data.update(changes)
    data = nested_form_data(data)
    data.update(opened_revision(response))
    return data


def test_a_stale_record_save_is_refused_and_keeps_the_editors_text(translated_release):
    award = translated_release["award"]
    award.save_revision()
    anna, boris = editor("anna"), editor("boris")
    annas_form = award_form(anna, award, distinction_en="Anna's distinction")
    boris_form = award_form(boris, award, distinction_en="Boris's distinction")

    assert anna.post(edit_url(award), annas_form).status_code == 302
    annas_revision = type(award).objects.get(pk=award.pk).latest_revision

    response = boris.post(edit_url(award), boris_form)
    assert response.status_code == 200
    page = response.content.decode()
    assert stale_message() in page
    assert "Boris&#x27;s distinction" in page
    stored = type(award).objects.get(pk=award.pk)
    assert stored.latest_revision == annas_revision
    assert stored.latest_revision.as_object().distinction_en == "Anna's distinction"

    boris_form.update(opened_revision(response))
    assert boris.post(edit_url(award), boris_form).status_code == 302
    stored = type(award).objects.get(pk=award.pk)
    assert stored.latest_revision.as_object().distinction_en == "Boris's distinction"


PING_URL = re.compile(r'data-w-swap-src-value="(/admin/editing-sessions/ping/[^"]+)"')


def test_an_editor_is_told_who_else_has_the_page_open_and_who_saved(release):
    """Wagtail's editing sessions: the edit screen pings and hears of the other editors, and
    of a newer revision saved since this editor opened the page."""
    anna, boris = editor("anna"), editor("boris")
    anna.user.first_name, anna.user.last_name = "Anna", "Nowak"
    anna.user.save()
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    opened_by_anna = opened_revision(anna.get(url))
    borises_screen = boris.get(url)
    opened_by_boris = opened_revision(borises_screen)
    ping_url = html.unescape(PING_URL.search(borises_screen.content.decode()).group(1))

    others = boris.post(ping_url, {"is_editing": "1"}).json()["other_sessions"]
    assert [other["user"] for other in others] == ["Anna Nowak"]

    assert release_edit(anna, release, "Anna's title", opened_by_anna).status_code == 302
    ping = boris.post(
        ping_url, {"is_editing": "1", "revision_id": opened_by_boris["loaded_revision_id"]}
    ).json()
    assert ping["other_sessions"][0]["revision_id"] == reload(release).latest_revision_id
