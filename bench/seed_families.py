"""Bench data for the admin screens at scale: FAMILIES release families in every site language
(about 3 × FAMILIES release pages) over CLUSTERS new clusters, each with its cluster page in
every language and two awards.

The translation matrix must be measured at the size it will reach, and 30,000 pages made one
`add_child` and `publish` at a time take hours, so this writes the rows Wagtail would write in
bulk: treebeard paths, the page rows and each model's own rows, one revision per page, the
wagtail-localize source and translations of every family, the releases' clusters, awards and
tags. The few states that need Wagtail's own machinery (a moderation workflow in progress,
an approved schedule) go through its API for a small share of the families.

The families cover every cell state of the matrix:
- 1 in 10: no Russian translation (missing);
- 1 in 10: the English translation is a draft, never published;
- 1 in 10: the Polish source was republished after the English translation (outdated);
- 1 in 100: the Russian translation is in review (a workflow in progress);
- 1 in 100: the Polish source is scheduled (approved, going live next week), its
  translations are drafts;
- 1 in 100: only the Polish source exists;
- the rest: live in every language.
A third of the awards lack their Russian distinction, so Russian pages wait for record texts.

Run on a migrated database holding the demo (manage.py migrate; manage.py load_initial_data):

    DJANGO_SETTINGS_MODULE=cms.settings.dev [DATABASE_URL=postgres://…] \\
        .venv/bin/python bench/seed_families.py [FAMILIES=10000] [CLUSTERS=200]

It refuses a database it has already seeded, and ends with ANALYZE (table statistics for the
query planner, as after any bulk load). Not part of `make test`.
"""

import datetime
import json
import os
import sys
import time
import uuid

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.serializers.json import DjangoJSONEncoder  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale, Page, Revision  # noqa: E402
from wagtail_localize.models import (  # noqa: E402
    TranslatableObject,
    Translation,
    TranslationSource,
)

from newsroom.blocks import body_stream_data  # noqa: E402
from newsroom.languages import record_languages, site_languages  # noqa: E402
from newsroom.models.pages import (  # noqa: E402
    ClusterNewsPage,
    NewsIndexPage,
    PressReleasePage,
    PressReleasePageTag,
)
from newsroom.models.records import Award, Cluster, Label, ReleaseTag  # noqa: E402

SLUG_PREFIX = "bench-family"
BATCH = 500
NOW = timezone.now()

# Release titles per language: a label level and a running number.
TITLES = {
    "pl": "{level} Odznaka dla klastra {cluster} — komunikat {n}",
    "en": "{level} Label for the {cluster} cluster — release {n}",
    "ru": "{level} сертификат кластера {cluster} — релиз {n}",
}
LEVELS = {
    "pl": ["Brązowa", "Srebrna", "Złota"],
    "en": ["Bronze", "Silver", "Gold"],
    "ru": ["Бронзовый", "Серебряный", "Золотой"],
}


def next_child_step(parent):
    """The number treebeard would give `parent`'s next child."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def place_under(parent, pages):
    """Give `pages` (unsaved) their tree place as the next children of `parent`."""
    step = next_child_step(parent)
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)


def insert_pages(pages):
    """Insert unsaved specific pages (one model) in bulk: the page rows, then the model's own.

    Django's bulk_create refuses multi-table inheritance, so the two tables are written
    one after the other, as a save() would, with the primary keys the first one returned.
    """
    if not pages:
        return
    model = type(pages[0])
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages],
        batch_size=BATCH,
    )
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
    model.objects.all()._batched_insert(pages, model._meta.local_concrete_fields, BATCH)


def add_revisions(pages, users):
    """One revision per page, saved by one of `users`, made its latest (and live if live)."""
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=page.content_type_id,
                base_content_type_id=ContentType.objects.get_for_model(Page).pk,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                user=users[index % len(users)],
                object_str=page.title,
                content=page.content,
            )
            for index, page in enumerate(pages)
        ],
        batch_size=BATCH,
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision.pk
        page.live_revision_id = revision.pk if page.live else None
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=BATCH)


def add_localize_families(sources, targets_by_key):
    """wagtail-localize's record of each family: its source and a translation per target."""
    page_type = ContentType.objects.get_for_model(Page)
    release_type = ContentType.objects.get_for_model(PressReleasePage)
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=page.translation_key, content_type=page_type)
            for page in sources
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    localize_sources = TranslationSource.objects.bulk_create(
        [
            TranslationSource(
                object_id=page.translation_key,
                specific_content_type=release_type,
                locale_id=page.locale_id,
                object_repr=page.title[:200],
                content_json=json.dumps(page.content, cls=DjangoJSONEncoder),
                last_updated_at=page.first_published_at or NOW,
            )
            for page in sources
        ],
        batch_size=BATCH,
    )
    Translation.objects.bulk_create(
        [
            Translation(source=source, target_locale_id=target.locale_id, enabled=True)
            for source in localize_sources
            for target in targets_by_key.get(source.object_id, [])
        ],
        batch_size=BATCH,
    )


