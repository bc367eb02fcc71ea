"""The demo shows every figure and percentage the five seed reviews report — from chitieu's own data,
with nothing beside the project; and, where the seed articles are at hand, linked to them."""

import re
import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from chitieu.demo.facts import REVIEWS
from chitieu.demo.loader import load_demo
from chitieu.inbox.models import Candidate, SourceDocument
from chitieu.indicators.models import Indicator, Resolution, Target
from chitieu.meetings.models import Conference
from chitieu.orgs.models import Unit
from chitieu.reporting.models import Result, StatedComparison
from chitieu.testing import require_shared

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo()


def page(client, code, period):
    html = client.get(reverse("reporting:unit_detail", args=[code]), {"period": period}).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_loading_twice_changes_nothing(demo):
    counts = [m.objects.count() for m in (Unit, Indicator, Resolution, Target, Result, StatedComparison)]
    versions = sorted(Result.objects.values_list("id", "version"))
    report = load_demo()
    assert report.created == {} and report.changed == {}
    assert [
        m.objects.count() for m in (Unit, Indicator, Resolution, Target, Result, StatedComparison)
    ] == counts
    assert sorted(Result.objects.values_list("id", "version")) == versions


def test_the_demo_command_prints_a_summary(db, capsys):
    call_command("demo")
    assert "chitieu demo: created" in capsys.readouterr().out


def test_kinh_mon_shows_its_production_value_and_sectors(vi_client, demo):
    text = page(vi_client, "kinh-mon", "2022-H1")
    for s in (
        "31.167 tỷ đồng",
        "51,7%",
        "+15,9%",
        "1.712",
        "70,5%",
        "+0,3%",
        "27.150",
        "50,9%",
        "+17,2%",
        "2.305",
        "50,5%",
        "+13,8%",
        "905,653",
        "106%",
    ):
        assert s in text, s
    # The three sectors add up to the total.
    parts = Result.objects.filter(unit__code="kinh-mon", indicator__parent__code="gtsx").values_list(
        "value", flat=True
    )
    assert sum(parts) == Result.objects.get(unit__code="kinh-mon", indicator__code="gtsx").value


def test_kien_tuong_shows_rice_disbursement_and_budget(vi_client, demo):
    text = page(vi_client, "kien-tuong", "2023-H1")
    for s in (
        "101.761",
        "59,9%",
        "98.755",
        "82,3%",
        "63%",
        "31%",
        "49%",
        "dự toán tỉnh giao",
        "kế hoạch thị xã",
    ):
        assert s in text, s


def test_huu_lung_shows_its_budget_revenue(vi_client, demo):
    text = page(vi_client, "huu-lung", "2023-Q1")
    assert "40,7 tỷ đồng" in text and "27,9%" in text


def test_vinh_hung_counts_eight_of_nine_communes_from_its_communes(vi_client, demo):
    text = page(vi_client, "vinh-hung", "2024-H1")
    for s in ("8/9", "5/9", "95,49", "100,51%", "10/10"):
        assert s in text, s
    assert "8/9 đơn vị trực thuộc đạt" in text or "8/9 units below meet it" in text
    assert "15/19" in page(vi_client, "vh-vinh-binh", "2024-H1")


def test_lang_can_shows_its_mid_term_figures(vi_client, demo):
    text = page(vi_client, "lang-can", "2020-2025")
    for s in (
        "70",
        "100%",
        "8.046",
        "6,4 tỷ đồng",
        "300 ha",
        "519",
        "1.000",
        "2 tấn/năm",
        "6 ha/năm",
        "60 ha/năm",
        "58%",
    ):
        assert s in text, s


def test_without_the_articles_every_figure_is_the_demos_own_and_no_document_is_filed(demo):
    assert Result.objects.count() == 35
    assert set(Result.objects.values_list("source", flat=True)) == {"demo"}
    assert not Result.objects.filter(source_document__isnull=False).exists()
    assert not SourceDocument.objects.exists() and not Candidate.objects.exists()


def figures():
    return sorted(
        (r.unit.code, r.indicator.code, r.period, r.value, r.denominator, r.status, r.qualifier)
        + tuple(sorted((s.basis, s.kind, s.percent, s.qualifier) for s in r.stated.all()))
        for r in Result.objects.select_related("unit", "indicator").prefetch_related("stated")
    )


def test_with_the_articles_every_figure_is_linked_to_its_place_in_the_text(db):
    seeds = require_shared("seeds")
    load_demo(articles=seeds)
    assert SourceDocument.objects.count() == 5
    for r in Result.objects.select_related("source_document"):
        assert r.source == "extracted" and r.source_document is not None, r
        span = r.source_document.text[r.source_start : r.source_end]
        assert re.search(r"\d", span), (r, span)
        assert Candidate.objects.filter(result=r).exists() or r.indicator.code == "ntm-dat-chuan", r
    assert Candidate.objects.filter(decision="pending").count() == 0
    for t in Target.objects.filter(derived=True):
        pct = t.source_document.text[t.source_start : t.source_end]
        assert re.fullmatch(r"\d+(,\d+)?", pct), (t, pct)


