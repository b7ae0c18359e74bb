"""Environment-driven settings, checked in a fresh process as a deployment would load them."""

import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment |= {"DJANGO_SETTINGS_MODULE": "cms.settings.dev"} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "news.example.org",
}


def test_production_passes_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", **(PRODUCTION | {"SECRET_KEY": ""}))
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def production_base_url(**env):
    code = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    return manage("shell", "--no-imports", "-c", code, **(PRODUCTION | env))


def test_links_in_emails_start_with_the_configured_address():
    result = production_base_url(WAGTAILADMIN_BASE_URL="https://newsroom.example.org/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://newsroom.example.org"
    # Unset: the site's first named host over HTTPS, never the development address.
    result = production_base_url(ALLOWED_HOSTS=".example.org,news.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://news.example.org"


@pytest.mark.parametrize(
    "env", [{"WAGTAILADMIN_BASE_URL": "news.example.org"}, {"ALLOWED_HOSTS": "*"}]
)
def test_production_refuses_an_email_address_base_it_cannot_use(env):
    result = production_base_url(**env)
    assert result.returncode != 0
    assert "Set WAGTAILADMIN_BASE_URL" in result.stderr


def test_database_url_switches_to_postgresql():
    code = "from django.db import connection; print(connection.vendor)"
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DATABASE_URL="postgres://someone@db.example.org:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "postgresql"


def redis_is_running():
    address = urlsplit(REDIS_URL)
    try:
        socket.create_connection((address.hostname, address.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_running(), reason=f"no Redis answers at {REDIS_URL}")
def test_redis_url_switches_the_cache_to_a_working_redis():
    code = (
        "from django.core.cache import caches; cache = caches['default']; "
        "cache.set('newsroom-settings-test', 'żółw', 30); "
        "print(type(cache).__name__, cache.get('newsroom-settings-test'))"
    )
    result = manage("shell", "--no-imports", "-c", code, REDIS_URL=REDIS_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "RedisCache żółw"
