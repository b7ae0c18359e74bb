"""WSGI entry point (`gunicorn cms.wsgi`): production settings unless told otherwise.

Reads `.env` like manage.py, so a deployment configured there runs as configured; the
production settings refuse to start without a secret key and allowed hosts, and with DEBUG.
"""

import os

from django.core.wsgi import get_wsgi_application

from cms.env import load_env

load_env()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
