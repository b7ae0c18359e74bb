"""The records' admin: one snippet viewset per record, grouped under a "Certification" menu."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from newsroom.languages import record_languages
from newsroom.models.contacts import MediaContact
from newsroom.models.records import Award, CertificationBody, Cluster, Label, ReleaseTag
from newsroom.records.choosers import (
    AwardChooserViewSet,
    CertificationBodyChooserViewSet,
    ClusterChooserViewSet,
    LabelChooserViewSet,
)
from newsroom.records.filters import (
    AwardFilterSet,
    CertificationBodyFilterSet,
    ClusterFilterSet,
    LabelFilterSet,
    ReleaseTagFilterSet,
)
from newsroom.records.panels import TranslationStatusColumn, translated_tabs
from newsroom.records.schedules import with_approved_schedule


def in_every_language(field_path):
    """`field_path` once per record language: name_pl, name_en, … (searched in the ORM)."""
    return [f"{field_path}_{code}" for code in record_languages()]


def records_of_the_users_clusters(model, request):
    """Every record for editors and translators; a cluster team's own only (see
    newsroom.records.permissions)."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        request.user, ["change", "view"]
    )


COUNTRY_COLUMN = Column("country", label=_("Country"), accessor="get_country_display")


class TranslatedRecordViewSet(SnippetViewSet):
    # Translated columns (name_pl, name_en, …) are plain columns, so the ORM
    # searches them directly in every language at once.
    search_backend_name = None
    copy_view_enabled = False


class ClusterViewSet(TranslatedRecordViewSet):
    model = Cluster
    chooser_viewset_class = ClusterChooserViewSet
    icon = "group"
    list_display = [
        "name",
        "acronym",
        COUNTRY_COLUMN,
        "city",
        "founded_year",
        "member_count",
        LiveStatusTagColumn(),
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
            # The go-live and expiry dates behind the editor's "Set schedule" dialog.
            PublishingPanel(),
        ],
        ["name", "description", "region", "city", "sector"],
    )

    def get_queryset(self, request):
        return with_approved_schedule(records_of_the_users_clusters(Cluster, request))


class CertificationBodyViewSet(TranslatedRecordViewSet):
    model = CertificationBody
    chooser_viewset_class = CertificationBodyChooserViewSet
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
    chooser_viewset_class = LabelChooserViewSet
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
            PublishingPanel(),
        ],
        ["result_summary", "distinction"],
    )

    def get_queryset(self, request):
        return with_approved_schedule(
            records_of_the_users_clusters(Award, request).select_related("cluster", "label")
        )


class ReleaseTagViewSet(TranslatedRecordViewSet):
    """Release tags, as editors typed them, with the name readers see in each language."""

    model = ReleaseTag
    icon = "tag"
    list_display = [
        "name",
        *in_every_language("label"),
        Column("release_count", label=_("Releases"), accessor="release_count"),
        TranslationStatusColumn(),
    ]
    filterset_class = ReleaseTagFilterSet
    search_fields = ["name", *in_every_language("label")]
    ordering = ["name"]
    edit_handler = translated_tabs(
        [FieldRowPanel([FieldPanel("name"), FieldPanel("slug")])],
        ["label"],
    )

    def get_queryset(self, request):
        return ReleaseTag.objects.annotate(
            release_count=Count("tagged_releases__content_object", distinct=True)
        )


class MediaContactViewSet(TranslatedRecordViewSet):
    """Media contacts: people, their roles per language, and the clusters they speak for."""

    model = MediaContact
    icon = "user"
    list_display = [
        "name",
        "email",
        Column("phone", label=_("Phone"), accessor="phone_display"),
        TranslationStatusColumn(),
    ]
    search_fields = ["name", "email", *in_every_language("role")]
    ordering = ["name"]
    edit_handler = translated_tabs(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            FieldPanel("languages"),
            InlinePanel("cluster_links", label=_("Clusters"), panels=[FieldPanel("cluster")]),
        ],
        ["role"],
    )


class CertificationViewSetGroup(SnippetViewSetGroup):
    items = (
        ClusterViewSet,
        AwardViewSet,
        LabelViewSet,
        CertificationBodyViewSet,
        ReleaseTagViewSet,
        MediaContactViewSet,
    )
    menu_label = _("Certification")
    menu_icon = "success"
    menu_order = 200
