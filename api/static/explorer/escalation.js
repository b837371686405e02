// The escalation timeline: curated acts on a time axis, a lane per side (China, both, Japan,
// third parties), coloured by kind, each drawn across the days its date covers (a month-only
// fact spans its month and reads "Nov 2025"). Coded event data is a background of monthly
// counts, never rows. Zoom with the wheel or the slider, or brush a range; the list beside the
// chart follows the range.

import { gql } from "./api.js";
import { DYAD, dayLabel, endOf, makeChart, monthLabel, tooltipLines, utc } from "./charts.js";
import { VOCABULARY } from "./vocabulary.js";

// The acts, each with who did it: the far end of its actor relationships. (The state each
// actor belongs to is asked apart, in HOMES: nested two levels deep, relations would expand
// every country's coded events.)
export const ESCALATION = `query Escalation($countries: [ID!], $from: Date, $to: Date, $kinds: [NodeKind!],
    $actor: [RelationType!]!) {
  timeline(countries: $countries, from: $from, to: $to, kinds: $kinds, first: 1000) {
    totalCount capped codedEvents codedEventsIsExact
    items {
      id kind name status
      ... on Dated { when { earliest latest display precision } }
      ... on Statement { summary }
      ... on Policy { policySummary: summary }
      ... on Event { eventSummary: summary }
      relations(types: $actor, direction: OUT) { other { id } }
    }
  }
}`;

export const HOMES = `query Homes($ids: [ID!]!, $home: [RelationType!]!) {
  nodes(ids: $ids) { id relations(types: $home, direction: OUT) { type other { id } } }
}`;

export const LANES = [
  { key: "china", title: "China" },
  { key: "both", title: "China and Japan" },
  { key: "japan", title: "Japan" },
  { key: "third", title: "Third parties" },
];
const ROWS = 5; // acts on overlapping days stack in up to five rows per lane
const DAY = 86_400_000;
const MIN_SPAN = 4 * DAY; // how far apart two acts must be to share a row

// The relation types of each side role (`actor`, `nationality`, `base`), from the vocabulary.
export function sideTypes(role) {
  return VOCABULARY.relations.filter((rel) => rel.side === role).map((rel) => rel.name);
}

export function sideVariables() {
  return { actor: sideTypes("actor") };
}

// The acts with their lane: each actor's home is looked up once.
export async function withLanes(items) {
  const actors = new Set(items.flatMap((item) => item.relations.map((r) => r.other.id)));
  actors.delete(DYAD.china);
  actors.delete(DYAD.japan);
  const home = [...sideTypes("nationality"), ...sideTypes("base")];
  const { nodes } = actors.size ? await gql(HOMES, { ids: [...actors], home }) : { nodes: [] };
  const homes = new Map(nodes.filter(Boolean).map((node) => [node.id, node.relations]));
  return items.map((item) => ({ ...item, lane: laneOf(item, homes) }));
}

// Which lane an act belongs to: the side of whoever did it (a person's nationality before
// where they are based).
export function laneOf(item, homes) {
  const nationality = new Set(sideTypes("nationality"));
  const sides = new Set();
  for (const { other: actor } of item.relations ?? []) {
    let countries = [actor.id];
    if (actor.id !== DYAD.china && actor.id !== DYAD.japan) {
      const links = homes.get(actor.id) ?? [];
      const national = links.filter((h) => nationality.has(h.type));
      countries = (national.length ? national : links).map((h) => h.other.id);
    }
    if (countries.includes(DYAD.china)) sides.add("china");
    if (countries.includes(DYAD.japan)) sides.add("japan");
  }
  if (sides.size === 2) return "both";
  return sides.size ? [...sides][0] : "third";
}

// An act's place on the axis: [start, end) in ms, its lane, and a row within the lane.
export function placeActs(items) {
  const lastEnd = Object.fromEntries(LANES.map((lane) => [lane.key, Array(ROWS).fill(-Infinity)]));
  return items.map((item, i) => {
    const start = utc(item.when.earliest);
    const end = endOf(item.when.latest);
    const lane = item.lane;
    const rows = lastEnd[lane];
    let row = rows.findIndex((until) => until + MIN_SPAN <= start);
    if (row < 0) row = i % ROWS;
    rows[row] = Math.max(end, start + MIN_SPAN);
    return { item, start, end, lane, row };
  });
}

