// Exports of what a view shows: PNG (cy.png), Cytoscape.js JSON (cy.json) and GraphML,
// which is written here from the elements (lists and objects become JSON text).

import { download } from "./dom.js";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

function xmlEscape(value) {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function graphmlType(values) {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.length && present.every((v) => typeof v === "number" && Number.isFinite(v))) return "double";
  return "string";
}

function graphmlValue(value) {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

// Typed <key>s for one element group ("node" or "edge"), skipping the structural fields.
function keysFor(group, datas, skip) {
  const names = [...new Set(datas.flatMap((d) => Object.keys(d)))].filter((k) => !skip.has(k)).sort();
  return names.map((name) => ({
    id: `${group[0]}_${name}`,
    name,
    group,
    type: graphmlType(datas.map((d) => d[name])),
  }));
}

function dataLines(keys, data, indent) {
  return keys
    .filter((k) => data[k.name] !== null && data[k.name] !== undefined)
    .map((k) => `${indent}<data key="${xmlEscape(k.id)}">${xmlEscape(graphmlValue(data[k.name]))}</data>`);
}

export function toGraphML(cy, graphId = "dyad") {
  const nodes = cy.nodes().map((n) => n.data());
  const edges = cy.edges().map((e) => e.data());
  const nodeKeys = keysFor("node", nodes, new Set(["id"]));
  const edgeKeys = keysFor("edge", edges, new Set(["id", "source", "target"]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${GRAPHML_NS}">`,
    ...[...nodeKeys, ...edgeKeys].map(
      (k) => `  <key id="${xmlEscape(k.id)}" for="${k.group}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`,
    ),
    `  <graph id="${xmlEscape(graphId)}" edgedefault="directed">`,
  ];
  for (const data of nodes) {
    lines.push(`    <node id="${xmlEscape(data.id)}">`, ...dataLines(nodeKeys, data, "      "), "    </node>");
  }
  for (const data of edges) {
    lines.push(
      `    <edge id="${xmlEscape(data.id)}" source="${xmlEscape(data.source)}" target="${xmlEscape(data.target)}">`,
      ...dataLines(edgeKeys, data, "      "),
      "    </edge>",
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

export function exportPng(cy, name) {
  const blob = cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 });
  download(`${name}.png`, blob, "image/png");
}

export function exportJson(cy, name) {
  download(`${name}.cyjs.json`, JSON.stringify(cy.json(), null, 2), "application/json");
}

export function exportGraphML(cy, name) {
  download(`${name}.graphml`, toGraphML(cy, name), "application/graphml+xml");
}
