"""The records' admin listings run the same queries for 1 record as for 25: drafts waiting
in revisions, scheduled publications, locks and translations read without a query a row."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom.models.records import ReleaseTag
from tests.factories import AwardFactory, CertificationBodyFactory, ClusterFactory, LabelFactory

pytestmark = pytest.mark.django_db


def add_records(start, stop, admin_user):
    """Records numbered start..stop-1, in every state a listing shows."""
    for n in range(start, stop):
        body = CertificationBodyFactory(slug=f"body-{n}", acronym=f"B{n}")
        label = LabelFactory(slug=f"label-{n}", body=body)
        # Their Russian descriptions and distinctions wait for a translator.
        cluster = ClusterFactory(live=n % 4 != 1, description_pl=f"Opis {n}")
        award = AwardFactory(
            cluster=cluster,
            label=label,
            awarded_on=datetime.date(2020, 1, 1 + n % 28),
            distinction_ru="",
        )
        if n % 4 == 2:  # a live award and cluster with a draft waiting
            award.distinction_ru = f"черновик {n}"
            award.save_revision(user=admin_user)
            cluster.name_en = f"Draft {n}"
            cluster.save_revision(user=admin_user)
        if n % 4 == 3:  # a scheduled publication, and a lock
            cluster.go_live_at = timezone.now() + datetime.timedelta(days=7)
            cluster.save_revision(user=admin_user, approved_go_live_at=cluster.go_live_at)
            award.locked, award.locked_by = True, admin_user
            award.save()
        ReleaseTag.objects.create(name=f"tag {n}", label_pl=f"znacznik {n}")


LISTINGS = [
    ("cluster", {}),
    ("cluster", {"needs_translation_in": "ru"}),
    ("award", {}),
    ("award", {"needs_translation_in": "ru"}),
    ("label", {}),
    ("certificationbody", {}),
    ("releasetag", {}),
]


@pytest.mark.parametrize(("model", "query"), LISTINGS)
@pytest.mark.parametrize("username", ["admin", "translator-ru"])
def test_a_listing_runs_the_same_queries_for_1_and_25_records(
    client, users, model, query, username
):
    client.force_login(users[username])
    url = reverse(f"wagtailsnippets_newsroom_{model}:list")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, query)
        assert response.status_code == 200
        return len(captured), len(response.context["object_list"])

    add_records(0, 1, users["admin"])
    client.get(url, query)  # warm caches (content types, site, session)
    few, shown = queries()
    assert shown == 1
    add_records(1, 25, users["admin"])
    many, shown = queries()
    assert shown == 20  # a full page of Wagtail's listing
    assert many == few
