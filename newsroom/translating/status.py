"""Translation status of every press release family, in every site language.

A family and its source are as newsroom.translating.families defines them. Each language
cell gets a TranslationStatus, the moment it entered that state and who holds it.

The whole matrix is computed from a fixed number of queries, however many releases
exist: pages (with locale and latest revision's user), cluster pages (with cluster),
in-progress workflow states and scheduled revisions.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.utils import timezone

from wagtail.models import Page, WorkflowState

from newsroom.languages import record_source_language, site_languages
from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.translating.choices import TranslationStatus
from newsroom.translating.families import (
    approved_schedules,
    enabled_translations,
    pick_source,
    planned_go_live,
)
from newsroom.translating.records import record_texts_shown_by


@dataclass
class Cell:
    language: str
    status: str
    page: object = None
    since: datetime.datetime | None = None
    holder: object = None
    # The wagtail-localize Translation writing this page (None for sources and
    # translations made outside wagtail-localize): hand-off and change lists need it.
    translation_id: int | None = None
    # Record texts the page shows that have no version in this language yet: the
    # translation waits for them (see records.record_texts_shown_by).
    missing_records: int = 0

    @property
    def label(self):
        return TranslationStatus(self.status).label

    @property
    def holder_name(self):
        if self.holder is None:
            return "—"
        return self.holder.get_full_name() or self.holder.get_username()


@dataclass
class Row:
    source: object
    cluster: object
    cells: dict = field(default_factory=dict)
    # When the source is planned to go live together with its approved translations.
    planned: datetime.datetime | None = None

    @property
    def ready_for_planned(self):
        """Languages that will be live at the planned moment (scheduled for it, or live)."""
        return [
            code
            for code, cell in self.cells.items()
            if (cell.status == TranslationStatus.SCHEDULED and cell.since == self.planned)
            or cell.status in (TranslationStatus.LIVE, TranslationStatus.OUTDATED)
        ]

    @property
    def not_ready_for_planned(self):
        ready = set(self.ready_for_planned)
        return [code for code in self.cells if code not in ready]

    @property
    def title(self):
        return self.source.title

    @property
    def source_language(self):
        return self.source.locale.language_code

    def ordered_cells(self, languages):
        return [self.cells[code] for code in languages]


def _cell(page, language, source, workflow_states, scheduled):
    latest = page.latest_revision
    user = latest.user if latest else None
    state = workflow_states.get(page.pk)
    if state is not None:
        return Cell(
            language,
            TranslationStatus.IN_REVIEW,
            page,
            state.created_at,
            state.requested_by or user,
        )
    go_live = scheduled.get(page.pk)
    if go_live is None and page.go_live_at and page.go_live_at > timezone.now():
        go_live = page.go_live_at
    if go_live is not None:
        return Cell(language, TranslationStatus.SCHEDULED, page, go_live, user)
    if page.live:
        if (
            page.pk != source.pk
            and source.last_published_at
            and page.last_published_at
            and source.last_published_at > page.last_published_at
        ):
            return Cell(language, TranslationStatus.OUTDATED, page, source.last_published_at, user)
        return Cell(language, TranslationStatus.LIVE, page, page.last_published_at, user)
    since = latest.created_at if latest else page.latest_revision_created_at
    return Cell(language, TranslationStatus.DRAFT, page, since, user)


def build_matrix():
    """All release families as Rows, sorted by title of the source page."""
    languages = site_languages()
    pages = list(
        PressReleasePage.objects.select_related("locale", "latest_revision__user").order_by("pk")
    )
    # What each page shows of the records, for the cells waiting for record translations.
    prefetch_related_objects(
        pages,
        "clusters",
        "awards__cluster",
        "awards__label__body",
        "awards__latest_revision",
        "tags",
    )
    clusters_by_path = {
        cluster_page.path: cluster_page.cluster
        for cluster_page in ClusterNewsPage.objects.select_related("cluster").only(
            "path", "cluster"
        )
    }
    ids = [str(page.pk) for page in pages]
    page_type = ContentType.objects.get_for_model(Page)
    workflow_states = {}
    if ids:
        for state in (
            WorkflowState.objects.filter(
                base_content_type=page_type, object_id__in=ids, status="in_progress"
            )
            .select_related("requested_by")
            .order_by("created_at")
        ):
            workflow_states[int(state.object_id)] = state
    scheduled = {}
    if ids:
        for object_id, go_live in (
            approved_schedules(ids)
            .order_by("created_at")
            .values_list("object_id", "approved_go_live_at")
        ):
            scheduled[int(object_id)] = go_live

    translation_ids, source_languages = {}, {}
    keys = {page.translation_key for page in pages}
    if keys:
        for translation_id, key, source_code, code in enabled_translations(keys):
            translation_ids[(key, code)] = translation_id
            source_languages.setdefault(key, source_code)

    families = defaultdict(list)
    for page in pages:
        families[page.translation_key].append(page)

    rows = []
    for family in families.values():
        source = pick_source(family, source_languages.get(family[0].translation_key))
        by_language = {page.locale.language_code: page for page in family}
        row = Row(
            source=source,
            cluster=clusters_by_path.get(source.path[: -Page.steplen]),
            planned=planned_go_live(source, scheduled.get(source.pk)),
        )
        for code in languages:
            page = by_language.get(code)
            if page is None:
                row.cells[code] = Cell(code, TranslationStatus.MISSING)
            else:
                row.cells[code] = _cell(page, code, source, workflow_states, scheduled)
                row.cells[code].translation_id = translation_ids.get((page.translation_key, code))
                if code != record_source_language():
                    row.cells[code].missing_records = sum(
                        text.missing for text in record_texts_shown_by(page, code)
                    )
        rows.append(row)
    rows.sort(key=lambda row: (row.title.casefold(), row.source.pk))
    clusters = sorted(
        {c.pk: c for c in clusters_by_path.values() if c is not None}.values(),
        key=lambda c: c.slug,
    )
    return rows, clusters


def filter_rows(rows, *, cluster=None, language=None, status=None):
    """Rows in `cluster` (slug) whose `language` cell (any cell without it) is `status`."""
    if cluster:
        rows = [row for row in rows if row.cluster is not None and row.cluster.slug == cluster]
    if status:
        if language:
            rows = [row for row in rows if row.cells[language].status == status]
        else:
            rows = [
                row for row in rows if any(cell.status == status for cell in row.cells.values())
            ]
    return rows


def count_statuses(rows, languages):
    """{language: {status: number of rows}} for the given rows."""
    counts = {code: dict.fromkeys(TranslationStatus.values, 0) for code in languages}
    for row in rows:
        for code in languages:
            counts[code][row.cells[code].status] += 1
    return counts
