// Citable briefs: one page of HTML, for a chain (the chains view) or a node (its details), with
// the diagram (the view's own drawing, as an inline PNG), each step with its quote, numbered
// citations with their grades, the date it was made and the address of the view it came from.
// "PDF" opens the same page in a new tab and asks Chromium to print it (its print stylesheet
// keeps it to one page of A4). The page is self-contained: it requests nothing.
//
// One shape, one builder: chainBrief() and nodeBrief() make the shape, briefHtml() writes it.
//   { title, subtitle, made, address, diagram, facts: [[label, text]],
//     steps: [{ from, label, to, quote, note, status, confidence, cites: [n] }],
//     sources: [{ n, title, url, publisher, origin, published, publishedPrecision, reliability }] }

import { download, el, formatPartialDate, toast } from "./dom.js";
import { gradeOf, kindOf, relationOf, statusOf } from "./vocabulary.js";

const CSS = `
  body { font: 11pt/1.4 "Liberation Sans", Arial, sans-serif; color: #1d2430; margin: 2em auto; max-width: 50em; padding: 0 1em; }
  h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1em 0 .3em; }
  .sub, .made { color: #4a5260; margin: 0; } .made { font-size: 9pt; }
  .diagram { display: block; max-width: 100%; max-height: 9cm; margin: .6em auto; border: 1px solid #d5d9e0; }
  ol.steps { padding-left: 1.4em; } ol.steps li { margin: 0 0 .5em; }
  blockquote { margin: .2em 0 .2em .8em; padding-left: .6em; border-left: 3px solid #c9ced6; font-style: italic; }
  .meta, .note { color: #4a5260; font-size: 9.5pt; margin: .1em 0; }
  sup.cite { font-size: 8pt; color: #1f4f8f; }
  ol.sources { font-size: 9.5pt; padding-left: 1.8em; } ol.sources li { margin: 0 0 .2em; }
  .grade { display: inline-block; min-width: 1.3em; text-align: center; font-weight: bold; border: 1px solid #4a5260; border-radius: 3px; padding: 0 .2em; margin-right: .3em; }
  table.facts { border-collapse: collapse; font-size: 10pt; } table.facts th { text-align: left; padding-right: 1em; color: #4a5260; font-weight: normal; }
  a { color: #1f4f8f; word-break: break-all; }
  @page { size: A4; margin: 12mm; }
  @media print { body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; } .diagram { max-height: 7.5cm; } a { color: inherit; } }
`;

function escape(value) {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

const safeUrl = (url) => (/^https?:\/\//i.test(url || "") ? url : "");

// "2026-12-03 19:55 UTC"
export function madeLabel(iso) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

// Sources numbered in the order the brief first cites them; the same source keeps its number.
export class Citations {
  constructor() {
    this.sources = [];
    this.numbers = new Map();
  }

  cite(sources) {
    return (sources || []).map((source) => {
      const key = source.url || source.id || source.title;
      if (!this.numbers.has(key)) {
        this.numbers.set(key, this.sources.length + 1);
        this.sources.push({ ...source, n: this.sources.length + 1 });
      }
      return this.numbers.get(key);
    });
  }
}

function gradeLine(source) {
  const grade = gradeOf(source.reliability);
  const parts = [
    grade ? `grade ${grade.title} (${grade.meaning})` : "not graded",
    source.origin ? `origin: ${source.origin}` : "",
    source.published ? `published ${formatPartialDate(source.published, source.publishedPrecision)}` : "",
  ];
  return parts.filter(Boolean).join(" · ");
}

function sourceItem(source) {
  const grade = gradeOf(source.reliability);
  const url = safeUrl(source.url);
  const title = escape(source.title || source.id || url);
  return (
    `<li id="cite-${source.n}" data-grade="${escape(grade?.name ?? "")}"><span class="grade">${escape(grade?.title ?? "?")}</span>` +
    `${url ? `<a href="${escape(url)}">${title}</a>` : title}` +
    `${source.publisher ? ` — ${escape(source.publisher)}` : ""}. <span class="meta">${escape(gradeLine(source))}</span></li>`
  );
}

function stepItem(step) {
  const status = statusOf(step.status);
  const cites = step.cites.map((n) => `<a href="#cite-${n}">[${n}]</a>`).join("");
  const meta = [status ? status.title : "", step.confidence === null || step.confidence === undefined ? "" : `confidence ${Number(step.confidence).toFixed(2)}`];
  return (
    `<li class="step"><strong>${escape(step.from)}</strong> — ${escape(step.label)} → <strong>${escape(step.to)}</strong>` +
    `${cites ? ` <sup class="cite">${cites}</sup>` : ""}` +
    `<p class="meta">${escape(meta.filter(Boolean).join(" · "))}</p>` +
    `${step.quote ? `<blockquote>“${escape(step.quote)}”</blockquote>` : ""}` +
    `${step.note ? `<p class="note">${escape(step.note)}</p>` : ""}</li>`
  );
}

// The brief's whole page, as text.
export function briefHtml(brief) {
  const facts = brief.facts?.length
    ? `<table class="facts"><tbody>${brief.facts.map(([k, v]) => `<tr><th scope="row">${escape(k)}</th><td>${escape(v)}</td></tr>`).join("")}</tbody></table>`
    : "";
  const steps = brief.steps.length ? `<h2>${escape(brief.stepsTitle || "Steps")}</h2><ol class="steps">${brief.steps.map(stepItem).join("")}</ol>` : "";
  const sources = brief.sources.length
    ? `<h2>Sources</h2><ol class="sources">${brief.sources.map(sourceItem).join("")}</ol>`
    : "<h2>Sources</h2><p>No sources listed.</p>";
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escape(brief.title)} — Dyad brief</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${escape(brief.title)}</h1>`,
    brief.subtitle ? `<p class="sub">${escape(brief.subtitle)}</p>` : "",
    `<p class="made">Made ${escape(madeLabel(brief.made))} from <a class="address" href="${escape(brief.address)}">${escape(brief.address)}</a></p>`,
    brief.diagram ? `<img class="diagram" src="${escape(brief.diagram)}" alt="${escape(`Diagram: ${brief.title}`)}">` : "",
    facts,
    steps,
    sources,
    "</body></html>",
    "",
  ].join("\n");
}

// The drawing of a view, as a PNG data URL ("" when nothing is drawn).
export function diagramOf(cy) {
  if (!cy || !cy.elements().length) return "";
  return cy.png({ output: "base64uri", full: true, scale: 1.5, bg: "#ffffff", maxWidth: 1800, maxHeight: 1200 });
}

// The brief of the chains drawn: every chain's steps once, strongest chain first. `label`
// reads a step from cause to effect (the chain view's stepLabel).
export function chainBrief(chains, { cy, address, label, made = new Date().toISOString() }) {
  const citations = new Citations();
  const seen = new Set();
  const steps = [];
  for (const chain of chains) {
    for (const step of chain.steps) {
      const key = `${step.cause.id}|${step.relation}|${step.effect.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      steps.push({
        from: step.cause.name,
        label: label(step),
        to: step.effect.name,
        quote: step.quote,
        note: step.note,
        status: step.status,
        confidence: step.confidence,
        cites: citations.cite(step.sources),
      });
    }
  }
  const first = chains[0];
  const start = first?.nodes[0]?.name ?? "";
  const ends = [...new Set(chains.map((chain) => chain.nodes[chain.nodes.length - 1].name))];
  return {
    title: `What ${start} set off`,
    subtitle: `${chains.length} causal chain${chains.length === 1 ? "" : "s"}, strongest first, ending at ${ends.join("; ")}`,
    made,
    address,
    diagram: diagramOf(cy),
    facts: [],
    stepsTitle: "Each step, cause to effect",
    steps,
    sources: citations.sources,
  };
}

