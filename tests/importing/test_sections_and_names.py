"""Notes to editors, the "about the cluster" boilerplate and cluster names in the nominative,
in the forms Polish, English and Russian releases write them (issue 14).

The samples are in data/releases with the others (test_files.py checks their facts and
drafts); here they go through the service and the admin screen, and each form of a label,
heading and name goes through the parser on a small release of its own.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsroom.importing.facts import propose_cluster_name
from newsroom.importing.nominative import nominative_name
from newsroom.importing.service import import_release
from newsroom.importing.structure import parse_release_text
from newsroom.models.records import Cluster
from tests.helpers import as_plain_spaces, review_post_data

RELEASES = Path(__file__).parent / "data" / "releases"
ROOT = Path(__file__).resolve().parent.parent.parent


def sample(name):
    return (RELEASES / name).read_bytes()


def release_text(*body):
    """A small release with `body` (lines) between its lead and its end."""
    return "\n".join(
        [
            "Klaster Testowy ze srebrną odznaką",
            "2021-06-17",
            "",
            "Klaster Testowy otrzymał srebrną odznakę ESCA.",
            "",
            "Audytorzy ocenili strategię klastra.",
            "",
            *body,
            "",
        ]
    )


def blocks_of(text):
    return parse_release_text(text).blocks


def section(blocks, kind):
    [value] = [value for block_type, value in blocks if block_type == kind]
    return value


# --- notes to editors -----------------------------------------------------------------------

NOTE_LABELS = [
    "Uwaga dla redakcji",
    "UWAGA DLA REDAKCJI",
    "Uwagi dla redakcji",
    "Nota dla redakcji",
    "Notatka dla redakcji",
    "Informacja dla redakcji",
    "Informacje dla mediów",
    "Note to editors",
    "Notes to editors",
    "Notes to Editors",
    "Note for the media",
    "Editor's note",
    "Примечание для редакторов",
    "Примечания для редакторов",
    "Информация для редакторов",
    "Справка для СМИ",
    "К сведению редакций",
    "Note",
    "Uwaga",
    "Примечание",
]


@pytest.mark.parametrize("label", NOTE_LABELS)
@pytest.mark.parametrize("colon", [":", ""])
def test_a_note_label_alone_on_its_line_heads_the_paragraphs_after_it(label, colon):
    blocks = blocks_of(release_text(f"{label}{colon}", "", "Zdjęcia udostępniamy na prośbę."))
    assert [block_type for block_type, _value in blocks] == ["paragraph", "note"]
    note = section(blocks, "note")
    assert note == {"heading": label, "text": "<p>Zdjęcia udostępniamy na prośbę.</p>"}


@pytest.mark.parametrize("label", NOTE_LABELS)
@pytest.mark.parametrize(
    "separator", [": ", " – ", ":** ", "** – "], ids=["colon", "dash", "bold", "bold-dash"]
)
def test_a_note_label_before_text_keeps_the_text_as_its_first_paragraph(label, separator):
    bold = "**" if "**" in separator else ""
    line = f"{bold}{label}{separator}zdjęcia udostępniamy na prośbę."
    blocks = blocks_of(release_text(line, "", "Kontakt: biuro@klaster.example"))
    assert [block_type for block_type, _value in blocks] == ["paragraph", "note"]
    note = section(blocks, "note")
    assert note["heading"] == label
    assert note["text"] == (
        "<p>zdjęcia udostępniamy na prośbę.</p><p>Kontakt: biuro@klaster.example</p>"
    )


@pytest.mark.parametrize(
    "label", ["Nota dla redakcji", "Notes to editors", "Примечание для редакторов"]
)
def test_a_full_note_label_before_a_sentence_needs_no_colon(label):
    blocks = blocks_of(release_text(f"{label} Zdjęcia udostępniamy na prośbę."))
    assert section(blocks, "note") == {
        "heading": label,
        "text": "<p>Zdjęcia udostępniamy na prośbę.</p>",
    }


@pytest.mark.parametrize(
    "paragraph",
    [
        "Notes from the audit were shared with every member.",
        "Note that the label is valid for two years.",
        "Uwagi audytorów dotyczyły głównie finansowania.",
        "Informacja dla mediów jest dostępna na stronie klastra.",
        "Примечание к отчету опубликовано на сайте кластера.",
        "Notariusz potwierdził dokumenty klastra.",
    ],
)
def test_a_paragraph_that_only_starts_like_a_label_stays_a_paragraph(paragraph):
    blocks = blocks_of(release_text(paragraph))
    assert blocks[-1] == ("paragraph", f"<p>{paragraph}</p>")
    assert "note" not in [block_type for block_type, _value in blocks]


def test_an_about_heading_ends_the_notes():
    blocks = blocks_of(
        release_text(
            "Uwaga dla redakcji: zdjęcia na prośbę.",
            "",
            "O Klastrze Testowym",
            "",
            "Klaster Testowy działa od 2006 r.",
        )
    )
    assert blocks[1:] == [
        ("note", {"heading": "Uwaga dla redakcji", "text": "<p>zdjęcia na prośbę.</p>"}),
        (
            "about_cluster",
            {"heading": "O Klastrze Testowym", "text": "<p>Klaster Testowy działa od 2006 r.</p>"},
        ),
    ]


# --- the "about the cluster" boilerplate ----------------------------------------------------

ABOUT_HEADINGS = [
    "About the Lower Silesian Energy Cluster",
    "About Northern Robotics Cluster",
    "About Northern Robotics",
    "About the cluster",
    "About us",
    "ABOUT THE CLUSTER",
    "O Klastrze Testowym",
    "O Pomorskim Klastrze Morskim",
    "O klastrze",
    "O naszym klastrze",
    "O LifeScience Kraków",
    "O nas",
    "Informacje o klastrze Testowym",
    "Informacja o klastrze",
    "O Stowarzyszeniu Klaster Testowy",
    "О кластере «Мазовецкий ИТ»",
    "О Калужском фармацевтическом кластере",
    "О «Калужском фармацевтическом кластере»",
    "О кластере",
    "О нашем кластере",
    "Об ассоциации",
    "Справка о кластере",
    "Информация о кластере",
    "Информация о компании",
]


@pytest.mark.parametrize("heading", ABOUT_HEADINGS)
@pytest.mark.parametrize("form", ["plain", "colon", "markdown"])
def test_every_form_of_the_about_heading_opens_the_boilerplate(heading, form):
    line = {"plain": heading, "colon": f"{heading}:", "markdown": f"## {heading}"}[form]
    parsed = parse_release_text(release_text(line, "", "Klaster zrzesza 40 firm."))
    assert parsed.blocks[-1] == (
        "about_cluster",
        {"heading": heading, "text": "<p>Klaster zrzesza 40 firm.</p>"},
    )
    assert parsed.boilerplate == "Klaster zrzesza 40 firm."


@pytest.mark.parametrize(
    "heading", ["O klastrze", "About the Lower Silesian Energy Cluster", "Справка о кластере"]
)
def test_an_about_label_before_text_keeps_the_text_in_the_boilerplate(heading):
    parsed = parse_release_text(release_text(f"{heading}: Klaster zrzesza 40 firm."))
    assert parsed.blocks[-1] == (
        "about_cluster",
        {"heading": heading, "text": "<p>Klaster zrzesza 40 firm.</p>"},
    )


def test_a_paragraph_about_something_else_stays_a_paragraph():
    paragraph = "About the audit: the auditors checked 31 indicators."
    blocks = blocks_of(release_text(paragraph, "", "Audyt trwał trzy dni."))
    assert [block_type for block_type, _value in blocks] == ["paragraph"] * 3


@pytest.mark.parametrize(
    "heading",
    [
        "Co sprawdzili audytorzy",
        "O krok od złota",
        "O wynikach audytu klastra",
        "Informacja o certyfikacie",
        "О проекте",
        "Информация о сертификате",
        "Кластер в цифрах",
        "About 70 companies joined",
    ],
)
def test_other_headings_stay_headings(heading):
    blocks = blocks_of(release_text(heading, "", "Audyt trwał trzy dni."))
    assert blocks[1:] == [("heading", heading), ("paragraph", "<p>Audyt trwał trzy dni.</p>")]


# --- cluster names in the nominative --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "language", "nominative"),
    [
        ("кластеру «Мазовецкий ИТ»", "ru", "Кластер «Мазовецкий ИТ»"),
        ('кластера "Мазовецкий ИТ"', "ru", 'Кластер "Мазовецкий ИТ"'),
        ("Томскому медицинскому кластеру", "ru", "Томский медицинский кластер"),
        ("Калужском фармацевтическом кластере", "ru", "Калужский фармацевтический кластер"),
        ("Томского медицинского кластера", "ru", "Томский медицинский кластер"),
        ("Томским медицинским кластером", "ru", "Томский медицинский кластер"),
        ("ИТ-кластеру Мазовии", "ru", "ИТ-кластер Мазовии"),
        ("Томский медицинский кластер", "ru", "Томский медицинский кластер"),
        ("Klastra „Mazowiecki IT”", "pl", "Klaster „Mazowiecki IT”"),
        ("klastrowi „Mazowieckiemu IT”", "pl", "Klaster „Mazowieckiemu IT”"),
        ("Klastrem LifeScience Kraków", "pl", "Klaster LifeScience Kraków"),
        ("Klastrze Zielone Podlasie", "pl", "Klaster Zielone Podlasie"),
        ("Pomorskiego Klastra Morskiego", "pl", "Pomorski Klaster Morski"),
        ("Mazowieckiemu Klastrowi ICT", "pl", "Mazowiecki Klaster ICT"),
        ("Śląskim Klastrze Wodnym", "pl", "Śląski Klaster Wodny"),
        ("Dolnośląskim Klastrem Energetycznym", "pl", "Dolnośląski Klaster Energetyczny"),
        ("Klastra Obróbki Metali", "pl", "Klaster Obróbki Metali"),
        ("Klastra Zielonego Podlasia", "pl", "Klaster Zielonego Podlasia"),
        ("Pomorski Klaster Morski", "pl", "Pomorski Klaster Morski"),
        ("Baltic Food Cluster", "en", "Baltic Food Cluster"),
    ],
)
def test_a_proposed_name_is_in_the_nominative(name, language, nominative):
    assert nominative_name(name, language) == nominative


@pytest.mark.parametrize(
    ("title", "language", "proposed"),
    [
        ("Сертификат ESCA вручен кластеру «Мазовецкий ИТ»", "ru", "Кластер «Мазовецкий ИТ»"),
        ("Золотой сертификат Томскому медицинскому кластеру", "ru", "Томский медицинский кластер"),
        ("Аудит в Калужском фармацевтическом кластере", "ru", "Калужский фармацевтический кластер"),
        ("Сертификат для ИТ-кластера Мазовии", "ru", "ИТ-кластер Мазовии"),
        ("Грант кластеру «Мазовецкий ИТ»", "ru", "Кластер «Мазовецкий ИТ»"),
        ("Nagroda Pomorskiemu Klastrowi Morskiemu", "pl", "Pomorski Klaster Morski"),
        ("Grant dla Pomorskiego Klastra Morskiego", "pl", "Pomorski Klaster Morski"),
        ("Z Klastrem Obróbki Metali po audycie", "pl", "Klaster Obróbki Metali"),
        ("Nagroda dla Klastra „Mazowiecki IT”", "pl", "Klaster „Mazowiecki IT”"),
        ("Mazowiecki Klaster ICT otrzymał status", "pl", "Mazowiecki Klaster ICT"),
        ("Silesian Water Technology Cluster Earns ESCA Bronze Label", "en",
         "Silesian Water Technology Cluster"),
    ],
)  # fmt: skip
def test_a_title_proposes_the_cluster_in_the_nominative(title, language, proposed):
    assert propose_cluster_name(title, language) == proposed


def test_the_russian_dictionary_loads_only_when_a_russian_name_needs_it():
    script = (
        "import sys, django; django.setup()\n"
        "from newsroom.importing import service, facts\n"
        "print('pymorphy3' in sys.modules)\n"
        "facts.propose_cluster_name('Grant dla Pomorskiego Klastra Morskiego', 'pl')\n"
        "print('pymorphy3' in sys.modules)\n"
        "print(facts.propose_cluster_name('Грант кластеру «Мазовецкий ИТ»', 'ru'))\n"
        "print('pymorphy3' in sys.modules)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:4] == ["False", "False", "Кластер «Мазовецкий ИТ»", "True"]


# --- through the service and the admin screen -----------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_once")
class TestImported:
    def test_the_note_label_and_its_text_make_one_section(self, demo_site):
        outcome = import_release(sample("pl_pomorski_silver_note.txt"), "pomorski.txt")
        assert outcome.status == "ok", outcome.error
        body = list(outcome.page.get_latest_revision_as_object().body)
        assert [block.block_type for block in body] == ["paragraph", "note", "about_cluster"]
        paragraph, note, about = (block.value for block in body)
        assert "redakcji" not in str(paragraph)
        assert note["heading"] == "Uwaga dla redakcji"
        assert str(note["text"]).startswith(
            "<p>zdjęcia z wręczenia odznaki udostępniamy na prośbę.</p><p>Kontakt:"
        )
        assert about["heading"] == "O Pomorskim Klastrze Morskim"
        cluster = outcome.page.get_latest_revision_as_object().clusters.get()
        assert cluster.name_pl == "Pomorski Klaster Morski"

    def test_the_sections_show_on_the_published_page(self, client, demo_site):
        outcome = import_release(
            sample("ru_mazowiecki_silver_note.txt"), "mazowiecki.txt", publish=True
        )
        assert outcome.status == "ok", outcome.error
        html = as_plain_spaces(client.get(outcome.page.url).content.decode())
        assert "Примечание для редакторов" in html
        assert "Фотографии с церемонии предоставляются по запросу." in html
        assert "Справка о кластере" in html
        assert "для редакторов:" not in html
        assert Cluster.objects.get(name_ru="Кластер «Мазовецкий ИТ»").live

    def test_the_review_proposes_names_in_the_nominative(self, client, demo_site):
        client.force_login(get_user_model().objects.get(username="editor"))
        url = reverse("newsroom_import:index")
        names = [
            "ru_mazowiecki_silver_note.txt",
            "pl_pomorski_silver_note.txt",
            "pl_dolina_gold_nota.md",
            "ru_kaluga_silver_dative.txt",
        ]
        files = [SimpleUploadedFile(name, sample(name)) for name in names]
        review = client.post(url, {"files": files, "language": "", "cluster": ""})
        assert review.status_code == 200
        forms = review.context["formset"].forms
        chosen = [getattr(form["cluster"].value(), "pk", form["cluster"].value()) for form in forms]
        proposals = [form["new_cluster_name"].value() for form in forms]
        assert list(zip(proposals, chosen, strict=True)) == [
            ("Кластер «Мазовецкий ИТ»", None),
            ("Pomorski Klaster Morski", None),
            ("Klaster „Dolina Lotnicza Wschód”", None),
            # The existing record, named in the dative and the locative only.
            ("", Cluster.objects.get(slug="kaluga-pharma").pk),
        ]
        html = review.content.decode()
        assert 'value="Кластер «Мазовецкий ИТ»"' in html

        created = client.post(url, review_post_data(review))
        assert [outcome.status for outcome in created.context["results"]] == ["ok"] * 4
        assert Cluster.objects.filter(name_ru="Кластер «Мазовецкий ИТ»").exists()
        assert Cluster.objects.filter(name_pl="Klaster „Dolina Lotnicza Wschód”").exists()
        dative = created.context["results"][3].page.get_latest_revision_as_object()
        assert [c.slug for c in dative.clusters.all()] == ["kaluga-pharma"]
        body = [(block.block_type, block.value) for block in dative.body]
        assert [kind for kind, _value in body] == ["note", "about_cluster"]
        assert body[0][1]["heading"] == "Информация для редакторов"
        assert str(body[0][1]["text"]) == (
            "<p>фотографии с церемонии предоставляются по запросу.</p>"
        )
