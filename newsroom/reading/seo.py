"""Being found and shared: canonical and hreflang links, Open Graph and JSON-LD (the
sitemap is newsroom.reading.sitemap).

Every URL handed to search engines and social networks is absolute, built from the
request (the Site's hostname is a placeholder), and every hreflang set is reciprocal:
a page lists each live, public translation of itself, itself included, plus an
``x-default`` pointing to the Polish version when it is live, else to the page itself.
"""

import json
from collections import defaultdict

from django.db.models import prefetch_related_objects
from django.utils.safestring import mark_safe

from wagtail.models import Page

from newsroom.brand import brand_name
from newsroom.formatting import regional_locale
from newsroom.languages import default_language
from newsroom.models.pages import (
    PressReleasePage,
    language_links,
)
from newsroom.models.texts import name_in, text_in

# Same escapes as django.utils.html.json_script: nothing in the data can close the
# <script> element or open a comment inside it.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def og_locale(language_code):
    """og:locale wants territory-qualified locales: the variant each language is written
    and formatted in ("en_GB", as its dates are)."""
    return regional_locale(language_code)


def absolute_url(request, relative_url):
    return request.build_absolute_uri(relative_url) if relative_url else None


# --- <head> ------------------------------------------------------------------------


def _page_description(page):
    for attribute in ("search_description", "lead", "intro"):
        value = getattr(page, attribute, "")
        if value and str(value).strip():
            return " ".join(str(value).split())
    return ""


def _language_links(context, page, request):
    links = context.get("language_links")
    if links is None:
        links = language_links(page, request)
    return links


def head_metadata(context):
    """What components/seo_head.html renders for the page in `context`; None off pages."""
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not isinstance(page, Page):
        return None
    language = page.locale.language_code
    # A route of the page with an address of its own (a tag's list) names it in the context.
    canonical = absolute_url(
        request, context.get("canonical_url") or page.get_url(request)
    ) or request.build_absolute_uri(request.path)

    alternates = []
    other_locales = []
    for link in _language_links(context, page, request):
        code = link["language_code"]
        if link.get("is_current") or code == language:
            alternates.append({"hreflang": code, "href": canonical})
        elif link.get("is_translation") and link.get("url"):
            # A list's alternate is the list itself, without the reader's filters.
            href = link.get("alternate_url") or link["url"]
            alternates.append({"hreflang": code, "href": absolute_url(request, href)})
            other_locales.append(og_locale(code))
    by_language = {alternate["hreflang"]: alternate["href"] for alternate in alternates}
    x_default = by_language.get(default_language(), canonical)

    site_name = brand_name(language)
    title = page.seo_title or page.title
    description = _page_description(page)
    is_release = isinstance(page, PressReleasePage)

    open_graph = [("og:site_name", site_name)] if site_name else []
    open_graph += [("og:title", title)]
    if description:
        open_graph.append(("og:description", description))
    open_graph += [
        ("og:url", canonical),
        ("og:type", "article" if is_release else "website"),
        ("og:locale", og_locale(language)),
    ]
    open_graph += [("og:locale:alternate", other) for other in other_locales]
    if is_release and page.release_date:
        open_graph.append(("article:published_time", page.release_date.isoformat()))

    twitter = [("twitter:card", "summary"), ("twitter:title", title)]
    if description:
        twitter.append(("twitter:description", description))

    return {
        "canonical": canonical,
        "alternates": alternates,
        "x_default": x_default,
        "open_graph": open_graph,
        "twitter": twitter,
        "json_ld": release_json_ld(page, canonical) if is_release else "",
    }


# --- JSON-LD -----------------------------------------------------------------------


def release_structured_data(page, url):
    """A schema.org NewsArticle for a press release, in the page's language.

    Queries: the release's clusters and awards (none when the caller prefetched
    them) and the awards' labels (none when already loaded).
    """
    language = page.locale.language_code
    awards = [award for award in page.awards.all() if award.live]
    prefetch_related_objects(awards, "label")
    labels_by_cluster = defaultdict(list)
    for award in sorted(awards, key=lambda a: (a.awarded_on, a.pk or 0)):
        # A label's name is a text, given only in the page's language; a cluster's is its name.
        name = text_in(award.label, "name", language)
        if name and name not in labels_by_cluster[award.cluster_id]:
            labels_by_cluster[award.cluster_id].append(name)

    about = []
    for cluster in [cluster for cluster in page.clusters.all() if cluster.live]:
        organization = {"@type": "Organization", "name": name_in(cluster, language)[0]}
        if cluster.website:
            organization["url"] = cluster.website
        if cluster.country:
            organization["address"] = {
                "@type": "PostalAddress",
                "addressCountry": cluster.country,
            }
        organization["award"] = labels_by_cluster.get(cluster.pk, [])
        about.append(organization)

    published = page.release_date.isoformat() if page.release_date else None
    modified = page.last_published_at.isoformat() if page.last_published_at else published
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lead,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": language,
        "mainEntityOfPage": url,
        "url": url,
        "publisher": {"@type": "Organization", "name": brand_name(language)},
        "about": about,
    }
    return {key: value for key, value in data.items() if value is not None}


def json_for_script(data):
    """JSON safe to embed in a <script> element (non-ASCII kept as is)."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))


def release_json_ld(page, url):
    return json_for_script(release_structured_data(page, url))
