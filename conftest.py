import os

import pytest

os.environ.setdefault("CHITIEU_HOME", os.path.join(os.path.dirname(__file__), "var", "test-home"))
# The product's demo never needs the workplace's articles; the tests that link them say so themselves.
os.environ["CHITIEU_DEMO_ARTICLES"] = os.devnull


def pytest_configure(config):
    raw = os.environ.get("CHITIEU_SHARED", "").strip()
    if raw and not os.path.isdir(raw):
        raise pytest.UsageError(f"CHITIEU_SHARED={raw} is not a folder")


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


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """A request in English leaves English active in the thread (LocaleMiddleware never deactivates);
    a later test in the same worker would then read English messages. Every test starts in Vietnamese."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()
