import datetime

import pytest

from django.utils import translation

from newsroom import formatting

JUNE_17 = datetime.date(2021, 6, 17)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "17 czerwca 2021\u00a0r."),
        ("en", "17 June 2021"),
        ("ru", "17 июня 2021\u202fг."),
        ("pl", "8 lutego 2023\u00a0r."),
    ],
)
def test_long_date_in_each_language(language, expected):
    value = JUNE_17 if "2021" in expected else datetime.date(2023, 2, 8)
    assert formatting.long_date(value, language) == expected


def test_long_date_follows_active_language():
    with translation.override("ru"):
        assert formatting.long_date(datetime.date(2019, 3, 14)) == "14 марта 2019\u202fг."
    with translation.override("pl"):
        assert formatting.long_date(datetime.date(2019, 3, 14)) == "14 marca 2019\u00a0r."


def test_long_date_accepts_datetimes_and_empty_values():
    assert formatting.long_date(datetime.datetime(2021, 6, 17, 23, 0), "en") == "17 June 2021"
    assert formatting.long_date(None, "en") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "1\xa0250"), ("en", "1,250"), ("ru", "1\xa0250")],
)
def test_numbers_are_grouped_per_language(language, expected):
    assert formatting.number(1250, language) == expected


@pytest.mark.parametrize(
    ("language", "poland", "germany"),
    [("pl", "Polska", "Niemcy"), ("en", "Poland", "Germany"), ("ru", "Польша", "Германия")],
)
def test_country_names(language, poland, germany):
    assert formatting.country_name("PL", language) == poland
    assert formatting.country_name("de", language) == germany


def test_language_names_are_native_and_capitalised():
    assert [formatting.language_name(c) for c in ("pl", "en", "ru")] == [
        "Polski",
        "English",
        "Русский",
    ]
    assert formatting.language_name("ru", "pl") == "Rosyjski"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "„Tak”"), ("en", "“Tak”"), ("ru", "«Tak»")],
)
def test_quotation_marks_per_language(language, expected):
    with translation.override(language):
        assert formatting.quoted("Tak") == expected


def test_language_names_inside_a_sentence_are_written_as_each_language_writes_them():
    assert formatting.language_name("en", "pl", in_sentence=True) == "angielski"
    assert formatting.language_name("pl", "ru", in_sentence=True) == "польский"
    assert formatting.language_name("ru", "en", in_sentence=True) == "Russian"
    # On its own (a tab, a column) it starts with a capital.
    assert formatting.language_name("en", "pl") == "Angielski"


@pytest.mark.parametrize(
    ("language", "hours", "expected"),
    [
        ("pl", 1, "za 1 godzinę"),
        ("pl", -5, "5 godzin temu"),
        ("ru", 1, "через 1 час"),
        ("ru", -3, "3 часа назад"),
        ("ru", -1 / 60, "1 минуту назад"),
        ("en", 48, "in 2 days"),
        ("en", -1, "1 hour ago"),
    ],
)
def test_relative_time_keeps_case_and_number(language, hours, expected):
    now = datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC)
    moment = now + datetime.timedelta(hours=hours)
    assert formatting.relative_time(moment, language, now=now) == expected
