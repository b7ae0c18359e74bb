"""The journalist tools of a release page in a real browser: "copy the link" and "copy the
text" put them on the clipboard and say so; without JavaScript the link stays to copy."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP

pytestmark = pytest.mark.browser


def test_copy_link_and_copy_text_fill_the_clipboard(open_page, demo):
    page = open_page(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page.goto(demo.kaluga_release["en"])
    link = page.locator("#release-link").input_value()
    # The release's canonical address (the Site's), as its <link rel="canonical"> gives it.
    assert link == page.locator("link[rel=canonical]").get_attribute("href")
    assert link.endswith(demo.kaluga_release["en"])
    page.get_by_role("button", name="Copy the link").click()
    expect(page.get_by_role("status")).to_have_text("Copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.get_by_role("button", name="Copy the text").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    title = page.locator(".release h1").inner_text()
    lead = page.locator(".release .lead").inner_text()
    assert copied.startswith(title + "\n\n")
    assert lead in copied


def test_without_javascript_the_buttons_stay_hidden_and_the_link_shows(page_without_js, demo):
    page_without_js.goto(demo.kaluga_release["pl"])
    expect(page_without_js.locator("[data-copy-link]")).to_be_hidden()
    expect(page_without_js.locator("#release-link")).to_be_visible()
