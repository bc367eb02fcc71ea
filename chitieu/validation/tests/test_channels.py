"""The rules reach every channel through the write services: the results form, the Excel import (its
dry run names each violation and finding by sheet and row), the inbox before accepting, the unit page,
the data-quality page of a subtree, and the rules page an office edits."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse

from chitieu.access.models import RoleAssignment
from chitieu.imports.importer import import_workbook
from chitieu.imports.tests.conftest import book
from chitieu.reporting.models import Result
from chitieu.reporting.services import result_save
from chitieu.testing import make_user
from chitieu.validation.choices import FindingStatus
from chitieu.validation.models import Finding, Rule

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)


def test_the_results_form_refuses_a_negative_figure_beside_the_field_and_saves_nothing(vi_client, world):
    url = reverse("reporting:results_edit", args=["xa-1", "2023"]) + "?add=thu-ns"
    response = vi_client.post(url, {"add": "thu-ns", "thu-ns-value": "-5", "thu-ns-status": "actual"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "không âm" in body and "Thu ngân sách" in body
    assert not Result.objects.exists()


def test_a_dry_run_import_names_hard_violations_and_soft_findings_by_sheet_and_row(world, clerk):
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", value=D(100), today=TODAY
    )
    data = book(
        results=[
            ["xa-1", "", "thu-ns", "", "tỷ đồng", "2023", 10, None, None, "thực hiện"],
            ["xa-2", "", "bhyt", "", "%", "2023", None, 1200, 1000, "thực hiện"],
        ]
    )
    report = import_workbook(data, actor=clerk, allowed_results=None, allowed_targets=None, dry_run=True)
    # 1.200 of 1.000: the share (120%) and the numerator both break their rules, each in its cell
    assert sorted((e.sheet, e.cell, e.indicator) for e in report.errors) == [
        ("Kết quả", "G5", "bhyt"),
        ("Kết quả", "H5", "bhyt"),
    ]
    assert any("1.200" in e.message for e in report.errors)
    assert not report.written and Result.objects.count() == 1  # one violation: nothing written
    fixed = book(results=[["xa-1", "", "thu-ns", "", "tỷ đồng", "2023", 10, None, None, "thực hiện"]])
    report = import_workbook(fixed, actor=clerk, allowed_results=None, allowed_targets=None, dry_run=True)
    assert report.ok and not report.written
    assert [(f.sheet, f.cell) for f in report.findings] == [("Kết quả", "A4")]  # the district's 100 ≠ 10
    assert not Finding.objects.exists()  # a dry run keeps nothing, findings included


def test_the_unit_page_shows_its_findings_and_an_approver_overrides_one_with_a_reason(vi_client, world):
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", value=D(100), today=TODAY
    )
    result_save(
        actor=None, indicator=world.revenue, unit=world.communes[0], period="2023", value=D(10), today=TODAY
    )
    page = vi_client.get(
        reverse("reporting:unit_detail", args=["huyen-d"]), {"period": "2023"}
    ).content.decode()
    assert 'id="findings"' in page and "Thu ngân sách" in page
    f = Finding.objects.get(unit=world.district)
    refused = vi_client.post(reverse("validation:finding_override", args=[f.pk]), {"reason": ""})
    assert refused.status_code == 302
    f.refresh_from_db()
    assert f.status == FindingStatus.OPEN
    vi_client.post(reverse("validation:finding_override", args=[f.pk]), {"reason": "các xã chưa báo cáo đủ"})
    f.refresh_from_db()
    assert f.status == FindingStatus.OVERRIDDEN and f.reason == "các xã chưa báo cáo đủ"
    quality = vi_client.get(reverse("validation:quality", args=["tinh-p"])).content.decode()
    assert "Huyện D" in quality and "các xã chưa báo cáo đủ" in quality


def test_a_reporter_may_see_findings_but_not_override_them_nor_edit_rules(client, world):
    result_save(
        actor=None, indicator=world.revenue, unit=world.district, period="2023", value=D(100), today=TODAY
    )
    result_save(
        actor=None, indicator=world.revenue, unit=world.communes[0], period="2023", value=D(10), today=TODAY
    )
    reporter = make_user("reporter")
    RoleAssignment.objects.create(user=reporter, unit=world.district, role="reporter")
    client.force_login(reporter)
    f = Finding.objects.get(unit=world.district)
    assert (
        client.post(reverse("validation:finding_override", args=[f.pk]), {"reason": "x"}).status_code == 403
    )
    assert client.get(reverse("validation:rules", args=["huyen-d"])).status_code == 200
    post = {"name": "r", "kind": "bounds", "severity": "hard", "scope": "all", "maximum": "5"}
    assert client.post(reverse("validation:rules", args=["huyen-d"]), post).status_code == 403
    outsider = make_user("outsider")
    RoleAssignment.objects.create(user=outsider, unit=world.town, role="office")
    client.force_login(outsider)
    assert client.get(reverse("validation:quality", args=["huyen-d"])).status_code == 404


def test_an_office_of_a_province_adds_a_rule_for_its_subtree_and_a_bad_one_is_refused_on_the_page(
    client, world
):
    office = make_user("office")
    RoleAssignment.objects.create(user=office, unit=world.province, role="office")
    client.force_login(office)
    url = reverse("validation:rules", args=["tinh-p"])
    bad = {"name": "r", "kind": "bounds", "severity": "hard", "scope": "all", "minimum": "10", "maximum": "5"}
    response = client.post(url, bad)
    assert response.status_code == 400 and not Rule.objects.filter(name="r").exists()
    good = {**bad, "indicator": "thu-ns", "minimum": "", "maximum": "1000", "active": "on"}
    assert client.post(url, good).status_code == 302
    rule = Rule.objects.get(name="r")
    assert rule.unit == world.province and rule.indicator == world.revenue


def test_the_inbox_says_before_accepting_that_a_figure_would_be_refused(client, clerk):
    from chitieu.demo.loader import LoadReport, load_catalogue, load_units
    from chitieu.inbox.services import document_ingest
    from chitieu.orgs.models import Unit

    report = LoadReport()
    load_catalogue(report)
    load_units(report)
    doc = document_ingest(
        actor=clerk,
        unit=Unit.objects.get(code="kinh-mon"),
        period="2022-H1",
        text="Tỷ lệ người dân tham gia bảo hiểm y tế đạt 101,5%.",
    )
    client.force_login(clerk)
    body = client.get(reverse("inbox:document", args=[doc.pk])).content.decode()
    assert "0–100%" in body and not Result.objects.exists()
