// View 3: the escalation timeline (escalation.js) and, beside it, the same acts as an
// accessible list that follows the chart's range and says when it is capped. A click on an
// act, in the chart or the list, opens its details in the graph.

import { gql } from "./api.js";
import { DYAD_SERIES, conflictMonths, dayLabel, endOf, utc } from "./charts.js";
import { $, $$, badge, el, setStatus } from "./dom.js";
import { ESCALATION, EscalationChart, datetimeOf, sideVariables, withLanes } from "./escalation.js";
import { kindColour } from "./styles.js";
import { VOCABULARY } from "./vocabulary.js";

// The list shows at most this many acts of the chart's range; it says so when it cuts.
export const LIST_CAP = 200;

function itemSummary(item) {
  const text = item.summary || item.policySummary || item.eventSummary || "";
  return text.length > 220 ? `${text.slice(0, 218)}…` : text;
}

export class TimelineView {
  constructor(app) {
    this.app = app;
    this.loaded = false;
    this.items = [];
    this.answer = null;
    this.chart = null;
    this.pendingRange = null;
    this.allActs = null;
    // One box per act (statements, policies, events), all ticked.
    $("#tl-kinds").append(
      ...VOCABULARY.kinds
        .filter((kind) => kind.act)
        .map((kind) => el("label", {}, el("input", { type: "checkbox", name: "tl-kind", value: kind.name, checked: true }), ` ${kind.plural}`)),
    );
    $("#timeline-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.load();
    });
    $("#tl-brush").addEventListener("click", () => {
      const on = $("#tl-brush").getAttribute("aria-pressed") !== "true";
      $("#tl-brush").setAttribute("aria-pressed", String(on));
      this.chart?.brush(on);
    });
    $("#tl-reset").addEventListener("click", () => {
      const range = this.chart?.defaultRange();
      if (range) this.chart.zoomTo(...range);
    });
  }

  filters() {
    const kinds = $$('input[name="tl-kind"]:checked').map((box) => box.value);
    return {
      kinds: kinds.length ? kinds : null,
      from: $("#tl-from").value || null,
      to: $("#tl-to").value || null,
      countries: $("#tl-country").value ? [$("#tl-country").value] : null,
    };
  }

  async show() {
    if (!this.loaded) await this.load();
  }

  // Every curated act (no filters), for the charts that mark them.
  acts() {
    this.allActs ??= gql(ESCALATION, { ...sideVariables() }).then(({ timeline }) => timeline.items);
    return this.allActs;
  }

  // Open the timeline on one month ("2025-11").
  async showMonth(month) {
    const start = utc(`${month}-01`);
    const next = new Date(start);
    next.setUTCMonth(next.getUTCMonth() + 1);
    this.pendingRange = [start, next.getTime() - 1];
    this.app.go("timeline");
    if (this.loaded) this.applyPending();
  }

  applyPending() {
    if (!this.pendingRange || !this.chart) return;
    this.chart.zoomTo(...this.pendingRange);
    this.pendingRange = null;
  }

  async load() {
    const status = $("#timeline-status");
    const list = $("#timeline-list");
    const filters = this.filters();
    if (filters.from && filters.to && filters.from > filters.to) {
      setStatus(status, "“From” is after “To”.", "error");
      return;
    }
    if (!filters.kinds) {
      setStatus(status, "Tick at least one kind.", "error");
      list.replaceChildren();
      return;
    }
    setStatus(status, "Loading…");
    try {
      // Coded event data comes apart and later: the acts are drawn without waiting for it.
      const series = gql(DYAD_SERIES);
      const { timeline } = await gql(ESCALATION, { ...filters, ...sideVariables() });
      this.loaded = true;
      this.answer = timeline;
      this.items = await withLanes(timeline.items);
      this.chart ??= new EscalationChart($("#escalation-chart"), {
        onOpen: (id) => this.app.focusInGraph(id),
        onRange: (range) => this.showRange(range),
      });
      // A range typed in the form is the chart's window; otherwise the default one.
      const window = filters.from || filters.to
        ? [filters.from ? utc(filters.from) : Math.min(...this.items.map((i) => utc(i.when.earliest))),
           filters.to ? endOf(filters.to) - 1 : Math.max(...this.items.map((i) => endOf(i.when.latest)))]
        : null;
      this.chart.draw(this.items, this.items.length ? window : null);
      this.applyPending();
      series.then(
        ({ dyadSeries }) => this.chart.background(conflictMonths(dyadSeries).months),
        (err) => setStatus(status, `Could not load the coded event series: ${err.message}`, "error"),
      );
    } catch (err) {
      setStatus(status, `Could not load the timeline: ${err.message}`, "error");
    }
  }

  // The list and the status line for the chart's window [start, end].
  showRange([start, end]) {
    const inRange = this.items.filter((item) => endOf(item.when.latest) > start && utc(item.when.earliest) <= end);
    const shown = inRange.slice(0, LIST_CAP);
    const parts = [`${inRange.length} of ${this.items.length} act${this.items.length === 1 ? "" : "s"} between ${dayLabel(start)} and ${dayLabel(end)}`];
    if (inRange.length > LIST_CAP) parts.push(`the list shows the first ${LIST_CAP}: narrow the range to see the rest`);
    if (this.answer?.capped) parts.push(`the record holds ${this.answer.totalCount}, of which the first 1000 are loaded`);
    const coded = this.answer?.codedEvents ?? 0;
    if (coded) parts.push(`${coded} coded event${coded === 1 ? "" : "s"} (GDELT, POLECAT) drawn as monthly counts behind the lanes, not listed`);
    setStatus($("#timeline-status"), `${parts.join("; ")}.`);
    $("#timeline-list").replaceChildren(...this.render(shown));
    $("#timeline-list").dataset.capped = String(inRange.length > LIST_CAP);
  }

  render(items) {
    const out = [];
    let year = null;
    for (const item of items) {
      const itemYear = item.when.earliest.slice(0, 4);
      if (itemYear !== year) {
        year = itemYear;
        out.push(el("li", { class: "year", "aria-hidden": "true" }, year));
      }
      const marker = el("span", { class: "dot", "aria-hidden": "true" });
      marker.style.background = kindColour(item.kind);
      out.push(
        el(
          "li",
          { class: "tl-item", dataset: { id: item.id, kind: item.kind } },
          marker,
          el("time", { datetime: datetimeOf(item.when) }, item.when.display),
          el(
            "div",
            { class: "tl-body" },
            el(
              "button",
              {
                type: "button",
                class: "tl-open",
                dataset: { id: item.id },
                title: "Show in the graph",
                onclick: () => this.app.focusInGraph(item.id),
              },
              badge(item.kind),
              " ",
              item.name,
            ),
            itemSummary(item) ? el("p", {}, itemSummary(item)) : null,
          ),
        ),
      );
    }
    if (!items.length) out.push(el("li", { class: "muted" }, "Nothing in that range."));
    return out;
  }
}
