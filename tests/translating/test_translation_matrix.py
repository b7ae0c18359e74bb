"""The admin translation matrix: every state reached through real editing actions."""

import csv
import datetime
import io
import uuid

import openpyxl
import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Workflow

from newsroom.translating import status as ts
from newsroom.translating.views.matrix import TranslationMatrixView
from tests.factories import ClusterFactory, UserFactory
from tests.helpers import add_cluster_pages, add_release, assert_refused_with, reload

pytestmark = pytest.mark.django_db

URL = "newsroom_translations:index"


def export(client, file_format, **filters):
    """The matrix exported through Wagtail's spreadsheet export, as rows of strings/values."""
    response = client.get(reverse(URL), {**filters, "export": file_format})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert f'filename="translations.{file_format}"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content if response.streaming else [response.content])
    if file_format == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def cells_of(rows, title):
    (row,) = [row for row in rows if row.title == title]
    return {code: cell.status for code, cell in row.cells.items()}


@pytest.fixture
def statuses(site_tree, admin_user):
    """Releases whose cells cover all six states, reached by publishing, workflows, scheduling."""
    cluster = ClusterFactory(slug="alpha")
    other = ClusterFactory(slug="beta")
    pages = add_cluster_pages(site_tree, cluster)
    other_pages = add_cluster_pages(site_tree, other)

    # 1. pl live (source), en outdated (source republished after it), ru missing.
    key = uuid.uuid4()
    source = add_release(pages["pl"], title="Zielone światło", key=key)
    outdated = add_release(pages["en"], title="Green light", key=key)
    source.title = "Zielone światło dla klastra"
    source.save_revision(user=admin_user).publish()

    # 2. pl live, en draft, ru in review (the default moderation workflow started).
    key = uuid.uuid4()
    add_release(pages["pl"], title="Nowy członek", key=key)
    add_release(pages["en"], title="New member", key=key, live=False)
    review = add_release(pages["ru"], title="Новый участник", key=key, live=False)
    review.save_revision(user=admin_user)
    Workflow.objects.get(name="Moderators approval").start(review, admin_user)

    # 3. In the other cluster: pl scheduled to go live next week, en and ru missing.
    scheduled = add_release(other_pages["pl"], title="Zapowiedź", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=7)
    scheduled.save_revision(user=admin_user).publish()
    return {"source": reload(source), "outdated": outdated, "review": review}


def test_every_state_from_real_actions(statuses):
    rows, clusters = list(ts.ReleaseFamilies()), ts.matrix_clusters()
    assert [c.slug for c in clusters] == ["alpha", "beta"]
    assert cells_of(rows, "Zielone światło dla klastra") == {
        "pl": "live",
        "en": "outdated",
        "ru": "missing",
    }
    assert cells_of(rows, "Nowy członek") == {"pl": "live", "en": "draft", "ru": "in_review"}
    assert cells_of(rows, "Zapowiedź") == {"pl": "scheduled", "en": "missing", "ru": "missing"}

    (row,) = [row for row in rows if row.source.pk == statuses["source"].pk]
    assert row.source_language == "pl"
    assert row.cluster.slug == "alpha"
    outdated = row.cells["en"]
    assert outdated.since == statuses["source"].last_published_at
    assert statuses["source"].last_published_at > statuses["outdated"].last_published_at
    live = row.cells["pl"]
    assert live.since == statuses["source"].last_published_at
    assert live.holder_name == "Anna Nowak"  # the editor who republished it

    (review_row,) = [r for r in rows if r.title == "Nowy członek"]
    in_review = review_row.cells["ru"]
    assert in_review.holder.username == "boss"
    assert in_review.since is not None
    assert review_row.cells["en"].holder_name == "—"  # draft saved by no one in particular

    (scheduled_row,) = [r for r in rows if r.title == "Zapowiedź"]
    assert scheduled_row.cells["pl"].since > timezone.now()
    assert scheduled_row.cluster.slug == "beta"


def test_source_is_the_oldest_page_of_the_family(site_tree):
    cluster_pages = add_cluster_pages(site_tree, ClusterFactory())
    key = uuid.uuid4()
    add_release(cluster_pages["en"], title="English first", key=key)
    add_release(cluster_pages["pl"], title="Polski później", key=key)
    (row,) = ts.ReleaseFamilies()
    assert row.source_language == "en"
    assert row.cells["en"].status == "live"
    assert row.cells["pl"].status == "live"  # published after the source: up to date


