import datetime

import pytest

from django.utils import translation

from newsroom import formatting

JUNE_17 = datetime.date(2021, 6, 17)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "17 czerwca 2021"),
        ("en", "June 17, 2021"),
        ("ru", "17 июня 2021\u202fг."),
        ("pl", "8 lutego 2023"),
    ],
)
def test_long_date_in_each_language(language, expected):
    value = JUNE_17 if "2021" in expected else datetime.date(2023, 2, 8)
    assert formatting.long_date(value, language) == expected


def test_long_date_follows_active_language():
    with translation.override("ru"):
        assert formatting.long_date(datetime.date(2019, 3, 14)) == "14 марта 2019\u202fг."
    with translation.override("pl"):
        assert formatting.long_date(datetime.date(2019, 3, 14)) == "14 marca 2019"


def test_long_date_accepts_datetimes_and_empty_values():
    assert formatting.long_date(datetime.datetime(2021, 6, 17, 23, 0), "en") == "June 17, 2021"
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
