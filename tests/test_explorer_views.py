"""The explorer's chart views in Chromium (Playwright), against a real ``dyad serve``: the landing
view ("the dyad now"), the escalation timeline and the analytics tab, drawn with the vendored
Apache ECharts. The fixtures and helpers are tests/test_explorer_browser.py's: no console
errors, no request off the host. axe-core (npm, pinned in tests/http_audit) checks each view.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from playwright.sync_api import Page

from api.graphql.timeline import CODED_EVENTS_CAP
from graph import GraphClient
from schema.presentation import SIDE_ROLES, explorer_vocabulary
from tests.coded_events import CODED, POLECAT, load_coded_world
from tests.conftest import ROOT
from tests.test_explorer_browser import (
    REMARK,
    VENDOR,
    Session,
    _lock,
    base_url,
    browser,
    open_explorer,
    screenshot,
    session,
)

#: The explorer's browser tests' fixtures, used here too: a real server, Chromium, a page.
SHARED_FIXTURES = (base_url, browser, session)
AXE = ROOT / "tests" / "http_audit" / "node_modules" / "axe-core" / "axe.min.js"
ECHARTS = "echarts@5.6.0"
#: A month-only fact of the crisis: customs delays on goods bound for Japan, November 2025.
MONTH_ONLY = "event:customs-delays-japan-2025"
NOVEMBER_2025 = (dt.date(2025, 11, 1), dt.date(2025, 11, 30))


#: The chart views ask several heavy questions at once (exposure, audit, chains); on a busy
#: machine they take longer than Playwright's default 30 s.
PATIENCE_MS = 90_000


def open_view(session: Session, base_url: str, view: str) -> Page:
    session.page.set_default_timeout(PATIENCE_MS)
    return open_explorer(session, base_url, view)


def _ms(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000)


def click_chart(
    page: Page, container: str, chart: str, pixel_of: str, arg: Any = None, *, hover: bool = False
) -> None:
    """Click a chart (or only point at it) where ``pixel_of`` (a function of the chart and
    ``arg``) says."""
    x, y = page.evaluate(
        f"([arg]) => {{ const chart = {chart}; return ({pixel_of})(chart, arg); }}", [arg]
    )
    box = page.locator(container).bounding_box()
    assert box is not None
    if hover:
        page.mouse.move(box["x"] + x, box["y"] + y, steps=3)
    else:
        page.mouse.click(box["x"] + x, box["y"] + y)


def serious_violations(page: Page, selector: str) -> list[str]:
    """axe-core's serious and critical findings inside ``selector``."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: `npm ci --prefix tests/http_audit`")
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    found: list[dict[str, Any]] = page.evaluate(
        """async (selector) => (await axe.run(selector, {resultTypes: ["violations"]})).violations
              .filter(v => ["serious", "critical"].includes(v.impact))
              .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}))""",
        selector,
    )
    return [json.dumps(v) for v in found]


# --- the vendored library ---------------------------------------------------------------------


def test_echarts_is_vendored_with_its_licence_and_notice_and_pinned() -> None:
    lock = _lock()
    for path in ("LICENSE", "NOTICE", "licenses/LICENSE-d3", "dist/echarts.min.js"):
        assert f"{ECHARTS}/{path}" in lock
    assert (VENDOR / ECHARTS / "dist" / "echarts.min.js").read_text()[:400].count("Apache")


def test_every_relation_says_its_side_role_for_the_timelines_lanes() -> None:
    relations = {rel["name"]: rel["side"] for rel in explorer_vocabulary()["relations"]}
    assert {name for name, side in relations.items() if side} == {r.name for r in SIDE_ROLES}
    assert {relations[r.name] for r in SIDE_ROLES} == {"actor", "nationality", "base"}


# --- the dyad now -----------------------------------------------------------------------------


