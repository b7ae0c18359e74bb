"""Wagtail's and wagtail-localize's workflow strings read in the termbase's words: the
project's catalogs take precedence over the packages' own."""

from pathlib import Path

import polib
import pytest

from django.utils import translation
from django.utils.translation import gettext

import wagtail

from newsroom import terminology
from newsroom.translating.wagtail_wording import WAGTAIL_MSGIDS

WAGTAIL_CATALOG = Path(wagtail.__file__).parent / "locale" / "{}" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize(
    ("language", "ours", "wagtails"),
    [
        ("pl", "Poproś o zmiany", "Żądania zmian"),
        ("ru", "Запросить изменения", "Запрос изменений"),
    ],
)
def test_request_changes_is_a_verb_not_wagtails_noun(language, ours, wagtails):
    packaged = {
        entry.msgid: entry.msgstr for entry in polib.pofile(str(WAGTAIL_CATALOG).format(language))
    }
    assert packaged["Request changes"] == wagtails  # what Wagtail alone would show
    with translation.override(language):
        assert gettext("Request changes") == ours


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_overridden_wagtail_strings_use_no_forbidden_term(language):
    with translation.override(language):
        texts = [gettext(msgid) for msgid in WAGTAIL_MSGIDS]
    findings = [f for text in texts for f in terminology.forbidden_in(text, language)]
    assert not findings, "\n".join(map(str, findings))
    if language != "en":
        assert all(text != msgid for text, msgid in zip(texts, WAGTAIL_MSGIDS, strict=True))


def test_english_says_review_not_moderation():
    with translation.override("en"):
        assert gettext("in moderation") == "in review"
        assert gettext("This %(model_name)s is currently awaiting moderation.") == (
            "This %(model_name)s is waiting for review."
        )
