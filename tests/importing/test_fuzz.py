"""Property tests for the release importer: whatever arrives, it answers and never half-writes.

Each example runs inside a savepoint that is rolled back afterwards, so examples do not
see each other's pages, clusters or awards. Runs are derandomised (the same examples each
time) so CI is stable; to explore, set FUZZ_RANDOM=1 for new examples and FUZZ_SCALE=10
for ten times as many.
"""

import calendar
import datetime
import json
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from django.db import transaction

from newsroom.importing.service import import_release
from newsroom.models.pages import ClusterNewsPage, PressReleasePage
from newsroom.models.records import Award, Cluster
from tests.helpers import fuzz_settings

# Every test starts from the demo newsroom, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_once")]

RELEASES = Path(__file__).parent / "data" / "releases"


def counts():
    return {
        "releases": PressReleasePage.objects.count(),
        "cluster_pages": ClusterNewsPage.objects.count(),
        "clusters": Cluster.objects.count(),
        "awards": Award.objects.count(),
    }


@contextmanager
def rolled_back():
    """Undo whatever the example wrote, whether it passed or failed."""
    savepoint = transaction.savepoint()
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


def check_outcome(outcome, before):
    """What holds for every outcome: a status, a message on error, and no write on error."""
    assert outcome.status in ("ok", "error")
    event(f"{outcome.status}: {outcome.error[:40]}")
    json.dumps(outcome.as_json(), ensure_ascii=False)  # the command prints it
    if outcome.status == "error":
        assert outcome.error.strip()
        assert outcome.page is None
        assert counts() == before
    else:
        assert outcome.error == ""
        assert outcome.page is not None
        assert outcome.page.title.strip()


# --- (a) random bytes --------------------------------------------------------------------


@fuzz_settings(150)
@given(data=st.binary(max_size=4000))
def test_random_bytes(demo_site, data):
    with rolled_back():
        before = counts()
        check_outcome(import_release(data, "random.bin"), before)


# Bytes without control characters: they get past the binary check into the decoders.
TEXTISH_BYTES = st.lists(
    st.one_of(st.integers(0x20, 0xFF), st.sampled_from(b"\n\n\n\r\t")), max_size=1500
).map(bytes)


@fuzz_settings(60)
@given(data=TEXTISH_BYTES)
def test_random_text_like_bytes(demo_site, data):
    with rolled_back():
        before = counts()
        check_outcome(import_release(data, "random.txt"), before)


GOOD_SAMPLES = sorted(p.name for p in RELEASES.iterdir() if not p.name.startswith("bad_"))


