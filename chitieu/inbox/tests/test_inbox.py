import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chitieu.demo.loader import LoadReport, load_catalogue, load_units
from chitieu.inbox.models import Candidate, IndicatorAlias, SourceDocument
from chitieu.inbox.services import candidate_accept, document_ingest
from chitieu.indicators.models import Indicator, Target
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result

from .texts import KINH_MON_H1_2022

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 1, 1)


@pytest.fixture
def catalogue(db):
    report = LoadReport()
    load_catalogue(report)
    load_units(report)


@pytest.fixture
def kinh_mon_doc(catalogue, clerk):
    return document_ingest(
        actor=clerk,
        unit=Unit.objects.get(code="kinh-mon"),
        period="2022-H1",
        text=KINH_MON_H1_2022,
    )


def cand(doc, value):
    return doc.candidates.get(value=D(value))


def test_reading_a_report_writes_no_result_until_a_reviewer_accepts(kinh_mon_doc):
    assert kinh_mon_doc.candidates.filter(value=D(31167)).exists()
    assert not Result.objects.exists() and not Target.objects.exists()


def test_figures_get_suggested_indicators_from_the_catalogue(kinh_mon_doc):
    assert cand(kinh_mon_doc, 31167).suggested.code == "gtsx"
    assert cand(kinh_mon_doc, "905.653").suggested.code == "thu-ngan-sach"


def test_accepting_makes_a_result_with_its_document_span_and_the_implied_target(kinh_mon_doc, clerk):
    c = cand(kinh_mon_doc, 31167)
    result = candidate_accept(
        actor=clerk, candidate=c, indicator=Indicator.objects.get(code="gtsx"), today=TODAY
    )
    assert result.value == D(31167) and result.status == "estimate" and result.source == "extracted"
    assert result.source_document == kinh_mon_doc
    assert kinh_mon_doc.text[result.source_start : result.source_end].startswith("31.167")
    stated = {(s.basis, s.kind): s.percent for s in result.stated.all()}
    assert stated == {("plan", "of"): D("51.7"), ("same_period", "change"): D("15.9")}
    target = Target.objects.get(indicator__code="gtsx", unit__code="kinh-mon", basis="plan")
    assert target.derived and target.period == "2022" and target.source_document == kinh_mon_doc
    assert round(result.value / target.value * 100, 1) == D("51.7")


def test_a_known_target_is_not_overwritten_by_a_derived_one(kinh_mon_doc, clerk):
    from chitieu.reporting.services import target_save

    ind = Indicator.objects.get(code="gtsx")
    target_save(
        actor=clerk,
        indicator=ind,
        unit=Unit.objects.get(code="kinh-mon"),
        period="2022",
        basis="plan",
        value=D(60000),
    )
    candidate_accept(actor=clerk, candidate=cand(kinh_mon_doc, 31167), indicator=ind, today=TODAY)
    assert Target.objects.get(indicator=ind, basis="plan").value == D(60000)


def test_the_same_document_twice_is_refused(kinh_mon_doc, clerk):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        document_ingest(
            actor=clerk,
            unit=Unit.objects.get(code="kinh-mon"),
            period="2022-H1",
            text=KINH_MON_H1_2022.replace("\n", "\r\n"),
        )
    assert f"no. {kinh_mon_doc.pk}" in str(exc.value) or f"số {kinh_mon_doc.pk}" in str(exc.value)
    assert SourceDocument.objects.count() == 1


def test_a_reviewers_choice_is_learnt_for_the_next_document(catalogue, clerk):
    unit = Unit.objects.get(code="huu-lung")
    doc = document_ingest(
        actor=clerk,
        unit=unit,
        period="2023-Q1",
        text="Trong quý, doanh thu dịch vụ lưu trú đạt 12,5 tỷ đồng.",
    )
    c = doc.candidates.get()
    revenue = Indicator.objects.get(code="doanh-thu-du-lich")
    candidate_accept(actor=clerk, candidate=c, indicator=revenue, today=TODAY)
    assert IndicatorAlias.objects.filter(indicator=revenue).exists()
    doc2 = document_ingest(
        actor=clerk, unit=unit, period="2023-Q2", text="Trong quý, doanh thu dịch vụ lưu trú đạt 14 tỷ đồng."
    )
    assert doc2.candidates.get().suggested == revenue


def test_a_figure_in_another_unit_of_measure_is_converted(catalogue, clerk):
    doc = document_ingest(
        actor=clerk,
        unit=Unit.objects.get(code="huu-lung"),
        period="2023-Q1",
        text="Thu ngân sách đạt 40.700 triệu đồng, bằng 27,9% dự toán tỉnh giao.",
    )
    r = candidate_accept(
        actor=clerk,
        candidate=doc.candidates.get(),
        indicator=Indicator.objects.get(code="thu-ngan-sach"),
        today=TODAY,
    )
    assert r.value == D("40.7")
    assert Target.objects.get(indicator__code="thu-ngan-sach").basis == "estimate_upper"


