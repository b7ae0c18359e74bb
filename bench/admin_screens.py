"""Time the admin's translation matrix, record listings, the translators' record work list and
the admin's home (its dashboard counts that list per language), logged in as a superuser.

One process, Django's test client, no server: for each screen the median and the worst of
RUNS requests after one warm-up, the SQL queries and the time spent in them, and the bytes of
HTML. For the data bench/seed_families.py makes:

    DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=bench ALLOWED_HOSTS=testserver \\
        SECURE_SSL_REDIRECT=false [DATABASE_URL=…] .venv/bin/python bench/admin_screens.py [RUNS=5]

Nothing is asserted; the tests assert the query counts.
"""

import os
import statistics
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from newsroom.models.pages import PressReleasePage  # noqa: E402
from newsroom.models.records import Cluster  # noqa: E402


def screens():
    matrix = reverse("newsroom_translations:index")
    results = reverse("newsroom_translations:index_results")
    cluster = Cluster.objects.filter(news_pages__isnull=False).order_by("-pk").first()
    clusters = reverse("wagtailsnippets_newsroom_cluster:list")
    awards = reverse("wagtailsnippets_newsroom_award:list")
    record_work = reverse("newsroom_translations:records")
    return [
        ("matrix", matrix),
        ("matrix, page 100", f"{matrix}?p=100"),
        ("matrix, one cluster", f"{matrix}?cluster={cluster.slug}"),
        ("matrix, ru missing", f"{matrix}?language=ru&status=missing"),
        ("matrix, in review (any language)", f"{matrix}?status=in_review"),
        ("matrix results (filter drawer)", f"{results}?status=outdated&language=en"),
        ("clusters", clusters),
        ("clusters, needs ru", f"{clusters}?needs_translation_in=ru"),
        ("clusters, search", f"{clusters}?q=klaster"),
        ("awards", awards),
        ("awards, needs ru", f"{awards}?needs_translation_in=ru"),
        ("awards, cluster", f"{awards}?cluster={cluster.pk}"),
        ("labels", reverse("wagtailsnippets_newsroom_label:list")),
        ("release tags", reverse("wagtailsnippets_newsroom_releasetag:list")),
        ("record work ru", f"{record_work}?language=ru"),
        ("record work ru, page 2", f"{record_work}?language=ru&p=2"),
        ("record work en", f"{record_work}?language=en"),
        ("admin home (dashboard)", reverse("wagtailadmin_home")),
    ]


class QueryCounter:
    """Counts the queries run and the time spent in them (Django's query log keeps only the
    last 9,000, which the old matrix exceeded)."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def measure(client, url, runs):
    client.get(url)  # warm-up: templates, content types, translations
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "queries": counter.count,
        "sql_ms": counter.seconds * 1000,
        "kb": len(response.content) / 1024,
    }


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    # Screens whose name contains one of these words (all when none are given).
    wanted = sys.argv[2:]
    user = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
    client = Client()
    client.force_login(user)
    print(
        f"{connection.vendor}, {PressReleasePage.objects.count()} release pages, "
        f"{Cluster.objects.count()} clusters; median and worst of {runs} after a warm-up",
        flush=True,
    )
    print(f"{'screen':36} {'median ms':>10} {'max ms':>8} {'queries':>8} {'SQL ms':>8} {'KB':>8}")
    for name, url in screens():
        if wanted and not any(word in name for word in wanted):
            continue
        row = measure(client, url, runs)
        print(
            f"{name:36} {row['median_ms']:10.0f} {row['max_ms']:8.0f} {row['queries']:8d} "
            f"{row['sql_ms']:8.0f} {row['kb']:8.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
