"""A deployment is safe when configured the obvious way: `gunicorn cms.wsgi` with the
settings in `.env` runs the production settings, which refuse DEBUG, create no demo users,
and serve collected static files themselves (WhiteNoise).

Each case runs a fresh interpreter, as gunicorn would, with a `.env` of its own.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = """\
SECRET_KEY=a-long-production-secret-from-the-env-file-0123456789abcdef
ALLOWED_HOSTS=news.example.org
DATABASE_URL=sqlite:///{db}
STATIC_ROOT={static}
"""


def run_python(code, env_file, **extra_env):
    """Run `code` in a new interpreter whose only configuration is `env_file`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "DEBUG")
    }
    env.update(NEWSROOM_ENV_FILE=str(env_file), **extra_env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.fixture
def env_file(tmp_path):
    path = tmp_path / ".env"
    path.write_text(PRODUCTION_ENV.format(db=tmp_path / "db.sqlite3", static=tmp_path / "static"))
    return path


def test_the_wsgi_entry_point_runs_production_settings_from_the_env_file(env_file):
    """…and loads the search stemmers as the worker starts, not on a reader's first search,
    then freezes what it loaded out of the garbage collector's full collections."""
    result = run_python(
        "import gc, json, cms.wsgi; from django.conf import settings; "
        "from newsroom import stemming; "
        "print(json.dumps([settings.SETTINGS_MODULE, settings.DEBUG, settings.ALLOWED_HOSTS, "
        "settings.NEWSROOM_DEMO_USERS, stemming.polish_stempel.cache_info().currsize, "
        "stemming.stemmer.cache_info().currsize, gc.get_freeze_count() > 100000]))",
        env_file,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "cms.settings.production",
        False,
        ["news.example.org"],
        False,
        1,  # the Polish Stempel table
        3,  # a Snowball stemmer per site language
        True,  # frozen: the modules and the tables
    ]


def test_production_refuses_to_start_with_debug_in_the_env_file(env_file):
    env_file.write_text(env_file.read_text() + "DEBUG=True\n")
    result = run_python("import cms.wsgi", env_file)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DEBUG" in result.stderr


def test_collected_static_files_are_served_by_the_application_itself(env_file):
    """After `collectstatic`, gunicorn alone serves hashed, compressed static files."""
    script = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
from cms.env import load_env
load_env()
django.setup()
from django.core.management import call_command
call_command("collectstatic", "--noinput", verbosity=0)
from django.templatetags.static import static
url = static("newsroom/admin.css")
import cms.wsgi
from django.test import Client
response = Client(HTTP_HOST="news.example.org").get(
    url, secure=True, HTTP_ACCEPT_ENCODING="gzip"
)
print(url, response.status_code, response.headers.get("Content-Encoding"),
      response.headers.get("Cache-Control"))
"""
    result = run_python(script, env_file)
    assert result.returncode == 0, result.stderr
    url, status, encoding, cache = result.stdout.split(maxsplit=3)
    assert url.startswith("/static/newsroom/admin.") and url != "/static/newsroom/admin.css"
    assert (status, encoding) == ("200", "gzip")
    assert "immutable" in cache


@pytest.mark.django_db
def test_settings_without_demo_users_load_the_demo_content_only(settings):
    settings.NEWSROOM_DEMO_USERS = False
    out = io.StringIO()
    call_command("load_initial_data", stdout=out)
    assert not get_user_model().objects.exists()
    assert "createsuperuser" in out.getvalue()
