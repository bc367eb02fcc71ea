"""The indicators app's vocabulary: every choice its models, services and pages use, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    MONEY = "money", _("money")
    MASS = "mass", _("mass")
    AREA = "area", _("area")
    LENGTH = "length", _("length")
    PERCENT = "percent", _("percentage")
    COUNT = "count", _("count")
    RATE = "rate", _("rate per period")


class Field(models.TextChoices):
    ECONOMY = "economy", _("economy")
    CULTURE_SOCIETY = "culture_society", _("culture and society")
    DEFENCE_SECURITY = "defence_security", _("defence and security")
    PARTY_BUILDING = "party_building", _("Party building")


class Polarity(models.TextChoices):
    HIGHER = "higher", _("higher is better")
    LOWER = "lower", _("lower is better")


class Measure(models.TextChoices):
    FLOW = "flow", _("flow, summed within the year")
    STOCK = "stock", _("stock or level")
    RATIO = "ratio", _("ratio (numerator and denominator)")
    COUNT_MEETING = "count_meeting", _("count of units meeting a standard (X/Y)")


class Aggregation(models.TextChoices):
    SUM = "sum", _("sum")
    AVG = "avg", _("average")
    WEIGHTED_AVG = "weighted_avg", _("weighted average")
    RATIO_OF_SUMS = "ratio_of_sums", _("ratio of sums")
    COUNT_MEETING = "count_meeting", _("count of children meeting a condition")
    NONE = "none", _("does not roll up")


class TargetKind(models.TextChoices):
    LEVEL = "level", _("level")
    FLOOR = "floor", _("at least (từ … trở lên)")
    CEILING = "ceiling", _("below (dưới …)")
    AVG_GROWTH = "avg_growth", _("average annual growth")
    CUMULATIVE = "cumulative", _("cumulative over the term")


class ResolutionBody(models.TextChoices):
    CONGRESS = "congress", _("Party congress")
    EXECUTIVE = "executive", _("executive committee")
    STANDING = "standing", _("standing committee")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")


class ResolutionKind(models.TextChoices):
    CONGRESS = "congress", _("congress resolution (term)")
    ANNUAL = "annual", _("annual resolution")
    THEMATIC = "thematic", _("thematic resolution")


class Basis(models.TextChoices):
    PLAN = "plan", _("plan")
    RESOLUTION = "resolution", _("resolution")
    ESTIMATE_UPPER = "estimate_upper", _("budget estimate assigned from above")
    ESTIMATE_LOCAL = "estimate_local", _("budget estimate adopted locally")
    OTHER = "other", _("other")


FIELD_ORDER = [Field.ECONOMY, Field.CULTURE_SOCIETY, Field.DEFENCE_SECURITY, Field.PARTY_BUILDING]
BASIS_ORDER = [Basis.PLAN, Basis.RESOLUTION, Basis.ESTIMATE_UPPER, Basis.ESTIMATE_LOCAL, Basis.OTHER]
