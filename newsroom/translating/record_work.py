"""A translator's work list on the records, decided in the database.

The record texts that pages in one language show (see `records.record_texts_shown_by`) and
that need translating into it: empty there, or older than their source. The database picks
those texts, counts the pages showing each and sorts them; Python then reads one page of the
list (`RecordWorkList.page`), its records and a few of the pages showing each text, in a
bounded number of queries however many pages and records there are.

Texts are judged as they will be published (`publication.pending_version`): the text and
change time of a live record with unpublished changes are read from its latest revision, so
a translation already saved as a draft leaves the list.

Which pages show a text, as `record_texts_shown_by` reads them:
- a cluster's name: releases listing the cluster or announcing one of its awards, and the
  cluster's own pages (its profile);
- the rest of a cluster's profile: the cluster's pages;
- an award's result summary: releases announcing it; its distinction: those too, and the
  pages of its cluster while the award is live (their award timeline);
- a label's name: releases announcing one of its awards, and the pages of a cluster with a
  live award of it; an awarding body's name: releases announcing an award of its labels;
- a tag's name: releases tagged with it.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db import connection
from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.fields.json import KT, KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, NullIf, RowNumber
from django.db.models.lookups import Exact, IsNull, LessThan

from modeltranslation.utils import build_localized_fieldname
from wagtail.models import DraftStateMixin, Locale

from newsroom.languages import record_source_language
from newsroom.models.pages import ClusterNewsPage, PressReleasePage, PressReleasePageTag
from newsroom.models.publication import pending_version
from newsroom.models.records import Award, CertificationBody, Cluster, Label, ReleaseTag
from newsroom.models.texts import text_in
from newsroom.translating.choices import FieldStatus
from newsroom.translating.records import NamesRecordField, field_status

# How many of the pages showing a text the list names; the others are counted.
EXAMPLE_PAGES = 5


class _Pages:
    """The rows linking pages of some locales to the records they show."""

    def __init__(self, locales):
        # The locales' pks, as a subquery.
        self.locales = locales

    def release_clusters(self):
        return PressReleasePage.clusters.through.objects.filter(
            pressreleasepage__locale_id__in=self.locales
        )

    def release_awards(self):
        return PressReleasePage.awards.through.objects.filter(
            pressreleasepage__locale_id__in=self.locales
        )

    def release_tags(self):
        return PressReleasePageTag.objects.filter(content_object__locale_id__in=self.locales)

    def cluster_pages(self):
        return ClusterNewsPage.objects.filter(locale_id__in=self.locales)


def _count(queryset, column, distinct=False):
    """How many rows (or distinct `column` values) `queryset` has, as a subquery."""
    template = "COUNT(DISTINCT %(expressions)s)" if distinct else "COUNT(%(expressions)s)"
    number = Func(F(column), template=template, output_field=IntegerField())
    return Coalesce(Subquery(queryset.order_by().annotate(n=number).values("n")[:1]), 0)


@dataclass(frozen=True)
class TextKind:
    """One translated field of one record model, as pages show it.

    `shown(pages)` is a condition on the model's rows (shown by some page) and
    `count(pages)` the number of pages showing a row, both correlated on its pk;
    `examples(pages, pks)` gives (record pk, page row) pairs, at most EXAMPLE_PAGES each.
    """

    model: type
    field: str
    shown: object
    count: object
    examples: object


RECORD = OuterRef("pk")


@dataclass(frozen=True)
class ExamplePage:
    """A page showing a text, as the work list names it."""

    pk: int
    title: str
    live: bool
    # Releases newest first, then cluster pages in the tree's order.
    order: tuple


def _first_of_each(queryset, record, order, page, release_date=None, path=None):
    """[(record pk, ExamplePage)]: the first EXAMPLE_PAGES pages of each record, `page`
    being the path from the queryset's rows to the page."""
    rows = (
        queryset.annotate(
            example_record=F(record),
            example_rank=Window(RowNumber(), partition_by=F(record), order_by=order),
            example_date=F(release_date) if release_date else Value(None, DateField()),
            example_path=F(path) if path else Value("", TextField()),
        )
        .filter(example_rank__lte=EXAMPLE_PAGES)
        .values_list(
            "example_record",
            f"{page}page_ptr_id",
            f"{page}title",
            f"{page}live",
            "example_date",
            "example_path",
        )
    )
    return [
        (
            record_pk,
            ExamplePage(
                pk,
                title,
                live,
                (0, -date.toordinal(), -pk, "") if release_date else (1, 0, 0, at),
            ),
        )
        for record_pk, pk, title, live, date, at in rows
    ]


