"""Fuzzing the hand-off upload (newsroom_translations:handoff_import) as an admin: random
multipart bodies, random files and mutated PO/XLIFF exports never make it answer 500, and a
refused upload changes nothing.

Each example runs inside a savepoint rolled back afterwards. Runs are derandomised;
FUZZ_RANDOM=1 explores, FUZZ_SCALE=10 does ten times as many.
"""

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import add_cluster_pages, fuzz_settings, rolled_back
from tests.translating import test_handoff as handoff_tests
from tests.translating.test_handoff import (
    handoff_url,
    russian,
    snapshot,
    translated_po,
    translated_xliff,
)

pytestmark = pytest.mark.django_db

NASTY = [
    "", "\x00", "%s %d %(name)s", "{}", "<b>bold</b>", "<script>alert(1)</script>", "a" * 5000,
    "Серебряный", "🙂", "\r\n", "\\", '"', "msgid", "--", "-", "UPPER CASE",
]  # fmt: skip
FILENAMES = ["release-ru.po", "release-ru.xlf", "release-ru.xliff", "release.txt", "x", ".po"]


@pytest.fixture
def release_translation(site_tree, award, locales, django_capture_on_commit_callbacks):
    """A live Polish release and its Russian translation, as test_handoff.py makes them."""
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    release = handoff_tests.publish_release(
        cluster_pages["pl"], "Srebrna Odznaka", handoff_tests.POLISH_BODY, award
    )
    return handoff_tests.start_translation(
        release, locales["ru"], django_capture_on_commit_callbacks
    )


texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=80))


@st.composite
def translated_files(draw, exports):
    """A real export, translated with random texts and perhaps damaged on the way."""
    kind = draw(st.sampled_from(["po", "xliff", "po-header", "bytes"]))
    if kind == "bytes":
        return draw(st.sampled_from(FILENAMES)), draw(st.binary(max_size=2000))
    translations = draw(st.lists(texts, min_size=1, max_size=12))

    counter = iter(range(10_000))

    def translate(source):
        index = next(counter)
        # Every third text stays a good translation, so some files get past the checks.
        return translations[index % len(translations)] if index % 3 else russian(source)

    if kind == "xliff":
        content = translated_xliff(exports["xliff"], translate)
    else:
        content = translated_po(exports["po"], translate)
    if kind == "po-header":
        po = polib.pofile(content.decode("utf-8"))
        for key in draw(st.lists(st.sampled_from(sorted(po.metadata)), unique=True)):
            po.metadata[key] = draw(texts).replace("\x00", "")
        content = str(po).encode("utf-8")
    data = bytearray(content)
    for _ in range(draw(st.integers(0, 4))):
        position = draw(st.integers(0, len(data)))
        data[position : position + draw(st.integers(0, 3))] = draw(st.binary(max_size=4))
    return draw(st.sampled_from(FILENAMES)), bytes(data)


@fuzz_settings(80)
@given(data=st.data())
def test_handoff_uploads_never_answer_500(admin_client, release_translation, data):
    exports = {
        "po": admin_client.get(handoff_url("handoff_po", release_translation)).content,
        "xliff": admin_client.get(handoff_url("handoff_xliff", release_translation)).content,
    }
    filename, content = data.draw(translated_files(exports))
    body = data.draw(st.dictionaries(st.sampled_from(["step", "file", "next", "x"]), texts))
    if data.draw(st.booleans(), label="attach the file"):
        body["file"] = SimpleUploadedFile(filename, content)
    before = snapshot(release_translation)
    with rolled_back():
        response = admin_client.post(handoff_url("handoff_import", release_translation), body)
        assert response.status_code < 500
        if response.status_code != 302:  # refused: nothing changed
            assert snapshot(release_translation) == before
