"""REST API v1: thin over the services and the access layer; filters by unit subtree, period and
indicator. Every list is limited to what the caller may see; every write is checked on its unit."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from chitieu.access.scope import can, can_edit_catalogue, is_global_admin, restrict
from chitieu.indicators.models import Indicator, MeasureUnit, Resolution, Target
from chitieu.indicators.services import indicator_save, resolution_save
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
            {
                ("non_field_errors" if k == "__all__" else k): [str(m) for e in v for m in e.messages]
                for k, v in exc.error_dict.items()
            }
        )
    return ValidationError({"non_field_errors": exc.messages})


def require(request, action: str, unit) -> None:
    """The API's face of the access layer: 404 outside what the user can see, 403 inside it."""
    if can(request.user, action, unit):
        return
    if unit is not None and can(request.user, "view", unit):
        raise PermissionDenied(_("You may not do this on {unit}.").format(unit=unit.name))
    raise NotFound()


def filter_by_unit_period_indicator(request, qs: QuerySet) -> QuerySet:
    params = request.query_params
    if params.get("unit"):
        unit = Unit.objects.filter(code=params["unit"]).first()
        if unit is None or not can(request.user, "view", unit):
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
        qs = restrict(Unit.objects.select_related("parent").order_by("code"), self.request.user, field="pk")
        root = self.request.query_params.get("root")
        if root and self.action == "list":
            unit = qs.filter(code=root).first()
            if unit is None:
                raise NotFound()
            qs = qs.filter(pk__in=unit_subtree_ids(unit.pk))
        return qs

    def perform_create(self, serializer):
        parent = serializer.validated_data.get("parent")
        if parent is None:
            if not is_global_admin(self.request.user):
                raise PermissionDenied(_("Only an administrator may create a top-level unit."))
        else:
            require(self.request, "manage", parent)
        try:
            serializer.instance = unit_create(actor=self.request.user, **serializer.validated_data)
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None


class TermViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.TermSerializer

    def get_queryset(self):
        return restrict(
            Term.objects.select_related("unit").order_by("unit__code", "start_year"), self.request.user
        )


class MeasureUnitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.MeasureUnitSerializer
    queryset = MeasureUnit.objects.all()
    lookup_field = "code"


class IndicatorViewSet(viewsets.ModelViewSet):
    """The catalogue is shared by every unit: all may read it, the office of a province edits it."""

    serializer_class = s.IndicatorSerializer
    queryset = Indicator.objects.select_related(
        "measure_unit", "parent", "child_indicator", "weight_indicator"
    )
    lookup_field = "code"
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def _catalogue(self):
        if not can_edit_catalogue(self.request.user):
            raise PermissionDenied(
                _("Only the office of a province or an administrator edits the catalogue.")
            )

    def perform_create(self, serializer):
        self._catalogue()
        try:
            serializer.instance = indicator_save(actor=self.request.user, data=serializer.validated_data)
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None

    def perform_update(self, serializer):
        self._catalogue()
        try:
            serializer.instance = indicator_save(
                actor=self.request.user, data=serializer.validated_data, instance=serializer.instance
            )
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None


class ResolutionViewSet(viewsets.ModelViewSet):
    serializer_class = s.ResolutionSerializer
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        qs = restrict(Resolution.objects.select_related("unit", "term"), self.request.user)
        if self.request.query_params.get("unit"):
            qs = qs.filter(unit__code=self.request.query_params["unit"])
        return qs

    def perform_create(self, serializer):
        require(self.request, "manage", serializer.validated_data["unit"])
        try:
            serializer.instance = resolution_save(actor=self.request.user, data=serializer.validated_data)
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None

    def perform_update(self, serializer):
        require(self.request, "manage", serializer.instance.unit)
        require(self.request, "manage", serializer.validated_data.get("unit", serializer.instance.unit))
        try:
            serializer.instance = resolution_save(
                actor=self.request.user, data=serializer.validated_data, instance=serializer.instance
            )
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None


def _expected(data: dict, instance, model) -> int | None:
    """Updates must say which version they change; a create must not land on an existing row."""
    expected = data.pop("expected_version", None)
    if instance is not None:
        if expected is None:
            raise ValidationError(
                {
                    "expected_version": [
                        _("Send the version you read (expected_version) so no change is lost.")
                    ]
                }
            )
        return expected
    keys = {k: data[k] for k in ("indicator", "unit", "period", "basis") if k in data}
    try:
        keys["period"] = parse_period(str(keys.get("period", ""))).code
    except PeriodError:
        return None  # the service names the bad period
    existing = model.objects.filter(**keys).first()
    if existing is not None:
        raise ValidationError(
            {
                "non_field_errors": [
                    _("This figure already exists (id {id}, version {version}): update it instead.").format(
                        id=existing.pk, version=existing.version
                    )
                ]
            }
        )
    return None


@extend_schema_view(list=extend_schema(parameters=UNIT_FILTERS))
class TargetViewSet(viewsets.ModelViewSet):
    serializer_class = s.TargetSerializer
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        qs = restrict(
            Target.objects.select_related("indicator", "unit", "resolution").order_by("id"), self.request.user
        )
        return filter_by_unit_period_indicator(self.request, qs) if self.action == "list" else qs

    def _save(self, serializer, instance=None):
        data = {**({} if instance is None else _target_fields(instance)), **serializer.validated_data}
        if instance is not None:
            require(self.request, "manage", instance.unit)
        require(self.request, "manage", data["unit"])
        expected = _expected(data, instance, Target)
        data.pop("derived", None)
        try:
            serializer.instance = target_save(
                actor=self.request.user,
                expected_version=expected,
                create_only=instance is None,
                instance=instance,
                **data,
            ).object
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
        qs = restrict(
            Result.objects.select_related("indicator", "unit", "entered_by")
            .prefetch_related("stated")
            .order_by("id"),
            self.request.user,
        )
        return filter_by_unit_period_indicator(self.request, qs) if self.action == "list" else qs

    def _save(self, serializer, instance=None):
        data = {**({} if instance is None else _result_fields(instance)), **serializer.validated_data}
        if instance is not None:
            require(self.request, "enter_results", instance.unit)
        require(self.request, "enter_results", data["unit"])
        expected = _expected(data, instance, Result)
        data.setdefault("value", None)  # the service names a missing value
        try:
            serializer.instance = result_save(
                actor=self.request.user,
                expected_version=expected,
                create_only=instance is None,
                instance=instance,
                **data,
            ).object
        except DjangoValidationError as exc:
            raise _as_drf(exc) from None

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance)
