"""Each language's typography in what readers get: dates and date ranges (Polish "r.",
English as en_GB, Russian "г."), numbers and units, nested quotes and the punctuation by
them, non-breaking spaces in rendered copy (text only, never markup), names sorted and
grouped by each language's alphabet, and country lists offering countries only."""

import datetime

import pytest
from lxml import html as lxml_html

from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from newsroom import formatting
from newsroom.typography import move_punctuation_outside_quotes, typeset, typeset_text
from tests.factories import AwardFactory, ClusterFactory
from tests.helpers import add_cluster_pages, add_release, route_path

NBSP = "\u00a0"
NNBSP = "\u202f"  # CLDR's narrow no-break space (Russian "г.")
THIN = "\u2009"  # CLDR's thin space around a range's dash
OCT_24, OCT_26 = datetime.date(2017, 10, 24), datetime.date(2017, 10, 26)
NOV_2, JAN_3 = datetime.date(2017, 11, 2), datetime.date(2018, 1, 3)


# --- dates and ranges ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", f"24 października 2017{NBSP}r."),
        ("en", "24 October 2017"),
        ("ru", f"24 октября 2017{NNBSP}г."),
    ],
)
def test_long_dates_are_polish_british_and_russian(language, expected):
    assert formatting.long_date(OCT_24, language) == expected


@pytest.mark.parametrize(
    ("language", "same_month", "two_months", "two_years"),
    [
        (
            "pl",
            f"24–26 października 2017{NBSP}r.",
            f"24 października{THIN}–{THIN}2 listopada 2017{NBSP}r.",
            f"24 października 2017{NBSP}r.{THIN}–{THIN}3 stycznia 2018{NBSP}r.",
        ),
        (
            "en",
            "24–26 October 2017",
            f"24 October{THIN}–{THIN}2 November 2017",
            f"24 October 2017{THIN}–{THIN}3 January 2018",
        ),
        (
            "ru",
            f"24–26 октября 2017{NNBSP}г.",
            f"24 октября – 2 ноября 2017{NNBSP}г.",
            f"24 октября 2017{NNBSP}г. – 3 января 2018{NNBSP}г.",
        ),
    ],
)
def test_date_ranges_write_once_what_both_ends_share(language, same_month, two_months, two_years):
    assert formatting.date_range(OCT_24, OCT_26, language) == same_month
    assert formatting.date_range(OCT_24, NOV_2, language) == two_months
    assert formatting.date_range(OCT_24, JAN_3, language) == two_years
    # Given backwards, the range still runs forwards; one day is a date.
    assert formatting.date_range(OCT_26, OCT_24, language) == same_month
    assert formatting.date_range(OCT_24, OCT_24, language) == formatting.long_date(OCT_24, language)
    assert formatting.date_range(OCT_24, None, language) == formatting.long_date(OCT_24, language)


def test_dates_follow_the_active_language_and_accept_datetimes():
    with translation.override("en"):
        assert formatting.date_range(OCT_24, OCT_26) == "24–26 October 2017"
        assert formatting.long_date(datetime.datetime(2017, 10, 24, 23, 0)) == "24 October 2017"


# --- numbers and units -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "share", "firms"),
    [
        ("pl", "15%", f"1{NBSP}250{NBSP}firm"),
        ("en", "15%", f"1,250{NBSP}firms"),
        ("ru", f"15{NBSP}%", f"1{NBSP}250{NBSP}фирм"),
    ],
)
def test_percentages_follow_cldr_and_a_number_keeps_its_unit(language, share, firms):
    assert formatting.percent(0.15, language) == share
    unit = {"pl": "firm", "en": "firms", "ru": "фирм"}[language]
    assert formatting.quantity(1250, unit, language) == firms


# --- quotes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "„Nagroda «Złoty klaster» dla nas”"),
        ("en", "“Nagroda ‘Złoty klaster’ dla nas”"),
        ("ru", "«Nagroda „Złoty klaster“ dla nas»"),
    ],
)
def test_a_quotation_inside_a_quotation_takes_the_inner_marks(language, expected):
    # Whether the inner quotation came in the outer marks or in straight quotes.
    opening, closing, _inner_opening, _inner_closing = formatting.quotation_marks(language)
    assert formatting.quoted(f"Nagroda {opening}Złoty klaster{closing} dla nas", language) == (
        expected
    )
    assert formatting.quoted('Nagroda "Złoty klaster" dla nas', language) == expected


@pytest.mark.parametrize(
    ("language", "written", "set"),
    [
        ("pl", "Klaster dostał „Złotą odznakę.”", "Klaster dostał „Złotą odznakę”."),
        ("pl", "Mówią „tak,” i „nie.”", "Mówią „tak”, i „nie”."),
        ("pl", "Nazwa „Złoty «Klaster.»”", "Nazwa „Złoty «Klaster»”."),
        ("ru", "Кластер получил «Золотой знак.»", "Кластер получил «Золотой знак»."),
        ("ru", "Ответ «да,» и всё", "Ответ «да», и всё"),
    ],
)
def test_full_stop_and_comma_go_outside_closing_quotes_in_polish_and_russian(
    language, written, set
):
    assert move_punctuation_outside_quotes(written, language) == set
    assert move_punctuation_outside_quotes(set, language) == set


