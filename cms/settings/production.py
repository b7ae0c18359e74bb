"""Production: everything comes from the environment; refuses to start without a secret key."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

# Production never runs with DEBUG: a DEBUG left in the environment or .env is an error,
# not a silent downgrade of safety.
if os.environ.get("DEBUG", "").lower() not in ("", "0", "false", "no", "off"):
    raise ImproperlyConfigured(
        "DEBUG is set in the environment, but production settings never run with DEBUG. "
        "Remove it, or use cms.settings.dev on a development machine."
    )
DEBUG = False
# load_initial_data creates no demo users (their passwords are public in the README).
NEWSROOM_DEMO_USERS = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated) in the environment.")

# Every link in an email (Wagtail's workflow notifications, the translators' letters) starts
# with this address: WAGTAILADMIN_BASE_URL, else https:// and the first named host of
# ALLOWED_HOSTS, never base.py's development address.
_concrete_hosts = [h for h in ALLOWED_HOSTS if h != "*" and not h.startswith(".")]  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/") or (
    f"https://{_concrete_hosts[0]}" if _concrete_hosts else ""
)
if (
    urlsplit(WAGTAILADMIN_BASE_URL).scheme not in ("http", "https")
    or not urlsplit(WAGTAILADMIN_BASE_URL).netloc
):
    raise ImproperlyConfigured(
        "Set WAGTAILADMIN_BASE_URL to the site's address (https://news.example.org): "
        "the links in emails start with it."
    )

CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Hashed, compressed copies made by `manage.py collectstatic`, served by the application
# itself (WhiteNoise, right after the security middleware), so gunicorn alone serves them.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The caches in front (nginx, deploy/nginx.conf) forget a page's address when the page is
# published or unpublished: Wagtail's front-end cache sends "PURGE <path>" to each address
# in FRONTEND_CACHE_PURGE_URL (comma-separated, one per nginx: http://127.0.0.1:8081 is where
# deploy/nginx.conf takes them). Each page is purged under its own address only; its
# translations have their own, purged when they are published.
FRONTEND_CACHE_PURGE_URLS = [
    url.strip() for url in os.environ.get("FRONTEND_CACHE_PURGE_URL", "").split(",") if url.strip()
]
if FRONTEND_CACHE_PURGE_URLS:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        f"nginx-{number}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
        for number, url in enumerate(FRONTEND_CACHE_PURGE_URLS)
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = []
