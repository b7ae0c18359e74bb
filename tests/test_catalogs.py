"""The catalogs are complete and valid: every string translated in every language, none
fuzzy, and `msgfmt -c` (placeholders, plural forms, header) clean."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from newsroom.languages import site_languages

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", site_languages())
def test_every_string_is_translated_and_none_is_fuzzy(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalog) > 400
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []
    for entry in catalog.translated_entries():
        if entry.msgid_plural:
            expected = 3 if language in ("pl", "ru") else 2
            assert len(entry.msgstr_plural) == expected, entry.msgid


@pytest.mark.parametrize("language", site_languages())
def test_msgfmt_check_passes(language, tmp_path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is needed (Debian: gettext)"
    result = subprocess.run(
        [
            msgfmt,
            "-c",
            "-o",
            str(tmp_path / "django.mo"),
            str(LOCALE / language / "LC_MESSAGES" / "django.po"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