@pytest.mark.parametrize(
    "kept",
    [
        "Firma „Alfa Sp. z o.o.”",  # the abbreviation's own dot
        "Rok „2021 r.”",
        "Jak mówią: „i tak dalej…”",
        "Kto to „powiedział?”",
        "Zakres „farby, lakiery itd.”",
    ],
)
def test_a_dot_belonging_to_the_quotation_stays_inside(kept):
    assert move_punctuation_outside_quotes(kept, "pl") == kept


def test_british_english_keeps_its_punctuation_as_written():
    assert move_punctuation_outside_quotes("She said “we won.”", "en") == "She said “we won.”"


# --- non-breaking spaces ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Klaster w Krakowie i w Gdańsku", f"Klaster w{NBSP}Krakowie i{NBSP}w{NBSP}Gdańsku"),
        (
            "Z klastrem a nie o nim. W maju u nas",
            f"Z{NBSP}klastrem a{NBSP}nie o{NBSP}nim. W{NBSP}maju u{NBSP}nas",
        ),
        ("w 2021 r. i 2020–2021 r.", f"w{NBSP}2021{NBSP}r. i{NBSP}2020–2021{NBSP}r."),
        ("5 mln zł, 10 000 zł, 15 %", f"5{NBSP}mln zł, 10{NBSP}000{NBSP}zł, 15{NBSP}%"),
        ("nr 5 i art. 12", f"nr{NBSP}5 i{NBSP}art.{NBSP}12"),
        ("Klaster – najlepszy", f"Klaster{NBSP}– najlepszy"),
        ("5 marca, Sp. z o.o.", f"5 marca, Sp. z{NBSP}o.o."),  # a month is not a unit ("m")
    ],
)
def test_polish_non_breaking_spaces(written, expected):
    assert typeset_text(written, "pl") == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Кластер в Москве и на Урале", f"Кластер в{NBSP}Москве и{NBSP}на{NBSP}Урале"),
        ("Не от нас, а из дома", f"Не{NBSP}от{NBSP}нас, а{NBSP}из{NBSP}дома"),
        ("в 2021 г. и в 1990–2000 гг.", f"в{NBSP}2021{NBSP}г. и{NBSP}в{NBSP}1990–2000{NBSP}гг."),
        ("Кластер — лучший", f"Кластер{NBSP}— лучший"),
        ("Он же знал ли", f"Он{NBSP}же знал{NBSP}ли"),
        ("5 млн руб., № 5", f"5{NBSP}млн руб., №{NBSP}5"),
    ],
)
def test_russian_non_breaking_spaces(written, expected):
    assert typeset_text(written, "ru") == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("a 5 km route, 15 % more", f"a 5{NBSP}km route, 15{NBSP}% more"),
        ("The cluster – the best", f"The cluster{NBSP}– the best"),
        ("No. 5 in 2021 and I was", f"No.{NBSP}5 in 2021 and I was"),
    ],
)
def test_english_non_breaking_spaces_are_modest(written, expected):
    assert typeset_text(written, "en") == expected


def test_typesetting_touches_text_only_never_markup():
    page = (
        '<p title="w domu a b" data-x="1 > 0 w a">Jest w <a href="/w a/">domu</a> i '
        "<code>w a</code> <pre>a b\nw c</pre> z <!-- w a --> "
        '<script>var a = "w b";</script><style>a b {}</style>'
        "<textarea name=t>w a</textarea>o &amp; w&nbsp;tym „tak.”<br/>a</p>"
    )
    expected = (
        f'<p title="w domu a b" data-x="1 > 0 w a">Jest w{NBSP}<a href="/w a/">domu</a> i{NBSP}'
        f"<code>w a</code> <pre>a b\nw c</pre> z{NBSP}<!-- w a --> "
        '<script>var a = "w b";</script><style>a b {}</style>'
        f"<textarea name=t>w a</textarea>o{NBSP}&amp; w&nbsp;tym „tak”.<br/>a</p>"
    )
    assert typeset(page, "pl") == expected
    assert typeset(expected, "pl") == expected  # idempotent


# --- collation, initials, countries ----------------------------------------------------


def test_polish_names_sort_by_the_polish_alphabet():
    names = ["Zjednoczone Emiraty", "Madagaskar", "Łotwa", "Litwa", "Ćma", "Czechy", "Cypr"]
    assert formatting.sorted_by_name(names, "pl") == [
        "Cypr",
        "Czechy",
        "Ćma",
        "Litwa",
        "Łotwa",
        "Madagaskar",
        "Zjednoczone Emiraty",
    ]
    assert [formatting.initial(name, "pl") for name in ("Łotwa", "Litwa", "Ćma", "Czechy")] == [
        "Ł",
        "L",
        "Ć",
        "C",
    ]


