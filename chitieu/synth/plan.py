"""The generated country, planned in memory: units, lineage, indicators, periods and the value model.

Pure Python, no Django: everything is drawn from ``random.Random`` streams seeded from the seed in a
fixed order, so a seed and the sizes determine every unit, indicator, figure and target.

The country as it stands since 1 July 2025 (DOMAIN.md §3): a national root, provinces and under
each its communes, wards and special zones. Most provinces and nearly all communes are new that day.
With ``predecessors`` > 0 the plan also holds the country before the reform, so that figures from
before 1 July 2025 sit where they were reported: old provinces (merged into the new ones), their
districts, and the old communes that merged into each new commune (``predecessors`` of them on
average; 10 035 → 3 321 in reality, about 3), linked old → new by lineage edges. A new unit reports
from its first period ending after the reform; an old one up to its last period ending before it.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from chitieu.lib.periods import Period, PeriodKind

from .catalogue import DECIMALS, SYLLABLES, Template, templates

REFORM = dt.date(2025, 7, 1)  # two-level local government (DOMAIN.md §3)
OLD_PROVINCE_FROM = dt.date(1997, 1, 1)
OLD_COMMUNE_FROM = dt.date(2008, 8, 1)
NATION_FROM = dt.date(1976, 7, 2)
# Real proportions of 1 July 2025: 23 of 34 provinces (from 52 old ones) and 3 193 of 3 321 communes
# are new; 6 of 34 provinces are centrally-run cities; 2 636 communes, 672 wards, 13 special zones;
# 696 districts held 10 035 communes (about 14 each).
NEW_PROVINCE_SHARE = 23 / 34
UNCHANGED_COMMUNE_SHARE = 128 / 3321
CITY_SHARE = 6 / 34
WARD_SHARE = 672 / 3321
SPECIAL_ZONE_SHARE = 13 / 3321
CITY_WARD_SHARE = 0.55
COMMUNES_PER_DISTRICT = 14.4
GROWTH_EPOCH = 2024  # growth is measured from January of this year, whatever the range
NOISE_SIZE = 4096

SOURCE_REF = "chitieu generate: synthetic figure"
LINEAGE_BASIS = "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính (mô phỏng)"

FREQ_LABEL = {"M": "monthly", "Q": "quarterly", "Y": "annual"}
MEASURE = {"flow": "flow", "stock": "stock", "ratio": "ratio", "flag": "count_meeting"}
AGGREGATION = {"flow": "sum", "ratio": "ratio_of_sums", "flag": "count_meeting"}
_LABEL = {
    "commune": "Xã",
    "ward": "Phường",
    "special_zone": "Đặc khu",
    "township": "Thị trấn",
    "district": "Huyện",
    "urban_district": "Quận",
    "town": "Thị xã",
    "provincial_city": "Thành phố",
}


@dataclass
class PlannedUnit:
    code: str
    name: str
    kind: str  # "" for the national root: the loader picks the model's kind for it
    valid_from: dt.date
    parent: int | None  # index into Plan.units
    valid_to: dt.date | None = None
    party_committee: str = ""
    party_abbrev: str = ""
    population: float = 0.0
    prosperity: float = 1.0


@dataclass
class PlannedIndicator:
    code: str
    template: Template
    sort_order: int
    decimals: int

    @property
    def measure(self) -> str:
        return MEASURE[self.template.kind]

    @property
    def aggregation(self) -> str:
        return AGGREGATION.get(self.template.kind) or self.template.aggregation


@dataclass(frozen=True)
class PlannedPeriod:
    period: Period
    freq: str
    months: tuple[tuple[int, int], ...]

    @property
    def code(self) -> str:
        return self.period.code

    @property
    def t(self) -> float:
        """Years from the growth epoch to the middle of the period."""
        y, m = self.months[len(self.months) // 2]
        return (y - GROWTH_EPOCH) + (m - 0.5) / 12

    @property
    def before_reform(self) -> bool:
        """Reported by the old units: the period ended before the reform."""
        return self.period.end < REFORM


@dataclass
class Plan:
    seed: int
    end: tuple[int, int]
    months: int
    missing: float
    units: list[PlannedUnit] = field(default_factory=list)
    provinces: list[int] = field(default_factory=list)  # indexes into units
    communes: list[int] = field(default_factory=list)  # today's communes, wards, special zones
    old_units: list[int] = field(default_factory=list)  # before the reform: provinces, districts, communes
    predecessors: dict[int, list[tuple[int, float]]] = field(default_factory=dict)  # commune → (old, share)
    lineage: list[tuple[int, int, str]] = field(default_factory=list)  # (old, new, kind)
    indicators: list[PlannedIndicator] = field(default_factory=list)
    resolution_indicators: list[int] = field(default_factory=list)  # indexes into indicators
    periods: list[PlannedPeriod] = field(default_factory=list)

    @property
    def resolution_year(self) -> int:
        return self.end[0]

    @property
    def target_years(self) -> list[int]:
        first = _add_months(self.end, -(self.months - 1))
        return list(range(first[0], self.end[0] + 1))

    @property
    def as_of(self) -> dt.date:
        """The day the data set stands on: the first day after its last month."""
        y, m = _add_months(self.end, 1)
        return dt.date(y, m, 1)


def _add_months(ym: tuple[int, int], delta: int) -> tuple[int, int]:
    total = ym[0] * 12 + ym[1] - 1 + delta
    return total // 12, total % 12 + 1


def _largest_remainder(weights: list[float], total: int, minimum: int = 0) -> list[int]:
    """Integers proportional to ``weights`` summing to ``total`` (each at least ``minimum``)."""
    n = len(weights)
    spare = total - minimum * n
    if spare < 0:
        raise ValueError(f"cannot give {n} parts at least {minimum} each out of {total}")
    s = sum(weights)
    raw = [spare * w / s if s else spare / n for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(n), key=lambda k: (raw[k] - out[k], -k), reverse=True)
    for k in order[: spare - sum(out)]:
        out[k] += 1
    return [x + minimum for x in out]


def _place_name(rng: random.Random, taken: set[str]) -> str:
    name = ""
    for _ in range(50):
        a, b = rng.choice(SYLLABLES), rng.choice(SYLLABLES)
        name = f"{a} {b}"
        if a != b and name not in taken:
            taken.add(name)
            return name
    k = 2
    while f"{name} {k}" in taken:
        k += 1
    taken.add(f"{name} {k}")
    return f"{name} {k}"


def _poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def periods_for(end: tuple[int, int], months: int) -> list[PlannedPeriod]:
    """Months, quarters and years whose last month falls within the ``months`` months ending at ``end``."""
    span = [_add_months(end, -k) for k in range(months - 1, -1, -1)]
    out: list[PlannedPeriod] = []
    for y, m in span:
        out.append(PlannedPeriod(Period(PeriodKind.MONTH, y, m), "M", ((y, m),)))
        if m % 3 == 0:
            months_q = tuple((y, k) for k in range(m - 2, m + 1))
            out.append(PlannedPeriod(Period(PeriodKind.QUARTER, y, m // 3), "Q", months_q))
        if m == 12:
            out.append(PlannedPeriod(Period(PeriodKind.YEAR, y), "Y", tuple((y, k) for k in range(1, 13))))
    return out


def make_plan(
    *,
    seed: int,
    provinces: int,
    communes: int,
    indicators: int,
    months: int,
    end: tuple[int, int],
    resolution_indicators: int,
    missing: float = 0.03,
    predecessors: float = 3.1,
) -> Plan:
    if provinces < 1 or communes < provinces or indicators < 1 or months < 1:
        raise ValueError("need at least 1 province, 1 commune per province, 1 indicator and 1 month")
    rng = random.Random(seed)
    plan = Plan(seed=seed, end=end, months=months, missing=missing)
    plan.units.append(PlannedUnit("vn", "Toàn quốc (dữ liệu mô phỏng)", "", NATION_FROM, None))

    # Provinces: sizes log-normal (real range 38–168 communes, mean 98), some cities, most new.
    weights = [rng.lognormvariate(0, 0.4) for _ in range(provinces)]
    sizes = _largest_remainder(weights, communes, minimum=1)
    cities = set(rng.sample(range(provinces), round(provinces * CITY_SHARE)))
    new = set(rng.sample(range(provinces), round(provinces * NEW_PROVINCE_SHARE)))
    names: set[str] = set()
    for k in range(provinces):
        name = _place_name(rng, names)
        is_city = k in cities
        plan.provinces.append(len(plan.units))
        plan.units.append(
            PlannedUnit(
                code=f"p{k + 1:02d}",
                name=f"{'Thành phố' if is_city else 'Tỉnh'} {name}",
                kind="city" if is_city else "province",
                valid_from=REFORM if k in new else OLD_PROVINCE_FROM,
                parent=0,
                party_committee=f"{'Thành ủy' if is_city else 'Tỉnh ủy'} {name}",
                party_abbrev="TU",
                prosperity=rng.lognormvariate(0, 0.3) * (1.6 if is_city else 1.0),
            )
        )

    # Kinds: cities are mostly wards; the rest of the country's wards go to provinces by size.
    wards_total = round(communes * WARD_SHARE)
    city_wards = {k: min(sizes[k], round(sizes[k] * CITY_WARD_SHARE)) for k in cities}
    rest = [k for k in range(provinces) if k not in cities]
    left = max(0, wards_total - sum(city_wards.values()))
    wards = {**city_wards, **dict(zip(rest, _largest_remainder([sizes[k] for k in rest], left), strict=True))}
    zones_total = round(communes * SPECIAL_ZONE_SHARE)
    zone_count = [0] * provinces
    for _ in range(zones_total):
        zone_count[rng.randrange(provinces)] += 1
    # Unchanged communes only where the province is unchanged too (their parent existed before).
    in_old_provinces = sum(sizes[k] for k in range(provinces) if k not in new)
    p_unchanged = min(1.0, UNCHANGED_COMMUNE_SHARE * communes / in_old_provinces) if in_old_provinces else 0.0

    for k in range(provinces):
        p_index = plan.provinces[k]
        prov = plan.units[p_index]
        n = sizes[k]
        n_zone = min(zone_count[k], n)
        n_ward = min(wards[k], n - n_zone)
        kinds = ["special_zone"] * n_zone + ["ward"] * n_ward + ["commune"] * (n - n_zone - n_ward)
        rng.shuffle(kinds)
        local: set[str] = set()
        for j, kind in enumerate(kinds):
            name = _place_name(rng, local)
            committee = _LABEL[kind].lower()
            pop = (
                25000 * rng.lognormvariate(0, 0.5) * {"commune": 1.0, "ward": 1.3, "special_zone": 0.5}[kind]
            )
            unchanged = k not in new and rng.random() < p_unchanged
            plan.communes.append(len(plan.units))
            plan.units.append(
                PlannedUnit(
                    code=f"{prov.code}-x{j + 1:04d}",
                    name=f"{_LABEL[kind]} {name}",
                    kind=kind,
                    valid_from=OLD_COMMUNE_FROM if unchanged else REFORM,
                    parent=p_index,
                    party_committee=f"Đảng ủy {committee} {name}",
                    party_abbrev="ĐU",
                    population=max(2000.0, pop),
                    prosperity=prov.prosperity * rng.lognormvariate(0, 0.25),
                )
            )

    if predecessors > 0:
        _plan_old_country(plan, rng, predecessors, new, names)

    for k, t in enumerate(templates(indicators)):
        plan.indicators.append(PlannedIndicator(f"ind-{k + 1:03d}", t, (k + 1) * 10, DECIMALS.get(t.unit, 0)))

    # The resolution's indicators: a stratified draw, so that every field is represented.
    by_field: dict[str, list[int]] = {}
    for k, ind in enumerate(plan.indicators):
        by_field.setdefault(ind.template.field, []).append(k)
    want = min(resolution_indicators, len(plan.indicators))
    quota = _largest_remainder([len(v) for v in by_field.values()], want)
    chosen: list[int] = []
    for (_f, pool), q in zip(by_field.items(), quota, strict=True):
        chosen += rng.sample(pool, q)
    plan.resolution_indicators = sorted(chosen)

    plan.periods = periods_for(end, months)
    return plan


def _plan_old_country(plan: Plan, rng: random.Random, mean: float, new: set[int], names: set[str]) -> None:
    """The provinces, districts and communes that the reform replaced, and the lineage edges."""
    old_from, old_to = OLD_PROVINCE_FROM, REFORM

    def add(unit: PlannedUnit) -> int:
        plan.old_units.append(len(plan.units))
        plan.units.append(unit)
        return len(plan.units) - 1

    n_old = 0
    containers: dict[int, list[int]] = {}  # new province → the units its old communes' districts hang under
    for k, p_index in enumerate(plan.provinces):
        prov = plan.units[p_index]
        if k not in new:
            containers[p_index] = [p_index]  # unchanged: its districts were its own
            continue
        containers[p_index] = []
        for _ in range(2 + (rng.random() < 0.26)):  # 52 old provinces → 23 new
            n_old += 1
            name = _place_name(rng, names)
            old = add(
                PlannedUnit(
                    code=f"o{n_old:02d}",
                    name=f"{'Thành phố' if prov.kind == 'city' else 'Tỉnh'} {name}",
                    kind=prov.kind,
                    valid_from=old_from,
                    valid_to=old_to,
                    parent=0,
                    party_committee=f"Tỉnh ủy {name}",
                    party_abbrev="TU",
                )
            )
            containers[p_index].append(old)
            plan.lineage.append((old, p_index, "merge"))

    # Old communes: each changed commune is formed from 1 + Poisson(mean − 1) of them.
    old_of: dict[int, list[tuple[int, str, float]]] = {}  # container → (new commune, kind, share)
    members: list[tuple[int, int, str, float]] = []  # (new commune, container, kind, share)
    for c in plan.communes:
        unit = plan.units[c]
        if unit.valid_from < REFORM:
            continue
        n = 1 + _poisson(rng, max(0.0, mean - 1))
        weights = [rng.lognormvariate(0, 0.4) for _ in range(n)]
        total = sum(weights)
        for w in weights:
            kind = unit.kind if unit.kind != "special_zone" else "commune"
            if kind == "commune" and rng.random() < 0.06:
                kind = "township"
            members.append((c, rng.choice(containers[unit.parent]), kind, w / total))
    for c, container, kind, share in members:
        old_of.setdefault(container, []).append((c, kind, share))

    for container, group in old_of.items():
        if not group:
            continue
        host = plan.units[container]
        n_districts = max(1, round(len(group) / COMMUNES_PER_DISTRICT))
        districts = []
        local: set[str] = set()
        for d in range(n_districts):
            kind = rng.choices(["district", "urban_district", "town", "provincial_city"], [75, 10, 8, 7])[0]
            name = _place_name(rng, local)
            districts.append(
                add(
                    PlannedUnit(
                        code=f"{host.code}-h{d + 1:02d}",
                        name=f"{_LABEL[kind]} {name}",
                        kind=kind,
                        valid_from=old_from,
                        valid_to=old_to,
                        parent=container,
                        party_committee=f"{'Huyện ủy' if kind == 'district' else 'Thị ủy'} {name}",
                        party_abbrev="HU",
                    )
                )
            )
        counters = [0] * n_districts
        for c, kind, share in group:
            d = rng.randrange(n_districts)
            counters[d] += 1
            name = _place_name(rng, local)
            new_unit = plan.units[c]
            old = add(
                PlannedUnit(
                    code=f"{plan.units[districts[d]].code}-x{counters[d]:03d}",
                    name=f"{_LABEL[kind]} {name}",
                    kind=kind,
                    valid_from=OLD_COMMUNE_FROM,
                    valid_to=old_to,
                    parent=districts[d],
                    party_committee=f"Đảng ủy {_LABEL[kind].lower()} {name}",
                    party_abbrev="ĐU",
                    population=new_unit.population * share,
                    prosperity=new_unit.prosperity,
                )
            )
            plan.predecessors.setdefault(c, []).append((old, share))
    for c, olds in plan.predecessors.items():
        kind = "merge" if len(olds) > 1 else "rename"
        plan.lineage += [(old, c, kind) for old, _share in olds]


# -- the value model ------------------------------------------------------------------------------------

_SEASON = {
    "flat": lambda m: 1.0,
    "yearend": lambda m: 1 + 0.35 * (m - 6.5) / 5.5,
    "harvest": lambda m: 1 + 0.6 * math.cos(2 * math.pi * (m - 5.5) / 6),
    "tet": lambda m: 1 + 0.25 * math.cos(2 * math.pi * (m - 8) / 12),
    "summer": lambda m: 1 + 0.4 * math.cos(2 * math.pi * (m - 7) / 12),
}

FLOW, STOCK, AVG, RATIO, FLAG = range(5)
Figure = tuple[int, str, str | None, str | None]  # (indicator index, value, numerator, denominator)


class Model:
    """Draws the figures of a plan: call :meth:`rows` once, then :meth:`targets`.

    Per indicator × commune the model fixes a scale (size, prosperity, urban/rural, a log-normal
    spread), a coverage rate or the year a standard is met; per commune × period a growth deviation.
    Figures are expectation × noise, with ``plan.missing`` of them not reported. An old commune's
    figures are its share of its successor's expectation, with its own noise.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rng = rng = random.Random(plan.seed * 1_000_003 + 7)
        self.noise_flow = [rng.lognormvariate(0, 0.15) for _ in range(NOISE_SIZE)]
        self.noise_stock = [rng.lognormvariate(0, 0.03) for _ in range(NOISE_SIZE)]
        self.normal = [rng.gauss(0, 1) for _ in range(NOISE_SIZE)]
        communes = [plan.units[u] for u in plan.communes]
        first_year = plan.target_years[0]
        self.slots = 0  # figures due (reported or missing)
        self.kind: list[int] = []
        self.scale: list[list[float]] = []  # flows, stocks: per commune
        self.rate: list[list[float]] = []  # ratios: per commune, in %
        self.den: list[list[float]] = []  # ratios: denominator per commune
        self.meets_from: list[list[int]] = []  # flags: first year the commune meets the standard
        for ind in plan.indicators:
            t = ind.template
            kind = {"flow": FLOW, "stock": STOCK, "ratio": RATIO, "flag": FLAG}[t.kind]
            if kind == STOCK and t.aggregation == "avg":
                kind = AVG
            self.kind.append(kind)
            scale: list[float] = []
            rate: list[float] = []
            den: list[float] = []
            meets: list[int] = []
            for c in communes:
                urban = t.urban if c.kind == "ward" else 1.0
                if kind in (FLOW, STOCK):
                    econ = c.prosperity if t.unit == "synth-trieu-dong" else 1.0
                    scale.append(t.base * c.population / 10000 * urban * econ * rng.lognormvariate(0, 0.35))
                elif kind == AVG:
                    scale.append(t.base * c.prosperity**0.5 * urban * rng.lognormvariate(0, 0.1))
                elif kind == RATIO:
                    u = rng.betavariate(2.5, 1.6) if t.polarity == "higher" else rng.betavariate(1.6, 2.5)
                    rate.append(t.lo + (t.hi - t.lo) * u)
                    den.append(max(1.0, c.population * t.den * rng.lognormvariate(0, 0.05)))
                else:
                    y = first_year
                    if rng.random() >= t.p * min(1.5, c.prosperity):
                        y += 1
                        while rng.random() >= 0.18 and y < first_year + 30:
                            y += 1
                    meets.append(y)
            self.scale.append(scale)
            self.rate.append(rate)
            self.den.append(den)
            self.meets_from.append(meets)
        # Growth deviation of each commune (±2 points a year around the indicator's growth).
        self.commune_growth = [rng.gauss(0, 0.02) for _ in communes]
        # Σ season(m) × (1+g)^t over each period's months (flows), (1+g)^t (levels), per indicator.
        self.flow_factor: list[dict[str, float]] = []
        self.level_factor: list[dict[str, float]] = []
        for ind in plan.indicators:
            t = ind.template
            season = _SEASON[t.season]
            ff, lf = {}, {}
            for pp in plan.periods:
                ff[pp.code] = sum(
                    season(m) * (1 + t.growth) ** ((y - GROWTH_EPOCH) + (m - 0.5) / 12) for y, m in pp.months
                )
                lf[pp.code] = (1 + t.growth) ** pp.t
            self.flow_factor.append(ff)
            self.level_factor.append(lf)
        self.by_freq: dict[str, list[int]] = {"M": [], "Q": [], "Y": []}
        for k, ind in enumerate(plan.indicators):
            self.by_freq[ind.template.freq].append(k)

    # -- results --------------------------------------------------------------------------------------

    def rows(self) -> Iterator[tuple[int, int, list[Figure]]]:
        """Every reported figure, as (unit index, period index, [figures]) — commune by commune.

        For each of today's communes: first its predecessors' figures for the periods that ended
        before the reform, then its own for the periods after (all periods if it is unchanged). This
        order keeps a unit's figures for a period together on disk.
        """
        plan = self.plan
        for ci, u in enumerate(plan.communes):
            unit = plan.units[u]
            olds = plan.predecessors.get(u, [])
            for pi, pp in enumerate(plan.periods):
                if pp.before_reform and unit.valid_from >= REFORM:
                    for old, share in olds:
                        yield old, pi, self._figures(ci, pp, share, old_unit=True)
            for pi, pp in enumerate(plan.periods):
                if unit.valid_from < REFORM or not pp.before_reform:
                    yield u, pi, self._figures(ci, pp, 1.0, old_unit=False)

    def _figures(self, ci: int, pp: PlannedPeriod, share: float, old_unit: bool) -> list[Figure]:
        rnd = self.rng.random
        bits = self.rng.getrandbits
        missing = self.plan.missing
        nf, ns, normal = self.noise_flow, self.noise_stock, self.normal
        kinds = self.kind
        inds = self.plan.indicators
        code, t = pp.code, pp.t
        g = (1 + self.commune_growth[ci]) ** t
        due = self.by_freq[pp.freq]
        self.slots += len(due)
        out: list[Figure] = []
        for k in due:
            if rnd() < missing:
                continue
            kind = kinds[k]
            if kind == FLOW:
                v = self.scale[k][ci] * share * self.flow_factor[k][code] * g * nf[bits(12)]
                out.append((k, _fmt(v, inds[k].decimals, normal[bits(12)]), None, None))
            elif kind == STOCK:
                # Levels move smoothly: no count noise on top of the small level noise.
                v = self.scale[k][ci] * share * self.level_factor[k][code] * g * ns[bits(12)]
                out.append((k, _fmt(v, inds[k].decimals, 0.0), None, None))
            elif kind == AVG:
                v = self.scale[k][ci] * self.level_factor[k][code] * g * ns[bits(12)]
                out.append((k, _fmt(v, inds[k].decimals, 0.0), None, None))
            elif kind == RATIO:
                den = max(1, round(self.den[k][ci] * share * (1.009**t)))
                r = (
                    self.rate[k][ci]
                    + inds[k].template.trend * t
                    + (1.2 if old_unit else 0.4) * normal[bits(12)]
                )
                r = 0.0 if r < 0 else 100.0 if r > 100 else r
                num = round(den * r / 100)
                out.append((k, f"{100 * num / den:.2f}", str(num), str(den)))
            else:
                met = pp.period.year >= self.meets_from[k][ci] or (old_unit and rnd() < 0.2)
                out.append((k, "1" if met else "0", None, None))
        return out

    # -- targets --------------------------------------------------------------------------------------

    def targets(self) -> Iterator[tuple[int, int, int, str, str]]:
        """Annual plan targets for the resolution indicators: (unit index, indicator index, year, kind, value).

        For the years a unit exists at the end of. Communes get a target a little above their expected
        figure; the province gets about the sum (flows, stocks), the mean (averages), the
        denominator-weighted rate (ratios) or the number of communes asked to meet the standard (flags).
        """
        plan = self.plan
        rng = self.rng
        by_province: dict[int, list[int]] = {}
        for ci, u in enumerate(plan.communes):
            by_province.setdefault(plan.units[u].parent, []).append(ci)
        for p_index in plan.provinces:
            for k in plan.resolution_indicators:
                t = plan.indicators[k].template
                kind = self.kind[k]
                dec = plan.indicators[k].decimals
                for year in plan.target_years:
                    if plan.units[p_index].valid_from > dt.date(year, 12, 31):
                        continue
                    ty = (year - GROWTH_EPOCH) + 0.5
                    values: list[float] = []
                    weights: list[float] = []
                    for ci in by_province.get(p_index, []):
                        if plan.units[plan.communes[ci]].valid_from > dt.date(year, 12, 31):
                            continue
                        g = (1 + self.commune_growth[ci]) ** ty
                        if kind == FLOW:
                            season = _SEASON[t.season]
                            full = sum(
                                season(m) * (1 + t.growth) ** ((year - GROWTH_EPOCH) + (m - 0.5) / 12)
                                for m in range(1, 13)
                            )
                            v = self.scale[k][ci] * full * g * rng.uniform(1.0, 1.08)
                        elif kind in (STOCK, AVG):
                            v = self.scale[k][ci] * (1 + t.growth) ** (ty + 0.5) * g * rng.uniform(1.0, 1.04)
                        elif kind == RATIO:
                            base = self.rate[k][ci] + t.trend * (ty + 0.5)
                            if t.polarity == "higher":
                                v = min(100.0, base + rng.uniform(0.3, 1.5))
                            else:
                                v = max(0.0, base - rng.uniform(0.2, 1.0))
                            weights.append(self.den[k][ci])
                        else:
                            if not (year >= self.meets_from[k][ci] or rng.random() < 0.35):
                                continue
                            v = 1.0
                        values.append(v)
                        yield plan.communes[ci], k, year, _target_kind(t), _fmt_target(v, kind, dec)
                    if not values:
                        continue
                    if kind in (FLOW, STOCK):
                        pv = sum(round(v, dec) for v in values) * rng.uniform(0.98, 1.02)
                    elif kind == AVG:
                        pv = sum(values) / len(values) * rng.uniform(1.0, 1.03)
                    elif kind == RATIO:
                        pv = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
                    else:
                        pv = float(len(values))
                    yield p_index, k, year, _target_kind(t), _fmt_target(pv, kind, dec)


def _target_kind(t: Template) -> str:
    if t.kind == "ratio":
        return "floor" if t.polarity == "higher" else "ceiling"
    return "level"


def _fmt_target(v: float, kind: int, decimals: int) -> str:
    if kind == RATIO:
        return f"{v:.2f}"
    if kind == FLAG:
        return str(int(v))
    return f"{max(v, 0):.{decimals}f}" if decimals else str(max(1, round(v)))


def _fmt(v: float, decimals: int, z: float) -> str:
    """A figure as text: with ``decimals`` places, or a count (small counts drawn around their mean)."""
    if decimals:
        return f"{v:.{decimals}f}"
    if v < 30:
        # Counts of rare events: a normal approximation to a Poisson draw, floored at 0.
        n = round(v + z * math.sqrt(v))
        return str(n if n > 0 else 0)
    return str(round(v))
