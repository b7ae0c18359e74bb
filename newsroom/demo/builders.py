"""Builders for the demo site: records, the page tree in three locales, and users.

Every builder creates what is missing and leaves what exists untouched, so
`load_initial_data` can run again without duplicating or overwriting anything.
Language-neutral facts live here; the texts in each language live in `content.py`.

Each page is built in its source language only; the other languages are
wagtail-localize translations of it, whose strings are the team's translated copy.
So the admin knows they are in sync and offers its translation editor for them.
"""

import datetime
import uuid
from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from newsroom.blocks import body_stream_data
from newsroom.demo import content
from newsroom.languages import default_language, record_languages, site_languages
from newsroom.models.contacts import ClusterMediaContact, MediaContact
from newsroom.models.pages import ClusterNewsPage, HomePage, NewsIndexPage, PressReleasePage
from newsroom.models.records import Award, CertificationBody, Cluster, Label, ReleaseTag
from newsroom.translating.roles import ensure_language_roles

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
    # Everything but administering users (newsroom.translating.roles).
    ("chief", "newsroom-chief", ["Editors-in-chief"], False),
    ("editor", "newsroom-editor", ["Editors"], False),
    # The chief editor's deputy publishes without review, and reviews Polish and English.
    ("moderator", "newsroom-moderator", ["Moderators", "Reviewers (pl)", "Reviewers (en)"], False),
    ("translator-ru", "newsroom-translator", ["Translators (ru)"], False),
    ("reviewer-ru", "newsroom-reviewer", ["Reviewers (ru)"], False),
]


def demo_translation_key(name):
    return uuid.uuid5(DEMO_NAMESPACE, name)


def per_language(field, texts):
    """{"pl": "…", "en": "…"} -> {"field_pl": "…", "field_en": "…", …}."""
    return {f"{field}_{code}": texts.get(code, "") for code in record_languages()}


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in site_languages()}


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


def with_source_block_ids(source_blocks, translated_blocks):
    """The translated stream data, carrying the ids of the matching source blocks.

    wagtail-localize addresses every string by block id, so the translated copy under
    the source's ids extracts to the same paths as the source and pairs up by path.
    Blocks that do not line up (an edited source) keep their own ids and stay unpaired.
    """
    paired = []
    for index, block in enumerate(translated_blocks):
        source_block = source_blocks[index] if index < len(source_blocks) else None
        if not source_block or source_block.get("type") != block.get("type"):
            paired.append(block)
            continue
        value = block["value"]
        if block["type"] == "list" and isinstance(source_block["value"], list):
            value = with_source_block_ids(source_block["value"], value)
        paired.append({**block, "value": value, "id": source_block["id"]})
    return paired


def translated_instance(source, fields):
    """The source page as wagtail-localize froze it, with the team's translated `fields`."""
    instance = source.as_instance()
    for name, value in fields.items():
        if name == "body":
            value = with_source_block_ids(list(instance.body.raw_data), body_stream_data(value))
        setattr(instance, name, value)
    return instance


def record_string_translations(source, locale, fields):
    """Store the translated copy as StringTranslations of the source's string segments.

    Strings of one rich text block share a path, so they pair up by position within it.
    A translation that already exists is kept: a translator may have corrected it.
    """
    translated_strings = defaultdict(list)
    for segment in extract_segments(translated_instance(source, fields)):
        if isinstance(segment, StringSegmentValue):
            translated_strings[segment.path].append(segment.string.data)
    seen_in_path = Counter()
    segments = source.stringsegment_set.select_related("string", "context").order_by("order")
    for segment in segments:
        path = segment.context.path
        position = seen_in_path[path]
        seen_in_path[path] += 1
        if position >= len(translated_strings[path]):
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated_strings[path][position],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": None,
            },
        )


def translate_page(source_page, locale, fields, first_published_at=None):
    """Create and publish `source_page`'s translation into `locale` through wagtail-localize.

    `fields` is the team's copy in that language ({"title": …, "slug": …, "body": […]});
    everything else (records, dates, structure) is synchronised from the source.
    """
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    record_string_translations(source, locale, fields)
    # wagtail-localize publishes on commit; the loader runs in one transaction (and tests
    # never commit), so the draft it saves is published here, at once.
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    # Tags are synchronised from the source: the same tags, named in each language.
    if first_published_at:
        draft = target.get_latest_revision_as_object()
        draft.first_published_at = first_published_at
        revision = draft.save_revision()
    else:
        revision = target.latest_revision
    revision.publish()
    return type(target).objects.get(pk=target.pk)


def build_page_family(model, key, locales, source_language, build_source, translation_of):
    """{code: page}: the source page, built if missing, and its translations.

    `translation_of(code)` gives translate_page's keyword arguments for that language.
    Pages that exist are left alone, whatever they have become.
    """
    pages = {source_language: existing_page(model, key, locales[source_language])}
    if pages[source_language] is None:
        pages[source_language] = build_source()
    for code, locale in locales.items():
        if code == source_language:
            continue
        pages[code] = existing_page(model, key, locale) or translate_page(
            pages[source_language], locale, **translation_of(code)
        )
    return pages


