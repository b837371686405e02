// View 1: the graph. Search any node, draw its neighbourhood, expand, read the evidence.

import * as address from "./address.js";
import { NEIGHBOURHOOD, NODE, SEARCH, SOURCES, gql } from "./api.js";
import { briefButtons, nodeBrief } from "./brief.js";
import { $, badge, el, externalLink, formatConfidence, setStatus, sourceList, statusTag } from "./dom.js";
import { foldNeighbourhood, foldDetails } from "./fold.js";
import { sidedLayout, sideAnchors } from "./layout.js";
import { graphStyle, normaliseEdge, normaliseNode, fitGraph, followZoom } from "./styles.js";
import { kindOf, relationOf } from "./vocabulary.js";

// Causal chains are traced from the acts: statements, policies and events.
const isCausalStart = (kind) => Boolean(kindOf(kind)?.act);
// On a phone the page is one column: what the reader tapped is scrolled into view.
const narrow = () => window.matchMedia("(max-width: 860px)").matches;
const PHONE_ZOOM = 0.42;

export class GraphView {
  constructor(app) {
    this.app = app;
    this.cy = cytoscape({
      container: $("#graph-cy"),
      style: graphStyle(),
      minZoom: 0.15,
      maxZoom: 3,
    });
    this.selectedId = null;
    this.hidden = new Map(); // what each "+N more" node holds back
    this.bind();
    this.updateEmpty();
  }

