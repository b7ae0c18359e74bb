"""Wiring only: each capability's admin screens, registered with Wagtail."""

from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from newsroom.importing import views as import_views
from newsroom.importing.facts import level_named_without_award
from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Award, Cluster, Label
from newsroom.records.permissions import AwardPolicy, ClusterPolicy
from newsroom.records.viewsets import CertificationViewSetGroup
from newsroom.translating.views import dashboard
from newsroom.translating.views.records import RecordWorkPanel
from newsroom.translating.views.viewset import TranslationsViewSet

# Before the viewsets: their screens and the award chooser ask these policies.
register_permission_policy(Cluster, ClusterPolicy(Cluster))
register_permission_policy(Award, AwardPolicy(Award))
register_snippet(CertificationViewSetGroup)


@hooks.register("register_admin_viewset")
def register_importer():
    return import_views.ImportViewSet()


@hooks.register("register_admin_viewset")
def register_translations_viewset():
    """The translation workflow: matrix, request, review, scheduling, changes, hand-off."""
    return TranslationsViewSet()


@hooks.register("construct_homepage_panels")
def add_record_work_panel(request, panels):
    """Translators find the record texts their language's releases wait for."""
    panels.append(RecordWorkPanel(request.user))


@hooks.register("construct_homepage_panels")
def bound_review_panels(request, panels):
    """Wagtail's review panels, showing the newest rows only (they listed every workflow)."""
    panels[:] = [dashboard.bounded(panel) for panel in panels]


@hooks.register("insert_global_admin_css")
def newsroom_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("newsroom/admin.css"))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_a_label_announced_without_its_award(request, page):
    """A release whose text names a label but links no award is saved, with a warning."""
    if not isinstance(page, PressReleasePage):
        return
    level = level_named_without_award(page)
    if level is not None:
        messages.warning(
            request,
            _(
                "The text names a label (%(level)s) but the release announces no award: it "
                "will have no award card and will be missing from level pages and filters. "
                "Under “%(section)s”, press “%(add)s” to choose the award, or create it there."
            )
            % {
                "level": Label.Level(level).label,
                "section": _("What it announces"),
                "add": _("Add award"),
            },
        )
