"""Every workflow email in its recipient's language, linking to the configured address.

Wagtail's own (a page submitted to its reviewers, changes requested) and the project's
(a translation requested of translators): the recipient's chosen admin language, else
the language of their translator or reviewer role, never the language of whoever acted;
greeting the person by full name, or by no name, never by username.
"""

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from newsroom.models.pages import PressReleasePage
from newsroom.translating import notifications
from newsroom.translating.roles import group_name
from tests.helpers import add_cluster_pages, add_release, use_admin_in

pytestmark = pytest.mark.django_db

BASE_URL = "https://newsroom.example.org"
TITLE = "Srebrna Odznaka dla LifeScience"


@pytest.fixture(autouse=True)
def configured_address(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


@pytest.fixture
def source(site_tree, award):
    cluster_pages = add_cluster_pages(site_tree, award.cluster)
    return add_release(cluster_pages["pl"], title=TITLE, awards=[award])


def russian_translation_of(source):
    TranslationCreator(
        user=None, target_locales=[Locale.objects.get(language_code="ru")]
    ).create_translations(source)
    return PressReleasePage.objects.get(
        translation_key=source.translation_key, locale__language_code="ru"
    )


def in_language(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid)


def message_to(mailoutbox, user):
    (message,) = [message for message in mailoutbox if message.to == [user.email]]
    return message


def links_in(body):
    return [word for word in body.split() if "://" in word]


def assert_links_to_the_configured_address(body):
    assert links_in(body)
    assert all(link.startswith(BASE_URL + "/admin/") for link in links_in(body)), body


def test_russian_reviewer_hears_of_a_submission_in_russian(
    client, team, source, mailoutbox, django_capture_on_commit_callbacks
):
    ru = russian_translation_of(source)
    translator, reviewer = team["translator"], team["reviewer"]
    # The translator works in an English admin: the reviewer must not get English for it.
    use_admin_in(translator, "en")
    mailoutbox.clear()

    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsroom_translations:submit", args=[ru.pk]))
    assert response.status_code == 302

    message = message_to(mailoutbox, reviewer)
    assert in_language("ru", "You can edit the page here:") in message.body
    assert "You can edit the page here:" not in message.body
    assert f"{BASE_URL}/admin/pages/{ru.pk}/edit/" in message.body
    assert_links_to_the_configured_address(message.body)
    # No full name: a greeting naming nobody, and never the username.
    assert message.body.splitlines()[0] == in_language("ru", "Hello,")
    assert reviewer.username not in message.body


def test_a_reviewer_who_chose_an_admin_language_gets_it(
    client, team, source, mailoutbox, django_capture_on_commit_callbacks
):
    ru = russian_translation_of(source)
    use_admin_in(team["reviewer"], "en")
    mailoutbox.clear()

    client.force_login(team["translator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsroom_translations:submit", args=[ru.pk]))

    message = message_to(mailoutbox, team["reviewer"])
    assert "You can edit the page here:" in message.body


def test_changes_requested_reach_the_translator_in_russian_by_name(
    client, team, source, mailoutbox, django_capture_on_commit_callbacks
):
    ru = russian_translation_of(source)
    translator = team["translator"]
    translator.first_name, translator.last_name = "Анна", "Иванова"
    translator.save()
    client.force_login(translator)
    client.post(reverse("newsroom_translations:submit", args=[ru.pk]))
    use_admin_in(team["reviewer"], "en")
    mailoutbox.clear()

    client.force_login(team["reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("newsroom_translations:review", args=[ru.pk]),
            {"action": "reject", "comment": "Проверьте число показателей."},
        )

    message = message_to(mailoutbox, translator)
    assert message.body.splitlines()[0] == "Здравствуйте, Анна Иванова!"
    assert in_language("ru", "You can edit the page here:") in message.body
    assert_links_to_the_configured_address(message.body)


def test_requested_translation_is_in_each_translators_language(
    team, source, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = team["translators"]["ru"]
    use_admin_in(second, "en")
    first.first_name, first.last_name = "Анна", "Иванова"
    first.save()

    with django_capture_on_commit_callbacks(execute=True):
        ru = russian_translation_of(source)

    russian, english = message_to(mailoutbox, first), message_to(mailoutbox, second)
    assert russian.body.splitlines()[0] == "Здравствуйте, Анна Иванова!"
    assert "Исходный язык: польский" in russian.body
    assert english.body.splitlines()[0] == "Hello,"
    assert second.username not in english.body
    assert "You are asked to translate a page." in english.body
    assert "Source language: Polish" in english.body and "русский" not in english.body
    for message in (russian, english):
        assert f"{BASE_URL}/admin/pages/{ru.pk}/edit/" in message.body
        assert_links_to_the_configured_address(message.body)


def test_recipient_language_prefers_choice_then_role_then_site_default(make_user, team):
    both = make_user("both", group_name("translators", "en"), group_name("reviewers", "ru"))
    nobody = make_user("nobody")
    chosen = make_user("chosen", group_name("translators", "ru"))
    use_admin_in(chosen, "en")

    assert notifications.recipient_language(team["reviewer"]) == "ru"
    assert notifications.recipient_language(both, "ru") == "ru"
    assert notifications.recipient_language(both, "en") == "en"
    assert notifications.recipient_language(both, "pl") == "en"  # the first site language held
    assert notifications.recipient_language(nobody, "ru") == "pl"
    assert notifications.recipient_language(chosen, "ru") == "en"


def test_wagtails_workflow_notifiers_are_replaced_by_ours():
    for signal, sender, _uid, notifier in notifications.WORKFLOW_EMAILS:
        sync_receivers, _async_receivers = signal._live_receivers(sender)
        assert notifier in sync_receivers
        assert not [r for r in sync_receivers if type(r).__module__ == "wagtail.admin.mail"]
