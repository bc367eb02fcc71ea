"""The orgs app's vocabulary: every choice its models, services and pages use, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("province")
    CITY = "city", _("centrally-run city")
    PROVINCIAL_CITY = "provincial_city", _("provincial city")
    DISTRICT = "district", _("district")
    URBAN_DISTRICT = "urban_district", _("urban district")
    TOWN = "town", _("town")
    COMMUNE = "commune", _("commune")
    WARD = "ward", _("ward")
    TOWNSHIP = "township", _("township")
    SPECIAL_ZONE = "special_zone", _("special zone")


class LineageKind(models.TextChoices):
    MERGE = "merge", _("merged into")
    SPLIT = "split", _("split into")
    RENAME = "rename", _("renamed to")
    TRANSFER = "transfer", _("part transferred to")
