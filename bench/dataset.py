"""The bench's dataset: the demo, then N clusters and R releases in every site language.

Built through the project's own models, in bulk where Wagtail allows it:

- records (clusters, awards, tags) with `bulk_create`, their translation stamps set as
  their `save()` would;
- pages with the page tree's materialised paths computed here (treebeard's `_get_path`),
  the `wagtailcore_page` rows in bulk, then the specific rows (`ClusterNewsPage`,
  `PressReleasePage`) in bulk; live and published, with no revisions (a page needs none
  until someone edits it) and no owner;
- translations as wagtail-localize makes them: the pages of one release share its
  `translation_key`, the Polish page is the source (a `TranslationSource` holding its
  content, a `TranslatableObject`), and an enabled `Translation` into each other language.
  Skipped: the source's segments (`String`, `StringSegment`, `StringTranslation`), which
  wagtail-localize extracts for its editor: `Sync translated pages` makes them when an
  editor needs them;
- the search index in bulk (the backend's `add_items`, as `update_index` does).

The models have no image or contact fields, so the dataset has neither.
Run by `python -m bench build` (bench/run.py), on the database DATABASE_URL names.
"""

import datetime
import json
import os
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from anyascii import anyascii

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import (
    TranslatableObject,
    Translation,
    TranslationSource,
    get_schema_version,
)

from bench import texts
from newsroom.blocks import body_stream_data
from newsroom.languages import default_language, site_languages
from newsroom.models.pages import (
    ClusterNewsPage,
    NewsIndexPage,
    PressReleasePage,
    PressReleasePageTag,
    live_awards_prefetch,
    live_clusters_prefetch,
)
from newsroom.models.records import Award, Cluster, Label, ReleaseTag

BENCH_NAMESPACE = uuid.UUID("0c1d9a6e-6a53-4d7c-9a0e-4b7f0d1f2a11")
BENCH_USER = ("bench", "bench-only-password")
FIRST_RELEASE_DAY = datetime.date(2012, 1, 2)
LAST_RELEASE_DAY = datetime.date(2025, 12, 30)
INDEX_CHUNK = 500


