"""The sitemap at scale: bulk-add release families to a throwaway database, then read the
whole sitemap as a crawler would and print what each document costs.

    export DJANGO_SETTINGS_MODULE=cms.settings.test DATABASE_URL=sqlite:////tmp/sitemap.sqlite3
    .venv/bin/python manage.py migrate -v0 && .venv/bin/python manage.py load_initial_data
    .venv/bin/python bench/sitemap_scale.py seed 10000     # 10,000 families: 30,000 releases
    .venv/bin/python bench/sitemap_scale.py measure

`seed` writes rows directly (pages in bulk, a tag from a pool of 200 on each release): no
revisions, no search index, nothing but what the sitemap reads. `measure` imports the code
of the current directory, so running it from another checkout against the same database
compares that checkout's sitemap. Times are one request through Django's test client
(DEBUG off), the best of three; nothing is asserted.
"""

import datetime
import os
import statistics
import sys
import time
import uuid
from collections import defaultdict
from urllib.parse import urlsplit

import django

sys.path.insert(0, os.getcwd())
django.setup()

from lxml import etree  # noqa: E402

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Page  # noqa: E402

from newsroom.languages import site_languages  # noqa: E402

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def seed(families):
    from newsroom.models.pages import ClusterNewsPage, PressReleasePage, PressReleasePageTag
    from newsroom.models.records import ReleaseTag

    languages = site_languages()
    by_key = defaultdict(dict)
    for page in ClusterNewsPage.objects.select_related("locale"):
        by_key[page.translation_key][page.locale.language_code] = page
    clusters = [pages for pages in by_key.values() if set(pages) == set(languages)]
    tags = [
        ReleaseTag.objects.get_or_create(
            name=f"bench-tag-{n}",
            defaults={f"label_{code}": f"temat {code} {n}" for code in languages},
        )[0]
        for n in range(200)
    ]
    content_type = ContentType.objects.get_for_model(PressReleasePage)
    start = Page.objects.filter(slug__startswith="bench-map-").count() // len(languages)
    now = timezone.now()
    began = time.perf_counter()
    with transaction.atomic():
        next_step = {}
        pages, children = [], defaultdict(int)
        for number in range(start, start + families):
            family = clusters[number % len(clusters)]
            key = uuid.uuid4()
            for code in languages:
                parent = family[code]
                if parent.pk not in next_step:
                    last = parent.get_last_child()
                    next_step[parent.pk] = Page._str2int(last.path[-Page.steplen :]) if last else 0
                next_step[parent.pk] += 1
                children[parent.pk] += 1
                slug = f"bench-map-{number}-{code}"
                published = now - datetime.timedelta(hours=number)
                pages.append(
                    Page(
                        title=f"Bench {number} {code}",
                        draft_title=f"Bench {number} {code}",
                        slug=slug,
                        content_type=content_type,
                        locale_id=parent.locale_id,
                        translation_key=key,
                        live=True,
                        first_published_at=published,
                        last_published_at=published,
                        path=Page._get_path(parent.path, parent.depth + 1, next_step[parent.pk]),
                        depth=parent.depth + 1,
                        url_path=f"{parent.url_path}{slug}/",
                    )
                )
        Page.objects.bulk_create(pages, batch_size=2000)
        for parent_pk, count in children.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)
        fields = PressReleasePage._meta.local_concrete_fields
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        marks = ", ".join(["%s"] * len(fields))
        rows = []
        for page in pages:
            release = PressReleasePage(
                page_ptr_id=page.pk,
                release_date=page.first_published_at.date(),
                lead=f"Lead of {page.title}.",
                body=[],
            )
            rows.append(
                [
                    field.get_db_prep_save(field.pre_save(release, True), connection)
                    for field in fields
                ]
            )
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(PressReleasePage._meta.db_table)
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        PressReleasePageTag.objects.bulk_create(
            [
                PressReleasePageTag(content_object_id=page.pk, tag=tags[index // 3 % len(tags)])
                for index, page in enumerate(pages)
            ],
            batch_size=2000,
        )
    elapsed = time.perf_counter() - began
    print(f"seeded {len(pages)} release pages in {elapsed:.1f} s")


def fetch(client, url):
    """(wall ms, CPU ms, queries, body) for `url`, the best of three: the CPU time of this
    process (the view, the template, the database driver; SQLite's work too) is steadier
    than the wall time on a shared machine."""
    parts = urlsplit(url)
    walls, cpus = [], []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(parts.path, QUERY_STRING=parts.query)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, url
    return min(walls), min(cpus), len(queries), response.content


def measure():
    client = Client()
    client.get("/sitemap.xml")  # warm the caches (site root paths, content types)
    pages = Page.objects.live().filter(depth__gt=1).count()
    database = connection.vendor
    wall, cpu, queries, body = fetch(client, "/sitemap.xml")
    root = etree.fromstring(body)
    print(f"{database}: {pages} live pages")
    if root.tag.endswith("urlset"):
        print(
            f"one sitemap: {len(root)} URLs, {len(body) / 1e6:.2f} MB, "
            f"{wall:.0f} ms ({cpu:.0f} ms CPU), {queries} queries"
        )
        return
    locs = [sitemap.findtext("sm:loc", namespaces=NS) for sitemap in root]
    print(
        f"index: {len(locs)} sitemaps, {len(body) / 1e3:.1f} KB, "
        f"{wall:.0f} ms ({cpu:.0f} ms CPU), {queries} queries"
    )
    sections = defaultdict(list)
    for loc in locs:
        wall, cpu, queries, body = fetch(client, loc)
        urls = len(etree.fromstring(body))
        sections[urlsplit(loc).path].append((wall, cpu, queries, len(body), urls))
    for path, measured in sections.items():
        walls, cpus = [m[0] for m in measured], [m[1] for m in measured]
        print(
            f"{path}: {len(measured)} pages, {sum(m[4] for m in measured)} URLs "
            f"(at most {max(m[4] for m in measured)} a page, "
            f"{max(m[3] for m in measured) / 1e6:.2f} MB), "
            f"median {statistics.median(walls):.0f} ms / max {max(walls):.0f} ms, "
            f"CPU median {statistics.median(cpus):.0f} ms / max {max(cpus):.0f} ms "
            f"(first page {cpus[0]:.0f}, last {cpus[-1]:.0f}), "
            f"queries {sorted({m[2] for m in measured})}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        seed(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    else:
        measure()
