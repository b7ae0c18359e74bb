"""The framework floor: one Django view answering a few bytes, under the bench's gunicorn.

- BENCH_FLOOR=bare (`gunicorn bench.floor:application`): Django alone, no apps, no
  middleware: the least a Django response costs;
- BENCH_FLOOR=stack (`gunicorn cms.wsgi` with bench.settings): the site's production
  settings and middleware, with this module as the URLconf instead of the site's.

Only the bench serves it: the product's URLconf has no such view.
"""

import os

from django.http import HttpResponse
from django.urls import path

BODY = b"<!doctype html><html lang=en><title>floor</title><p>Hello.</p></html>\n"


def hello(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", hello)]

if os.environ.get("BENCH_FLOOR") == "stack":
    # The site's middleware reverses the site's URLs (the admin's prefix, for its CSP).
    from cms.urls import urlpatterns as site_urlpatterns

    urlpatterns += site_urlpatterns

if os.environ.get("BENCH_FLOOR", "bare") == "bare" and not os.environ.get("DJANGO_SETTINGS_MODULE"):
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-floor-only",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[],
        MIDDLEWARE=[],
        USE_I18N=False,
    )
    application = get_wsgi_application()
