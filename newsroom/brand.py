"""The newsroom's brand name: one name per language, said the same everywhere.

The header, every ``<title>``, ``og:site_name``, the JSON-LD publisher of a release and the
author of every RSS/Atom feed all take it from :func:`brand_name`, so a reader never sees
one name in the header and another in a shared link or a feed reader.

The name is the translated msgid "Newsroom" (``settings.WAGTAIL_SITE_NAME``, the
English name; the termbase gives pl "Biuro prasowe", ru "Пресс-центр"). Wagtail's
``Site.site_name`` stays the English name: it names the site in the admin only.
"""

from django.utils import translation
from django.utils.translation import gettext


def brand_name(language=None):
    """The brand in `language` (default: the active language)."""
    if language is None:
        return gettext("Newsroom")
    with translation.override(language):
        return gettext("Newsroom")
