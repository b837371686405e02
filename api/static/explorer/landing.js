// The landing view, "the dyad now": the measures in force today, the latest curated
// developments, the seed chain in one line, the record's health, and two small charts (the
// monthly conflict series, China's share of Japan's imports). Every figure opens its evidence.

import { gql } from "./api.js";
import {
  DYAD,
  DYAD_SERIES,
  conflictOption,
  dependenceEvidence,
  dependenceOption,
  loadDependence,
  makeChart,
  monthsBefore,
  percent,
  today,
} from "./charts.js";
import { $, badge, el, gradeBadge, setStatus } from "./dom.js";
import { AUDIT } from "./record.js";
import { kindOf, relationOf, statusOf, VOCABULARY } from "./vocabulary.js";

const SHOWN = 8; // measures and developments listed before "all …"
const DEPENDENCE_MINERAL = { id: "mineral:rare-earths", name: "rare earths" };

export const NOW = `query Now($today: Date!, $since: Date!) {
  inForce(asOf: $today, first: 100) { id kind name when { display earliest } }
  latest: timeline(from: $since, first: 1000) {
    items { id kind name ... on Dated { when { display earliest latest precision } } }
  }
}`;
export const SEED = `query Seed($start: ID!, $toKind: NodeKind, $toCountry: ID) {
  causalChains(from: $start, toKind: $toKind, toCountry: $toCountry, maxHops: 4, first: 10) {
    score nodes { id kind name } steps { relation forward }
  }
}`;

// The chain the landing shows: the strongest that passes through something that is neither an
// act nor the end kind (a mineral: the mechanism), else the strongest.
export function seedChain(chains) {
  const end = VOCABULARY.kinds.find((kind) => kind.chainDefault)?.name;
  const mechanism = (chain) => chain.nodes.slice(1, -1).some((node) => !kindOf(node.kind)?.act && node.kind !== end);
  return chains.find(mechanism) ?? chains[0] ?? null;
}

export class LandingView {
  constructor(app, start) {
    this.app = app;
    this.start = start;
    this.started = false;
  }

  async show() {
    if (this.started) return;
    this.started = true;
    $("#now-date").textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    this.conflictChart = makeChart($("#now-conflict"));
    this.dependenceChart = makeChart($("#now-dependence"));
    this.conflictChart.on("click", (p) => {
      if (p.data?.id) this.app.focusInGraph(p.data.id);
      else if (p.data?.month) this.app.timeline.showMonth(p.data.month);
    });
    this.dependenceChart.on("click", (p) => dependenceEvidence($("#now-evidence"), p.data, DEPENDENCE_MINERAL.name));
    await Promise.all([this.load(), this.seed(), this.health(), this.series(), this.dependence()]);
  }

  async load() {
    const status = $("#now-status");
    setStatus(status, "Loading…");
    try {
      const day = today();
      const data = await gql(NOW, { today: day, since: monthsBefore(day, 12) });
      this.measures(data.inForce);
      this.developments(data.latest.items);
      setStatus(status, "");
    } catch (err) {
      setStatus(status, `Could not load the landing view: ${err.message}`, "error");
    }
  }

  async seed() {
    const end = VOCABULARY.kinds.find((kind) => kind.chainDefault)?.name ?? null;
    const ask = () => gql(SEED, { start: this.start.id, toKind: end, toCountry: DYAD.japan });
    try {
      // A cold server may run past the query time limit once; the second try is warm.
      const data = await ask().catch(() => ask());
      this.chain(seedChain(data.causalChains));
    } catch (err) {
      $("#now-chain").replaceChildren(el("p", { class: "error" }, `Could not trace the seed chain: ${err.message}`));
    }
  }

  // A list of dated nodes, newest first, the first SHOWN visible and the rest behind "all".
  dated(items, label, { kinds = true } = {}) {
    const row = (item) =>
      el(
        "li",
        { dataset: { id: item.id } },
        el("time", { datetime: item.when.earliest }, item.when.display),
        kinds ? badge(item.kind) : null,
        " ",
        el("button", { type: "button", class: "link now-open", dataset: { id: item.id }, title: "Open its details and sources", onclick: () => this.app.focusInGraph(item.id) }, item.name),
      );
    const sorted = [...items].sort((a, b) => b.when.earliest.localeCompare(a.when.earliest));
    const first = el("ol", { class: "now-list" }, sorted.slice(0, SHOWN).map(row));
    if (sorted.length <= SHOWN) return [first];
    return [first, el("details", {}, el("summary", {}, `All ${sorted.length} ${label}`), el("ol", { class: "now-list" }, sorted.slice(SHOWN).map(row)))];
  }

