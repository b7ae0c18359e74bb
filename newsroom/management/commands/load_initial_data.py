from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from newsroom.demo.builders import DEMO_USERS, build_demo_site
from newsroom.translating.notifications import translator_notifications_suppressed


class Command(BaseCommand):
    help = (
        "Create the demo newsroom: certification records, the Polish/English/Russian "
        "page tree with two press releases, and users to try the admin. Safe to run again."
    )

    def handle(self, *args, **options):
        # The demo's translations are complete when made: nobody needs to be asked for them.
        with_users = settings.NEWSROOM_DEMO_USERS
        with transaction.atomic(), translator_notifications_suppressed():
            created_users = build_demo_site(with_users=with_users)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        if not with_users:
            self.stdout.write(
                "  No demo users: these settings do not allow them (production). "
                "Create an administrator with `manage.py createsuperuser`."
            )
        for username, password, _groups, _superuser in DEMO_USERS:
            if username in created_users:
                self.stdout.write(f"  created user {username} (password: {password})")
