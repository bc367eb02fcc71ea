"""A bounded schemathesis run against the API's own OpenAPI schema (issue 11, item 8).

Every operation of /api/schema/ gets generated requests, valid and invalid ones, anonymous and
logged in (token); then a stateful run chains operations (a created row read, changed, listed).
The assertion is the issue's: no answer is a 5xx and no request raises. The run is bounded by the
number of examples (a minute or so on two cores) and is repeatable: no example database, and each
stateless request runs in a savepoint that is rolled back, so every one meets the same small world.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
import schemathesis
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from hypothesis.stateful import run_state_machine_as_test
from rest_framework.authtoken.models import Token
from schemathesis.generation.modes import GenerationMode

from chitieu.access.services import role_grant
from chitieu.reporting.services import result_save, target_save
from chitieu.testing import make_user
from chitieu.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = 8  # per operation, mode and persona: 27 operations × 2 modes × 3 personas
STATEFUL = settings(
    max_examples=15,
    stateful_step_count=6,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(autouse=True)
def connection_kept():
    """The WSGI handler closes a connection that is not in autocommit when a request ends; the test's
    transaction is such a connection (on PostgreSQL it would be closed under the test). Django's test
    client disconnects the same signal handlers."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def personas(world):
    """(name, headers): anonymous, a reporter of huyen-d, an administrator."""
    result_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        value=D(5),
        today=dt.date(2024, 6, 1),
    )
    target_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D(9),
        resolution=world.resolution,
    )
    reporter = make_user("fuzz-reporter")
    role_grant(actor=None, user=reporter, unit=world.district, role="reporter")
    admin = make_user("fuzz-admin", superuser=True)
    out = [("anonymous", {})]
    for name, user in (("reporter", reporter), ("administrator", admin)):
        out.append((name, {"Authorization": f"Token {Token.objects.create(user=user).key}"}))
    return out


@pytest.fixture
def schema(world):
    return schemathesis.openapi.from_wsgi("/api/schema/", application)


# Random strings never name a real unit or indicator, so the services behind the validation would
# never be reached: about half the cases get some of their fields from these pools of real values
# (and of the extreme numbers that once crashed a list).
BIG = [0, 1, 10**6, 2**31, 2**63, 2**64, -1]


def known_values(world) -> dict[str, list]:
    from chitieu.indicators.models import Target
    from chitieu.reporting.models import Result

    return {
        "indicator": ["thu-ns", "lua", "bhyt", "ntm-so-xa"],
        "unit": ["huyen-d", "xa-1", "thi-xa-t", "tinh-p"],
        "parent": ["huyen-d", "tinh-p", None],
        "period": ["2023", "2023-H1", "2021-Q2", "2024", "2020-2025", "2023-13"],
        "basis": ["plan", "resolution"],
        "value": ["1", "-5", "1e30", "0", None],
        "resolution": [world.resolution.pk, *BIG],
        "term": [world.term.pk, *BIG],
        "measure_unit": ["tan", "ty-dong"],
        "expected_version": [1, 2, *BIG],
        "id": [
            *Result.objects.values_list("pk", flat=True),
            *Target.objects.values_list("pk", flat=True),
            *BIG,
        ],
        "code": ["thu-ns", "huyen-d", "ty-dong"],
        "limit": BIG,
        "offset": BIG,
        "subtree": ["1", "true"],
        "root": ["huyen-d", "thi-xa-t"],
    }


def _steer(case, data, known: dict[str, list]) -> None:
    if not data.draw(st.booleans()):
        return
    for part in ("body", "query", "path_parameters"):
        target = getattr(case, part, None)
        if not isinstance(target, dict):
            continue
        for key, pool in known.items():
            if (key in target or part == "query") and data.draw(st.booleans()):
                if part == "path_parameters" and key not in target:
                    continue
                target[key] = data.draw(st.sampled_from(pool))


def _problem(case, response) -> str | None:
    if response.status_code >= 500:
        return f"{case.operation.label} {case.path_parameters} {case.query} {case.body!r:.200} -> {response.status_code}"
    return None


def _fuzz(operation, mode, name: str, headers: dict, problems: list[str], known: dict) -> None:
    @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def one(case, data):
        _steer(case, data, known)
        with transaction.atomic():
            try:
                response = case.call(headers={"Accept-Language": "vi", **headers})
            except Exception as exc:  # an uncaught exception is a finding too
                problems.append(f"{name}: {case.operation.label} raised {exc!r:.200}")
            else:
                if problem := _problem(case, response):
                    problems.append(f"{name}: {problem}")
            transaction.set_rollback(True)

    try:
        one()
    except Unsatisfiable:  # nothing invalid can be sent to this operation (no parameters, no body)
        assert mode == GenerationMode.NEGATIVE, operation.label


def test_no_generated_request_gets_a_5xx_or_raises(schema, personas, world):
    problems: list[str] = []
    known = known_values(world)
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 25
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for name, headers in personas:
                _fuzz(operation, mode, name, headers, problems, known)
    assert not problems, "\n".join(problems[:30])


def test_chained_calls_as_an_administrator_never_get_a_5xx(schema, personas):
    headers = dict(personas)["administrator"]
    problems: list[str] = []
    Workflow = schema.as_state_machine()

    class Machine(Workflow):
        # Each scenario starts from the same rows: what one scenario created (or a unique value it
        # took) would otherwise change which calls succeed in the next, and Hypothesis, replaying a
        # scenario, would find its bundles filled differently (FlakyStrategyDefinition).
        def setup(self):
            self._savepoint = transaction.savepoint()

        def teardown(self):
            transaction.savepoint_rollback(self._savepoint)

        def get_call_kwargs(self, case):
            return {"headers": {"Accept-Language": "en", **headers}}

        def validate_response(self, response, case, **kwargs):
            if problem := _problem(case, response):
                problems.append(problem)

    with transaction.atomic():
        run_state_machine_as_test(Machine, settings=STATEFUL)
        transaction.set_rollback(True)
    assert not problems, "\n".join(problems[:30])
