// View 2: causal chains from a statement, policy or event, drawn left to right, ranked,
// every step with its evidence.

import * as address from "./address.js";
import { CHAINS, gql } from "./api.js";
import { briefButtons, chainBrief } from "./brief.js";
import { $, badge, el, formatConfidence, setStatus, sourceList, statusTag } from "./dom.js";
import { chainStyle, kindKey, fitGraph, statusKey } from "./styles.js";
import { VOCABULARY, relationOf } from "./vocabulary.js";

// Chains start from an act (statement, policy, event) and end at a kind effect can reach.
const starts = () => VOCABULARY.kinds.filter((kind) => kind.act);
const ends = () => VOCABULARY.kinds.filter((kind) => kind.effect);
const startsPhrase = () => oneOf(starts().map((kind) => kind.title)); // "statement, policy or event"
const LAYOUT = { name: "dagre", rankDir: "LR", nodeSep: 18, rankSep: 80, edgeSep: 10, padding: 16, fit: true };

// Possible starts with what each set off: its causal relations in the direction effect flows.
export const STARTS = `query Starts($text: String!, $kinds: [NodeKind!], $first: Int!) {
  search(text: $text, kinds: $kinds, first: $first) {
    edges { score node { id kind name ... on Statement { date } ... on Policy { announced } ... on Event { date }
      relations(causalOnly: true, first: 100) { type direction } } }
  }
}`;
export const NAME = `query Name($id: ID!) { node(id: $id) { id name } }`;

// How many effects an act set off: relations that run from it as cause.
export function consequences(node) {
  return (node.relations || []).filter((r) => {
    const causal = relationOf(r.type)?.causal;
    return (causal === "forward" && r.direction === "OUT") || (causal === "backward" && r.direction === "IN");
  }).length;
}

// The address keys of the chain form, and the form's field for each.
const FIELDS = {
  "chain.from": "#chain-start-id",
  "chain.kind": "#chain-kind",
  "chain.country": "#chain-country",
  "chain.hops": "#chain-hops",
  "chain.conf": "#chain-conf",
  "chain.first": "#chain-first",
  "chain.asof": "#chain-asof",
};

function oneOf(words) {
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words.join("");
}

// A step as it reads from cause to effect: "provoked", or "needed by" against the arrow.
export function stepLabel(step) {
  const rel = relationOf(step.relation);
  const title = rel?.title ?? step.relation;
  return step.forward ? title : rel?.reversed ?? `${title} (reversed)`;
}

function shortLabel(name) {
  return name.length > 64 ? `${name.slice(0, 62)}…` : name;
}

export class ChainView {
  constructor(app) {
    this.app = app;
    this.cy = cytoscape({
      container: $("#chain-cy"),
      style: chainStyle(),
      minZoom: 0.1,
      maxZoom: 2.5,
      autoungrabify: false,
    });
    this.chains = [];
    this.renderForm();
    this.bind();
    // "Export brief" for the chains drawn, with the address that draws them again.
    $("#chain-panel .panel-head").after(
      briefButtons(() => (this.chains.length ? chainBrief(this.chains, { cy: this.cy, address: location.href, label: stepLabel }) : null), { id: "chain-brief" }),
    );
  }

  renderForm() {
    $("#chain-start-kinds").textContent = `a ${startsPhrase()}`;
    $("#chain-kind").replaceChildren(
      el("option", { value: "" }, "any"),
      ...ends().map((kind) => el("option", { value: kind.name, selected: kind.chainDefault }, kind.title)),
    );
  }

