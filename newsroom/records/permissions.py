"""Who may do what to which record: Django's model permissions, plus cluster teams.

Editors, moderators, translators and reviewers hold model permissions and act on every
record (translators only on their languages' fields: newsroom.translating.records). A
cluster team's members hold none: they change their own cluster's record and add and
change its awards, and see no other cluster's. Every path asks these policies (registered
for the models in the wiring): the snippet listings and object screens (with the guard
below), the award chooser and the release editor's awards.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.utils.translation import gettext as _

from wagtail.admin.localization import get_localized_response
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from newsroom.access import refused
from newsroom.models.teams import team_cluster_ids


class ClusterTeamPolicy(ModelPermissionPolicy):
    """Model permissions, and for team members `team_actions` on their clusters' records."""

    team_actions = frozenset()
    cluster_field = "cluster_id"

    def cluster_of(self, instance):
        return getattr(instance, self.cluster_field)

    def holds_model_permission(self, user, action):
        return super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        return self.holds_model_permission(user, action) or (
            action in self.team_actions and bool(team_cluster_ids(user))
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if self.holds_model_permission(user, action):
            return True
        return action in self.team_actions and self.cluster_of(instance) in team_cluster_ids(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if any(self.holds_model_permission(user, action) for action in actions):
            return queryset
        if not set(actions) & self.team_actions:
            return queryset.none()
        return queryset.filter(**{f"{self.cluster_field}__in": team_cluster_ids(user)})

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def clusters_for(self, user, action):
        """The clusters whose records `user` may `action`: all, or their teams'."""
        Cluster = apps.get_model("newsroom", "Cluster")
        if self.holds_model_permission(user, action):
            return Cluster.objects.all()
        if action not in self.team_actions:
            return Cluster.objects.none()
        return Cluster.objects.filter(pk__in=team_cluster_ids(user))


class ClusterPolicy(ClusterTeamPolicy):
    team_actions = frozenset({"change", "view"})
    cluster_field = "pk"


class AwardPolicy(ClusterTeamPolicy):
    team_actions = frozenset({"add", "change", "view"})


def team_policy_for(model):
    policy = policy_registry.get_by_type(model)
    return policy if isinstance(policy, ClusterTeamPolicy) else None


class RecordScreensNeedTheirTeam:
    """Middleware: Wagtail's snippet screens of one record (edit, history, revisions,
    previews, usage, delete, lock, chosen…) check only model permissions; for records under
    a team policy, they also need the user's permission on that record."""

    NAMESPACES = ("wagtailsnippets_newsroom_", "wagtailsnippetchoosers_newsroom_")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        pk = view_kwargs.get("pk")
        if match is None or pk is None or not match.namespace.startswith(self.NAMESPACES):
            return None
        if not request.user.is_authenticated:
            return None  # Wagtail sends them to the login page
        model_name = match.namespace.rsplit("_", 1)[-1]
        try:
            model = apps.get_model("newsroom", model_name)
        except LookupError:
            return None
        policy = team_policy_for(model)
        if policy is None:
            return None
        if not team_cluster_ids(request.user):
            # Not in a team: model permissions decide, and Wagtail refuses without them.
            return None
        record = model._default_manager.filter(pk=unquote(str(pk))).first()
        if record is None or policy.user_has_any_permission_for_instance(
            request.user, ["change", "view", "delete", "publish"], record
        ):
            return None
        # In the user's admin language, as the screen itself would answer.
        return get_localized_response(self.refuse, request)

    @staticmethod
    def refuse(request):
        return refused(request, _("This record belongs to another cluster's team."))
