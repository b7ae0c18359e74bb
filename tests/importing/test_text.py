"""Decoding, date lines and language detection for imported press releases."""

import datetime

import pytest

from django.utils import translation

from newsroom.importing.dates import find_date_in_text, find_date_line, parse_date
from newsroom.importing.decoding import MAX_FILE_BYTES, decode_release_bytes
from newsroom.importing.errors import ReleaseImportError
from newsroom.importing.language import detect_language

POLISH_RELEASE = (
    "Śląski Klaster Źródeł Wody z Brązową Odznaką Jakości Zarządzania\n"
    "\n"
    "Śląski Klaster Źródeł Wody przeszedł w ubiegłym miesiącu audyt Europejskiego "
    "Sekretariatu Analiz Klastrowych. Ocena objęła strategię, finanse i usługi dla "
    "przedsiębiorstw członkowskich. Ą i Ś w nazwach firm nie sprawiły audytorom kłopotu, "
    'a źródłowe dokumenty przygotowano w "Bazie Wiedzy" klastra. Zespół zarządzający '
    "otrzymał certyfikat - to pierwszy taki sukces w regionie. Kolejnym krokiem będzie "
    "ubieganie się o srebrną odznakę."
)

RUSSIAN_RELEASE = (
    "Томский кластер биотехнологий получил бронзовый сертификат\n"
    "\n"
    "Эксперты Европейского секретариата по кластерному анализу провели аудит системы "
    "управления кластером. Оценка охватывала стратегию, финансирование и услуги для "
    'участников. По итогам проверки "Томский кластер" получил бронзовый знак качества. '
    "Следующей целью команды станет серебряный сертификат. Ёмкий отчёт об аудите "
    "опубликуют в июне."
)

ENGLISH_RELEASE = (
    "Baltic Maritime Cluster Earns Gold Label\n"
    "\n"
    "The Baltic Maritime Cluster has been awarded the gold label for cluster management "
    "excellence. Auditors reviewed its strategy, governance and services for member "
    "companies. The management team thanked its partners for three years of steady work."
)

POLISH_TYPOGRAPHIC = POLISH_RELEASE.replace('"Bazie Wiedzy"', "„Bazie Wiedzy”").replace(
    " - ", " – "
)
RUSSIAN_TYPOGRAPHIC = RUSSIAN_RELEASE.replace('"Томский кластер"', "«Томский кластер»")

CANNOT_RECOGNISE = "The text's encoding could not be recognised; save it as UTF-8."
BINARY = "This looks like a binary file, not text."


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


def error_message(data):
    with pytest.raises(ReleaseImportError) as raised:
        decode_release_bytes(data)
    return str(raised.value)


# Decoding


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (POLISH_RELEASE, "cp1250"),
        (POLISH_RELEASE, "iso8859_2"),
        (RUSSIAN_RELEASE, "cp1251"),
        (RUSSIAN_RELEASE, "koi8_r"),
        # Typographic quotes and dashes exist only in the Windows code pages.
        (POLISH_TYPOGRAPHIC, "cp1250"),
        (RUSSIAN_TYPOGRAPHIC, "cp1251"),
    ],
)
def test_legacy_encodings_round_trip(text, encoding):
    assert decode_release_bytes(text.encode(encoding)) == text


def test_sample_texts_differ_between_sibling_code_pages():
    # Otherwise the round trips above would not tell the code pages apart.
    assert POLISH_RELEASE.encode("cp1250") != POLISH_RELEASE.encode("iso8859_2")
    assert RUSSIAN_RELEASE.encode("cp1251") != RUSSIAN_RELEASE.encode("koi8_r")
    assert "„Bazie Wiedzy”" in POLISH_TYPOGRAPHIC
    assert " – " in POLISH_TYPOGRAPHIC
    assert "«Томский кластер»" in RUSSIAN_TYPOGRAPHIC


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Świętokrzyski klaster: źródła ąś. Ślęża i Ąb.", "cp1250"),
        ("Świętokrzyski klaster: źródła ąś. Ślęża i Ąb.", "iso8859_2"),
        ("Новый сертификат для кластера. Эксперты довольны.", "cp1251"),
        ("Новый сертификат для кластера. Эксперты довольны.", "koi8_r"),
    ],
)
def test_legacy_encodings_of_short_texts(text, encoding):
    assert decode_release_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("text", [POLISH_RELEASE, RUSSIAN_RELEASE, ENGLISH_RELEASE])
