"""Translation status of release families, in every site language, one page of them at a time.

A family and its source are as newsroom.translating.families defines them. Each language cell
gets a TranslationStatus, the moment it entered that state and who holds it.

`ReleaseFamilies` is what the matrix lists: every family, sorted by its source's title, narrowed
by cluster and by a status (in one language or in any). The database picks each family's source,
works out each cell's status, filters, counts and sorts (`_FamilySQL`); sliced, the collection
gives the Rows of one page only, built from a fixed number of queries whatever the number of
releases. So the matrix never holds the whole family list, and a page costs the same at 30 and
at 30,000 release pages.

A cell's status, in order:
- in review: the page has a moderation workflow in progress;
- scheduled: an approved revision waits for its go-live moment, or the page's is in the future;
- outdated: a live translation last published before its source was;
- live; else draft; and missing when the family has no page in that language.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import prefetch_related_objects
from django.utils import timezone

from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from newsroom.languages import record_source_language, site_languages
from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.models.records import Cluster
from newsroom.translating.choices import TranslationStatus
from newsroom.translating.families import (
    approved_schedules,
    enabled_translations,
    planned_go_live,
)
from newsroom.translating.records import record_texts_shown_by

# What each release shows of the records, for the cells waiting for record translations.
RECORD_TEXTS_PREFETCH = (
    "clusters__latest_revision",
    "awards__cluster__latest_revision",
    "awards__label__body",
    "awards__latest_revision",
    "tags",
)
# Rows built per query batch when the whole list is exported.
EXPORT_BATCH = 500


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


def _literal(value):
    # The statuses are identifiers; written into the SQL, they need no parameter type.
    if not value.replace("_", "").isalnum():
        raise ValueError(value)
    return f"'{value}'"


class _FamilySQL:
    """The SQL behind ReleaseFamilies, for SQLite and PostgreSQL alike.

    The source of a family is chosen as families.pick_source does: the page in the language
    of the family's earliest wagtail-localize source with an enabled translation, else its
    oldest page (first published first, never published last, then the lowest id). Each
    language's cell is the family's page in that language, joined on the unique
    (translation_key, locale) index. Pages in review and waiting for an approved schedule are
    two small sets computed once per statement.
    """

    def __init__(self, languages):
        self.languages = list(languages)
        quote = connection.ops.quote_name
        self.tables = {
            "page": quote(Page._meta.db_table),
            "source": quote(TranslationSource._meta.db_table),
            "translation": quote(Translation._meta.db_table),
            "workflow_state": quote(WorkflowState._meta.db_table),
            "revision": quote(Revision._meta.db_table),
            "cluster_page": quote(ClusterNewsPage._meta.db_table),
        }

    @cached_property
    def context(self):
        """Content types, locales and now: what every statement is parametrised with."""
        locales = dict(
            Locale.objects.filter(language_code__in=self.languages).values_list(
                "language_code", "pk"
            )
        )
        return {
            "page_type": ContentType.objects.get_for_model(Page).pk,
            "release_type": ContentType.objects.get_for_model(PressReleasePage).pk,
            "locales": locales,
            "now": timezone.now(),
        }

    def _cells(self):
        """The joins to each language's page, the status columns, and their parameters."""
        joins, columns, params = [], [], []
        S = TranslationStatus
        for number, code in enumerate(self.languages):
            alias = f"cell{number}"
            locale_id = self.context["locales"].get(code)
            if locale_id is None:
                columns.append(f"{_literal(S.MISSING)} AS status_{code}")
                continue
            joins.append(
                f"LEFT JOIN {self.tables['page']} {alias} "
                f"ON {alias}.translation_key = family.translation_key "
                f"AND {alias}.locale_id = %s AND {alias}.content_type_id = %s"
            )
            params += [locale_id, self.context["release_type"]]
            columns.append(
                f"""CASE
                    WHEN {alias}.id IS NULL THEN {_literal(S.MISSING)}
                    WHEN {alias}.id IN (SELECT id FROM in_review) THEN {_literal(S.IN_REVIEW)}
                    WHEN {alias}.id IN (SELECT id FROM scheduled) OR {alias}.go_live_at > %s
                        THEN {_literal(S.SCHEDULED)}
                    WHEN {alias}.live AND {alias}.id <> family.id
                        AND {alias}.last_published_at < family.last_published_at
                        THEN {_literal(S.OUTDATED)}
                    WHEN {alias}.live THEN {_literal(S.LIVE)}
                    ELSE {_literal(S.DRAFT)}
                END AS status_{code}"""
            )
        return joins, columns, params

    def _work_in_progress(self):
        # Workflow states and revisions name their page by a string object_id.
        sql = f"""
        in_review AS (
            SELECT CAST(object_id AS INTEGER) AS id FROM {self.tables["workflow_state"]}
            WHERE base_content_type_id = %s AND status = %s
        ),
        scheduled AS (
            SELECT CAST(object_id AS INTEGER) AS id FROM {self.tables["revision"]}
            WHERE approved_go_live_at IS NOT NULL AND base_content_type_id = %s
        )"""
        page_type = self.context["page_type"]
        return sql, [page_type, WorkflowState.STATUS_IN_PROGRESS, page_type]

    def _sources(self):
        t = self.tables
        sql = f"""
        localize AS (
            SELECT s.object_id AS translation_key, s.locale_id FROM {t["source"]} s
            WHERE EXISTS (SELECT 1 FROM {t["translation"]} e WHERE e.source_id = s.id AND e.enabled)
            AND NOT EXISTS (
                SELECT 1 FROM {t["source"]} o
                WHERE o.object_id = s.object_id
                AND (o.created_at < s.created_at OR (o.created_at = s.created_at AND o.id < s.id))
                AND EXISTS (
                    SELECT 1 FROM {t["translation"]} e WHERE e.source_id = o.id AND e.enabled
                )
            )
        ),
        localized AS (
            SELECT p.id, p.translation_key FROM localize l
            JOIN {t["page"]} p ON p.translation_key = l.translation_key
                AND p.locale_id = l.locale_id AND p.content_type_id = %s
        ),
        sources AS (
            SELECT id FROM localized
            UNION ALL
            SELECT id FROM (
                SELECT p.id, ROW_NUMBER() OVER (
                    PARTITION BY p.translation_key
                    ORDER BY CASE WHEN p.first_published_at IS NULL THEN 1 ELSE 0 END,
                        p.first_published_at, p.id
                ) AS age
                FROM {t["page"]} p
                WHERE p.content_type_id = %s
                AND p.translation_key NOT IN (SELECT translation_key FROM localized)
            ) oldest
            WHERE age = 1
        )"""
        release_type = self.context["release_type"]
        return sql, [release_type, release_type]

    def families(self, *, cluster_id=None, source_ids=None):
        """(SQL, params): `WITH … families AS (…)`, one row per family: the source's id,
        title and path, and status_<language> for each language.

        Every family, or those of a cluster, or the families of the given source ids.
        """
        work_sql, work_params = self._work_in_progress()
        joins, columns, cell_params = self._cells()
        params = list(work_params)
        ctes = [work_sql]
        if source_ids is None:
            sources_sql, sources_params = self._sources()
            ctes.append(sources_sql)
            params += sources_params
            chosen = "family.id IN (SELECT id FROM sources)"
        else:
            chosen = f"family.id IN ({', '.join(['%s'] * len(source_ids))})"
        where = [chosen]
        where_params = list(source_ids or ())
        if cluster_id is not None:
            # A family belongs to the cluster whose page its source is published under.
            steplen = Page.steplen
            where.append(
                f"SUBSTR(family.path, 1, LENGTH(family.path) - {steplen}) IN ("
                f"SELECT cp.path FROM {self.tables['page']} cp "
                f"JOIN {self.tables['cluster_page']} c ON c.page_ptr_id = cp.id "
                "WHERE c.cluster_id = %s)"
            )
            where_params.append(cluster_id)
        now = self.context["now"]
        status_params = []
        for column in columns:
            status_params += [now] if "%s" in column else []
        sql = f"""
        WITH {", ".join(ctes)},
        families AS (
            SELECT family.id, family.title, family.path, {", ".join(columns)}
            FROM {self.tables["page"]} family
            {" ".join(joins)}
            WHERE {" AND ".join(where)}
        )"""
        return sql, params + status_params + cell_params + where_params

    def status_filter(self, language=None, status=None):
        """(SQL condition on `families`, params) for a status in one language or in any."""
        if not status:
            return "1 = 1", []
        if language:
            return f"status_{language} = %s", [status]
        columns = ", ".join(f"status_{code}" for code in self.languages)
        return f"%s IN ({columns})", [status]


