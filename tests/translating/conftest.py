"""The people of the translation workflow, in the language roles of the small site tree."""

import pytest

from newsroom.translating.roles import ensure_language_roles, group_name
from tests.factories import SuperuserFactory, UserFactory


@pytest.fixture
def make_user(db):
    """make_user(username, *group names, superuser=False, **fields) -> a saved user."""

    def make(username, *groups, superuser=False, **fields):
        factory = SuperuserFactory if superuser else UserFactory
        return factory(username=username, groups=groups, **fields)

    return make


@pytest.fixture
def team(site_tree, make_user):
    """The language roles (groups, page rights, a review workflow per language tree) and
    the people in them.

    The editor requests translations and reviews Polish; Russian has two translators
    (and one who left), English and Polish one each; Russian and English have a reviewer.
    """
    ensure_language_roles(site_tree["homes"])

    def translators(language, *usernames):
        return [make_user(name, group_name("translators", language)) for name in usernames]

    team = {
        "editor": make_user("editor", "Editors", group_name("reviewers", "pl")),
        "translators": {
            "ru": translators("ru", "tr-ru", "tr-ru-2"),
            "en": translators("en", "tr-en"),
            "pl": translators("pl", "tr-pl"),
        },
        "retired": make_user("tr-ru-retired", group_name("translators", "ru"), is_active=False),
        "reviewer": make_user("rev-ru", group_name("reviewers", "ru")),
        "reviewer_en": make_user("rev-en", group_name("reviewers", "en")),
    }
    team["translator"] = team["translators"]["ru"][0]
    return team
