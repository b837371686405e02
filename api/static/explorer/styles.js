// How the graph looks: each kind's colour and shape and each status's line, as the
// vocabulary (schema/presentation.py) gives them.

import { VOCABULARY, kindOf, statusOf, weakestStatus } from "./vocabulary.js";

// A kind as the stylesheet keys it (its GraphQL name), from either its name or its label;
// "" for a kind the vocabulary does not know (drawn plain).
export function kindKey(kind) {
  return kindOf(kind)?.name ?? "";
}

export function kindColour(kind) {
  return kindOf(kind)?.colour ?? "#666";
}

// A status as the stylesheet keys it: the stored value (confirmed), the weakest when missing.
export function statusKey(status) {
  return (statusOf(status) ?? weakestStatus()).value;
}

// One element's data as the stylesheet wants it: kind and status in a fixed case.
export function normaliseNode(data) {
  return { ...data, kind: kindKey(data.kind), status: data.status ? statusKey(data.status) : "" };
}

export function normaliseEdge(data) {
  return { ...data, status: statusKey(data.status), confidence: Number(data.confidence ?? 1) };
}

function kindRules(extra) {
  return VOCABULARY.kinds.map(({ name, colour, shape }) => ({
    selector: `node[kind = "${name}"]`,
    style: { "background-color": colour, shape, ...extra(colour) },
  }));
}

// Cytoscape's dash pattern for each line the vocabulary names.
const DASHES = { solid: null, dashed: [8, 4], dotted: [2, 4] };

function statusRules() {
  return VOCABULARY.statuses.map(({ value, line }) => ({
    selector: `edge[status = "${value}"]`,
    style: { "line-style": line, ...(DASHES[line] ? { "line-dash-pattern": DASHES[line] } : {}) },
  }));
}

const EDGE_BASE = {
  "curve-style": "bezier",
  "target-arrow-shape": "triangle",
  "arrow-scale": 0.9,
  width: "mapData(confidence, 0, 1, 1, 4)",
  "line-color": "#7d8590",
  "target-arrow-color": "#7d8590",
  label: "data(label)",
  "font-size": 10,
  color: "#333",
  "text-rotation": "autorotate",
  "text-background-color": "#ffffff",
  "text-background-opacity": 0.85,
  "text-background-padding": 2,
  "min-zoomed-font-size": 7,
};

// The neighbourhood graph and the workbench graph: small shapes, labels underneath.
export function graphStyle() {
  return [
    {
      selector: "node",
      style: {
        width: 26,
        height: 26,
        label: "data(label)",
        "font-size": 13,
        color: "#1d232b",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "wrap",
        "text-max-width": 110,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": 2,
        "min-zoomed-font-size": 6,
        "border-width": 1,
        "border-color": "#ffffff",
      },
    },
    ...kindRules(() => ({})),
    { selector: "node.focus", style: { width: 40, height: 40, "font-size": 13, "font-weight": "bold" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#f5b700" } },
    { selector: "edge", style: { ...EDGE_BASE, label: "" } },
    ...statusRules(),
    { selector: "edge.near, edge:selected", style: { label: "data(label)", "z-index": 10 } },
    { selector: "edge.near", style: { "line-color": "#4d5866", "target-arrow-color": "#4d5866" } },
    { selector: "edge:selected", style: { "line-color": "#f5b700", "target-arrow-color": "#f5b700" } },
    { selector: ".faded", style: { opacity: 0.25 } },
  ];
}

// The chain graph: wide labelled boxes left to right, the kind as the border colour.
export function chainStyle() {
  return [
    {
      selector: "node",
      style: {
        shape: "round-rectangle",
        width: 150,
        height: 60,
        label: "data(label)",
        "font-size": 13,
        color: "#1d232b",
        "text-valign": "center",
        "text-halign": "center",
        "text-wrap": "wrap",
        "text-max-width": 140,
        "background-color": "#ffffff",
        "border-width": 3,
      },
    },
    ...kindRules((colour) => ({ shape: "round-rectangle", "background-color": "#ffffff", "border-color": colour })),
    { selector: "node.start", style: { "border-width": 5, "font-weight": "bold" } },
    { selector: "node.narrow", style: { width: 116, height: 64, "text-max-width": 108, "font-size": 12 } },
    { selector: "node:selected", style: { "background-color": "#fff4cc" } },
    { selector: "edge", style: { ...EDGE_BASE, "font-size": 12, "text-rotation": "none", "text-wrap": "wrap" } },
    ...statusRules(),
    { selector: ".hl", style: { "line-color": "#d48806", "target-arrow-color": "#d48806", "z-index": 10 } },
    { selector: "node.hl", style: { "background-color": "#fff4cc" } },
    { selector: ".faded", style: { opacity: 0.45 } },
  ];
}

// Fit the drawing to its canvas, but never blow a small graph up past 1.25×.
export function fitGraph(cy, padding = 24) {
  cy.fit(undefined, padding);
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center();
  }
}
