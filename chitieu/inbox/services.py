"""The inbox: a document is read, its figures become candidates, and only a reviewer's acceptance
turns a candidate into a result (and a derived target)."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chitieu.extraction import ExtractionError, check_consistency, extract_meeting, normalise
from chitieu.extraction.document import Found, document_figures
from chitieu.extraction.encodings import detect_text
from chitieu.extraction.reader import MAX_BYTES, Reading, clean, read_bytes
from chitieu.i18n import is_user
from chitieu.indicators.models import Indicator, MeasureUnit, Target
from chitieu.lib.periods import parse_period
from chitieu.orgs.models import Unit
from chitieu.reporting.choices import ResultSource
from chitieu.reporting.services import (
    TARGET_BASES,
    DerivableShare,
    StatedInput,
    derivable_shares,
    period_parse,
    result_save,
    target_home,
    target_save,
    targets_derive,
    window_rule_for,
)

from . import messages
from .choices import Decision
from .matching import Matcher, alias_key, learn
from .models import Candidate, ScanPage, SourceDocument

MAX_UPLOAD_BYTES = MAX_BYTES
_UPPER_WORDS = ("tỉnh giao", "trên giao", "trung ương giao", "cấp trên", "thành phố giao", "tw giao")
_LABEL_STOP = re.compile(r"[,.;:()…]| và | tăng | giảm | trong đó| đạt | bằng ")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_upload(upload) -> Reading:
    """An uploaded file read by the extractor; a ValidationError naming the file, in the user's
    language, when it cannot be read (nothing is stored then)."""
    name = Path(upload.name or "tai-lieu").name
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            {"file": _("{name} is larger than 20 MB: split it or paste the text.").format(name=name)}
        )
    data = b"".join(upload.chunks())
    try:
        return read_bytes(data, name)
    except ExtractionError as exc:
        raise ValidationError({"file": messages.refusal(exc, name)}, code=exc.code) from None
    except Exception as exc:  # noqa: BLE001 - a reader bug must not become a 500 with nothing said
        err = ExtractionError(str(exc), name, code="internal_error", params={"error": type(exc).__name__})
        raise ValidationError({"file": messages.refusal(err, name)}, code="internal_error") from None


def pasted(text: str) -> Reading:
    """Pasted text as a Reading: legacy-font text copied from an old document is converted too."""
    encoding, converted = detect_text(clean(text or ""))
    return Reading("", normalise(converted), "paste", encoding=encoding)


def basis_of(comparison: dict, text: str) -> tuple[str, str]:
    """Our basis and the basis as written, from an extracted comparison and the text after its number."""
    kind = comparison["basis"]
    label = comparison.get("label", "")
    if not label and not comparison.get("implicit") and comparison.get("end"):
        tail = text[comparison["end"] : comparison["end"] + 80]
        tail = tail.lstrip(" %\u00a0")  # the span ends at the number; the percent sign follows it
        tail = re.sub(r"^\s*(so với|so|của|với)\s+", "", tail, flags=re.IGNORECASE)
        label = _LABEL_STOP.split(" " + tail + " ", maxsplit=1)[0].strip()
        if len(label.split()) > 6:
            label = ""
    low = label.lower()
    if kind == "estimate":
        kind = "estimate_upper" if any(w in low for w in _UPPER_WORDS) else "estimate_local"
    elif kind == "target":
        kind = "other"
    elif kind not in {"plan", "resolution", "same_period", "other"}:
        kind = "other"
    return kind, label


@transaction.atomic
def document_ingest(
    *, actor, unit: Unit, period: str, title: str = "", text: str | None = None, upload=None
) -> SourceDocument:
    """Read a document into the inbox. Refuses an empty text and a document already in the inbox."""
    p = period_parse(period)
    if upload is not None:
        reading = read_upload(upload)
        origin, filename = SourceDocument.Origin.UPLOAD, Path(upload.name).name
    else:
        reading, origin, filename = pasted(text or ""), SourceDocument.Origin.PASTE, ""
    clean_text = reading.text
    if not clean_text.strip():
        raise ValidationError({"text": _("The document holds no text.")})
    digest = text_sha256(clean_text)
    existing = SourceDocument.objects.filter(sha256=digest).first()
    if existing is not None:
        raise ValidationError(
            {
                "file": _(
                    "This document is already in the inbox: “{title}”, added on {date} (no. {id})."
                ).format(
                    title=existing.title,
                    date=timezone.localtime(existing.uploaded_at).strftime("%d/%m/%Y"),
                    id=existing.pk,
                )
            },
            code="duplicate",
        )
    found, _warnings = document_figures(reading)
    meeting = extract_meeting(clean_text)
    first_line = next((line.strip() for line in clean_text.splitlines() if line.strip()), "")
    doc = SourceDocument(
        unit=unit,
        period=p.code,
        title=(title or filename or first_line)[:300],
        filename=filename,
        origin=origin,
        text=clean_text,
        sha256=digest,
        meeting=meeting.to_json(),
        reader=reading.source,
        encoding=reading.encoding or "",
        ocr_confidence=None if reading.confidence is None else round(reading.confidence, 1),
        notes=[n.to_json() for n in reading.notes],
        uploaded_by=actor if is_user(actor) else None,
    )
    matcher = Matcher()
    doc.checks = [
        issue.to_json()
        for issue in check_consistency([f.figure for f in found], _target_lookup(matcher, unit, p))
    ]
    doc.full_clean()
    doc.save()
    ScanPage.objects.bulk_create(
        ScanPage(
            document=doc,
            number=page.number,
            image=page.preview,
            text=page.text,
            confidence=None if page.confidence is None else round(page.confidence, 1),
        )
        for page in reading.pages
    )
    _save_candidates(doc, found, matcher)
    return doc


def _save_candidates(doc: SourceDocument, found: list[Found], matcher: Matcher, first_index: int = 0) -> None:
    cands = []
    for i, item in enumerate(found, start=first_index):
        f = item.figure
        s = matcher.suggest(f.indicator, f.unit)
        labels = item.labels + [""] * (len(f.comparisons) - len(item.labels))
        cands.append(
            Candidate(
                document=doc,
                index=i,
                start=f.start,
                end=f.end,
                indicator_text=f.indicator[:400],
                value=f.value,
                unit_text=(f.unit or "")[:60],
                denominator=f.denominator,
                qualifiers=list(f.qualifiers),
                comparisons=[
                    {
                        "basis": c.basis,
                        "kind": c.kind,
                        "percent": str(c.percent),
                        "qualifiers": list(c.qualifiers),
                        "start": c.start,
                        "end": c.end,
                        "implicit": bool(c.implicit),
                        **({"label": label} if label else {}),
                    }
                    for c, label in zip(f.comparisons, labels, strict=False)
                ],
                sentence=f.text[:4000],
                cell=item.cell.to_json() if item.cell else None,
                targets=[
                    {
                        "basis": t.basis,
                        "value": str(t.value),
                        "label": t.label[:100],
                        "start": t.start,
                        "end": t.end,
                        "cell": t.cell.to_json(),
                    }
                    for t in item.targets
                ],
                confidence=None if item.confidence is None else round(item.confidence, 1),
                parent_index=None if f.parent is None else f.parent + first_index,
                suggested=s.indicator,
                suggestion_score=s.score,
            )
        )
    Candidate.objects.bulk_create(cands)


@transaction.atomic
def document_reread(*, actor, document: SourceDocument, text: str) -> SourceDocument:
    """Replace a document's text by the reviewer's correction (of OCR errors, typically) and read
    its figures again.  Refused once a figure of it has been accepted: the results point into the
    text as it was.  The fingerprint stays that of the text first read, so uploading the same scan
    again is still caught."""
    doc = SourceDocument.objects.select_for_update().get(pk=document.pk)
    if doc.candidates.filter(decision=Decision.ACCEPTED).exists():
        raise ValidationError(
            {"text": _("A figure of this document has been accepted: its text can no longer be changed.")}
        )
    reading = pasted(text)
    if not reading.text.strip():
        raise ValidationError({"text": _("The document holds no text.")})
    reading.source = doc.reader
    found, _warnings = document_figures(reading)
    doc.candidates.all().delete()
    matcher = Matcher()
    doc.text = reading.text
    doc.meeting = extract_meeting(reading.text).to_json()
    doc.checks = [
        issue.to_json()
        for issue in check_consistency(
            [f.figure for f in found], _target_lookup(matcher, doc.unit, period_parse(doc.period))
        )
    ]
    doc.notes = [n for n in doc.notes if not n.get("code", "").startswith("ocr_")]
    doc.full_clean()
    doc.save(update_fields=["text", "meeting", "checks", "notes"])
    _save_candidates(doc, found, matcher)
    return doc


_OUR_BASES = {
    "plan": ("plan",),
    "resolution": ("resolution",),
    "estimate": ("estimate_upper", "estimate_local"),
    "target": ("plan", "resolution", "other"),
    "other": ("other",),
}


def _target_lookup(matcher: Matcher, unit: Unit, period):
    """For the consistency check: the target held in the database for an indicator as written and a basis."""
    year = (period.year_period() or period).code

    def lookup(indicator_text: str, basis: str):
        suggestion = matcher.suggest(indicator_text)
        if suggestion.indicator is None:
            return None
        t = (
            Target.objects.filter(
                indicator=suggestion.indicator,
                unit=unit,
                period__in={period.code, year},
                basis__in=_OUR_BASES.get(basis, ()),
            )
            .order_by("-period")
            .first()
        )
        if t is None or t.derived:
            return None  # a target derived from this very kind of text proves nothing
        return t.value, suggestion.indicator.measure_unit.symbol

    return lookup


def _measure_unit(symbol: str) -> MeasureUnit | None:
    key = alias_key(symbol).replace(" /", "/").replace("/ ", "/")
    for mu in MeasureUnit.objects.all():
        if alias_key(mu.symbol) == key:
            return mu
    return None


def in_indicator_unit(amount: Decimal, written: str, indicator: Indicator) -> Decimal:
    """``amount`` given in the unit ``written`` converted to the indicator's unit of measure, or a
    ValidationError naming both."""
    target_unit = indicator.measure_unit
    written = (written or "").strip()
    if not written or alias_key(written) == alias_key(target_unit.symbol):
        return amount
    source_unit = _measure_unit(written)
    if source_unit is not None and source_unit.dimension == target_unit.dimension:
        return (amount * source_unit.factor / target_unit.factor).quantize(Decimal("0.000001"))
    raise ValidationError(
        {
            "indicator": _(
                "The text gives the figure in “{written}”, but {indicator} is measured in “{unit}”: "
                "choose another indicator or type the value in {unit}."
            ).format(written=written, indicator=indicator.name, unit=target_unit.symbol)
        }
    )


def convert_value(candidate: Candidate, indicator: Indicator) -> Decimal | None:
    """The candidate's value in the indicator's unit of measure, or a ValidationError naming both."""
    if candidate.value is None:
        return None
    return in_indicator_unit(candidate.value, candidate.unit_text, indicator)


def default_status(candidate: Candidate, unit: Unit, period: str, *, today=None) -> str:
    if "estimated" in (candidate.qualifiers or []):
        return "estimate"
    _start, end = parse_period(period).data_window(window_rule_for(unit))
    return "estimate" if end >= (today or timezone.localdate()) else "actual"


@transaction.atomic
def candidate_accept(
    *,
    actor,
    candidate: Candidate,
    indicator: Indicator,
    unit: Unit | None = None,
    period: str | None = None,
    value: Decimal | None = None,
    status: str | None = None,
    resolution=None,
    note: str = "",
    today=None,
):
    """Turn a candidate into a result, and into the targets its table row states (plan, resolution
    cells) or its percentages imply, where none is known.

    Derived targets belong to `resolution`, by default the unit's resolution covering the period."""
    candidate = Candidate.objects.select_for_update().select_related("document").get(pk=candidate.pk)
    if candidate.decision == Decision.ACCEPTED:
        raise ValidationError(_("This figure was already accepted."))
    doc = candidate.document
    unit = unit or doc.unit
    period = period_parse(period or doc.period).code
    if value is None:
        value = convert_value(candidate, indicator)
    status = status or default_status(candidate, unit, period, today=today)
    stated, spans = [], {}
    for c in candidate.comparisons:
        basis, label = basis_of(c, doc.text)
        qual = "over" if "over" in c.get("qualifiers", []) else ""
        if any(s.basis == basis and s.kind == c["kind"] for s in stated):
            continue  # one stated percentage per basis and kind
        s = StatedInput(
            basis=basis, kind=c["kind"], percent=Decimal(c["percent"]), basis_label=label, qualifier=qual
        )
        stated.append(s)
        spans[s] = (c["start"], c["end"])
    qualifier = next((q for q in ("over", "nearly", "about") if q in (candidate.qualifiers or [])), "")
    result = result_save(
        actor=actor,
        indicator=indicator,
        unit=unit,
        period=period,
        value=value,
        denominator=candidate.denominator,
        status=status,
        qualifier=qualifier,
        note=note,
        source=ResultSource.EXTRACTED,
        source_ref=doc.title[:300],
        source_text=candidate.sentence,
        source_document=doc,
        source_span=(candidate.start, candidate.end),
        stated=stated,
        today=today,
    ).object
    resolution, target_period = target_home(unit, period, resolution)
    p = parse_period(period)
    # The targets the document's table row states come first: a stated target is never derived.
    for t in candidate.targets or []:
        basis, label = basis_of(
            {"basis": t["basis"], "label": t.get("label", ""), "implicit": True}, doc.text
        )
        if (
            basis not in TARGET_BASES
            or Target.objects.filter(
                indicator=indicator, unit=unit, basis=basis, period__in={p.code, target_period}
            ).exists()
        ):
            continue
        cell = t.get("cell") or {}
        target_save(
            actor=actor,
            indicator=indicator,
            unit=unit,
            period=target_period,
            basis=basis,
            value=in_indicator_unit(Decimal(t["value"]), candidate.unit_text, indicator),
            basis_label=label[:100],
            derived=False,
            resolution=resolution,
            source_document=doc,
            source_span=(t["start"], t["end"]),
            note=_("Read from table {table}, row {row}, column {column} of the document.").format(
                table=cell.get("table", "?"), row=cell.get("row", "?"), column=cell.get("column", "?")
            ),
        )
    targets_derive(
        actor=actor,
        result=result,
        shares=[DerivableShare(s, spans[s]) for s in derivable_shares(stated, value)],
        resolution=resolution,
        source_document=doc,
    )
    learn(candidate.indicator_text, indicator)
    candidate.decision = Decision.ACCEPTED
    candidate.indicator = indicator
    candidate.result = result
    candidate.decided_by = actor if is_user(actor) else None
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["decision", "indicator", "result", "decided_by", "decided_at"])
    return result


@transaction.atomic
def candidate_drop(*, actor, candidate: Candidate) -> Candidate:
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.decision == Decision.ACCEPTED:
        raise ValidationError(_("This figure was already accepted; correct the result instead."))
    candidate.decision = Decision.DROPPED
    candidate.decided_by = actor if is_user(actor) else None
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["decision", "decided_by", "decided_at"])
    return candidate


@transaction.atomic
def candidate_link(*, actor, candidate: Candidate, result) -> Candidate:
    """Mark a candidate accepted as the source of a result that was recorded from elsewhere (the demo's
    own facts): the figure is not written again, only the inbox's decision and its link."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.decision != Decision.PENDING:
        raise ValidationError(_("This figure was already decided."))
    candidate.decision = Decision.ACCEPTED
    candidate.indicator = result.indicator
    candidate.result = result
    candidate.decided_by = actor if is_user(actor) else None
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["decision", "indicator", "result", "decided_by", "decided_at"])
    return candidate
