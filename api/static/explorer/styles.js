// How the graph looks: a colour and a shape per kind, a line style per status.

// kind (upper case, as GraphQL's NodeKind) → [colour, Cytoscape shape, CSS clip-path for the legend]
export const KINDS = {
  COUNTRY: ["#2c5d8f", "round-rectangle", "inset(8% round 25%)"],
  PLACE: ["#5f9ea0", "round-triangle", "polygon(50% 5%, 95% 95%, 5% 95%)"],
  LEADER: ["#d9731a", "ellipse", "circle(48%)"],
  OFFICE: ["#b8860b", "tag", "polygon(0 15%, 70% 15%, 100% 50%, 70% 85%, 0 85%)"],
  ORGANIZATION: ["#8e5ea2", "hexagon", "polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%)"],
  STATEMENT: ["#c0392b", "diamond", "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)"],
  POLICY: ["#2e8b57", "round-rectangle", "inset(12% 0 round 15%)"],
  EVENT: ["#d6457f", "star", "polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)"],
  MINERAL: ["#7b5e3b", "octagon", "polygon(30% 0,70% 0,100% 30%,100% 70%,70% 100%,30% 100%,0 70%,0 30%)"],
  MINE: ["#6d6d6d", "triangle", "polygon(50% 0, 100% 100%, 0 100%)"],
  INDUSTRY: ["#138d9c", "barrel", "inset(0 round 30% / 12%)"],
  SOURCE: ["#8a8f98", "rectangle", "inset(18% 8%)"],
  TRADE_FLOW: ["#4a7c59", "vee", "polygon(0 0, 50% 100%, 100% 0)"],
};

export function kindKey(kind) {
  const key = String(kind || "").toUpperCase().replace("SOURCENODE", "SOURCE").replace("TRADEFLOW", "TRADE_FLOW");
  return KINDS[key] ? key : "SOURCE";
}

export function kindColour(kind) {
  return KINDS[kindKey(kind)][0];
}

export function statusKey(status) {
  return String(status || "unverified").toLowerCase();
}

// One element's data as the stylesheet wants it: kind and status in a fixed case.
export function normaliseNode(data) {
  return { ...data, kind: kindKey(data.kind), status: data.status ? statusKey(data.status) : "" };
}

export function normaliseEdge(data) {
  return { ...data, status: statusKey(data.status), confidence: Number(data.confidence ?? 1) };
}

function kindRules(extra) {
  return Object.entries(KINDS).map(([kind, [colour, shape]]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { "background-color": colour, shape, ...extra(colour) },
  }));
}

const EDGE_STATUS = [
  { selector: 'edge[status = "confirmed"]', style: { "line-style": "solid" } },
  { selector: 'edge[status = "reported"]', style: { "line-style": "dashed", "line-dash-pattern": [8, 4] } },
  { selector: 'edge[status = "alleged"], edge[status = "unverified"]',
    style: { "line-style": "dotted", "line-dash-pattern": [2, 4] } },
];

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
    ...EDGE_STATUS,
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
    ...EDGE_STATUS,
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
