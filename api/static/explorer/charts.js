// Charts (Apache ECharts, vendored): the helpers every chart shares, the charts the landing
// view and the analytics tab both draw, and the analytics tab itself (exposure with a
// what-if, import dependence, the monthly conflict series with curated acts marked).

import { SOURCES, gql } from "./api.js";
import { $, el, formatPartialDate, setStatus, sourceList } from "./dom.js";
import { VOCABULARY } from "./vocabulary.js";

// The two sides of the dyad (country ids, as the graph stores them).
export const DYAD = { china: "country:CHN", japan: "country:JPN" };
// China's share of Japan's imports is drawn for the rare-earth group unless the reader picks
// another mineral.
const DEPENDENCE_MINERAL = "mineral:rare-earths";
// The measure the exposure chart opens on: China's January 2026 dual-use ban on Japan.
const DEFAULT_MEASURE = "policy:cn-2026-01-dual-use-ban-japan";

export const DYAD_SERIES = `query DyadSeries { dyadSeries { month actor recipient events verbalConflict materialConflict conflictShare } }`;

export const DEPENDENCE = `query Dependence($importer: ID!, $exporter: ID!, $mineral: ID!) {
  importDependence(importer: $importer, exporter: $exporter, mineral: $mineral) {
    years { year share denominator fromExporterUsd totalUsd sources }
  }
  node(id: $importer) {
    relations(direction: OUT, first: 100) {
      share year mineral status other { id name } sources { title url publisher published publishedPrecision reliability origin }
    }
  }
}`;

export const IMPACT = `query Impact($policy: ID!, $country: ID) {
  impact(policy: $policy, country: $country) { formula policyName
    industries { industry { id } name exposure terms { mineral { id } mineralName family counted contribution value intensity share explanation } } }
}`;
export const WHAT_IF = `query WhatIf($restricter: ID!, $target: ID!, $minerals: [ID!]!) {
  whatIf(restricter: $restricter, target: $target, minerals: $minerals) { formula
    industries { industry name exposure terms { mineral mineralName family counted contribution value intensity share explanation } } }
}`;
export const CHOICES = `query Choices($today: Date!) {
  inForce(asOf: $today, first: 100) { id name when { display earliest } }
  minerals(first: 100) { nodes { id name } }
}`;

// --- helpers ------------------------------------------------------------------------------

// Twenty colours that stay apart, for series that are not kinds (minerals, directions).
export const PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  "#1f77b4", "#aec7e8", "#ff7f0e", "#98df8a", "#d62728", "#9467bd", "#c5b0d5", "#8c564b", "#e377c2", "#17becf",
];

// A figure as people read it: at most three decimals, no float noise.
export const num = (value, digits = 3) => (value === null || value === undefined ? "–" : String(Number(Number(value).toFixed(digits))));
export const percent = (share) => (share === null || share === undefined ? "–" : `${Number((share * 100).toFixed(1))}%`);
export const today = () => new Date().toISOString().slice(0, 10);
export const utc = (isoDate) => Date.parse(`${isoDate}T00:00:00Z`);
const DAY = 86_400_000;
// The instant after a fact's last day: a month-only fact covers its whole month.
export const endOf = (isoDate) => utc(isoDate) + DAY;

