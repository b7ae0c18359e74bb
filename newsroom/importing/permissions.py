"""Who may import what: one policy for the admin screen and `manage.py import_releases --user`.

Importing adds pages and may add records, so it asks what the admin's own screens ask:
Wagtail's page permissions (a release goes under its cluster's page in its language, and
that page under the language's news index) and the record permissions (`add_cluster`;
`add_award`, or a cluster team's right to record its own cluster's awards). Updating a
release writes a revision onto it, so it needs the right to edit that page. A screen whose
user may import nowhere raises `PermissionDenied(reason)` and the user gets the 403 page
(newsroom.access); a file the user may not import is refused with a reason
(`import_refusal`), and nothing of it is written.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from newsroom.formatting import language_name
from newsroom.models.pages import ClusterNewsPage, NewsIndexPage
from newsroom.models.records import Award


def pages_to_import_under(user):
    """The news indexes and cluster pages under which `user` may add pages."""
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "add")
        .type(NewsIndexPage, ClusterNewsPage)
    )


def may_import(user):
    """The import screen (and its menu item) is for those who may add a release somewhere."""
    return user.is_active and pages_to_import_under(user).exists()


def may_add_release_under(parent, user):
    return parent.permissions_for_user(user).can_add_subpage()


def may_update_release(release, user):
    return release.permissions_for_user(user).can_edit()


def import_refusal(user, plan, *, publish=False):
    """Why `user` may not carry out `plan` (service.ImportPlan), in the active language;
    None when they may."""
    if plan.release is not None:
        permissions = plan.release.permissions_for_user(user)
        if not permissions.can_edit():
            return _("You may not edit the release “%(title)s”, which this file would update.") % {
                "title": plan.release.title
            }
        if publish and not permissions.can_publish():
            return _("You may not publish the release “%(title)s”.") % {"title": plan.release.title}
    else:
        place = {
            "page": plan.parent.title,
            "language": language_name(plan.locale.language_code, get_language()),
        }
        if not may_add_release_under(plan.parent, user):
            return (
                _(
                    "You may not add pages under “%(page)s” (%(language)s), "
                    "where this release would go."
                )
                % place
            )
        if publish and not plan.parent.permissions_for_user(user).can_publish_subpage():
            return _("You may not publish pages under “%(page)s” (%(language)s).") % place
    if plan.creates_cluster and not user.has_perm("newsroom.add_cluster"):
        return _(
            "The release names a new cluster, “%(cluster)s”, and you may not create clusters: "
            "choose an existing one."
        ) % {"cluster": plan.cluster_name}
    if plan.creates_award and not may_record_award(user, plan.cluster):
        return _(
            "The release announces an award that is not recorded yet (%(label)s), "
            "and you may not record awards."
        ) % {"label": plan.label}
    return None


def may_record_award(user, cluster):
    """Awards are added under the policy registered for them (newsroom.records.permissions):
    editors for any cluster, a cluster's team for its own."""
    policy = policy_registry.get_by_type(Award)
    if cluster is None or cluster.pk is None:
        return policy.user_has_permission(user, "add") and user.has_perm("newsroom.add_award")
    return policy.user_has_permission_for_instance(user, "add", Award(cluster=cluster))


def editable_releases(user, releases):
    """Those of `releases` (a PressReleasePage queryset) that `user` may edit."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return releases.filter(pk__in=editable.values("pk"))
