import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from newsroom.models.records import Award, Label
from tests.factories import AwardFactory, CertificationBodyFactory, ClusterFactory, LabelFactory

pytestmark = pytest.mark.django_db

AWARDED = datetime.date(2021, 6, 17)


def test_valid_until_defaults_to_label_validity():
    award = AwardFactory(awarded_on=AWARDED)
    assert award.valid_until == datetime.date(2023, 6, 17)


def test_valid_until_from_leap_day_lands_on_month_end():
    award = AwardFactory(awarded_on=datetime.date(2020, 2, 29))
    assert award.valid_until == datetime.date(2022, 2, 28)


def test_explicit_valid_until_is_kept():
    award = AwardFactory(awarded_on=AWARDED, valid_until=datetime.date(2022, 1, 1))
    assert award.valid_until == datetime.date(2022, 1, 1)


def test_open_ended_status_has_no_end_and_stays_active():
    status = LabelFactory(slug="key-cluster", level=Label.Level.STATUS, validity_months=None)
    award = AwardFactory(label=status, awarded_on=datetime.date(2016, 10, 21))
    assert award.valid_until is None
    assert award.status_on(datetime.date(2040, 1, 1)) == Award.Status.ACTIVE


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2021, 6, 17), Award.Status.ACTIVE),
        (datetime.date(2023, 3, 18), Award.Status.ACTIVE),  # 91 days before the end
        (datetime.date(2023, 3, 19), Award.Status.EXPIRING),  # 90 days before
        (datetime.date(2023, 6, 17), Award.Status.EXPIRING),  # last valid day
        (datetime.date(2023, 6, 18), Award.Status.EXPIRED),
    ],
)
def test_status_on_date(today, expected):
    award = AwardFactory(awarded_on=AWARDED)
    assert award.status_on(today) == expected


@pytest.mark.parametrize("status", list(Award.Status))
def test_queryset_status_filter_agrees_with_computed_status(status):
    today = datetime.date(2023, 5, 1)
    awards = [
        AwardFactory(awarded_on=datetime.date(2020, 1, 1)),  # expired
        AwardFactory(awarded_on=datetime.date(2021, 6, 17)),  # expiring
        AwardFactory(awarded_on=datetime.date(2022, 9, 1)),  # active
        AwardFactory(label=LabelFactory(slug="open", validity_months=None)),  # open-ended
    ]
    expected = {a.pk for a in awards if a.status_on(today) == status}
    assert expected, "every status is represented"
    assert (
        set(Award.objects.with_status(status, today=today).values_list("pk", flat=True)) == expected
    )


def test_award_cannot_expire_before_it_was_awarded():
    award = AwardFactory.build(
        cluster=ClusterFactory(), label=LabelFactory(), valid_until=datetime.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        award.full_clean()
    assert "valid_until" in error.value.message_dict


def test_audit_cannot_end_before_it_started():
    award = AwardFactory.build(
        cluster=ClusterFactory(),
        label=LabelFactory(),
        audit_started_on=datetime.date(2017, 10, 26),
        audit_ended_on=datetime.date(2017, 10, 24),
    )
    with pytest.raises(ValidationError) as error:
        award.full_clean()
    assert "audit_ended_on" in error.value.message_dict


def test_indicator_count_falls_back_to_label():
    assert AwardFactory().indicator_count == 30
    assert AwardFactory(indicators_assessed=31).indicator_count == 31


def test_translated_fields_follow_active_language():
    label = LabelFactory()
    expected = {
        "pl": "Srebrna Odznaka Jakości Zarządzania Klastrem",
        "en": "Cluster Management Excellence Silver Label",
        "ru": "Серебряный сертификат качества управления кластером",
    }
    for code, name in expected.items():
        with translation.override(code):
            assert label.name == name


def test_empty_translation_falls_back_to_english():
    cluster = ClusterFactory(name_en="Kaluga Pharmaceutical Cluster", name_ru="")
    with translation.override("ru"):
        assert cluster.name == "Kaluga Pharmaceutical Cluster"


def test_country_names_come_from_babel_in_each_language():
    cluster = ClusterFactory(country="RU")
    assert cluster.country_name("pl") == "Rosja"
    assert cluster.country_name("en") == "Russia"
    assert cluster.country_name("ru") == "Россия"
    assert CertificationBodyFactory().country_name("ru") == "Германия"


def test_unknown_country_code_is_refused():
    cluster = ClusterFactory.build(country="QQ")
    with pytest.raises(ValidationError) as error:
        cluster.full_clean()
    assert "country" in error.value.message_dict
