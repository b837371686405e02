// View 4: the Cypher workbench. Pick a canned (read-only) query, fill its parameters, run it,
// or write your own in the editor (cypher.js); read the rows, Neo4j's notifications and the
// graph. Contract: GET /queries.json, GET /queries/{name}.json?…, POST /cypher.json.

import * as address from "./address.js";
import { getJson } from "./api.js";
import { CypherEditor } from "./cypher.js";
import { $, el, setStatus } from "./dom.js";
import { graphStyle, normaliseEdge, normaliseNode, fitGraph, followZoom } from "./styles.js";
import { relationOf } from "./vocabulary.js";

const LAYOUT = { name: "cose", animate: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 60000, padding: 24 };

function inputFor(param, value) {
  const type = String(param.type || "string").toLowerCase();
  const id = `cypher-param-${param.name}`;
  const attrs = { id, name: param.name, "data-type": type };
  let input;
  if (type.startsWith("bool")) {
    input = el("input", { ...attrs, type: "checkbox", checked: value === true || value === "true" });
  } else if (type.startsWith("int") || type === "float" || type === "number") {
    input = el("input", { ...attrs, type: "number", step: type.startsWith("int") ? "1" : "any", value: value ?? "" });
  } else if (type === "date") {
    input = el("input", { ...attrs, type: "date", value: value ?? "" });
  } else {
    input = el("input", { ...attrs, type: "text", value: Array.isArray(value) ? value.join(",") : value ?? "" });
  }
  return el(
    "div",
    { class: "param" },
    el("label", { for: id }, param.name, el("span", { class: "ptype" }, ` (${type})`)),
    input,
    param.description ? el("p", { class: "help" }, param.description) : null,
  );
}

function cellText(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (typeof value === "object") {
    // A path: its nodes in order.
    if (Array.isArray(value.nodes)) return value.nodes.map((n) => (typeof n === "object" ? n.name || n.id : n)).join(" → ");
    if (value.name && value.id) return `${value.name} (${value.id})`;
    if (value.id) return String(value.id);
    return JSON.stringify(value);
  }
  return String(value);
}

