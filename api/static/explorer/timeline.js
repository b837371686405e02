// View 3: the dyad's statements, policies and events in date order; a click focuses the graph.

import { TIMELINE, gql } from "./api.js";
import { $, $$, badge, el, setStatus } from "./dom.js";
import { kindColour } from "./styles.js";
import { VOCABULARY } from "./vocabulary.js";

function itemDate(item) {
  return item.date || item.announced || "";
}

function itemSummary(item) {
  const text = item.summary || item.policySummary || item.eventSummary || "";
  return text.length > 220 ? `${text.slice(0, 218)}…` : text;
}

export class TimelineView {
  constructor(app) {
    this.app = app;
    this.loaded = false;
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
      const { timeline } = await gql(TIMELINE, filters);
      this.loaded = true;
      const shown = timeline.items.length;
      const capped = timeline.capped ? ` (the first ${shown} of ${timeline.totalCount})` : "";
      const coded = timeline.codedEvents
        ? `; ${timeline.codedEvents} coded event${timeline.codedEvents === 1 ? "" : "s"} (GDELT, POLECAT) left out`
        : "";
      setStatus(status, `${shown} item${shown === 1 ? "" : "s"} in date order${capped}${coded}.`);
      list.replaceChildren(...this.render(timeline.items));
    } catch (err) {
      setStatus(status, `Could not load the timeline: ${err.message}`, "error");
    }
  }

  render(items) {
    const out = [];
    let year = null;
    for (const item of items) {
      const date = itemDate(item);
      const itemYear = date.slice(0, 4);
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
          el("time", { datetime: date }, date),
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
