"""Per-language roles: translators and reviewers, each bound to their language's page tree.

A translator adds and edits pages in their language's tree only and cannot publish;
a reviewer of that language may also publish there. Both may open the admin and edit
records. Every language's tree also gets its own review workflow ("Review (ru)"), whose
single task only that language's reviewers approve: translations are reviewed by their
language's reviewers, and a source release by the reviewers of its own language.

Above the languages stand three editorial roles, each a deliberate grant made here:

- **Editors-in-chief** may do everything but administer people: every page permission on
  the root of all language trees (so add, edit, publish, lock and delete anywhere), every
  record permission, wagtail-localize's "Translate", media, and a seat on every language's
  review task. They hold no `auth` permission: users and groups stay with the superusers.
- **Moderators** (Wagtail's group) are the chief editor's deputies: they add, edit,
  publish, lock and delete pages in every language, and "Publish" in the page editor puts
  a page live without the language's review. That is on purpose: they answer for what
  they publish, as the chief editor does; the language review is for translators' and
  editors' work. A page already submitted for review is locked to them (Wagtail's
  approval task lock) until its reviewers, or an editor-in-chief, decide; an
  editor-in-chief publishing it from the editor cancels the review.
- **Editors** (Wagtail's group) add and edit pages everywhere and keep the records, but
  publish nothing of the page tree: their pages go through the language review.
"""

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from newsroom.languages import site_languages
from newsroom.models.pages import HomePage
from newsroom.models.records import Award, Cluster

RECORD_PERMISSIONS = [
    "change_cluster",
    "change_award",
    "change_label",
    "change_certificationbody",
    "change_releasetag",
]
PAGE_PERMISSIONS = {
    "translators": ["add", "change"],
    "reviewers": ["add", "change", "publish"],
}


def group_name(role, language_code):
    """ "Translators (ru)", "Reviewers (pl)"…: plain and stable, since code refers to them."""
    return f"{role.capitalize()} ({language_code})"


def ensure_language_roles(homes):
    """Create the groups for every language and bind them to `homes` ({code: HomePage}).

    Safe to run again: existing groups and grants are kept, missing ones are added.
    """
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    record_permissions = list(
        Permission.objects.filter(
            content_type__app_label="newsroom", codename__in=RECORD_PERMISSIONS
        )
    )
    groups = {}
    chiefs = ensure_editors_in_chief()
    for code in site_languages():
        for role, page_permissions in PAGE_PERMISSIONS.items():
            group, _created = Group.objects.get_or_create(name=group_name(role, code))
            group.permissions.add(access_admin, *record_permissions)
            home = homes.get(code)
            if home is not None:
                for permission_type in page_permissions:
                    if not GroupPagePermission.objects.filter(
                        group=group, page=home, permission__codename=f"{permission_type}_page"
                    ).exists():
                        GroupPagePermission.objects.create(
                            group=group, page=home, permission_type=permission_type
                        )
            groups[(role, code)] = group
        home = homes.get(code)
        if home is not None:
            ensure_review_workflow(home, groups[("reviewers", code)], code, chiefs)
    ensure_editorial_record_permissions()
    return groups


EDITORS_IN_CHIEF = "Editors-in-chief"
EDITORIAL_GROUPS = ("Editors", "Moderators", EDITORS_IN_CHIEF)
# Administering people is the superusers' alone: users, groups and their grants.
NOT_FOR_CHIEFS = ("auth", "wagtailusers", "axes", "admin", "contenttypes", "sessions")
GRANT_MODELS = ("grouppagepermission", "groupcollectionpermission")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image", "delete_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document", "delete_document"),
}


def ensure_editors_in_chief():
    """The "Editors-in-chief" group: everything but administering people (see above)."""
    group, _created = Group.objects.get_or_create(name=EDITORS_IN_CHIEF)
    group.permissions.add(
        *Permission.objects.exclude(content_type__app_label__in=NOT_FOR_CHIEFS).exclude(
            content_type__model__in=GRANT_MODELS
        )
    )
    root = Page.get_first_root_node()
    if root is not None:
        page_permissions = Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page)
        )
        granted = set(
            GroupPagePermission.objects.filter(group=group, page=root).values_list(
                "permission_id", flat=True
            )
        )
        for permission in page_permissions:
            if permission.pk not in granted:
                GroupPagePermission.objects.create(group=group, page=root, permission=permission)
    collection = Collection.get_first_root_node()
    if collection is not None:
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
    return group


RECORD_MODELS = ("cluster", "award", "label", "certificationbody", "releasetag", "mediacontact")


def _publishing():
    # Records with a publication state: published, locked and unlocked like pages.
    for model in (Cluster, Award):
        for action in ("publish", "lock", "unlock"):
            yield model, action


def ensure_snippet_permission(model, action):
    """The codename of Wagtail's extra snippet permission (publish_award, lock_cluster…),
    created here if missing: Wagtail creates it after `migrate` has run this app's roles."""
    codename = get_permission_codename(action, model._meta)
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(model),
        codename=codename,
        defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
    )
    return codename


def ensure_editorial_record_permissions():
    """Wagtail's Editors and Moderators keep the records: add, change and delete them;
    publish an award or a cluster's profile on its own (one a page makes public goes live
    with the page), and lock and unlock them while they work on one."""
    codenames = [
        f"{action}_{model}" for action in ("add", "change", "delete") for model in RECORD_MODELS
    ]
    codenames += [ensure_snippet_permission(model, action) for model, action in _publishing()]
    permissions = list(
        Permission.objects.filter(content_type__app_label="newsroom", codename__in=codenames)
    )
    for group in Group.objects.filter(name__in=EDITORIAL_GROUPS):
        group.permissions.add(*permissions)


def review_workflow_name(language_code):
    return f"Review ({language_code})"


def ensure_review_workflow(home, reviewers, language_code, chiefs=None):
    """The language's review workflow, assigned to its home page (so its whole tree); its
    task is the language's reviewers' and the editors-in-chief's (`chiefs`)."""
    name = review_workflow_name(language_code)
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.add(reviewers)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if chiefs is not None:
        for task in GroupApprovalTask.objects.filter(name=name):
            task.groups.add(chiefs)
    # An existing assignment is kept: the team may have chosen another workflow since.
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def bind_roles_to_new_home(sender, instance, created, raw=False, **kwargs):
    """A language's home page created in the admin gets its groups and review workflow."""
    if created and not raw:
        ensure_language_roles({instance.locale.language_code: instance})


def ensure_roles_after_migrate(sender, **kwargs):
    """`migrate` creates the groups on any site, bound to the language homes it already has."""
    # newsroom's turn comes before the apps listed after it have their permissions, which
    # the editors-in-chief hold too.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=kwargs.get("using", "default"))
    homes = {}
    for home in HomePage.objects.select_related("locale").order_by("depth", "pk"):
        homes.setdefault(home.locale.language_code, home)
    ensure_language_roles(homes)