def test_page_renders_states_counts_and_filters(admin_client, statuses):
    response = admin_client.get(reverse(URL))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zielone światło dla klastra" in html
    assert 'data-status="in_review"' in html
    counts = response.context["counts"]
    assert counts["pl"] == {
        "missing": 0,
        "draft": 0,
        "in_review": 0,
        "scheduled": 1,
        "live": 2,
        "outdated": 0,
    }
    assert counts["en"]["outdated"] == 1
    assert counts["en"]["missing"] == 1
    assert counts["ru"]["in_review"] == 1

    titles = lambda r: sorted(row.title for row in r.context["rows"])  # noqa: E731
    assert titles(admin_client.get(reverse(URL), {"cluster": "beta"})) == ["Zapowiedź"]
    assert titles(admin_client.get(reverse(URL), {"status": "missing"})) == [
        "Zapowiedź",
        "Zielone światło dla klastra",
    ]
    assert titles(admin_client.get(reverse(URL), {"status": "missing", "language": "ru"})) == [
        "Zapowiedź",
        "Zielone światło dla klastra",
    ]
    assert titles(admin_client.get(reverse(URL), {"status": "missing", "language": "en"})) == [
        "Zapowiedź"
    ]
    assert titles(admin_client.get(reverse(URL), {"status": "live", "language": "pl"})) == [
        "Nowy członek",
        "Zielone światło dla klastra",
    ]
    filtered = admin_client.get(reverse(URL), {"cluster": "alpha"})
    assert filtered.context["counts"]["pl"]["scheduled"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "cluster=nope&language=xx&status=sleeping",
        "status=live&status=draft&language=",
        "cluster=%00%ff&language[]=pl",
        "status=" + "x" * 5000,
    ],
)
def test_junk_filters_are_ignored(admin_client, statuses, query):
    response = admin_client.get(reverse(URL) + "?" + query)
    assert response.status_code == 200
    assert len(response.context["rows"]) == 3 or response.context["filters"].chosen("status")
    assert not response.context["filters"].errors
    export = admin_client.get(reverse(URL) + "?" + query + "&export=csv")
    assert export.status_code == 200 and export["Content-Type"] == "text/csv"


def test_a_junk_filter_leaves_the_others_working(admin_client, statuses):
    response = admin_client.get(reverse(URL), {"cluster": "nope", "status": "scheduled"})
    assert [row.title for row in response.context["rows"]] == ["Zapowiedź"]


def test_filters_refresh_the_results_alone(admin_client, statuses):
    """Wagtail's filter drawer swaps in the results of its own URL, with the same filters."""
    response = admin_client.get(reverse("newsroom_translations:index_results"), {"cluster": "beta"})
    html = response.content.decode()
    assert "<html" not in html and "translation-matrix" in html
    assert "Zapowiedź" in html and "Nowy członek" not in html
    # Links out of the matrix bring the user back to the matrix itself, filtered as it was.
    assert "next=/admin/translations/%3Fcluster%3Dbeta" in html


def test_csv_export(admin_client, statuses):
    rows = export(admin_client, "csv", cluster="alpha")
    header, body = rows[0], rows[1:]
    with translation.override("pl"):  # the admin's language for the boss
        assert header[:6] == [
            translation.gettext("Release"),
            translation.gettext("Cluster"),
            translation.gettext("Source language"),
            translation.gettext("Status (%(language)s)") % {"language": "pl"},
            translation.gettext("Since (%(language)s)") % {"language": "pl"},
            translation.gettext("Held by (%(language)s)") % {"language": "pl"},
        ]
    assert len(header) == 3 + 3 * 3
    assert sorted(row[0] for row in body) == ["Nowy członek", "Zielone światło dla klastra"]
    (line,) = [row for row in body if row[0] == "Nowy członek"]
    assert line[1:3] == ["alpha", "pl"]
    assert line[3] == "live"
    assert datetime.datetime.fromisoformat(line[4])
    assert line[5] == "—"
    assert line[6] == "draft"
    assert line[9] == "in_review"
    assert line[11] == "Anna Nowak"
    in_review = export(admin_client, "csv", status="in_review")
    assert [row[0] for row in in_review[1:]] == ["Nowy członek"]


def test_xlsx_export(admin_client, statuses):
    rows = export(admin_client, "xlsx", status="live", language="pl")
    header, body = rows[0], rows[1:]
    assert len(header) == 3 + 3 * 3
    assert sorted(row[0] for row in body) == ["Nowy członek", "Zielone światło dla klastra"]
    (line,) = [row for row in body if row[0] == "Zielone światło dla klastra"]
    assert line[1:4] == ["alpha", "pl", "live"]
    assert isinstance(line[4], datetime.datetime)  # a real date in the spreadsheet
    assert line[5] == "Anna Nowak"
    assert line[6] == "outdated" and line[9] == "missing"
    assert line[10] is None and line[11] is None  # no page, so no moment and no holder


