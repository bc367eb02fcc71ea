"""The access matrix: every route of the project, as every persona, on an object inside huyen-d's
subtree and outside it, read and (where the route writes) written with valid data.

The expectations below are the specification, written independently of chitieu/access/scope.py:

    view           every role              enter_results   reporter, administrator
    approve        approver, administrator manage          office, administrator
    catalogue      office on a root unit, administrator (nobody here but the administrator)

A role on a unit reaches its whole subtree. A user who cannot see the unit gets 404; one who sees it
but may not act gets 403; anonymous users are sent to the login page (the API answers 401/403).

The routes are enumerated from the URL resolver: a route added without an entry in ROUTES fails
with "route X has no access expectation". Every request runs in a savepoint that is rolled back, so
each one meets the same data. Every 200 a scoped persona receives is searched for the other
subtree's names, codes and (distinctive) figures.

The personas and rules, the route table, the data and the calling and judging of a request live in
the package matrix/ beside this module; this module holds the fixtures and the tests.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client, override_settings

from .matrix.calls import answer_of, body_of, leaks, run_check
from .matrix.routes import ROUTES, project_routes
from .matrix.rules import (
    ADMIN,
    ANON,
    APPROVER,
    INSIDE_SECRETS,
    LEADER,
    OFFICE,
    OUTSIDE_SECRETS,
    PERSONAS,
    PERSONNEL_SECRETS,
    REPORTER,
    TOWN,
)
from .matrix.world import build_world

pytestmark = pytest.mark.django_db

# --------------------------------------------------------------------------------------------------
# The world, with a logged-in client per persona
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def w(django_db_setup, django_db_blocker):
    """Built once for the module, with a logged-in client per persona, inside a transaction that is
    rolled back at its end. Imports run in the request (CHITIEU_IMPORTS_SYNC)."""
    with django_db_blocker.unblock(), override_settings(CHITIEU_IMPORTS_SYNC=True):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build_world()
            data.clients = {}
            for persona in PERSONAS:
                c = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="vi")
                if persona != ANON:
                    c.force_login(data.users[persona])
                data.clients[persona] = c
            yield data
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def clients(w):
    return w.clients


# --------------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------------

ALL_ROUTES = project_routes()


def test_every_route_has_an_access_expectation_and_every_expectation_a_route():
    missing = [k for k in ALL_ROUTES if k not in ROUTES]
    stale = [k for k in ROUTES if k not in ALL_ROUTES]
    assert not missing, "\n".join(f"route {k} has no access expectation" for k in missing)
    assert not stale, "\n".join(f"expectation {k} matches no route" for k in stale)


@pytest.mark.parametrize("route", ALL_ROUTES)
def test_each_persona_gets_the_right_answer_inside_and_outside_its_subtree(w, clients, route):
    assert route in ROUTES, f"route {route} has no access expectation"
    problems = [
        problem
        for check in ROUTES[route]
        for side in check.sides
        for persona in PERSONAS
        if (problem := run_check(w, clients, route, check, persona, side))
    ]
    assert not problems, f"{route}:\n  " + "\n  ".join(problems)


# Lists, searches, exports and roll-ups that span units: the administrator sees the other subtree's
# data in them (so the search below is not vacuous), a scoped persona does not.
GLOBAL_LISTS = [
    # (url, what the administrator sees of thi-xa-t in it, what of huyen-d)
    ("/units/", "Thị xã T", "Xã X1"),
    ("/", "Thị xã T", "Huyện D"),  # the overview of the province: its units below
    ("/search/?q=x", "Thị xã T", "Xã X1"),
    ("/inbox/", "777.777", "Huyện D"),
    ("/audit/", "777.777", "123.456"),  # the trail writes figures the Vietnamese way
    ("/audit/export.csv", '"777777"', '"123456"'),
    ("/audit/?object_type=meetings.conference", "Thị xã T", "Huyện D"),
    ("/audit/export.csv?object_type=reporting.result", '"777777"', '"123456"'),
    ("/indicators/thu-ns/", "Thị xã T", "Xã X1"),
    ("/imports/", "Thị xã T", "Huyện D"),
    ("/api/v1/units/", "thi-xa-t", "huyen-d"),
    ("/api/v1/terms/", "thi-xa-t", "huyen-d"),
    ("/api/v1/resolutions/", "thi-xa-t", "huyen-d"),
    ("/api/v1/targets/", "555555.0", "246810.0"),
    ("/api/v1/results/", "777777.0", "123456.0"),
    ("/api/v1/results/?indicator=thu-ns&period=2023-H1", "777777.0", "123456.0"),
]
# The same lists and downloads seen from inside huyen-d: nothing of thi-xa-t or tinh-p may appear.
SCOPED_LISTS = [
    "/units/huyen-d/",
    "/units/huyen-d/?period=2022-H1",
    "/units/huyen-d/conferences/",
    "/units/huyen-d/tasks/",
    "/units/huyen-d/dashboard/?period=2023-H1",
    "/audit/?unit=huyen-d",
    "/audit/export.csv?unit=huyen-d",
    "/indicators/thu-ns/?unit=huyen-d",
    "/units/huyen-d/report.docx?period=2023-H1",
    "/units/huyen-d/appendix.xlsx?period=2023-H1",
    "/imports/template/huyen-d/2023-H1/",
    "/api/v1/units/?root=huyen-d",
    "/api/v1/results/?unit=huyen-d&subtree=1",
    "/api/v1/targets/?unit=huyen-d&subtree=1",
    "/api/v1/resolutions/?unit=huyen-d",
]


@pytest.mark.parametrize(("url", "outside", "inside"), GLOBAL_LISTS, ids=[u for u, _o, _i in GLOBAL_LISTS])
def test_lists_spanning_units_show_a_scoped_persona_nothing_from_outside_its_subtree(
    w, clients, url, outside, inside
):
    with transaction.atomic():
        resp = clients[ADMIN].get(url)
        seen = body_of(resp)
        transaction.set_rollback(True)
    # the administrator sees both subtrees here, so the search below is not vacuous
    assert resp.status_code == 200
    assert outside in seen and outside in OUTSIDE_SECRETS, f"{url} should show thi-xa-t's {outside}"
    assert inside in seen and inside in INSIDE_SECRETS, f"{url} should show huyen-d's {inside}"
    problems = []
    for persona in (REPORTER, APPROVER, LEADER, OFFICE, TOWN):
        with transaction.atomic():
            resp = clients[persona].get(url)
            body = body_of(resp)
            transaction.set_rollback(True)
        if resp.status_code != 200:
            problems.append(f"{persona}: got {resp.status_code}, expected 200")
        elif leaks(persona, body):
            problems.append(f"{persona}: leaks {leaks(persona, body)}")
    assert not problems, f"{url}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("url", SCOPED_LISTS)
def test_pages_and_downloads_of_huyen_d_hold_nothing_from_outside_its_subtree(w, clients, url):
    problems = []
    for persona in (REPORTER, APPROVER, LEADER, OFFICE):
        with transaction.atomic():
            resp = clients[persona].get(url)
            body = body_of(resp)
            transaction.set_rollback(True)
        if resp.status_code != 200:
            problems.append(f"{persona}: got {answer_of(resp)}, expected 200")
        elif leaks(persona, body):
            problems.append(f"{persona}: leaks {leaks(persona, body)}")
    assert not problems, f"{url}:\n  " + "\n  ".join(problems)


# Where a personnel vote of huyen-d is shown to those who may see it: the search for it in every
# answer to a reporter or an approver (SECRETS) is then not vacuous.
PERSONNEL_PLACES = [
    "/audit/?object_type=meetings.vote",
    "/audit/export.csv",
    "/audit/export.csv?unit=huyen-d&object_type=meetings.vote",
]


@pytest.mark.parametrize("url", PERSONNEL_PLACES)
def test_personnel_votes_reach_leaders_and_the_office_but_no_reporter_or_approver(w, clients, url):
    problems = []
    for persona in (ADMIN, LEADER, OFFICE, REPORTER, APPROVER):
        with transaction.atomic():
            resp = clients[persona].get(url)
            body = body_of(resp)
            transaction.set_rollback(True)
        shown = [s for s in PERSONNEL_SECRETS if s in body]
        if resp.status_code != 200:
            problems.append(f"{persona}: got {resp.status_code}")
        elif persona in (ADMIN, LEADER, OFFICE) and not shown:
            problems.append(f"{persona}: the personnel vote is missing")
        elif persona in (REPORTER, APPROVER) and shown:
            problems.append(f"{persona}: sees {shown}")
    assert not problems, f"{url}:\n  " + "\n  ".join(problems)


def test_the_conference_page_shows_the_personnel_vote_to_a_leader_only(w, clients):
    url = f"/conferences/{w.conf['in'].pk}/"
    assert PERSONNEL_SECRETS[0] in body_of(clients[LEADER].get(url))
    assert PERSONNEL_SECRETS[0] not in body_of(clients[REPORTER].get(url))


def test_the_parent_of_huyen_d_is_invisible_to_everybody_scoped_below_it(w, clients):
    for persona in (REPORTER, APPROVER, LEADER, OFFICE, TOWN):
        assert clients[persona].get("/units/tinh-p/").status_code == 404, persona
    assert clients[ADMIN].get("/units/tinh-p/").status_code == 200