// The ISO date `months` months before `isoDate`.
export function monthsBefore(isoDate, months) {
  const date = new Date(utc(isoDate));
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

// An instant as a day people read: "20 May 2025".
export const dayLabel = (ms) => new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// "2025-11" → "Nov 2025"
export const monthLabel = (month) => formatPartialDate(`${month}-01`, "month");

// An ECharts chart in `container`, drawn as SVG, resized with its box.
export function makeChart(container) {
  const chart = window.echarts.init(container, null, { renderer: "svg" });
  new ResizeObserver(() => chart.resize()).observe(container);
  return chart;
}

// Text for an ECharts tooltip: everything escaped, lines joined with <br>.
export function tooltipLines(lines) {
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return lines.filter(Boolean).map(escape).join("<br>");
}

// Show evidence under a chart: a heading, lines of text, and the sources (objects, or ids
// looked up here).
export async function showEvidence(box, heading, lines, sources) {
  box.hidden = false;
  const list = el("div", {}, el("p", { class: "muted" }, "Loading sources…"));
  box.replaceChildren(el("h3", {}, heading), ...lines.map((line) => el("p", {}, line)), list);
  box.scrollIntoView({ block: "nearest" });
  if (sources.length && typeof sources[0] === "string") {
    try {
      const { nodes } = await gql(SOURCES, { ids: sources });
      sources = nodes.filter(Boolean);
    } catch (err) {
      list.replaceChildren(el("p", { class: "error" }, `Could not load the sources: ${err.message}`));
      return;
    }
  }
  list.replaceChildren(sourceList(sources));
}

// --- the monthly conflict series --------------------------------------------------------

// dyadSeries rows (one per month and direction) as {months, directions, byMonth}.
export function conflictMonths(rows) {
  const directions = [...new Set(rows.map((r) => `${r.actor} → ${r.recipient}`))];
  const byMonth = new Map();
  for (const row of rows) {
    const entry = byMonth.get(row.month) ?? { month: row.month, events: 0, conflict: 0, by: {} };
    const conflict = row.verbalConflict + row.materialConflict;
    entry.events += row.events;
    entry.conflict += conflict;
    entry.by[`${row.actor} → ${row.recipient}`] = conflict;
    byMonth.set(row.month, entry);
  }
  return { directions, months: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)) };
}

// Conflict events per month (stacked by direction), drawn across each month, and the curated
// acts marked along the bottom; `acts` are timeline items with `when`.
export function conflictOption(rows, acts = [], { small = false } = {}) {
  const { directions, months } = conflictMonths(rows);
  const bars = directions.map((direction) => ({
    name: `${direction} conflict events`,
    type: "bar",
    stack: "conflict",
    barCategoryGap: "10%",
    data: months.map((m) => ({ value: [`${m.month}-15`, m.by[direction] ?? 0], month: m.month })),
  }));
  const kinds = VOCABULARY.kinds.filter((kind) => kind.act);
  const marks = kinds.map((kind) => ({
    name: kind.plural,
    type: "scatter",
    yAxisIndex: 1,
    symbol: "diamond",
    symbolSize: small ? 7 : 10,
    itemStyle: { color: kind.colour, opacity: 0.85 },
    data: acts
      .filter((act) => act.kind === kind.name)
      .map((act) => ({ value: [(utc(act.when.earliest) + endOf(act.when.latest)) / 2, 0.5], id: act.id, name: act.name, when: act.when.display, kind: kind.title })),
  }));
  return {
    animation: false,
    aria: { enabled: true },
    color: PALETTE,
    grid: small ? { left: 40, right: 10, top: 10, bottom: 24 } : { left: 50, right: 20, top: 40, bottom: 60 },
    legend: small ? undefined : { top: 0, type: "scroll" },
    tooltip: {
      trigger: "item",
      formatter: (p) =>
        p.data.id
          ? tooltipLines([p.data.name, `${p.data.kind} · ${p.data.when}`])
          : tooltipLines([monthLabel(p.data.month), `${p.seriesName}: ${p.data.value[1]}`]),
    },
    xAxis: { type: "time" },
    yAxis: [
      { type: "value", name: small ? "" : "conflict events", minInterval: 1 },
      { type: "value", min: 0, max: 10, show: false },
    ],
    dataZoom: small ? [] : [{ type: "slider", filterMode: "weakFilter" }, { type: "inside", filterMode: "weakFilter" }],
    series: [...bars, ...marks],
  };
}

// --- import dependence ---------------------------------------------------------------

// The importer's share from the exporter per year (trade flows: a line) and the curated
// claims of a share (points), for one mineral.
export function dependenceOption(years, claims, { small = false } = {}) {
  return {
    animation: false,
    aria: { enabled: true },
    grid: small ? { left: 44, right: 10, top: 14, bottom: 24 } : { left: 56, right: 20, top: 40, bottom: 30 },
    legend: small ? undefined : { top: 0 },
    tooltip: {
      trigger: "item",
      formatter: (p) =>
        tooltipLines(
          p.data.claim
            ? [`${p.data.year}: ${percent(p.data.value[1])} (curated claim)`, p.data.claim.sources.map((s) => s.title).join("; ")]
            : [`${p.data.value[0]}: ${percent(p.data.value[1])} of ${p.data.denominator} imports (trade flows)`],
        ),
    },
    xAxis: { type: "value", minInterval: 1, min: (v) => v.min - 1, max: (v) => v.max + 1, axisLabel: { formatter: (v) => String(v) } },
    yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
    series: [
      {
        name: "share from trade flows",
        type: "line",
        symbolSize: 7,
        data: years.filter((y) => y.share !== null).map((y) => ({ value: [y.year, y.share], sources: y.sources, denominator: y.denominator })),
      },
      {
        name: "curated claims",
        type: "scatter",
        symbol: "diamond",
        symbolSize: 13,
        data: claims.map((c) => ({ value: [c.year, c.share], year: c.year, claim: c })),
      },
    ],
  };
}

