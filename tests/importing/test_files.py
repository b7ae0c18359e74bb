"""Importing the sample releases in tests/importing/data/releases, one file at a time and in
batches.

Every good sample states what a careful reader takes from it: language, title, date,
label level, cluster, list items, quotes and the start of the "about the cluster"
block. Bad samples must fail with a readable message and write nothing.

The samples stored in an encoding other than plain UTF-8 are kept here as text too
(`ENCODED_SAMPLES`): `test_encoded_sample_bytes_are_their_text` checks that each file
holds that text in that encoding, and the files were written from it with

    for name, (encoding, newline, text) in ENCODED_SAMPLES.items():
        (RELEASES / name).write_bytes(text.replace("\\n", newline).encode(encoding))
"""

import datetime
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from wagtail.models import Page, Revision

from newsroom.importing.decoding import MAX_FILE_BYTES, decode_release_bytes
from newsroom.importing.service import (
    ImportOutcome,
    extract,
    import_release,
    plan_release,
    save_release,
)
from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.models.records import Award, Cluster

# Every test starts from the demo newsroom, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_once")]

RELEASES = Path(__file__).parent / "data" / "releases"

ENCODED_SAMPLES = {
    "en_kaluga_silver.txt": (
        "utf-8-sig",
        "\n",
        "Kaluga Pharmaceutical Cluster receives the ESCA Silver Label\n"
        "Published: November 22, 2017\n"
        "\n"
        "Kaluga Pharmaceutical Cluster has been awarded the Cluster Management Excellence "
        "Silver Label after a three-day on-site audit by the European Secretariat for "
        "Cluster Analysis.\n"
        "\n"
        "The auditors checked the cluster against 30 indicators. The strongest results were:\n"
        "\n"
        "* joint training programmes for member companies\n"
        "* shared laboratory services\n"
        "* export support for small manufacturers\n"
        "\n"
        "Olga Petrova, Head of International Projects, Kaluga Pharmaceutical Cluster "
        "Association, said: “The label shows our partners abroad that our management "
        "meets European standards.”\n"
        "\n"
        "Details of the assessment are published at www.cluster-analysis.org.\n"
        "\n"
        "About Kaluga Pharmaceutical Cluster\n"
        "\n"
        "The cluster brings together pharmaceutical manufacturers, research institutes and "
        "universities of the Kaluga Region.\n",
    ),
    "pl_kaluga_silver.txt": (
        "utf-8-sig",
        "\n",
        "Kałuski Klaster Farmaceutyczny pierwszym rosyjskim klastrem ze srebrnym certyfikatem\n"
        "20 listopada 2017 r.\n"
        "\n"
        "Eksperci Europejskiego Sekretariatu Analiz Klastrowych przyznali Kałuskiemu "
        "Klastrowi Farmaceutycznemu srebrny certyfikat doskonałości zarządzania klastrem.\n"
        "\n"
        "Audyt objął:\n"
        "• system zarządzania klastrem,\n"
        "• usługi dla firm członkowskich,\n"
        "• współpracę z zagranicznymi partnerami.\n"
        "\n"
        "„Srebrny certyfikat pokazuje naszym partnerom, że stawiamy na jakość” – powiedziała "
        "Irina Sokołowa, dyrektor stowarzyszenia.\n"
        "\n"
        "--\n"
        "\n"
        "Kałuski Klaster Farmaceutyczny skupia producentów leków, instytuty badawcze "
        "i uczelnie obwodu kałuskiego.\n",
    ),
    "pl_pomorski_bronze.txt": (
        "cp1250",
        "\r\n",
        "Pomorski Klaster Morski z Brązową Odznaką Jakości Zarządzania\n"
        "17 czerwca 2021\n"
        "\n"
        "Pomorski Klaster Morski otrzymał Brązową Odznakę Jakości Zarządzania Klastrem "
        "po pierwszej analizie benchmarkingowej ESCA.\n"
        "\n"
        "Wyniki analizy\n"
        "\n"
        "Eksperci ocenili 31 wskaźników w pięciu obszarach. Najwyżej wypadły usługi "
        "dla członków i współpraca z uczelniami Trójmiasta.\n"
        "\n"
        "„Brązowa odznaka to dla nas dopiero początek drogi do srebra” – mówi "
        "Katarzyna Nowak, dyrektor biura klastra.\n"
        "\n"
        "--\n"
        "\n"
        "Pomorski Klaster Morski zrzesza stocznie, porty i firmy technologiczne "
        "z województwa pomorskiego.\n",
    ),
    "pl_mazowiecki_status.txt": (
        # ISO-8859-2 has no „ ” or –: straight quotes and a hyphen, as such files have.
        "iso8859_2",
        "\n",
        "Mazowiecki Klaster ICT otrzymał status Krajowego Klastra Kluczowego\n"
        "2022-03-15\n"
        "\n"
        "Minister rozwoju przyznał Mazowieckiemu Klastrowi ICT status Krajowego Klastra "
        "Kluczowego na kolejne trzy lata.\n"
        "\n"
        "Status przyznawany jest klastrom o dużym znaczeniu dla gospodarki kraju. "
        "Wniosek klastra oceniono w czterech obszarach:\n"
        "\n"
        "1) potencjał rozwojowy i innowacyjny\n"
        "2) zasoby i dorobek organizacji\n"
        "3) współpraca międzynarodowa\n"
        "4) plany rozwoju na najbliższe lata\n"
        "\n"
        '"Status KKK otwiera nam drogę do nowych programów wsparcia dla firm z regionu" '
        "- podkreśla Tomasz Wiśniewski, prezes Mazowieckiego Klastra ICT.\n"
        "\n"
        "O klastrze\n"
        "\n"
        "Mazowiecki Klaster ICT skupia ponad 150 firm informatycznych, uczelni i instytutów "
        "badawczych z Warszawy i okolic.\n",
    ),
    "ru_tomsk_bronze.txt": (
        "cp1251",
        "\r\n",
        "Томский медицинский кластер получил бронзовый сертификат ESCA\n"
        "14 марта 2019 г.\n"
        "\n"
        "Томский медицинский кластер стал обладателем бронзового сертификата качества "
        "управления кластером, который присуждает Европейский секретариат по кластерному "
        "анализу.\n"
        "\n"
        "Эксперты отметили три сильные стороны кластера:\n"
        "\n"
        "• совместные исследовательские проекты участников\n"
        "• центр коллективного пользования оборудованием\n"
        "• программы обучения для молодых специалистов\n"
        "\n"
        "«Сертификат подтверждает, что мы выстроили прозрачную систему управления», — "
        "сказал Павел Орлов, директор Томского медицинского кластера.\n"
        "\n"
        "Подробнее об оценке: https://www.cluster-analysis.org/labels.\n"
        "\n"
        "О кластере\n"
        "\n"
        "Томский медицинский кластер объединяет более сорока компаний, университетов "
        "и клиник Томской области.\n",
    ),
    "ru_kaluga_gold.txt": (
        # KOI8-R has no « » or —: straight quotes and a hyphen, as such files have.
        "koi8_r",
        "\n",
        "Калужский фармацевтический кластер получил золотой сертификат ESCA\n"
        "Опубликовано: 2 сентября 2020 г.\n"
        "\n"
        "Калужский фармацевтический кластер первым в России получил золотой сертификат "
        "качества управления кластером.\n"
        "\n"
        "Что оценивали эксперты\n"
        "\n"
        "1. стратегию развития и систему управления\n"
        "2. услуги для участников кластера\n"
        "3. международное сотрудничество\n"
        "4. результаты работы за три года\n"
        "\n"
        '"Золотой сертификат - это признание работы всей команды и наших партнеров", '
        "- отметила Ирина Смирнова, исполнительный директор кластера.\n"
        "\n"
        "--\n"
        "\n"
        'Ассоциация "Калужский фармацевтический кластер" объединяет более 60 предприятий '
        "и научных организаций Калужской области.\n",
    ),
}


