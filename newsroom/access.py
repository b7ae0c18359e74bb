"""One answer whenever the admin refuses someone: 403, on an admin page that says why.

Every newsroom admin screen (translation workflow, importer, hand-off) and every guard
in front of a third-party screen refuses the same way: a `PermissionDenied` raised with
a message, in the user's language, becomes a 403 response rendering that message. Wagtail's
own screens answer the same way: `refuse_for_wagtail` replaces Wagtail's "permission denied"
(a redirect to the dashboard with a message worded after leaving the user's language) and
says what the screen was for, so a translator who follows a link meant for a reviewer
learns what to do.

A leaf: imports only Django and Wagtail.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.localization import get_localized_response

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


# Why Wagtail refused, by the screen asked for: (URL namespace, URL name) → reason; a name
# alone stands for any namespace's screen of that name.
WAGTAIL_REASONS = {
    ("wagtailadmin_pages", "add_subpage"): gettext_lazy("You cannot add pages here."),
    ("wagtailadmin_pages", "add"): gettext_lazy("You cannot add pages here."),
    ("wagtailadmin_pages", "edit"): gettext_lazy("You cannot edit this page."),
    ("wagtailadmin_pages", "delete"): gettext_lazy("You cannot delete this page."),
    ("wagtailadmin_pages", "unpublish"): gettext_lazy("You cannot unpublish this page."),
    ("wagtailadmin_pages", "move"): gettext_lazy("You cannot move this page."),
    ("wagtailadmin_pages", "copy"): gettext_lazy("You cannot copy this page."),
    ("wagtailimages", None): gettext_lazy("You cannot add or change images."),
    ("wagtaildocs", None): gettext_lazy("You cannot add or change documents."),
    ("wagtailusers_users", None): gettext_lazy("Only administrators manage users."),
    ("wagtailusers_groups", None): gettext_lazy("Only administrators manage users."),
    (None, "add"): gettext_lazy("You cannot add records of this kind."),
    (None, "edit"): gettext_lazy("You cannot change this record."),
    (None, "delete"): gettext_lazy("You cannot delete this record."),
}


def wagtail_reason(request):
    """Why a Wagtail screen refused `request`, from the screen it asked for ("" if unknown)."""
    match = request.resolver_match
    if match is None:
        return ""
    namespace = match.namespaces[-1] if match.namespaces else None
    for key in ((namespace, match.url_name), (namespace, None), (None, match.url_name)):
        if key in WAGTAIL_REASONS:
            return WAGTAIL_REASONS[key]
    return ""


def refuse_for_wagtail(request):
    """Stands in for `wagtail.admin.auth.permission_denied` (see `NewsroomConfig.ready`):
    the 403 page, in the user's admin language, saying what the screen was for.

    Wagtail calls it after leaving the user's language, so the page is rendered in it again.
    Scripts (XMLHttpRequest) get a bare PermissionDenied, as from Wagtail.
    """
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return get_localized_response(lambda req: refused(req, wagtail_reason(req)), request)