def test_a_figure_in_an_incompatible_unit_is_refused_and_nothing_written(catalogue, clerk):
    from django.core.exceptions import ValidationError

    doc = document_ingest(
        actor=clerk,
        unit=Unit.objects.get(code="kien-tuong"),
        period="2023-H1",
        text="Sản lượng lúa đạt 101.761 tấn.",
    )
    with pytest.raises(ValidationError) as exc:
        candidate_accept(
            actor=clerk,
            candidate=doc.candidates.get(),
            indicator=Indicator.objects.get(code="thu-ngan-sach"),
            today=TODAY,
        )
    assert "tấn" in str(exc.value)
    assert not Result.objects.exists()
    assert doc.candidates.get().decision == "pending"


def test_the_review_page_highlights_each_figure(client, clerk, kinh_mon_doc):
    client.force_login(clerk)
    body = client.get(reverse("inbox:document", args=[kinh_mon_doc.pk])).content.decode()
    assert body.count("<mark ") == kinh_mon_doc.candidates.count()
    assert '<mark id="f0"' in body


def test_uploading_a_file_through_the_page_reads_it(client, clerk, catalogue):
    client.force_login(clerk)
    upload = SimpleUploadedFile("kinh-mon.txt", KINH_MON_H1_2022.encode(), content_type="text/plain")
    resp = client.post(reverse("inbox:index"), {"unit": "kinh-mon", "period": "2022-H1", "file": upload})
    assert resp.status_code == 302
    doc = SourceDocument.objects.get()
    assert doc.filename == "kinh-mon.txt" and doc.candidates.count() >= 5


def test_a_file_that_is_not_a_document_is_refused_with_its_name(client, clerk, catalogue):
    client.force_login(clerk)
    upload = SimpleUploadedFile(
        "bao-cao.docx", b"PK\x03\x04 not really a word file", content_type="application/zip"
    )
    resp = client.post(reverse("inbox:index"), {"unit": "kinh-mon", "period": "2022-H1", "file": upload})
    assert resp.status_code == 400 and "bao-cao.docx" in resp.content.decode()
    assert not SourceDocument.objects.exists()


def test_an_upload_with_a_bad_period_keeps_the_pasted_text(client, clerk, catalogue):
    client.force_login(clerk)
    resp = client.post(
        reverse("inbox:index"),
        {"unit": "kinh-mon", "period": "2022-H3", "text": "Thu ngân sách đạt 5 tỷ đồng."},
    )
    body = resp.content.decode()
    assert resp.status_code == 400 and "2022-H3" in body and "Thu ngân sách đạt 5 tỷ đồng." in body


def test_accepting_and_dropping_through_the_page(client, clerk, kinh_mon_doc):
    client.force_login(clerk)
    c = cand(kinh_mon_doc, 31167)
    p = f"c{c.pk}"
    resp = client.post(
        reverse("inbox:decide", args=[c.pk]),
        {
            f"{p}-action": "accept",
            f"{p}-indicator": "gtsx",
            f"{p}-unit": "kinh-mon",
            f"{p}-period": "2022-H1",
            f"{p}-value": "31.167",
            f"{p}-status": "estimate",
        },
    )
    assert resp.status_code == 302
    assert Result.objects.get(indicator__code="gtsx").value == D(31167)
    other = (
        kinh_mon_doc.candidates.filter(value=D(11)).first()
        or kinh_mon_doc.candidates.exclude(pk=c.pk).first()
    )
    q = f"c{other.pk}"
    client.post(reverse("inbox:decide", args=[other.pk]), {f"{q}-action": "drop"})
    other.refresh_from_db()
    assert other.decision == "dropped" and Result.objects.count() == 1


def test_accepting_without_an_indicator_names_the_field(client, clerk, kinh_mon_doc):
    client.force_login(clerk)
    c = cand(kinh_mon_doc, 31167)
    p = f"c{c.pk}"
    resp = client.post(
        reverse("inbox:decide", args=[c.pk]),
        {f"{p}-action": "accept", f"{p}-indicator": ""},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 400
    assert not Result.objects.exists()
    assert Candidate.objects.get(pk=c.pk).decision == "pending"


def test_a_stated_percentage_that_contradicts_the_target_in_the_database_is_flagged(catalogue, clerk):
    from chitieu.reporting.services import target_save

    unit = Unit.objects.get(code="huu-lung")
    target_save(
        actor=clerk,
        indicator=Indicator.objects.get(code="thu-ngan-sach"),
        unit=unit,
        period="2023",
        basis="estimate_upper",
        value=D(200),
    )
    doc = document_ingest(
        actor=clerk,
        unit=unit,
        period="2023-Q1",
        text="Thu ngân sách đạt 40,7 tỷ đồng, bằng 27,9% dự toán tỉnh giao.",
    )
    assert any("27,9" in c["message_vi"] or "27.9" in c["message_en"] for c in doc.checks), doc.checks