def _released(queryset, record, pks, prefix="pressreleasepage"):
    return _first_of_each(
        queryset.filter(**{f"{record}__in": pks}),
        record,
        (f"-{prefix}__release_date", f"-{prefix}_id"),
        f"{prefix}__",
        release_date=f"{prefix}__release_date",
    )


def _cluster_pages_of(pages, record, pks, **conditions):
    queryset = pages.cluster_pages().filter(**{f"{record}__in": pks}, **conditions)
    return _first_of_each(queryset, record, ("path",), "", path="path")


def _cluster_name_count(pages):
    listed = pages.release_clusters().filter(cluster=RECORD)
    # A release listing the cluster and announcing one of its awards is one page.
    also_listed = PressReleasePage.clusters.through.objects.filter(
        pressreleasepage=OuterRef("pressreleasepage"), cluster=OuterRef(OuterRef("pk"))
    )
    announced = pages.release_awards().filter(award__cluster=RECORD).exclude(Exists(also_listed))
    return (
        _count(listed, "pk")
        + _count(announced, "pressreleasepage_id", distinct=True)
        + _count(pages.cluster_pages().filter(cluster=RECORD), "pk")
    )


def _cluster_profile_kind(name):
    return TextKind(
        Cluster,
        name,
        shown=lambda pages: Q(Exists(pages.cluster_pages().filter(cluster=RECORD))),
        count=lambda pages: _count(pages.cluster_pages().filter(cluster=RECORD), "pk"),
        examples=lambda pages, pks: _cluster_pages_of(pages, "cluster_id", pks),
    )


def _live_award_of_label(pages):
    return pages.cluster_pages().filter(cluster__awards__label=RECORD, cluster__awards__live=True)


# In the order a page shows them (ties in the list keep it).
TEXT_KINDS = (
    TextKind(
        Cluster,
        "name",
        shown=lambda pages: (
            Q(Exists(pages.release_clusters().filter(cluster=RECORD)))
            | Q(Exists(pages.release_awards().filter(award__cluster=RECORD)))
            | Q(Exists(pages.cluster_pages().filter(cluster=RECORD)))
        ),
        count=_cluster_name_count,
        examples=lambda pages, pks: (
            _released(pages.release_clusters(), "cluster_id", pks)
            + _released(pages.release_awards(), "award__cluster_id", pks)
            + _cluster_pages_of(pages, "cluster_id", pks)
        ),
    ),
    TextKind(
        Label,
        "name",
        shown=lambda pages: (
            Q(Exists(pages.release_awards().filter(award__label=RECORD)))
            | Q(Exists(_live_award_of_label(pages)))
        ),
        count=lambda pages: (
            _count(pages.release_awards().filter(award__label=RECORD), "pressreleasepage_id", True)
            + _count(_live_award_of_label(pages), "pk", True)
        ),
        examples=lambda pages, pks: (
            _released(pages.release_awards(), "award__label_id", pks)
            + _cluster_pages_of(pages, "cluster__awards__label_id", pks, cluster__awards__live=True)
        ),
    ),
    TextKind(
        CertificationBody,
        "name",
        shown=lambda pages: Q(Exists(pages.release_awards().filter(award__label__body=RECORD))),
        count=lambda pages: _count(
            pages.release_awards().filter(award__label__body=RECORD), "pressreleasepage_id", True
        ),
        examples=lambda pages, pks: _released(pages.release_awards(), "award__label__body_id", pks),
    ),
    TextKind(
        Award,
        "result_summary",
        shown=lambda pages: Q(Exists(pages.release_awards().filter(award=RECORD))),
        count=lambda pages: _count(pages.release_awards().filter(award=RECORD), "pk"),
        examples=lambda pages, pks: _released(pages.release_awards(), "award_id", pks),
    ),
    TextKind(
        Award,
        "distinction",
        shown=lambda pages: (
            Q(Exists(pages.release_awards().filter(award=RECORD)))
            | Q(live=True, cluster__in=pages.cluster_pages().values("cluster_id"))
        ),
        count=lambda pages: (
            _count(pages.release_awards().filter(award=RECORD), "pk")
            + Case(
                When(
                    live=True,
                    then=_count(pages.cluster_pages().filter(cluster=OuterRef("cluster_id")), "pk"),
                ),
                default=0,
            )
        ),
        examples=lambda pages, pks: (
            _released(pages.release_awards(), "award_id", pks)
            + _cluster_pages_of(pages, "cluster__awards__id", pks, cluster__awards__live=True)
        ),
    ),
    *(_cluster_profile_kind(name) for name in ("description", "city", "region", "sector")),
    TextKind(
        ReleaseTag,
        "label",
        shown=lambda pages: Q(Exists(pages.release_tags().filter(tag=RECORD))),
        count=lambda pages: _count(
            pages.release_tags().filter(tag=RECORD), "content_object_id", True
        ),
        examples=lambda pages, pks: _released(
            pages.release_tags(), "tag_id", pks, prefix="content_object"
        ),
    ),
)


