"""The translation status matrix: one row per release family, one column per language.

A `ReportView` over `status.ReleaseFamilies`: a `WagtailFilterSet` narrows it, the database
filters, counts and sorts the families, and Wagtail's paginator asks it for one page of
Rows at a time (a fixed number of queries, however many releases there are). Wagtail's
spreadsheet export (`?export=csv` or `?export=xlsx`) goes through every family in batches.
"""

import datetime
from collections import OrderedDict

import django_filters

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from newsroom.access import RefusesWithReason
from newsroom.languages import language_choices, site_languages
from newsroom.models.pages import PressReleasePage
from newsroom.translating import permissions
from newsroom.translating import status as ts
from newsroom.translating.choices import TranslationStatus
from newsroom.translating.views.base import ChecksPermission


class TranslationMatrixFilterSet(WagtailFilterSet):
    """Cluster, and a status in one language (or in any language when none is chosen).

    It narrows a `status.ReleaseFamilies`, not a queryset. A value that is not one of a
    filter's choices (an old bookmark, a hand-edited URL) is ignored rather than refused,
    and the other filters still apply.
    """

    cluster = django_filters.ChoiceFilter(
        label=gettext_lazy("Cluster"), empty_label=gettext_lazy("All clusters")
    )
    language = django_filters.ChoiceFilter(
        label=gettext_lazy("Language"),
        choices=language_choices,
        empty_label=gettext_lazy("Any language"),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=TranslationStatus.choices,
        empty_label=gettext_lazy("Any status"),
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, clusters=()):
        # django-filter learns the model from a queryset; this lazy one is never evaluated.
        if queryset is None:
            queryset = PressReleasePage.objects.all()
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.clusters = {cluster.slug: cluster for cluster in clusters}
        self.filters["cluster"].extra["choices"] = [(c.slug, c.name) for c in clusters]
        if self.is_bound:
            self.data = self._without_junk(self.data)

    def _without_junk(self, data):
        data = data.copy()
        for name, filter_ in self.filters.items():
            choices = filter_.extra.get("choices", ())
            if callable(choices):
                choices = choices()
            allowed = {str(value) for value, _label in choices}
            if name in data and data.get(name) not in allowed:
                del data[name]
        return data

    def chosen(self, name):
        """The value chosen for filter `name`, or None."""
        if not self.is_valid():
            return None
        return self.form.cleaned_data.get(name) or None

    def filter_queryset(self, families):
        return families.filter(
            cluster=self.clusters.get(self.chosen("cluster")),
            language=self.chosen("language"),
            status=self.chosen("status"),
        )


class TranslationMatrixView(RefusesWithReason, ChecksPermission, ReportView):
    template_name = "newsroom/admin/translation_matrix.html"
    results_template_name = "newsroom/admin/translation_matrix_results.html"
    index_url_name = "newsroom_translations:index"
    index_results_url_name = "newsroom_translations:index_results"
    page_title = gettext_lazy("Translations")
    header_icon = "globe"
    filterset_class = TranslationMatrixFilterSet
    context_object_name = "rows"
    export_filename = "translations"
    paginate_by = 50
    # Moments as ISO 8601 in CSV, readable by any program; XLSX gets real dates (Wagtail's).
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        datetime.datetime: {
            **ReportView.custom_value_preprocess[datetime.datetime],
            ReportView.FORMAT_CSV: datetime.datetime.isoformat,
        },
    }

    def check_permission(self):
        if not permissions.can_view_matrix(self.request.user):
            raise PermissionDenied(_("You do not have permission to see the translation status."))

    @cached_property
    def languages(self):
        return site_languages()

    @cached_property
    def clusters(self):
        return ts.matrix_clusters()

    def get_queryset(self):
        return ts.ReleaseFamilies(self.languages)

    def paginate_queryset(self, queryset, page_size):
        # Counting reads the page asked for too: the families' statuses are worked out once.
        # An invalid number gets page 1, as the paginator gives; one past the end, its own read.
        try:
            number = max(int(self.request.GET.get(self.page_kwarg, 1)), 1)
        except ValueError:
            number = 1
        queryset.read_ahead((number - 1) * page_size, page_size)
        return super().paginate_queryset(queryset, page_size)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "clusters": self.clusters}

    @cached_property
    def list_export(self):
        fields = ["release", "cluster", "source_language"]
        for code in self.languages:
            fields += [f"status_{code}", f"since_{code}", f"held_by_{code}"]
        return fields

    @cached_property
    def export_headings(self):
        headings = {
            "release": _("Release"),
            "cluster": _("Cluster"),
            "source_language": _("Source language"),
        }
        for code in self.languages:
            headings[f"status_{code}"] = _("Status (%(language)s)") % {"language": code}
            headings[f"since_{code}"] = _("Since (%(language)s)") % {"language": code}
            headings[f"held_by_{code}"] = _("Held by (%(language)s)") % {"language": code}
        return headings

    def to_row_dict(self, row):
        values = {
            "release": row.title,
            "cluster": row.cluster.slug if row.cluster else "",
            "source_language": row.source_language,
        }
        for cell in row.ordered_cells(self.languages):
            values[f"status_{cell.language}"] = str(cell.status)
            values[f"since_{cell.language}"] = cell.since
            values[f"held_by_{cell.language}"] = cell.holder_name if cell.page else ""
        return OrderedDict((field, values[field]) for field in self.list_export)

    @cached_property
    def matrix_url(self):
        """This matrix as the user sees it (filters, page), for links that come back to it."""
        query = self.request.GET.copy()
        for internal in ("_w_filter_fragment", "export"):
            query.pop(internal, None)
        return self.index_url + (f"?{query.urlencode()}" if query else "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            # The export goes through every family itself, in batches (see as_spreadsheet).
            return context
        # Counted over the chosen cluster only: the status filter picks rows, not the counts.
        counts = self.object_list.status_counts()
        statuses = list(TranslationStatus.choices)
        context.update(
            {
                "languages": self.languages,
                "statuses": statuses,
                "counts": counts,
                "count_rows": [
                    (code, [counts[code][value] for value, _label in statuses])
                    for code in self.languages
                ],
                "table_rows": [
                    (row, row.ordered_cells(self.languages)) for row in context["object_list"]
                ],
                "matrix_url": self.matrix_url,
                "can_request": permissions.can_request_translations(self.request.user),
            }
        )
        return context
