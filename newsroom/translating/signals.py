"""The workflow's signal receivers, connected once when the app is ready."""

from django.db.models.signals import post_migrate, post_save

from wagtail.signals import page_published
from wagtail_localize.models import Translation

from newsroom.models.pages import HomePage
from newsroom.translating import notifications, roles


def connect(app_config):
    post_save.connect(
        notifications.on_translation_saved,
        sender=Translation,
        dispatch_uid="newsroom_translation_requested",
    )
    page_published.connect(
        notifications.on_page_published, dispatch_uid="newsroom_translation_outdated"
    )
    notifications.connect_workflow_emails()
    post_save.connect(roles.bind_roles_to_new_home, sender=HomePage)
    post_migrate.connect(roles.ensure_roles_after_migrate, sender=app_config)