  bind() {
    $("#search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.search($("#search-input").value.trim());
    });
    $("#graph-fit").addEventListener("click", () => fitGraph(this.cy, 30));
    $("#graph-clear").addEventListener("click", () => {
      this.cy.elements().remove();
      this.focusId = null;
      this.closeDetails();
      this.updateEmpty();
    });
    $("#graph-expand").addEventListener("click", () => {
      if (this.selectedId) this.load(this.selectedId, { keep: true });
    });
    this.cy.on("tap", "node", (event) => {
      if (event.target.data("fold")) this.openFold(event.target);
      else this.select(event.target.id(), { record: true });
    });
    this.cy.on("dbltap", "node", (event) => {
      if (!event.target.data("fold")) this.load(event.target.id(), { keep: true });
    });
    this.cy.on("tap", "edge", (event) => this.showEdge(event.target.data()));
    // An edge names its relation while the pointer is on it, and every edge does when zoomed in.
    this.cy.on("mouseover", "edge", (event) => event.target.addClass("hover"));
    this.cy.on("mouseout", "edge", (event) => event.target.removeClass("hover"));
    followZoom(this.cy);
    this.cy.on("mouseover", "node", (event) => {
      const edges = event.target.connectedEdges();
      if (edges.length <= 12) edges.addClass("near");
    });
    this.cy.on("mouseout", "node", (event) => {
      event.target.connectedEdges().removeClass("near");
      const edges = this.cy.nodes(":selected").connectedEdges();
      if (edges.length <= 12) edges.addClass("near");
    });
  }

  updateEmpty() {
    $("#graph-empty").hidden = this.cy.nodes().length > 0;
  }

  async search(text) {
    const status = $("#search-status");
    const list = $("#search-results");
    list.replaceChildren();
    if (!text) {
      setStatus(status, "Type a name, e.g. Takaichi.");
      return;
    }
    setStatus(status, "Searching…");
    try {
      const data = await gql(SEARCH, { text, kinds: null, first: 30 });
      const hits = data.search.edges;
      const found = `${hits.length}${data.search.capped ? "+" : ""} found for “${text}”`;
      setStatus(status, hits.length ? found : `Nothing found for “${text}”.`);
      for (const hit of hits) list.append(this.resultItem(hit.node));
    } catch (err) {
      setStatus(status, `Search failed: ${err.message}`, "error");
    }
  }

  resultItem(node) {
    const date = node.date || node.announced || "";
    const open = el(
      "button",
      { type: "button", class: "result", dataset: { id: node.id }, onclick: () => this.open(node.id) },
      badge(node.kind),
      el("span", { class: "result-name" }, node.name),
      date ? el("span", { class: "result-date" }, date) : null,
    );
    const chains = isCausalStart(node.kind)
      ? el(
          "button",
          {
            type: "button",
            class: "result-chains",
            dataset: { id: node.id },
            "aria-label": `Trace causal chains from ${node.name}`,
            onclick: () => this.app.openChains(node.id, node.name),
          },
          "chains →",
        )
      : null;
    return el("li", {}, open, chains);
  }

  // A search result tapped: draw it, and on a phone bring the drawing into view.
  open(id) {
    const loading = this.load(id);
    if (narrow()) $("#graph-cy").closest(".canvas-wrap").scrollIntoView({ block: "start" });
    return loading;
  }

  // Back, Forward or a shared address: draw the node it names, unless it is drawn already.
  restore(state) {
    if (state.node && state.node !== this.focusId && state.node !== this.selectedId) {
      this.load(state.node, { record: false });
    } else if (state.node && state.node === this.selectedId && state.node !== this.focusId) {
      this.select(state.node);
    }
  }

  // A folded node tapped: its coded events explained, or its neighbours drawn.
  openFold(node) {
    const fold = node.data("fold");
    if (fold === "more") {
      const hidden = this.hidden.get(node.id()) || [];
      node.remove();
      this.cy.add(hidden.filter((item) => this.cy.getElementById(item.data.id).empty()));
      sidedLayout(this.cy, { focus: this.focusId, keep: true });
      fitGraph(this.cy, 30);
      return;
    }
    const body = this.openDetails(node.data("label"));
    body.replaceChildren(...foldDetails(node.data()));
  }

  // Draw a node's neighbourhood (replacing the graph unless keep) and open its details.
  // `record` (the default) makes it a step in the address's history: Back returns.
  async load(id, { keep = false, quiet = false, record = true } = {}) {
    // A slower, older load must not overwrite what the user asked for since.
    const ticket = (this.ticket = (this.ticket || 0) + 1);
    // Closing the details while this loads (Escape, ×) keeps them closed when it lands.
    const closes = this.closes || 0;
    try {
      if (record) address.set({ view: "graph", node: id });
      const [data, sides] = await Promise.all([gql(NEIGHBOURHOOD, { id, depth: 1, limit: 100 }), sideAnchors(this.cy)]);
      if (ticket !== this.ticket) return;
      const hood = data.neighbourhood;
      if (!keep) this.cy.elements().remove();
      const nodes = hood.nodes.map((node) => normaliseNode(node.data));
      const edges = hood.edges.map((edge) => normaliseEdge(edge.data));
      const drawn = (item) => !this.cy.getElementById(item.id).empty();
      // Causal neighbours first; the rest past a readable number, and coded events, folded.
      const fold = foldNeighbourhood(id, nodes, edges, {
        drawn, codedEvents: hood.codedEvents, codedExact: hood.codedEventsIsExact,
      });
      const details = closes === (this.closes || 0);
      if (details) $("#details").hidden = false; // open first, so the drawing fits the canvas left
      this.cy.resize();
      if (!keep) this.hidden = new Map();
      for (const [key, value] of fold.hidden) this.hidden.set(key, value);
      this.cy.add(fold.elements);
      this.cy.add(sides.filter((item) => this.cy.getElementById(item.data.id).empty()));
      this.cy.nodes().removeClass("focus");
      this.cy.getElementById(id).addClass("focus");
      this.focusId = id;
      sidedLayout(this.cy, { focus: id, keep });
      fitGraph(this.cy, 30);
      // On a phone a whole ring is too small to read: start near the focus instead (labels
      // about 12 px); the reader pans and pinches for the rest.
      if (narrow() && this.cy.zoom() < PHONE_ZOOM) {
        this.cy.zoom(PHONE_ZOOM);
        this.cy.center(this.cy.getElementById(id));
      }
      this.updateEmpty();
      await this.select(id, { details });
    } catch (err) {
      if (!quiet) this.app.fail(`Could not draw ${id}: ${err.message}`);
    }
  }

  async select(id, { details = true, record = false } = {}) {
    this.selectedId = id;
    // A node picked in the drawing is the one a shared address opens (this entry, not a new one).
    if (record) address.set({ node: id }, { replace: true });
    $("#graph-expand").disabled = false;
    this.cy.elements().unselect();
    this.cy.edges().removeClass("near");
    const edges = this.cy.getElementById(id).select().connectedEdges();
    // Relation names along the selected node's edges, when there are few enough to read.
    if (edges.length <= 12) edges.addClass("near");
    if (details) await this.showNode(id);
  }

  openDetails(title) {
    const panel = $("#details");
    $("#details-title").textContent = title;
    panel.hidden = false;
    return $("#details-body");
  }

  closeDetails() {
    // A node still loading must not open the panel again once the reader has closed it.
    this.detailsFor = null;
    this.closes = (this.closes || 0) + 1;
    $("#details").hidden = true;
  }

  async showNode(id) {
    this.detailsFor = id;
    const body = this.openDetails("Loading…");
    body.replaceChildren(el("p", { class: "muted" }, "Loading…"));
    try {
      const { node } = await gql(NODE, { id });
      if (this.detailsFor !== id) return; // another node was chosen, or the panel closed
      this.openDetails(node.name);
      body.replaceChildren(...this.nodeDetails(node));
    } catch (err) {
      body.replaceChildren(el("p", { class: "error" }, `Could not load ${id}: ${err.message}`));
    }
  }

  nodeDetails(node) {
    const skip = new Set(["__typename", "id", "kind", "name", "aliases", "sources", "relations", "status"]);
    const rows = Object.entries(node)
      .filter(([key, value]) => !skip.has(key) && value !== null && value !== "" && !(Array.isArray(value) && !value.length))
      .map(([key, value]) =>
        el("tr", {}, el("th", { scope: "row" }, prettyKey(key)), el("td", {}, propValue(key, value))),
      );
    const actions = el(
      "div",
      { class: "actions" },
      el("button", { type: "button", onclick: () => this.load(node.id, { keep: true }) }, "Expand neighbourhood"),
      isCausalStart(node.kind)
        ? el(
            "button",
            { type: "button", class: "primary", dataset: { chainsFrom: node.id }, onclick: () => this.app.openChains(node.id, node.name) },
            "Trace causal chains",
          )
        : null,
      briefButtons(() => nodeBrief(node, { cy: this.cy, address: location.href }), { id: "node-brief" }),
    );
    return [
      el("p", { class: "meta" }, badge(node.kind), " ", el("code", {}, node.id), node.status ? statusTag(node.status) : null),
      node.aliases.length ? el("p", { class: "aliases" }, "Also: ", node.aliases.join("; ")) : null,
      actions,
      rows.length ? el("table", { class: "props" }, el("tbody", {}, rows)) : null,
      el("h3", {}, `Sources (${node.sources.length})`),
      sourceList(node.sources),
      el("h3", {}, `Relations (${node.relations.length})`),
      this.relationList(node.relations),
    ].filter(Boolean);
  }

  relationList(relations) {
    if (!relations.length) return el("p", { class: "muted" }, "None.");
    return el(
      "ul",
      { class: "relations" },
      relations.map((r) =>
        el(
          "li",
          {},
          el("span", { class: "rel" }, `${r.direction === "IN" ? "←" : "→"} ${relationOf(r.type)?.title ?? r.type}`),
          " ",
          el("button", { type: "button", class: "link", onclick: () => this.load(r.other.id, { keep: true }) }, r.other.name),
          statusTag(r.status, formatConfidence(r.confidence)),
        ),
      ),
    );
  }

  async showEdge(data) {
    const source = this.cy.getElementById(data.source).data("label") || data.source;
    const target = this.cy.getElementById(data.target).data("label") || data.target;
    const body = this.openDetails(`${data.label}`);
    const head = [
      el("p", { class: "edge-line" }, el("strong", {}, source), ` — ${data.label} → `, el("strong", {}, target)),
      el("p", { class: "meta" }, statusTag(data.status), ` confidence ${formatConfidence(data.confidence)}`),
      el("h3", {}, "Sources"),
    ];
    body.replaceChildren(...head, el("p", { class: "muted" }, "Loading…"));
    this.detailsFor = data.id;
    try {
      const ids = data.sources || [];
      const found = ids.length ? (await gql(SOURCES, { ids })).nodes.filter(Boolean) : []; // null: unknown id
      if (this.detailsFor !== data.id) return;
      body.replaceChildren(...head, sourceList(found));
    } catch (err) {
      body.replaceChildren(...head, el("p", { class: "error" }, err.message));
    }
  }
}

function prettyKey(key) {
  const words = key.replace(/^(event|policy|source)(?=[A-Z])/, "").replace(/([A-Z])/g, " $1");
  return words.trim().toLowerCase();
}

function propValue(key, value) {
  if (key === "url") return externalLink(value, value);
  if (key === "quote") return el("q", {}, value);
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}
