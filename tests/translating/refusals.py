"""How the translation workflow's screens refuse: a 403 admin page that says why."""

from django.utils import translation
from django.utils.html import escape


def assert_refused_with(response, message, language="pl"):
    """`response` is the 403 page showing `message` (an msgid), in the admin's language.

    Users without a preferred language get the admin in the site's default, Polish.
    """
    assert response.status_code == 403
    with translation.override(language):
        expected = translation.gettext(message)
    assert escape(expected) in response.content.decode()
    assert response.templates[0].name == "newsroom/admin/refused.html"
