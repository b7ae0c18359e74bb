"""In Chromium, under the real Content-Security-Policy headers: nothing a reader or an editor
opens is blocked. A blocked script or style fires `securitypolicyviolation` in the page and
logs "Refused to …" on the console; both are collected across every navigation."""

import json
import re

import pytest

from django.urls import reverse

from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.models.records import Award

pytestmark = pytest.mark.browser

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile}:${event.lineNumber})`
    );
});
"""


@pytest.fixture
def admin_paths(demo):
    """Edit screens of the Kaluga release and of its award, found before the browser starts
    (the ORM cannot run while Playwright holds the thread)."""
    cluster_page = ClusterNewsPage.objects.get(
        locale__language_code="pl", cluster__slug="kaluga-pharma"
    )
    release = PressReleasePage.objects.live().child_of(cluster_page).get()
    award = Award.objects.filter(live=True).order_by("pk").first()
    return {
        "release": reverse("wagtailadmin_pages:edit", args=[release.pk]),
        "award": reverse(Award.snippet_viewset.get_url_name("edit"), args=[award.pk]),
    }


def watch(page):
    """Collect CSP violations and console errors of `page`; returns a function listing them."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(COLLECT_VIOLATIONS)

    def problems():
        events = page.evaluate("window.__cspViolations || []")
        return events + [text for text in console if "Content Security Policy" in text]

    return problems


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_reader_pages_run_under_the_public_policy_without_violations(page, demo):
    problems = watch(page)
    for code in ("pl", "en", "ru"):
        for name, path in demo.reading_pages(code):
            response = page.goto(path)
            assert response.status == 200, (name, path)
            policy = response.headers["content-security-policy"]
            assert "'unsafe-inline'" not in policy
            assert problems() == [], (name, path)
    page.goto(demo.kaluga_release["en"])
    # The JSON-LD data block is there, and allowed without a nonce: CSP checks only scripts
    # that run, and a browser never runs application/ld+json.
    json_ld = page.locator('script[type="application/ld+json"]')
    assert json_ld.count() == 1
    assert json.loads(json_ld.text_content())["@context"] == "https://schema.org"
    assert problems() == []


def test_admin_edit_screens_work_under_the_admin_policy(admin_paths, page):
    problems = watch(page)
    log_in(page, "admin", "newsroom-admin")
    assert problems() == []
    for name in ("release", "award"):
        response = page.goto(admin_paths[name])
        assert response.status == 200, name
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        # The editor's scripts ran, inline ones included (the inline panels' set-up).
        assert page.evaluate("typeof window.wagtail === 'object'"), name
        assert problems() == [], name
    # The live preview panel frames a page from the admin's address.
    page.goto(admin_paths["release"])
    page.wait_for_load_state("networkidle")
    assert problems() == []
