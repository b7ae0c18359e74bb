"""Listing filters for the records' admin: one named filter set per record.

Each offers "Needs translation in": the records with an empty or outdated field in the
chosen language (newsroom.translating.records decides what needs work).
"""

import django_filters

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

from newsroom.formatting import language_name
from newsroom.languages import record_target_languages
from newsroom.models.records import Award, CertificationBody, Cluster, Label, ReleaseTag
from newsroom.translating.records import needs_work_q


class NeedsTranslationFilter(django_filters.ChoiceFilter):
    """Records with an empty or outdated field in the chosen language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Needs translation in"))
        kwargs.setdefault(
            # Evaluated when the filter form renders: named in the admin user's language.
            "choices",
            lambda: [
                (code, language_name(code, get_language())) for code in record_target_languages()
            ],
        )
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(needs_work_q(qs.model, value))


class RecordFilterSet(WagtailFilterSet):
    needs_translation_in = NeedsTranslationFilter()


class ClusterFilterSet(RecordFilterSet):
    class Meta:
        model = Cluster
        fields = ["country"]


class CertificationBodyFilterSet(RecordFilterSet):
    class Meta:
        model = CertificationBody
        fields = []


class LabelFilterSet(RecordFilterSet):
    class Meta:
        model = Label
        fields = ["body", "level"]


class ReleaseTagFilterSet(RecordFilterSet):
    class Meta:
        model = ReleaseTag
        fields = []


class AwardFilterSet(RecordFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Validity"), choices=Award.Status.choices, method="filter_status"
    )
    level = django_filters.ChoiceFilter(
        label=_("Level"), field_name="label__level", choices=Label.Level.choices
    )

    class Meta:
        model = Award
        fields = ["cluster", "label", "status", "level"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)
