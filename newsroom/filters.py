"""Admin listing filters for records."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

from newsroom.models import Award, Cluster, Label


class AwardFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Award.Status.choices, method="filter_status"
    )
    level = django_filters.ChoiceFilter(
        label=_("Level"), field_name="label__level", choices=Label.Level.choices
    )

    class Meta:
        model = Award
        fields = ["cluster", "label", "status", "level"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


class ClusterFilterSet(WagtailFilterSet):
    class Meta:
        model = Cluster
        fields = ["country"]
