import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from chitieu.lib.periods import parse_period
from chitieu.orgs.lineage import LineageError, load
from chitieu.orgs.models import Unit, UnitLineage
from chitieu.reporting.baselines import baselines
from chitieu.reporting.selectors import indicator_history, progress_table
from chitieu.reporting.services import result_save

pytestmark = pytest.mark.django_db
DAY = "2025-07-01"
HEADER = "date,old_code,new_code,kind,share,new_name,new_kind,new_parent,basis\n"


def merge_csv(extra=""):
    return (
        HEADER
        + (
            f"{DAY},xa-1,xa-moi,merge,1,Xã Mới,commune,tinh-p,NQ 1/NQ-UBTVQH15\n"
            f"{DAY},xa-2,xa-moi,merge,1,,,,\n"
            f"{DAY},xa-3,xa-moi,merge,1,,,,\n"
            f"{DAY},huyen-d,,dissolve,1,,,,\n"
        )
        + extra
    )


def save(world, unit, period, value, indicator=None, **kw):
    return result_save(
        actor=None,
        indicator=indicator or world.revenue,
        unit=unit,
        period=period,
        value=value,
        today=dt.date(2026, 11, 1),
        **kw,
    ).object


def test_a_mapping_creates_the_new_commune_and_ends_the_old_units(world):
    report = load(merge_csv())
    new = Unit.objects.get(code="xa-moi")
    assert new.parent == world.province and new.valid_from == dt.date(2025, 7, 1)
    assert report.edges == 3 and set(report.ended) == {"xa-1", "xa-2", "xa-3", "huyen-d"}
    assert Unit.objects.get(code="huyen-d").valid_to == dt.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("csv", "reason"),
    [
        (HEADER + f"{DAY},khong-co,xa-moi,merge,1,Xã Mới,commune,tinh-p,\n", "khong-co"),
        (
            HEADER
            + f"{DAY},xa-1,xa-a,split,0.5,Xã A,commune,tinh-p,\n{DAY},xa-1,xa-b,split,0.3,Xã B,commune,tinh-p,\n",
            "0.8",
        ),
        (HEADER + "2005-01-01,xa-1,xa-moi,merge,1,Xã Mới,commune,tinh-p,\n", "01/01/2010"),
        (HEADER + f"{DAY},xa-1,xa-2,rename,1,,,,\n{DAY},xa-2,xa-1,rename,1,,,,\n", "cycle"),
        (HEADER + f"{DAY},huyen-d,,dissolve,1,,,,\n", "Xã X1"),
        (HEADER + "31/02/2025,xa-1,xa-moi,merge,1,Xã Mới,commune,tinh-p,\n", "31/02/2025"),
        ("ngay,cu,moi\n2025-07-01,xa-1,xa-2\n", "header"),
    ],
)
def test_a_bad_mapping_is_rejected_whole_with_the_row_and_reason(world, csv, reason):
    before = (
        Unit.objects.count(),
        UnitLineage.objects.count(),
        list(Unit.objects.values_list("valid_to", flat=True)),
    )
    with translation.override("en"), pytest.raises(LineageError) as exc:
        load(csv)
    assert reason in str(exc.value) and "row" in str(exc.value)
    assert (
        Unit.objects.count(),
        UnitLineage.objects.count(),
        list(Unit.objects.values_list("valid_to", flat=True)),
    ) == before