@st.composite
def mutated_samples(draw):
    """A good sample with a few bytes replaced, inserted or deleted."""
    data = bytearray((RELEASES / draw(st.sampled_from(GOOD_SAMPLES))).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        byte = draw(st.integers(0, 255))
        if action == "insert":
            data.insert(position, byte)
        elif position < len(data):
            if action == "replace":
                data[position] = byte
            else:
                del data[position]
    return bytes(data)


@fuzz_settings(40)
@given(data=mutated_samples())
def test_mutated_samples(demo_site, data):
    with rolled_back():
        before = counts()
        check_outcome(import_release(data, "mutated.txt"), before)


# --- (b) near-valid releases --------------------------------------------------------------

# No month or weekday names, digits, one-letter words or words that open a note or an
# "about" block, so a date can only come from the date line.


def split(text):
    return text.split()


WORDS = {
    "pl": split(
        "klaster odznaka audyt członkowie współpraca innowacje region firmy uczelnie rozwój "
        "jakość zarządzanie strategia eksperci wyniki sieć źródło łąka gęś ciąg żółty "
        "przedsiębiorstwa badania usługi partnerzy eksport wzrost ocena wskaźniki"
    ),
    "en": split(
        "cluster label members audit innovation region companies universities growth "
        "quality management strategy experts results network partners services export "
        "benchmarking assessment indicators cooperation research training"
    ),
    "ru": split(
        "кластер сертификат аудит участники сотрудничество инновации регион компании "
        "университеты развитие качество управление стратегия эксперты результаты ёлка "
        "партнеры услуги экспорт рост оценка показатели исследования обучение"
    ),
}
CAPITALISED = {
    "pl": split("Pomorski Śląski Zielony Morski Łódzki Wodny Cyfrowy Medyczny"),
    "en": split("Baltic Silesian Green Maritime Digital Medical Northern Water"),
    "ru": split("Томский Уральский Зелёный Морской Цифровой Медицинский Северный"),
}
EXISTING_NAMES = {
    "pl": ["Klaster LifeScience Kraków", "Kałuski Klaster Farmaceutyczny"],
    "en": ["LifeScience Kraków Cluster", "Kaluga Pharmaceutical Cluster"],
    "ru": ["Кластер LifeScience Kraków", "Калужский фармацевтический кластер"],
}
SPEAKERS = {
    "pl": ("Anna Nowak", "prezes zarządu klastra"),
    "en": ("John Smith", "Cluster Manager"),
    "ru": ("Иван Петров", "директор кластера"),
}
MONTHS = {  # 1-based
    "pl": split(
        "- stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
        "listopada grudnia"
    ),
    "en": split(
        "- January February March April May June July August September October November December"
    ),
    "ru": split(
        "- января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    ),
}
PREFIXES = ["", "Published: ", "Opublikowano: ", "Опубликовано: "]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1250", "cp1251"]


def written_date(year, month, day, form):
    """A date line in one of the written forms; the day need not exist."""
    if form == "iso":
        return f"{year}-{month:02d}-{day:02d}"
    if form == "pl":
        return f"{day} {MONTHS['pl'][month]} {year}"
    if form == "pl_r":
        return f"{day} {MONTHS['pl'][month]} {year} r."
    if form == "ru":
        return f"{day} {MONTHS['ru'][month]} {year} г."
    if form == "en_month_first":
        return f"{MONTHS['en'][month]} {day}, {year}"
    return f"{day} {MONTHS['en'][month]} {year}"  # en_day_first


DATE_FORMS = ["iso", "pl", "pl_r", "ru", "en_month_first", "en_day_first"]


@st.composite
def impossible_dates(draw):
    year = draw(st.integers(1990, 2035))
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    if last == 31:
        month = 2
        last = calendar.monthrange(year, 2)[1]
    return year, month, draw(st.integers(last + 1, 31))


def sentence(words):
    return " ".join(words).capitalize() + "."


@st.composite
def near_valid_releases(draw):
    """(file bytes, title, date or None) of a composed release."""
    language = draw(st.sampled_from(["pl", "en", "ru"]))
    words = st.sampled_from(WORDS[language])
    capitalised = st.sampled_from(CAPITALISED[language])

    # Title: a cluster's name (existing, new, or none at all) and some words.
    name_kind = draw(st.sampled_from(["existing", "new", "none"]))
    if name_kind == "existing":
        name = draw(st.sampled_from(EXISTING_NAMES[language]))
    elif name_kind == "new":
        first, second = draw(capitalised), draw(capitalised)
        name = {
            "pl": f"{first} Klaster {second}",
            "en": f"{first} {second} Cluster",
            "ru": f"{first} кластер",
        }[language]
    else:
        name = ""
    rest = draw(st.lists(words, min_size=1 if name else 2, max_size=8))
    title = " ".join([name, *rest]) if name else sentence(rest).rstrip(".")
    lines = [draw(st.sampled_from(["", "# "])) + title]

    # Date line: a real date, an impossible one, or none.
    date_kind = draw(st.sampled_from(["valid", "valid", "valid", "impossible", "none"]))
    date = None
    if date_kind != "none":
        form = draw(st.sampled_from(DATE_FORMS))
        if date_kind == "valid":
            date = draw(
                st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2035, 12, 31))
            )
            year, month, day = date.year, date.month, date.day
        else:
            year, month, day = draw(impossible_dates())
        if draw(st.booleans()):
            lines.append("")
        lines.append(draw(st.sampled_from(PREFIXES)) + written_date(year, month, day, form))

    # Body: a lead, then paragraphs, lists, a quote and headings in random order.
    paragraph = st.lists(words, min_size=3, max_size=14).map(sentence)
    lines += ["", draw(paragraph)]
    for part in draw(
        st.lists(st.sampled_from(["paragraph", "list", "quote", "heading"]), max_size=5)
    ):
        lines.append("")
        if part == "paragraph":
            lines.append(draw(paragraph))
        elif part == "list":
            bullet = draw(st.sampled_from(["-", "*", "•", "numbered"]))
            items = draw(st.lists(st.lists(words, min_size=1, max_size=5), min_size=1, max_size=5))
            for number, item in enumerate(items, 1):
                marker = f"{number}." if bullet == "numbered" else bullet
                lines.append(f"{marker} {' '.join(item)}")
        elif part == "quote":
            speaker, role = SPEAKERS[language]
            said = " ".join(draw(st.lists(words, min_size=2, max_size=10))).capitalize()
            lines.append(
                {
                    "pl": f"„{said}” – mówi {speaker}, {role}.",
                    "en": f"{speaker}, {role}, said: “{said}.”",
                    "ru": f"«{said}», — сказал {speaker}, {role}.",
                }[language]
            )
        else:
            heading = " ".join(draw(st.lists(words, min_size=1, max_size=4))).capitalize()
            lines += [draw(st.sampled_from(["", "## "])) + heading, "", draw(paragraph)]
    if draw(st.booleans()):
        lines += ["", draw(st.sampled_from(["--", "---"])), "", draw(paragraph)]

    text = "\n".join(lines) + "\n"
    encodable = []
    for encoding in ENCODINGS:
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            continue
        encodable.append(encoding)
    encoding = draw(st.sampled_from(encodable))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return text.replace("\n", newline).encode(encoding), title, date


@fuzz_settings(60)
@given(release=near_valid_releases())
def test_near_valid_releases(demo_site, release):
    data, title, date = release
    with rolled_back():
        before = counts()
        outcome = import_release(data, "composed.txt", dry_run=False)
        check_outcome(outcome, before)
        if outcome.status == "ok":
            page = PressReleasePage.objects.get(pk=outcome.page.pk)
            draft = page.get_latest_revision_as_object()
            assert draft.title == title
            assert draft.release_date == date
            assert not page.live
        if date is None:
            # No date line, or one naming a day that does not exist, and no other date.
            assert outcome.status == "error"
