// The Cypher tab's own editor: a researcher's read-only Cypher, highlighted as it is typed,
// run through the server's guard and caps (POST /cypher.json, the door `dyad cypher` uses),
// its rows and graph shown by the workbench, Neo4j's notifications listed.
//
// The editor is a textarea over a <pre> that shows the same text coloured: about sixty
// lines here instead of a vendored editor (CodeMirror 6 is ~400 KB bundled), and the
// textarea keeps every native behaviour (undo, selection, IME, screen readers).

import * as address from "./address.js";
import { postJson } from "./api.js";
import { $, el, externalLink, setStatus } from "./dom.js";

const KEYWORDS = new Set(
  `MATCH OPTIONAL WHERE RETURN WITH UNWIND AS ORDER BY SKIP LIMIT DISTINCT AND OR XOR NOT IN IS NULL
  TRUE FALSE CASE WHEN THEN ELSE END CALL YIELD UNION ALL EXISTS COUNT COLLECT STARTS ENDS CONTAINS
  ASC DESC ASCENDING DESCENDING SHORTESTPATH ALLSHORTESTPATHS SHOW CREATE MERGE DELETE DETACH SET
  REMOVE DROP FOREACH LOAD CSV`.split(/\s+/),
);

// One token at a time: comments, strings, backquoted names, parameters, :Labels and
// :TYPES, numbers, words; anything else as it is.
const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)|(`[^`]*`?)|(\$\w+)|(:\s*[A-Za-z_]\w*)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_]\w*)/g;
const CLASSES = [null, "cm", "cs", "cb", "cp", "cl", "cn", "kw"];

// The text as nodes: each token in a <span class> (never as HTML).
export function highlight(text) {
  const out = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    const group = match.slice(1).findIndex((part) => part !== undefined) + 1;
    const word = match[0];
    const cls = group === 7 ? (KEYWORDS.has(word.toUpperCase()) ? "kw" : null) : CLASSES[group];
    out.push(cls ? el("span", { class: cls }, word) : word);
    at = match.index + word.length;
  }
  out.push(text.slice(at));
  out.push("\n"); // a trailing newline keeps the overlay as tall as the textarea
  return out;
}

export class CypherEditor {
  constructor(workbench) {
    this.workbench = workbench;
    this.text = $("#cypher-text");
    this.shown = $("#cypher-hl");
    this.text.addEventListener("input", () => this.paint());
    this.text.addEventListener("scroll", () => {
      this.shown.scrollTop = this.text.scrollTop;
      this.shown.scrollLeft = this.text.scrollLeft;
    });
    this.text.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.run();
      }
    });
    $("#cypher-free").addEventListener("submit", (event) => {
      event.preventDefault();
      this.run();
    });
    this.paint();
  }

  paint() {
    this.shown.replaceChildren(...highlight(this.text.value));
  }

  // What the server says of this door (from /queries.json): its caps, and Neo4j Browser.
  describe(door) {
    if (!door) return;
    if (!this.text.value && door.example) this.set(door.example);
    $("#cypher-caps").textContent = `Read-only; stopped after ${door.timeout} s; at most ${door.maxRows} rows. Ctrl+Enter runs.`;
    $("#cypher-browser").replaceChildren(
      door.neo4jBrowser
        ? externalLink(door.neo4jBrowser, "Open Neo4j Browser")
        : el("span", { class: "muted" }, "Neo4j Browser: this server does not run its own Neo4j, so there is no Browser to link to."),
    );
  }

  set(text) {
    this.text.value = text;
    this.paint();
  }

  async run({ record = true } = {}) {
    const text = this.text.value;
    const status = $("#cypher-status");
    if (!text.trim()) {
      setStatus(status, "Type a query first, e.g. MATCH (n) RETURN n LIMIT 5.", "error");
      return;
    }
    if (record) {
      const cleared = Object.fromEntries(Object.keys(address.get()).filter((k) => k.startsWith("cy.")).map((k) => [k, null]));
      address.set({ ...cleared, view: "cypher", "cy.text": text });
    }
    this.workbench.lastRun = `text:${text}`;
    setStatus(status, "Running…");
    try {
      const { status: code, body } = await postJson("/cypher.json", { cypher: text });
      if (code !== 200 || !body || body.error) {
        const message = body && body.error ? `${body.error.code}: ${body.error.message}` : `the server answered ${code}`;
        setStatus(status, message, "error");
        this.workbench.renderNotes([]);
        return;
      }
      this.workbench.showResult(body);
    } catch (err) {
      setStatus(status, `Could not run the query: ${err.message}`, "error");
    }
  }
}
