"""End to end: a Russian translator translates a release in the admin and submits it;
a Russian reviewer approves it; readers then find the Russian page live."""

import datetime
import re
from dataclasses import dataclass

import pytest

from django.contrib.auth import get_user_model

from newsroom.blocks import body_stream_data
from newsroom.models.pages import ClusterNewsPage
from newsroom.translating.requests import request_translations
from tests.browser.helpers import TIMEOUT_MS
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.browser

TITLE = "Klaster LifeScience Kraków z Brązową Odznaką ESCA"
RUSSIAN = {
    TITLE: "Кластер LifeScience Kraków получил бронзовый сертификат ESCA",
    "Klaster przeszedł pierwszy audyt.": "Кластер прошёл первый аудит.",
    "Audytorzy ocenili 31 wskaźników.": "Аудиторы оценили 31 показатель.",
    "Lead of the bronze release": "Краткое содержание бронзового релиза",
}


@dataclass
class RequestedTranslation:
    title: str
    polish_url: str


@pytest.fixture
def requested_translation(demo):
    """A live Polish release whose Russian translation the editor has just requested.

    Built before the browser starts: the ORM cannot run while Playwright holds the thread.
    """
    cluster_page = ClusterNewsPage.objects.get(
        locale__language_code="pl", cluster__slug="lifescience-krakow"
    )
    release = PressReleasePageFactory(
        parent=cluster_page,
        title=TITLE,
        slug="brazowa-odznaka-lifescience",
        lead="Lead of the bronze release",
        release_date=datetime.date(2026, 11, 2),
        body=body_stream_data(
            [
                ("paragraph", "<p>Klaster przeszedł pierwszy audyt.</p>"),
                ("paragraph", "<p>Audytorzy ocenili 31 wskaźników.</p>"),
            ]
        ),
    )
    editor = get_user_model().objects.get(username="editor")
    request_translations([release], ["ru"], editor)
    return RequestedTranslation(title=TITLE, polish_url=release.url)


def log_in(page, username, password):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def russian_cell(page, title):
    row = page.locator("table.translation-matrix tbody tr", has_text=title)
    return row.locator("td[data-language=ru]")


def test_translator_translates_reviewer_approves_russian_page_goes_live(
    requested_translation, page
):
    log_in(page, "translator-ru", "newsroom-translator")
    page.goto("/admin/translations/")
    cell = russian_cell(page, requested_translation.title)
    assert cell.get_attribute("data-status") == "draft"
    cell.locator("a.translation-status").click()

    # wagtail-localize's segment editor: translate every segment of the content tab.
    incomplete = page.locator("li.incomplete:visible")
    incomplete.first.wait_for(timeout=TIMEOUT_MS)
    while (remaining := incomplete.count()) > 0:
        segment = incomplete.first
        source = segment.locator("p").first.inner_text().strip()
        segment.locator("button").last.click()
        segment.locator("textarea").fill(RUSSIAN.get(source, f"{source} (ru)"))
        segment.locator("textarea").press("Enter")
        page.wait_for_function(
            "n => [...document.querySelectorAll('li.incomplete')]"
            ".filter(li => li.offsetParent !== null).length < n",
            arg=remaining,
        )
    page.locator(".newsroom-review-bar button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".newsroom-review-bar").inner_text().strip()

    page.goto("/admin/translations/")
    assert russian_cell(page, requested_translation.title).get_attribute("data-status") == (
        "in_review"
    )

    log_in(page, "reviewer-ru", "newsroom-reviewer")
    page.goto("/admin/translations/")
    russian_cell(page, requested_translation.title).locator(
        "a[href*='/translations/review/']"
    ).click()
    assert page.locator("table.review-segments").inner_text().count("Кластер прошёл первый аудит.")
    page.locator("button[name=action][value=approve]").click()
    page.wait_for_url(re.compile(r"/admin/translations/"))
    assert russian_cell(page, requested_translation.title).get_attribute("data-status") == "live"

    # A reader on the Polish release switches to Russian and reads the translation.
    page.context.clear_cookies()
    page.goto(requested_translation.polish_url)
    page.locator("a[hreflang=ru]").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == RUSSIAN[TITLE]
    assert "Кластер прошёл первый аудит." in page.locator("main").inner_text()
