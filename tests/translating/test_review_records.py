"""The reviewer of a translation sees the record texts the page will show in its language,
and cannot approve while some are missing, unless they approve without them explicitly."""

import re

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import WorkflowState

from newsroom.models.records import ReleaseTag
from tests.helpers import as_plain_spaces, post_from_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_in_review(translated_release, team):
    """The Russian release, submitted to "Review (ru)", its award's distinction untranslated."""
    award = translated_release["award"]
    award.distinction_ru = ""
    award.save()
    page = translated_release["releases"]["ru"]
    page.title = "Серебряный сертификат: обновлено"
    page.save_revision(user=team["translator"])
    page.get_workflow().start(page, team["translator"])
    return page


def reader_text(client, page):
    """The page as a reader gets it, non-breaking spaces read as spaces."""
    return as_plain_spaces(client.get(page.url).content.decode())


def review(client, page, **data):
    url = reverse("newsroom_translations:review", args=[page.pk])
    return client.post(url, data) if data else client.get(url)


def test_reviewer_sees_the_record_texts_with_the_missing_one_marked(
    client, team, russian_in_review, translated_release
):
    client.force_login(team["reviewer"])
    html = re.sub(r"\s+", " ", review(client, russian_in_review).content.decode())
    award = translated_release["award"]
    assert award.label.name_ru in html and award.cluster.name_ru in html
    row = re.search(r"<tr>(?:(?!</tr>).)*drugi klaster w Polsce(?:(?!</tr>).)*</tr>", html).group(0)
    assert 'class="review-missing"' in row
    edit = reverse("wagtailsnippets_newsroom_award:edit", args=[award.pk])
    assert f'href="{edit}"' in row  # where the reviewer (or a translator) translates it


def test_approval_waits_for_the_records_or_an_explicit_choice(client, team, russian_in_review):
    client.force_login(team["reviewer"])
    refused = review(client, russian_in_review, action="approve")
    assert refused.status_code == 200
    (error,) = refused.context["form"].errors["approve_without_missing"]
    # In the reviewer's admin language (Polish, the default), with the right plural form.
    assert error.startswith(
        "1 tekst z rejestru widoczny na tej stronie nie jest jeszcze przetłumaczony na jej "
        "język (rosyjski). Przetłumacz go we wpisie rejestru albo zatwierdź bez niego"
    )
    russian_in_review.refresh_from_db()
    assert russian_in_review.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert russian_in_review.title != "Серебряный сертификат: обновлено"

    approved = review(client, russian_in_review, action="approve", approve_without_missing="on")
    assert approved.status_code == 302
    russian_in_review.refresh_from_db()
    assert russian_in_review.live and russian_in_review.title == "Серебряный сертификат: обновлено"
    page = reader_text(client, russian_in_review)
    assert "drugi klaster w Polsce" not in page  # left out, never shown as Russian


def test_the_matrix_shows_the_translation_waiting_for_its_records(
    admin_client, russian_in_review, translated_release
):
    url = reverse("newsroom_translations:index")
    html = re.sub(r"\s+", " ", admin_client.get(url).content.decode())
    with translation.override("pl"):
        waiting = translation.ngettext(
            "waiting for %(counter)s record text", "waiting for %(counter)s record texts", 1
        ) % {"counter": 1}
    cells = re.findall(r'<td class="translation-cell" data-language="(\w+)".*?</td>', html)
    assert cells == ["pl", "en", "ru"]
    russian = re.search(r'<td class="translation-cell" data-language="ru".*?</td>', html).group(0)
    assert waiting in russian
    assert "translation-waiting" not in html.replace(russian, "")

    award = translated_release["award"]
    award.distinction_ru = "второй кластер в Польше"
    award.save()
    assert "translation-waiting" not in admin_client.get(url).content.decode()


def test_a_translation_drafted_on_the_live_award_goes_live_with_the_approved_page(
    client, team, russian_in_review, translated_release
):
    """The award is live, so the translator's Russian distinction is saved as a draft of it:
    readers do not see it, the reviewer does, and approving the Russian page publishes it.
    An editor's pending Polish change in the same draft keeps waiting for its own Publish."""
    award = translated_release["award"]
    client.force_login(team["editor"])
    post_from_form(client, award, distinction_pl="Nowe wyróżnienie, jeszcze nie do druku")
    client.force_login(team["translator"])
    post_from_form(client, award, distinction_ru="второй кластер в Польше")
    assert award.distinction_ru == "" and award.has_unpublished_changes
    assert "второй кластер в Польше" not in reader_text(client, russian_in_review)

    client.force_login(team["reviewer"])
    html = review(client, russian_in_review).content.decode()
    assert "второй кластер в Польше" in html and 'class="review-missing"' not in html
    assert review(client, russian_in_review, action="approve").status_code == 302

    award.refresh_from_db()
    assert award.distinction_ru == "второй кластер в Польше"
    assert award.distinction_pl == "drugi klaster w Polsce" and award.has_unpublished_changes
    assert "второй кластер в Польше" in reader_text(client, russian_in_review)
    polish = reader_text(client, translated_release["releases"]["pl"])
    assert "Nowe wyróżnienie" not in polish and "drugi klaster w Polsce" in polish


def test_a_draft_holding_only_the_translation_is_published_whole(
    client, team, russian_in_review, translated_release
):
    award = translated_release["award"]
    client.force_login(team["translator"])
    post_from_form(client, award, distinction_ru="второй кластер в Польше")
    draft = award.latest_revision

    client.force_login(team["reviewer"])
    assert review(client, russian_in_review, action="approve").status_code == 302

    award.refresh_from_db()
    assert award.distinction_ru == "второй кластер в Польше"
    assert not award.has_unpublished_changes and award.live_revision == draft


def test_reviewer_sees_a_tag_without_a_russian_name_as_a_missing_record_text(
    client, team, russian_in_review
):
    tag = ReleaseTag.objects.create(name="złota odznaka", label_pl="złota odznaka")
    russian_in_review.tags.add(tag)
    russian_in_review.save_revision(user=team["translator"])
    client.force_login(team["reviewer"])
    html = re.sub(r"\s+", " ", review(client, russian_in_review).content.decode())
    row = re.search(r"<tr>(?:(?!</tr>).)*złota odznaka(?:(?!</tr>).)*</tr>", html).group(0)
    assert 'class="review-missing"' in row
    assert f'href="{reverse("wagtailsnippets_newsroom_releasetag:edit", args=[tag.pk])}"' in row
