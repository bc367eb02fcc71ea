from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from chitieu.access.scope import can, check, restrict, unit_ids_for
from chitieu.indicators.models import Indicator
from chitieu.lib.vnnum import format_number
from chitieu.orgs.models import Unit
from chitieu.orgs.selectors import unit_subtree_ids
from chitieu.reporting.choices import StatedBasis
from chitieu.web.fields import current_lang
from chitieu.web.forms import ServiceErrorsMixin

from .choices import Decision
from .forms import DecisionForm, ReReadForm, UploadForm
from .models import Candidate, ScanPage, SourceDocument
from .selectors import highlighted, reading_info
from .services import (
    basis_of,
    candidate_accept,
    candidate_drop,
    default_status,
    document_ingest,
    document_reread,
)

BASIS_LABELS = dict(StatedBasis.choices)


class _Errors(ServiceErrorsMixin):
    pass


def inbox(request):
    form = UploadForm(request.POST or None, request.FILES or None, initial={"unit": request.GET.get("unit")})
    form.fields["unit"].queryset = _upload_units(request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            cd = form.cleaned_data
            if not (
                can(request.user, "enter_results", cd["unit"]) or can(request.user, "manage", cd["unit"])
            ):
                check(request.user, "manage", cd["unit"])
            try:
                doc = document_ingest(
                    actor=request.user,
                    unit=cd["unit"],
                    period=cd["period"],
                    title=cd["title"],
                    text=cd["text"] or None,
                    upload=cd["file"],
                )
                n = doc.candidates.count()
                messages.success(
                    request,
                    ngettext(
                        "{n} figure found: review it below.", "{n} figures found: review them below.", n
                    ).format(n=n),
                )
                return redirect("inbox:document", pk=doc.pk)
            except ValidationError as exc:
                ServiceErrorsMixin.add_service_errors(form, exc)
        status = 400
    docs = restrict(SourceDocument.objects.select_related("unit"), request.user).order_by("-uploaded_at")[
        :100
    ]
    return render(request, "inbox/inbox.html", {"form": form, "documents": docs}, status=status)


def _upload_units(user):
    from chitieu.orgs.models import Unit

    results, manage = unit_ids_for(user, "enter_results"), unit_ids_for(user, "manage")
    if results is None or manage is None:
        return Unit.objects.order_by("name")
    return Unit.objects.filter(pk__in=results | manage).order_by("name")


def _row_context(c: Candidate, doc: SourceDocument, units, indicators, form=None) -> dict:
    lang = current_lang()
    comparisons = []
    for comp in c.comparisons:
        basis, label = basis_of(comp, doc.text)
        comparisons.append(
            {**comp, "our_basis": basis, "label": label or str(BASIS_LABELS.get(basis, basis))}
        )
    if form is None:
        form = DecisionForm(
            prefix=f"c{c.pk}",
            initial={
                "indicator": (c.indicator or c.suggested).code if (c.indicator or c.suggested) else "",
                "unit": doc.unit.code,
                "period": doc.period,
                "value": format_number(c.value, lang=lang) if c.value is not None else "",
                "status": default_status(c, doc.unit, doc.period),
            },
        )
        form.fields["unit"].queryset = units
    targets = [
        {**t, "label": t.get("label") or str(BASIS_LABELS.get(t["basis"], t["basis"]))} for t in c.targets
    ]
    return {"c": c, "form": form, "comparisons": comparisons, "indicators": indicators, "targets": targets}


def document_review(request, pk: int, reread_form=None, status: int = 200):
    doc = get_object_or_404(SourceDocument.objects.select_related("unit"), pk=pk)
    check(request.user, "view", doc.unit)
    candidates = list(doc.candidates.select_related("suggested", "indicator", "result"))
    units = restrict(
        Unit.objects.filter(pk__in=unit_subtree_ids(doc.unit_id)), request.user, "enter_results", "pk"
    ).order_by("name")
    indicators = list(Indicator.objects.order_by("name"))
    rows = [_row_context(c, doc, units, indicators) for c in candidates]
    counts = {d: sum(1 for c in candidates if c.decision == d) for d in Decision.values}
    pages = list(doc.pages.defer("image").order_by("number"))
    if reread_form is None and pages:
        reread_form = ReReadForm(initial={"text": doc.text})
    return render(
        request,
        "inbox/document.html",
        {
            "doc": doc,
            "rows": rows,
            "segments": highlighted(doc, candidates),
            "counts": counts,
            "reading": reading_info(doc),
            "pages": pages,
            "reread_form": reread_form,
            "can_reread": bool(pages) and not counts.get(Decision.ACCEPTED),
        },
        status=status,
    )


def scan_page(request, pk: int, number: int):
    """The image of a page read by OCR, for the reviewer to compare with the recognised text."""
    page = get_object_or_404(ScanPage.objects.select_related("document__unit"), document_id=pk, number=number)
    check(request.user, "view", page.document.unit)
    response = HttpResponse(bytes(page.image), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_POST
def document_correct(request, pk: int):
    """Correct the recognised text of a scan and read its figures again."""
    doc = get_object_or_404(SourceDocument.objects.select_related("unit"), pk=pk)
    check(request.user, "enter_results", doc.unit)
    form = ReReadForm(request.POST)
    if form.is_valid():
        try:
            doc = document_reread(actor=request.user, document=doc, text=form.cleaned_data["text"])
            n = doc.candidates.count()
            messages.success(
                request,
                ngettext("Text corrected: {n} figure found.", "Text corrected: {n} figures found.", n).format(
                    n=n
                ),
            )
            return redirect("inbox:document", pk=doc.pk)
        except ValidationError as exc:
            ServiceErrorsMixin.add_service_errors(form, exc)
    return document_review(request, pk, reread_form=form, status=400)


@require_POST
def candidate_decide(request, pk: int):
    c = get_object_or_404(Candidate.objects.select_related("document__unit"), pk=pk)
    doc = c.document
    check(request.user, "view", doc.unit)
    units = restrict(
        Unit.objects.filter(pk__in=unit_subtree_ids(doc.unit_id)), request.user, "enter_results", "pk"
    ).order_by("name")
    form = DecisionForm(request.POST, prefix=f"c{c.pk}")
    form.fields["unit"].queryset = units
    ok = False
    if form.is_valid():
        cd = form.cleaned_data
        target_unit = cd.get("unit") or doc.unit
        check(request.user, "enter_results", target_unit)
        try:
            if cd["action"] == "drop":
                candidate_drop(actor=request.user, candidate=c)
            else:
                candidate_accept(
                    actor=request.user,
                    candidate=c,
                    indicator=cd["indicator"],
                    unit=cd.get("unit"),
                    period=cd.get("period") or None,
                    # the field comes filled with the value as written (in the text's unit): unchanged,
                    # it is converted to the indicator's unit by the service; typed, it is taken as is
                    value=None if cd.get("value") == c.value else cd.get("value"),
                    status=cd.get("status") or None,
                )
            ok = True
        except ValidationError as exc:
            ServiceErrorsMixin.add_service_errors(form, exc)
    c.refresh_from_db()
    if request.htmx:
        ctx = _row_context(c, doc, units, list(Indicator.objects.order_by("name")), None if ok else form)
        return render(request, "inbox/_candidate.html", ctx, status=200 if ok else 400)
    if ok:
        return redirect("inbox:document", pk=doc.pk)
    messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("inbox:document", pk=doc.pk)