// The brief of one node: what it is, its own quote and sources, and its relations.
export function nodeBrief(node, { cy, address, made = new Date().toISOString() }) {
  const citations = new Citations();
  const own = citations.cite(node.sources);
  const facts = [
    ["Kind", kindOf(node.kind)?.title ?? node.kind],
    ["Id", node.id],
    node.status ? ["Status", statusOf(node.status)?.title ?? node.status] : null,
    ...["date", "announced", "effective", "summary", "policySummary", "eventSummary", "description"]
      .filter((key) => node[key])
      .map((key) => [key.replace(/^(policy|event)(?=[A-Z])/, "").replace(/^./, (c) => c.toUpperCase()), node[key]]),
  ].filter(Boolean);
  const steps = node.quote
    ? [{ from: node.name, label: "said", to: node.venue || "", quote: node.quote, status: node.status, cites: own }]
    : [];
  for (const r of node.relations || []) {
    const rel = relationOf(r.type);
    const out = r.direction !== "IN";
    steps.push({
      from: out ? node.name : r.other.name,
      label: rel?.title ?? r.type,
      to: out ? r.other.name : node.name,
      status: r.status,
      confidence: r.confidence,
      cites: [],
    });
  }
  return {
    title: node.name,
    subtitle: own.length ? `Sources ${own.map((n) => `[${n}]`).join("")}` : "",
    made,
    address,
    diagram: diagramOf(cy),
    facts,
    stepsTitle: "What the record links it to",
    steps,
    sources: citations.sources,
  };
}

function fileName(brief) {
  const slug = brief.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 48);
  return `dyad-brief-${slug || "view"}.html`;
}

// The brief as an HTML file the browser downloads.
export function downloadBrief(brief) {
  download(fileName(brief), briefHtml(brief), "text/html");
}

// The brief in a new tab, printed by the browser (Save as PDF). The tab is returned.
export function printBrief(brief) {
  const url = URL.createObjectURL(new Blob([briefHtml(brief)], { type: "text/html" }));
  const tab = window.open(url, "_blank");
  if (!tab) {
    toast("The browser blocked the brief's tab: allow pop-ups for this page, or save the HTML brief and print it.");
    return null;
  }
  tab.addEventListener("load", () => {
    tab.print();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });
  return tab;
}

// "Export brief: HTML · PDF", for a view that knows how to make its brief (null: nothing yet).
export function briefButtons(make, { id }) {
  const run = (fn) => () => {
    const brief = make();
    if (!brief) {
      toast("Nothing to brief yet.");
      return;
    }
    fn(brief);
  };
  return el(
    "div",
    { class: "brief-buttons", role: "group", "aria-label": "Export brief" },
    el("span", { class: "exports-label" }, "Export brief"),
    el("button", { type: "button", id: `${id}-html`, title: "One-page HTML brief, with its citations", onclick: run(downloadBrief) }, "HTML"),
    el("button", { type: "button", id: `${id}-pdf`, title: "The same brief, printed by the browser (Save as PDF)", onclick: run(printBrief) }, "PDF"),
  );
}
