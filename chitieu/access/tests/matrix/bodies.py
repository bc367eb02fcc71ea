"""The POST bodies of the access matrix, valid so that an allowed write succeeds, and the checks run
after a write, before its rollback, for the routes that answer alike whether or not the write took
effect (an import, a step of a submission, a figure dropped from the inbox).
"""

from __future__ import annotations

from .rules import may

# --- POST bodies (valid, so that an allowed write succeeds) ---


def results_form(w, side):
    r = w.result[side]
    return {"thu-ns-value": "41", "thu-ns-status": "actual", "thu-ns-version": str(r.version)}


def conference_form(w, side):
    term = w.term.get(side)
    return {
        "body": "executive",
        "term": term.pk if term else "",
        "kind": "regular",
        "date": "2023-09-01",
        "title": "Hội nghị bất thường",
    }


def conference_cross_term(w, side):
    """A conference of huyen-d in thi-xa-t's term."""
    return conference_form(w, "in") | {"term": w.term["out"].pk}


def conference_cross_resolution(w, side):
    """A conference of huyen-d reviewing thi-xa-t's resolution."""
    return conference_form(w, "in") | {"resolution": w.resolution["out"].pk}


def task_cross_unit(w, side):
    """A task set by huyen-d's conference for thi-xa-t."""
    return {"form": "task", "task-text": "Việc giao sai đơn vị", "task-unit": w.unit["out"].code}


def conference_edit_form(w, side):
    conf = w.conf[side]
    return {
        "body": conf.body,
        "term": conf.term_id,
        "ordinal": conf.ordinal or "",
        "kind": conf.kind,
        "date": conf.date.isoformat(),
        "title": conf.title,
        "place": "Hội trường",
    }


def targets_form(w, side):
    t = w.target[side]
    return {
        f"t{t.pk}-indicator": "thu-ns",
        f"t{t.pk}-basis": t.basis,
        f"t{t.pk}-kind": t.kind,
        f"t{t.pk}-period": t.period,
        f"t{t.pk}-value": "150",
    }


def inbox_form(w, side):
    return {
        "unit": w.unit[side].code,
        "period": "2023-H1",
        "title": "Báo cáo sản lượng",
        "text": "Sản lượng lúa đạt 30.000 tấn, tăng 2% so với cùng kỳ.",
    }


def import_form(w, side):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("so-lieu.xlsx", w.workbook[side], XLSX)}


def import_ran(w, side, persona, _allowed):
    """An import reaches the page for everybody; what it may write depends on the importer's scope."""
    from chitieu.imports.models import ImportJob, JobStatus

    allowed = may(persona, side, "enter_results")
    job = ImportJob.objects.filter(user=w.users[persona]).order_by("-pk").first()
    want = JobStatus.DONE if allowed else JobStatus.FAILED
    if job is None or job.status != want:
        return f"import job ended {getattr(job, 'status', None)}, expected {want}"
    return None


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def submission_became(period: str, status: str):
    """The submission page redirects whether or not the step worked: look at the submission itself."""

    def after(w, side, persona, allowed):
        from chitieu.reporting.workflow import status_of

        got = status_of(w.unit[side], period)
        want = status if allowed else w.submission_status[(side, period)]
        return None if got == want else f"the submission is {got}, expected {want}"

    return after


def candidate_dropped(w, side, persona, allowed):
    from chitieu.inbox.models import Candidate

    got = Candidate.objects.get(pk=w.cand[side].pk).decision
    want = "dropped" if allowed else "pending"
    return None if got == want else f"the figure is {got}, expected {want}"
