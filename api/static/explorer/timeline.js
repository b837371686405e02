// View 3: the escalation timeline (escalation.js) and, beside it, the same acts as an
// accessible list that follows the chart's range and says when it is capped. A click on an
// act, in the chart or the list, opens its details in the graph.
//
// The address keeps the filters (tl.from, tl.to, tl.kinds when not all, tl.country) and the
// chart's window (tl.start, tl.end: the first and last day shown), so a shared link opens the
// same range and Back returns to the one before.

import * as address from "./address.js";
import { gql } from "./api.js";
import { DYAD_SERIES, conflictMonths, dayLabel, endOf, utc } from "./charts.js";
import { $, $$, badge, el, setStatus } from "./dom.js";
import { ESCALATION, EscalationChart, datetimeOf, sideVariables, withLanes } from "./escalation.js";
import { kindColour } from "./styles.js";
import { VOCABULARY } from "./vocabulary.js";

// The list shows at most this many acts of the chart's range; it says so when it cuts.
export const LIST_CAP = 200;
// The reader's zooming settles this long before the address records its window.
const SETTLE_MS = 250;

const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

function itemSummary(item) {
  const text = item.summary || item.policySummary || item.eventSummary || "";
  return text.length > 220 ? `${text.slice(0, 218)}…` : text;
}

// Drawn: an event on the chart and a performance mark, which a bench or a test waits for.
function drawn(name, detail) {
  performance.mark(name, { detail });
  $("#escalation-chart").dispatchEvent(new CustomEvent(name, { detail }));
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
      this.submit();
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

  // Shown: restore(state), which the app calls next with the address, loads what it says.
  show() {}

  // The filters as address keys (all kinds ticked: no key).
  filterKeys() {
    const boxes = $$('input[name="tl-kind"]');
    const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
    return {
      "tl.from": $("#tl-from").value,
      "tl.to": $("#tl-to").value,
      "tl.kinds": ticked.length === boxes.length ? "" : ticked.join(","),
      "tl.country": $("#tl-country").value,
    };
  }

  // "Filter": a step in the history; a new filter shows its own window.
  submit() {
    address.set({ view: "timeline", ...this.filterKeys(), "tl.start": null, "tl.end": null });
    this.pendingRange = null;
    this.load();
  }

  // A shared address, Back or Forward: the form and the window it says.
  restore(state) {
    clearTimeout(this.settle);
    const kinds = state["tl.kinds"] ? state["tl.kinds"].split(",") : null;
    for (const box of $$('input[name="tl-kind"]')) box.checked = !kinds || kinds.includes(box.value);
    $("#tl-from").value = state["tl.from"] ?? "";
    $("#tl-to").value = state["tl.to"] ?? "";
    $("#tl-country").value = state["tl.country"] ?? "";
    const asked = state["tl.start"] && state["tl.end"] ? [utc(state["tl.start"]), endOf(state["tl.end"]) - 1] : null;
    if (!this.loaded || JSON.stringify(this.filterKeys()) !== this.loadedKey) {
      this.pendingRange = asked;
      return this.load();
    }
    const range = asked ?? this.formWindow(this.filters()) ?? this.chart?.defaultRange();
    if (range) this.chart.zoomTo(...range, { quiet: true });
    return null;
  }

  // The reader zoomed (wheel, slider, brush, a button): once it settles, the address keeps it.
  zoomed([start, end]) {
    clearTimeout(this.settle);
    this.settle = setTimeout(() => address.set({ view: "timeline", "tl.start": dayOf(start), "tl.end": dayOf(end) }), SETTLE_MS);
  }

  // The window a range typed in the form asks for (null: none typed).
  formWindow(filters) {
    if (!filters.from && !filters.to) return null;
    return [
      filters.from ? utc(filters.from) : Math.min(...this.items.map((i) => utc(i.when.earliest))),
      filters.to ? endOf(filters.to) - 1 : Math.max(...this.items.map((i) => endOf(i.when.latest))),
    ];
  }

  // Every curated act (no filters), for the charts that mark them.
  acts() {
    this.allActs ??= gql(ESCALATION, { ...sideVariables() }).then(({ timeline }) => timeline.items);
    return this.allActs;
  }

  // Open the timeline on one month ("2025-11"): a step in the history, like a brush.
  showMonth(month) {
    const start = utc(`${month}-01`);
    const next = new Date(start);
    next.setUTCMonth(next.getUTCMonth() + 1);
    address.set({ view: "timeline", "tl.start": dayOf(start), "tl.end": dayOf(next.getTime() - 1) });
    this.app.show("timeline");
  }

  applyPending() {
    if (!this.pendingRange || !this.chart) return;
    this.chart.zoomTo(...this.pendingRange, { quiet: true });
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
    const ticket = (this.ticket = (this.ticket || 0) + 1);
    this.loadedKey = JSON.stringify(this.filterKeys());
    try {
      // Coded event data comes apart and later: the acts are drawn without waiting for it.
      const series = gql(DYAD_SERIES);
      const { timeline } = await gql(ESCALATION, { ...filters, ...sideVariables() });
      const items = await withLanes(timeline.items);
      if (ticket !== this.ticket) return; // a newer load (other filters) was asked for
      this.loaded = true;
      this.answer = timeline;
      this.items = items;
      this.chart ??= new EscalationChart($("#escalation-chart"), {
        onOpen: (id) => this.app.focusInGraph(id),
        onRange: (range) => this.showRange(range),
        onZoom: (range) => this.zoomed(range),
      });
      // A range typed in the form is the chart's window; otherwise the default one.
      this.chart.draw(this.items, this.items.length ? this.formWindow(filters) : null);
      this.applyPending();
      drawn("timeline:drawn", { acts: this.items.length });
      series.then(
        ({ dyadSeries }) => {
          if (ticket !== this.ticket) return;
          this.chart.background(conflictMonths(dyadSeries).months);
          drawn("timeline:background", { months: dyadSeries.length });
        },
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
    const more = this.answer?.codedEventsIsExact === false ? "more than " : "";
    if (coded) parts.push(`${more}${coded} coded event${coded === 1 ? "" : "s"} (GDELT, POLECAT) drawn as monthly counts behind the lanes, not listed`);
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