@pytest.mark.browser
def test_the_landing_view_shows_the_dyad_now_and_every_figure_opens_its_evidence(
    session: Session, base_url: str
) -> None:
    page = open_view(session, base_url, "")
    assert page.get_attribute("#tab-now", "aria-selected") == "true"
    assert page.is_hidden("#view-graph")
    # The seed chain in one line: the remark, through a measure and a mineral, to an industry.
    page.wait_for_selector("#now-chain .chain-step, #now-chain .error")
    assert page.locator("#now-chain .error").count() == 0, page.inner_text("#now-chain")
    steps = page.eval_on_selector_all("#now-chain .chain-step", "bs => bs.map(b => b.dataset.id)")
    assert steps[0] == REMARK
    assert steps[1].startswith("policy:")
    assert any(step.startswith("mineral:") for step in steps)
    assert steps[-1].startswith("industry:jpn-")
    # Measures in force today, and the latest developments, newest first.
    page.wait_for_selector("#now-measures li")
    count = int(page.inner_text("#now-measures-count"))
    assert count == page.locator("#now-measures li").count() > 0
    dates = page.eval_on_selector_all("#now-latest li time", "ts => ts.map(t => t.dateTime)")
    assert dates
    assert dates == sorted(dates, reverse=True)
    # The record's health, from the audit.
    page.wait_for_selector("#now-health .record-ok")
    assert page.locator("#now-health .grade-counts li").count() == 5
    # The small charts: curated acts marked on the conflict series; the curated import share.
    page.wait_for_function(
        """() => (window.explorer.landing.dependenceChart.getOption()?.series?.[1]?.data?.length ?? 0) > 0
                 && (window.explorer.landing.conflictChart.getOption()?.series ?? [])
                      .some(s => s.type === "scatter" && s.data.length)"""
    )
    # A point of the dependence chart opens its sources, with links out.
    click_chart(
        page,
        "#now-dependence",
        "window.explorer.landing.dependenceChart",
        "(chart) => chart.convertToPixel({seriesIndex: 1}, chart.getOption().series[1].data[0].value)",
    )
    page.wait_for_selector("#now-evidence .sources a")
    assert "imports from China" in page.inner_text("#now-evidence h3")
    screenshot(page, "now")
    # A step of the chain opens that node's details and sources.
    mineral = next(step for step in steps if step.startswith("mineral:"))
    page.click(f'#now-chain .chain-step[data-id="{mineral}"]')
    page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).selected()", arg=mineral
    )
    page.wait_for_selector("#details:not([hidden]) .sources")
    assert page.get_attribute("#tab-graph", "aria-selected") == "true"
    assert session.errors == []
    assert session.off_host() == []


# --- the escalation timeline ------------------------------------------------------------------


def _chart_range(page: Page) -> list[int]:
    return page.evaluate("() => window.explorer.timeline.chart.range()")


@pytest.mark.browser
def test_a_brushed_timeline_narrows_the_list_and_a_month_only_fact_reads_as_its_month(
    session: Session, base_url: str
) -> None:
    page = open_view(session, base_url, "timeline")
    page.wait_for_selector("#timeline-list .tl-item")
    before = page.locator("#timeline-list .tl-item").count()
    # The month-only fact: drawn across November, labelled "Nov 2025", never as the 1st.
    drawn = page.evaluate(
        """id => window.explorer.timeline.chart.chart.getOption().series
                 .flatMap(s => s.data).find(d => d.id === id)""",
        MONTH_ONLY,
    )
    assert drawn["when"] == "Nov 2025"
    assert drawn["value"][:2] == [_ms(dt.date(2025, 11, 1)), _ms(dt.date(2025, 12, 1))]
    row = page.locator(f'#timeline-list .tl-item[data-id="{MONTH_ONLY}"] time')
    assert row.inner_text() == "Nov 2025"
    assert row.get_attribute("datetime") == "2025-11"
    # Lanes: the remark is Japan's; China's answer to it is China's.
    lanes = page.evaluate(
        "() => Object.fromEntries(window.explorer.timeline.items.map(i => [i.id, i.lane]))"
    )
    assert lanes[REMARK] == "japan"
    assert lanes["policy:cn-2026-01-dual-use-ban-japan"] == "china"
    # Brush November 2025: press "Brush a range", then drag across the chart.
    page.click("#tl-brush")
    assert page.get_attribute("#tl-brush", "aria-pressed") == "true"
    box = page.locator("#escalation-chart").bounding_box()
    assert box is not None
    ends = [
        page.evaluate(
            "ms => window.explorer.timeline.chart.chart.convertToPixel({xAxisIndex: 0}, ms)",
            _ms(day) + 43_200_000,
        )
        for day in NOVEMBER_2025
    ]
    middle = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + ends[0], middle)
    page.mouse.down()
    page.mouse.move(box["x"] + (ends[0] + ends[1]) / 2, middle + 20, steps=5)
    page.mouse.move(box["x"] + ends[1], middle + 40, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "n => document.querySelectorAll('#timeline-list .tl-item').length < n", arg=before
    )
    start, end = _chart_range(page)
    assert abs(start - _ms(NOVEMBER_2025[0])) < 3 * 86_400_000
    assert abs(end - _ms(NOVEMBER_2025[1])) < 3 * 86_400_000
    dates = page.eval_on_selector_all(
        "#timeline-list .tl-item time", "ts => ts.map(t => t.dateTime)"
    )
    assert dates
    assert all(d[:7] in {"2025-10", "2025-11", "2025-12"} for d in dates), dates
    assert page.locator(f'#timeline-list .tl-item[data-id="{REMARK}"]').count() == 1
    assert " acts between " in page.inner_text("#timeline-status")
    screenshot(page, "timeline-brushed")
    found = serious_violations(page, "#view-timeline")
    assert found == [], "\n".join(found)
    # Clicking the remark's bar opens its details.
    page.click("#tl-brush")  # brushing off, so a click is a click
    click_chart(
        page,
        "#escalation-chart",
        "window.explorer.timeline.chart",
        "(chart, id) => chart.pixelOf(id)",
        REMARK,
    )
    page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).selected()", arg=REMARK
    )
    assert session.errors == []
    assert session.off_host() == []


