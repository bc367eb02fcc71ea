"""The validation app's vocabulary: rule kinds, severities, scopes and finding statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleKind(models.TextChoices):
    BOUNDS = "bounds", _("value within bounds (minimum, maximum)")
    FLAG = "flag", _("a standard flag is 1 (meets it) or 0")
    NUMERATOR_WITHIN = "num_le_den", _("numerator not above the denominator")
    RATIO_MATCHES = "ratio_matches", _("value equals numerator ÷ denominator")
    COUNT_WITHIN = "count_le_total", _("X not above Y in an X/Y count")
    PARTS_SUM = "parts_sum", _("parts add up to the whole")
    PERIODS_SUM = "periods_sum", _("months add up to their quarter, half and year")
    STATED_MATCHES = "stated_matches", _("a stated comparison matches the value")
    OUTLIER = "outlier", _("not far from the unit's own history")
    ROLLUP_MATCHES = "rollup_matches", _("a unit's own figure agrees with the units below")


class Severity(models.TextChoices):
    HARD = "hard", _("refuse the save")
    SOFT = "soft", _("a finding to review")


class Scope(models.TextChoices):
    """Which indicators a rule without an indicator of its own applies to."""

    ALL = "all", _("every indicator")
    FLOWS = "flows", _("flows (summed within the year)")
    COUNTS = "counts", _("counts of units (X/Y)")
    SHARES = "shares", _("shares of a whole (%)")
    RATIOS = "ratios", _("ratios (numerator and denominator)")
    FLAGS = "flags", _("standard flags (a threshold, not rolled up)")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("open")
    FIXED = "fixed", _("fixed")
    OVERRIDDEN = "overridden", _("overridden")


# Kinds checked on one figure alone; the others compare it with other figures.
SINGLE_FIGURE = frozenset(
    {RuleKind.BOUNDS, RuleKind.FLAG, RuleKind.NUMERATOR_WITHIN, RuleKind.RATIO_MATCHES, RuleKind.COUNT_WITHIN}
)
# Kinds that apply to targets as well as results.
FOR_TARGETS = frozenset({RuleKind.BOUNDS})
