"""Records in the Wagtail admin: snippets grouped under one 'Certification' menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from newsroom import admin_views
from newsroom.admin_panels import (
    TranslationStatusColumn,
    record_filterset,
    translated_tabs,
    with_translation_filter,
)
from newsroom.filters import AwardFilterSet, ClusterFilterSet
from newsroom.models import Award, CertificationBody, Cluster, Label

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
        "name_pl",
        "name_en",
        "name_ru",
        "acronym",
        "country",
        "founded_year",
        "website",
        "member_count",
    ]
    filterset_class = with_translation_filter(ClusterFilterSet)
    search_fields = ["name_pl", "name_en", "name_ru", "acronym", "slug"]
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
    filterset_class = record_filterset(CertificationBody)
    search_fields = ["name_pl", "name_en", "name_ru", "acronym", "slug"]
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
    filterset_class = record_filterset(Label, ["body", "level"])
    search_fields = ["name_pl", "name_en", "name_ru", "slug"]
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


class AwardViewSet(TranslatedRecordViewSet):
    model = Award
    icon = "success"
    list_display = [
        "cluster",
        "label",
        "awarded_on",
        "valid_until",
        Column("status", label=_("Status"), accessor="get_status_display"),
        TranslationStatusColumn(),
    ]
    filterset_class = with_translation_filter(AwardFilterSet)
    search_fields = [
        "cluster__name_pl",
        "cluster__name_en",
        "cluster__name_ru",
        "label__name_pl",
        "label__name_en",
        "label__name_ru",
    ]
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
        return Award.objects.select_related("cluster", "label")


class CertificationViewSetGroup(SnippetViewSetGroup):
    items = (ClusterViewSet, AwardViewSet, LabelViewSet, CertificationBodyViewSet)
    menu_label = _("Certification")
    menu_icon = "success"
    menu_order = 200


register_snippet(CertificationViewSetGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("import-releases/", admin_views.import_releases, name="newsroom_import_releases")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return MenuItem(
        _("Import releases"),
        reverse("newsroom_import_releases"),
        icon_name="upload",
        order=210,
    )


@hooks.register("register_admin_urls")
def register_translation_matrix_urls():
    from newsroom import admin_views_translations

    return [
        path(
            "translations/",
            admin_views_translations.translation_matrix,
            name="newsroom_translation_matrix",
        ),
        path(
            "translations/export.csv",
            admin_views_translations.translation_matrix_csv,
            name="newsroom_translation_matrix_csv",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_matrix_menu_item():
    from newsroom.admin_views_translations import can_view_matrix

    class TranslationsMenuItem(MenuItem):
        def is_shown(self, request):
            return can_view_matrix(request.user)

    return TranslationsMenuItem(
        _("Translations"),
        reverse("newsroom_translation_matrix"),
        icon_name="globe",
        order=220,
    )


@hooks.register("register_admin_urls")
def register_translation_workflow_urls():
    """Request, submit, review, schedule, what changed, and the PO/XLIFF hand-off."""
    from newsroom import admin_views_handoff, admin_views_review

    return admin_views_review.admin_urlpatterns + admin_views_handoff.admin_urlpatterns
