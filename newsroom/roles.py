"""Per-language roles: translators and reviewers, each bound to their language's page tree.

A translator adds and edits pages in their language's tree only and cannot publish;
a reviewer of that language may also publish there. Both may open the admin and edit
records (field-level limits per language are a later step of the translation workflow).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

RECORD_PERMISSIONS = [
    "change_cluster",
    "change_award",
    "change_label",
    "change_certificationbody",
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
    for code, _name in settings.LANGUAGES:
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
    return groups