// The HTML datetime of a partial date: 2025-11-07, 2025-11 or 2025.
export function datetimeOf(when) {
  const exact = String(when.precision).toLowerCase();
  if (exact === "year") return when.earliest.slice(0, 4);
  if (exact === "month") return when.earliest.slice(0, 7);
  return when.earliest;
}

export class EscalationChart {
  // onRange follows every change of the window; onZoom only the reader's own (wheel, slider,
  // brush, a button), not those zoomTo(…, {quiet: true}) makes.
  constructor(container, { onOpen, onRange, onZoom = () => {} }) {
    this.chart = makeChart(container);
    this.onRange = onRange;
    this.quiet = false;
    this.placed = [];
    this.chart.on("click", (p) => p.data?.id && onOpen(p.data.id));
    this.chart.on("datazoom", () => {
      this.onRange(this.range());
      if (!this.quiet) onZoom(this.range());
    });
  }

  // The visible window, [start, end] in ms.
  range() {
    const zoom = this.chart.getOption().dataZoom[0];
    return [zoom.startValue, zoom.endValue];
  }

  zoomTo(start, end, { quiet = false } = {}) {
    this.quiet = quiet;
    try {
      this.chart.dispatchAction({ type: "dataZoom", dataZoomIndex: 0, startValue: start, endValue: end });
    } finally {
      this.quiet = false;
    }
  }

  // Hold the pointer down and drag across the chart to zoom to that range.
  brush(on) {
    this.chart.dispatchAction({ type: "takeGlobalCursor", key: "dataZoomSelect", dataZoomSelectActive: on });
  }

  // The window a first look shows: the last eighteen months of the record's acts.
  defaultRange() {
    if (!this.placed.length) return null;
    const end = Math.max(...this.placed.map((p) => p.end)) + 15 * DAY;
    const start = new Date(end);
    start.setUTCMonth(start.getUTCMonth() - 18);
    return [start.getTime(), end];
  }

  draw(items, window = null) {
    this.placed = placeActs(items);
    const acts = VOCABULARY.kinds.filter((kind) => kind.act);
    const lanes = Object.fromEntries(LANES.map((lane, i) => [lane.key, i]));
    const series = acts.map((kind) => ({
      id: `acts-${kind.name}`,
      name: kind.plural,
      type: "custom",
      renderItem: drawAct,
      encode: { x: [0, 1], y: 2 },
      itemStyle: { color: kind.colour },
      data: this.placed
        .filter((p) => p.item.kind === kind.name)
        .map((p) => ({
          value: [p.start, p.end, lanes[p.lane], p.row, String(p.item.when.precision).toLowerCase() === "day" ? 1 : 0],
          id: p.item.id,
          name: p.item.name,
          when: p.item.when.display,
          kind: kind.title,
        })),
    }));
    const [start, end] = window ?? this.defaultRange() ?? [null, null];
    this.chart.setOption(
      {
        animation: false,
        aria: { enabled: true },
        legend: { top: 2, left: 280, right: 70, type: "scroll" },
        grid: { left: 110, right: 56, top: 40, bottom: 64 },
        toolbox: { right: 8, top: 2, feature: { dataZoom: { yAxisIndex: "none", title: { zoom: "Brush a range", back: "Back" } } } },
        tooltip: {
          trigger: "item",
          confine: true,
          formatter: (p) =>
            p.data.id
              ? tooltipLines([p.data.name, `${p.data.kind} · ${p.data.when}`, "Click for its details and sources"])
              : tooltipLines([`${monthLabel(p.data.month)}: ${p.data.events} coded events, ${p.data.conflict} of them conflict`, "GDELT / POLECAT, counted per month"]),
        },
        xAxis: { type: "time", splitLine: { show: true, lineStyle: { color: "#eef0f3" } } },
        yAxis: [
          { type: "category", inverse: true, data: LANES.map((lane) => lane.title), splitArea: { show: true } },
          // coded counts keep to the lower third, behind the acts
          { type: "value", show: false, max: (v) => Math.max(3, v.max * 3), axisLabel: { fontSize: 10 }, splitLine: { show: false }, minInterval: 1 },
        ],
        dataZoom: [
          { type: "slider", xAxisIndex: 0, filterMode: "weakFilter", startValue: start, endValue: end, labelFormatter: dayLabel },
          { type: "inside", xAxisIndex: 0, filterMode: "weakFilter" },
        ],
        series,
      },
      { notMerge: true },
    );
    this.onRange(this.range());
  }

