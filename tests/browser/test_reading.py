"""What a reader does in a real browser: switch language, filter, search, follow feeds."""

import datetime
from urllib.parse import parse_qs, urljoin, urlsplit

import feedparser
import pytest
from playwright.sync_api import expect

from newsroom.languages import site_languages
from tests.browser.helpers import SEARCH_WORDS

pytestmark = pytest.mark.browser

# What the demo's stemmed search must highlight for SEARCH_WORDS: a form of "cluster".
STEMS = {"pl": "klast", "en": "cluster", "ru": "кластер"}
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def listed_releases(page):
    """Paths of the releases listed on the page, in order."""
    return page.locator(".release-list .release-summary__title a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )


def query_of(page):
    return parse_qs(urlsplit(page.url).query)


def wait_for_list(page, path, **query):
    """Wait until the page shows `path` with exactly the query parameters `query`."""

    def matches(url):
        parts = urlsplit(url)
        return parts.path == path and parse_qs(parts.query) == {k: [v] for k, v in query.items()}

    page.wait_for_url(matches)


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def test_language_switcher_leads_to_the_translation_and_back(page, demo):
    page.goto(demo.kaluga_release["pl"])
    titles = {"pl": page.title()}
    headings = {"pl": page.locator("h1").inner_text()}
    for code in ("en", "ru", "en", "pl", "ru", "pl"):
        switcher = page.locator("nav.language-switcher")
        link = switcher.locator(f'a[hreflang="{code}"]')
        expect(link).to_have_count(1)
        # The switcher names each language in that language, and says so.
        assert link.get_attribute("lang") == code
        link.click()
        expect(page).to_have_url(demo.url(demo.kaluga_release[code]))
        assert html_lang(page) == code
        current = page.locator("nav.language-switcher [aria-current='page']")
        expect(current).to_have_attribute("lang", code)
        titles.setdefault(code, page.title())
        headings.setdefault(code, page.locator("h1").inner_text())
        assert page.title() == titles[code], "the same translation must come back each time"
    assert len(set(titles.values())) == 3, titles
    assert len(set(headings.values())) == 3, headings


def test_filter_links_narrow_the_list_and_the_url_can_be_shared(page, open_page, demo):
    for code in site_languages():
        index = demo.news_index[code]
        kaluga = demo.kaluga_release[code]
        page.goto(index)
        everything = listed_releases(page)
        assert sorted(everything) == sorted(demo.releases[code])
        assert len(everything) == 2

        filters = page.locator("aside.filters")
        filters.locator('a[href="?cluster=kaluga-pharma"]').click()
        wait_for_list(page, index, cluster="kaluga-pharma")
        assert listed_releases(page) == [kaluga]
        selected = filters.locator('a[aria-current="true"]')
        expect(selected).to_have_count(1)
        # A chosen option links to the list without it.
        expect(selected).to_have_attribute("href", "?")
        cluster_name = selected.inner_text().rsplit(" (", 1)[0]
        # Other facets count only what the chosen cluster has.
        expect(filters.locator('a[href*="year=2021"]')).to_have_count(0)

        filters.locator('a[href="?cluster=kaluga-pharma&level=silver"]').click()
        wait_for_list(page, index, cluster="kaluga-pharma", level="silver")
        filtered = listed_releases(page)
        assert filtered == [kaluga]
        summaries = page.locator(".release-list .release-summary")
        for i in range(summaries.count()):
            summary = summaries.nth(i)
            expect(summary.locator(".badge--silver")).to_have_count(1)
            expect(summary.locator(".release-summary__cluster")).to_have_text(cluster_name)
        expect(filters.locator('a[aria-current="true"]')).to_have_count(2)

        # Shareable: the same address in a fresh browser context lists the same releases.
        shared = open_page()
        shared.goto(page.url)
        assert listed_releases(shared) == filtered

        clear = filters.locator('a[href="?"]:not([aria-current])')
        expect(clear).to_have_count(1)
        clear.click()
        wait_for_list(page, index)
        assert listed_releases(page) == everything
        expect(page.locator('aside.filters a[aria-current="true"]')).to_have_count(0)
        expect(page.locator('aside.filters a[href="?"]:not([aria-current])')).to_have_count(0)


def submit_search(page, word, *, press_enter=False):
    form = page.locator('form[role="search"]')
    field = form.locator('input[name="q"]')
    field.fill(word)
    if press_enter:
        field.press("Enter")
    else:
        form.locator('button[type="submit"]').click()
    page.wait_for_url(lambda url: "q=" in url)


def assert_search_results(page, demo, code):
    word = SEARCH_WORDS[code]
    assert query_of(page) == {"q": [word]}
    assert html_lang(page) == code
    found = listed_releases(page)
    assert found, f"{code}: no release found for {word!r}"
    assert set(found) <= set(demo.releases[code]), f"{code}: results from another language"
    marks = page.locator(".release-list mark").all_inner_texts()
    assert marks, f"{code}: no <mark> in the results for {word!r}"
    assert all(m.casefold().startswith(STEMS[code]) for m in marks), marks
    # Stemming, not substring matching: other forms of the word are highlighted too.
    assert {m.casefold() for m in marks} - {word.casefold()}, marks


def test_search_form_finds_inflected_words_in_each_language(page, demo):
    for code in site_languages():
        page.goto(demo.search(code))
        expect(page.locator(".release-list")).to_have_count(0)
        # Typed into the field and submitted with Enter, as most readers do.
        submit_search(page, SEARCH_WORDS[code], press_enter=True)
        assert_search_results(page, demo, code)
        expect(page.locator('form[role="search"] input[name="q"]')).to_have_value(
            SEARCH_WORDS[code]
        )


def feed_links(page):
    """{kind: absolute URL} from the <link rel="alternate"> feed entries of the page head."""
    links = {}
    for kind, content_type in FEED_TYPES.items():
        link = page.locator(f'head link[rel="alternate"][type="{content_type}"]')
        expect(link).to_have_count(1)
        links[kind] = urljoin(page.url, link.get_attribute("href"))
    return links


def check_feed(page, demo, url, kind, code, expected_releases):
    response = page.request.get(url)
    assert response.status == 200, url
    assert response.headers["content-type"].startswith(FEED_TYPES[kind]), url
    parsed = feedparser.parse(response.body())
    assert parsed.bozo == 0, f"{url}: {parsed.get('bozo_exception')}"
    assert parsed.version.startswith(kind), (url, parsed.version)
    assert parsed.feed.get("language", "").split("-")[0] == code, (url, parsed.feed)
    assert parsed.feed.get("title"), url
    links = []
    for entry in parsed.entries:
        parts = urlsplit(entry.link)
        assert parts.scheme == "http" and parts.netloc == urlsplit(demo.base_url).netloc, (
            url,
            entry.link,
        )
        assert entry.title, (url, entry)
        published = entry.get("published_parsed")
        assert published, f"{url}: {entry.link} has no published date"
        # 9:00 in Warsaw on the release date is the same date in UTC, as feedparser gives it.
        assert datetime.date(*published[:3]) == demo.release_dates[parts.path], (url, entry.link)
        links.append(parts.path)
    assert sorted(links) == sorted(expected_releases), url
    # An entry's link opens its release, in the feed's language.
    page.goto(parsed.entries[0].link)
    assert html_lang(page) == code


def test_feed_links_in_the_page_head_give_valid_feeds(page, demo):
    for code in site_languages():
        sources = [
            (demo.news_index[code], demo.releases[code]),
            (demo.cluster[code], [demo.kaluga_release[code]]),
            (demo.level(code), demo.releases[code]),
        ]
        for path, expected in sources:
            page.goto(path)
            for kind, url in feed_links(page).items():
                check_feed(page, demo, url, kind, code, expected)


def test_filters_and_search_work_without_javascript(page_without_js, demo):
    page = page_without_js
    page.set_content("<title>off</title><script>document.title = 'on'</script>")
    assert page.title() == "off", "JavaScript should be off in this context"
    for code in site_languages():
        page.goto(demo.news_index[code])
        page.locator('aside.filters a[href="?cluster=kaluga-pharma"]').click()
        wait_for_list(page, demo.news_index[code], cluster="kaluga-pharma")
        assert listed_releases(page) == [demo.kaluga_release[code]]
        page.locator('aside.filters a[href="?"]:not([aria-current])').click()
        wait_for_list(page, demo.news_index[code])
        assert sorted(listed_releases(page)) == sorted(demo.releases[code])
        # A label level's own page, linked from the list.
        page.locator(f'main a[href="{demo.level(code)}"]').first.click()
        page.wait_for_url(demo.url(demo.level(code)))
        assert sorted(listed_releases(page)) == sorted(demo.releases[code])

        page.goto(demo.search(code))
        submit_search(page, SEARCH_WORDS[code])
        assert_search_results(page, demo, code)
