from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from newsroom import notifications, roles
        from newsroom.models import HomePage

        notifications.connect_signals()
        post_save.connect(roles.bind_roles_to_new_home, sender=HomePage)
        post_migrate.connect(roles.ensure_roles_after_migrate, sender=self)
