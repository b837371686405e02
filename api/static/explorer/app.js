// The explorer: eight views (the dyad now, graph, causal chains, timeline, analytics, supply map,
// Cypher, review)
// behind tabs, exports, keyboard handling. Everything it loads comes from this app.

import * as address from "./address.js";
import { ChainView } from "./chainview.js";
import { AnalyticsView } from "./charts.js";
import { $, $$, el, toast } from "./dom.js";
import { exportGraphML, exportJson, exportPng } from "./export.js";
import { GraphView } from "./graphview.js";
import { LandingView } from "./landing.js";
import { MapView } from "./map.js";
import { renderLegend } from "./legend.js";
import { RecordPanel } from "./record.js";
import { ReviewView } from "./review.js";
import { TimelineView } from "./timeline.js";
import { fitGraph } from "./styles.js";
import { loadVocabulary } from "./vocabulary.js";
import { Workbench } from "./workbench.js";

const VIEWS = ["now", "graph", "chains", "timeline", "analytics", "map", "cypher", "review"];
// Where a first visit starts: Takaichi's Diet answer of 7 November 2025.
const START = { id: "statement:takaichi-2025-11-07-diet", name: "Takaichi's Diet answer on a Taiwan contingency" };

class Explorer {
  constructor() {
    this.errors = [];
    renderLegend($("#legend-body"));
    this.graph = new GraphView(this);
    this.chains = new ChainView(this);
    this.timeline = new TimelineView(this);
    this.workbench = new Workbench(this);
    this.landing = new LandingView(this, START);
    this.analytics = new AnalyticsView(this);
    this.map = new MapView(this);
    this.review = new ReviewView(this);
    this.graphStarted = false;
    this.record = new RecordPanel($("#record"), $("#record-body"));
    this.view = null;
    this.bindTabs();
    this.bindKeys();
    this.bindExports();
    this.addExample();
    // Back, Forward or an edited address: show its tab, and let that view restore itself.
    address.subscribe(() => this.show(this.viewFromAddress()));
    this.show(this.viewFromAddress());
  }

  viewFromAddress() {
    const name = address.get("view");
    return VIEWS.includes(name) ? name : "now";
  }

  bindTabs() {
    const tabs = $$('[role="tab"]');
    for (const tab of tabs) {
      tab.addEventListener("click", () => this.go(tab.dataset.view));
      tab.addEventListener("keydown", (event) => {
        const i = tabs.indexOf(tab);
        const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        const target = tabs[(next + tabs.length) % tabs.length];
        target.focus();
        this.go(target.dataset.view);
      });
    }
  }

  // Open a tab as the reader's own step: a new entry in the history, so Back returns.
  go(view) {
    address.set({ view });
    this.show(view);
  }

  show(view, { restore = true } = {}) {
    this.view = view;
    for (const name of VIEWS) {
      const tab = $(`#tab-${name}`);
      const on = name === view;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      $(`#view-${name}`).hidden = !on;
    }
    const cy = this.currentCy();
    for (const button of $$(".exports button")) button.disabled = !cy;
    if (cy) {
      cy.resize();
      if (cy.elements().length) fitGraph(cy, 30);
    }
    // The graph opens on the remark the first time it is shown empty.
    if (view === "graph" && !this.graphStarted) {
      this.graphStarted = true;
      if (!address.get("node")) this.graph.load(START.id, { quiet: true, record: false });
    }
    if (view === "now") this.landing.show();
    if (view === "analytics") this.analytics.show();
    if (view === "timeline") this.timeline.show();
    if (view === "map") this.map.show();
    if (view === "cypher") this.workbench.show();
    if (view === "review") this.review.show();
    // Each view brings itself in line with the address (a shared link, Back, Forward).
    if (!restore) return;
    const state = address.get();
    ({ graph: this.graph, chains: this.chains, timeline: this.timeline, map: this.map, cypher: this.workbench, review: this.review })[view]?.restore?.(state);
  }

  currentCy() {
    return { graph: this.graph.cy, chains: this.chains.cy, cypher: this.workbench.cy }[this.view] || null;
  }

  bindKeys() {
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        const panel = this.view === "graph" ? $("#details") : this.view === "chains" ? $("#chain-panel") : null;
        if (panel && !panel.hidden) {
          if (this.view === "graph") this.graph.closeDetails();
          else panel.hidden = true;
          const back = this.view === "graph" ? $("#search-input") : $("#chain-start-input");
          back.focus();
          event.preventDefault();
        }
        return;
      }
      const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement?.tagName);
      if (event.key === "/" && !typing) {
        event.preventDefault();
        const input = this.view === "chains" ? $("#chain-start-input") : $("#search-input");
        if (this.view !== "chains") this.go("graph");
        input.focus();
      }
    });
    for (const button of $$("[data-close]")) {
      button.addEventListener("click", () => {
        if (button.dataset.close === "details") this.graph.closeDetails();
        else $(`#${button.dataset.close}`).hidden = true;
      });
    }
  }

  bindExports() {
    const run = (fn) => () => {
      const cy = this.currentCy();
      if (!cy || !cy.elements().length) {
        toast("Nothing drawn in this view to export yet.");
        return;
      }
      fn(cy, `dyad-${this.view}`);
    };
    $("#export-png").addEventListener("click", run(exportPng));
    $("#export-json").addEventListener("click", run(exportJson));
    $("#export-graphml").addEventListener("click", run(exportGraphML));
  }

  addExample() {
    const button = el(
      "button",
      { type: "button", class: "link example", onclick: () => this.chains.runExample(START.id, START.name) },
      "Example: Takaichi’s Taiwan remark (7 Nov 2025)",
    );
    $("#chain-start-form").after(el("p", { class: "help" }, button));
  }

  // Each of these records one history entry: the tab and the view's state together.
  openChains(id, name) {
    this.show("chains", { restore: false });
    this.chains.setStart(id, name, true);
  }

  async focusInGraph(id) {
    this.graphStarted = true;
    this.show("graph", { restore: false });
    await this.graph.load(id);
  }

  openRecord() {
    this.go("graph");
    $("#record").open = true;
    $("#record").scrollIntoView({ block: "nearest" });
  }

  fail(message) {
    this.errors.push(message);
    toast(message);
  }
}

// Everything the page draws comes from the vocabulary: load it, then start.
loadVocabulary().then(
  () => {
    window.explorer = new Explorer();
  },
  (err) => {
    toast(err.message);
    throw err;
  },
);