def make_clusters(count, locales, indexes):
    """`count` clusters, each live with two awards and a cluster page in every language."""
    start = Cluster.objects.filter(slug__startswith=SLUG_PREFIX).count()
    clusters = Cluster.objects.bulk_create(
        [
            Cluster(
                slug=f"{SLUG_PREFIX}-{start + n}",
                acronym=f"BF{start + n}",
                country="PL",
                founded_year=2000 + n % 20,
                member_count=20 + n % 80,
                live=True,
                has_unpublished_changes=False,
                first_published_at=NOW,
                last_published_at=NOW,
                **{f"name_{code}": f"Klaster {start + n} ({code})" for code in record_languages()},
                **{
                    f"description_{code}": f"Opis klastra {start + n} ({code})."
                    for code in record_languages()
                },
            )
            for n in range(count)
        ],
        batch_size=BATCH,
    )
    labels = list(Label.objects.order_by("pk"))
    awards = []
    for n, cluster in enumerate(clusters):
        for offset in range(2):
            label = labels[(n + offset) % len(labels)]
            awarded_on = datetime.date(2015 + (n + offset) % 10, 1 + n % 12, 1 + offset)
            months = label.validity_months
            awards.append(
                Award(
                    cluster=cluster,
                    label=label,
                    awarded_on=awarded_on,
                    valid_until=(
                        awarded_on + datetime.timedelta(days=30 * months) if months else None
                    ),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=NOW,
                    last_published_at=NOW,
                    distinction_pl=f"wyróżnienie {n}",
                    distinction_en=f"distinction {n}",
                    # A third lack their Russian text: Russian pages wait for it.
                    distinction_ru="" if n % 3 == 0 else f"отличие {n}",
                    result_summary_pl=f"Wynik audytu {n}.",
                    result_summary_en=f"Audit result {n}.",
                    result_summary_ru=f"Результат аудита {n}.",
                )
            )
    Award.objects.bulk_create(awards, batch_size=BATCH)
    awards_by_cluster = {}
    for award in awards:
        awards_by_cluster.setdefault(award.cluster_id, []).append(award)

    pages_by_language = {}
    for code in site_languages():
        pages = []
        for cluster in clusters:
            pages.append(
                ClusterNewsPage(
                    title=getattr(cluster, f"name_{code}"),
                    draft_title=getattr(cluster, f"name_{code}"),
                    slug=cluster.slug,
                    cluster=cluster,
                    intro="",
                    locale=locales[code],
                    translation_key=uuid.uuid5(uuid.NAMESPACE_URL, cluster.slug),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=NOW,
                    last_published_at=NOW,
                    latest_revision_created_at=NOW,
                )
            )
        place_under(indexes[code], pages)
        insert_pages(pages)
        pages_by_language[code] = pages
    return clusters, awards_by_cluster, pages_by_language


def family_plan(n):
    """{language: cell kind} for family `n`: "live", "draft", "outdated" or absent (missing).

    The source (Polish) is "live" or "scheduled"; in review is made afterwards."""
    if n % 100 == 5:
        return {"pl": "live"}
    if n % 100 == 4:
        return {"pl": "scheduled", "en": "draft", "ru": "draft"}
    plan = {"pl": "live", "en": "live", "ru": "live"}
    if n % 10 == 0:
        del plan["ru"]
    elif n % 10 == 1:
        plan["en"] = "draft"
    elif n % 10 == 2:
        plan["en"] = "outdated"
    if n % 100 == 3:
        plan["ru"] = "review"
    return plan


def release(n, code, kind, cluster_page, key, published):
    levels = LEVELS[code]
    title = TITLES[code].format(level=levels[n % 3], cluster=cluster_page.cluster.acronym, n=n)
    live = kind in ("live", "outdated")
    # An outdated translation was last published before its source was republished.
    last_published = published - datetime.timedelta(days=1) if kind == "outdated" else published
    return PressReleasePage(
        title=title,
        draft_title=title,
        slug=f"{SLUG_PREFIX}-{n}-{code}",
        release_date=(published - datetime.timedelta(days=1)).date(),
        lead=f"{title}: {code} lead {n}.",
        body=body_stream_data(
            [
                ("paragraph", f"<p>{title}. Audit {n % 40}.</p>"),
                ("list", ["Strategia", "Finansowanie", "Usługi"]),
            ]
        ),
        locale=cluster_page.locale,
        translation_key=key,
        live=live,
        has_unpublished_changes=not live,
        first_published_at=published - datetime.timedelta(days=2) if live else None,
        last_published_at=last_published if live else None,
        latest_revision_created_at=last_published,
    )