def _pending(model):
    """(text, stamp): expressions reading a localized field and its change time as they
    will be published, as `pending_version` does."""
    if not issubclass(model, DraftStateMixin):
        return (F, lambda name: KT(f"translation_stamps__{name}"))
    waiting = Q(live=True, has_unpublished_changes=True, latest_revision__isnull=False)
    # KT() would read its first part as the field: the revision's content is across a join.
    content = "latest_revision__content"

    def text(name):
        return Case(
            # SQLite reads a JSON null as the text "null" (PostgreSQL as NULL): a text
            # the revision saved as None is no text.
            When(waiting, then=NullIf(KeyTextTransform(name, content), Value("null"))),
            default=F(name),
            output_field=TextField(),
        )

    def stamp(name):
        return Case(
            When(waiting, then=KeyTextTransform(name, KeyTransform("translation_stamps", content))),
            default=KT(f"translation_stamps__{name}"),
            output_field=TextField(),
        )

    return text, stamp


def _has_text(expression):
    return Q(IsNull(expression, False)) & ~Q(Exact(expression, ""))


def needs_work_when_published(model, field_name, language_code):
    """A condition on `model`'s rows: `field_name` in `language_code` is empty or older than
    its source, as the record will read once published (`field_status` of `pending_version`).
    """
    text, stamp = _pending(model)
    source = build_localized_fieldname(field_name, record_source_language())
    localized = build_localized_fieldname(field_name, language_code)
    empty = Q(IsNull(text(localized), True)) | Q(Exact(text(localized), ""))
    outdated = Q(LessThan(stamp(localized), stamp(source)))
    return _has_text(text(source)) & (empty | outdated)


@dataclass
class RecordWork(NamesRecordField):
    """A record text that pages in `language_code` show and that needs translating into it
    (empty, or older than its source): a line of a translator's work list, with how many
    pages show it and the first few of them (releases newest first, then cluster pages)."""

    record: object
    field: str
    language_code: str
    status: str
    source_text: str
    page_count: int
    pages: list

    @property
    def status_label(self):
        return FieldStatus(self.status).label

    @property
    def more_pages(self):
        return self.page_count - len(self.pages)


# The most shown first; then in the order pages show them, so a page is stable.
ORDER = ("-page_count", "kind", "record")
ORDER_SQL = "page_count DESC, kind, record"


