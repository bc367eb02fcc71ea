"""Shared test fixtures: a small unit tree, a tiny catalogue and users.

    province P (tinh-p)
    ├── district D (huyen-d)   ── communes X1, X2, X3
    └── town T (thi-xa-t)

Tests reuse these through the pytest fixtures in conftest.py.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chitieu.indicators.models import Indicator, MeasureUnit, Resolution
    from chitieu.orgs.models import Term, Unit


def shared_dir() -> Path:
    """The workplace's shared folder (the extraction dev set, the seed articles): CHITIEU_SHARED, by
    default ../shared beside the project. The product never needs it; some tests read it."""
    raw = os.environ.get("CHITIEU_SHARED", "").strip()
    return Path(raw) if raw else Path(__file__).resolve().parents[1].parent / "shared"


def require_shared(*parts: str) -> Path:
    """A path inside the shared folder for a test that needs it. Missing: the test is skipped with the
    reason, never counted as passed — and under CI=true, where the folder must be there, it fails."""
    import pytest

    path = shared_dir().joinpath(*parts)
    if path.exists():
        return path
    reason = f"needs {path} (the workplace's shared folder; set CHITIEU_SHARED)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: required under CI=true", pytrace=False)
    pytest.skip(reason)


D = Decimal
START = dt.date(2010, 1, 1)


@dataclass
class World:
    province: Unit
    district: Unit
    town: Unit
    communes: list[Unit]
    revenue: Indicator
    rice: Indicator
    coverage: Indicator
    ntm: Indicator
    ntm_count: Indicator
    resolution: Resolution
    term: Term
    tonnes: MeasureUnit
    billion: MeasureUnit
    percent: MeasureUnit


def make_world() -> World:
    from chitieu.indicators.models import Indicator, MeasureUnit, Resolution
    from chitieu.orgs.models import Term, Unit
    from chitieu.reporting.models import ReportingSetup
    from chitieu.validation.defaults import ensure_default_rules

    ensure_default_rules()  # a flushed test database has lost what the migration wrote
    province = Unit.objects.create(code="tinh-p", name="Tỉnh P", kind="province", valid_from=START)
    ReportingSetup.objects.create(unit=province, window_rule="nd09")
    district = Unit.objects.create(
        code="huyen-d",
        name="Huyện D",
        kind="district",
        parent=province,
        valid_from=START,
        party_committee="Huyện ủy D",
        party_abbrev="HU",
    )
    town = Unit.objects.create(
        code="thi-xa-t", name="Thị xã T", kind="town", parent=province, valid_from=START
    )
    communes = [
        Unit.objects.create(
            code=f"xa-{i}", name=f"Xã X{i}", kind="commune", parent=district, valid_from=START
        )
        for i in (1, 2, 3)
    ]
    billion = MeasureUnit.objects.create(
        code="ty-dong", symbol="tỷ đồng", dimension="money", factor=D(10) ** 9
    )
    tonnes = MeasureUnit.objects.create(code="tan", symbol="tấn", dimension="mass", factor=D(1000))
    percent = MeasureUnit.objects.create(code="phan-tram", symbol="%", dimension="percent", factor=D(1))
    flag = MeasureUnit.objects.create(code="dat-chuan", symbol="đạt chuẩn", dimension="count", factor=D(1))
    xa = MeasureUnit.objects.create(code="xa", symbol="xã", dimension="count", factor=D(1))
    revenue = Indicator.objects.create(
        code="thu-ns",
        name="Thu ngân sách",
        measure_unit=billion,
        field="economy",
        measure="flow",
        aggregation="sum",
    )
    rice = Indicator.objects.create(
        code="lua",
        name="Sản lượng lúa",
        measure_unit=tonnes,
        field="economy",
        measure="flow",
        aggregation="sum",
    )
    coverage = Indicator.objects.create(
        code="bhyt",
        name="Tỷ lệ tham gia BHYT",
        measure_unit=percent,
        field="culture_society",
        measure="ratio",
        aggregation="ratio_of_sums",
        is_share=True,
    )
    ntm = Indicator.objects.create(
        code="ntm",
        name="Xã đạt chuẩn NTM",
        measure_unit=flag,
        field="economy",
        measure="stock",
        aggregation="none",
        threshold=D(1),
    )
    ntm_count = Indicator.objects.create(
        code="ntm-so-xa",
        name="Số xã đạt chuẩn NTM",
        measure_unit=xa,
        field="economy",
        measure="count_meeting",
        aggregation="count_meeting",
        child_indicator=ntm,
        threshold=D(1),
        child_kinds="commune",
    )
    term = Term.objects.create(unit=district, start_year=2020, end_year=2025, congress_ordinal=12)
    resolution = Resolution.objects.create(
        unit=district,
        body="executive",
        kind="annual",
        year=2023,
        number="28-NQ/HU",
        title="Nghị quyết năm 2023",
    )
    return World(
        province,
        district,
        town,
        communes,
        revenue,
        rice,
        coverage,
        ntm,
        ntm_count,
        resolution,
        term,
        tonnes,
        billion,
        percent,
    )


def make_user(username: str = "clerk", *, superuser: bool = False):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, "", "pw-" + username)
    return User.objects.create_user(username, "", "pw-" + username)