# --- analytics --------------------------------------------------------------------------------


def _bars(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => {
            const option = window.explorer.analytics.charts.exposure.getOption();
            return {
                industries: option.yAxis[0].data,
                series: option.series.map(s => ({name: s.name, data: s.data.map(d => d.value)})),
            };
        }"""
    )


@pytest.mark.browser
def test_a_what_if_changes_the_bars_and_the_tooltip_shows_the_formula(
    session: Session, base_url: str
) -> None:
    page = open_view(session, base_url, "analytics")
    page.wait_for_function(
        "() => document.querySelector('#an-exposure-status').textContent.startsWith('Exposure of')"
    )
    first = _bars(page)
    assert first["industries"]
    # Each bar is its minerals' contributions: rounded, summing to a score within 0..1.
    totals = [sum(s["data"][i] for s in first["series"]) for i in range(len(first["industries"]))]
    assert all(0 < total <= 1.0005 for total in totals), totals
    values = [v for s in first["series"] for v in s["data"]]
    assert all(round(v, 3) == v for v in values)
    # The tooltip shows the formula and each term.
    click_chart(
        page,
        "#an-exposure",
        "window.explorer.analytics.charts.exposure",
        """(chart) => {
            const data = chart.getOption().series[0].data;
            const i = data.findIndex(d => d.value > 0);
            return chart.convertToPixel({seriesIndex: 0}, [data[i].value / 2, i]);
        }""",
        hover=True,
    )
    page.wait_for_function(
        "() => document.querySelector('#an-exposure').innerText.includes('exposure(industry) = 1 − Π')"
    )
    tooltip = page.inner_text("#an-exposure")
    assert " × share " in tooltip
    assert "adds " in tooltip
    # What if China restricted gallium to Japan: the bars change, gallium is all they show.
    page.select_option("#an-restriction", "mineral:Ga")
    page.wait_for_function(
        "() => document.querySelector('#an-exposure-status').textContent.includes('if China restricted Gallium')"
    )
    second = _bars(page)
    assert second != first
    assert [s["name"] for s in second["series"]] == ["Gallium"]
    assert set(second["industries"]) < set(first["industries"]) | set(second["industries"])
    screenshot(page, "analytics")
    found = serious_violations(page, "#view-analytics")
    assert found == [], "\n".join(found)
    # Clicking a bar opens the industry's details.
    click_chart(
        page,
        "#an-exposure",
        "window.explorer.analytics.charts.exposure",
        "(chart) => chart.convertToPixel({seriesIndex: 0}, [chart.getOption().series[0].data[0].value / 2, 0])",
    )
    industry = page.evaluate(
        "() => window.explorer.analytics.charts.exposure.getOption().series[0].data[0].industry"
    )
    page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).selected()", arg=industry
    )
    assert session.errors == []
    assert session.off_host() == []


@pytest.mark.browser
def test_the_chart_views_have_no_serious_accessibility_violations(
    session: Session, base_url: str
) -> None:
    page = open_view(session, base_url, "")
    page.wait_for_selector("#now-chain .chain-step")
    page.wait_for_selector("#now-health .record-ok")
    found = serious_violations(page, "#view-now")
    page.click("#tab-timeline")
    page.wait_for_selector("#timeline-list .tl-item")
    found += serious_violations(page, "#view-timeline")
    page.click("#tab-analytics")
    page.wait_for_function(
        "() => document.querySelector('#an-exposure-status').textContent.startsWith('Exposure of')"
    )
    found += serious_violations(page, "#view-analytics")
    assert found == [], "\n".join(found)
    assert session.errors == []
    assert session.off_host() == []


# --- a flood of coded events ------------------------------------------------------------------


@pytest.fixture(scope="module")
def coded_world(graph_client: GraphClient) -> GraphClient:
    """The corpus and 101,000 coded events (tests/coded_events.py), for the class below."""
    return load_coded_world(graph_client)


class TestWithOneHundredThousandCodedEvents:
    """The same server, its database holding the corpus and 101,000 coded events."""

    @pytest.fixture
    def corpus_client(self, coded_world: GraphClient) -> GraphClient:
        """Overrides the corpus for these tests' sessions: the coded world stays loaded."""
        return coded_world

    @pytest.mark.browser
    def test_japans_neighbourhood_folds_its_coded_events_into_one_counted_node(
        self, session: Session, base_url: str
    ) -> None:
        page = open_view(session, base_url, "graph")
        page.evaluate("id => window.explorer.graph.load(id)", "country:JPN")
        fold = "fold:coded:country:JPN"
        page.wait_for_function(
            "id => !window.explorer.graph.cy.getElementById(id).empty()", arg=fold
        )
        label = page.evaluate(
            "id => window.explorer.graph.cy.getElementById(id).data('label')", arg=fold
        )
        # Counted up to the cap (#24), and the label says there are more.
        assert label == f"+{CODED_EVENTS_CAP:,}+ coded events"
        drawn = page.evaluate("() => window.explorer.graph.cy.nodes().map(n => n.id())")
        assert not [i for i in drawn if i.startswith(("event:gdelt-", "event:polecat-"))]
        assert session.errors == []

    @pytest.mark.browser
    def test_the_default_timeline_shows_the_november_2025_crisis(
        self, session: Session, base_url: str
    ) -> None:
        page = open_view(session, base_url, "timeline")
        page.wait_for_selector(f'#timeline-list .tl-item[data-id="{REMARK}"]')
        start, end = _chart_range(page)
        assert start <= _ms(NOVEMBER_2025[0])
        assert _ms(NOVEMBER_2025[1]) <= end
        listed = page.eval_on_selector_all(
            "#timeline-list .tl-item", "xs => xs.map(x => x.dataset.id)"
        )
        assert not [i for i in listed if i.startswith(("event:gdelt-", "event:polecat-"))]
        november = page.eval_on_selector_all(
            "#timeline-list .tl-item time", "ts => ts.map(t => t.dateTime)"
        )
        assert sum(d.startswith("2025-11") for d in november) >= 20
        # The coded events are a background of monthly counts, never rows.
        page.wait_for_function(
            """() => window.explorer.timeline.chart.chart.getOption().series
                     .some(s => s.id === "coded-events" && s.data.length)"""
        )
        background = page.evaluate(
            """() => window.explorer.timeline.chart.chart.getOption().series
                     .find(s => s.id === "coded-events").data.reduce((n, d) => n + d.events, 0)"""
        )
        assert 0 < background <= CODED + POLECAT
        # The timeline counts coded events only up to its cap, and says so.
        assert CODED + POLECAT > CODED_EVENTS_CAP
        status = page.inner_text("#timeline-status")
        assert f"more than {CODED_EVENTS_CAP} coded events" in status
        screenshot(page, "timeline-coded")
        assert session.errors == []
        assert session.off_host() == []
