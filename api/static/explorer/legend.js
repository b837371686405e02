// The legend: every kind, status, relation type, source grade and method the vocabulary has,
// each drawn as the views draw it. Nothing here names one of them.

import { el, gradeBadge, statusTag } from "./dom.js";
import { VOCABULARY } from "./vocabulary.js";

function list(section, label, build) {
  return el(
    "ul",
    { class: `legend-${section}`, "aria-label": label },
    VOCABULARY[section].map((entry) => el("li", { dataset: { section, name: entry.name } }, ...build(entry))),
  );
}

function kind(entry) {
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.background = entry.colour;
  swatch.style.clipPath = entry.clip;
  return [swatch, entry.title];
}

function status(entry) {
  return [el("span", { class: `line ${entry.line}`, "aria-hidden": "true" }), statusTag(entry.name)];
}

// A causal type says which way effect flows: along its arrow, or against it (read backward).
function relation(entry) {
  const flow = {
    forward: ["causal →", "effect flows along the arrow"],
    backward: [`causal ←, read “${entry.reversed}”`, "effect flows against the arrow"],
  }[entry.causal];
  const note = flow ? el("span", { class: "causal", title: flow[1] }, flow[0]) : null;
  return [el("span", { class: "rel-name" }, entry.title), note];
}

function grade(entry) {
  return [gradeBadge(entry.name), el("span", {}, entry.meaning)];
}

function method(entry) {
  return [el("strong", {}, entry.title), el("span", {}, entry.meaning)];
}

function more(title, content) {
  return el("details", { class: "legend-more" }, el("summary", {}, title), content);
}

export function renderLegend(root) {
  root.replaceChildren(
    list("kinds", "Node kinds", kind),
    list("statuses", "Status", status),
    more("Relations", list("relations", "Relation types", relation)),
    more("Source grades", list("grades", "Source grades", grade)),
    more("How facts entered", list("methods", "Methods", method)),
  );
}
