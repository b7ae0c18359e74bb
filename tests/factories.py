"""factory_boy factories for records; translated fields are set per language."""

import datetime

import factory

from newsroom.models.records import Award, CertificationBody, Cluster, Label


class CertificationBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificationBody
        django_get_or_create = ("slug",)

    slug = "esca"
    acronym = "ESCA"
    name_pl = "Europejski Sekretariat Analiz Klastrowych"
    name_en = "European Secretariat for Cluster Analysis"
    name_ru = "Европейский секретариат кластерного анализа"
    city_pl = "Berlin"
    city_en = "Berlin"
    city_ru = "Берлин"
    country = "DE"


class LabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Label
        django_get_or_create = ("slug",)

    slug = "silver"
    body = factory.SubFactory(CertificationBodyFactory)
    level = Label.Level.SILVER
    name_pl = "Srebrna Odznaka Jakości Zarządzania Klastrem"
    name_en = "Cluster Management Excellence Silver Label"
    name_ru = "Серебряный сертификат качества управления кластером"
    validity_months = 24
    indicators_assessed = 30


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    slug = factory.Sequence(lambda n: f"cluster-{n}")
    name_pl = factory.Sequence(lambda n: f"Klaster Testowy {n}")
    name_en = factory.Sequence(lambda n: f"Test Cluster {n}")
    name_ru = factory.Sequence(lambda n: f"Тестовый кластер {n}")
    country = "PL"


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    cluster = factory.SubFactory(ClusterFactory)
    label = factory.SubFactory(LabelFactory)
    awarded_on = datetime.date(2021, 6, 17)
    distinction_pl = "drugi klaster w Polsce"
    distinction_en = "second cluster in Poland"
    distinction_ru = "второй кластер в Польше"
