"""The records' admin: one snippet viewset per record, grouped under a "Certification" menu."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from newsroom.languages import record_languages
from newsroom.models.records import Award, CertificationBody, Cluster, Label
from newsroom.records.choosers import AwardChooserViewSet, awards_with_schedule
from newsroom.records.filters import (
    AwardFilterSet,
    CertificationBodyFilterSet,
    ClusterFilterSet,
    LabelFilterSet,
)
from newsroom.records.panels import TranslationStatusColumn, translated_tabs


def in_every_language(field_path):
    """`field_path` once per record language: name_pl, name_en, … (searched in the ORM)."""
    return [f"{field_path}_{code}" for code in record_languages()]


COUNTRY_COLUMN = Column("country", label=_("Country"), accessor="get_country_display")


class TranslatedRecordViewSet(SnippetViewSet):
    # Translated columns (name_pl, name_en, …) are plain columns, so the ORM
    # searches them directly in every language at once.
    search_backend_name = None
    copy_view_enabled = False


class ClusterViewSet(TranslatedRecordViewSet):
    model = Cluster
    icon = "group"
    list_display = [
        "name",
        "acronym",
        COUNTRY_COLUMN,
        "city",
        "founded_year",
        "member_count",
        TranslationStatusColumn(),
    ]
    list_export = [
        "slug",
        *in_every_language("name"),
        "acronym",
        "country",
        "founded_year",
        "website",
        "member_count",
    ]
    filterset_class = ClusterFilterSet
    search_fields = [*in_every_language("name"), "acronym", "slug"]
    ordering = ["slug"]
    edit_handler = translated_tabs(
        [
            FieldRowPanel([FieldPanel("slug"), FieldPanel("acronym")]),
            FieldRowPanel([FieldPanel("country"), FieldPanel("founded_year")]),
            FieldRowPanel([FieldPanel("website"), FieldPanel("member_count")]),
        ],
        ["name", "description", "region", "city", "sector"],
    )


class CertificationBodyViewSet(TranslatedRecordViewSet):
    model = CertificationBody
    icon = "site"
    list_display = ["name", "acronym", "city", COUNTRY_COLUMN, "website", TranslationStatusColumn()]
    filterset_class = CertificationBodyFilterSet
    search_fields = [*in_every_language("name"), "acronym", "slug"]
    edit_handler = translated_tabs(
        [
            FieldRowPanel([FieldPanel("slug"), FieldPanel("acronym")]),
            FieldPanel("country"),
            FieldPanel("website"),
        ],
        ["name", "description", "city"],
    )


class LabelViewSet(TranslatedRecordViewSet):
    model = Label
    icon = "pick"
    list_display = [
        "name",
        "body",
        Column("level", label=_("Level"), accessor="get_level_display"),
        "validity_months",
        "indicators_assessed",
        TranslationStatusColumn(),
    ]
    filterset_class = LabelFilterSet
    search_fields = [*in_every_language("name"), "slug"]
    edit_handler = translated_tabs(
        [
            FieldRowPanel([FieldPanel("slug"), FieldPanel("body")]),
            FieldRowPanel(
                [
                    FieldPanel("level"),
                    FieldPanel("validity_months"),
                    FieldPanel("indicators_assessed"),
                ]
            ),
        ],
        ["name", "benchmarking_areas"],
    )

    def get_queryset(self, request):
        return Label.objects.select_related("body")


class AwardCreateView(CreateView):
    """The award form, its cluster chosen when the release editor links here (?cluster=)."""

    def get_initial(self):
        initial = super().get_initial()
        cluster = self.request.GET.get("cluster", "")
        if cluster.isdigit() and Cluster.objects.filter(pk=cluster).exists():
            initial["cluster"] = int(cluster)
        return initial


class AwardViewSet(TranslatedRecordViewSet):
    model = Award
    add_view_class = AwardCreateView
    # The release editor's modal: its cluster's awards, and "Create award" (a draft).
    chooser_viewset_class = AwardChooserViewSet
    icon = "success"
    list_display = [
        "cluster",
        "label",
        "awarded_on",
        "valid_until",
        Column("status", label=_("Validity"), accessor="get_status_display"),
        LiveStatusTagColumn(),
        TranslationStatusColumn(),
    ]
    filterset_class = AwardFilterSet
    search_fields = [*in_every_language("cluster__name"), *in_every_language("label__name")]
    edit_handler = translated_tabs(
        [
            FieldRowPanel([FieldPanel("cluster"), FieldPanel("label")]),
            FieldRowPanel([FieldPanel("awarded_on"), FieldPanel("valid_until")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("audit_started_on"), FieldPanel("audit_ended_on")]),
                    FieldPanel("indicators_assessed"),
                ],
                heading=_("Audit"),
            ),
        ],
        ["result_summary", "distinction"],
    )

    def get_queryset(self, request):
        return awards_with_schedule()


class CertificationViewSetGroup(SnippetViewSetGroup):
    items = (ClusterViewSet, AwardViewSet, LabelViewSet, CertificationBodyViewSet)
    menu_label = _("Certification")
    menu_icon = "success"
    menu_order = 200
