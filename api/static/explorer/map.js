// The supply map: mines, deposits, plants and refiners on a world outline (world-atlas,
// vendored, turned into GeoJSON here by the vendored topojson-client; no tiles, nothing
// fetched from elsewhere), each coloured by the mineral it produces, with China's sourced share
// of each mineral's supply beside it. The mineral filter lives in the address (map.mineral).
// A site no source places has no coordinates: it is listed, never guessed onto the map.
// Its data: GET /explorer/map.json (two named queries in queries/explorer/).

import * as address from "./address.js";
import { getJson } from "./api.js";
import { DYAD, PALETTE, makeChart, percent, tooltipLines } from "./charts.js";
import { $, el, externalLink, gradeBadge, setStatus, statusTag } from "./dom.js";
import { kindColour } from "./styles.js";
import { gradeOf } from "./vocabulary.js";

const OUTLINE = "/static/vendor/world-atlas@2.0.2/countries-110m.json";
const MAP_NAME = "dyad-world";
const KEY = "map.mineral";
const NO_MINERAL = "no mineral recorded";

export const placed = (site) => site.latitude !== null && site.latitude !== undefined && site.longitude !== null && site.longitude !== undefined;

// The minerals the sites produce, most sites first, each with its colour from the shared palette.
export function mineralsOf(sites) {
  const counts = new Map();
  for (const site of sites) for (const m of site.minerals) counts.set(m.id, { ...m, sites: (counts.get(m.id)?.sites ?? 0) + 1 });
  const sorted = [...counts.values()].sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name));
  return sorted.map((m, i) => ({ ...m, colour: PALETTE[i % PALETTE.length] }));
}

// The sites shown for a mineral ("" for all), and the mineral each is drawn as: the chosen one,
// else the site's most widely produced mineral.
export function shownSites(sites, minerals, chosen) {
  const rank = new Map(minerals.map((m, i) => [m.id, i]));
  const kept = chosen ? sites.filter((s) => s.minerals.some((m) => m.id === chosen)) : sites;
  return kept.map((site) => {
    const ids = site.minerals.map((m) => m.id).sort((a, b) => rank.get(a) - rank.get(b));
    return { site, mineral: chosen || ids[0] || null };
  });
}

// world-atlas is drawn for a spherical projection, which cuts rings at the antimeridian; a flat
// map joins their two sides with a line across the world (Chukotka, Fiji). A ring that jumps
// more than 180° of longitude between two points is drawn east of it instead (its western
// longitudes + 360°), except a ring around a pole (Antarctica), which closes along the edge.
export function unwrapAntimeridian(collection) {
  const jumps = (ring) => ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
  // Around a pole, a ring's longitude steps (each taken the short way) add up to a full turn.
  const step = (d) => (d > 180 ? d - 360 : d < -180 ? d + 360 : d);
  const polar = (ring) => Math.abs(ring.reduce((turn, p, i) => (i > 0 ? turn + step(p[0] - ring[i - 1][0]) : turn), 0)) > 180;
  const ringOf = (ring) => (jumps(ring) && !polar(ring) ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring);
  const polygon = (rings) => rings.map(ringOf);
  const geometry = (g) => {
    if (!g) return g;
    if (g.type === "Polygon") return { ...g, coordinates: polygon(g.coordinates) };
    if (g.type === "MultiPolygon") return { ...g, coordinates: g.coordinates.map(polygon) };
    return g;
  };
  return { ...collection, features: collection.features.map((f) => ({ ...f, geometry: geometry(f.geometry) })) };
}

const sourceLine = (s) => `${s.name}${gradeOf(s.reliability) ? ` (grade ${gradeOf(s.reliability).title})` : ""}`;
const operatorName = (o) => (o.key ? `${o.name} (${o.key})` : o.name);

export class MapView {
  constructor(app) {
    this.app = app;
    this.started = null;
    this.data = null;
  }

  show() {
    this.started ??= this.start();
    return this.started;
  }

  async start() {
    const status = $("#map-status");
    setStatus(status, "Loading the map…");
    try {
      const [outline, answer] = await Promise.all([getJson(OUTLINE), getJson(`/explorer/map.json?country=${encodeURIComponent(DYAD.china)}`)]);
      if (outline.status !== 200 || !outline.body) throw new Error(`the world outline did not load (${outline.status})`);
      if (answer.status !== 200 || !answer.body?.sites) throw new Error(answer.body?.error?.message ?? `the server answered ${answer.status}`);
      const topology = outline.body;
      window.echarts.registerMap(MAP_NAME, unwrapAntimeridian(window.topojson.feature(topology, topology.objects.countries)));
      this.data = answer.body;
      this.minerals = mineralsOf(this.data.sites);
      this.chart = makeChart($("#map-chart"));
      this.chart.on("click", (p) => p.data?.id && this.app.focusInGraph(p.data.id));
      this.bindFilter();
      setStatus(status, "");
      this.restore(address.get());
    } catch (err) {
      setStatus(status, `Could not draw the supply map: ${err.message}`, "error");
    }
  }

