from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from chitieu.indicators.choices import Basis, TargetKind
from chitieu.indicators.models import Indicator, MeasureUnit, Resolution, Target
from chitieu.orgs.models import Term, Unit
from chitieu.reporting.choices import ResultSource, ResultStatus
from chitieu.reporting.models import Result, StatedComparison


class VisiblePrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A reference by id to an object held by a unit: only those the caller may see can be named, and
    an invisible one is refused word for word like one that does not exist."""

    def __init__(self, *, kind, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    def get_queryset(self):
        from chitieu.access.scope import restrict

        request = self.context.get("request")
        qs = super().get_queryset()
        return restrict(qs, request.user) if request is not None else qs.none()

    def to_internal_value(self, data):
        from chitieu.access.references import unknown

        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            return self.get_queryset().get(pk=int(data))
        except (TypeError, ValueError, OverflowError):
            self.fail("incorrect_type", data_type=type(data).__name__)
        except self.get_queryset().model.DoesNotExist:
            raise serializers.ValidationError(unknown("x", self.kind, data).message_dict["x"]) from None


class UnitSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="code", queryset=Unit.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Unit
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "parent",
            "party_committee",
            "party_abbrev",
            "valid_from",
            "valid_to",
            "note",
        ]


class TermSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Term
        fields = ["id", "unit", "start_year", "end_year", "congress_ordinal"]


class MeasureUnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeasureUnit
        fields = ["code", "symbol", "dimension", "factor"]


class IndicatorSerializer(serializers.ModelSerializer):
    measure_unit = serializers.SlugRelatedField(slug_field="code", queryset=MeasureUnit.objects.all())
    parent = serializers.SlugRelatedField(
        slug_field="code", queryset=Indicator.objects.all(), allow_null=True, required=False
    )
    child_indicator = serializers.SlugRelatedField(
        slug_field="code", queryset=Indicator.objects.all(), allow_null=True, required=False
    )
    weight_indicator = serializers.SlugRelatedField(
        slug_field="code", queryset=Indicator.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "name_en",
            "measure_unit",
            "field",
            "polarity",
            "measure",
            "aggregation",
            "weight_indicator",
            "threshold",
            "child_indicator",
            "parent",
            "is_share",
            "sort_order",
            "description",
        ]


class ResolutionSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", queryset=Unit.objects.all())
    term = VisiblePrimaryKeyRelatedField(
        kind="term", queryset=Term.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Resolution
        fields = ["id", "unit", "body", "kind", "number", "issued_on", "title", "term", "year", "note"]


class TargetSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="code", queryset=Indicator.objects.all())
    unit = serializers.SlugRelatedField(slug_field="code", queryset=Unit.objects.all())
    resolution = VisiblePrimaryKeyRelatedField(
        kind="resolution", queryset=Resolution.objects.all(), allow_null=True, required=False
    )
    basis = serializers.ChoiceField(choices=Basis.choices)
    kind = serializers.ChoiceField(choices=TargetKind.choices, default="level")
    value = serializers.DecimalField(max_digits=24, decimal_places=6)
    version = serializers.IntegerField(read_only=True)
    expected_version = serializers.IntegerField(
        write_only=True,
        required=False,
        help_text=_("the version you read; a change made since is not overwritten"),
    )

    class Meta:
        model = Target
        fields = [
            "id",
            "indicator",
            "unit",
            "period",
            "basis",
            "basis_label",
            "kind",
            "value",
            "resolution",
            "derived",
            "note",
            "version",
            "expected_version",
            "updated_at",
        ]
        read_only_fields = ["derived", "updated_at"]
        validators = []  # uniqueness is an upsert in the service


class StatedSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatedComparison
        fields = ["basis", "basis_label", "kind", "percent", "qualifier"]


class ResultSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="code", queryset=Indicator.objects.all())
    unit = serializers.SlugRelatedField(slug_field="code", queryset=Unit.objects.all())
    value = serializers.DecimalField(max_digits=24, decimal_places=6, allow_null=True, required=False)
    numerator = serializers.DecimalField(max_digits=24, decimal_places=6, allow_null=True, required=False)
    denominator = serializers.DecimalField(max_digits=24, decimal_places=6, allow_null=True, required=False)
    status = serializers.ChoiceField(choices=ResultStatus.choices, default=ResultStatus.ACTUAL)
    source = serializers.ChoiceField(choices=ResultSource.choices, read_only=True)
    stated = StatedSerializer(many=True, read_only=True)
    entered_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    version = serializers.IntegerField(read_only=True)
    expected_version = serializers.IntegerField(
        write_only=True,
        required=False,
        help_text=_("the version you read; a change made since is not overwritten"),
    )
    reason = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        help_text=_("required when changing a figure approved before"),
    )

    class Meta:
        model = Result
        fields = [
            "id",
            "indicator",
            "unit",
            "period",
            "value",
            "numerator",
            "denominator",
            "status",
            "qualifier",
            "note",
            "source",
            "source_ref",
            "stated",
            "entered_by",
            "entered_at",
            "updated_at",
            "version",
            "expected_version",
            "reason",
        ]
        read_only_fields = ["source_ref", "entered_at", "updated_at"]
        validators = []
