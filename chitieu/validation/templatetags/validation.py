"""``{% accept_preview candidate %}``: in the inbox, before a figure is accepted, what the validation rules
would say of it — refused by a hard rule, or a finding to review — worked out by accepting it in a
savepoint that is rolled back (nothing is written)."""

from __future__ import annotations

from django import template
from django.core.exceptions import ValidationError
from django.db import transaction

register = template.Library()


class _Undo(Exception):
    pass


@register.inclusion_tag("validation/_preview.html")
def accept_preview(candidate) -> dict:
    from chitieu.inbox.choices import Decision
    from chitieu.inbox.services import candidate_accept

    indicator = candidate.indicator or candidate.suggested
    if candidate.decision != Decision.PENDING or indicator is None or not candidate.document.unit_id:
        return {"refusals": [], "findings": []}
    from chitieu.validation.models import Finding

    refusals, findings = [], []
    scope = {"unit": candidate.document.unit, "period": candidate.document.period, "status": "open"}
    already = set(Finding.objects.filter(**scope).values_list("pk", "signature"))
    try:
        with transaction.atomic():
            candidate_accept(actor=None, candidate=candidate, indicator=indicator)
            # only what accepting this figure would raise, not what is already there
            findings = [
                f.message
                for f in Finding.objects.filter(**scope).select_related("rule")
                if (f.pk, f.signature) not in already
            ]
            raise _Undo
    except _Undo:
        pass
    except ValidationError as exc:
        refusals = exc.messages
    return {"refusals": refusals, "findings": findings, "indicator": indicator}
