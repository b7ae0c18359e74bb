"""Announcing awards from the release editor: the widget of its "awards announced" field.

The awards a release announces are many, and the stock chooser widget holds one: this widget
lists the chosen awards (each with "Remove") and opens the award chooser (a modal, see
newsroom/records/choosers.py) with "Add award", limited to the clusters ticked in the same form
(else the cluster the release is filed under). It posts the chosen awards as a list of pks,
as the checkbox list did, so `PressReleaseForm` keeps validating them against the awards it
offers. The chooser is reached by its URL name, so this module imports nothing above models.
"""

from django import forms
from django.db.models import Model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.staticfiles import versioned_static

from newsroom.formatting import iso_date
from newsroom.models.records import Award

AWARD_CHOOSER_URL_NAME = "wagtailsnippetchoosers_newsroom_award:choose"


def award_summary(award):
    """An award as the editor picks it: label, cluster, dates, validity, draft or live."""
    values = {
        "label": award.label,
        "cluster": award.cluster,
        "awarded_on": iso_date(award.awarded_on),
        "valid_until": iso_date(award.valid_until),
        "validity": award.get_status_display(),
        "state": gettext("live") if award.live else gettext("draft"),
    }
    if award.valid_until:
        text = gettext(
            "%(label)s, %(cluster)s: awarded %(awarded_on)s, valid until %(valid_until)s "
            "(%(validity)s, %(state)s)"
        )
    else:
        text = gettext(
            "%(label)s, %(cluster)s: awarded %(awarded_on)s, open-ended (%(validity)s, %(state)s)"
        )
    return text % values


class AwardsChooser(forms.Widget):
    """The chosen awards, "Remove" on each, and "Add award" opening the award chooser.

    `default_clusters` (pks) are those the chooser lists when no cluster is ticked in the
    form's `clusters_field`; `PressReleaseForm` sets them to the parent page's cluster.
    """

    template_name = "newsroom/admin/awards_chooser.html"

    def __init__(self, attrs=None, clusters_field="clusters", default_clusters=()):
        super().__init__(attrs)
        self.clusters_field = clusters_field
        self.default_clusters = list(default_clusters)

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            return data.getlist(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # As a multiple select: nothing posted means no award chosen, not "field left out".
        return False

    def format_value(self, value):
        if value is None or value == "":
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        return [str(item.pk if isinstance(item, Model) else item) for item in value]

    def chosen_awards(self, pks):
        pks = [pk for pk in pks if pk.isdigit()]
        if not pks:
            return []
        awards = {
            str(award.pk): award
            for award in Award.objects.filter(pk__in=pks).select_related("label", "cluster")
        }
        url_finder = AdminURLFinder()
        return [
            {
                "id": pk,
                "title": award_summary(awards[pk]),
                "edit_url": url_finder.get_edit_url(awards[pk]) or "",
            }
            for pk in dict.fromkeys(pks)
            if pk in awards
        ]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["chosen"] = self.chosen_awards(context["widget"]["value"])
        context["chooser_url"] = reverse(AWARD_CHOOSER_URL_NAME)
        context["clusters_field"] = self.clusters_field
        context["default_clusters"] = ",".join(str(pk) for pk in self.default_clusters)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates, not only the form renderer's (Django's and the apps').
        return render_to_string(self.template_name, self.get_context(name, value, attrs))

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                versioned_static("newsroom/awards-chooser.js"),
            ]
        )