def add_family(cluster_pages, award, n):
    """Polish live, English a draft, Russian in review: each page shows a cluster and an award."""
    key = uuid.uuid4()
    add_release(cluster_pages["pl"], title=f"Wydanie {n:02d}", key=key, awards=[award])
    add_release(cluster_pages["en"], title=f"Release {n:02d}", key=key, awards=[award], live=False)
    ru = add_release(
        cluster_pages["ru"], title=f"Релиз {n:02d}", key=key, awards=[award], live=False
    )
    Workflow.objects.get(name="Moderators approval").start(ru, None)


# Every matrix page, whatever the number of releases: Wagtail's admin (session, user, menu,
# locales, …) and the matrix's own queries: counts by status with the page's families (one
# statement), their statuses, pages, what they show of the records, workflow states,
# schedules, translations and cluster pages.
MATRIX_QUERIES = 23


def test_a_matrix_page_runs_the_same_queries_at_any_size(
    admin_client, site_tree, award, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(TranslationMatrixView, "paginate_by", 2)
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    slug = award.cluster.slug
    screens = [
        ({}, ["Wydanie 00", "Wydanie 01"]),
        ({"p": "2"}, ["Wydanie 02"]),
        ({"status": "in_review"}, ["Wydanie 00", "Wydanie 01"]),
        ({"cluster": slug, "language": "en", "status": "draft", "p": "2"}, ["Wydanie 02"]),
    ]
    for n in range(3):
        add_family(cluster_pages, award, n)
    admin_client.get(reverse(URL))  # warm caches (content types, site, session)
    for query, titles in screens:
        with django_assert_num_queries(MATRIX_QUERIES):
            response = admin_client.get(reverse(URL), query)
        assert [row.title for row in response.context["rows"]] == titles

    for n in range(3, 12):
        add_family(cluster_pages, award, n)
    screens[1] = ({"p": "2"}, ["Wydanie 02", "Wydanie 03"])
    screens[3] = ({**screens[3][0], "p": "6"}, ["Wydanie 10", "Wydanie 11"])
    for query, titles in screens:
        with django_assert_num_queries(MATRIX_QUERIES):
            response = admin_client.get(reverse(URL), query)
        assert [row.title for row in response.context["rows"]] == titles
        assert response.context["paginator"].count == 12
    counts = response.context["counts"]
    assert counts["pl"]["live"] == 12 and counts["en"]["draft"] == 12
    assert counts["ru"]["in_review"] == 12

    # The export goes through every family, in batches of a fixed number of queries.
    with CaptureQueriesContext(connection) as exported:
        rows = export(admin_client, "csv")
    assert sorted(row[0] for row in rows[1:]) == [f"Wydanie {n:02d}" for n in range(12)]
    assert len(exported.captured_queries) <= MATRIX_QUERIES


def test_a_page_number_past_the_end_or_not_a_number(admin_client, site_tree, award, monkeypatch):
    """Counting reads the page asked for; past the end the last page is read on its own."""
    monkeypatch.setattr(TranslationMatrixView, "paginate_by", 2)
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    for n in range(3):
        add_family(cluster_pages, award, n)
    for page, titles in [("9", ["Wydanie 02"]), ("x", ["Wydanie 00", "Wydanie 01"])]:
        response = admin_client.get(reverse(URL), {"p": page})
        assert [row.title for row in response.context["rows"]] == titles


def test_permission(client, statuses):
    Group.objects.create(name="Admin access only").permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    client.force_login(UserFactory(groups=["Admin access only"]))
    refusal = "You do not have permission to see the translation status."
    assert_refused_with(client.get(reverse(URL)), refusal)
    assert_refused_with(client.get(reverse(URL), {"export": "csv"}), refusal)
    assert_refused_with(client.get(reverse("newsroom_translations:index_results")), refusal)
    # Nor does the menu offer it.
    assert reverse(URL) not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(UserFactory(groups=["Editors"]))
    assert client.get(reverse(URL)).status_code == 200
    assert reverse(URL) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_rendered_in_the_editors_language(admin_client, admin_user, statuses):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ru"
    profile.save()
    html = admin_client.get(reverse(URL)).content.decode()
    assert "Устарел" in html
    assert "На проверке" in html
    assert "публикация через" in html