def test_the_articles_change_no_figure_only_where_it_comes_from(db):
    seeds = require_shared("seeds")
    load_demo()
    own = figures()
    load_demo(articles=seeds)
    assert figures() == own
    assert not Result.objects.filter(source="demo").exists()


def test_a_missing_or_different_article_is_named_and_the_demo_loads_anyway(db, tmp_path):
    seeds = require_shared("seeds")
    for review in REVIEWS[:2]:
        shutil.copy(seeds / review.article, tmp_path / review.article)
    (tmp_path / REVIEWS[1].article).write_text("Một bài khác hẳn.", encoding="utf-8")
    report = load_demo(articles=tmp_path)
    assert len(report.warnings) == 4
    assert REVIEWS[1].article in report.warnings[0] and "differs" in report.warnings[0]
    assert all("not found" in w for w in report.warnings[1:])
    assert SourceDocument.objects.count() == 1
    assert Result.objects.count() == 35


def test_the_demo_command_names_a_folder_that_is_not_one(db, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a folder"):
        call_command("demo", "--articles", str(tmp_path / "nowhere"))


def test_the_demos_limitations_and_tasks_are_its_own_words(db):
    """Gists, not the articles' sentences: no run of twelve syllables of a limitation, task or agenda item
    appears in its article."""
    seeds = require_shared("seeds")

    def words(text):
        return re.findall(r"\w+", text.lower())

    for review in REVIEWS:
        article = " ".join(words((seeds / review.article).read_text(encoding="utf-8")))
        c = review.conference
        for text in [t for t, _i in c.limitations] + [t for t, _o, _d in c.tasks] + list(c.agenda):
            w = words(text)
            for i in range(max(1, len(w) - 11)):
                run = " ".join(w[i : i + 12])
                assert len(w) < 12 or run not in article, (review.article, run)


def test_each_seed_has_its_conference(demo):
    km = Conference.objects.get(unit__code="kinh-mon")
    assert (km.ordinal, km.date.isoformat(), km.body, km.term.start_year) == (
        9,
        "2022-07-13",
        "executive",
        2020,
    )
    chairs = set(km.attendances.filter(role="chair").values_list("person__full_name", flat=True))
    assert chairs == {"Sái Thị Yến", "Bùi Xuân Lộc", "Trương Đức San"}
    vote = km.votes.get()
    assert vote.personnel and vote.outcome == "passed"
    assert [d["members"] for d in vote.details] == [11, 14, 5, 4, 7]
    kt = Conference.objects.get(unit__code="kien-tuong")
    assert (kt.ordinal, kt.date.isoformat()) == (14, "2023-06-22")
    assert kt.attendances.get(person__full_name="Nguyễn Minh Lâm").role == "invited"
    assert kt.limitations.filter(indicators__code="thu-ngan-sach").exists() and kt.tasks.count() == 5
    assert Conference.objects.get(unit__code="huu-lung").ordinal == 15
    vh = Conference.objects.get(unit__code="vinh-hung")
    assert vh.body == "briefing" and vh.attendances.get(role="chair").person.full_name == "Nguyễn Anh Việt"
    assert Conference.objects.count() == 5


def test_the_demo_writes_a_draft_report_for_each_seed(db, tmp_path):
    report = load_demo(reports_dir=tmp_path)
    assert len(report.reports) == 5 and all(p.stat().st_size > 5000 for p in report.reports)


def test_derived_targets_say_so(demo):
    t = Target.objects.get(unit__code="kinh-mon", indicator__code="gtsx", basis="plan")
    assert t.derived and "51,7%" in t.note and t.period == "2022"


def test_the_demo_mapping_rebuilds_a_new_communes_last_year_from_its_old_communes(demo):
    """The demo's (illustrative) 2025 mapping: Xã Khánh Hưng (minh họa) was formed from Khánh Hưng and
    Hưng Điền A, so its second-half 2025 figure is compared with theirs of 2024."""
    import datetime as dt
    from decimal import Decimal as D

    from chitieu.lib.periods import parse_period
    from chitieu.reporting.selectors import progress_table
    from chitieu.reporting.services import result_save

    ind = Indicator.objects.get(code="thu-ngan-sach")
    new = Unit.objects.get(code="tn-khanh-hung")
    assert set(new.predecessor_edges.values_list("predecessor__code", flat=True)) == {
        "vh-khanh-hung",
        "vh-hung-dien-a",
    }
    assert "MINH HỌA" in new.note
    for code, v in (("vh-khanh-hung", "3.5"), ("vh-hung-dien-a", "1.5")):
        result_save(
            actor=None,
            indicator=ind,
            unit=Unit.objects.get(code=code),
            period="2024-H2",
            value=D(v),
            today=dt.date(2026, 1, 1),
        )
    result_save(
        actor=None, indicator=ind, unit=new, period="2025-H2", value=D("6"), today=dt.date(2026, 1, 1)
    )
    row = next(r for g in progress_table(new, parse_period("2025-H2")) for r in g.rows if r.indicator == ind)
    assert row.change == D(20) and row.change_rebuilt.sources == ("vh-hung-dien-a", "vh-khanh-hung")
    # The old communes keep their own history and their own page.
    assert Result.objects.filter(unit__code="vh-vinh-binh", period="2024-H1").exists()