class ReleaseFamilies:
    """Every release family, sorted by its source's title (then id), as a lazy collection a
    Paginator can page through: `count()` and slices run SQL, each slice giving Rows.

    `filter(cluster=, language=, status=)` narrows it: to a cluster (a Cluster), and to the
    families whose cell in `language` (in any language when None) has `status`.
    `status_counts()` counts each language's statuses over the cluster's families,
    whatever status is chosen; `count()` is worked out from the same query.
    """

    def __init__(self, languages=None, *, cluster=None, language=None, status=None):
        self.languages = list(languages or site_languages())
        self.cluster = cluster
        self.language = language if language in self.languages else None
        self.status = status or None
        self.sql = _FamilySQL(self.languages)
        # (offset, limit) of the families counting also reads (see read_ahead).
        self._window = None

    def filter(self, *, cluster=None, language=None, status=None):
        return type(self)(self.languages, cluster=cluster, language=language, status=status)

    def read_ahead(self, offset, limit):
        """Have counting also read the ids of the families at `offset` (`limit` of them): the
        page a paginator will ask for next costs no statement of its own, and the families'
        statuses are worked out once for both."""
        self._window = (offset, limit)

    @property
    def _groups(self):
        """[(status per language…, number of families)] over the cluster's families."""
        return self._counted[0]

    @cached_property
    def _counted(self):
        """(_groups, the ids of the read-ahead window's families or None)."""
        sql, params = self.sql.families(cluster_id=self.cluster.pk if self.cluster else None)
        columns = ", ".join(f"status_{code}" for code in self.languages)
        if self._window is None:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"{sql} SELECT {columns}, COUNT(*) FROM families GROUP BY {columns}", params
                )
                return cursor.fetchall(), None
        # One statement: the counts, then the window's ids (their status columns NULL) with
        # their rank, as UNION ALL keeps no order.
        condition, condition_params = self.sql.status_filter(self.language, self.status)
        offset, limit = self._window
        no_statuses = ", ".join("NULL" for _code in self.languages)
        with connection.cursor() as cursor:
            cursor.execute(
                f"""{sql}
                SELECT NULL, {columns}, COUNT(*) FROM families GROUP BY {columns}
                UNION ALL
                SELECT id, {no_statuses}, ROW_NUMBER() OVER (ORDER BY sort_title, id)
                FROM (
                    SELECT id, LOWER(title) AS sort_title FROM families WHERE {condition}
                    ORDER BY LOWER(title), id LIMIT %s OFFSET %s
                ) page""",
                params + condition_params + [limit, offset],
            )
            rows = cursor.fetchall()
        window = sorted((row for row in rows if row[0] is not None), key=lambda row: row[-1])
        return [row[1:] for row in rows if row[0] is None], [row[0] for row in window]

    def status_counts(self):
        """{language: {status: number of families}}, over the chosen cluster only."""
        counts = {code: dict.fromkeys(TranslationStatus.values, 0) for code in self.languages}
        for *statuses, number in self._groups:
            for code, status in zip(self.languages, statuses, strict=True):
                counts[code][status] += number
        return counts

    def _matches(self, statuses):
        if not self.status:
            return True
        if self.language:
            return statuses[self.languages.index(self.language)] == self.status
        return self.status in statuses

    def count(self):
        return sum(number for *statuses, number in self._groups if self._matches(statuses))

    def __len__(self):
        return self.count()

    def source_ids(self, offset, limit):
        """The ids of the sources of the families at `offset`, `limit` of them, in order."""
        if self._window is not None and self._window[0] == offset and limit <= self._window[1]:
            return self._counted[1][:limit]
        sql, params = self.sql.families(cluster_id=self.cluster.pk if self.cluster else None)
        condition, condition_params = self.sql.status_filter(self.language, self.status)
        with connection.cursor() as cursor:
            cursor.execute(
                f"{sql} SELECT id FROM families WHERE {condition} "
                "ORDER BY LOWER(title), id LIMIT %s OFFSET %s",
                params + condition_params + [limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("ReleaseFamilies is sliced by the page: families[start:stop]")
        start = index.start or 0
        if index.stop is None:
            return list(self._iterate(start))
        if index.stop <= start:
            return []
        return build_rows(self.source_ids(start, index.stop - start), self.languages)

    def _iterate(self, start=0):
        while True:
            ids = self.source_ids(start, EXPORT_BATCH)
            yield from build_rows(ids, self.languages)
            if len(ids) < EXPORT_BATCH:
                return
            start += EXPORT_BATCH

    def __iter__(self):
        return self._iterate()


def matrix_clusters():
    """The clusters with a news page, by slug: the matrix's cluster filter offers them."""
    return list(
        Cluster.objects.filter(pk__in=ClusterNewsPage.objects.values("cluster_id")).order_by("slug")
    )


def _statuses_of(source_ids, languages):
    """{source id: {language: status}} for the families of the given sources."""
    if not source_ids:
        return {}
    sql_builder = _FamilySQL(languages)
    sql, params = sql_builder.families(source_ids=source_ids)
    columns = ", ".join(f"status_{code}" for code in languages)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} SELECT id, {columns} FROM families", params)
        return {row[0]: dict(zip(languages, row[1:], strict=True)) for row in cursor.fetchall()}


def _since_and_holder(status, page, source, workflow_state, scheduled_at):
    """When the cell entered `status`, and who holds it."""
    latest = page.latest_revision
    user = latest.user if latest else None
    if status == TranslationStatus.IN_REVIEW:
        if workflow_state is None:  # finished between the two queries
            return None, user
        return workflow_state.created_at, workflow_state.requested_by or user
    if status == TranslationStatus.SCHEDULED:
        return scheduled_at or page.go_live_at, user
    if status == TranslationStatus.OUTDATED:
        return source.last_published_at, user
    if status == TranslationStatus.LIVE:
        return page.last_published_at, user
    return (latest.created_at if latest else page.latest_revision_created_at), user


def build_rows(source_ids, languages=None):
    """The matrix Rows of the families of `source_ids`, in that order, in a fixed number of
    queries: statuses, pages (with what they show of the records), workflow states,
    approved schedules, wagtail-localize translations and cluster pages."""
    languages = list(languages or site_languages())
    statuses = _statuses_of(source_ids, languages)
    source_ids = [pk for pk in source_ids if pk in statuses]
    if not source_ids:
        return []
    keys = PressReleasePage.objects.filter(pk__in=source_ids).values("translation_key")
    pages = list(
        PressReleasePage.objects.filter(translation_key__in=keys)
        .select_related("locale", "latest_revision__user")
        .order_by("pk")
    )
    prefetch_related_objects(pages, *RECORD_TEXTS_PREFETCH)
    by_id = {page.pk: page for page in pages}
    by_family = {}
    for page in pages:
        by_family.setdefault(page.translation_key, {})[page.locale.language_code] = page

    ids = [str(page.pk) for page in pages]
    workflow_states = {
        int(state.object_id): state
        for state in WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=ids,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_related("requested_by")
        .order_by("created_at")
    }
    # The latest approved schedule of each page wins, as Wagtail publishes it.
    scheduled = {
        int(object_id): go_live
        for object_id, go_live in approved_schedules(ids)
        .order_by("created_at")
        .values_list("object_id", "approved_go_live_at")
    }
    translation_ids = {
        (key, code): translation_id
        for translation_id, key, _source_code, code in enabled_translations(by_family)
    }
    parent_paths = {by_id[pk].path[: -Page.steplen] for pk in source_ids}
    clusters_by_path = {
        cluster_page.path: cluster_page.cluster
        for cluster_page in ClusterNewsPage.objects.filter(path__in=parent_paths)
        .select_related("cluster")
        .only("path", "cluster")
    }

    rows = []
    for source_id in source_ids:
        source = by_id[source_id]
        family = by_family[source.translation_key]
        row = Row(
            source=source,
            cluster=clusters_by_path.get(source.path[: -Page.steplen]),
            planned=planned_go_live(source, scheduled.get(source.pk)),
        )
        for code in languages:
            status = statuses[source_id][code]
            page = family.get(code)
            if page is None or status == TranslationStatus.MISSING:
                row.cells[code] = Cell(code, TranslationStatus.MISSING)
                continue
            since, holder = _since_and_holder(
                status, page, source, workflow_states.get(page.pk), scheduled.get(page.pk)
            )
            cell = Cell(code, status, page, since, holder)
            cell.translation_id = translation_ids.get((page.translation_key, code))
            if code != record_source_language():
                cell.missing_records = sum(
                    text.missing for text in record_texts_shown_by(page, code)
                )
            row.cells[code] = cell
        rows.append(row)
    return rows
