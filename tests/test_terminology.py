"""The termbase (locale/termbase.tbx) decides the words: the catalogs and the demo copy
use no forbidden term, and the checker finds inflected forms without false alarms."""

from pathlib import Path

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from newsroom import terminology
from newsroom.demo import content
from newsroom.languages import site_languages

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def test_every_concept_has_a_preferred_term_in_each_language_it_names():
    concepts = terminology.concepts()
    assert {"release", "label", "award", "draft", "review", "source"} <= {c.ident for c in concepts}
    for concept in concepts:
        for language in concept.terms:
            assert language in site_languages()
            assert concept.preferred(language), (concept.ident, language)


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_catalog_uses_no_forbidden_term(language):
    findings = terminology.catalog_findings(
        LOCALE / language / "LC_MESSAGES" / "django.po", language
    )
    assert not findings, "\n".join(map(str, findings))


def test_demo_copy_uses_no_forbidden_term():
    findings = []
    for name in dir(content):
        if name.isupper():
            for language, where, text in terminology.language_texts(
                getattr(content, name), site_languages(), name
            ):
                if language:
                    findings += terminology.forbidden_in(text, language, where)
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("ru", "Все релизы кластера", ["релизы"]),
        ("ru", "Все пресс-релизы кластера", []),  # one hyphenated word: the preferred term
        ("ru", "2 сообщения", ["сообщения"]),
        ("ru", "Серебряный сертификат и награды", ["сертификат", "награды"]),
        ("ru", "Новости сертификации", []),  # the process, not the label
        ("ru", "Вы можете рецензировать", ["рецензировать"]),
        ("ru", "рецензент одобрил", []),
        ("ru", "ещё и еще", ["еще"]),
        ("pl", "Zapisano szkic, a potem szkicu", ["szkic", "szkicu"]),
        ("pl", "Zapisano wersję roboczą", []),
        ("pl", "Żądania zmian", ["Żądania zmian"]),
        ("pl", "Nie masz uprawnień do przeglądania", []),  # exact word only: not "przegląd"
        ("en", "a silver certificate", ["certificate"]),
        ("en", "certification news", []),
    ],
)
def test_forbidden_terms_are_found_in_every_form(language, text, found):
    assert [finding.found for finding in terminology.forbidden_in(text, language)] == found


def test_placeholders_and_markup_are_not_prose():
    assert not terminology.forbidden_in('<a href="/ru/relizy/">%(release)s</a> {релиз}', "ru")


def test_a_finding_names_the_preferred_term():
    (finding,) = terminology.forbidden_in("Файл относится к другому релизу.", "ru", "here")
    assert str(finding) == "[ru] here: “релизу” (релиз*) → пресс-релиз"


def test_checkterms_command_passes_on_the_project(capsys):
    call_command("checkterms")
    assert "no forbidden term" in capsys.readouterr().out


def test_checkterms_command_fails_on_a_forbidden_term(tmp_path):
    catalog = tmp_path / "ru" / "LC_MESSAGES" / "django.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "All releases"\nmsgstr "Все релизы"\n',
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 forbidden term"):
        call_command("checkterms", locale_dir=str(tmp_path), demo=False)
