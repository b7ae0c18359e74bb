"""The records' choosers: the widgets and modals that pick a cluster, a label, a certification
body or an award, each with whole, translated sentences of its own ("Choose label", in
Polish "Wybierz odznakę") read in the admin user's language at each render (`RecordChooser`).

The award chooser is the modal the release editor opens to pick the awards it announces, or
to create one there.

The listing is limited to the clusters the editor's form passes (`?cluster=3,7`: those ticked
in the release, else the one it is filed under), searchable by label, cluster and texts, and
shows each award's label, dates, validity and whether it is a draft. Its "Create award" tab
(for users who may add awards) makes a draft award, with a first revision as the importer
does, of one of those clusters; the release takes it live when it is published
(`publish_records_with_page`). The release form checks the chosen awards again on the server.
"""

from django import forms
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.actions import action_registry
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from newsroom.access import RefusesWithReason, refused
from newsroom.languages import record_languages, record_source_language
from newsroom.models.announcing import award_summary
from newsroom.models.records import Award, Cluster, Label
from newsroom.records.permissions import ClusterTeamPolicy
from newsroom.records.schedules import with_approved_schedule

# The widget texts a chooser viewset hands its widget class (`edit_item_text` becomes the
# widget's `link_to_chosen_text`).
CHOOSER_TEXTS = ("choose_one_text", "choose_another_text", "link_to_chosen_text")


class RecordChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser widget, saying what its viewset says.

    Wagtail's composes "Choose %(object)s" from the model's verbose name and evaluates it
    once, when the form class is built: in the language of whoever opened the form first
    (an English admin read "Wybierz odznaka"), with a nominative where Polish and Russian
    need another case. These texts stay lazy, so each render speaks its user's language.
    """

    def __init__(self, model=None, **kwargs):
        for name in CHOOSER_TEXTS:
            kwargs.setdefault(name, getattr(type(self), name))
        super().__init__(model=model, **kwargs)


class RecordChooserViewSet(SnippetChooserViewSet):
    """A record's chooser: give `choose_one_text`, `choose_another_text` and
    `edit_item_text` as whole sentences (the modal's title is `choose_one_text`)."""

    base_widget_class = RecordChooser


class ClusterChooserViewSet(RecordChooserViewSet):
    choose_one_text = _("Choose cluster")
    choose_another_text = _("Choose another cluster")
    edit_item_text = _("Edit this cluster")


class LabelChooserViewSet(RecordChooserViewSet):
    choose_one_text = _("Choose label")
    choose_another_text = _("Choose another label")
    edit_item_text = _("Edit this label")


class CertificationBodyChooserViewSet(RecordChooserViewSet):
    choose_one_text = _("Choose certification body")
    choose_another_text = _("Choose another certification body")
    edit_item_text = _("Edit this certification body")


# Who may list awards to choose them: every role that edits releases holds one of these
# (translators and reviewers change awards, editors and moderators also add them).
CHOOSING_ACTIONS = ["add", "change", "view"]
SEARCHED_FIELDS = ["label__name", "cluster__name", "distinction", "result_summary"]


def requested_clusters(request):
    """The cluster pks the release editor passed: `?cluster=3,7` gives [3, 7]."""
    parts = request.GET.get("cluster", "").split(",")
    return [int(part) for part in parts if part.strip().isdigit()]


def field_label(name):
    """A column heading from the award's field: "Label", "Date awarded"."""
    return capfirst(Award._meta.get_field(name).verbose_name)


def award_permission_policy():
    return policy_registry.get_by_type(Award) or ModelPermissionPolicy(Award)


class AwardSearchForm(BaseFilterForm):
    """Searches label and cluster names and the award's texts, in every record language."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            matches = Q()
            for field in SEARCHED_FIELDS:
                for code in record_languages():
                    matches |= Q(**{f"{field}_{code}__icontains": query})
            objects = objects.filter(matches)
            self.is_searching = True
            self.search_query = query
        return objects


class AwardCreationForm(WagtailAdminModelForm):
    """A new award for the release: one of its clusters, the facts, and the texts in the
    language records are written in first (translators add the others later)."""

    class Meta:
        model = Award
        fields = [
            "cluster",
            "label",
            "awarded_on",
            "valid_until",
            "audit_started_on",
            "audit_ended_on",
            "indicators_assessed",
            build_localized_fieldname("result_summary", record_source_language()),
            build_localized_fieldname("distinction", record_source_language()),
        ]
        # Plain selects: the clusters and labels' own choosers would open a modal in a modal.
        widgets = {"cluster": forms.Select, "label": forms.Select}

    def __init__(self, *args, clusters=(), allowed_clusters=None, **kwargs):
        super().__init__(*args, **kwargs)
        cluster_field = self.fields["cluster"]
        if allowed_clusters is not None:
            cluster_field.queryset = allowed_clusters
            allowed = set(allowed_clusters.filter(pk__in=clusters).values_list("pk", flat=True))
            clusters = [pk for pk in clusters if pk in allowed]
        if clusters:
            cluster_field.queryset = Cluster.objects.filter(pk__in=clusters)
            cluster_field.initial = clusters[0]
            cluster_field.empty_label = None  # one of the release's, the first preselected
        self.fields["label"].queryset = Label.objects.select_related("body")


class AwardChoosing(RefusesWithReason):
    """What every step of the award chooser shares: who may use it, which awards it offers
    (those of the requested clusters), and how a chosen award is named. A refusal is the
    admin's 403 page, not Wagtail's redirect to the dashboard (a modal cannot follow it)."""

    filter_form_class = AwardSearchForm

    def dispatch(self, request, *args, **kwargs):
        if not award_permission_policy().user_has_any_permission(request.user, CHOOSING_ACTIONS):
            return refused(request, gettext("You may not choose awards."))
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        # Everyone's awards for editors and translators; a cluster team's own only.
        allowed = award_permission_policy().instances_user_has_any_permission_for(
            self.request.user, CHOOSING_ACTIONS
        )
        awards = with_approved_schedule(allowed.select_related("cluster", "label"))
        clusters = requested_clusters(self.request)
        if clusters:
            awards = awards.filter(cluster_id__in=clusters)
        return awards

    def get_display_title(self, instance):
        return award_summary(instance)

    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        policy = award_permission_policy()
        kwargs["clusters"] = requested_clusters(self.request)
        if isinstance(policy, ClusterTeamPolicy):
            # A cluster team creates awards for its own clusters only.
            kwargs["allowed_clusters"] = policy.clusters_for(self.request.user, "add")
        kwargs["for_user"] = self.request.user
        return kwargs


class AwardListing(AwardChoosing):
    @property
    def title_column(self):
        column = super().title_column
        column.label = field_label("label")
        column.accessor = "label"
        return column

    @property
    def columns(self):
        return [
            self.title_column,
            Column("cluster", label=_("Cluster")),
            Column("awarded_on", label=field_label("awarded_on")),
            Column("valid_until", label=_("Valid until")),
            Column("status", label=_("Validity"), accessor="get_status_display"),
            LiveStatusTagColumn(sort_key=None),
        ]


class AwardChooseView(AwardListing, ChooseView):
    pass


class AwardChooseResultsView(AwardListing, ChooseResultsView):
    pass


class AwardChosenView(AwardChoosing, SnippetChosenView):
    def get_object(self, pk):
        return self.get_object_list().get(pk=pk)


class AwardChosenMultipleView(AwardChoosing, SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=[pk for pk in pks if pk.isdigit()])


class AwardCreateView(AwardChoosing, SnippetCreateView):
    permission_denied_message = _("You may not create awards.")

    def save_form(self, form):
        """A draft with its first revision, logged as created: it goes live with the release."""
        create = action_registry.get_action_class(Award, "create")
        return create(form.instance, user=self.request.user, form=form).execute(
            skip_permission_checks=True  # the view has checked "add" (can_create)
        )


class AwardChooserViewSet(RecordChooserViewSet):
    choose_one_text = _("Choose award")
    choose_another_text = _("Choose another award")
    edit_item_text = _("Edit this award")
    choose_view_class = AwardChooseView
    choose_results_view_class = AwardChooseResultsView
    chosen_view_class = AwardChosenView
    chosen_multiple_view_class = AwardChosenMultipleView
    create_view_class = AwardCreateView
    creation_form_class = AwardCreationForm
    preserve_url_parameters = ["multiple", "cluster"]
    create_action_label = _("Create award")