def test_the_command_loads_a_csv_and_refuses_a_bad_one_naming_the_row(world, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + f"{DAY},xa-9,xa-moi,merge,1,Xã Mới,commune,tinh-p,\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("lineage", str(bad))
    assert "row 2" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text(merge_csv(), encoding="utf-8")
    call_command("lineage", str(good), "--dry-run")
    assert not Unit.objects.filter(code="xa-moi").exists()
    call_command("lineage", str(good))
    assert Unit.objects.filter(code="xa-moi").exists()


def test_a_new_commune_is_compared_with_its_predecessors_last_year(world, vi_client):
    for unit, v in zip(world.communes, (D(10), D(20), D(30)), strict=True):
        save(world, unit, "2024-H2", v)
    load(merge_csv())
    new = Unit.objects.get(code="xa-moi")
    save(world, new, "2025-H2", D(66))
    b = baselines([new], [world.revenue], "2024-H2")[(new.pk, world.revenue.pk)]
    assert b.value == D(60) and b.rebuilt and b.sources == ("xa-1", "xa-2", "xa-3")
    row = next(r for g in progress_table(new, parse_period("2025-H2")) for r in g.rows)
    assert row.change == D(10) and row.change_rebuilt is not None
    body = vi_client.get(
        reverse("reporting:unit_detail", args=["xa-moi"]), {"period": "2025-H2"}
    ).content.decode()
    assert "+10,0%" in body and "‡" in body
    # The old units keep their own history.
    assert [r.value for r in indicator_history(world.revenue, world.communes[0])] == [D(10)]
    history = indicator_history(world.revenue, new)
    assert [(r.period, r.value, getattr(r, "rebuilt", False)) for r in history] == [
        ("2024-H2", D(60), True),
        ("2025-H2", D(66), False),
    ]


def test_ratios_are_rebuilt_from_numerators_and_a_split_is_apportioned(world):
    save(
        world,
        world.communes[0],
        "2024",
        None,
        indicator=world.coverage,
        numerator=D(900),
        denominator=D(1000),
    )
    save(
        world, world.communes[1], "2024", None, indicator=world.coverage, numerator=D(450), denominator=D(500)
    )
    save(world, world.communes[0], "2024", D(100))
    csv = HEADER + (
        f"{DAY},xa-1,xa-bac,split,0.4,Xã Bắc,commune,tinh-p,\n"
        f"{DAY},xa-1,xa-nam,split,0.6,Xã Nam,commune,tinh-p,\n"
        f"{DAY},xa-2,xa-nam,merge,1,,,,\n"
    )
    load(csv)
    nam, bac = Unit.objects.get(code="xa-nam"), Unit.objects.get(code="xa-bac")
    b = baselines([nam, bac], [world.coverage, world.revenue], "2024")
    # xa-nam: 0.6 of xa-1 plus all of xa-2 → (540 + 450) / (600 + 500)
    assert b[(nam.pk, world.coverage.pk)].value == D(990) * 100 / D(1100)
    assert b[(bac.pk, world.revenue.pk)].value == D(40)
    # xa-2 reported no revenue: xa-nam's revenue is not rebuilt from a partial sum.
    assert (nam.pk, world.revenue.pk) not in b


def test_lineage_on_generated_data_rebuilds_every_merged_commune(world):
    """Many communes merged three into one, as in 2025: every new commune's baseline is the sum of its three."""
    olds = [
        Unit.objects.create(
            code=f"g{i}",
            name=f"Xã G{i}",
            kind="commune",
            parent=world.province,
            valid_from=dt.date(2010, 1, 1),
        )
        for i in range(30)
    ]
    for i, u in enumerate(olds):
        save(world, u, "2024", D(i + 1))
    rows = "".join(f"{DAY},g{i},n{i // 3},merge,1,Xã N{i // 3},commune,tinh-p,\n" for i in range(30))
    load(HEADER + rows)
    news = list(Unit.objects.filter(code__startswith="n").order_by("code"))
    b = baselines(news, [world.revenue], "2024")
    for n in news:
        k = int(n.code[1:])
        assert b[(n.pk, world.revenue.pk)].value == sum(D(3 * k + j + 1) for j in range(3))


def test_a_baseline_follows_two_generations_of_mergers(world):
    """xa-1 + xa-2 became xa-c in 2020; xa-c + xa-3 became xa-moi in 2025: xa-moi's 2019 is the three."""
    for unit, v in zip(world.communes, (D(1), D(2), D(4)), strict=True):
        save(world, unit, "2019", v)
    load(HEADER + "2020-01-01,xa-1,xa-c,merge,1,Xã C,commune,tinh-p,\n2020-01-01,xa-2,xa-c,merge,1,,,,\n")
    c = Unit.objects.get(code="xa-c")
    save(world, c, "2024", D(5))
    save(world, world.communes[2], "2024", D(4))
    load(HEADER + f"{DAY},xa-c,xa-moi,merge,1,Xã Mới,commune,tinh-p,\n{DAY},xa-3,xa-moi,merge,1,,,,\n")
    new = Unit.objects.get(code="xa-moi")
    b = baselines([new], [world.revenue], "2019")[(new.pk, world.revenue.pk)]
    assert (b.value, b.rebuilt, b.sources) == (D(7), True, ("xa-1", "xa-2", "xa-3"))
    b = baselines([new], [world.revenue], "2024")[(new.pk, world.revenue.pk)]
    assert (b.value, b.sources) == (D(9), ("xa-3", "xa-c"))
