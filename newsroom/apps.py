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

    def ready(self):
        from wagtail.signals import page_published

        from newsroom.models.pages import PressReleasePage, publish_announced_awards
        from newsroom.translating import signals

        page_published.connect(
            publish_announced_awards,
            sender=PressReleasePage,
            dispatch_uid="newsroom_awards_go_live_with_their_release",
        )
        signals.connect(self)
