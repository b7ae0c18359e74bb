"""Fuzzing the import screen (/admin/import-releases/) as an admin: random multipart bodies,
files and review formsets never make it answer 500, and a refused request writes nothing.

Each example runs inside a savepoint rolled back afterwards, so examples do not see each
other's drafts. Runs are derandomised; FUZZ_RANDOM=1 explores, FUZZ_SCALE=10 does ten times
as many.
"""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Award, Cluster
from tests.helpers import fuzz_settings, rolled_back

# Every test starts from the demo newsroom, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_once")]

RELEASES = Path(__file__).parent / "data" / "releases"
SAMPLES = sorted(path.name for path in RELEASES.iterdir())
NASTY = [
    "", "0", "-1", "99999999999999999999", "\x00", "null", "<b>", "' OR 1=1 --", "ą", "Жж",
    " ", "pl", "en", "ru", "de", "gold", "silver", "2024-03-05", "2024-02-30", "0000-00-00",
    "9999-12-31", "a" * 300, "kaluga-pharma", "🙂", "create", "review",
]  # fmt: skip
REVIEW_FIELDS = [
    "filename", "source", "language", "title", "release_date", "lead", "label_level",
    "cluster", "new_cluster_name",
]  # fmt: skip


def counts():
    return (PressReleasePage.objects.count(), Cluster.objects.count(), Award.objects.count())


texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=60))


@st.composite
def file_contents(draw):
    kind = draw(st.sampled_from(["sample", "mutated", "bytes", "text"]))
    if kind == "bytes":
        return draw(st.binary(max_size=3000))
    if kind == "text":
        encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1250", "cp1251", "latin-1"]))
        return draw(st.text(max_size=1500)).encode(encoding, errors="replace")
    data = bytearray((RELEASES / draw(st.sampled_from(SAMPLES))).read_bytes())
    if kind == "mutated":
        for _ in range(draw(st.integers(1, 8))):
            position = draw(st.integers(0, len(data)))
            data[position:position] = draw(st.binary(min_size=1, max_size=4))
    return bytes(data)


uploads = st.lists(
    st.builds(
        SimpleUploadedFile,
        st.one_of(
            st.sampled_from(["release.txt", "release.md", "a.docx", "x", ".txt"]),
            st.text(min_size=1, max_size=40).map(lambda name: name.replace("\x00", "") or "x"),
        ),
        file_contents(),
    ),
    max_size=3,
)


@st.composite
def review_bodies(draw, cluster_ids):
    """The "create drafts" step: a management form (sometimes nonsense) and review forms."""
    total = draw(st.one_of(st.integers(0, 3), texts))
    forms = draw(st.integers(0, 3))
    body = {
        "step": "create",
        "form-TOTAL_FORMS": str(total),
        "form-INITIAL_FORMS": draw(st.sampled_from(["0", "1", "", "x"])),
    }
    for index in range(forms):
        sample = (RELEASES / draw(st.sampled_from(SAMPLES))).read_bytes()
        values = {
            "filename": draw(texts),
            "source": draw(st.one_of(st.just(sample.decode("utf-8", "replace")), texts)),
            "language": draw(st.one_of(st.sampled_from(["pl", "en", "ru"]), texts)),
            "title": draw(st.one_of(st.just("Klaster z nową odznaką"), texts)),
            "release_date": draw(st.one_of(st.dates().map(str), texts)),
            "lead": draw(texts),
            "label_level": draw(st.one_of(st.sampled_from(["", "gold", "status"]), texts)),
            "cluster": draw(st.one_of(st.sampled_from(["", *cluster_ids]), texts)),
            "new_cluster_name": draw(texts),
        }
        for name in draw(st.lists(st.sampled_from(REVIEW_FIELDS), unique=True)):
            del values[name]  # a form that lost some fields on the way
        body.update({f"form-{index}-{name}": value for name, value in values.items()})
    return body


def post(admin_client, body):
    """POST `body` as multipart and check what holds for any request: an answer, not a 500."""
    response = admin_client.post(reverse("newsroom_import:index"), body)
    assert response.status_code < 500, body
    return response


@fuzz_settings(80)
@given(
    files=uploads,
    language=st.one_of(st.sampled_from(["", "pl", "en", "ru"]), texts),
    cluster=st.one_of(st.sampled_from(["", "1", "2"]), texts),
    step=st.one_of(st.sampled_from(["", "review"]), texts),
    extra=st.dictionaries(texts, texts, max_size=3),
)
def test_uploads_never_answer_500(admin_client, demo_site, files, language, cluster, step, extra):
    body = {**extra, "files": files, "language": language, "cluster": cluster}
    if step != "create":
        body["step"] = step
    before = counts()
    with rolled_back():
        post(admin_client, body)
        assert counts() == before  # the upload step only reads the files


@fuzz_settings(120)
@given(data=st.data())
def test_review_formsets_never_answer_500(admin_client, demo_site, data):
    cluster_ids = [str(pk) for pk in Cluster.objects.values_list("pk", flat=True)[:3]]
    body = data.draw(review_bodies(cluster_ids))
    with rolled_back():
        post(admin_client, body)
