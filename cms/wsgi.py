"""WSGI entry point (`gunicorn cms.wsgi`): production settings unless told otherwise.

Reads `.env` like manage.py, so a deployment configured there runs as configured; the
production settings refuse to start without a secret key and allowed hosts, and with DEBUG.
Each worker loads the search stemmers as it starts (with `gunicorn --preload`, the master
loads them once and its workers share them).
"""

import os

from django.core.wsgi import get_wsgi_application

from cms.env import load_env

load_env()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from newsroom.languages import site_languages  # noqa: E402 - needs the settings above
from newsroom.stemming import load_stemmers  # noqa: E402

load_stemmers(site_languages())
