"""The README's "Deploying" block, run as written in a fresh clone of this repository.

The clone is of the repository's committed HEAD (uncommitted edits are not in it), and the
commands come from the clone's own README, one step at a time, in a shell, in the clone.
Departures from the README, each because a test may use neither the network nor services
shared with other developers:

- the virtualenv line (`python3 -m venv .venv && .venv/bin/pip install -r requirements.txt`)
  becomes a symlink to the virtualenv running this test (no `pip install`: no network at test
  time); `test_requirements_txt_lists_what_production_imports` checks instead that
  requirements.txt alone brings every package the site imports;
- `DATABASE_URL` (SQLite in the temporary directory) and `REDIS_URL` (empty: the in-memory
  cache) come from the environment, which wins over `.env`, as the README says;
- `createsuperuser` runs with `--noinput` and `DJANGO_SUPERUSER_*`, as the README says;
- gunicorn binds a free port instead of 8000, runs with `SECURE_SSL_REDIRECT=false` (no nginx
  in front; requests carry nginx's `X-Forwarded-Proto: https`), and is stopped by the test.

The deploying test is marked `deploy`: it runs in the SQLite pass of `make test` only (its
site has its own SQLite database, so a PostgreSQL pass would repeat it unchanged). About a
minute.
"""

import ast
import http.client
import importlib.metadata
import importlib.util
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOST = "news.example.org"
SUPERUSER = {
    "DJANGO_SUPERUSER_USERNAME": "chief",
    "DJANGO_SUPERUSER_EMAIL": "chief@news.example.org",
    "DJANGO_SUPERUSER_PASSWORD": "a-long-deployment-password-4711",
}
VENV_LINE = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt"


