"""The people who edit records: one of each role the demo has, without the demo's pages."""

import pytest

from newsroom.translating.roles import ensure_language_roles, group_name
from tests.factories import SuperuserFactory, UserFactory


@pytest.fixture
def users(db):
    """{username: user}: a superuser, an editor, a moderator reviewing Polish and English,
    a Russian translator and a Russian reviewer."""
    # Also gives Wagtail's Editors the records: the editor this feature leaves unrestricted.
    ensure_language_roles({})
    team = [
        SuperuserFactory(username="admin"),
        UserFactory(username="editor", groups=["Editors"]),
        UserFactory(
            username="moderator",
            groups=["Moderators", group_name("reviewers", "pl"), group_name("reviewers", "en")],
        ),
        UserFactory(username="translator-ru", groups=[group_name("translators", "ru")]),
        UserFactory(username="reviewer-ru", groups=[group_name("reviewers", "ru")]),
    ]
    return {user.username: user for user in team}
