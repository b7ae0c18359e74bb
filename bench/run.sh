#!/usr/bin/env bash
# `make bench`: the public pages under gunicorn (2 workers, production settings, SQLite,
# the demo plus BENCH_RELEASES releases), each loaded with wrk for BENCH_SECONDS on the
# loopback. Prints requests/s and latency percentiles per page; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${BENCH_PORT:-8765}
RELEASES=${BENCH_RELEASES:-300}
SECONDS_PER_URL=${BENCH_SECONDS:-10}
WORK=$(mktemp -d)
trap 'kill "${GUNICORN_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

if ! command -v wrk >/dev/null 2>&1; then
	echo "== wrk is missing: installing Debian's wrk"
	if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
	$SUDO apt-get install -y wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi

export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY=bench-only-secret ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export DATABASE_URL="sqlite:///$WORK/bench.sqlite3" STATIC_ROOT="$WORK/static"

echo "== preparing: migrate, demo, $RELEASES releases, static files"
$PY manage.py migrate --noinput -v0
$PY manage.py load_initial_data >/dev/null
$PY bench/seed.py "$RELEASES"
$PY manage.py collectstatic --noinput -v0

.venv/bin/gunicorn cms.wsgi --workers 2 --bind "127.0.0.1:$PORT" --no-control-socket \
	--log-level warning >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 50); do curl -sf -o /dev/null "$BASE/pl/" && break; sleep 0.2; done

mapfile -t URLS < <($PY - <<'PYEOF'
import django
django.setup()
from newsroom.models.pages import ClusterNewsPage, NewsIndexPage, PressReleasePage
index = NewsIndexPage.objects.get(locale__language_code="pl").url
cluster = ClusterNewsPage.objects.filter(locale__language_code="pl").first().url
release = PressReleasePage.objects.live().filter(locale__language_code="pl").first().url
for url in ["/pl/", index, f"{index}?level=silver&year=2021", f"{index}level/gold/", cluster,
            release, "/pl/search/?q=klastr%C3%B3w", f"{index}feed/rss/", "/sitemap.xml"]:
    print(url)
PYEOF
)

printf "\n%-45s %10s %9s %9s %9s %8s\n" "page" "req/s" "p50" "p90" "p99" "non-2xx"
for url in "${URLS[@]}"; do
	# Two warm-up requests per worker: the first search loads the Polish stemmer.
	for _ in 1 2 3 4; do curl -s -o /dev/null "$BASE$url"; done
	wrk -t2 -c8 -d"${SECONDS_PER_URL}s" --latency "$BASE$url" >"$WORK/wrk.txt"
	awk -v url="$url" '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
		/Non-2xx/ { bad = $NF }
		END { printf "%-45s %10s %9s %9s %9s %8s\n", substr(url, 1, 45), rps, p50, p90, p99, bad ? bad : 0 }
	' "$WORK/wrk.txt"
done
