from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .sites import ON_SQLITE, PostgresSite, Site, SqliteSite

# Each engine-specific scenario runs in the test run of its engine: `bin/test` runs the suite once on
# SQLite and once on PostgreSQL, so the other run covers the other engine.


@pytest.fixture(scope="session")
def sqlite_demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An installation with the demo loaded, made once (`chitieu demo` in a new process)."""
    home = tmp_path_factory.mktemp("demo-home")
    done = SqliteSite(home).run("demo")
    assert done.code == 0, done.err
    assert not (home / "chitieu.sqlite3-wal").exists()  # the last connection checkpointed the WAL
    return home


# Only the current engine's scenario is collected (nothing is skipped): the other run covers the other.
_ENGINE_PARAM = (
    pytest.param("sqlite", id="sqlite")
    if ON_SQLITE
    # transaction=True: the data is committed, so pg_dump (another session) sees it.
    else pytest.param("postgresql", marks=[pytest.mark.django_db(transaction=True)], id="postgresql")
)


@pytest.fixture(params=[_ENGINE_PARAM])
def site(request: pytest.FixtureRequest, tmp_path: Path) -> Site:
    """An installation holding the demo data, on the engine of this test run."""
    if request.param == "sqlite":
        home = tmp_path / "home"
        home.mkdir()
        shutil.copy2(request.getfixturevalue("sqlite_demo_home") / "chitieu.sqlite3", home)
        return SqliteSite(home)
    from chitieu.demo.loader import load_demo

    load_demo()
    return PostgresSite()