def build_home_pages(locales):
    root = Page.get_first_root_node()
    key = demo_translation_key("home")
    # Wagtail's starter "Welcome" page holds the slug and the site; our home replaces it.
    root.get_children().filter(depth=2, content_type__model="page").exclude(
        translation_key=key
    ).delete()
    source_language = default_language()

    def home_fields(code):
        texts = content.HOME_PAGE[code]
        return {"title": texts["title"], "slug": f"home-{code}", "intro": texts["intro"]}

    homes = build_page_family(
        HomePage,
        key,
        locales,
        source_language,
        build_source=lambda: publish_new_page(
            root,
            HomePage(
                **home_fields(source_language),
                locale=locales[source_language],
                translation_key=key,
            ),
        ),
        translation_of=lambda code: {"fields": home_fields(code)},
    )
    default_home = homes[default_language()]
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


def page_fields(texts, names=("title", "slug", "intro")):
    return {name: texts[name] for name in names}


def build_news_indexes(locales, homes):
    key = demo_translation_key("news-index")
    source_language = default_language()
    return build_page_family(
        NewsIndexPage,
        key,
        locales,
        source_language,
        build_source=lambda: publish_new_page(
            homes[source_language],
            NewsIndexPage(
                **page_fields(content.NEWS_INDEX_PAGE[source_language]),
                locale=locales[source_language],
                translation_key=key,
            ),
        ),
        translation_of=lambda code: {"fields": page_fields(content.NEWS_INDEX_PAGE[code])},
    )


def build_cluster_pages(locales, indexes, clusters):
    source_language = default_language()
    cluster_pages = {}
    for cluster_slug, translations in content.CLUSTER_PAGES.items():
        key = demo_translation_key(f"cluster:{cluster_slug}")
        family = build_page_family(
            ClusterNewsPage,
            key,
            locales,
            source_language,
            build_source=lambda key=key, cluster_slug=cluster_slug, translations=translations: (
                publish_new_page(
                    indexes[source_language],
                    ClusterNewsPage(
                        **page_fields(translations[source_language]),
                        cluster=clusters[cluster_slug],
                        locale=locales[source_language],
                        translation_key=key,
                    ),
                )
            ),
            translation_of=lambda code, translations=translations: {
                "fields": page_fields(translations[code])
            },
        )
        for code, page in family.items():
            cluster_pages[(cluster_slug, code)] = page
    return cluster_pages


RELEASE_FIELDS = ("title", "slug", "lead", "search_description", "body")


def release_tags(release):
    """The release's tags, each one tag named in every language: the lists of tags in
    `content.RELEASES` name the same tags in the same order in each language.

    A tag is found by its name in the release's source language (another release may have
    made it), else made with that name as typed; names it lacks are filled in.
    """
    source_language = release["source_language"]
    names_by_language = {
        code: texts.get("tags", []) for code, texts in release["translations"].items()
    }
    tags = []
    for position, typed in enumerate(names_by_language[source_language]):
        names = {
            code: names[position]
            for code, names in names_by_language.items()
            if position < len(names)
        }
        tag = (
            ReleaseTag.objects.filter(**{f"label_{source_language}": typed}).first()
            or ReleaseTag.objects.filter(name=typed).first()
            or ReleaseTag(name=typed)
        )
        for code, name in names.items():
            if code in record_languages() and not getattr(tag, f"label_{code}"):
                setattr(tag, f"label_{code}", name)
        tag.save()
        tags.append(tag)
    return tags


def build_releases(locales, cluster_pages, clusters, awards):
    for release in content.RELEASES:
        key = demo_translation_key(f"release:{release['key']}")
        source_language = release["source_language"]
        published_at = timezone.make_aware(
            datetime.datetime.combine(release["release_date"], datetime.time(9, 0))
        )

        def build_source(release=release, key=key, published_at=published_at):
            source_language = release["source_language"]
            texts = release["translations"][source_language]
            page = PressReleasePage(
                title=texts["title"],
                slug=texts["slug"],
                lead=texts["lead"],
                search_description=texts.get("search_description", ""),
                release_date=release["release_date"],
                body=body_stream_data(texts["body"]),
                locale=locales[source_language],
                translation_key=key,
            )
            page.clusters = [clusters[release["cluster"]]]
            page.awards = [awards[award_key] for award_key in release["awards"]]
            return publish_new_page(
                cluster_pages[(release["cluster"], source_language)],
                page,
                first_published_at=published_at,
                tags=release_tags(release),
            )

        def translation_of(code, release=release, published_at=published_at):
            texts = release["translations"][code]
            return {
                "fields": page_fields(texts, [name for name in RELEASE_FIELDS if texts.get(name)]),
                "first_published_at": published_at,
            }

        build_page_family(
            PressReleasePage, key, locales, source_language, build_source, translation_of
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


def build_media_contacts(clusters):
    """Each cluster's fictional media contact (content.MEDIA_CONTACTS), once."""
    for slug, texts in content.MEDIA_CONTACTS.items():
        contact, _created = MediaContact.objects.get_or_create(
            email=texts["email"],
            defaults={
                "name": texts["name"],
                "phone": texts["phone"],
                "languages": texts["languages"],
                **per_language("role", texts["role"]),
            },
        )
        ClusterMediaContact.objects.get_or_create(contact=contact, cluster=clusters[slug])


def build_demo_site(with_users=True):
    """The demo's records, pages and roles; its users (whose passwords the README
    publishes) only `with_users`. Returns the usernames created."""
    locales = ensure_locales()
    clusters, awards = build_records()
    build_media_contacts(clusters)
    homes = build_home_pages(locales)
    indexes = build_news_indexes(locales, homes)
    cluster_pages = build_cluster_pages(locales, indexes, clusters)
    build_releases(locales, cluster_pages, clusters, awards)
    ensure_language_roles(homes)
    return build_users() if with_users else []
