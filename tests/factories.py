"""factory_boy factories: records (translated fields set per language), pages and users.

Pages are built on wagtail-factories: pass `parent` (a page) and the page is added under it
in the parent's locale. A page is published as an editor publishes it, through a revision
(`publish_new_page`, the demo loader's builder); `live=False` leaves it a draft with one
revision. Users get their groups by name: `UserFactory(groups=["Translators (ru)"])`.
"""

import datetime
import uuid

import factory
import wagtail_factories

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page

from newsroom.demo.builders import publish_new_page
from newsroom.models.pages import ClusterNewsPage, HomePage, NewsIndexPage, PressReleasePage
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


# Pages


class NewsroomPageFactory(wagtail_factories.PageFactory):
    """A page under `parent`, in its locale, published through a revision unless live=False."""

    class Meta:
        abstract = True

    locale = factory.LazyAttribute(lambda page: page.parent.locale)
    translation_key = factory.LazyFunction(uuid.uuid4)
    live = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        page = model_class(**kwargs)
        if page.live:
            publish_new_page(parent, page)
        else:
            parent.add_child(instance=page)
            page.save_revision()
        # Publishing saves a copy made from the revision: read back what was stored.
        return model_class.objects.get(pk=page.pk)


class HomePageFactory(NewsroomPageFactory):
    """A home page at the top of the tree (under Wagtail's root) unless given a parent."""

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = factory.LazyAttribute(lambda page: f"Home {page.locale.language_code}")
    slug = factory.LazyAttribute(lambda page: f"home-{page.locale.language_code}")
    locale = factory.LazyFunction(Locale.get_default)  # the root page has none to lend


class NewsIndexPageFactory(NewsroomPageFactory):
    class Meta:
        model = NewsIndexPage

    title = factory.LazyAttribute(lambda page: f"News {page.locale.language_code}")


class ClusterNewsPageFactory(NewsroomPageFactory):
    """A cluster's page, titled and addressed after the cluster."""

    class Meta:
        model = ClusterNewsPage

    cluster = factory.SubFactory(ClusterFactory)
    title = factory.LazyAttribute(lambda page: page.cluster.name)
    slug = factory.LazyAttribute(lambda page: page.cluster.slug)


class PressReleasePageFactory(NewsroomPageFactory):
    """A release under a cluster page, about that page's cluster unless `clusters` says."""

    class Meta:
        model = PressReleasePage

    title = factory.Sequence(lambda n: f"Release {n}")
    slug = factory.LazyFunction(lambda: f"release-{uuid.uuid4().hex[:8]}")
    lead = factory.LazyAttribute(lambda page: f"Lead of {page.title}")
    release_date = datetime.date(2021, 6, 17)
    body = factory.LazyAttribute(
        lambda page: [{"type": "paragraph", "value": f"<p>Body of {page.title}</p>"}]
    )
    clusters = factory.LazyAttribute(lambda page: [page.parent.specific.cluster])
    awards = ()


# Users


class UserFactory(factory.django.DjangoModelFactory):
    """A user with no rights of their own; `groups` takes group names, which must exist."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("pw")

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            user.groups.add(*(Group.objects.get(name=name) for name in names))


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
