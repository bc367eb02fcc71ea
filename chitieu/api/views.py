"""REST API v1: thin over the services; filters by unit subtree, period and indicator."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from chitieu.indicators.models import Indicator, MeasureUnit, Resolution, Target
from chitieu.lib.periods import PeriodError, parse_period
from chitieu.orgs.models import Term, Unit
from chitieu.orgs.selectors import unit_subtree_ids
from chitieu.orgs.services import unit_create
from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save, target_save

from . import serializers as s

UNIT_FILTERS = [
    OpenApiParameter("unit", OpenApiTypes.STR, description="unit code"),
    OpenApiParameter("subtree", OpenApiTypes.BOOL, description="include every unit below `unit`"),
    OpenApiParameter("period", OpenApiTypes.STR, description="period code, e.g. 2023-H1"),
    OpenApiParameter("indicator", OpenApiTypes.STR, description="indicator code"),
]


def _as_drf(exc: DjangoValidationError) -> ValidationError:
    if hasattr(exc, "error_dict"):
        return ValidationError(
            {k: [str(m) for e in v for m in e.messages] for k, v in exc.error_dict.items()}
        )
    return ValidationError({"non_field_errors": exc.messages})


def filter_by_unit_period_indicator(request, qs: QuerySet) -> QuerySet:
    params = request.query_params
    if params.get("unit"):
        unit = Unit.objects.filter(code=params["unit"]).first()
        if unit is None:
            raise ValidationError({"unit": [_("No unit has the code “{code}”.").format(code=params["unit"])]})
        if params.get("subtree", "").lower() in {"1", "true", "yes"}:
            qs = qs.filter(unit_id__in=unit_subtree_ids(unit.pk))
        else:
            qs = qs.filter(unit=unit)
    if params.get("period"):
        try:
            qs = qs.filter(period=parse_period(params["period"]).code)
        except PeriodError:
            raise ValidationError(
                {"period": [_("“{code}” is not a period code.").format(code=params["period"])]}
            ) from None
    if params.get("indicator"):
        qs = qs.filter(indicator__code=params["indicator"])
    return qs


class UnitViewSet(viewsets.ModelViewSet):
    serializer_class = s.UnitSerializer
    lookup_field = "code"
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(
        parameters=[OpenApiParameter("root", OpenApiTypes.STR, description="only this unit's subtree")]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        qs = Unit.objects.select_related("parent").order_by("code")
        root = self.request.query_params.get("root")
        if root:
            unit = get_object_or_404(Unit, code=root)
            qs = qs.filter(pk__in=unit_subtree_ids(unit.pk))
        return qs

    def perform_create(self, serializer):
        try:
            serializer.instance = unit_create(**serializer.validated_data)
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None


class TermViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.TermSerializer
    queryset = Term.objects.select_related("unit").order_by("unit__code", "start_year")


class MeasureUnitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.MeasureUnitSerializer
    queryset = MeasureUnit.objects.all()
    lookup_field = "code"


class IndicatorViewSet(viewsets.ModelViewSet):
    serializer_class = s.IndicatorSerializer
    queryset = Indicator.objects.select_related(
        "measure_unit", "parent", "child_indicator", "weight_indicator"
    )
    lookup_field = "code"
    http_method_names = ["get", "post", "put", "patch", "head", "options"]


class ResolutionViewSet(viewsets.ModelViewSet):
    serializer_class = s.ResolutionSerializer
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        qs = Resolution.objects.select_related("unit", "term")
        if self.request.query_params.get("unit"):
            qs = qs.filter(unit__code=self.request.query_params["unit"])
        return qs

    def perform_create(self, serializer):
        try:
            instance = Resolution(**serializer.validated_data)
            instance.full_clean()
            instance.save()
            serializer.instance = instance
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None


@extend_schema_view(list=extend_schema(parameters=UNIT_FILTERS))
class TargetViewSet(viewsets.ModelViewSet):
    serializer_class = s.TargetSerializer
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        qs = Target.objects.select_related("indicator", "unit", "resolution").order_by("id")
        return filter_by_unit_period_indicator(self.request, qs) if self.action == "list" else qs

    def _save(self, serializer, instance=None):
        data = {**({} if instance is None else _target_fields(instance)), **serializer.validated_data}
        expected = data.pop("expected_version", None)
        data.pop("derived", None)
        try:
            serializer.instance = target_save(actor=self.request.user, expected_version=expected, **data)
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance)


def _target_fields(t: Target) -> dict:
    return {
        "indicator": t.indicator,
        "unit": t.unit,
        "period": t.period,
        "basis": t.basis,
        "value": t.value,
        "kind": t.kind,
        "resolution": t.resolution,
        "basis_label": t.basis_label,
        "note": t.note,
    }


def _result_fields(r: Result) -> dict:
    return {
        "indicator": r.indicator,
        "unit": r.unit,
        "period": r.period,
        "value": r.value,
        "numerator": r.numerator,
        "denominator": r.denominator,
        "status": r.status,
        "qualifier": r.qualifier,
        "note": r.note,
    }


@extend_schema_view(list=extend_schema(parameters=UNIT_FILTERS))
class ResultViewSet(viewsets.ModelViewSet):
    serializer_class = s.ResultSerializer
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        qs = (
            Result.objects.select_related("indicator", "unit", "entered_by")
            .prefetch_related("stated")
            .order_by("id")
        )
        return filter_by_unit_period_indicator(self.request, qs) if self.action == "list" else qs

    def _save(self, serializer, instance=None):
        data = {**({} if instance is None else _result_fields(instance)), **serializer.validated_data}
        expected = data.pop("expected_version", None)
        try:
            serializer.instance = result_save(actor=self.request.user, expected_version=expected, **data)
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance)


__all__ = ["serializers"]