class RecordWorkList:
    """The work list of `language_code`, as a sequence Django's paginator can slice.

    Counting it is one query; a slice is one query for its texts, one per kind of record
    in it (at most five), and one per way pages show that kind (for the example pages:
    at most twelve). After `read_ahead`, counting also reads the texts of the page asked
    for, and that page's slice costs no query of its own.
    """

    def __init__(self, language_code):
        self.language_code = language_code
        # A subquery: the list then costs no query of its own to find the locale.
        self.pages = _Pages(Locale.objects.filter(language_code=language_code).values("pk"))
        # (offset, limit) of the texts counting also reads (see read_ahead).
        self._window = None

    def read_ahead(self, offset, limit):
        """Have counting also read the texts at `offset` (`limit` of them): sorting them
        counts every text anyway, so the page a paginator asks for next costs no statement
        of its own."""
        self._window = (offset, limit)

    def _texts(self, with_counts):
        if self.language_code == record_source_language():
            return None
        parts = []
        for index, kind in enumerate(TEXT_KINDS):
            queryset = (
                kind.model.objects.filter(
                    needs_work_when_published(kind.model, kind.field, self.language_code)
                )
                .filter(kind.shown(self.pages))
                .order_by()
            )
            columns = {"kind": Value(index), "record": F("pk")}
            if with_counts:
                columns["page_count"] = kind.count(self.pages)
            parts.append(queryset.annotate(**columns).values(*columns))
        first, *others = parts
        return first.union(*others, all=True)

    def count(self):
        return self._counted[0]

    @cached_property
    def _counted(self):
        """(how many texts, the rows of the read-ahead window or None)."""
        texts = self._texts(with_counts=False)
        if texts is None:
            return 0, None
        if self._window is None:
            return texts.count(), None
        offset, limit = self._window
        rows = self._window_rows(offset, limit)
        if rows:
            return rows[0]["total"], rows
        # An empty first page is an empty list; past the end it says nothing of the total.
        return (0 if offset == 0 else texts.count()), rows

    def _window_rows(self, offset, limit):
        """The rows of the texts at `offset`, `limit` of them, in the list's order, each
        with the number of all texts."""
        # A union takes no window annotation: the statement of a slice, wrapped.
        sql, params = self._texts(with_counts=True).order_by().query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT kind, record, page_count, COUNT(*) OVER () FROM ({sql}) texts "
                f"ORDER BY {ORDER_SQL} LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            return [
                {"kind": kind, "record": record, "page_count": page_count, "total": total}
                for kind, record, page_count, total in cursor.fetchall()
            ]

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        texts = self._texts(with_counts=True)
        if texts is None:
            return []
        window, start = self._window, index.start or 0
        if (
            window is not None
            and index.step in (None, 1)
            and index.stop is not None
            and start == window[0]
            and index.stop - start <= window[1]
        ):
            return self._work(self._counted[1][: max(index.stop - start, 0)])
        return self._work(list(texts.order_by(*ORDER)[index]))

    def _work(self, rows):
        wanted = {}
        for row in rows:
            wanted.setdefault(row["kind"], []).append(row["record"])
        records = {}
        for model in {TEXT_KINDS[kind].model for kind in wanted}:
            pks = {
                pk
                for kind, kind_pks in wanted.items()
                if TEXT_KINDS[kind].model is model
                for pk in kind_pks
            }
            for record in _records(model, pks):
                records[model, record.pk] = record
        examples = {}
        for kind, pks in wanted.items():
            found = {}
            for pk, page in TEXT_KINDS[kind].examples(self.pages, pks):
                found.setdefault(pk, {})[page.pk] = page
            for pk, pages in found.items():
                examples[kind, pk] = sorted(pages.values(), key=lambda page: page.order)[
                    :EXAMPLE_PAGES
                ]
        work = []
        source = record_source_language()
        for row in rows:
            kind = TEXT_KINDS[row["kind"]]
            record = records[kind.model, row["record"]]
            version = pending_version(record)
            work.append(
                RecordWork(
                    record,
                    kind.field,
                    self.language_code,
                    field_status(version, kind.field, self.language_code),
                    text_in(version, kind.field, source),
                    row["page_count"],
                    examples.get((row["kind"], row["record"]), []),
                )
            )
        return work


def _records(model, pks):
    queryset = model.objects.filter(pk__in=pks)
    if issubclass(model, DraftStateMixin):
        queryset = queryset.select_related("latest_revision")
    if model is Award:
        queryset = queryset.select_related("cluster", "label")
    return queryset