def test_utf8_with_and_without_bom(text):
    assert decode_release_bytes(text.encode("utf-8")) == text
    decoded = decode_release_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert decoded == text
    assert not decoded.startswith("\ufeff")


def test_newlines_are_normalised():
    data = "Klaster\r\n\r\nŚwiętokrzyski\rzespół\n".encode("cp1250")
    assert decode_release_bytes(data) == "Klaster\n\nŚwiętokrzyski\nzespół\n"


def test_text_comes_out_nfc():
    decomposed = "Zespo\u0301ł klastra otrzymał certyfikat."
    assert decode_release_bytes(decomposed.encode("utf-8")) == "Zespół klastra otrzymał certyfikat."


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_file(data):
    assert error_message(data) == "The file is empty."


def test_file_over_one_megabyte():
    assert MAX_FILE_BYTES == 1024 * 1024
    assert error_message(b"a" * (MAX_FILE_BYTES + 1)) == "The file is larger than 1 MB."


def test_file_of_exactly_one_megabyte_is_accepted():
    data = (b"Klaster " * (MAX_FILE_BYTES // 8 + 1))[:MAX_FILE_BYTES]
    assert decode_release_bytes(data).startswith("Klaster Klaster")


@pytest.mark.parametrize(
    "data",
    [
        b"Klaster\x00otrzyma\x00certyfikat",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"GIF89a\x01\x00\x01\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        bytes(range(1, 9)) * 20 + b"some text",
    ],
)
def test_binary_content(data):
    assert error_message(data) == BINARY


@pytest.mark.parametrize(
    "data",
    [
        "クラスターが欧州の品質認証を取得しました。監査は東京で行われました。".encode("shift_jis"),
        "Klaster otrzymał certyfikat.".encode("utf-16"),
    ],
)
def test_unrecognised_encoding(data):
    assert error_message(data) == CANNOT_RECOGNISE


# Dates

JUNE_17 = datetime.date(2021, 6, 17)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2021-06-17", JUNE_17),
        ("17.06.2021", JUNE_17),
        ("17 czerwca 2021", JUNE_17),
        ("8 lutego 2023 r.", datetime.date(2023, 2, 8)),
        ("8 lutego 2023r.", datetime.date(2023, 2, 8)),
        ("8 lutego 2023 roku", datetime.date(2023, 2, 8)),
        ("14 марта 2019 г.", datetime.date(2019, 3, 14)),
        ("14 марта 2019 года", datetime.date(2019, 3, 14)),
        ("14 марта 2019", datetime.date(2019, 3, 14)),
        ("14 марта 2019\u202fг.", datetime.date(2019, 3, 14)),
        ("June 17, 2021", JUNE_17),
        ("June 17 2021", JUNE_17),
        ("2 September 2020", datetime.date(2020, 9, 2)),
        ("17th June 2021", JUNE_17),
        ("June 17th, 2021", JUNE_17),
        ("Thursday, June 17, 2021", JUNE_17),
        ("czwartek, 17 czerwca 2021 r.", JUNE_17),
        # Abbreviated and nominative months, in any case.
        ("Jun 17, 2021", JUNE_17),
        ("17 Sept 2021", datetime.date(2021, 9, 17)),
        ("17 sty 2021", datetime.date(2021, 1, 17)),
        ("3 paź 2022", datetime.date(2022, 10, 3)),
        ("17 янв. 2021", datetime.date(2021, 1, 17)),
        ("17 янв 2021", datetime.date(2021, 1, 17)),
        ("5 февр. 2020 г.", datetime.date(2020, 2, 5)),
        ("1 мая 2020", datetime.date(2020, 5, 1)),
        ("17 CZERWCA 2021", JUNE_17),
        ("17 czerwiec 2021", JUNE_17),
        ("14 Март 2019", datetime.date(2019, 3, 14)),
        ("1 września 2020", datetime.date(2020, 9, 1)),
        # Prefixes, emphasis and surrounding whitespace.
        ("Published: June 17, 2021", JUNE_17),
        ("published on June 17, 2021", JUNE_17),
        ("DATE: 2021-06-17", JUNE_17),
        ("Opublikowano: 17 czerwca 2021", JUNE_17),
        ("opublikowano dnia 8 lutego 2023 r.", datetime.date(2023, 2, 8)),
        ("Data: 17.06.2021", JUNE_17),
        ("Опубликовано: 14 марта 2019 г.", datetime.date(2019, 3, 14)),
        ("ДАТА: 14 марта 2019", datetime.date(2019, 3, 14)),
        ("  **17 czerwca 2021**  ", JUNE_17),
        ("_2 September 2020_", datetime.date(2020, 9, 2)),
        ("**Published:** *Jun 17, 2021*", JUNE_17),
        ("\t17.06.2021\n", JUNE_17),
    ],
)
def test_parse_date(line, expected):
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "On October 24-26, 2017 European Secretariat for Cluster Analysis experts visited us.",
        "The cluster was certified on June 17, 2021 in Brussels.",
        "17 czerwca 2021 klaster otrzymał certyfikat.",
        "Kraków, 17 czerwca 2021",
        "Эксперты посетили кластер 14 марта 2019 года",
        "17.06.2021 10:00",
        "Klaster Life Science 2021",
        "Published:",
        "17 czerwca",
        "",
        "   ",
    ],
)
def test_line_that_is_not_a_date_line(line):
    assert parse_date(line) is None


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("31 lutego 2021", "31 lutego 2021"),
        ("2021-02-30", "2021-02-30"),
        ("30 февраля 2020 г.", "30 февраля 2020"),
        ("Data: 32.01.2021", "32.01.2021"),
        ("February 29, 2021", "February 29, 2021"),
    ],
)
def test_impossible_date_raises(line, shown):
    with pytest.raises(ReleaseImportError) as raised:
        parse_date(line)
    assert str(raised.value) == f"The date “{shown}” does not exist."


