// What the neighbourhood graph draws first: the node, its causal neighbours (what it set off
// and what set it off), then other neighbours up to a readable number. The rest wait behind
// one "+N more" node (a tap draws them); coded events (GDELT, POLECAT), which the graph
// leaves out unless asked, are one "+N coded events" node that says so.

import { el } from "./dom.js";
import { relationOf } from "./vocabulary.js";

// New nodes one load draws before the rest are folded.
export const READABLE = 40;

const isCausal = (edge) => Boolean(relationOf(edge.type)?.causal);

// nodes, edges: element data as the stylesheet wants it. drawn(data): already on the canvas.
// Returns {elements, hidden}: the elements to add, and those behind the "+N more" node by its id.
// codedEvents: how many coded events the focus has, counted exactly unless codedExact is false
// (the server counts up to a cap: the label then says "1,000+").
export function foldNeighbourhood(focus, nodes, edges, { drawn = () => false, codedEvents = 0, codedExact = true } = {}) {
  const causal = new Set();
  for (const edge of edges) {
    if (!isCausal(edge)) continue;
    if (edge.source === focus) causal.add(edge.target);
    if (edge.target === focus) causal.add(edge.source);
  }
  const fresh = nodes.filter((node) => !drawn(node));
  // The focus, then causal neighbours, then the rest, each in the server's order.
  const rank = (node) => (node.id === focus ? 0 : causal.has(node.id) ? 1 : 2);
  const ordered = fresh.map((node, i) => [rank(node), i, node]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const shown = ordered.slice(0, READABLE).map(([, , node]) => node);
  const rest = ordered.slice(READABLE).map(([, , node]) => node);
  const shownIds = new Set([...shown.map((node) => node.id), ...nodes.filter(drawn).map((node) => node.id)]);
  for (const node of shown) node.minor = node.id !== focus && !causal.has(node.id);
  const restIds = new Set(rest.map((node) => node.id));
  const elements = shown.map((data) => ({ group: "nodes", data, classes: data.minor ? "minor" : "" }));
  const later = rest.map((data) => ({ group: "nodes", data: { ...data, minor: true }, classes: "minor" }));
  for (const edge of edges) {
    if (drawn(edge)) continue;
    const item = { group: "edges", data: edge, classes: isCausal(edge) ? "causal" : "" };
    if (shownIds.has(edge.source) && shownIds.has(edge.target)) elements.push(item);
    else if (restIds.has(edge.source) || restIds.has(edge.target)) later.push(item);
  }
  const hidden = new Map();
  if (rest.length) {
    const id = `fold:more:${focus}`;
    hidden.set(id, later);
    elements.push(...foldNode(id, "more", `+${rest.length} more neighbours`, focus, { count: rest.length }));
  }
  if (codedEvents > 0) {
    const id = `fold:coded:${focus}`;
    const count = `${codedEvents.toLocaleString("en")}${codedExact ? "" : "+"}`;
    const label = `+${count} coded event${codedEvents === 1 && codedExact ? "" : "s"}`;
    elements.push(...foldNode(id, "coded", label, focus, { count: codedEvents, exact: codedExact }));
  }
  return { elements, hidden };
}

function foldNode(id, fold, label, focus, extra) {
  return [
    { group: "nodes", data: { id, label, fold, focusId: focus, kind: "", ...extra }, classes: "fold" },
    { group: "edges", data: { id: `${id}|edge`, source: focus, target: id, label: "", status: "", confidence: 0.5, fold }, classes: "fold" },
  ];
}

// The details panel for the coded-events node.
export function foldDetails(data) {
  return [
    el(
      "p",
      {},
      `${data.exact === false ? `More than ${data.count.toLocaleString("en")}` : data.count} `,
      `coded event${data.count === 1 && data.exact !== false ? "" : "s"} (machine-coded event data such as GDELT or POLECAT) `,
      "involve this node. The graph draws curated knowledge first and leaves them out; ",
      "the timeline shows them as a series, and GraphQL's neighbourhood draws them when its datasets are named.",
    ),
  ];
}