@dataclass(frozen=True)
class Expected:
    """What the importer must read from one good sample."""

    language: str
    title: str
    date: datetime.date
    label_level: str
    cluster: str  # an existing cluster's slug, or the proposed new cluster's name
    list_items: int
    quotes: tuple = ()  # (speaker, role) pairs, in order
    boilerplate: str = ""  # how the "about the cluster" text starts ("" when there is none)
    award: tuple = ()  # (label slug, awarded on): the award the release announces
    blocks: tuple = ()  # body block types after the lead, in order
    headings: tuple = ()  # headings of the heading, note and about_cluster blocks, in order
    existing_cluster: bool = False


def existing(slug, **kwargs):
    return Expected(cluster=slug, existing_cluster=True, **kwargs)


def new(name, **kwargs):
    return Expected(cluster=name, **kwargs)


GOOD = {
    # UTF-8 Markdown: "#" title, "Opublikowano:" + "8 lutego 2023 r.", "-" list, „…” – mówi,
    # "##" heading, a note, "---" separator.
    "pl_lifescience_gold.md": existing(
        "lifescience-krakow",
        language="pl",
        title="Klaster LifeScience Kraków ze Złotą Odznaką ESCA",
        date=datetime.date(2023, 2, 8),
        label_level="gold",
        list_items=3,
        quotes=(("Anna Zielińska", "prezes zarządu Klastra LifeScience Kraków"),),
        boilerplate="Klaster LifeScience Kraków to sieć współpracy firm",
        award=("esca-gold", datetime.date(2023, 2, 8)),
        blocks=("paragraph", "heading", "list", "quote", "note", "about_cluster"),
        headings=("Co sprawdzili audytorzy", "Informacja dla redakcji", ""),
    ),
    # UTF-8 Markdown: "2 September 2020", Title Case title, “…,” said Name, Role.
    "en_silesian_bronze.md": new(
        "Silesian Water Technology Cluster",
        language="en",
        title="Silesian Water Technology Cluster Earns ESCA Bronze Label",
        date=datetime.date(2020, 9, 2),
        label_level="bronze",
        list_items=3,
        quotes=(("Marek Kowalczyk", "Cluster Manager"),),
        boilerplate="The Silesian Water Technology Cluster is a network",
        award=("esca-bronze", datetime.date(2020, 9, 2)),
        blocks=("heading", "list", "quote", "about_cluster"),
        headings=("What the benchmarking covered", ""),
    ),
    # UTF-8 text: "June 17, 2021", Name, Role, added: “…”, bare https link, "About …" heading.
    "en_energy_status.txt": new(
        "Lower Silesian Energy Cluster",
        language="en",
        title="Lower Silesian Energy Cluster granted National Key Cluster status",
        date=datetime.date(2021, 6, 17),
        label_level="status",
        list_items=0,
        quotes=(("Jan Malinowski", "President of the Management Board"),),
        boilerplate="The cluster gathers 70 energy companies",
        award=("national-key-cluster", datetime.date(2021, 6, 17)),
        blocks=("paragraph", "quote", "paragraph", "about_cluster"),
        headings=("About the Lower Silesian Energy Cluster",),
    ),
    # UTF-8 Markdown: "Опубликовано: 18 июня 2021 г.", «…», — подчеркнула Name, Role.
    # The award of 17 June 2021 is the one announced a day later.
    "ru_lifescience_silver.md": existing(
        "lifescience-krakow",
        language="ru",
        title="Кластер LifeScience Kraków получил серебряный сертификат ESCA",
        date=datetime.date(2021, 6, 18),
        label_level="silver",
        list_items=3,
        quotes=(("Мария Ковальская", "директор кластера"),),
        boilerplate="Кластер LifeScience Kraków объединяет компании",
        award=("esca-silver", datetime.date(2021, 6, 17)),
        blocks=("paragraph", "heading", "list", "quote", "about_cluster"),
        headings=("Области оценки", ""),
    ),
    # UTF-8 Markdown: title with a colon, "Published: 2022-05-05", numbered list, a note,
    # "## About …" heading holding a Markdown link.
    "en_baltic_gold.md": new(
        "Baltic Food Cluster",
        language="en",
        title="Baltic Food Cluster: ESCA Gold Label for a cluster from Gdynia",
        date=datetime.date(2022, 5, 5),
        label_level="gold",
        list_items=3,
        boilerplate="Baltic Food Cluster connects 55 food producers",
        award=("esca-gold", datetime.date(2022, 5, 5)),
        blocks=("heading", "list", "note", "about_cluster"),
        headings=("How the gold label was earned", "Note to editors", "About Baltic Food Cluster"),
    ),
    # UTF-8 text without a date line: the date is in the lead's dateline.
    "pl_podlasie_silver_date_in_lead.txt": new(
        "Klaster Zielone Podlasie",
        language="pl",
        title="Klaster Zielone Podlasie ze srebrną odznaką ESCA",
        date=datetime.date(2022, 3, 3),
        label_level="silver",
        list_items=0,
        award=("esca-silver", datetime.date(2022, 3, 3)),
        blocks=("paragraph",),
        headings=(),
    ),
    # UTF-8 text: "Опубликовано: 21 октября 2016 г.", status in Russian; the existing award.
    "ru_lifescience_status.txt": existing(
        "lifescience-krakow",
        language="ru",
        title="Кластер LifeScience Kraków получил статус национального ключевого кластера",
        date=datetime.date(2016, 10, 21),
        label_level="status",
        list_items=0,
        award=("national-key-cluster", datetime.date(2016, 10, 21)),
        blocks=("paragraph",),
        headings=(),
    ),
    # UTF-8 with BOM: "Published: November 22, 2017", "*" list, Name, Role, said: “…”,
    # bare www link, "About …" heading; the award of 20 November 2017.
    "en_kaluga_silver.txt": existing(
        "kaluga-pharma",
        language="en",
        title="Kaluga Pharmaceutical Cluster receives the ESCA Silver Label",
        date=datetime.date(2017, 11, 22),
        label_level="silver",
        list_items=3,
        quotes=(
            (
                "Olga Petrova",
                "Head of International Projects, Kaluga Pharmaceutical Cluster Association",
            ),
        ),
        boilerplate="The cluster brings together pharmaceutical manufacturers",
        award=("esca-silver", datetime.date(2017, 11, 20)),
        blocks=("paragraph", "list", "quote", "paragraph", "about_cluster"),
        headings=("About Kaluga Pharmaceutical Cluster",),
    ),
    # UTF-8 with BOM: "20 listopada 2017 r.", "•" list right under its intro line,
    # „…” – powiedziała Name, Role, "--" separator.
    "pl_kaluga_silver.txt": existing(
        "kaluga-pharma",
        language="pl",
        title=(
            "Kałuski Klaster Farmaceutyczny pierwszym rosyjskim klastrem ze srebrnym certyfikatem"
        ),
        date=datetime.date(2017, 11, 20),
        label_level="silver",
        list_items=3,
        quotes=(("Irina Sokołowa", "dyrektor stowarzyszenia"),),
        boilerplate="Kałuski Klaster Farmaceutyczny skupia producentów leków",
        award=("esca-silver", datetime.date(2017, 11, 20)),
        blocks=("paragraph", "list", "quote", "about_cluster"),
        headings=("",),
    ),
    # Windows-1250, CRLF: "17 czerwca 2021", plain heading, „…” – mówi, "--" separator.
    "pl_pomorski_bronze.txt": new(
        "Pomorski Klaster Morski",
        language="pl",
        title="Pomorski Klaster Morski z Brązową Odznaką Jakości Zarządzania",
        date=datetime.date(2021, 6, 17),
        label_level="bronze",
        list_items=0,
        quotes=(("Katarzyna Nowak", "dyrektor biura klastra"),),
        boilerplate="Pomorski Klaster Morski zrzesza stocznie",
        award=("esca-bronze", datetime.date(2021, 6, 17)),
        blocks=("heading", "paragraph", "quote", "about_cluster"),
        headings=("Wyniki analizy", ""),
    ),
    # ISO-8859-2: ISO date, "1)" list, "…" - podkreśla Name, Role, "O klastrze" heading.
    "pl_mazowiecki_status.txt": new(
        "Mazowiecki Klaster ICT",
        language="pl",
        title="Mazowiecki Klaster ICT otrzymał status Krajowego Klastra Kluczowego",
        date=datetime.date(2022, 3, 15),
        label_level="status",
        list_items=4,
        quotes=(("Tomasz Wiśniewski", "prezes Mazowieckiego Klastra ICT"),),
        boilerplate="Mazowiecki Klaster ICT skupia ponad 150 firm",
        award=("national-key-cluster", datetime.date(2022, 3, 15)),
        blocks=("paragraph", "list", "quote", "about_cluster"),
        headings=("O klastrze",),
    ),
    # Windows-1251, CRLF: "14 марта 2019 г.", "•" list, «…», — сказал Name, Role,
    # bare https link, "О кластере" heading.
    "ru_tomsk_bronze.txt": new(
        "Томский медицинский кластер",
        language="ru",
        title="Томский медицинский кластер получил бронзовый сертификат ESCA",
        date=datetime.date(2019, 3, 14),
        label_level="bronze",
        list_items=3,
        quotes=(("Павел Орлов", "директор Томского медицинского кластера"),),
        boilerplate="Томский медицинский кластер объединяет более сорока",
        award=("esca-bronze", datetime.date(2019, 3, 14)),
        blocks=("paragraph", "list", "quote", "paragraph", "about_cluster"),
        headings=("О кластере",),
    ),
    # KOI8-R: "Опубликовано: 2 сентября 2020 г.", plain heading, "1." list,
    # "…", - отметила Name, Role, "--" separator.
    "ru_kaluga_gold.txt": existing(
        "kaluga-pharma",
        language="ru",
        title="Калужский фармацевтический кластер получил золотой сертификат ESCA",
        date=datetime.date(2020, 9, 2),
        label_level="gold",
        list_items=4,
        quotes=(("Ирина Смирнова", "исполнительный директор кластера"),),
        boilerplate='Ассоциация "Калужский фармацевтический кластер" объединяет',
        award=("esca-gold", datetime.date(2020, 9, 2)),
        blocks=("heading", "list", "quote", "about_cluster"),
        headings=("Что оценивали эксперты", ""),
    ),
    # Notes to editors and "about the cluster" headings in the forms releases use, and a
    # cluster named in another case than the nominative (issue 14).
    # UTF-8 text: "Uwaga dla redakcji: …" opens the notes with its own text, the contact line
    # below stays in them; "O Pomorskim Klastrze Morskim"; the genitive name in the title.
    "pl_pomorski_silver_note.txt": new(
        "Pomorski Klaster Morski",
        language="pl",
        title="Srebrna odznaka ESCA dla Pomorskiego Klastra Morskiego",
        date=datetime.date(2022, 5, 5),
        label_level="silver",
        list_items=0,
        boilerplate="Pomorski Klaster Morski zrzesza stocznie",
        award=("esca-silver", datetime.date(2022, 5, 5)),
        blocks=("paragraph", "note", "about_cluster"),
        headings=("Uwaga dla redakcji", "O Pomorskim Klastrze Morskim"),
    ),
    # UTF-8 text: "Примечание для редакторов:" alone on its line, "Справка о кластере",
    # the dative "кластеру «Мазовецкий ИТ»" in the title.
    "ru_mazowiecki_silver_note.txt": new(
        "Кластер «Мазовецкий ИТ»",
        language="ru",
        title="Серебряный сертификат ESCA вручен кластеру «Мазовецкий ИТ»",
        date=datetime.date(2023, 4, 12),
        label_level="silver",
        list_items=0,
        boilerplate="Кластер «Мазовецкий ИТ» объединяет 120 компаний",
        award=("esca-silver", datetime.date(2023, 4, 12)),
        blocks=("paragraph", "note", "about_cluster"),
        headings=("Примечание для редакторов", "Справка о кластере"),
    ),
    # UTF-8 Markdown: "Nota dla redakcji" alone, "## Informacje o klastrze „…”", the genitive
    # "Klastra „Dolina Lotnicza Wschód”" in the title.
    "pl_dolina_gold_nota.md": new(
        "Klaster „Dolina Lotnicza Wschód”",
        language="pl",
        title="Złota odznaka ESCA dla Klastra „Dolina Lotnicza Wschód”",
        date=datetime.date(2023, 10, 3),
        label_level="gold",
        list_items=2,
        boilerplate="Klaster „Dolina Lotnicza Wschód” skupia 90 firm",
        award=("esca-gold", datetime.date(2023, 10, 3)),
        blocks=("heading", "list", "note", "about_cluster"),
        headings=(
            "Co oceniali audytorzy",
            "Nota dla redakcji",
            "Informacje o klastrze „Dolina Lotnicza Wschód”",
        ),
    ),
    # UTF-8 Markdown: "**Notes to editors:** …" and "About the cluster: …" as labels that
    # open their sections with their own text.
    "en_robotics_silver_notes.md": new(
        "Northern Robotics Cluster",
        language="en",
        title="Northern Robotics Cluster Earns ESCA Silver Label",
        date=datetime.date(2024, 3, 14),
        label_level="silver",
        list_items=0,
        boilerplate="The Northern Robotics Cluster brings together 60 robotics companies",
        award=("esca-silver", datetime.date(2024, 3, 14)),
        blocks=("note", "about_cluster"),
        headings=("Notes to editors", "About the cluster"),
    ),
    # UTF-8 text: the existing cluster named only in the dative and the locative;
    # "Информация для редакторов: …", "О Калужском фармацевтическом кластере".
    "ru_kaluga_silver_dative.txt": existing(
        "kaluga-pharma",
        language="ru",
        title="Калужскому фармацевтическому кластеру вручен серебряный сертификат ESCA",
        date=datetime.date(2017, 11, 20),
        label_level="silver",
        list_items=0,
        boilerplate="Кластер объединяет более 60 предприятий",
        award=("esca-silver", datetime.date(2017, 11, 20)),
        blocks=("note", "about_cluster"),
        headings=("Информация для редакторов", "О Калужском фармацевтическом кластере"),
    ),
}

