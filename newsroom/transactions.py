"""Each write through the admin happens whole or not at all.

Wagtail's admin publishes a page in several steps (the page row, its revision, the log,
then `page_published`, on which the awards a release announces go live) without a
transaction of its own. Run inside one, a failure at any step leaves the release and its
awards as they were: never a live release whose award is still a draft, or the reverse.
"""

from django.db import transaction
from django.urls import reverse


class AtomicAdminWritesMiddleware:
    """Wraps every POST to Wagtail's admin (publish, approve, bulk actions, snippets) in one
    database transaction. Reads, and everything public, are left alone."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def admin_prefix(self):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def __call__(self, request):
        if request.method != "POST" or not request.path.startswith(self.admin_prefix()):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            # Django has already turned a view's exception into a 500 response by now.
            if response.status_code >= 500:
                transaction.set_rollback(True)
            return response
