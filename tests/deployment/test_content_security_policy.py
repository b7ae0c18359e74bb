"""Content-Security-Policy: readers' pages allow no inline code; the admin has its own policy."""

import re

import pytest

from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def public_paths(translated_release):
    release = translated_release["releases"]["en"]
    cluster_page = translated_release["cluster_pages"]["en"]
    return [
        "/en/",
        "/en/news/",
        cluster_page.url,
        release.url,
        "/en/search/?q=label",
        "/en/news/feed/rss/",
        "/sitemap.xml",
        "/robots.txt",
        "/en/no-such-page/",
    ]


def test_public_pages_allow_only_this_sites_own_files(client, translated_release):
    for path in public_paths(translated_release):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        policy = directives(response)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], path
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], path
        assert policy["default-src"] == ["'self'"], path
        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["frame-ancestors"] == ["'self'"], path


def test_release_page_json_ld_is_a_data_block_needing_no_nonce(client, translated_release):
    response = client.get(translated_release["releases"]["en"].url)
    html = response.content.decode()
    assert '<script type="application/ld+json">' in html
    # The only inline <script> is the JSON-LD data block, which CSP does not check; the
    # journalist tools' script is a first-party file ('self'), loaded with defer.
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    inline = [attrs for attrs, body in scripts if body.strip()]
    assert inline == [' type="application/ld+json"']
    external = [attrs for attrs, body in scripts if not body.strip()]
    assert external and all(
        re.search(r'src="/static/newsroom/[^"]+\.js" defer', a) for a in external
    )
    assert "nonce-" not in response["Content-Security-Policy"]


def test_admin_has_its_own_policy_allowing_inline_code_only_there(admin_client, translated_release):
    release = translated_release["releases"]["en"]
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[release.pk]),
        reverse("wagtailadmin_login"),
    ):
        response = admin_client.get(url)
        assert response.status_code in (200, 302), url
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["connect-src"] == ["'self'"], url
        assert policy["frame-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], url
        # A nonce would make browsers ignore 'unsafe-inline' and break Wagtail's inline scripts.
        assert "nonce-" not in response["Content-Security-Policy"], url


def test_admin_shows_no_third_party_avatars(admin_client, admin_user):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert b"gravatar.com" not in response.content
