from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsroom"
    verbose_name = _("Newsroom")

    def import_models(self):
        # newsroom.models is a package that re-exports nothing (see its docstring), so the
        # modules defining models are loaded here, when Django loads each app's models.
        super().import_models()
        import_module("newsroom.models.records")
        import_module("newsroom.models.pages")
        import_module("newsroom.models.teams")
        import_module("newsroom.models.batches")

    def ready(self):
        from wagtail.signals import page_published

        from newsroom.models.pages import (
            ClusterNewsPage,
            PressReleasePage,
            publish_records_with_page,
        )
        from newsroom.records import teams
        from newsroom.translating import signals

        for page_type in (PressReleasePage, ClusterNewsPage):
            page_published.connect(
                publish_records_with_page,
                sender=page_type,
                dispatch_uid=f"newsroom_records_go_live_with_{page_type.__name__}",
            )
        signals.connect(self)
        teams.connect()
