"""Wagtail's database search backend (django-modelsearch), ranked the way it scales.

The stock SQLite and PostgreSQL backends rank a search by joining every page of the
searched queryset to its index entry (SQLite: a correlated subquery per page that runs the
full-text match again; PostgreSQL: a join on `object_id = page.id::text` that scans every
index entry of the model). At 30,000 release pages a broad word ("klastrów") took 85 s on
SQLite and 0.4–0.6 s on PostgreSQL. This backend keeps their index, their query syntax and
their ranking expression, and changes only the order of work:

1. the full-text index finds the matching entries (FTS5 / the GIN index on `body`);
2. they are narrowed to the searched queryset's pages with one `IN (SELECT id …)`;
3. the database ranks those, and returns one page of (id, score) in order;
4. that page's objects are fetched with the queryset's own `select_related`/filters.

Counting is step 1–2 without ranking. Searches this does not cover (match-all, negation,
fuzzy, no relevance order) go to the stock code. Selected in settings
(`WAGTAILSEARCH_BACKENDS`); Elasticsearch/OpenSearch replace it there when search outgrows
the database.
"""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import Fuzzy, MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from django.db import connection
from django.db.models import CharField, ExpressionWrapper, F, IntegerField
from django.db.models.functions import Cast


def _content_type_in(entries, lookup, model):
    """Entries of `model` (and its subclasses), compared as an expression (`+ 0`): an
    indexed comparison would let the planner start from the content type's index, every
    entry of the model, and run the full-text match once per entry; the full-text index
    must lead (SQLite FTS5, PostgreSQL GIN), then the entries it found are checked."""
    return entries.alias(_type=ExpressionWrapper(F(lookup) + 0, IntegerField())).filter(
        _type__in=get_descendants_content_types_pks(model)
    )


def _pk_texts(queryset):
    """The queryset's primary keys as the index stores them (text), for `IN (subquery)`."""
    return queryset.order_by().annotate(_pk_text=Cast("pk", CharField())).values("_pk_text")


class RankedPageMixin:
    """For a compiler: `matching_entries(config)` (a queryset of index entries, for the
    count) and `ranked_objects(config, start, stop, score_field)`."""

    def ranks_here(self):
        return self.order_by_relevance and not isinstance(self.query, MatchAll | Not | Fuzzy)

    def fetch_in_order(self, rows, score_field):
        """rows: [(object_id text, score)] → the queryset's objects in that order."""
        model = self.queryset.model
        wanted = [model._meta.pk.to_python(object_id) for object_id, _score in rows]
        found = self.queryset.order_by().in_bulk(wanted) if wanted else {}
        results = []
        for pk, (_object_id, score) in zip(wanted, rows, strict=True):
            obj = found.get(pk)
            if obj is None:
                continue  # deleted between the two queries
            if score_field:
                setattr(obj, score_field, score)
            results.append(obj)
        return results


class RankedResultsMixin:
    def ranked_here(self):
        # The stock autocomplete compilers (PostgreSQL) have no `ranks_here`.
        ranks_here = getattr(self.query_compiler, "ranks_here", None)
        return ranks_here is not None and ranks_here()

    def _do_search(self):
        if not self.ranked_here():
            return super()._do_search()
        compiler = self.query_compiler
        return compiler.ranked_objects(
            compiler.get_config(self.backend), self.start, self.stop, self._score_field
        )

    def _do_count(self):
        if not self.ranked_here():
            return super()._do_count()
        compiler = self.query_compiler
        return compiler.matching_entries(compiler.get_config(self.backend)).count()


def sqlite_backend(params):
    from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )

    class Compiler(RankedPageMixin, SQLiteSearchQueryCompiler):
        def matching_entries(self, config):
            search_query = self.build_search_query(normalize(self.query), config=config)
            entries = SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
            )
            return _content_type_in(
                entries, "index_entry__content_type_id", self.queryset.model
            ).filter(index_entry__object_id__in=_pk_texts(self.queryset))

        def ranked_objects(self, config, start, stop, score_field):
            # The stock expression calls bm25() once per query word and field (4 times for
            # "klastrów": two stems, title and body) and each call scores the whole match
            # again; one call, weighted by the title's norm as the stock one is, orders the
            # same matches at a quarter of the cost.
            rank = BM25() * (F("index_entry__title_norm") + 1.0)
            rows = (
                self.matching_entries(config)
                .annotate(score=rank)
                .order_by("score", "-index_entry_id")  # bm25: lower is better
                .values_list("index_entry__object_id", "score")[start:stop]
            )
            return self.fetch_in_order(list(rows), score_field)

    class AutocompleteCompiler(Compiler, SQLiteAutocompleteQueryCompiler):
        pass

    class Results(RankedResultsMixin, SQLiteSearchResults):
        pass

    class Backend(SQLiteSearchBackend):
        query_compiler_class = Compiler
        autocomplete_query_compiler_class = AutocompleteCompiler
        results_class = Results

    return Backend(params)


def postgres_backend(params):
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )

    from django.contrib.postgres.search import SearchRank

    class Compiler(RankedPageMixin, PostgresSearchQueryCompiler):
        def ranks_here(self):
            # Plain words and phrases over the whole entry of a model whose body holds its
            # title's words; other searches (`fields=`, admin searches of other models)
            # go to the stock code.
            return (
                super().ranks_here()
                and self.fields is None
                and getattr(self.queryset.model, "search_body_has_title", False)
                and all(isinstance(q, PlainText | Phrase) for q in leaves(self.query))
            )

        def matching_entries(self, config):
            # Only the body: models that rank here index their title's words in it too
            # (`search_body_has_title`), and a title condition (OR) would make the planner
            # read every entry instead of the GIN index.
            entries = IndexEntry.objects.filter(body=self.build_tsquery(self.query, config))
            return _content_type_in(entries, "content_type_id", self.queryset.model).filter(
                object_id__in=_pk_texts(self.queryset)
            )

        def ranked_objects(self, config, start, stop, score_field):
            search_query = self.build_tsquery(self.query, config=config)
            rank = SearchRank(F("body"), search_query, weights=self.sql_weights) + SearchRank(
                F("title"), search_query, weights=self.sql_weights
            ) * F("title_norm")
            rows = (
                self.matching_entries(config)
                .annotate(score=rank)
                .order_by("-score", "-id")
                .values_list("object_id", "score")[start:stop]
            )
            return self.fetch_in_order(list(rows), score_field)

    class Results(RankedResultsMixin, PostgresSearchResults):
        pass

    class Backend(PostgresSearchBackend):
        query_compiler_class = Compiler
        results_class = Results

    return Backend(params)


def leaves(query):
    children = getattr(query, "subqueries", None)
    if children is None:
        sub = getattr(query, "subquery", None)
        return [query] if sub is None else leaves(sub)
    return [leaf for child in children for leaf in leaves(child)]


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    vendor = connection.vendor
    if vendor == "sqlite":
        backend = DatabaseSearchBackend(params)
        # Without FTS5 the database module falls back to its plain LIKE backend: keep it.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return sqlite_backend(params) if isinstance(backend, SQLiteSearchBackend) else backend
    if vendor == "postgresql":
        return postgres_backend(params)
    return DatabaseSearchBackend(params)
