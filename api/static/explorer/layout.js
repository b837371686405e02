// The neighbourhood graph's layout: China on the left, Japan on the right, everything else
// between them, nearer the side it is tied to, spaced by how many nodes there are, so
// sixty nodes still read.
//
// Each node's side is the average of its neighbours' sides, repeated until it settles, with
// the two countries held at -1 and +1 (a harmonic function on the drawn graph): a protest
// tied to China's ministry lands left, a Japanese industry right, a remark about both
// in the middle.

import { gql } from "./api.js";
import { normaliseNode } from "./styles.js";

// The dyad's two countries and the side each is drawn on; both are always drawn, as
// anchors when they are not neighbours of what is shown.
export const SIDES = { "country:CHN": -1, "country:JPN": 1 };

export const ANCHORS = `query Anchors($ids: [ID!]!) { nodes(ids: $ids) { id kind name } }`;
let anchors = null;

// The two countries as elements to add where missing (fetched once).
export async function sideAnchors(cy) {
  if (!anchors) {
    const { nodes } = await gql(ANCHORS, { ids: Object.keys(SIDES) });
    anchors = nodes.filter(Boolean).map((node) => ({
      group: "nodes",
      data: normaliseNode({ id: node.id, label: node.name, kind: node.kind }),
      classes: "anchor",
    }));
  }
  return anchors.filter((item) => cy.getElementById(item.data.id).empty()).map((item) => ({ ...item, data: { ...item.data } }));
}

function sideScores(cy) {
  const score = new Map(cy.nodes().map((node) => [node.id(), SIDES[node.id()] ?? 0]));
  for (let round = 0; round < 8; round += 1) {
    for (const node of cy.nodes()) {
      if (node.id() in SIDES) continue;
      const around = node.neighborhood("node");
      if (!around.length) continue;
      let sum = 0;
      for (const other of around) sum += score.get(other.id());
      score.set(node.id(), sum / around.length);
    }
  }
  return score;
}

// Lay out cy's nodes. A fresh drawing is rings around the focus: causal neighbours on the
// inner ring, the rest outside, each ring ordered from China's side (left) to Japan's
// (right) over the top and the bottom, and wide enough that neighbours' labels do not
// meet; the two countries outside the rings, left and right. `keep` (an expansion) keeps
// what is placed and lets a force layout (CoSE) find room for the new nodes.
export function sidedLayout(cy, { focus = null, keep = false } = {}) {
  const nodes = cy.nodes();
  if (!nodes.length) return;
  const score = sideScores(cy);
  if (keep) {
    settle(cy, score);
  } else {
    rings(cy, focus, score);
  }
  nodes.scratch("_dyadPlaced", true);
}

// Model pixels between neighbours on a ring: room for a label two lines high and ~150 wide.
const GAP = 170;

function rings(cy, focus, score) {
  const centre = cy.getElementById(focus);
  const others = cy.nodes().filter((node) => node.id() !== focus && !(node.id() in SIDES));
  const inner = others.filter((node) => !node.hasClass("minor") && !node.hasClass("fold"));
  const outer = others.filter((node) => node.hasClass("minor") || node.hasClass("fold"));
  centre.position({ x: 0, y: 0 });
  let radius = 0;
  for (const ring of [inner, outer]) {
    if (!ring.length) continue;
    radius = Math.max(radius + GAP, (ring.length * GAP) / (2 * Math.PI), 180);
    const sorted = ring.sort((a, b) => score.get(a.id()) - score.get(b.id()) || a.data("kind").localeCompare(b.data("kind")));
    const n = sorted.length;
    sorted.forEach((node, i) => {
      // Left to right, alternately over the top and under the bottom of the ring.
      const t = n === 1 ? 0.5 : i / (n - 1);
      const angle = Math.PI * (1 - t) * (i % 2 === 0 ? 1 : -1);
      const stagger = i % 4 < 2 ? 0 : GAP * 0.3; // alternate radii, so labels side by side do not meet
      node.position({ x: (radius + stagger) * Math.cos(angle), y: -(radius + stagger) * Math.sin(angle) });
    });
  }
  const side = radius + GAP * 1.5;
  for (const [id, sign] of Object.entries(SIDES)) cy.getElementById(id).position({ x: sign * side, y: 0 });
  cy.nodes().filter((node) => node.id() in SIDES).addClass("side").removeClass("minor");
}

function settle(cy, score) {
  const n = cy.nodes().length;
  const placed = cy.nodes().filter((node) => node.scratch("_dyadPlaced"));
  const box = placed.length ? placed.boundingBox() : { x1: -300, x2: 300, y1: 0, y2: 0 };
  let i = 0;
  for (const node of cy.nodes()) {
    if (placed.has(node)) continue;
    i += 1;
    const angle = i * 2.39996; // the golden angle: seeds on a spiral, never on one spot
    const r = 40 * Math.sqrt(i);
    const x = ((box.x1 + box.x2) / 2) + score.get(node.id()) * (box.x2 - box.x1) * 0.4;
    node.position({ x: x + r * Math.cos(angle), y: box.y2 + GAP + r * Math.sin(angle) });
  }
  placed.lock();
  cy.layout({
    name: "cose",
    animate: false,
    randomize: false,
    fit: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 80 + 4 * Math.sqrt(n),
    nodeRepulsion: () => 40000 + 1500 * n,
    nodeOverlap: 24,
    gravity: 0.2,
    numIter: n > 80 ? 600 : 1000,
    padding: 30,
  }).run();
  placed.unlock();
}
