"""The Content-Security-Policy of every answer: strict for readers, looser for the admin.

Public pages (and feeds, search, sitemap, documents) get `CONTENT_SECURITY_POLICY`: only
this site's own scripts, styles, images and fonts, no `'unsafe-inline'`, no plugins, no
framing by other sites. Our public templates have no inline script or style to allow; the
JSON-LD block (`<script type="application/ld+json">`) is a data block, which browsers never
execute and CSP does not check, so it needs no nonce. A template that adds an executable
inline `<script>` must give it `nonce="{{ request.csp_nonce }}"`; the header then carries it.

Wagtail's admin (its own templates, panels and widgets) still writes inline `<script>`
blocks and `style` attributes, so under the admin's address it gets
`NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY` instead (see cms/settings/base.py for what it
allows and why). A leaf: imports nothing from newsroom.
"""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.urls import reverse


class NewsroomCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin's address."""

    _admin_prefix = None

    def admin_prefix(self):
        if self._admin_prefix is None:
            type(self)._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or not request.path_info.startswith(self.admin_prefix()):
            return parts
        # A nonce would make browsers ignore the admin's 'unsafe-inline': never send one there.
        return PolicyParts(
            config=parts.config or settings.NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
            update=parts.update,
            replace=parts.replace,
            nonce=None,
        )
