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
def vi_client(client):
    """A client whose requests ask for Vietnamese (the default)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    return client


@pytest.fixture
def en_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
