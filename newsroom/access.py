"""One answer whenever the admin refuses someone: 403, on an admin page that says why.

Every newsroom admin screen (translation workflow, importer, hand-off) and every guard
in front of a third-party screen refuses the same way: a `PermissionDenied` raised with
a message, in the user's language, becomes a 403 response rendering that message. Wagtail's
own screens keep Wagtail's answer (a redirect to the dashboard); ours say what is not
allowed and why, so a translator who follows a link meant for a reviewer learns what to do.

A leaf: imports only Django.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

TEMPLATE = "newsroom/admin/refused.html"


def refused(request, message=""):
    """The 403 response: an admin page with `message` (a generic one when empty)."""
    response = TemplateResponse(
        request,
        TEMPLATE,
        {
            "message": str(message) or _("You do not have permission to do this."),
            "page_title": _("Not allowed"),
            "header_title": _("Not allowed"),
            "header_icon": "warning",
        },
        status=403,
    )
    # Rendered here, so middleware (and tests) see the final page.
    return response.render()


class RefusesWithReason:
    """A view mixin: `PermissionDenied` raised while handling a request becomes `refused()`.

    Put it first among the bases, so it also catches what Wagtail's permission mixins raise.
    Raise `PermissionDenied(message)` to say why; `permission_denied_message` says it otherwise.
    """

    permission_denied_message = ""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as denial:
            return refused(request, str(denial) or self.permission_denied_message)
