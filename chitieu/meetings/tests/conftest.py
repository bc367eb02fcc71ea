"""Personas of the conference and task pages, each holding one role on huyen-d (or, the outsider, on
thi-xa-t), and a conference of huyen-d to work on."""

from __future__ import annotations

import datetime as dt

import pytest

from chitieu.access.services import role_grant
from chitieu.meetings.services import conference_create
from chitieu.testing import make_user

ROLES = ("reporter", "approver", "leader", "office")


@pytest.fixture
def personas(world):
    """{"reporter": user, …, "admin": superuser, "outsider": office on thi-xa-t}."""
    users = {}
    for role in ROLES:
        users[role] = make_user(f"{role}-d")
        role_grant(actor=None, user=users[role], unit=world.district, role=role)
    users["admin"] = make_user("admin", superuser=True)
    users["outsider"] = make_user("office-t")
    role_grant(actor=None, user=users["outsider"], unit=world.town, role="office")
    return users


@pytest.fixture
def login(client):
    def as_(user, lang="vi"):
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
        client.force_login(user)
        return client

    return as_


@pytest.fixture
def conf(world):
    return conference_create(
        unit=world.district,
        body="executive",
        date=dt.date(2023, 6, 22),
        term=world.term,
        period="2023-H1",
        resolution=world.resolution,
    )