  measures(inForce) {
    $("#now-measures-count").textContent = String(inForce.length);
    $("#now-measures").replaceChildren(...this.dated(inForce, "measures in force", { kinds: false }));
  }

  developments(items) {
    $("#now-latest").replaceChildren(...this.dated(items, "developments of the past year"));
  }

  chain(chain) {
    const box = $("#now-chain");
    if (!chain) {
      box.replaceChildren(el("p", { class: "muted" }, "No chain from the remark in the record."));
      return;
    }
    const parts = [];
    chain.nodes.forEach((node, i) => {
      if (i > 0) {
        const step = chain.steps[i - 1];
        const rel = relationOf(step.relation);
        const reading = step.forward === false && rel?.reversed ? rel.reversed : rel?.title ?? "";
        parts.push(el("span", { class: "chain-arrow", "aria-label": reading }, ` → `, el("small", {}, reading), ` → `));
      }
      parts.push(
        el("button", { type: "button", class: "chain-step", dataset: { id: node.id }, title: "Open its details and sources", onclick: () => this.app.focusInGraph(node.id) },
          badge(node.kind), " ", node.name),
      );
    });
    box.replaceChildren(
      el("p", { class: "chain-line" }, parts),
      el("p", { class: "help" }, `Strength ${percent(chain.score)} (the product of the steps' confidences). `,
        el("button", { type: "button", class: "link", onclick: () => this.app.openChains(this.start.id, this.start.name) }, "Trace every chain from the remark")),
    );
  }

  async health() {
    const box = $("#now-health");
    try {
      const { audit } = await gql(AUDIT);
      const facts = audit.factsByStatus.reduce((sum, s) => sum + s.count, 0);
      const confirmed = audit.factsByStatus.find((s) => statusOf(s.status) === VOCABULARY.statuses[0])?.count ?? 0;
      box.replaceChildren(
        el("p", { class: audit.healthy ? "record-ok" : "record-bad" },
          audit.healthy ? "Every fact keeps the status rules." : `${audit.breaches.length} facts break a status rule.`),
        el("p", {}, `${facts} facts, ${percent(facts ? confirmed / facts : 0)} ${VOCABULARY.statuses[0].title}.`),
        el("ul", { class: "grade-counts", "aria-label": "Sources by grade" }, audit.sourcesByGrade.map((g) => el("li", {}, gradeBadge(g.grade), ` ${g.count}`))),
        el("p", {}, el("button", { type: "button", class: "link", id: "now-audit", onclick: () => this.app.openRecord() }, "The full audit")),
      );
    } catch (err) {
      box.replaceChildren(el("p", { class: "error" }, `Audit failed: ${err.message}`));
    }
  }

  async series() {
    const status = $("#now-conflict-status");
    try {
      const [{ dyadSeries }, acts] = await Promise.all([gql(DYAD_SERIES), this.app.timeline.acts()]);
      this.conflictChart.setOption(conflictOption(dyadSeries, acts, { small: true }), { notMerge: true });
      setStatus(status, dyadSeries.length ? "Conflict events per month (GDELT, POLECAT); curated acts marked." : "No coded event data loaded; curated acts marked.");
    } catch (err) {
      setStatus(status, `Could not load the series: ${err.message}`, "error");
    }
  }

  async dependence() {
    const status = $("#now-dependence-status");
    try {
      const { years, claims } = await loadDependence(DEPENDENCE_MINERAL.id);
      this.dependenceChart.setOption(dependenceOption(years, claims, { small: true }), { notMerge: true });
      const latest = [...claims.map((c) => [c.year, c.share]), ...years.filter((y) => y.share !== null).map((y) => [y.year, y.share])].sort((a, b) => b[0] - a[0])[0];
      setStatus(status, latest ? `Latest: ${percent(latest[1])} in ${latest[0]}. Click a point for its sources.` : "No import shares in the record.");
    } catch (err) {
      setStatus(status, `Could not load import dependence: ${err.message}`, "error");
    }
  }
}