def test_russian_sorts_and_files_yo_as_ye():
    names = ["Ель", "Яблоко", "Ёлка", "Еда", "Жук"]
    assert formatting.sorted_by_name(names, "ru") == ["Еда", "Ёлка", "Ель", "Жук", "Яблоко"]
    assert formatting.initial("Ёлка", "ru") == "Е"
    assert formatting.initial("Łotwa", "ru") == "L"  # a Polish name on a Russian page


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_country_lists_offer_countries_only_sorted_by_the_language(language):
    choices = formatting.country_choices(language)
    codes = [code for code, _name in choices]
    assert {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "IC"}.isdisjoint(codes)
    assert {"PL", "DE", "UA", "XK"} <= set(codes) and len(codes) == len(set(codes)) == 250
    names = [name for _code, name in choices]
    assert names == formatting.sorted_by_name(names, language)
    if language == "pl":
        assert codes.index("LT") < codes.index("LV") < codes.index("MG")  # Litwa, Łotwa
        assert codes.index("LV") < codes.index("AE")  # Łotwa before Zjednoczone Emiraty
        assert "Unia Europejska" not in names
    if language == "ru":
        assert "еврозона" not in names and "Европейский союз" not in names


def test_og_locale_and_english_dates_are_british():
    assert [formatting.regional_locale(code) for code in ("pl", "en", "ru")] == [
        "pl_PL",
        "en_GB",
        "ru_RU",
    ]


# --- on pages --------------------------------------------------------------------------


@pytest.mark.django_db
def test_release_page_sets_its_copy_and_ranges_in_the_page_language(client, site_tree):
    cluster = ClusterFactory(name_pl="Klaster w Gdańsku", description_pl="Opis")
    award = AwardFactory(cluster=cluster, audit_started_on=OCT_24, audit_ended_on=OCT_26)
    pages = add_cluster_pages(site_tree, cluster)
    release = add_release(
        pages["pl"],
        title="Złota odznaka w Gdańsku",
        lead="Klaster z Pomorza dostał „Złotą odznakę.”",
        body=[{"type": "paragraph", "value": '<p>O <a href="/w a/">tym</a> i o 120 firmach.</p>'}],
        awards=[award],
    )

    content = client.get(release.url).content.decode()

    page = lxml_html.fromstring(content)
    assert page.xpath("string(//h1)") == f"Złota odznaka w{NBSP}Gdańsku"
    assert (
        page.xpath("string(//p[@class='lead'])")
        == f"Klaster z{NBSP}Pomorza dostał „Złotą odznakę”."
    )
    assert f'<p>O{NBSP}<a href="/w a/">tym</a> i{NBSP}o{NBSP}120 firmach.</p>' in content
    assert f"24–26 października 2017{NBSP}r." in content  # the audit, once
    assert f"17 czerwca 2021{NBSP}r." in content
    # <head> is not copy: the title and descriptions stay as written.
    assert page.xpath("string(//title)").startswith("Złota odznaka w Gdańsku")


@pytest.mark.django_db
def test_english_pages_write_british_dates_and_say_so(client, translated_release):
    content = client.get(translated_release["releases"]["en"].url).content.decode()
    page = lxml_html.fromstring(content)
    assert page.xpath("string(//p[@class='release__meta']/time)") == "17 June 2021"
    assert page.xpath("//meta[@property='og:locale']/@content") == ["en_GB"]
    assert "June 17" not in content


@pytest.mark.django_db
def test_cluster_directory_groups_by_the_polish_alphabet(client, site_tree):
    for name in ("Łódzki Klaster", "Lubelski Klaster", "Ćmielowski Klaster", "Czyste Powietrze"):
        add_cluster_pages(site_tree, ClusterFactory(name_pl=name, name_en="", name_ru=""))

    page = lxml_html.fromstring(
        client.get(f"/pl/aktualnosci/{route_path('pl', 'clusters')}").content.decode()
    )

    sections = page.xpath("//main//section")
    assert [(s.xpath("string(h2)"), s.xpath("string(.//ul/li/a)")) for s in sections] == [
        ("C", "Czyste Powietrze"),
        ("Ć", "Ćmielowski Klaster"),
        ("L", "Lubelski Klaster"),
        ("Ł", "Łódzki Klaster"),
    ]


def test_the_typeset_filter_escapes_plain_text_and_keeps_safe_html():
    template = Template(
        '{% load newsroom_tags %}{{ plain|typeset }} {{ rich|typeset }} {{ plain|typeset:"en" }}'
    )
    with translation.override("pl"):
        rendered = template.render(
            Context({"plain": "O <b> w domu", "rich": mark_safe('<a title="w a">i w</a>')})
        )
    assert rendered == (
        f'O{NBSP}&lt;b&gt; w{NBSP}domu <a title="w a">i{NBSP}w</a> O &lt;b&gt; w domu'
    )