  // The centre of an act's bar in the chart's pixels (null when it is not drawn): what a
  // pointer clicks to open it.
  pixelOf(id) {
    const placed = this.placed.find((p) => p.item.id === id);
    if (!placed) return null;
    const lane = LANES.findIndex((l) => l.key === placed.lane);
    const at = (ms) => this.chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [ms, lane]);
    const band = Math.abs(this.chart.convertToPixel({ yAxisIndex: 0 }, 1) - this.chart.convertToPixel({ yAxisIndex: 0 }, 0));
    const box = actBox(at(placed.start), at(placed.end), band, placed.row);
    return [box.x + box.width / 2, box.y + box.height / 2];
  }

  // Coded event data behind the lanes: per month, all coded events and those in conflict.
  background(months) {
    if (!months.length) return;
    const series = [
      { name: "coded events / month", key: "events", colour: "#c9ced6" },
      { name: "of which conflict", key: "conflict", colour: "#e7a3a0" },
    ].map(({ name, key, colour }) => ({
      id: `coded-${key}`,
      name,
      type: "custom",
      yAxisIndex: 1,
      z: 1,
      renderItem: drawMonth,
      encode: { x: [0, 1], y: 2 },
      itemStyle: { color: colour, opacity: 0.6 },
      data: months.map((m) => {
        const start = utc(`${m.month}-01`);
        const next = new Date(start);
        next.setUTCMonth(next.getUTCMonth() + 1);
        return { value: [start, next.getTime(), m[key]], month: m.month, events: m.events, conflict: m.conflict };
      }),
    }));
    this.chart.setOption({ yAxis: [{}, { show: true }], series });
  }
}

// One month of coded events: a column across the month, as high as its count.
function drawMonth(params, api) {
  const from = api.coord([api.value(0), api.value(2)]);
  const to = api.coord([api.value(1), 0]);
  const rect = window.echarts.graphic.clipRectByRect(
    { x: from[0] + 1, y: from[1], width: Math.max(to[0] - from[0] - 2, 1), height: to[1] - from[1] },
    { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height },
  );
  return rect ? { type: "rect", shape: rect, style: { fill: api.visual("color"), opacity: 0.6 } } : null;
}

// Where an act is drawn: from and to are the pixels of its start and end on its lane's centre
// line, band the lane's height, row its row within the lane.
function actBox(from, to, band, row) {
  const height = Math.max(3, Math.min(12, (band * 0.8) / ROWS - 2));
  const top = from[1] - band * 0.4 + row * ((band * 0.8) / ROWS);
  return { x: from[0], y: top, width: Math.max(to[0] - from[0], 6), height };
}

// One act: a bar across the days its date covers, in its lane and row; a day-precise act at
// least a few pixels wide, an imprecise one (month, year) paler with an outline.
function drawAct(params, api) {
  const from = api.coord([api.value(0), api.value(2)]);
  const to = api.coord([api.value(1), api.value(2)]);
  const rect = window.echarts.graphic.clipRectByRect(
    actBox(from, to, api.size([0, 1])[1], api.value(3)),
    { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height },
  );
  if (!rect) return null;
  const exact = api.value(4) === 1;
  const colour = api.visual("color");
  return {
    type: "rect",
    shape: rect,
    style: { fill: colour, opacity: exact ? 0.95 : 0.45, stroke: exact ? null : colour, lineWidth: exact ? 0 : 1 },
  };
}