export class Workbench {
  constructor(app) {
    this.app = app;
    this.queries = [];
    this.loaded = false;
    this.cy = cytoscape({ container: $("#cypher-cy"), style: graphStyle(), minZoom: 0.15, maxZoom: 3 });
    $("#cypher-query").addEventListener("change", () => this.renderParams());
    $("#cypher-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.run();
    });
    this.cy.on("tap", "node", (event) => this.app.focusInGraph(event.target.id()));
    this.cy.on("mouseover", "edge", (event) => event.target.addClass("hover"));
    this.cy.on("mouseout", "edge", (event) => event.target.removeClass("hover"));
    followZoom(this.cy);
    this.editor = new CypherEditor(this);
  }

  async show() {
    if (!this.loading) this.loading = this.load();
    await this.loading;
  }

  // A shared address, Back or Forward: run the query it names, unless it ran last.
  async restore(state) {
    await this.show();
    const text = state["cy.text"];
    const canned = state["cy.canned"];
    if (text) {
      if (this.lastRun === `text:${text}`) return;
      this.editor.set(text);
      await this.editor.run({ record: false });
    } else if (canned && this.queries.some((q) => q.name === canned)) {
      const params = Object.fromEntries(
        Object.entries(state).filter(([k]) => k.startsWith("cy.p.")).map(([k, v]) => [k.slice(5), v]),
      );
      const key = `canned:${canned}?${new URLSearchParams(params)}`;
      if (this.lastRun === key) return;
      $("#cypher-query").value = canned;
      this.renderParams(params);
      await this.run({ record: false });
    }
  }

  async load() {
    const status = $("#cypher-status");
    let result;
    try {
      result = await getJson("/queries.json");
    } catch {
      result = { status: 0, body: null };
    }
    this.loaded = true;
    this.editor.describe(result.body?.cypher);
    const queries = result.status === 200 && result.body && Array.isArray(result.body.queries) ? result.body.queries : [];
    this.queries = queries;
    const select = $("#cypher-query");
    if (!queries.length) {
      select.replaceChildren(el("option", { value: "" }, "no canned queries available"));
      select.disabled = true;
      $("#cypher-run").disabled = true;
      setStatus(status, "No canned queries available on this server.", "muted");
      $("#cypher-empty").textContent = "No canned queries available.";
      return;
    }
    select.replaceChildren(...queries.map((q) => el("option", { value: q.name }, q.title || q.name)));
    select.disabled = false;
    $("#cypher-run").disabled = false;
    setStatus(status, `${queries.length} canned queries.`);
    $("#cypher-empty").textContent = "Run a query to see its rows and graph.";
    this.renderParams();
  }

  current() {
    return this.queries.find((q) => q.name === $("#cypher-query").value);
  }

  renderParams(values = null) {
    const query = this.current();
    if (!query) return;
    $("#cypher-description").textContent = query.description || "";
    const example = query.example && typeof query.example === "object" ? query.example : {};
    $("#cypher-example").replaceChildren(
      typeof query.example === "string" && query.example ? el("code", {}, query.example) : "",
    );
    $("#cypher-params").replaceChildren(
      ...(query.parameters || []).map((p) => inputFor(p, values ? values[p.name] ?? "" : example[p.name] ?? p.default)),
    );
  }

  values() {
    const values = {};
    for (const input of $("#cypher-params").querySelectorAll("input")) {
      if (input.type === "checkbox") values[input.name] = input.checked ? "true" : "false";
      else if (input.value !== "") values[input.name] = input.value;
    }
    return values;
  }

  url(query) {
    const qs = new URLSearchParams(this.values()).toString();
    return `/queries/${encodeURIComponent(query.name)}.json${qs ? `?${qs}` : ""}`;
  }

  async run({ record = true } = {}) {
    const query = this.current();
    const status = $("#cypher-status");
    if (!query) return;
    const values = this.values();
    if (record) {
      const cleared = Object.fromEntries(Object.keys(address.get()).filter((k) => k.startsWith("cy.")).map((k) => [k, null]));
      const params = Object.fromEntries(Object.entries(values).map(([k, v]) => [`cy.p.${k}`, v]));
      address.set({ ...cleared, view: "cypher", "cy.canned": query.name, ...params });
    }
    this.lastRun = `canned:${query.name}?${new URLSearchParams(values)}`;
    setStatus(status, "Running…");
    try {
      const { status: code, body } = await getJson(this.url(query));
      if (code !== 200 || !body || body.error) {
        const message = body && body.error ? `${body.error.code}: ${body.error.message}` : `the server answered ${code}`;
        setStatus(status, message, "error");
        this.renderNotes([]);
        return;
      }
      this.showResult(body);
    } catch (err) {
      setStatus(status, `Could not run ${query.name}: ${err.message}`, "error");
    }
  }

  // An answer of either door: rows, graph, Neo4j's notifications, the row count.
  showResult(body) {
    this.renderTable(body);
    this.renderGraph(body.graph || { nodes: [], edges: [] });
    this.renderNotes(body.notifications || []);
    const n = body.rows.length;
    setStatus($("#cypher-status"), `${n} row${n === 1 ? "" : "s"}${body.truncated ? " (truncated at the row cap)" : ""}.`);
  }

  // What Neo4j noticed about the query (an unknown label, a cartesian product…).
  renderNotes(notes) {
    const list = $("#cypher-notes");
    list.replaceChildren(
      ...notes.map((note) =>
        el(
          "li",
          { class: `note-${String(note.severity).toLowerCase()}`, dataset: { status: note.status } },
          el("strong", {}, `${String(note.severity).toLowerCase()} ${note.status}`),
          note.line ? ` (line ${note.line}, column ${note.column})` : "",
          `: ${note.description}`,
        ),
      ),
    );
    list.hidden = !notes.length;
  }

  renderTable(body) {
    const head = el("thead", {}, el("tr", {}, body.columns.map((c) => el("th", { scope: "col" }, c))));
    const rows = el("tbody", {}, body.rows.map((row) => el("tr", {}, row.map((cell) => el("td", {}, cellText(cell))))));
    $("#cypher-table").replaceChildren(head, rows);
    $("#cypher-table-wrap").hidden = false;
  }

  renderGraph(graph) {
    const nodes = (graph.nodes || []).map((n) => ({
      group: "nodes",
      data: normaliseNode({ ...n.data, label: n.data.label || n.data.name || n.data.id }),
    }));
    const ids = new Set(nodes.map((n) => n.data.id));
    const edges = (graph.edges || [])
      .filter((e) => ids.has(e.data.source) && ids.has(e.data.target))
      .map((e, i) => ({
        group: "edges",
        data: normaliseEdge({ ...e.data, id: e.data.id || `e${i}`, label: e.data.label || relationOf(e.data.type)?.title || String(e.data.type || "") }),
      }));
    this.cy.elements().remove();
    this.cy.resize(); // the table above may just have appeared
    this.cy.add([...nodes, ...edges]);
    this.cy.layout(LAYOUT).run();
    fitGraph(this.cy, 24);
    $("#cypher-empty").hidden = nodes.length > 0;
    if (!nodes.length) $("#cypher-empty").textContent = "This result has no graph.";
  }
}
