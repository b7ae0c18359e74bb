"""The package rule holds at run time: every newsroom module imports in any order.

Each run is a fresh interpreter. The models package and the leaves are imported first, in
a shuffled order, while Django knows the apps but has loaded no models module (as when a
management command or a test imports one of them early); then Django finishes loading and
every other module is imported, shuffled too. A cycle between modules shows up as an
ImportError ("partially initialized module") for some order.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

IMPORT_IN_ORDER = """
import importlib, pkgutil, random, sys
import django
from django.apps import apps
from django.apps.config import AppConfig
from django.conf import settings
import newsroom

BEFORE_MODELS = (
    "newsroom.models", "newsroom.languages", "newsroom.formatting",
    "newsroom.stemming", "newsroom.blocks", "newsroom.feeds",
)
names = sorted(m.name for m in pkgutil.walk_packages(newsroom.__path__, "newsroom."))
first = [name for name in names if name.startswith(BEFORE_MODELS)]
rest = [name for name in names if name not in first]
shuffle = random.Random(int(sys.argv[1])).shuffle
shuffle(first)
shuffle(rest)

# Phase one of django.setup() alone: app configs, no models module imported yet.
for entry in settings.INSTALLED_APPS:
    config = AppConfig.create(entry)
    config.apps = apps
    apps.app_configs[config.label] = config
apps.apps_ready = True
for name in first:
    importlib.import_module(name)

apps.app_configs = {}
apps.apps_ready = False
django.setup()
for name in rest:
    importlib.import_module(name)
print(len(first) + len(rest))
"""


@pytest.mark.parametrize("seed", range(6))
def test_every_module_imports_in_any_order(seed):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_IN_ORDER, str(seed)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # Every module was imported: the capability packages and their submodules included.
    assert int(result.stdout.split()[-1]) >= 60
