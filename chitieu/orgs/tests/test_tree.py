import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from chitieu.orgs.models import Unit, UnitLineage
from chitieu.orgs.selectors import unit_ancestors, unit_subtree_ids, unit_tree
from chitieu.orgs.services import unit_create, unit_dissolve, unit_rename, units_merge

pytestmark = pytest.mark.django_db


def test_subtree_holds_the_unit_and_everything_below_it(world):
    ids = set(unit_subtree_ids(world.district.pk))
    assert ids == {world.district.pk, *(c.pk for c in world.communes)}
    assert world.town.pk not in ids
    assert set(unit_subtree_ids(world.province.pk, include_self=False)) == {
        world.district.pk,
        world.town.pk,
        *(c.pk for c in world.communes),
    }


def test_ancestors_run_from_the_root_down(world):
    assert unit_ancestors(world.communes[0]) == [world.province, world.district]


def test_the_tree_on_a_date_shows_the_names_and_units_of_that_date(world):
    unit_rename(unit=world.town, new_name="Thành phố T", on=dt.date(2020, 1, 1))
    old = {r.unit.code: r.name for r in unit_tree(on=dt.date(2015, 6, 1))}
    new = {r.unit.code: r.name for r in unit_tree(on=dt.date(2021, 6, 1))}
    assert old["thi-xa-t"] == "Thị xã T"
    assert new["thi-xa-t"] == "Thành phố T"


def test_a_merger_ends_the_old_units_and_records_lineage(world):
    x1, x2, x3 = world.communes
    day = dt.date(2025, 7, 1)
    new = units_merge(
        units=[x1, x2], on=day, code="xa-moi", name="Xã Mới", kind="commune", parent=world.district
    )
    x1.refresh_from_db()
    assert x1.valid_to == day and new.valid_from == day
    assert set(UnitLineage.objects.filter(successor=new).values_list("predecessor__code", flat=True)) == {
        "xa-1",
        "xa-2",
    }
    before = {r.unit.code for r in unit_tree(on=dt.date(2025, 6, 30))}
    after = {r.unit.code for r in unit_tree(on=day)}
    assert {"xa-1", "xa-2"} <= before and "xa-moi" not in before
    assert "xa-moi" in after and not ({"xa-1", "xa-2"} & after) and "xa-3" in after
    # Nothing was deleted.
    assert Unit.objects.filter(code__in=["xa-1", "xa-2"]).count() == 2


def test_it_refuses_to_dissolve_a_unit_that_still_has_units_under_it(world):
    with pytest.raises(ValidationError) as exc:
        unit_dissolve(unit=world.district, on=dt.date(2025, 7, 1))
    assert "Xã X1" in str(exc.value)
    world.district.refresh_from_db()
    assert world.district.valid_to is None


def test_a_unit_cannot_start_under_a_parent_that_did_not_exist_yet(world):
    with pytest.raises(ValidationError) as exc:
        unit_create(
            code="xa-som",
            name="Xã Sớm",
            kind="commune",
            parent=world.district,
            valid_from=dt.date(2000, 1, 1),
        )
    assert "parent" in exc.value.message_dict


def test_the_database_refuses_a_duplicate_code_and_a_backwards_validity(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(code="huyen-d", name="Khác", kind="district", valid_from=dt.date(2010, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(
            code="nguoc",
            name="Ngược",
            kind="commune",
            valid_from=dt.date(2020, 1, 1),
            valid_to=dt.date(2019, 1, 1),
        )


def test_a_merger_needs_units_alive_on_its_date(world):
    x1, x2, _ = world.communes
    unit_dissolve(unit=x2, on=dt.date(2024, 1, 1))
    with pytest.raises(ValidationError):
        units_merge(
            units=[x1, x2], on=dt.date(2025, 7, 1), code="z", name="Z", kind="commune", parent=world.district
        )
    assert not Unit.objects.filter(code="z").exists()
