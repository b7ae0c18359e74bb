"""A release's award card shows what the release announced, and apart from it, in neutral
words, where the award stands today: never a red "Expired" leading the card."""

import datetime
import re

import pytest

from newsroom.models.records import Award

pytestmark = pytest.mark.django_db

# card() reads non-breaking spaces as spaces.
VALID_UNTIL = {"pl": "17 czerwca 2023 r.", "en": "17 June 2023", "ru": "17 июня 2023"}
SINCE_EXPIRED = {"pl": "termin już minął", "en": "since expired", "ru": "срок истёк"}
RENEWED = {"pl": "odnowiono w 2023 r.", "en": "renewed in 2023", "ru": "продлено в 2023 году"}


def card(client, release):
    html = client.get(release.url).content.decode()
    (section,) = re.findall(r'<section class="award-card.*?</section>', html, re.S)
    return re.sub(r"\s+", " ", section)


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_an_expired_award_says_so_apart_and_neutrally(client, translated_release, language):
    text = card(client, translated_release["releases"][language])
    assert VALID_UNTIL[language] in text
    assert f"· {SINCE_EXPIRED[language]}" in text
    assert "status--expired" not in text  # no red chip leads the card


@pytest.mark.parametrize("language", ["pl", "en", "ru"])
def test_a_renewed_award_names_the_year_of_its_renewal(client, translated_release, language):
    award = translated_release["award"]
    renewal = Award.objects.create(
        cluster=award.cluster, label=award.label, awarded_on=datetime.date(2023, 6, 1)
    )
    text = card(client, translated_release["releases"][language])
    assert f"· {RENEWED[language]}" in text and SINCE_EXPIRED[language] not in text

    renewal.unpublish()  # a renewal nobody may see yet is not mentioned
    text = card(client, translated_release["releases"][language])
    assert RENEWED[language] not in text and f"· {SINCE_EXPIRED[language]}" in text
