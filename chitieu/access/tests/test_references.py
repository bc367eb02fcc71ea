"""Scope on every reference (issue 11, item 3): the services themselves refuse an object the actor may
not see, or one of another unit, whichever route (page, API, import) called them."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chitieu.access.services import role_grant
from chitieu.inbox.services import document_ingest
from chitieu.indicators.models import Resolution
from chitieu.meetings.services import conference_create, task_create, vote_record
from chitieu.orgs.models import Term
from chitieu.reporting.services import result_save, target_save
from chitieu.testing import make_user

pytestmark = pytest.mark.django_db
DAY = dt.date(2024, 6, 1)


def user_with(world, role, unit=None):
    u = make_user(f"{role}-{(unit or world.district).code}")
    role_grant(actor=None, user=u, unit=unit or world.district, role=role)
    return u


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def theirs(world):
    return Resolution.objects.create(
        unit=world.town, body="executive", kind="annual", year=2023, title="NQ T"
    )


def test_a_target_of_one_unit_cannot_join_another_units_resolution_whoever_asks(world, theirs, clerk):
    office = user_with(world, "office")
    for actor, message in ((office, "There is no resolution"), (clerk, "belongs to Thị xã T")):
        with pytest.raises(ValidationError) as exc:
            target_save(
                actor=actor,
                indicator=world.revenue,
                unit=world.district,
                period="2023",
                basis="plan",
                value=D(1),
                resolution=theirs,
            )
        assert message in " ".join(exc.value.message_dict["resolution"])


def test_writing_needs_the_right_on_the_unit_in_the_service_itself(world):
    reporter, leader = user_with(world, "reporter"), user_with(world, "leader")
    with pytest.raises(PermissionDenied):
        result_save(
            actor=leader, indicator=world.revenue, unit=world.district, period="2023", value=D(1), today=DAY
        )
    with pytest.raises(PermissionDenied):
        target_save(
            actor=reporter,
            indicator=world.revenue,
            unit=world.district,
            period="2023",
            basis="plan",
            value=D(1),
        )
    # a derived target (worked back from a document's percentage) may be written with the figure
    target_save(
        actor=reporter,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D(1),
        derived=True,
    )
    with pytest.raises(PermissionDenied):
        result_save(
            actor=reporter, indicator=world.revenue, unit=world.town, period="2023", value=D(1), today=DAY
        )


def test_a_figure_cannot_cite_a_document_its_author_may_not_see(world):
    doc = document_ingest(actor=None, unit=world.town, period="2023", text="Thu ngân sách đạt 5 tỷ đồng.")
    reporter = user_with(world, "reporter")
    with pytest.raises(ValidationError) as exc:
        result_save(
            actor=reporter,
            indicator=world.revenue,
            unit=world.district,
            period="2023",
            value=D(5),
            source_document=doc,
            today=DAY,
        )
    assert "There is no document" in " ".join(exc.value.message_dict["source_document"])


def test_a_conference_cannot_sit_in_another_units_term_or_review_its_resolution(world, theirs):
    office = user_with(world, "office")
    town_term = Term.objects.create(unit=world.town, start_year=2020, end_year=2025)
    for kw, field in (({"term": town_term}, "term"), ({"resolution": theirs}, "resolution")):
        with pytest.raises(ValidationError) as exc:
            conference_create(
                actor=office, unit=world.district, body="executive", date=dt.date(2023, 6, 1), **kw
            )
        assert field in exc.value.message_dict


def test_a_conference_sets_tasks_only_for_its_unit_and_those_below(world):
    office = user_with(world, "office")
    conf = conference_create(actor=office, unit=world.district, body="executive", date=dt.date(2023, 6, 1))
    task_create(actor=office, conference=conf, unit=world.communes[0], text="Việc của xã")
    with pytest.raises(ValidationError) as exc:
        task_create(actor=None, conference=conf, unit=world.town, text="Việc của thị xã")
    assert "unit" in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        vote_record(
            actor=user_with(world, "reporter"), conference=conf, matter="Biểu quyết", outcome="passed"
        )


def test_a_target_may_belong_to_a_resolution_of_a_unit_above_but_not_of_a_unit_aside(world, clerk):
    """A district's resolution assigns targets to its communes; a sibling's resolution assigns none."""
    commune = world.communes[0]
    t = target_save(
        actor=clerk,
        indicator=world.revenue,
        unit=commune,
        period="2023",
        basis="resolution",
        value=D(5),
        resolution=world.resolution,
    ).object
    assert t.resolution == world.resolution and t.unit == commune
    with pytest.raises(ValidationError, match="không thuộc|not to"):
        target_save(
            actor=clerk,
            indicator=world.revenue,
            unit=world.town,
            period="2023",
            basis="resolution",
            value=D(5),
            resolution=world.resolution,
        )
