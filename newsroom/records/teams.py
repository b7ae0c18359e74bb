"""Cluster teams kept in step with the page tree.

A cluster's news page, in any language, is its team's room: when one is created (by an
editor, the importer, a translation or the demo) the cluster's team is created if needed
and given the right to add and edit pages under it. Moving a page keeps its grants (they
belong to the page); a page filed under another cluster changes teams.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save

from wagtail.models import GroupPagePermission

from newsroom.models.pages import ClusterNewsPage
from newsroom.models.teams import ClusterTeam

TEAM_PAGE_PERMISSIONS = ("add", "change")


def team_group_name(cluster):
    """Plain and stable ("Cluster team: lifescience-krakow"): administrators add people to it."""
    return f"Cluster team: {cluster.slug}"


def ensure_cluster_team(cluster):
    team = ClusterTeam.objects.filter(cluster=cluster).select_related("group").first()
    if team is None:
        group, _created = Group.objects.get_or_create(name=team_group_name(cluster))
        access_admin = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).first()
        if access_admin is not None:
            group.permissions.add(access_admin)
        team = ClusterTeam.objects.create(cluster=cluster, group=group)
    return team


def grant_team_its_page(page):
    """The team of `page`'s cluster may add and edit under `page`; no other team may."""
    if not page.cluster_id:
        return
    team = ensure_cluster_team(page.cluster)
    GroupPagePermission.objects.filter(page=page, group__cluster_team__isnull=False).exclude(
        group=team.group
    ).delete()
    existing = set(
        GroupPagePermission.objects.filter(page=page, group=team.group).values_list(
            "permission__codename", flat=True
        )
    )
    for permission_type in TEAM_PAGE_PERMISSIONS:
        if f"{permission_type}_page" not in existing:
            GroupPagePermission.objects.create(
                group=team.group, page=page, permission_type=permission_type
            )


def _cluster_page_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        grant_team_its_page(instance)


def connect():
    post_save.connect(
        _cluster_page_saved, sender=ClusterNewsPage, dispatch_uid="newsroom_cluster_teams"
    )
