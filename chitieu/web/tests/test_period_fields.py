"""Every period field reads what a clerk types, offers the unit's periods labelled in Vietnamese,
keeps the code for storage, and refuses a period the unit cannot report in with the reason."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from chitieu.audit.models import AuditEntry
from chitieu.inbox.models import SourceDocument
from chitieu.indicators.models import Target
from chitieu.meetings.models import Conference
from chitieu.orgs.models import Unit
from chitieu.reporting.services import target_save
from chitieu.web.periods import PeriodField

pytestmark = pytest.mark.django_db
TEXT = "Thu ngân sách 9 tháng đạt 5 tỷ đồng."


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("9 tháng năm 2024", "2024-9M"),
        ("quý III/2024", "2024-Q3"),
        ("Quý 3 năm 2024", "2024-Q3"),
        ("6 tháng đầu năm 2024", "2024-H1"),
        ("6 tháng cuối năm 2024", "2024-H2"),
        ("tháng 11/2024", "2024-11"),
        ("năm 2024", "2024"),
        ("nhiệm kỳ 2020–2025", "2020-2025"),
        ("2024-9M", "2024-9M"),
    ],
)
def test_the_period_field_cleans_what_is_typed_to_its_code(typed, code):
    assert PeriodField().clean(typed) == code


def test_the_period_field_says_in_vietnamese_what_is_wrong():
    with pytest.raises(Exception) as info:
        PeriodField().clean("quý V/2024")
    assert "không phải là kỳ báo cáo có thực" in " ".join(info.value.messages)
    with pytest.raises(Exception) as info:
        PeriodField().clean("hôm qua")
    assert "“hôm qua” không phải là kỳ báo cáo" in " ".join(info.value.messages)


def test_the_inbox_takes_nine_months_written_out_whole(vi_client, world):
    page = vi_client.get(reverse("inbox:index")).content.decode()
    field = re.search(r'<input[^>]*name="period"[^>]*>', page).group(0)
    assert 'maxlength="12"' not in field and 'maxlength="60"' in field  # "9 tháng năm 2024" is 16
    assert 'list="id_period-periods"' in field and "<datalist" in page
    resp = vi_client.post(
        reverse("inbox:index"), {"unit": "huyen-d", "period": "9 tháng năm 2024", "text": TEXT}
    )
    assert resp.status_code == 302
    assert SourceDocument.objects.get().period == "2024-9M"


def test_the_inbox_refuses_a_period_before_the_unit_was_formed(vi_client, world):
    Unit.objects.create(
        code="xa-moi", name="Xã Mới", kind="commune", parent=world.district, valid_from=dt.date(2025, 7, 1)
    )
    resp = vi_client.post(reverse("inbox:index"), {"unit": "xa-moi", "period": "quý I/2025", "text": TEXT})
    body = resp.content.decode()
    assert resp.status_code == 400
    assert "Xã Mới được thành lập ngày 01/07/2025" in body
    assert 'value="quý I/2025"' in body and TEXT in body  # nothing typed is lost
    assert not SourceDocument.objects.exists()


def test_a_conference_reviews_a_period_written_in_words(vi_client, world):
    resp = vi_client.post(
        reverse("meetings:conference_list", args=["huyen-d"]),
        {
            "body": "executive",
            "term": world.term.pk,
            "kind": "regular",
            "date": "2024-10-05",
            "period": "quý III/2024",
        },
    )
    assert resp.status_code == 302
    assert Conference.objects.get().period == "2024-Q3"


def test_a_conference_cannot_review_a_period_not_yet_open(vi_client, world):
    resp = vi_client.post(
        reverse("meetings:conference_list", args=["huyen-d"]),
        {
            "body": "executive",
            "term": world.term.pk,
            "kind": "regular",
            "date": "2024-10-05",
            "period": "năm 2099",
        },
    )
    assert resp.status_code == 400 and "chưa mở" in resp.content.decode()
    assert not Conference.objects.exists()


def test_targets_take_a_unit_below_and_a_period_in_words(vi_client, world):
    target_save(
        actor=None,
        indicator=world.revenue,
        unit=world.district,
        period="2023",
        basis="plan",
        value=D(1000),
        resolution=world.resolution,
    )
    url = reverse("indicators:targets_edit", args=[world.resolution.pk])
    page = vi_client.get(url).content.decode()
    assert (
        'name="new0-unit"' in page and 'value="Huyện D (huyen-d)"' in page
    )  # the resolution's unit by default
    t = Target.objects.get()
    resp = vi_client.post(
        url,
        {
            f"t{t.pk}-indicator": "thu-ns",
            f"t{t.pk}-unit": "Huyện D (huyen-d)",
            f"t{t.pk}-basis": "plan",
            f"t{t.pk}-kind": "level",
            f"t{t.pk}-period": "năm 2023",
            f"t{t.pk}-value": "1.000",
            "new0-indicator": "lua",
            "new0-unit": "xã x1",  # typed, without diacritics: enough to name one unit
            "new0-basis": "plan",
            "new0-kind": "level",
            "new0-period": "6 tháng đầu năm 2023",
            "new0-value": "2.500",
        },
    )
    assert resp.status_code == 302, re.findall(r"errorlist.{0,300}", resp.content.decode())
    new = Target.objects.get(indicator=world.rice)
    assert (new.unit, new.period, new.value, new.resolution) == (
        world.communes[0],
        "2023-H1",
        D(2500),
        world.resolution,
    )
    assert AuditEntry.objects.filter(
        object_type="indicators.target", action="create", unit=world.communes[0]
    ).exists()


def test_a_target_for_a_unit_outside_the_resolutions_subtree_is_refused_and_kept(vi_client, world):
    url = reverse("indicators:targets_edit", args=[world.resolution.pk])
    resp = vi_client.post(
        url,
        {
            "new0-indicator": "lua",
            "new0-unit": "Thị xã T",
            "new0-basis": "plan",
            "new0-kind": "level",
            "new0-period": "năm 2023",
            "new0-value": "2.500",
        },
    )
    body = resp.content.decode()
    assert resp.status_code == 400 and "Thị xã T" in body and "không chọn được ở đây" in body
    assert not Target.objects.exists()


def test_the_import_template_is_picked_by_a_period_in_words(vi_client, world):
    resp = vi_client.get(
        reverse("imports:template_pick"), {"unit": "Huyện D (huyen-d)", "period": "6 tháng đầu năm 2023"}
    )
    assert resp.status_code == 302
    assert resp["Location"] == reverse("imports:template", args=["huyen-d", "2023-H1"])
    resp = vi_client.get(
        reverse("imports:template_pick"), {"unit": "huyen-d", "period": "năm 2023", "below": "on"}
    )
    assert resp["Location"] == reverse("imports:template", args=["huyen-d", "2023"]) + "?below=1"
