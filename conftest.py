import os

import pytest

os.environ.setdefault("CHITIEU_HOME", os.path.join(os.path.dirname(__file__), "var", "test-home"))


@pytest.fixture
def world(db):
    from chitieu.testing import make_world

    return make_world()


@pytest.fixture
def clerk(db):
    from chitieu.testing import make_user

    return make_user("clerk", superuser=True)


@pytest.fixture
def vi_client(client, clerk):
    """A logged-in administrator's client asking for Vietnamese (the default)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    client.force_login(clerk)
    return client


@pytest.fixture
def en_client(client, clerk):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(clerk)
    return client
