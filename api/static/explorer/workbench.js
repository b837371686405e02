// View 4: the Cypher workbench. Pick a canned (read-only) query, fill its parameters, run it,
// read the rows and see the graph. Contract: GET /queries.json, GET /queries/{name}.json?…

import { getJson } from "./api.js";
import { $, el, setStatus } from "./dom.js";
import { graphStyle, normaliseEdge, normaliseNode, fitGraph } from "./styles.js";
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
  }

  async show() {
    if (!this.loaded) await this.load();
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

  renderParams() {
    const query = this.current();
    if (!query) return;
    $("#cypher-description").textContent = query.description || "";
    const example = query.example && typeof query.example === "object" ? query.example : {};
    $("#cypher-example").replaceChildren(
      typeof query.example === "string" && query.example ? el("code", {}, query.example) : "",
    );
    $("#cypher-params").replaceChildren(
      ...(query.parameters || []).map((p) => inputFor(p, example[p.name] ?? p.default)),
    );
  }

  url(query) {
    const search = new URLSearchParams();
    for (const input of $("#cypher-params").querySelectorAll("input")) {
      if (input.type === "checkbox") search.set(input.name, input.checked ? "true" : "false");
      else if (input.value !== "") search.set(input.name, input.value);
    }
    const qs = search.toString();
    return `/queries/${encodeURIComponent(query.name)}.json${qs ? `?${qs}` : ""}`;
  }

  async run() {
    const query = this.current();
    const status = $("#cypher-status");
    if (!query) return;
    setStatus(status, "Running…");
    try {
      const { status: code, body } = await getJson(this.url(query));
      if (code !== 200 || !body || body.error) {
        const message = body && body.error ? `${body.error.code}: ${body.error.message}` : `the server answered ${code}`;
        setStatus(status, message, "error");
        return;
      }
      this.renderTable(body);
      this.renderGraph(body.graph || { nodes: [], edges: [] });
      const n = body.rows.length;
      setStatus(status, `${n} row${n === 1 ? "" : "s"}${body.truncated ? " (truncated)" : ""}.`);
    } catch (err) {
      setStatus(status, `Could not run ${query.name}: ${err.message}`, "error");
    }
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
