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

// Label sizes by zoom: at zoom z a font of f draws f × z pixels high on screen.
const ZOOM_STEPS = [
  { name: "z-near", from: 0.95, font: 13 },
  { name: "z-mid", from: 0.68, font: 18 },
  { name: "z-out", from: 0.5, font: 24 },
  { name: "z-far", from: 0.36, font: 30 },
  { name: "z-tiny", from: 0, font: 38 },
];

// Keep cy's labels legible as it zooms: one zoom class on every element, edge labels on
// when zoomed in, and the least important nodes' labels off when far out.
export function followZoom(cy) {
  let last = null;
  const apply = () => {
    const zoom = cy.zoom();
    const step = ZOOM_STEPS.find((s) => zoom >= s.from);
    const key = `${step.name}|${zoom >= 1.4}`;
    if (key === last && !cy.elements(`:not(.${step.name})`).length) return;
    last = key;
    cy.batch(() => {
      cy.elements().removeClass(ZOOM_STEPS.map((s) => s.name).join(" ")).addClass(step.name);
      cy.nodes().toggleClass("far", !["z-near", "z-mid"].includes(step.name));
      cy.edges().toggleClass("zoomed", zoom >= 1.4);
    });
  };
  cy.on("zoom add", apply);
  cy.on("mouseover", "node", (event) => event.target.addClass("near-node"));
  cy.on("mouseout", "node", (event) => event.target.removeClass("near-node"));
  return apply;
}

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
    { selector: "edge.causal", style: { "line-color": "#5f6b79", "target-arrow-color": "#5f6b79" } },
    { selector: "edge.near, edge:selected, edge.hover, edge.zoomed", style: { label: "data(label)", "z-index": 10 } },
    // Labels grow as the drawing zooms out, so they stay about 12 px on screen (followZoom);
    // far out, only the focus, the countries and causal neighbours keep theirs.
    ...ZOOM_STEPS.map(({ name, font }) => ({
      selector: `node.${name}`,
      style: { "font-size": font, "text-max-width": Math.round(font * 9), "text-margin-y": Math.round(font / 4) },
    })),
    ...ZOOM_STEPS.map(({ name, font }) => ({ selector: `edge.${name}`, style: { "font-size": Math.round(font * 0.85) } })),
    { selector: "node.minor.far", style: { label: "" } },
    { selector: "node.side", style: { width: 36, height: 36, "font-weight": "bold" } },
    { selector: "node.minor.far.near-node, node.minor.far:selected", style: { label: "data(label)" } },
    {
      selector: "node.fold",
      style: {
        shape: "round-rectangle",
        width: "label",
        height: "label",
        padding: 8,
        "background-color": "#eef1f4",
        "border-width": 1,
        "border-style": "dashed",
        "border-color": "#7d8590",
        "text-valign": "center",
        "text-margin-y": 0,
        "text-background-opacity": 0,
        color: "#39414b",
        label: "data(label)",
      },
    },
    { selector: "edge.fold", style: { "line-style": "dotted", "target-arrow-shape": "none", label: "" } },
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