  bindFilter() {
    const select = $("#map-mineral");
    const label = (m) => `${m.name}${m.symbol ? ` (${m.symbol})` : ""} · ${m.sites} site${m.sites === 1 ? "" : "s"}`;
    select.replaceChildren(el("option", { value: "" }, "every mineral"), ...this.minerals.map((m) => el("option", { value: m.id }, label(m))));
    select.disabled = false;
    select.addEventListener("change", () => {
      address.set({ [KEY]: select.value || null });
      this.draw(select.value);
    });
  }

  // The address decides the mineral: a shared link, Back or Forward.
  restore(state) {
    if (!this.data) return;
    const chosen = this.minerals.some((m) => m.id === state[KEY]) ? state[KEY] : "";
    $("#map-mineral").value = chosen;
    this.draw(chosen);
  }

  draw(chosen) {
    this.chosen = chosen;
    const shown = shownSites(this.data.sites, this.minerals, chosen);
    const onMap = shown.filter(({ site }) => placed(site));
    const colours = new Map(this.minerals.map((m) => [m.id, m]));
    const series = new Map();
    for (const { site, mineral } of onMap) {
      const m = colours.get(mineral);
      const name = m?.name ?? NO_MINERAL;
      if (!series.has(name)) series.set(name, { colour: m?.colour ?? kindColour(site.label), data: [] });
      series.get(name).data.push({ id: site.id, name: site.name, value: [site.longitude, site.latitude], site });
    }
    const style = getComputedStyle($("#map-chart"));
    const css = (name) => style.getPropertyValue(name).trim() || undefined;
    this.chart.setOption(
      {
        animation: false,
        aria: { enabled: true },
        tooltip: { trigger: "item", formatter: (p) => (p.data?.site ? this.tooltip(p.data.site) : "") },
        legend: { type: "scroll", bottom: 0 },
        geo: {
          map: MAP_NAME,
          roam: true,
          silent: true,
          itemStyle: { areaColor: css("--map-land"), borderColor: css("--map-border") },
        },
        series: [...series].map(([name, s]) => ({
          type: "scatter",
          coordinateSystem: "geo",
          name,
          data: s.data,
          symbolSize: 11,
          itemStyle: { color: s.colour, borderColor: css("--map-border"), borderWidth: 1 },
        })),
      },
      { notMerge: true },
    );
    this.lists(onMap.map(({ site }) => site), shown.filter(({ site }) => !placed(site)).map(({ site }) => site));
    this.shares(chosen);
    // Drawn: a performance mark, which the screenshots (bench/screenshots.py) wait for.
    performance.mark("map:drawn", { detail: { mineral: chosen || null, sites: onMap.length } });
  }

  tooltip(site) {
    return tooltipLines([
      site.name,
      site.operators.length ? `Operator: ${site.operators.map(operatorName).join(", ")}` : "Operator: not recorded",
      site.countries.length ? `Country: ${site.countries.join(", ")}` : "",
      site.minerals.length ? `Produces: ${site.minerals.map((m) => m.name).join(", ")}` : `Produces: ${NO_MINERAL}`,
      "Sources:",
      ...site.sources.map((s) => `· ${sourceLine(s)}`),
    ]);
  }

  // Every site shown, as a list beside the map (the map's text alternative), and the sites no
  // source places.
  lists(onMap, unplaced) {
    const item = (site) =>
      el(
        "li",
        { dataset: { id: site.id } },
        el("button", { type: "button", class: "link", title: "Open its details and sources", onclick: () => this.app.focusInGraph(site.id) }, site.name),
        el("span", { class: "muted" }, ` · ${[site.countries.join(", "), site.operators.map(operatorName).join(", ")].filter(Boolean).join(" · ")}`),
      );
    $("#map-placed-count").textContent = String(onMap.length);
    $("#map-placed").replaceChildren(...onMap.map(item));
    $("#map-unplaced-count").textContent = String(unplaced.length);
    $("#map-unplaced").replaceChildren(...unplaced.map(item));
  }

  // China's share of each shown mineral's supply: every sourced claim, or "no sourced share".
  shares(chosen) {
    const minerals = chosen ? this.minerals.filter((m) => m.id === chosen) : this.minerals;
    const claims = (id) => this.data.shares.filter((s) => s.mineral === id);
    const claim = (s) =>
      el(
        "li",
        {},
        el("strong", {}, percent(s.share)),
        s.year ? ` in ${s.year}` : "",
        s.key ? el("span", { class: "muted" }, ` · ${s.key}`) : "",
        " ",
        statusTag(s.status),
        s.note ? el("p", { class: "help" }, s.note) : "",
        el("ul", { class: "map-sources" }, s.sources.map((src) => el("li", {}, gradeBadge(src.reliability), " ", externalLink(src.url, src.name)))),
      );
    $("#map-shares").replaceChildren(
      ...minerals.map((m) => {
        const found = claims(m.id);
        const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
        swatch.style.setProperty("--swatch", m.colour);
        return el(
          "li",
          { dataset: { mineral: m.id } },
          swatch,
          el("strong", {}, m.name),
          found.length ? el("ul", { class: "map-claims" }, found.map(claim)) : el("span", { class: "muted no-share" }, " · no sourced share"),
        );
      }),
    );
  }
}
