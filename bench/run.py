"""`make bench`: the site under load, at 30,000 release pages or a size of your choosing.

For each database (SQLite, then PostgreSQL with Redis as the cache when reachable):
1. builds the dataset (bench/dataset.py) and reports how long it took;
2. counts each URL's queries and bytes with Django's test client (bench/probe.py);
3. serves it with the production settings under gunicorn (BENCH_WORKERS, 2) and loads each
   URL with wrk from a second process: uncached (every cache a dummy one), then cached
   (the same URLs again, warm: if the application caches nothing, the same numbers);
4. measures the references in the same run: a bare Django view under the same gunicorn
   (the framework floor; also with the site's middleware) and one release page's HTML as
   a static file from nginx;
5. serves the public pages through the production front, nginx as a caching proxy
   configured by deploy/nginx.conf (addresses and paths changed), and publishes one
   release through it: timed, with the front purged by Wagtail's front-end cache;
6. prints one table and writes it as JSON to bench/results/<date>-<database>.json.

Each load is `wrk -t2 -c16` for BENCH_SECONDS (5) per URL, then one reader alone (requests
one after another, 20 at least, for half that time at least). The environment:
  BENCH_RELEASES   releases per language (10000), BENCH_CLUSTERS (releases / 20), BENCH_TAGS
  BENCH_DATABASES  "sqlite,postgres"; BENCH_POSTGRES_URL (…/bench_newsroom, recreated)
  BENCH_REDIS_URL  redis://127.0.0.1:6379/15; BENCH_CONNECTIONS (16); BENCH_SECONDS (5)
  BENCH_URLS       a regular expression: only the pages whose names match
  BENCH_KEEP=1     keeps the temporary directory (databases, logs, nginx configuration)
Needs wrk, nginx and its cache purge module (Debian: wrk nginx-light
libnginx-mod-http-cache-purge; `make bench` installs them).
"""

