"""Builders for the demo site: records, the page tree in three locales, and users.

Every builder creates what is missing and leaves what exists untouched, so
`load_initial_data` can run again without duplicating or overwriting anything.
Language-neutral facts live here; the texts in each language live in `content.py`.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from newsroom.blocks import body_stream_data
from newsroom.demo import content
from newsroom.models import (
    Award,
    CertificationBody,
    Cluster,
    ClusterNewsPage,
    HomePage,
    Label,
    NewsIndexPage,
    PressReleasePage,
)
from newsroom.roles import ensure_language_roles

# Demo pages get stable translation keys, so a second run finds what the first made.
DEMO_NAMESPACE = uuid.UUID("5b0f1f5e-7c1e-4c57-9d55-2f1d3c0f8a61")

BODY_FACTS = {
    "esca": {
        "acronym": "ESCA",
        "country": "DE",
        "website": "https://www.cluster-analysis.org",
        "city": {"pl": "Berlin", "en": "Berlin", "ru": "Берлин"},
    },
    "mrit": {
        "acronym": "MRiT",
        "country": "PL",
        "website": "https://www.gov.pl/web/rozwoj-technologia",
        "city": {"pl": "Warszawa", "en": "Warsaw", "ru": "Варшава"},
    },
}
LABEL_FACTS = {
    "esca-bronze": {"body": "esca", "level": Label.Level.BRONZE, "validity_months": 24},
    "esca-silver": {
        "body": "esca",
        "level": Label.Level.SILVER,
        "validity_months": 24,
        "indicators_assessed": 30,
    },
    "esca-gold": {"body": "esca", "level": Label.Level.GOLD, "validity_months": 24},
    "national-key-cluster": {"body": "mrit", "level": Label.Level.STATUS},
}
CLUSTER_FACTS = {
    "lifescience-krakow": {
        "country": "PL",
        "founded_year": 2006,
        "website": "https://www.lifescience.pl",
    },
    "kaluga-pharma": {"country": "RU"},
}
AWARD_FACTS = {
    ("lifescience-krakow", "esca-silver"): {"awarded_on": datetime.date(2021, 6, 17)},
    ("lifescience-krakow", "national-key-cluster"): {"awarded_on": datetime.date(2016, 10, 21)},
    ("kaluga-pharma", "esca-silver"): {
        # The seed gives the audit, not the award date; the release date stands in.
        "awarded_on": datetime.date(2017, 11, 20),
        "audit_started_on": datetime.date(2017, 10, 24),
        "audit_ended_on": datetime.date(2017, 10, 26),
        "indicators_assessed": 30,
    },
}
DEMO_USERS = [
    # username, password (local use only), groups, superuser
    ("admin", "newsroom-admin", [], True),
    ("editor", "newsroom-editor", ["Editors"], False),
    ("moderator", "newsroom-moderator", ["Moderators"], False),
    ("translator-ru", "newsroom-translator", ["Translators (ru)"], False),
    ("reviewer-ru", "newsroom-reviewer", ["Reviewers (ru)"], False),
]


def demo_translation_key(name):
    return uuid.uuid5(DEMO_NAMESPACE, name)


def per_language(field, texts):
    """{"pl": "…", "en": "…"} -> {"field_pl": "…", "field_en": "…", …}."""
    return {f"{field}_{code}": texts.get(code, "") for code in content.LANGUAGES}


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def build_records():
    bodies = {}
    for slug, facts in BODY_FACTS.items():
        texts = content.CERTIFICATION_BODIES[slug]
        bodies[slug], _created = CertificationBody.objects.get_or_create(
            slug=slug,
            defaults={
                "acronym": facts["acronym"],
                "country": facts["country"],
                "website": facts["website"],
                **per_language("city", facts["city"]),
                **per_language("name", texts["name"]),
                **per_language("description", texts["description"]),
            },
        )
    labels = {}
    for slug, facts in LABEL_FACTS.items():
        texts = content.LABELS[slug]
        labels[slug], _created = Label.objects.get_or_create(
            slug=slug,
            defaults={
                **facts,
                "body": bodies[facts["body"]],
                **per_language("name", texts["name"]),
                **per_language("benchmarking_areas", texts["benchmarking_areas"]),
            },
        )
    clusters = {}
    for slug, facts in CLUSTER_FACTS.items():
        texts = content.CLUSTERS[slug]
        translated = {}
        for field in ("name", "description", "region", "city", "sector"):
            translated.update(per_language(field, texts[field]))
        clusters[slug], _created = Cluster.objects.get_or_create(
            slug=slug, defaults={**facts, **translated}
        )
    awards = {}
    for (cluster_slug, label_slug), facts in AWARD_FACTS.items():
        texts = content.AWARDS[(cluster_slug, label_slug)]
        awards[(cluster_slug, label_slug)], _created = Award.objects.get_or_create(
            cluster=clusters[cluster_slug],
            label=labels[label_slug],
            awarded_on=facts["awarded_on"],
            defaults={
                **{k: v for k, v in facts.items() if k != "awarded_on"},
                **per_language("result_summary", texts["result_summary"]),
                **per_language("distinction", texts["distinction"]),
            },
        )
    return clusters, awards


def publish_new_page(parent, page, first_published_at=None, tags=()):
    """Add `page` under `parent` and publish it through a revision, as an editor would."""
    page.live = False
    if first_published_at:
        page.first_published_at = first_published_at
    parent.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    return page


def existing_page(model, key, locale):
    return model.objects.filter(translation_key=key, locale=locale).first()


def build_home_pages(locales):
    root = Page.get_first_root_node()
    key = demo_translation_key("home")
    # Wagtail's starter "Welcome" page holds the slug and the site; our home replaces it.
    root.get_children().filter(depth=2, content_type__model="page").exclude(
        translation_key=key
    ).delete()
    homes = {}
    for code, locale in locales.items():
        home = existing_page(HomePage, key, locale)
        if home is None:
            texts = content.HOME_PAGE[code]
            home = publish_new_page(
                root,
                HomePage(
                    title=texts["title"],
                    slug=f"home-{code}",
                    intro=texts["intro"],
                    locale=locale,
                    translation_key=key,
                ),
            )
        homes[code] = home
    default_home = homes[settings.LANGUAGE_CODE]
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=default_home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != default_home.pk:
        site.root_page = default_home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    return homes


def build_news_indexes(locales, homes):
    key = demo_translation_key("news-index")
    indexes = {}
    for code, locale in locales.items():
        index = existing_page(NewsIndexPage, key, locale)
        if index is None:
            texts = content.NEWS_INDEX_PAGE[code]
            index = publish_new_page(
                homes[code],
                NewsIndexPage(
                    title=texts["title"],
                    slug=texts["slug"],
                    intro=texts["intro"],
                    locale=locale,
                    translation_key=key,
                ),
            )
        indexes[code] = index
    return indexes


def build_cluster_pages(locales, indexes, clusters):
    cluster_pages = {}
    for cluster_slug, translations in content.CLUSTER_PAGES.items():
        key = demo_translation_key(f"cluster:{cluster_slug}")
        for code, locale in locales.items():
            page = existing_page(ClusterNewsPage, key, locale)
            if page is None:
                texts = translations[code]
                page = publish_new_page(
                    indexes[code],
                    ClusterNewsPage(
                        title=texts["title"],
                        slug=texts["slug"],
                        intro=texts["intro"],
                        cluster=clusters[cluster_slug],
                        locale=locale,
                        translation_key=key,
                    ),
                )
            cluster_pages[(cluster_slug, code)] = page
    return cluster_pages


def build_releases(locales, cluster_pages, clusters, awards):
    for release in content.RELEASES:
        key = demo_translation_key(f"release:{release['key']}")
        published_at = timezone.make_aware(
            datetime.datetime.combine(release["release_date"], datetime.time(9, 0))
        )
        # The source language first, so its page is the oldest of the translations.
        order = [release["source_language"]] + [
            code for code in locales if code != release["source_language"]
        ]
        for code in order:
            if existing_page(PressReleasePage, key, locales[code]):
                continue
            texts = release["translations"][code]
            page = PressReleasePage(
                title=texts["title"],
                slug=texts["slug"],
                lead=texts["lead"],
                search_description=texts.get("search_description", ""),
                release_date=release["release_date"],
                body=body_stream_data(texts["body"]),
                locale=locales[code],
                translation_key=key,
            )
            page.clusters = [clusters[release["cluster"]]]
            page.awards = [awards[award_key] for award_key in release["awards"]]
            publish_new_page(
                cluster_pages[(release["cluster"], code)],
                page,
                first_published_at=published_at,
                tags=texts.get("tags", ()),
            )


def build_users():
    User = get_user_model()
    created = []
    for username, password, group_names, is_superuser in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username,
            email=f"{username}@newsroom.local",
            is_staff=is_superuser,
            is_superuser=is_superuser,
        )
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=group_names))
        created.append(username)
    return created


def build_demo_site():
    locales = ensure_locales()
    clusters, awards = build_records()
    homes = build_home_pages(locales)
    indexes = build_news_indexes(locales, homes)
    cluster_pages = build_cluster_pages(locales, indexes, clusters)
    build_releases(locales, cluster_pages, clusters, awards)
    ensure_language_roles(homes)
    return build_users()
