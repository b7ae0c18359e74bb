"""Settings shared by every environment; the others import from here."""

import datetime
import os
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    # modeltranslation patches the admin forms, so it must load before the apps using them.
    "modeltranslation",
    "newsroom",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Throttles password guessing on the admin login (see AXES_* below).
    "axes",
    # Content-Security-Policy headers (newsroom/content_security.py).
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its views and templates serve /sitemap.xml (newsroom/reading/sitemap.py).
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ETag on every answer; 304 when the browser already has it (cached pages too).
    "django.middleware.http.ConditionalGetMiddleware",
    # Readers' pages from the cache; outside the rest, so a stored page keeps their headers.
    "newsroom.page_cache.AnonymousPageCache",
    # A reader's request reads the pages' view restrictions once (newsroom/privacy.py).
    "newsroom.privacy.RestrictionsOncePerRequest",
    # Content-Security-Policy on every answer: the public one, or the admin's under /admin/.
    "newsroom.content_security.NewsroomCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix, else the browser.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "newsroom.translating.guards.TranslationShortcutsNeedPublishPermission",
    "newsroom.records.permissions.RecordScreensNeedTheirTeam",
    # Wagtail's page view password form, throttled like the admin login (AXES_* below).
    "newsroom.reading.passwords.PagePasswordThrottle",
    # Last: the admin's writes (and the guards' checks) run in one transaction each.
    "newsroom.transactions.AtomicAdminWritesMiddleware",
    # django-axes wants to be last: it answers a locked-out login itself.
    "axes.middleware.AxesMiddleware",
]

# django-axes: 5 wrong passwords for one username from one address lock that pair out for
# 15 minutes (429, a page in the user's language); a right password resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "newsroom/locked_out.html"
AXES_VERBOSE = False

# Content-Security-Policy (django-csp). Readers' pages: this site's own files only, no inline
# script or style at all (an executable inline <script> needs nonce="{{ request.csp_nonce }}",
# and the header then names it), no plugins, <base> and form targets on this site, and no
# framing by other sites (the admin's preview frames pages from its own address).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's admin (/admin/) still renders inline <script> blocks (inline panels, date and time
# widgets, wagtail-localize's editor start-up) and style="" attributes in its own templates, so
# script-src and style-src allow 'unsafe-inline' there, and nowhere else. Everything else stays
# on this site: scripts, styles and fonts from its static files; images also as data: and blob:
# (the image uploader's previews, the rich-text editor's icons); XHR/fetch only to this site
# (choosers, editing sessions, previews); frames only from this site (the live preview panel).
# No eval, no plugins, no third-party hosts: hence no Gravatar pictures and no update check.
NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.reading.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (postgres://…) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's planner assumes spinning disks (random_page_cost 4) and then reads every
    # search index entry rather than the GIN index; 1.1 is the usual value for SSDs and a
    # database that fits in memory. DATABASE_RANDOM_PAGE_COST changes it.
    # JIT compilation pays off on long analytical queries; the admin's counting queries (the
    # translation matrix, the record work list) cross its cost threshold at a few thousand
    # releases and then spend more time compiling (200-300 ms) than running, so it is off.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={float(os.environ.get('DATABASE_RANDOM_PAGE_COST', '1.1'))}"
        " -c jit=off"
    )

# REDIS_URL switches the cache to Redis (Django's own backend, no extra library needed).
# "pages" holds readers' pages (newsroom/page_cache.py) and must be shared by every app
# process, so that a publish in one drops the pages all of them serve: Redis, else files.
if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"newsroom.{alias}",
        }
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
# How long a reader's page is kept (a change drops it sooner); 0 turns the cache off.
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Polish is the default; all three are first-class.
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", _("Polish")),
    ("en", _("English")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates and numbers are British (en_GB), in the admin as on public pages.
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
# Slugs are ASCII in every language: the admin's slug field transliterates as it is typed,
# and every save makes a slug of its own title in its language (newsroom/models/page_slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A requested translation starts as a draft: with the default (True) wagtail-localize would
# publish the untranslated copy at once when the source is live, before any review.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# django-modeltranslation: records carry name_pl, name_en, name_ru…; a reader whose
# language is still empty sees English, then Polish, rather than nothing.
MODELTRANSLATION_DEFAULT_LANGUAGE = "pl"
MODELTRANSLATION_LANGUAGES = ("pl", "en", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "pl"),
    "en": ("pl",),
}

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = os.environ.get("STATIC_ROOT", BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Newsroom"
# Concurrent editing: the edit screens tell each editor who else has the page or record open
# and when someone saved a newer version (Wagtail's editing sessions, pinged every 10 s), and
# a save from an outdated form is refused (newsroom/stale_edits.py). Autosave stays at
# Wagtail's default; it refuses outdated saves itself.
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10_000
# Pages index their own Snowball stems (newsroom/stemming.py), so PostgreSQL must not stem
# them again: "simple" keeps lexemes as given. SQLite FTS5 does no stemming. The backend is
# Wagtail's database one, ranked so it scales (newsroom/search_backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "newsroom.search_backend", "SEARCH_CONFIG": "simple"}
}
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

NEWSROOM_PAGE_SIZE = 10
# URLs per paged sitemap (the protocol allows 50,000 and 50 MB): about 0.7 MB each.
NEWSROOM_SITEMAP_PAGE_SIZE = 1000
# load_initial_data also creates the demo users (admin/newsroom-admin, …); never in production.
NEWSROOM_DEMO_USERS = True
# An award whose validity ends within this many days is shown as expiring.
NEWSROOM_EXPIRING_WITHIN_DAYS = 90