import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = REPO / "bench" / "results"
NGINX_MODULES = Path("/usr/lib/nginx/modules")
PURGE_MODULE = NGINX_MODULES / "ngx_http_cache_purge_module.so"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
ALONE_REQUESTS = 20
ONLY = re.compile(os.environ.get("BENCH_URLS", ""))
DATABASES = [d.strip() for d in os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")]
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bench_newsroom"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
PASSED_ON = ("BENCH_RELEASES", "BENCH_CLUSTERS", "BENCH_TAGS", "PATH", "HOME", "LANG", "TMPDIR")


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, cookie=None, timeout=300):
    """(status, body, headers) of one GET; errors are answers too."""
    headers = {"User-Agent": "newsroom-bench"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


class Processes:
    """The servers this run started, stopped by their process ids."""

    def __init__(self):
        self.running = []

    def start(self, name, command, env, log_path):
        with open(log_path, "ab") as output:
            process = subprocess.Popen(  # noqa: S603
                command, env=env, cwd=REPO, stdout=output, stderr=subprocess.STDOUT
            )
        self.running.append((name, process))
        return process

    def stop(self, process):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.running = [(n, p) for n, p in self.running if p is not process]

    def stop_all(self):
        for _name, process in list(reversed(self.running)):
            self.stop(process)


def wait_until_up(process, url, log_path, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            status, _body, _headers = get(url, timeout=10)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    tail = Path(log_path).read_text(errors="replace")[-3000:]
    raise SystemExit(f"{url} did not come up (see {log_path}):\n{tail}")


def wrk(url, connections, seconds, cookie=None, threads=2):
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s"]
    command += ["--timeout", "30s", "-s", str(REPO / "bench" / "wrk.lua")]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH-JSON "))
    return json.loads(line.removeprefix("BENCH-JSON "))


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def alone(url, cookie=None):
    """One reader at a time: sequential requests, at least ALONE_REQUESTS and for at
    least half of BENCH_SECONDS (30 seconds at most); milliseconds per request."""
    samples, started = [], time.monotonic()
    while len(samples) < ALONE_REQUESTS or time.monotonic() - started < SECONDS / 2:
        mark = time.perf_counter()
        status, _body, _headers = get(url, cookie)
        samples.append((time.perf_counter() - mark) * 1000)
        if time.monotonic() - started > 30 or status >= 400:
            break
    return {
        "alone_requests": len(samples),
        "alone_p50_ms": round(percentile(samples, 0.50), 1),
        "alone_p95_ms": round(percentile(samples, 0.95), 1),
        "alone_p99_ms": round(percentile(samples, 0.99), 1),
    }


def load(url, cookie=None):
    """Throughput and latency under load (wrk), then the latency of one reader alone."""
    busy = wrk(url, CONNECTIONS, SECONDS, cookie)
    # The requests wrk left queued in the listen backlog when it stopped are still served:
    # wait for them (these requests come after them), so they do not count as alone.
    for _ in range(WORKERS):
        get(url, cookie)
    seconds = busy["duration_us"] / 1e6
    return {
        "rps": round(busy["requests"] / seconds, 1),
        "p50_ms": busy["latency_us"]["p50"] / 1000,
        "p99_ms": busy["latency_us"]["p99"] / 1000,
        "requests": busy["requests"],
        "errors": sum(busy["errors"].values()),
        "bytes_per_response": round(busy["bytes"] / max(1, busy["requests"])),
        **alone(url, cookie),
    }


class Bench:
    def __init__(self):
        self.work = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
        self.work.chmod(0o755)  # nginx's workers (nobody) read the static copy under it
        self.processes = Processes()
        self.run_id = datetime.datetime.now().strftime("%Y-%m-%dT%H%M%S")
        (self.work / "empty.env").write_text("")

    # -- the application's environment -------------------------------------------------

    def django_env(self, database_url, cache, redis_url=None, **extra):
        env = {name: os.environ[name] for name in PASSED_ON if name in os.environ}
        env.update(
            DJANGO_SETTINGS_MODULE="bench.settings",
            NEWSROOM_ENV_FILE=str(self.work / "empty.env"),
            SECRET_KEY="bench-only-secret-key-not-for-production-use-0123456789",
            ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=database_url,
            DATABASE_CONN_MAX_AGE=os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
            STATIC_ROOT=str(self.work / "static"),
            BENCH_CACHE=cache,
            BENCH_CACHE_PREFIX=f":bench:{self.run_id}",
            PYTHONDONTWRITEBYTECODE="1",
            **extra,
        )
        if redis_url:
            env["REDIS_URL"] = redis_url
        return env

    def step(self, name, env, *arguments):
        output = self.work / f"{name}-{len(list(self.work.glob(name + '-*')))}.json"
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "bench", name, str(output), *arguments], env=env, cwd=REPO
        ).check_returncode()
        return json.loads(output.read_text())

    def gunicorn(self, name, env, app="cms.wsgi", probe_path="/robots.txt"):
        port = free_port()
        log_path = self.work / f"{name}.log"
        process = self.processes.start(
            name,
            [
                str(BIN / "gunicorn"),
                app,
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{port}",
                "--no-control-socket",
                "--timeout",
                "300",
                "--log-level",
                "warning",
            ],
            env,
            log_path,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(process, base + probe_path, log_path)
        return process, base

    # -- nginx: the static reference, the caching front and its purge address -------------

    def nginx(self, upstream):
        """nginx serving the static copy, and deploy/nginx.conf in front of `upstream`."""
        root = self.work / "nginx"
        for sub in ("cache", "temp", "static"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        ports = {name: free_port() for name in ("static", "front", "purge", "redirect")}
        site = front_config(upstream, ports, root / "cache")
        (root / "newsroom.conf").write_text(site)
        user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
        if os.geteuid() == 0:
            for path in (root, *root.iterdir()):
                os.chown(path, *nobody_ids())
        modules = f"load_module {PURGE_MODULE};\n" if PURGE_MODULE.exists() else ""
        temp = root / "temp"
        (root / "nginx.conf").write_text(
            f"""{user}{modules}worker_processes {WORKERS};
pid {root}/nginx.pid;
error_log {root}/error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    # wrk keeps its connections: let them be (nginx closes one after 1,000 requests).
    keepalive_requests 1000000;
    client_body_temp_path {temp}/client;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{ports["static"]};
        root {root}/static;
    }}
    include {root}/newsroom.conf;
}}
"""
        )
        check = subprocess.run(  # noqa: S603
            [NGINX, "-t", "-q", "-p", str(root), "-c", str(root / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise SystemExit(f"nginx refuses the configuration:\n{check.stderr}")
        process = self.processes.start(
            "nginx",
            [NGINX, "-p", str(root), "-c", str(root / "nginx.conf")],
            os.environ.copy(),
            root / "nginx.out",
        )
        urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        wait_until_up(process, urls["static"] + "/", root / "error.log")
        return process, urls, root / "static"

    # -- one database ------------------------------------------------------------------

    def measure_urls(self, base, urls, cookie, front=False):
        results = {}
        for url in urls:
            target = base + url["path"]
            header = cookie if url["admin"] else None
            for _ in range(2 * WORKERS):  # every worker warm (the first search loads stemmers)
                status, _body, headers = get(target, header)
            figures = load(target, header)
            figures["status"] = status
            if front:
                figures["cache_status"] = headers.get("X-Cache-Status", "")
            results[url["name"]] = figures
            log(
                f"    {url['name']:<34} {figures['rps']:>9.1f} req/s  "
                f"p99 {figures['p99_ms']:7.1f} ms  alone p95 {figures['alone_p95_ms']:6.1f} ms"
                + (f"  {figures['cache_status']}" if front else "")
                + (f"  {figures['errors']} errors" if figures["errors"] else "")
            )
        return results

    def run_database(self, database):
        redis_url = None
        if database == "sqlite":
            database_url = f"sqlite:///{self.work / 'bench.sqlite3'}"
        else:
            database_url = POSTGRES_URL
            recreate_postgres_database(database_url)
            redis_url = REDIS_URL if redis_reachable(REDIS_URL) else None
            if not redis_url:
                log(f"  Redis at {REDIS_URL} is not reachable: local memory caches instead")
        uncached_env = self.django_env(database_url, "off")
        cached_env = self.django_env(database_url, "on", redis_url)
        result = {
            "database": database,
            "cache": "redis" if redis_url else "local memory (per worker)",
            "date": self.run_id,
            "machine": machine(),
            "load": {
                "tool": "wrk",
                "connections": CONNECTIONS,
                "seconds": SECONDS,
                "alone": f"sequential requests, {ALONE_REQUESTS} at least",
                "gunicorn_workers": WORKERS,
            },
        }
        log(f"\n== {database}: building the dataset")
        result["build"] = self.step("build", uncached_env)
        if not (self.work / "static").exists():
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                env=uncached_env,
                cwd=REPO,
                check=True,
            )
        log(f"== {database}: queries per request (Django test client)")
        uncached_probe = self.step("probe", uncached_env)
        cached_probe = self.step("probe", cached_env)
        urls = [url for url in uncached_probe["urls"] if ONLY.search(url["name"])]
        cookie = cached_probe["cookie"]
        cached_queries = {url["name"]: url for url in cached_probe["urls"]}
        rows = {
            url["name"]: {
                "path": url["path"],
                "admin": url["admin"],
                "status": url["status"],
                "bytes": url["bytes"],
                "queries": {
                    "uncached": url["queries"],
                    "cached": cached_queries.get(url["name"], {}).get("queries_repeated"),
                },
            }
            for url in urls
        }
        release = next(url for url in uncached_probe["urls"] if url["name"] == "release")
        references = {}

        log(f"== {database}: uncached (every cache a dummy), gunicorn {WORKERS} workers")
        process, base = self.gunicorn(f"{database}-uncached", uncached_env)
        for name, figures in self.measure_urls(base, urls, cookie).items():
            rows[name]["uncached"] = figures
        self.processes.stop(process)

        log(f"== {database}: cached (the same URLs again, warm)")
        process, base = self.gunicorn(f"{database}-cached", cached_env)
        for name, figures in self.measure_urls(base, urls, cookie).items():
            rows[name]["cached"] = figures

        log(f"== {database}: references")
        floor, floor_base = self.gunicorn(
            "floor-bare",
            {**{k: os.environ[k] for k in PASSED_ON if k in os.environ}, "BENCH_FLOOR": "bare"},
            app="bench.floor:application",
            probe_path="/",
        )
        references["floor: bare Django view"] = self.reference(floor_base + "/")
        self.processes.stop(floor)
        floor, floor_base = self.gunicorn(
            "floor-stack", {**cached_env, "BENCH_FLOOR": "stack"}, probe_path="/"
        )
        references["floor: + the site's middleware"] = self.reference(floor_base + "/")
        self.processes.stop(floor)

        nginx, nginx_urls, static_root = self.nginx(urlsplit(base).netloc)
        _status, html, _headers = get(base + release["path"])
        (static_root / "release.html").write_bytes(html)
        (static_root / "release.html").chmod(0o644)
        references["nginx: the release HTML as a file"] = self.reference(
            nginx_urls["static"] + "/release.html"
        )

        log(f"== {database}: behind the nginx front (deploy/nginx.conf)")
        public = [url for url in urls if not url["admin"]]
        for name, figures in self.measure_urls(nginx_urls["front"], public, None, True).items():
            rows[name]["front"] = figures

        log(f"== {database}: publishing one release (purging the front)")
        result["publish"] = self.step(
            "publish",
            {**cached_env, "FRONTEND_CACHE_PURGE_URL": nginx_urls["purge"]},
            nginx_urls["front"],
        )
        self.processes.stop(nginx)
        self.processes.stop(process)

        result["references"] = references
        result["pages"] = rows
        add_ratios(result)
        return result

    def reference(self, url):
        for _ in range(2 * WORKERS):
            get(url)
        figures = load(url)
        log(f"    {url:<50} {figures['rps']:>9.1f} req/s")
        return {"url": url, **figures}


def front_config(upstream, ports, cache_dir):
    """deploy/nginx.conf with this run's addresses and paths; each change must apply."""
    text = (REPO / "deploy" / "nginx.conf").read_text()
    changes = [
        (r"/var/cache/nginx/newsroom", str(cache_dir)),
        (r"server 127\.0\.0\.1:8000;", f"server {upstream};"),
        (r"listen 80;", f"listen 127.0.0.1:{ports['redirect']};"),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{ports['front']};"),
        (r"\n\s*ssl_certificate(_key)? [^\n]*;", ""),
        (r"listen 127\.0\.0\.1:8081;", f"listen 127.0.0.1:{ports['purge']};"),
        (r"/srv/newsroom/", f"{REPO}/"),
    ]
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text)
        if not count:
            raise SystemExit(f"deploy/nginx.conf has no {pattern!r} any more: update bench/run.py")
    return text


def nobody_ids():
    import grp
    import pwd

    return pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid


def recreate_postgres_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("bench_"):
        raise SystemExit(f"BENCH_POSTGRES_URL must name a bench_… database, not {name!r}")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def postgres_reachable(url):
    try:
        import psycopg

        admin = urlsplit(url)._replace(path="/postgres").geturl()
        psycopg.connect(admin, connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


def redis_reachable(url):
    try:
        import redis

        return redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except Exception:  # noqa: BLE001
        return False


def machine():
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "system": platform.platform(),
    }


def add_ratios(result):
    floor = result["references"]["floor: bare Django view"]["rps"]
    static = result["references"]["nginx: the release HTML as a file"]["rps"]
    result["ratios_to"] = {"floor_rps": floor, "static_rps": static}
    figures = list(result["references"].values())
    for row in result["pages"].values():
        figures += [row[name] for name in ("uncached", "cached", "front") if name in row]
    for figure in figures:
        figure["of_floor"] = round(figure["rps"] / floor, 4) if floor else None
        figure["of_static"] = round(figure["rps"] / static, 5) if static else None


def table(result):
    size = result["build"]["size"]
    lines = [
        "",
        f"== {result['database']} · {size['release_pages']:,} release pages "
        f"({size['releases_per_language']:,} per language, {size['clusters']} clusters) · "
        f"cache: {result['cache']} · wrk -c{CONNECTIONS} {SECONDS} s per URL · "
        f"gunicorn {WORKERS} workers",
        f"{'page':<38} {'pass':<8} {'req/s':>9} {'p50':>7} {'p99':>7} {'alone':>7} "
        f"{'queries':>7} {'KB':>7} {'floor':>7} {'static':>7}",
        f"{'':<38} {'':<8} {'':>9} {'ms':>7} {'ms':>7} {'p95 ms':>7} {'':>7} {'':>7} "
        f"{'%':>7} {'%':>7}",
    ]

    def line(name, label, figures, queries, size_bytes):
        flag = " !" if figures.get("errors") else ""
        return (
            f"{name[:38]:<38} {label:<8} {figures['rps']:>9,.0f} {figures['p50_ms']:>7.1f} "
            f"{figures['p99_ms']:>7.1f} {figures['alone_p95_ms']:>7.1f} "
            f"{'' if queries is None else queries:>7} "
            f"{'' if size_bytes is None else f'{size_bytes / 1024:.1f}':>7} "
            f"{100 * figures['of_floor']:>7.1f} {100 * figures['of_static']:>7.2f}{flag}"
        )

    for name, figures in result["references"].items():
        lines.append(line(name, "", figures, None, None))
    for name, row in result["pages"].items():
        first = True
        for label in ("uncached", "cached", "front"):
            if label not in row:
                continue
            queries = row["queries"].get(label) if label != "front" else None
            shown_bytes = row["bytes"] if first else None
            lines.append(line(name if first else "", label, row[label], queries, shown_bytes))
            first = False
    build = result["build"]["seconds"]
    lines.append(
        f"dataset: {build.get('bench data', 0):.0f} s for the bench data "
        f"(migrate {build.get('migrate', 0):.0f} s, demo {build.get('demo content', 0):.0f} s): "
        + ", ".join(
            f"{k} {v:.1f} s"
            for k, v in build.items()
            if k not in ("migrate", "demo content", "bench data")
        )
    )
    publish = result["publish"]
    lines.append(
        f"publishing one release at {publish['release_pages']:,} release pages: "
        f"{publish['total_ms']:.0f} ms ("
        + ", ".join(f"{k} {v:.0f}" for k, v in publish["steps_ms"].items())
        + "; within them: "
        + ", ".join(f"{k} {v:.0f}" for k, v in publish["within_ms"].items())
        + " ms)"
    )
    visible = publish.get("visible_through_front", {})
    if visible:
        lines.append(
            "through the front after publishing: the release "
            + ("shows the change" if visible["release_shows_change"] else "is STALE")
            + f" ({visible['release_after_publish'] or '-'}); its cluster page "
            + (
                "lists it"
                if visible["cluster_page_shows_change"]
                else "lists it only after the front's cache time "
                f"({visible['cluster_page_after_publish']})"
            )
        )
    return "\n".join(lines)


def main():
    missing = [tool for tool in ("wrk", NGINX) if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"Missing {', '.join(missing)}: `make bench` installs them (apt-get).")
    bench = Bench()
    databases = []
    for database in DATABASES:
        if database == "postgres" and not postgres_reachable(POSTGRES_URL):
            log(f"\nPostgreSQL at {POSTGRES_URL} is not reachable: SQLite only.")
            continue
        databases.append(database)
    RESULTS.mkdir(exist_ok=True)
    tables = []
    try:
        for database in databases:
            result = bench.run_database(database)
            path = RESULTS / f"{bench.run_id}-{database}.json"
            path.write_text(json.dumps(result, indent=1, ensure_ascii=False))
            tables.append(table(result))
            log(tables[-1])
            log(f"written to {path.relative_to(REPO)}")
    finally:
        bench.processes.stop_all()
        if os.environ.get("BENCH_KEEP") == "1":
            log(f"kept {bench.work}")
        else:
            shutil.rmtree(bench.work, ignore_errors=True)
    if len(tables) > 1:
        log("\n".join(tables))


if __name__ == "__main__":
    main()