// Load the importer's dependence on the exporter for a mineral: {years, claims}.
export async function loadDependence(mineral, importer = DYAD.japan, exporter = DYAD.china) {
  const data = await gql(DEPENDENCE, { importer, exporter, mineral });
  const claims = (data.node?.relations ?? []).filter(
    (r) => r.other.id === exporter && r.share !== null && r.year !== null && r.mineral === mineral,
  );
  return { years: data.importDependence.years, claims };
}

// What a click on a dependence point shows: the figure and its sources.
export function dependenceEvidence(box, point, mineralName) {
  if (point.claim) {
    const c = point.claim;
    return showEvidence(box, `${c.year}: ${percent(c.share)} of Japan's ${mineralName} imports from China`, ["A curated claim, from:"], c.sources);
  }
  const [year, share] = point.value;
  return showEvidence(box, `${year}: ${percent(share)} of Japan's ${mineralName} imports from China`, [`Trade flows (share of ${point.denominator} imports).`], point.sources);
}

// --- the analytics tab -------------------------------------------------------------------

export class AnalyticsView {
  constructor(app) {
    this.app = app;
    this.started = false;
    this.charts = {};
  }

  async show() {
    if (this.started) return;
    this.started = true;
    this.charts = {
      exposure: makeChart($("#an-exposure")),
      dependence: makeChart($("#an-dependence")),
      conflict: makeChart($("#an-conflict")),
    };
    this.charts.exposure.on("click", (p) => p.data?.industry && this.app.focusInGraph(p.data.industry));
    this.charts.dependence.on("click", (p) => dependenceEvidence($("#an-dependence-evidence"), p.data, this.mineralName()));
    this.charts.conflict.on("click", (p) => {
      if (p.data?.id) this.app.focusInGraph(p.data.id);
      else if (p.data?.month) this.app.timeline.showMonth(p.data.month);
    });
    $("#an-restriction").addEventListener("change", () => this.exposure());
    $("#an-mineral").addEventListener("change", () => this.dependence());
    await this.choices();
    await Promise.all([this.exposure(), this.dependence(), this.conflict()]);
  }

  async choices() {
    try {
      const { inForce, minerals } = await gql(CHOICES, { today: today() });
      const measures = [...inForce].sort((a, b) => b.when.earliest.localeCompare(a.when.earliest));
      const option = (mode, node, text) => el("option", { value: node.id, dataset: { mode } }, text);
      $("#an-restriction").replaceChildren(
        el("optgroup", { label: "A measure in force (its impact)" }, measures.map((m) => option("measure", m, `${m.name} (${m.when.display})`))),
        el("optgroup", { label: "What if China restricted, to Japan…" }, minerals.nodes.map((m) => option("mineral", m, m.name))),
      );
      $("#an-restriction").value = measures.some((m) => m.id === DEFAULT_MEASURE) ? DEFAULT_MEASURE : measures[0]?.id ?? "";
      $("#an-mineral").replaceChildren(...minerals.nodes.map((m) => el("option", { value: m.id }, m.name)));
      $("#an-mineral").value = DEPENDENCE_MINERAL;
    } catch (err) {
      setStatus($("#an-exposure-status"), `Could not load the measures and minerals: ${err.message}`, "error");
    }
  }

  mineralName() {
    const select = $("#an-mineral");
    return select.selectedOptions[0]?.textContent.toLowerCase() ?? "";
  }

  async exposure() {
    const select = $("#an-restriction");
    const choice = select.selectedOptions[0];
    if (!choice) return;
    const status = $("#an-exposure-status");
    setStatus(status, "Computing exposure…");
    try {
      let answer;
      let what;
      if (choice.dataset.mode === "mineral") {
        ({ whatIf: answer } = await gql(WHAT_IF, { restricter: DYAD.china, target: DYAD.japan, minerals: [select.value] }));
        what = `if China restricted ${choice.textContent} to Japan`;
      } else {
        ({ impact: answer } = await gql(IMPACT, { policy: select.value, country: DYAD.japan }));
        what = `to ${answer.policyName}`;
      }
      // impact answers nodes where whatIf answers ids
      const industries = answer.industries.map((i) => ({
        ...i,
        industry: i.industry.id ?? i.industry,
        terms: i.terms.map((t) => ({ ...t, mineral: t.mineral.id ?? t.mineral })),
      }));
      this.charts.exposure.setOption(exposureOption(industries, answer.formula), { notMerge: true });
      this.exposureShown = { mode: choice.dataset.mode, id: select.value, industries };
      $("#an-formula").textContent = `Score: ${answer.formula}.`;
      setStatus(status, industries.length
        ? `Exposure of ${industries.length} Japanese industr${industries.length === 1 ? "y" : "ies"} ${what}, 0–1; each bar's segments are its minerals' contributions.`
        : `No Japanese industry is exposed ${what}.`);
    } catch (err) {
      setStatus(status, `Could not compute exposure: ${err.message}`, "error");
    }
  }

  async dependence() {
    const status = $("#an-dependence-status");
    try {
      const { years, claims } = await loadDependence($("#an-mineral").value);
      this.charts.dependence.setOption(dependenceOption(years, claims), { notMerge: true });
      const flows = years.filter((y) => y.share !== null).length;
      setStatus(status, `${flows} year${flows === 1 ? "" : "s"} from trade flows, ${claims.length} curated claim${claims.length === 1 ? "" : "s"}.` +
        (flows ? "" : " No trade flows are loaded for this mineral."));
    } catch (err) {
      setStatus(status, `Could not load import dependence: ${err.message}`, "error");
    }
  }

  async conflict() {
    const status = $("#an-conflict-status");
    try {
      const [{ dyadSeries }, acts] = await Promise.all([gql(DYAD_SERIES), this.app.timeline.acts()]);
      this.charts.conflict.setOption(conflictOption(dyadSeries, acts), { notMerge: true });
      setStatus(status, dyadSeries.length
        ? `${dyadSeries.length} month-directions of coded events (GDELT, POLECAT); ${acts.length} curated acts marked.`
        : `No coded event data loaded: only the ${acts.length} curated acts are marked.`);
    } catch (err) {
      setStatus(status, `Could not load the conflict series: ${err.message}`, "error");
    }
  }
}

// Stacked horizontal bars: one bar per industry, one segment per counted term (a mineral).
export function exposureOption(industries, formula) {
  const rows = [...industries].reverse(); // ECharts draws the first category at the bottom
  const minerals = [];
  for (const industry of rows) {
    for (const term of industry.terms) {
      if (term.counted && !minerals.some((m) => m.id === term.mineral)) minerals.push({ id: term.mineral, name: term.mineralName });
    }
  }
  const termLine = (t) =>
    `${t.mineralName}: intensity ${num(t.intensity)} × share ${num(t.share)} = ${num(t.value)}` +
    (t.counted ? ` → adds ${num(t.contribution)}` : " (not counted: its family has a larger term)");
  return {
    animation: false,
    aria: { enabled: true },
    color: PALETTE,
    grid: { left: 8, right: 40, top: 30, bottom: 20, containLabel: true },
    legend: { top: 0, type: "scroll" },
    tooltip: {
      trigger: "item",
      confine: true,
      extraCssText: "max-width: 460px; white-space: normal;",
      formatter: (p) => {
        const industry = rows[p.dataIndex];
        return tooltipLines([`${industry.name}: exposure ${num(industry.exposure)}`, ...industry.terms.map(termLine), " ", formula]);
      },
    },
    xAxis: { type: "value", min: 0, max: 1 },
    yAxis: { type: "category", data: rows.map((i) => i.name), axisLabel: { width: 280, overflow: "truncate" } },
    series: minerals.map((mineral) => ({
      name: mineral.name,
      type: "bar",
      stack: "exposure",
      label: { show: false },
      data: rows.map((industry) => {
        const term = industry.terms.find((t) => t.counted && t.mineral === mineral.id);
        return { value: term ? Number(num(term.contribution)) : 0, industry: industry.industry };
      }),
    })),
  };
}