def make_families(count, clusters, awards_by_cluster, cluster_pages, users):
    languages = site_languages()
    tags = list(ReleaseTag.objects.order_by("pk"))
    start = PressReleasePage.objects.filter(slug__startswith=SLUG_PREFIX).count() // len(languages)
    plans, pages_by_parent = {}, {}
    for n in range(start, start + count):
        plan = family_plan(n)
        key = uuid.uuid4()
        cluster_index = n % len(clusters)
        # One a day, the newest a day ago.
        published = NOW - datetime.timedelta(days=count - (n - start), hours=1)
        plans[n] = (key, cluster_index, plan)
        for code, kind in plan.items():
            parent = cluster_pages[code][cluster_index]
            made_as = "draft" if kind in ("review", "scheduled") else kind
            page = release(n, code, made_as, parent, key, published)
            page._bench = (n, kind)
            pages_by_parent.setdefault(parent.pk, (parent, []))[1].append(page)
    every_page = []
    for parent, pages in pages_by_parent.values():
        place_under(parent, pages)
        every_page += pages
    insert_pages(every_page)

    clusters_through = PressReleasePage._meta.get_field("clusters").remote_field.through
    awards_through = PressReleasePage._meta.get_field("awards").remote_field.through
    cluster_rows, award_rows, tag_rows = [], [], []
    for page in every_page:
        n, _kind = page._bench
        cluster = clusters[plans[n][1]]
        award = awards_by_cluster[cluster.pk][n % 2]
        cluster_rows.append(clusters_through(pressreleasepage_id=page.pk, cluster_id=cluster.pk))
        award_rows.append(awards_through(pressreleasepage_id=page.pk, award_id=award.pk))
        # Set in memory too, so the revision's content has them without a query a page.
        page.clusters = [cluster]
        page.awards = [award]
        page.tagged_items = []
        if tags:
            tag = tags[n % len(tags)]
            tag_rows.append(PressReleasePageTag(content_object_id=page.pk, tag=tag))
            page.tagged_items = [PressReleasePageTag(tag=tag)]
        page.content = page.serializable_data()
    clusters_through.objects.bulk_create(cluster_rows, batch_size=BATCH)
    awards_through.objects.bulk_create(award_rows, batch_size=BATCH)
    PressReleasePageTag.objects.bulk_create(tag_rows, batch_size=BATCH)
    add_revisions(every_page, users)

    sources = [page for page in every_page if page.locale.language_code == languages[0]]
    targets = {}
    for page in every_page:
        if page.locale.language_code != languages[0]:
            targets.setdefault(page.translation_key, []).append(page)
    add_localize_families(sources, targets)
    return every_page


def through_wagtail(pages, users):
    """The states Wagtail's own machinery makes: workflows in progress, approved schedules."""
    next_week = NOW + datetime.timedelta(days=7)
    for page in pages:
        _n, kind = page._bench
        if kind == "review":
            specific = PressReleasePage.objects.get(pk=page.pk)
            specific.get_workflow().start(specific, users[0])
        elif kind == "scheduled":
            specific = PressReleasePage.objects.get(pk=page.pk)
            specific.go_live_at = next_week
            specific.save_revision(user=users[0]).publish(user=users[0])


def main():
    # Wagtail's workflow and the site's notifications mail people: not from a benchmark.
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    families = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    cluster_count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    if Cluster.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        sys.exit("bench/seed_families.py: this database is already seeded")
    locales = {code: Locale.objects.get(language_code=code) for code in site_languages()}
    indexes = {
        code: NewsIndexPage.objects.get(locale=locale, depth=3) for code, locale in locales.items()
    }
    users = list(get_user_model().objects.filter(is_active=True).order_by("pk")[:5])
    started = time.monotonic()
    with transaction.atomic():
        clusters, awards_by_cluster, cluster_pages = make_clusters(cluster_count, locales, indexes)
        pages = make_families(families, clusters, awards_by_cluster, cluster_pages, users)
        through_wagtail(pages, users)
    # Fresh statistics for the query planner, as after any bulk load: without them (and with
    # autovacuum off or not yet run) PostgreSQL plans the admin's joins for empty tables.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    elapsed = time.monotonic() - started
    print(
        f"bench: {families} families ({len(pages)} release pages) over {cluster_count} clusters "
        f"in {elapsed:.1f} s; {PressReleasePage.objects.count()} release pages in all"
    )


if __name__ == "__main__":
    main()