# Bad samples, with a pattern the (English) message must contain.
BAD = {
    "bad_empty.txt": "empty",
    "bad_whitespace.txt": "empty",
    "bad_binary.txt": "binary",
    "bad_title_only.md": "text|date",
    "bad_no_date.txt": "date",
    "bad_impossible_date.txt": "31 lutego 2021",
}


def sample(name):
    return (RELEASES / name).read_bytes()


def too_large_release():
    """A release that is fine but for its size: just over 1 MB."""
    head = sample("pl_lifescience_gold.md")
    filler = "Akapit wypełniający tekst komunikatu, aby plik był za duży.\n\n".encode()
    return head + filler * (MAX_FILE_BYTES // len(filler) + 1)


GENERATED_BAD = {
    "too_large.txt": (too_large_release, "1 MB"),
    "utf16.txt": (
        lambda: "Klaster Testowy z odznaką\n2021-06-17\n\nTekst komunikatu.\n".encode("utf-16"),
        "encoding|UTF-8",
    ),
    "high_bytes.txt": (lambda: bytes(range(0x80, 0x100)) * 8, "."),
}


def counts():
    """Everything an import may write."""
    return {
        "pages": Page.objects.count(),
        "releases": PressReleasePage.objects.count(),
        "cluster_pages": ClusterNewsPage.objects.count(),
        "clusters": Cluster.objects.count(),
        "awards": Award.objects.count(),
        "revisions": Revision.objects.count(),
    }


def body_text(body):
    """Every string in a StreamField's raw data, joined: the stored HTML and plain values."""

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("id", "type"):
                    yield from strings(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from strings(item)

    return "\n".join(strings(body.get_prep_value()))


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def facts_of(data, expected):
    """The facts of an outcome's JSON, shaped for comparison with `expected`."""
    boilerplate = data["boilerplate"]
    return {
        "language": data["language"],
        "title": data["title"],
        "date": data["date"],
        "label_level": data["label_level"],
        "cluster": data["cluster_slug"] or f"new: {data['cluster']}",
        "list_items": data["list_items"],
        "quotes": [(quote["speaker"], quote["role"]) for quote in data["quotes"]],
        "boilerplate": boilerplate[: len(expected.boilerplate)]
        if expected.boilerplate
        else boilerplate,
    }


def expected_facts(expected):
    return {
        "language": expected.language,
        "title": expected.title,
        "date": expected.date.isoformat(),
        "label_level": expected.label_level,
        "cluster": expected.cluster if expected.existing_cluster else f"new: {expected.cluster}",
        "list_items": expected.list_items,
        "quotes": list(expected.quotes),
        "boilerplate": expected.boilerplate,
    }


# --- the sample set ----------------------------------------------------------------------


def test_sample_folder_holds_exactly_the_listed_samples():
    assert sorted(p.name for p in RELEASES.iterdir()) == sorted([*GOOD, *BAD])
    assert set(ENCODED_SAMPLES) <= set(GOOD)
    encodings = {encoding for encoding, _newline, _text in ENCODED_SAMPLES.values()}
    assert encodings == {"utf-8-sig", "cp1250", "iso8859_2", "cp1251", "koi8_r"}
    assert {expected.language for expected in GOOD.values()} == {"pl", "en", "ru"}
    assert {expected.label_level for expected in GOOD.values()} == {
        "bronze",
        "silver",
        "gold",
        "status",
    }


@pytest.mark.parametrize("name", sorted(ENCODED_SAMPLES))
def test_encoded_sample_bytes_are_their_text(name):
    encoding, newline, text = ENCODED_SAMPLES[name]
    data = sample(name)
    assert data == text.replace("\n", newline).encode(encoding)
    assert decode_release_bytes(data) == text


@pytest.mark.parametrize("name", sorted(set(GOOD) - set(ENCODED_SAMPLES)))
def test_utf8_samples_decode_as_written(name):
    data = sample(name)
    assert decode_release_bytes(data) == data.decode("utf-8")


# --- one file at a time --------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_sample_facts(demo_site, name):
    expected = GOOD[name]
    before = counts()
    outcome = import_release(sample(name), name, dry_run=True)
    data = outcome.as_json()
    assert (data["status"], data["error"]) == ("ok", "")
    assert data["file"] == name
    assert facts_of(data, expected) == expected_facts(expected)
    assert data["page"] is None
    assert counts() == before


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_sample_body_blocks(demo_site, name):
    expected = GOOD[name]
    parsed = extract(sample(name)).parsed
    assert [block_type for block_type, _value in parsed.blocks] == list(expected.blocks)
    headings = [
        value if block_type == "heading" else value["heading"]
        for block_type, value in parsed.blocks
        if block_type in ("heading", "note", "about_cluster")
    ]
    assert headings == list(expected.headings)
    quotes = [(value["speaker"], value["role"]) for kind, value in parsed.blocks if kind == "quote"]
    assert quotes == list(expected.quotes)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_sample_is_written_as_a_draft(demo_site, name):
    expected = GOOD[name]
    label_slug, awarded_on = expected.award
    before = counts()
    award_existed = Award.objects.filter(
        cluster__slug=expected.cluster, label__slug=label_slug, awarded_on=awarded_on
    ).exists()

    outcome = import_release(sample(name), name)

    assert (outcome.status, outcome.error) == ("ok", "")
    assert outcome.created
    page = PressReleasePage.objects.get(pk=outcome.page.pk)
    assert not page.live
    assert page.locale.language_code == expected.language
    assert outcome.as_json()["page"].endswith(f"/admin/pages/{page.pk}/edit/")
    draft = page.get_latest_revision_as_object()
    assert (draft.title, draft.release_date) == (expected.title, expected.date)
    [cluster] = draft.clusters.all()
    if expected.existing_cluster:
        assert cluster.slug == expected.cluster
    else:
        assert getattr(cluster, f"name_{expected.language}") == expected.cluster
    assert [(a.cluster_id, a.label.slug, a.awarded_on) for a in draft.awards.all()] == [
        (cluster.pk, label_slug, awarded_on)
    ]
    parent = page.get_parent().specific
    assert isinstance(parent, ClusterNewsPage)
    assert (parent.cluster_id, parent.locale_id) == (cluster.pk, page.locale_id)
    after = counts()
    assert after["releases"] == before["releases"] + 1
    assert after["clusters"] == before["clusters"] + (not expected.existing_cluster)
    assert after["awards"] == before["awards"] + (not award_existed)


def test_rich_sample_keeps_its_structure(demo_site):
    outcome = import_release(sample("pl_lifescience_gold.md"), "pl_lifescience_gold.md")
    draft = outcome.page.get_latest_revision_as_object()
    assert draft.lead == (
        "Klaster LifeScience Kraków jako pierwszy klaster z Polski Południowej otrzymał Złotą "
        "Odznakę Jakości Zarządzania Klastrem, przyznawaną przez ESCA."
    )
    body = list(draft.body)
    assert [block.block_type for block in body] == [
        "paragraph",
        "heading",
        "list",
        "quote",
        "note",
        "about_cluster",
    ]
    paragraph, heading, items, quote, note, about = (block.value for block in body)
    assert str(paragraph).startswith("<p>Złota odznaka to najwyższy stopień")
    assert heading == "Co sprawdzili audytorzy"
    assert list(items) == [
        "strukturę i strategię klastra",
        "finansowanie i usługi dla członków",
        "współpracę z partnerami w Europie",
    ]
    assert quote["text"] == (
        "Złota odznaka to zasługa wszystkich członków, którzy od lat budują z nami wspólny "
        "ekosystem"
    )
    assert (quote["speaker"], quote["role"]) == (
        "Anna Zielińska",
        "prezes zarządu Klastra LifeScience Kraków",
    )
    assert note["heading"] == "Informacja dla redakcji"
    assert "zdjęcia z wręczenia odznaki udostępniamy na prośbę" in str(note["text"])
    assert "Klaster LifeScience Kraków to sieć współpracy" in str(about["text"])


@pytest.mark.parametrize(
    ("name", "anchor"),
    [
        # Markdown links, in the body and in the "about" block.
        (
            "en_baltic_gold.md",
            '<a href="https://balticfood.example">balticfood.example</a>',
        ),
        # Bare links, with and without a scheme, before a full stop.
        (
            "en_kaluga_silver.txt",
            '<a href="https://www.cluster-analysis.org">www.cluster-analysis.org</a>',
        ),
        (
            "en_energy_status.txt",
            '<a href="https://www.gov.pl/web/rozwoj-technologia">'
            "https://www.gov.pl/web/rozwoj-technologia</a>",
        ),
        (
            "ru_tomsk_bronze.txt",
            '<a href="https://www.cluster-analysis.org/labels">'
            "https://www.cluster-analysis.org/labels</a>",
        ),
    ],
)
def test_links_become_anchors(demo_site, name, anchor):
    outcome = import_release(sample(name), name)
    body = outcome.page.get_latest_revision_as_object().body
    assert anchor in body_text(body)


@pytest.mark.parametrize(
    ("name", "lead_end"),
    [
        ("en_silesian_bronze.md", "Read more about the label on the ESCA website."),
        ("ru_lifescience_silver.md", "качества управления кластером от ESCA."),
    ],
)
def test_markdown_link_in_the_lead_keeps_its_text(demo_site, name, lead_end):
    lead = extract(sample(name)).parsed.lead
    assert lead.endswith(lead_end)
    assert "](" not in lead


@pytest.mark.parametrize(
    ("name", "quote_start"),
    [
        ("pl_lifescience_gold.md", "Złota odznaka to zasługa wszystkich członków"),
        ("en_kaluga_silver.txt", "The label shows our partners abroad"),
        ("ru_tomsk_bronze.txt", "Сертификат подтверждает, что мы выстроили"),
        ("ru_kaluga_gold.txt", "Золотой сертификат - это признание работы"),
    ],
)
def test_quotes_render_on_the_published_page(client, demo_site, name, quote_start):
    expected = GOOD[name]
    outcome = import_release(sample(name), name, publish=True)
    page = PressReleasePage.objects.get(pk=outcome.page.pk)
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    [(speaker, role)] = expected.quotes
    assert f'<span class="quote__speaker">{speaker}</span>' in html
    assert f'<span class="quote__role">{role}</span>' in html
    [quote] = [block.value for block in page.body if block.block_type == "quote"]
    assert quote["text"].startswith(quote_start)
    assert quote_start in html


@pytest.mark.parametrize("name", [*sorted(BAD), *sorted(GENERATED_BAD)])
def test_bad_input_gives_a_readable_error_and_writes_nothing(demo_site, english, name):
    if name in BAD:
        data, pattern = sample(name), BAD[name]
    else:
        make, pattern = GENERATED_BAD[name]
        data = make()
    before = counts()

    outcome = import_release(data, name)

    assert outcome.status == "error"
    message = outcome.error
    assert message and message[0].isupper() and message.rstrip().endswith(".")
    assert "Traceback" not in message and "Error(" not in message
    assert re.search(pattern, message, re.IGNORECASE), message
    assert outcome.page is None
    assert outcome.as_json() == {"file": name, "status": "error", "error": message, "page": None}
    assert counts() == before


def test_too_large_file_is_just_over_the_limit():
    data = too_large_release()
    assert MAX_FILE_BYTES < len(data) < MAX_FILE_BYTES + 100_000


# --- the management command ---------------------------------------------------------------


def run_command(*args):
    """Run import_releases with JSON output: (one dict per file, the CommandError or None)."""
    out = io.StringIO()
    error = None
    try:
        call_command("import_releases", *map(str, args), "--format", "json", stdout=out)
    except CommandError as raised:
        error = raised
    lines = out.getvalue().splitlines()
    return [json.loads(line) for line in lines], error


def copy_samples(folder, *names):
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(RELEASES / name, folder / name)
    return [folder / name for name in names]


def test_command_mixed_batch(demo_site, english, tmp_path):
    good = ["en_kaluga_silver.txt", "pl_pomorski_bronze.txt", "ru_tomsk_bronze.txt"]
    bad = ["bad_binary.txt", "bad_empty.txt", "bad_impossible_date.txt", "bad_no_date.txt"]
    folder = tmp_path / "batch"
    copy_samples(folder, *good, *bad)
    (folder / "too_large.txt").write_bytes(too_large_release())
    (folder / "notes.odt").write_bytes(b"PK\x03\x04 not a release")  # not .txt/.md: skipped
    before = counts()

    results, error = run_command(folder)

    assert error is not None
    assert error.returncode != 0
    assert "5 of 8" in str(error)
    by_file = {Path(result["file"]).name: result for result in results}
    assert list(by_file) == sorted([*good, *bad, "too_large.txt"])
    for name in good:
        result = by_file[name]
        assert (result["status"], result["error"]) == ("ok", "")
        assert result["title"] == GOOD[name].title
        assert result["page"]
        page = PressReleasePage.objects.get(
            locale__language_code=GOOD[name].language, title=GOOD[name].title
        )
        assert not page.live
    for name in [*bad, "too_large.txt"]:
        result = by_file[name]
        assert result["status"] == "error"
        assert result["error"]
        assert result["page"] is None
    assert counts()["releases"] == before["releases"] + len(good)


def test_command_all_good_exits_cleanly(demo_site, tmp_path):
    paths = copy_samples(tmp_path / "good", "pl_lifescience_gold.md", "ru_kaluga_gold.txt")
    results, error = run_command(*paths)
    assert error is None
    assert [result["status"] for result in results] == ["ok", "ok"]


def test_command_dry_run_writes_nothing(demo_site, tmp_path):
    paths = copy_samples(tmp_path / "all", *sorted(GOOD))
    before = counts()
    results, error = run_command(*paths, "--dry-run")
    assert error is None
    assert [result["status"] for result in results] == ["ok"] * len(GOOD)
    assert all(result["page"] is None for result in results)
    assert counts() == before


def test_command_publish_makes_the_page_live(demo_site, tmp_path):
    [path] = copy_samples(tmp_path / "one", "en_energy_status.txt")
    results, error = run_command(path, "--publish")
    assert error is None
    page = PressReleasePage.objects.get(title=GOOD["en_energy_status.txt"].title)
    assert page.live
    assert not page.has_unpublished_changes
    assert page.get_parent().live


def test_command_without_publish_saves_a_draft(demo_site, tmp_path):
    [path] = copy_samples(tmp_path / "one", "en_energy_status.txt")
    run_command(path)
    page = PressReleasePage.objects.get(title=GOOD["en_energy_status.txt"].title)
    assert not page.live


def test_command_language_overrides_detection(demo_site, tmp_path):
    [path] = copy_samples(tmp_path / "one", "en_energy_status.txt")
    [result], error = run_command(path, "--language", "pl")
    assert error is None
    assert result["language"] == "pl"
    page = PressReleasePage.objects.get(title=GOOD["en_energy_status.txt"].title)
    assert page.locale.language_code == "pl"


def test_command_cluster_overrides_matching(demo_site, tmp_path):
    [path] = copy_samples(tmp_path / "one", "en_energy_status.txt")
    clusters = Cluster.objects.count()
    [result], error = run_command(path, "--cluster", "lifescience-krakow")
    assert error is None
    assert result["cluster_slug"] == "lifescience-krakow"
    assert Cluster.objects.count() == clusters
    page = PressReleasePage.objects.get(title=GOOD["en_energy_status.txt"].title)
    assert [c.slug for c in page.get_latest_revision_as_object().clusters.all()] == [
        "lifescience-krakow"
    ]


def test_command_unknown_cluster_is_a_file_error(demo_site, english, tmp_path):
    [path] = copy_samples(tmp_path / "one", "en_energy_status.txt")
    before = counts()
    [result], error = run_command(path, "--cluster", "no-such-cluster")
    assert error is not None and error.returncode != 0
    assert result["status"] == "error"
    assert "no-such-cluster" in result["error"]
    assert counts() == before


def test_command_text_report(demo_site, english, tmp_path):
    paths = copy_samples(tmp_path / "two", "pl_pomorski_bronze.txt", "bad_empty.txt")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_releases", *map(str, paths), stdout=out)
    report = out.getvalue()
    assert GOOD["pl_pomorski_bronze.txt"].title in report
    assert "bad_empty.txt" in report
    assert "The file is empty." in report


# --- importing again ------------------------------------------------------------------------


def revisions_of(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


@pytest.mark.parametrize("name", ["en_energy_status.txt", "pl_lifescience_gold.md"])
def test_importing_the_same_file_again_updates_its_release(demo_site, name):
    first = import_release(sample(name), name)
    after_first = counts()
    second = import_release(sample(name), name)

    assert second.status == "ok"
    assert second.page.pk == first.page.pk
    assert not second.created
    assert not second.cluster_created and not second.award_created
    after_second = counts()
    assert after_second == after_first | {"revisions": after_first["revisions"] + 1}
    assert revisions_of(second.page) == 2


def test_importing_the_same_file_twice_with_the_command(demo_site, tmp_path):
    [path] = copy_samples(tmp_path / "one", "ru_tomsk_bronze.txt")
    run_command(path)
    after_first = counts()
    [result], error = run_command(path)
    assert error is None and result["status"] == "ok"
    assert counts() == after_first | {"revisions": after_first["revisions"] + 1}


def test_an_edited_release_updates_it_only_when_chosen(demo_site):
    name = "pl_lifescience_gold.md"
    original = sample(name).decode()
    old_sentence = "Audytorzy ocenili klaster po raz trzeci"
    new_sentence = "Audytorzy odwiedzili klaster w styczniu i ocenili 31 wskaźników"
    assert old_sentence in original
    edited = original.replace(old_sentence, new_sentence).encode()

    first = import_release(sample(name), name)
    after_first = counts()
    # Another text with the same title and date is another release unless a person says so.
    unchosen = import_release(edited, "pl_lifescience_gold (kopia).md", dry_run=True)
    assert plan_release(unchosen.extraction).release is None

    second = ImportOutcome(file="pl_lifescience_gold (poprawiony).md")
    second.extraction = extract(edited)
    save_release(second, release=PressReleasePage.objects.get(pk=first.page.pk))

    assert second.status == "ok"
    assert second.page.pk == first.page.pk
    assert not second.created
    assert counts() == after_first | {"revisions": after_first["revisions"] + 1}
    draft = second.page.get_latest_revision_as_object()
    body = body_text(draft.body)
    assert new_sentence in body
    assert old_sentence not in body
    assert draft.title == GOOD[name].title


def test_the_same_release_in_another_encoding_updates_it(demo_site):
    name = "pl_pomorski_bronze.txt"
    _encoding, _newline, text = ENCODED_SAMPLES[name]
    first = import_release(sample(name), name)
    after_first = counts()
    second = import_release(text.encode("utf-8"), "pl_pomorski_bronze.utf8.txt")
    assert second.page.pk == first.page.pk
    assert counts() == after_first | {"revisions": after_first["revisions"] + 1}


def test_a_proposed_cluster_is_a_draft_on_no_public_surface_until_its_release_goes_live(
    demo_site, client
):
    name = GOOD["en_silesian_bronze.md"].cluster
    outcome = import_release(sample("en_silesian_bronze.md"), "en_silesian_bronze.md")
    assert outcome.cluster_created
    cluster = Cluster.objects.get(name_en=name)
    assert not cluster.live and cluster.latest_revision is not None
    surfaces = ["/en/", "/en/news/", "/en/news/feed/rss/", "/en/search/?q=Silesian"]
    assert not [url for url in surfaces if name in client.get(url).content.decode()]

    release = PressReleasePage.objects.get(pk=outcome.page.pk)
    release.get_latest_revision().publish()

    cluster.refresh_from_db()
    assert cluster.live
    index = client.get("/en/news/").content.decode()
    assert name in index and f"?cluster={cluster.slug}" in index
    assert name in client.get("/en/search/?q=Silesian").content.decode()
