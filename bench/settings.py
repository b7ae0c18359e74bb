"""The production settings, as the bench serves them.

Everything is `cms.settings.production`, read from the environment as in a deployment;
the bench changes only the cache:
- BENCH_CACHE=off makes every cache a dummy one, so the uncached pass misses every time,
  whatever the application caches (its page cache, if any, included);
- BENCH_CACHE_PREFIX keeps one run's cached pages apart from an earlier run's in a
  shared Redis.
"""

import os

from cms.settings.production import *  # noqa: F403

if os.environ.get("BENCH_CACHE") == "off":
    CACHES = {  # noqa: F405
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in CACHES  # noqa: F405
    }
elif os.environ.get("BENCH_CACHE_PREFIX"):
    for cache in CACHES.values():  # noqa: F405
        cache["KEY_PREFIX"] = f"{cache.get('KEY_PREFIX', '')}{os.environ['BENCH_CACHE_PREFIX']}"

# The framework floor with the site's middleware (bench/floor.py).
if os.environ.get("BENCH_FLOOR") == "stack":
    ROOT_URLCONF = "bench.floor"