def deploying_steps(readme):
    """The shell commands of the first `sh` block under "## Deploying", heredocs kept whole."""
    section = readme.split("\n## Deploying\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    steps, lines = [], iter(block.splitlines())
    for line in lines:
        if not line.strip():
            continue
        heredoc = re.search(r"<<\s*['\"]?(\w+)['\"]?", line)
        if heredoc:
            body = []
            for following in lines:
                body.append(following)
                if following == heredoc.group(1):
                    break
            line = "\n".join([line, *body])
        steps.append(line)
    return steps


def cron_command(readme):
    """The command of the README's `publish_scheduled` cron line, without its `cd`."""
    return re.search(r"`\* \* \* \* \* cd \S+ && ([^`]+)`", readme).group(1)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    """One plain HTTP request as nginx would forward it (HTTPS outside, the site's host)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        method,
        path,
        body=body,
        headers={"Host": HOST, "X-Forwarded-Proto": "https"} | (headers or {}),
    )
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response, content


def cookies(response):
    return dict(
        header.split(";", 1)[0].split("=", 1)
        for name, header in response.getheaders()
        if name.lower() == "set-cookie"
    )


@pytest.fixture
def deployment(tmp_path):
    """A clone deployed by the README's steps, served by gunicorn.

    Yields the clone, gunicorn's port, the clone's README and the steps' environment. One
    test uses it, so that pytest-xdist cannot deploy it once per worker.
    """
    clone = tmp_path / "newsroom"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=60)
    readme = (clone / "README.md").read_text()
    steps = deploying_steps(readme)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in ("DEBUG", "SECRET_KEY")
    }
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "REDIS_URL": ""}

    assert steps[0].split("#")[0].strip() == VENV_LINE, steps[0]
    (clone / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    *setup, serve = steps[1:]
    for step in setup:
        if "manage.py createsuperuser" in step:
            step = step.split("#")[0].strip() + " --noinput"
            env |= SUPERUSER
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", step],
            cwd=clone,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, f"README step failed: {step}\n{result.stderr}"

    assert serve.startswith(".venv/bin/gunicorn cms.wsgi ") and "127.0.0.1:8000" in serve, serve
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        shlex.split(serve.replace("127.0.0.1:8000", f"127.0.0.1:{port}")),
        cwd=clone,
        env=env | {"SECURE_SSL_REDIRECT": "false"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.3)
        yield clone, port, readme, env
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.mark.deploy
def test_the_readme_deploying_steps_serve_the_site_from_a_fresh_clone(deployment):
    clone, port, readme, env = deployment
    the_home_page_answers(port)
    the_admin_login_is_served_with_its_hashed_static_files_and_a_policy(port)
    debug_is_off(port)
    the_superuser_made_by_the_steps_logs_in(port)
    the_cron_line_runs_with_the_production_settings_of_env(clone, readme, env)


def the_home_page_answers(port):
    """The steps create no pages: `/` sends the reader to their language, and the site's root
    page (Wagtail's welcome page, until an editor creates the home page) answers there."""
    response, _ = request(port, "GET", "/", headers={"Accept-Language": "en"})
    assert (response.status, response.getheader("Location")) == (302, "/en/")
    home, _ = request(port, "GET", "/en/")
    assert home.status == 200


def the_admin_login_is_served_with_its_hashed_static_files_and_a_policy(port):
    response, content = request(port, "GET", "/admin/login/")
    assert response.status == 200
    assert "default-src 'self'" in response.getheader("Content-Security-Policy")
    assert response.getheader("Strict-Transport-Security")
    stylesheets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', content.decode())
    assert stylesheets
    for url in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", url), url
        static, body = request(port, "GET", url, headers={"Accept-Encoding": "gzip"})
        assert static.status == 200, url
        assert static.getheader("Content-Encoding") == "gzip"
        assert "immutable" in static.getheader("Cache-Control")
        assert body


def debug_is_off(port):
    response, content = request(port, "GET", "/en/no-such-page/")
    assert response.status == 404
    assert "DEBUG = True" not in content.decode()
    assert "URLconf" not in content.decode()


def the_superuser_made_by_the_steps_logs_in(port):
    page, content = request(port, "GET", "/admin/login/")
    csrf = cookies(page)["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content.decode()).group(1)
    form = (
        f"csrfmiddlewaretoken={token}&username={SUPERUSER['DJANGO_SUPERUSER_USERNAME']}"
        f"&password={SUPERUSER['DJANGO_SUPERUSER_PASSWORD']}&next=/admin/"
    )
    login, _ = request(
        port,
        "POST",
        "/admin/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/admin/login/",
        },
    )
    assert login.status == 302, login.status
    assert login.getheader("Location") == "/admin/"
    session = cookies(login)["sessionid"]
    dashboard, _ = request(port, "GET", "/admin/", headers={"Cookie": f"sessionid={session}"})
    assert dashboard.status == 200


def the_cron_line_runs_with_the_production_settings_of_env(clone, readme, env):
    command = cron_command(readme)
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    settings = subprocess.run(
        [
            ".venv/bin/python",
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)",
        ],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert settings.returncode == 0, settings.stderr
    assert settings.stdout.split() == ["cms.settings.production", "False"]


def imported_top_level_modules():
    """Top-level modules imported by the site's code (cms/, newsroom/) and named as dotted
    paths in its settings (apps, middleware, backends, storages)."""
    names = set()
    for package in ("cms", "newsroom"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    names.add(node.module.split(".")[0])
            if path.parent.name == "settings":
                names |= {
                    node.value.split(".")[0]
                    for node in ast.walk(tree)
                    if isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and re.fullmatch(r"[a-z_]+(\.[A-Za-z_]+)*", node.value)
                    and importlib.util.find_spec(node.value.split(".")[0]) is not None
                }
    first_party = {name for name in names if (ROOT / name).exists()}  # cms, templates, …
    return names - first_party - set(sys.stdlib_module_names)


def distribution_key(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements_closure():
    """requirements.txt's distributions and everything they require, as pip would install."""
    from packaging.requirements import Requirement

    wanted = []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            wanted.append(Requirement(line))
    installed = set()
    while wanted:
        requirement = wanted.pop()
        key = distribution_key(requirement.name)
        if key in installed:
            continue
        installed.add(key)
        for extra_or_none in [None, *requirement.extras]:
            for dependency in importlib.metadata.requires(requirement.name) or []:
                dependency = Requirement(dependency)
                marker_env = {"extra": extra_or_none or ""}
                if dependency.marker is None or dependency.marker.evaluate(marker_env):
                    wanted.append(dependency)
    return installed


def test_requirements_txt_lists_what_production_imports():
    """`pip install -r requirements.txt` (the README's only install step) brings every package
    the site imports, without the test and lint tools of requirements-dev.txt."""
    providers = importlib.metadata.packages_distributions()
    closure = requirements_closure()
    missing = {
        module: providers.get(module)
        for module in imported_top_level_modules()
        if not {distribution_key(d) for d in providers.get(module, [])} & closure
    }
    assert not missing, f"imported but not brought by requirements.txt: {missing}"
    assert not {"pytest", "ruff", "playwright", "hypothesis"} & closure
