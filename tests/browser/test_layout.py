"""Layout a reader sees: main's padding, a phone's first screen and tap targets, print."""

import pytest

from tests.browser.helpers import DESKTOP, PHONE

pytestmark = pytest.mark.browser

TAP_TARGETS = ".site-nav a, .language-switcher a, .facet a, .pagination a, .level-links a"


def test_main_has_top_and_bottom_padding(page, demo):
    page.goto(demo.url(demo.news_index["en"]))
    padding = page.locator("main").evaluate(
        "m => [getComputedStyle(m).paddingTop, getComputedStyle(m).paddingBottom]"
    )
    assert all(float(value.removesuffix("px")) >= 16 for value in padding), padding


def test_on_a_phone_the_first_release_is_on_the_first_screen(open_page, demo):
    page = open_page(viewport=PHONE)
    page.goto(demo.url(demo.news_index["pl"]))
    card = page.locator(".release-summary").first.bounding_box()
    assert card["y"] + 40 <= PHONE["height"], card
    # The filters are one tap away, and open in place.
    facets = page.locator(".filters .facet a").first
    assert not facets.is_visible()
    page.locator(".filters__summary").click()
    assert facets.is_visible()


def test_on_a_wide_screen_the_filters_are_shown(page, demo):
    page.goto(demo.url(demo.news_index["pl"]))
    assert page.locator(".filters .facet a").first.is_visible()
    assert page.locator(".filters details").get_attribute("open") is None


@pytest.mark.parametrize("code", ["pl", "ru"])
def test_tap_targets_on_a_phone_are_44_px(open_page, demo, code):
    page = open_page(viewport=PHONE)
    page.goto(demo.url(demo.news_index[code]))
    page.locator(".filters__summary").click()
    sizes = page.locator(TAP_TARGETS).evaluate_all(
        "els => els.filter(e => e.getClientRects().length)"
        ".map(e => [e.textContent.trim(), e.getBoundingClientRect().height])"
    )
    assert len(sizes) > 5
    small = [(text, height) for text, height in sizes if height < 44]
    assert not small, small


def test_print_shows_the_release_and_its_award_card_without_navigation(open_page, demo):
    page = open_page(viewport=DESKTOP)
    page.emulate_media(media="print")
    body_links = ".release__body a[href^='http'], .release__body a[href^='/']"
    # The first release (newest first) whose body links out: the demo has one.
    for path in demo.releases["en"]:
        page.goto(demo.url(path))
        if page.locator(body_links).count():
            break
    else:
        pytest.fail("no demo release links out from its body")
    for selector in (".site-nav", ".language-switcher", ".site-footer"):
        assert page.locator(selector).evaluate("e => getComputedStyle(e).display") == "none"
    card = page.locator(".award-card").first
    assert card.is_visible()
    assert card.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    for link in page.locator(body_links).all():
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert link.get_attribute("href") in after
    # On screen, no URL follows a link.
    page.emulate_media(media="screen")
    assert page.locator(body_links).first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    ) in ("none", "normal")
