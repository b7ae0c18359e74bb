"""Release lists for readers: filters (cluster, label level, country, year) and pages.

Every value comes from a query string, so each is checked against what exists; an
unknown or malformed value is dropped (and reported to the template), never an error.
Facet counts are computed with the other filters applied: the clusters in one query, the
levels, countries and years in another.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, CharField, Count, F, Value, When
from django.db.models.functions import Cast, ExtractYear
from django.utils.functional import cached_property
from django.utils.translation import get_language

from newsroom.formatting import country_name, sorted_by_name
from newsroom.models.records import Cluster, Label
from newsroom.models.texts import localized_fieldnames, name_in

SLUG = re.compile(r"^[-\w]{1,80}$")
COUNTRY = re.compile(r"^[A-Za-z]{2}$")
YEAR = re.compile(r"^(19|20|21)\d\d$")
PARAMS = ("cluster", "level", "country", "year")
# Clusters named on the home page and in a list's cluster filter; a link leads to all.
CLUSTER_PREVIEW_COUNT = 12


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    # The language of `label` when it is not the page's (a cluster named only in Polish).
    language: str = ""


def first_value(query, name):
    values = query.getlist(name)
    return values[0].strip() if values and isinstance(values[0], str) else ""


class ReleaseFilter:
    def __init__(
        self, query, releases, fixed=None, cluster_limit=CLUSTER_PREVIEW_COUNT, shown=None
    ):
        """`releases`: the list's live releases; `fixed`: values a route sets (a level page);
        `cluster_limit`: the clusters the cluster filter offers at most; `shown`: the same
        releases as a queryset faster to show a page of than to count (`releases`)."""
        self.shown = releases if shown is None else shown
        self.cluster_limit = cluster_limit
        self.more_clusters = False
        self.query = query
        self.base = releases.prefetch_related(None).order_by()
        self.releases = releases
        self.fixed = fixed or {}
        self.ignored = []
        self.values = self.clean()

    def clean(self):
        checks = {
            "cluster": lambda v: bool(SLUG.match(v)),
            "level": lambda v: v in Label.Level.values,
            "country": lambda v: bool(COUNTRY.match(v)),
            "year": lambda v: bool(YEAR.match(v)),
        }
        values = {}
        for name in PARAMS:
            if name in self.fixed:
                values[name] = self.fixed[name]
                continue
            raw = first_value(self.query, name)
            if not raw:
                continue
            value = raw.upper() if name == "country" else raw
            if checks[name](value):
                values[name] = value
            else:
                self.ignored.append(name)
        return values

    def narrow(self, queryset, skip=None):
        for name, value in self.values.items():
            if name == skip:
                continue
            if name == "cluster":
                queryset = queryset.filter(
                    pk__in=self._ids(clusters__slug=value, clusters__live=True)
                )
            elif name == "level":
                queryset = queryset.filter(
                    pk__in=self._ids(awards__label__level=value, awards__live=True)
                )
            elif name == "country":
                queryset = queryset.filter(
                    pk__in=self._ids(clusters__country=value, clusters__live=True)
                )
            elif name == "year":
                queryset = queryset.filter(release_date__year=int(value))
        return queryset

    def _ids(self, **lookup):
        return self.releases.model.objects.filter(**lookup).values("pk")

    @property
    def results(self):
        return self.narrow(self.shown)

    @property
    def counted(self):
        """The results as a queryset to count."""
        return self.narrow(self.releases)

    @property
    def is_active(self):
        return any(name not in self.fixed for name in self.values)

    def url_with(self, **changes):
        """A shareable query string for these filters with `changes` (None drops one)."""
        params = {k: v for k, v in self.values.items() if k not in self.fixed}
        for name, value in changes.items():
            if value is None or params.get(name) == value:
                params.pop(name, None)
            else:
                params[name] = value
        return "?" + urlencode(sorted(params.items())) if params else "?"

    def option(self, name, value, label, count, language=""):
        return FacetOption(
            value=value,
            label=label,
            count=count,
            selected=self.values.get(name) == value,
            url=self.url_with(**{name: value}),
            language=language,
        )

    def cluster_option(self, cluster, count):
        page_language = get_language()
        name, language = name_in(cluster, page_language)
        language = "" if language == page_language else language
        return self.option("cluster", cluster.slug, name, count, language)

    def counts_by_facet(self):
        """{facet: {value: releases}} for level, country and year, each counted with the
        other filters applied: one query (a UNION of one grouped count per facet)."""
        parts = []
        if "level" not in self.fixed:
            # One filter() call: the level and the live state are of the same award.
            parts.append(
                (
                    self.narrow(self.base, skip="level").filter(
                        awards__label__level__isnull=False, awards__live=True
                    ),
                    "level",
                    F("awards__label__level"),
                )
            )
        parts += [
            (
                # One filter() call: the country and the live state are of the same cluster.
                self.narrow(self.base, skip="country").filter(
                    clusters__country__gt="", clusters__live=True
                ),
                "country",
                F("clusters__country"),
            ),
            (
                self.narrow(self.base, skip="year"),
                "year",
                ExtractYear("release_date"),
            ),
        ]
        grouped = [
            releases.annotate(facet=Value(name, CharField()), value=Cast(value, CharField()))
            .values_list("facet", "value")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
            for releases, name, value in parts
        ]
        counts = {"level": {}, "country": {}, "year": {}}
        for name, value, n in grouped[0].union(*grouped[1:], all=True):
            counts[name][value] = n
        return counts

    def facets(self):
        """Options per filter with counts; two queries whatever the number of releases."""
        facets = {}
        if "cluster" not in self.fixed:
            # The clusters with the most releases (the chosen one among them), A to Z; the
            # list links to the cluster directory when there are more.
            others = self.narrow(self.base, skip="cluster")
            chosen = Case(When(slug=self.values.get("cluster", ""), then=0), default=1)
            # Only what an option shows is read (and grouped by): the slug and the names. A
            # release names a cluster once, so its rows in the link table need no DISTINCT.
            clusters = list(
                Cluster.objects.filter(live=True, press_releases__in=others)
                .only("slug", *localized_fieldnames("name"))
                .annotate(n=Count("press_releases"))
                .order_by(chosen, "-n", "slug")[: self.cluster_limit + 1]
            )
            self.more_clusters = len(clusters) > self.cluster_limit
            facets["cluster"] = sorted_by_name(
                (self.cluster_option(c, c.n) for c in clusters[: self.cluster_limit]),
                name=lambda o: o.label,
            )
        counts = self.counts_by_facet()
        if "level" not in self.fixed:
            facets["level"] = [
                self.option("level", level.value, level.label, counts["level"][level.value])
                for level in Label.Level
                if level.value in counts["level"]
            ]
        facets["country"] = sorted_by_name(
            (
                self.option("country", code, country_name(code), n)
                for code, n in counts["country"].items()
            ),
            name=lambda o: o.label,
        )
        facets["year"] = [
            self.option("year", year, year, counts["year"][year])
            for year in sorted(counts["year"], key=int, reverse=True)
        ]
        return facets


class CountedPaginator(Paginator):
    """A Paginator counting another queryset of the same objects (one faster to count)."""

    def __init__(self, object_list, per_page, counted):
        super().__init__(object_list, per_page)
        self.counted = counted

    @cached_property
    def count(self):
        return self.counted.count()


def paginate(request, queryset, counted=None):
    """One page of `queryset` (counted as `counted`, when given); a missing, malformed or
    out-of-range ?page= gives a valid page."""
    size = settings.NEWSROOM_PAGE_SIZE
    if counted is None:
        paginator = Paginator(queryset, size)
    else:
        paginator = CountedPaginator(queryset, size, counted)
    return paginator.get_page(request.GET.get("page"))
