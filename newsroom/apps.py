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
        import_module("newsroom.models.contacts")

    def ready(self):
        from django.db.models.signals import post_delete

        from wagtail.admin import auth as wagtail_admin_auth
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, post_page_move

        from newsroom import page_cache
        from newsroom.access import refuse_for_wagtail
        from newsroom.models.pages import (
            ClusterNewsPage,
            PressReleasePage,
            on_page_moved,
            on_privacy_lifted,
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
        # A private page's records wait until it is public (or another page makes them so).
        post_delete.connect(
            on_privacy_lifted,
            sender=PageViewRestriction,
            dispatch_uid="newsroom_records_go_live_when_page_made_public",
        )
        post_page_move.connect(on_page_moved, dispatch_uid="newsroom_records_follow_moved_page")
        signals.connect(self)
        teams.connect()
        page_cache.connect()
        # Wagtail's screens refuse like ours: a 403 page in the user's language saying why.
        # Its decorators (`user_passes_test`, `require_admin_access`) look the name up in
        # their module at each call, so replacing it there reaches every Wagtail screen.
        wagtail_admin_auth.permission_denied = refuse_for_wagtail