@dataclass(frozen=True)
class Size:
    releases: int  # per language
    clusters: int
    tags: int

    @classmethod
    def from_environment(cls):
        """BENCH_RELEASES releases per language (10,000), BENCH_CLUSTERS clusters (one per 20
        releases: 500), BENCH_TAGS tags (one per 50 releases: 200)."""
        releases = int(os.environ.get("BENCH_RELEASES", "10000"))
        clusters = int(os.environ.get("BENCH_CLUSTERS", str(max(2, round(releases / 20)))))
        tags = int(os.environ.get("BENCH_TAGS", str(max(10, releases // 50))))
        return cls(releases=releases, clusters=min(clusters, releases), tags=tags)


class Stopwatch:
    def __init__(self):
        self.laps = {}

    @contextmanager
    def lap(self, name):
        started = time.perf_counter()
        yield
        self.laps[name] = round(time.perf_counter() - started, 2)
        print(f"  {name}: {self.laps[name]:.1f} s", flush=True)


def key_for(name):
    return uuid.uuid5(BENCH_NAMESPACE, name)


def stamped(record):
    """A new record with the translation stamps its save() would give it."""
    record.stamp_changed_translations()
    return record


def per_language(field, values):
    return {f"{field}_{code}": value for code, value in values.items()}


def make_clusters(count):
    clusters = []
    for number in range(count):
        country, fields = texts.cluster_texts(number)
        attributes = {}
        for field, values in fields.items():
            attributes.update(per_language(field, values))
        clusters.append(
            stamped(
                Cluster(
                    slug=f"bench-{number:04d}",
                    acronym=f"BC{number}",
                    country=country,
                    founded_year=1995 + number % 28,
                    website=f"https://cluster-{number}.example.org",
                    member_count=20 + number % 180,
                    live=True,
                    **attributes,
                )
            )
        )
    return Cluster.objects.bulk_create(clusters)


def make_awards(clusters):
    """Per cluster: ESCA Bronze, Silver and Gold two years apart; a national key cluster
    status for every fifth. Returns {cluster pk: [awards]}."""
    labels = {label.slug: label for label in Label.objects.all()}
    ladder = ["esca-bronze", "esca-silver", "esca-gold"]
    awards = []
    for number, cluster in enumerate(clusters):
        first = datetime.date(2012 + number % 8, 1 + number % 12, 1 + number % 28)
        slugs = ladder + (["national-key-cluster"] if number % 5 == 0 else [])
        for step, slug in enumerate(slugs):
            indicators = 30 + step * 5
            award = Award(
                cluster=cluster,
                label=labels[slug],
                awarded_on=first.replace(year=first.year + 2 * step),
                audit_started_on=first.replace(year=first.year + 2 * step)
                - datetime.timedelta(days=30),
                indicators_assessed=indicators,
                live=True,
                **{
                    f"{field}_{code}": text
                    for field, values in texts.award_texts(
                        {code: getattr(cluster, f"name_{code}") for code in ("pl", "en", "ru")},
                        indicators,
                    ).items()
                    for code, text in values.items()
                },
            )
            award.valid_until = award.default_valid_until()
            awards.append(stamped(award))
    by_cluster = {}
    for award in Award.objects.bulk_create(awards):
        by_cluster.setdefault(award.cluster_id, []).append(award)
    return by_cluster


def make_tags(count):
    tags = []
    for number in range(count):
        labels = texts.tag_labels(number)
        tags.append(
            stamped(
                ReleaseTag(
                    name=labels["pl"],
                    slug=f"bench-{number}",
                    url_slugs={
                        code: slugify(label, allow_unicode=True)[:90]
                        for code, label in labels.items()
                    },
                    **per_language("label", labels),
                )
            )
        )
    return ReleaseTag.objects.bulk_create(tags)


class Children:
    """Materialised paths for new children of one page, after its existing ones."""

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child() if parent.numchild else None
        self.step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        self.added = 0

    def place(self, page, live_since):
        self.step += 1
        self.added += 1
        page.path = Page._get_path(self.parent.path, self.parent.depth + 1, self.step)
        page.depth = self.parent.depth + 1
        page.numchild = 0
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = live_since
        page.last_published_at = live_since
        return page


def insert_pages(pages):
    """Insert new pages of one specific type: the base rows, then the specific rows."""
    if not pages:
        return pages
    model = type(pages[0])
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    fields = model._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(fields, pages))
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=fields)
    return pages


def published_at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def make_cluster_pages(clusters, indexes):
    """{language: [cluster page]}: one per cluster under each language's news index."""
    pages = {}
    for code, index in indexes.items():
        children = Children(index)
        batch = []
        for cluster in clusters:
            page = ClusterNewsPage(
                title=getattr(cluster, f"name_{code}"),
                slug=cluster.slug,
                intro=getattr(cluster, f"description_{code}"),
                cluster=cluster,
                locale_id=index.locale_id,
                translation_key=key_for(f"cluster:{cluster.slug}"),
            )
            batch.append(children.place(page, published_at(FIRST_RELEASE_DAY)))
        pages[code] = insert_pages(batch)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + children.added)
    return pages


def release_day(number, count):
    span = (LAST_RELEASE_DAY - FIRST_RELEASE_DAY).days
    return FIRST_RELEASE_DAY + datetime.timedelta(days=span * number // max(1, count))


def make_releases(size, clusters, awards, tags, cluster_pages):
    """{language: [release]}: release n of every language announces the same award of
    cluster n mod N, carries the same two tags and shares one translation key."""
    labels = {label.pk: label for label in Label.objects.all()}
    releases = {}
    for code, parents in cluster_pages.items():
        children = {parent.pk: Children(parent) for parent in parents}
        batch = []
        for number in range(size.releases):
            which = number % len(clusters)
            cluster, parent = clusters[which], parents[which]
            cluster_awards = awards[cluster.pk]
            award = cluster_awards[(number // len(clusters)) % len(cluster_awards)]
            day = release_day(number, size.releases)
            copy = texts.release_texts(
                code,
                number,
                getattr(cluster, f"name_{code}"),
                getattr(labels[award.label_id], f"name_{code}"),
                getattr(cluster, f"city_{code}"),
                award.awarded_on.year,
            )
            page = PressReleasePage(
                title=copy["title"],
                slug=f"{slugify(anyascii(copy['title']))[:60].strip('-') or 'release'}-{number}",
                lead=copy["lead"],
                release_date=day,
                body=body_stream_data(copy["body"]),
                locale_id=parent.locale_id,
                translation_key=key_for(f"release:{number}"),
            )
            # In memory first, so the TranslationSource's content needs no query per page.
            page.clusters = [cluster]
            page.awards = [award]
            page.tagged_items = [
                PressReleasePageTag(tag=tags[(number + step) % len(tags)]) for step in (0, 7)
            ]
            batch.append(children[parent.pk].place(page, published_at(day)))
        insert_pages(batch)
        for parent in parents:
            added = children[parent.pk].added
            if added:
                Page.objects.filter(pk=parent.pk).update(numchild=added)
        link_records(batch)
        releases[code] = batch
    return releases


def link_records(releases):
    clusters_through = PressReleasePage._meta.get_field("clusters").remote_field.through
    awards_through = PressReleasePage._meta.get_field("awards").remote_field.through
    clusters_through.objects.bulk_create(
        clusters_through(pressreleasepage_id=release.pk, cluster_id=cluster.pk)
        for release in releases
        for cluster in release.clusters.all()
    )
    awards_through.objects.bulk_create(
        awards_through(pressreleasepage_id=release.pk, award_id=award.pk)
        for release in releases
        for award in release.awards.all()
    )
    tagged = []
    for release in releases:
        for item in release.tagged_items.all():
            item.content_object_id = release.pk
            tagged.append(item)
    PressReleasePageTag.objects.bulk_create(tagged)


def make_translation_sources(families, source_language):
    """wagtail-localize's view of each family: the source page's content frozen in a
    TranslationSource, and an enabled Translation into every other language."""
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)
    schema = get_schema_version("newsroom")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    objects, sources, translations = [], [], []
    for pages in families:
        source_page = pages[source_language]
        objects.append(
            TranslatableObject(translation_key=source_page.translation_key, content_type=page_type)
        )
        sources.append(
            TranslationSource(
                object_id=source_page.translation_key,
                specific_content_type=ContentType.objects.get_for_model(type(source_page)),
                locale=locales[source_language],
                object_repr=str(source_page)[:200],
                content_json=json.dumps(source_page.serializable_data(), cls=DjangoJSONEncoder),
                schema_version=schema,
                created_at=now,
                last_updated_at=now,
            )
        )
    TranslatableObject.objects.bulk_create(objects)
    for source in TranslationSource.objects.bulk_create(sources, batch_size=200):
        for code, locale in locales.items():
            if code != source_language and code in site_languages():
                translations.append(
                    Translation(
                        source=source,
                        target_locale=locale,
                        created_at=now,
                        destination_last_updated_at=now,
                        enabled=True,
                    )
                )
    Translation.objects.bulk_create(translations)


def families_of(pages_by_language):
    count = len(next(iter(pages_by_language.values())))
    return [{code: pages[n] for code, pages in pages_by_language.items()} for n in range(count)]


def index_pages(queryset, pks):
    """Index the pages `pks` of `queryset`'s model in chunks, as `update_index` does."""
    model = queryset.model
    index = get_search_backend().get_index_for_model(model)
    pks = sorted(pks)
    for start in range(0, len(pks), INDEX_CHUNK):
        chunk = list(queryset.filter(pk__in=pks[start : start + INDEX_CHUNK]).order_by("pk"))
        index.add_items(model, chunk)
    return len(pks)


def build_search_index(cluster_pages, releases):
    """The search index of the new pages: what saving each of them would have indexed."""
    indexed = index_pages(
        ClusterNewsPage.objects.select_related("locale", "cluster"),
        [page.pk for pages in cluster_pages.values() for page in pages],
    )
    return indexed + index_pages(
        PressReleasePage.objects.select_related("locale").prefetch_related(
            live_awards_prefetch(), live_clusters_prefetch()
        ),
        [page.pk for pages in releases.values() for page in pages],
    )


def ensure_bench_user():
    username, password = BENCH_USER
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_superuser(username, f"{username}@localhost", password)
    return user


def build(size):
    """Migrate, load the demo, add the bench data; returns the timings in seconds."""
    watch = Stopwatch()
    with watch.lap("migrate"):
        call_command("migrate", interactive=False, verbosity=0)
    with watch.lap("demo content"):
        call_command("load_initial_data", verbosity=0)
    started = time.perf_counter()
    source_language = default_language()
    indexes = {
        index.locale.language_code: index
        for index in NewsIndexPage.objects.select_related("locale")
        if index.locale.language_code in site_languages()
    }
    with transaction.atomic():
        with watch.lap(f"records: {size.clusters} clusters, their awards, {size.tags} tags"):
            clusters = make_clusters(size.clusters)
            awards = make_awards(clusters)
            tags = make_tags(size.tags)
        with watch.lap(f"cluster pages: {size.clusters} × {len(indexes)} languages"):
            cluster_pages = make_cluster_pages(clusters, indexes)
        with watch.lap(f"release pages: {size.releases} × {len(indexes)} languages"):
            releases = make_releases(size, clusters, awards, tags, cluster_pages)
        with watch.lap("wagtail-localize sources and translations"):
            make_translation_sources(families_of(cluster_pages), source_language)
            make_translation_sources(families_of(releases), source_language)
    with watch.lap("search index"):
        indexed = build_search_index(cluster_pages, releases)
    ensure_bench_user()
    # As autovacuum would soon after a bulk load (and must, on a server that runs without
    # it): the bulk index rewrites every entry, and the planner needs counts.
    with watch.lap("vacuum and analyze"), connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    watch.laps["bench data"] = round(time.perf_counter() - started, 2)
    return {
        "size": {
            "releases_per_language": size.releases,
            "clusters": size.clusters,
            "tags": size.tags,
            "languages": sorted(indexes),
            "release_pages": PressReleasePage.objects.count(),
            "cluster_pages": ClusterNewsPage.objects.count(),
            "awards": Award.objects.count(),
            "indexed": indexed,
        },
        "seconds": watch.laps,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
    }
