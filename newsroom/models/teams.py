"""A cluster's communication team: the people who write and keep its news.

Each cluster with a news page has one team, a Wagtail group ("Cluster team: <slug>") that
may add and edit pages under the cluster's news page in every language, change the
cluster's own record and add and change its awards, and nothing of another cluster.
Granted by newsroom.records.teams; enforced by newsroom.records.permissions.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.models.records import Cluster


class ClusterTeam(models.Model):
    cluster = models.OneToOneField(
        Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="team"
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="cluster_team"
    )

    class Meta:
        verbose_name = _("cluster team")
        verbose_name_plural = _("cluster teams")

    def __str__(self):
        return self.group.name


def team_cluster_ids(user):
    """The pks of the clusters whose teams `user` is in (cached on the user object, which
    lives for one request)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_team_cluster_ids", None)
    if cached is None:
        cached = frozenset(
            ClusterTeam.objects.filter(group__user=user).values_list("cluster_id", flat=True)
        )
        user._team_cluster_ids = cached
    return cached
