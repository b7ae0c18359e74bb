"""Bench data: the demo plus COUNT published Polish releases spread over the cluster pages.

Run through `make bench` (bench/run.sh), which points Django at a throwaway database.
"""

import datetime
import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from newsroom.blocks import body_stream_data  # noqa: E402
from newsroom.demo.builders import publish_new_page  # noqa: E402
from newsroom.models.pages import ClusterNewsPage, PressReleasePage  # noqa: E402
from newsroom.models.records import Award  # noqa: E402

LEVELS = ["Brązowa", "Srebrna", "Złota"]


def seed(count):
    cluster_pages = list(
        ClusterNewsPage.objects.filter(locale__language_code="pl").select_related("cluster")
    )
    existing = PressReleasePage.objects.filter(slug__startswith="bench-").count()
    for number in range(existing, count):
        parent = cluster_pages[number % len(cluster_pages)]
        level = LEVELS[number % len(LEVELS)]
        release = PressReleasePage(
            title=f"{level} Odznaka dla klastra {parent.cluster.name} ({number})",
            slug=f"bench-{number}",
            lead=f"Klaster {parent.cluster.name} otrzymał wyróżnienie po audycie numer {number}.",
            release_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=number * 7),
            body=body_stream_data(
                [
                    ("paragraph", f"<p>Audytorzy ocenili {number % 40} wskaźników.</p>"),
                    ("list", ["Strategia", "Finansowanie", "Usługi dla członków"]),
                    ("quote", {"text": "Dziękujemy zespołowi.", "speaker": "Anna", "role": ""}),
                ]
            ),
            locale=parent.locale,
        )
        release.clusters = [parent.cluster]
        release.awards = list(Award.objects.filter(cluster=parent.cluster)[:1])
        publish_new_page(parent, release)
    return count - existing


if __name__ == "__main__":
    made = seed(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    print(f"bench: {made} releases added, {PressReleasePage.objects.count()} in all")
