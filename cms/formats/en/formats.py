"""English as British English in Django's formats (the admin's dates, `|date`): "5 Mar 2024",
as newsroom.formatting writes English dates on public pages ("5 March 2024")."""

from django.conf.locale.en_GB.formats import *  # noqa: F403
