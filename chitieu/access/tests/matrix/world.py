"""The data of the access matrix: one world, built once for the test module, with huyen-d (and its
commune xa-1) inside the scoped personas' subtree and thi-xa-t and the province tinh-p outside it,
each holding results, targets, conferences, tasks, questions, inbox documents, import jobs and
spreadsheets, plus a user per logged-in persona and a record of each kind for the admin's pages.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal as D
from types import SimpleNamespace

from django.contrib.auth import get_user_model

from .rules import ADMIN, ANON, IN_TEXT, OUT_TEXT, REPORTER, ROLES, TOWN, UNIT_SIDES

# --------------------------------------------------------------------------------------------------
# The data: one world for the module, every request rolled back
# --------------------------------------------------------------------------------------------------


def build_world():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from rest_framework.authtoken.models import Token

    from chitieu.access.services import role_grant
    from chitieu.imports.models import ImportJob, JobStatus
    from chitieu.imports.template import build_template
    from chitieu.inbox.services import document_ingest
    from chitieu.indicators.models import Resolution
    from chitieu.meetings.services import (
        agenda_item_add,
        conference_create,
        question_add,
        task_create,
        vote_record,
    )
    from chitieu.orgs.models import Term
    from chitieu.reporting.services import result_save, target_save
    from chitieu.reporting.workflow import submission_submit
    from chitieu.testing import make_world

    world = make_world()
    User = get_user_model()
    admin = User.objects.create_superuser("matrix-admin", "", None)  # no password: no slow hashing
    users = {ADMIN: admin}
    for persona, (role, code) in ROLES.items():
        u = User.objects.create_user(persona.replace("@", "-at-"), "", None)
        role_grant(
            actor=admin,
            user=u,
            unit=getattr(world, {"huyen-d": "district", "thi-xa-t": "town"}[code]),
            role=role,
        )
        users[persona] = u

    d, t, p, x1 = world.district, world.town, world.province, world.communes[0]
    world.resolution.title = "Nghị quyết Huyện D năm 2023"
    world.resolution.save(update_fields=["title"])
    term_out = Term.objects.create(unit=t, start_year=2020, end_year=2025, congress_ordinal=5)
    res_out = Resolution.objects.create(
        unit=t,
        body="executive",
        kind="annual",
        year=2023,
        number="99-NQ/TU",
        title="Nghị quyết Thị xã T năm 2023",
    )
    day = dt.date(2024, 6, 1)

    # The past period is entered and submitted by a clerk of the province, so that its approval is
    # nobody's own work (separation of duties: whoever submitted may not approve).
    clerk = User.objects.create_user("matrix-clerk", "", None)
    role_grant(actor=admin, user=clerk, unit=p, role="reporter")

    def result(unit, period, value, actor=admin):
        return result_save(
            actor=actor, indicator=world.revenue, unit=unit, period=period, value=D(value), today=day
        ).object

    results = {
        "in": result(d, "2023-H1", "40.7"),
        "below": result(x1, "2023-H1", "123456"),
        "out": result(t, "2023-H1", "777777"),
        "above": result(p, "2023-H1", "888888"),
    }
    # a past period for the history and the comparison, submitted for approval
    # consistent figures: approval waits for every validation finding (issue 12), and a district's own
    # figure that disagreed with its communes' would be one
    result(d, "2022-H1", "35.5", clerk)
    result(x1, "2022-H1", "35.5", clerk)
    result(t, "2022-H1", "777777", clerk)
    result(p, "2022-H1", "777812.5", clerk)
    for unit in (d, x1, t, p):
        submission_submit(actor=clerk, unit=unit, period="2022-H1")
    submission_status = {
        (side, period): "draft" if period == "2023-H1" else "submitted"
        for side in UNIT_SIDES
        for period in ("2023-H1", "2022-H1")
    }
    targets = {
        "in": target_save(
            actor=admin,
            indicator=world.revenue,
            unit=d,
            period="2023",
            basis="plan",
            value=D("246810"),
            resolution=world.resolution,
        ).object,
        "out": target_save(
            actor=admin,
            indicator=world.revenue,
            unit=t,
            period="2023",
            basis="plan",
            value=D("555555"),
            resolution=res_out,
        ).object,
    }
    conf = {
        "in": conference_create(
            unit=d,
            body="executive",
            date=dt.date(2023, 6, 22),
            term=world.term,
            period="2023-H1",
            resolution=world.resolution,
            title="Hội nghị Huyện D",
            actor=admin,
        ),
        "out": conference_create(
            unit=t,
            body="executive",
            date=dt.date(2023, 6, 23),
            term=term_out,
            period="2023-H1",
            resolution=res_out,
            title="Hội nghị Thị xã T",
            actor=admin,
        ),
    }
    for side, name in (("in", "Huyện D"), ("out", "Thị xã T")):
        vote_record(
            conference=conf[side],
            matter=f"Bầu bổ sung Ủy viên Ban Thường vụ {name}",
            present=30,
            votes_for=25,
            votes_against=5,
            personnel=True,
            details=[{"bloc": "Khối phiếu kín", "members": 30}],
            actor=admin,
        )
        vote_record(
            conference=conf[side], matter=f"Thông qua chương trình {name}", outcome="passed", actor=admin
        )
    task = {
        "in": task_create(
            text="Đôn đốc thu ngân sách",
            unit=d,
            conference=conf["in"],
            deadline=dt.date(2099, 1, 1),
            actor=admin,
        ),
        "out": task_create(
            text="Việc của Thị xã T",
            unit=t,
            conference=conf["out"],
            deadline=dt.date(2099, 1, 1),
            actor=admin,
        ),
    }
    question = {
        "in": question_add(
            conference=conf["in"], question="Vì sao thu chậm?", commitment="Sẽ đôn đốc thu", actor=admin
        ),
        "out": question_add(
            conference=conf["out"],
            question="Thị xã T thu ra sao?",
            commitment="Thị xã T sẽ rà soát",
            actor=admin,
        ),
    }
    agenda = {side: agenda_item_add(actor=admin, conference=conf[side], text="Khai mạc") for side in conf}
    doc = {
        "in": document_ingest(actor=admin, unit=d, period="2023-H1", text=IN_TEXT),
        "out": document_ingest(actor=admin, unit=t, period="2023-H1", text=OUT_TEXT),
    }
    cand = {side: dd.candidates.order_by("index").first() for side, dd in doc.items()}
    assert all(cand.values()), "the inbox found no figure in the test documents"
    from chitieu.inbox.models import ScanPage

    for side, dd in doc.items():  # as if read by OCR: the page image beside the text
        ScanPage.objects.create(
            document=dd, number=1, image=b"\xff\xd8\xff\xe0 page " + side.encode(), text=dd.text
        )

    def job(owner):
        return ImportJob.objects.create(
            user=users[owner], filename=f"{owner}.xlsx", sha256="0" * 64, status=JobStatus.DONE
        )

    own = {persona: job(persona) for persona in users}
    jobs = {
        persona: {"in": own[persona], "out": own[REPORTER if persona == TOWN else TOWN]} for persona in users
    }
    jobs[ANON] = {"in": own[REPORTER], "out": own[TOWN]}

    def workbook(unit, resolution=None):
        from openpyxl import load_workbook

        from chitieu.imports.layout import META_SHEET, RESULTS_SHEET

        wb = load_workbook(io.BytesIO(build_template(unit, "2023-H1")))
        ws = wb[RESULTS_SHEET]
        for row in ws.iter_rows(min_row=1):
            if row[2].value == "thu-ns":
                row[6].value = 42
        if resolution is not None:  # the template's metadata names another unit's resolution
            for row in wb[META_SHEET].iter_rows():
                if row[0].value == "resolution":
                    row[1].value = resolution.pk
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    Token.objects.create(user=users[REPORTER])
    admin_obj = {
        "user": users[REPORTER].pk,
        "user_ct": ContentType.objects.get_for_model(User).pk,
        "group": Group.objects.create(name="Văn phòng").pk,
        "token": users[REPORTER].pk,  # the token admin addresses tokens by their user's id
        "attempt": AccessAttempt.objects.create(
            username="x",
            ip_address="127.0.0.1",
            user_agent="t",
            http_accept="*/*",
            path_info="/login/",
            get_data="",
            post_data="",
            failures_since_start=1,
        ).pk,
        "failure": AccessFailureLog.objects.create(
            username="x", ip_address="127.0.0.1", user_agent="t", http_accept="*/*", path_info="/login/"
        ).pk,
        "log": AccessLog.objects.create(
            username="x", ip_address="127.0.0.1", user_agent="t", http_accept="*/*", path_info="/login/"
        ).pk,
    }
    from chitieu.validation.models import Finding, Rule

    rule = Rule.objects.get(kind="outlier")
    findings = {
        side: Finding.objects.create(
            rule=rule,
            unit=unit,
            indicator=world.revenue,
            period="2021-H1",
            details={"value": "1", "median": "1", "count": 3},
        )
        for side, unit in (("in", d), ("out", t))
    }
    return SimpleNamespace(
        world=world,
        finding=findings,
        users=users,
        unit={"in": d, "below": x1, "out": t, "above": p},
        term={"in": world.term, "out": term_out},
        resolution={"in": world.resolution, "out": res_out},
        result=results,
        target=targets,
        conf=conf,
        task=task,
        question=question,
        agenda=agenda,
        doc=doc,
        cand=cand,
        job=jobs,
        workbook={"in": workbook(d), "out": workbook(t), "cross": workbook(d, res_out)},
        admin_obj=admin_obj,
        submission_status=submission_status,
    )