  bind() {
    $("#chain-start-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.findStarts($("#chain-start-input").value.trim());
    });
    $("#chain-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.run();
    });
    $("#chain-fit").addEventListener("click", () => fitGraph(this.cy, 24));
    this.cy.on("tap", "node", (event) => this.highlightNode(event.target.id()));
    this.cy.on("tap", (event) => {
      if (event.target === this.cy) this.clearHighlight();
    });
  }

  async findStarts(text) {
    const list = $("#chain-start-results");
    list.replaceChildren();
    if (!text) return;
    const status = $("#chain-status");
    try {
      const data = await gql(STARTS, { text, kinds: starts().map((kind) => kind.name), first: 30 });
      // A start is worth what it set off: the acts with most effects first, then as search ranks.
      const found = data.search.edges
        .map(({ node }, i) => ({ node, i, effects: consequences(node) }))
        .sort((a, b) => b.effects - a.effects || a.i - b.i)
        .slice(0, 20);
      setStatus(status, found.length ? "Pick a starting point (what set off most first)." : `No ${startsPhrase()} matches “${text}”.`);
      for (const { node, effects } of found) {
        list.append(
          el(
            "li",
            {},
            el(
              "button",
              { type: "button", class: "result", dataset: { id: node.id }, onclick: () => this.setStart(node.id, node.name, true) },
              badge(node.kind),
              el("span", { class: "result-name" }, node.name),
              el("span", { class: "result-date" }, [node.date || node.announced || "", effects ? `set off ${effects}` : ""].filter(Boolean).join(" · ")),
            ),
          ),
        );
      }
    } catch (err) {
      setStatus(status, `Search failed: ${err.message}`, "error");
    }
  }

  // The chain the README shows: from the start to Japanese industries, up to 6 hops, the top 5.
  runExample(id, name) {
    $("#chain-kind").value = ends().find((kind) => kind.chainDefault)?.name ?? "";
    $("#chain-country").value = "country:JPN";
    $("#chain-hops").value = "6";
    $("#chain-first").value = "5";
    $("#chain-conf").value = "0";
    $("#chain-asof").value = "";
    this.setStart(id, name, true);
  }

  // A shared address or Back/Forward: fill the form from it and trace, unless already drawn.
  async restore(state) {
    const from = state["chain.from"];
    if (!from) {
      // Back to before any chain was traced: an empty view again.
      if (this.drawnKey) this.reset();
      return;
    }
    const key = Object.keys(FIELDS).map((k) => state[k] ?? "").join("|");
    if (key === this.drawnKey) return;
    for (const [k, selector] of Object.entries(FIELDS)) {
      if (k !== "chain.from") $(selector).value = state[k] ?? ""; // empty: "any", or the default
    }
    this.drawnKey = key;
    let name = from;
    try {
      name = (await gql(NAME, { id: from })).node?.name ?? from;
    } catch {
      // the id stays the name shown
    }
    this.setStart(from, name, true);
  }

  reset() {
    this.drawnKey = null;
    this.ticket = (this.ticket || 0) + 1;
    this.chains = [];
    this.cy.elements().remove();
    $("#chain-list").replaceChildren();
    $("#chain-panel").hidden = true;
    $("#chain-empty").hidden = false;
    $("#chain-start-id").value = "";
    $("#chain-start-name").textContent = "none chosen";
    setStatus($("#chain-status"), "");
  }

  setStart(id, name, run = false) {
    $("#chain-start-id").value = id;
    $("#chain-start-name").textContent = name;
    $("#chain-start-results").replaceChildren();
    if (run) this.run();
  }

  params() {
    const number = (sel, fallback) => {
      const value = Number($(sel).value);
      return Number.isFinite(value) && $(sel).value !== "" ? value : fallback;
    };
    return {
      from: $("#chain-start-id").value,
      toKind: $("#chain-kind").value || null,
      toCountry: $("#chain-country").value || null,
      maxHops: Math.min(6, Math.max(1, Math.round(number("#chain-hops", 4)))),
      minConfidence: Math.min(1, Math.max(0, number("#chain-conf", 0))),
      asOf: $("#chain-asof").value || null,
      first: Math.min(50, Math.max(1, Math.round(number("#chain-first", 10)))),
    };
  }

  async run() {
    const status = $("#chain-status");
    const params = this.params();
    if (!params.from) {
      setStatus(status, "Choose a starting point first.", "error");
      $("#chain-start-input").focus();
      return;
    }
    setStatus(status, "Tracing…");
    const ticket = (this.ticket = (this.ticket || 0) + 1);
    // The chain's parameters go in the address: a step Back returns to, a link to share.
    const state = {
      "chain.from": params.from,
      "chain.kind": $("#chain-kind").value,
      "chain.country": $("#chain-country").value,
      "chain.hops": String(params.maxHops),
      "chain.conf": String(params.minConfidence),
      "chain.first": String(params.first),
      "chain.asof": params.asOf ?? "",
    };
    this.drawnKey = Object.keys(FIELDS).map((k) => state[k]).join("|");
    address.set({ view: "chains", ...state });
    try {
      const data = await gql(CHAINS, params);
      if (ticket !== this.ticket) return;
      this.chains = data.causalChains;
      this.renderList();
      this.draw(params.from);
      const n = this.chains.length;
      setStatus(status, n ? `${n} chain${n === 1 ? "" : "s"}, strongest first.` : "No chain matches; try more hops, another target kind or country.");
    } catch (err) {
      setStatus(status, `Could not trace chains: ${err.message}`, "error");
    }
  }

  draw(startId) {
    const nodes = new Map();
    const edges = new Map();
    this.chains.forEach((chain, rank) => {
      for (const node of chain.nodes) {
        if (!nodes.has(node.id)) {
          nodes.set(node.id, { group: "nodes", data: { id: node.id, label: shortLabel(node.name), name: node.name, kind: kindKey(node.kind), chains: [] } });
        }
        nodes.get(node.id).data.chains.push(rank);
      }
      // One drawn edge per cause → effect pair; parallel relations share it (labels joined,
      // the most confident one's status and confidence shown), so labels never overlap.
      for (const step of chain.steps) {
        const id = `${step.cause.id}|${step.effect.id}`;
        if (!edges.has(id)) {
          edges.set(id, {
            group: "edges",
            data: { id, source: step.cause.id, target: step.effect.id, types: [], labels: [], confidence: -1, chains: [] },
          });
        }
        const data = edges.get(id).data;
        if (!data.types.includes(step.relation)) {
          data.types.push(step.relation);
          data.labels.push(stepLabel(step));
        }
        if (step.confidence > data.confidence) {
          data.confidence = step.confidence;
          data.status = statusKey(step.status);
        }
        data.chains.push(rank);
      }
    });
    this.cy.elements().remove();
    this.cy.resize();
    for (const edge of edges.values()) {
      edge.data.type = edge.data.types.join(",");
      edge.data.label = edge.data.labels.join("\n");
    }
    this.cy.add([...nodes.values(), ...edges.values()]);
    this.cy.getElementById(startId).addClass("start");
    // Left to right where there is room; top to bottom on a narrow screen.
    const narrow = this.cy.width() < 640;
    this.cy.nodes().toggleClass("narrow", narrow);
    this.cy.layout({ ...LAYOUT, rankDir: narrow ? "TB" : "LR", nodeSep: narrow ? 8 : LAYOUT.nodeSep }).run();
    fitGraph(this.cy, 16);
    $("#chain-empty").hidden = this.chains.length > 0;
  }

  renderList() {
    const list = $("#chain-list");
    list.replaceChildren(
      ...this.chains.map((chain, rank) => {
        const end = chain.nodes[chain.nodes.length - 1];
        const steps = chain.steps.map((step) =>
          el(
            "li",
            { class: "step" },
            el("p", { class: "step-line" }, el("strong", {}, step.cause.name), ` — ${stepLabel(step)} → `, el("strong", {}, step.effect.name)),
            el("p", { class: "meta" }, statusTag(step.status), ` confidence ${formatConfidence(step.confidence)}`),
            step.quote ? el("blockquote", {}, step.quote) : null,
            step.note ? el("p", { class: "note" }, step.note) : null,
            sourceList(step.sources),
          ),
        );
        const item = el(
          "li",
          { class: "chain", dataset: { rank: String(rank), end: end.id } },
          el(
            "details",
            { open: rank === 0 },
            el(
              "summary",
              {},
              el("span", { class: "chain-rank" }, `#${rank + 1}`),
              el("span", { class: "chain-end" }, badge(end.kind), " ", end.name),
              el("span", { class: "chain-score" }, `score ${formatConfidence(chain.score)} · ${chain.hops} hop${chain.hops === 1 ? "" : "s"}`),
            ),
            el("ol", { class: "steps" }, steps),
          ),
        );
        item.addEventListener("focusin", () => this.highlightChain(rank));
        item.addEventListener("mouseenter", () => this.highlightChain(rank));
        return item;
      }),
    );
    $("#chain-panel").hidden = false;
  }

  highlightChain(rank) {
    const on = this.cy.elements().filter((ele) => (ele.data("chains") || []).includes(rank));
    this.cy.elements().removeClass("hl").addClass("faded");
    on.removeClass("faded").addClass("hl");
  }

  highlightNode(id) {
    const node = this.cy.getElementById(id);
    const ranks = node.data("chains") || [];
    if (ranks.length) this.highlightChain(ranks[0]);
    const item = $(`#chain-list li[data-rank="${ranks[0]}"]`);
    if (item) item.scrollIntoView({ block: "nearest" });
  }

  clearHighlight() {
    this.cy.elements().removeClass("hl faded");
  }
}