def test_leap_day_exists():
    assert parse_date("29 lutego 2024") == datetime.date(2024, 2, 29)


def test_find_date_line_skips_empty_lines():
    lines = ["", "Klaster z certyfikatem", "", "  ", "Opublikowano: 8 lutego 2023 r.", "Tekst."]
    assert find_date_line(lines) == (4, datetime.date(2023, 2, 8))


def test_find_date_line_takes_the_first_date_line():
    lines = ["Cluster certified", "June 17, 2021", "2021-06-18"]
    assert find_date_line(lines) == (1, JUNE_17)


def test_find_date_line_ignores_sentences_with_dates():
    lines = ["Cluster certified", "On June 17, 2021 the audit ended.", "More text."]
    assert find_date_line(lines) is None


def test_find_date_line_looks_only_at_the_first_non_empty_lines():
    lines = ["Title", "", "One", "", "Two", "Three", "Four", "Five", "2021-06-17"]
    assert find_date_line(lines) is None
    assert find_date_line(lines, max_lines=7) == (8, JUNE_17)
    assert find_date_line(["Title", "Lead", "2021-06-17"], max_lines=2) is None


def test_find_date_line_in_empty_input():
    assert find_date_line([]) is None
    assert find_date_line(["", "  "]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On October 24-26, 2017 European Secretariat for Cluster Analysis experts "
            "visited the cluster.",
            datetime.date(2017, 10, 24),
        ),
        (
            "W dniach 24–26 października 2017 r. audytorzy odwiedzili klaster.",
            datetime.date(2017, 10, 24),
        ),
        (
            "Аудит прошёл 14 марта 2019 года, а отчёт вышел 2 апреля 2019 г.",
            datetime.date(2019, 3, 14),
        ),
        ("The label, valid from 2021-06-17, was handed over in Berlin.", JUNE_17),
        ("Certyfikat z dnia 17.06.2021 r. jest ważny dwa lata.", JUNE_17),
        ("Not 31 lutego 2021, but 1 marca 2021.", datetime.date(2021, 3, 1)),
        ("The cluster was founded in 2012 and has 80 members.", None),
        ("Version 12.06.20211 of the form.", None),
        ("", None),
    ],
)
def test_find_date_in_text(text, expected):
    assert find_date_in_text(text) == expected


# Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (POLISH_RELEASE, "pl"),
        (RUSSIAN_RELEASE, "ru"),
        (ENGLISH_RELEASE, "en"),
        (
            "Klaster Drzewny otrzymal certyfikat\n\n"
            "Klaster przeszedl audyt zarzadzania i otrzymal brazowa odznake jakosci. "
            "Eksperci ocenili strategie, finanse oraz uslugi dla firm czlonkowskich.",
            "pl",
        ),
        ("Klaster otrzymał srebrną odznakę. Zobacz https://example.com/cluster-news", "pl"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "2021-06-17 — 42 %", "https://example.com/news"])
def test_detect_language_without_letters(text):
    assert detect_language(text) is None
