// The Review view: what the article reader read but could not place (names the graph does not
// know, claims it extracted) waits here until a curator accepts, links or rejects it.
//
// The list pages through GraphQL `reviewQueue`; the chosen item (GraphQL `reviewItem`, its
// article's text with the span marked) is in the address (rv.item; rv.kind filters the list),
// so a shared link opens the same item. Decisions are the token-protected mutations: the
// curator's token is entered once, kept in this tab's sessionStorage (never in the address)
// and sent as `Authorization: Bearer …`. Kinds and statuses come from GraphQL's enums and the
// vocabulary; this file names none of them.

import * as address from "./address.js";
import { gql, SEARCH } from "./api.js";
import { $, badge, el, setStatus } from "./dom.js";
import { VOCABULARY } from "./vocabulary.js";

const PAGE = 20;
const MATCHES = 6;
const TOKEN_KEY = "dyad.curatorToken";

// The closed sets the forms offer, from the schema itself.
export const REVIEW_ENUMS = `query ReviewEnums {
  reviewKinds: __type(name: "ReviewKind") { enumValues { name } }
  candidateKinds: __type(name: "CandidateKind") { enumValues { name } }
}`;

export const REVIEW_QUEUE = `query ReviewQueue($kind: ReviewKind, $first: Int!, $after: String) {
  reviewQueue(kind: $kind, first: $first, after: $after) {
    nodes { id kind name sourceTitle suggestedKind }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const REVIEW_ITEM = `query ReviewItem($id: ID!) {
  reviewItem(id: $id) {
    id kind state name source sourceTitle resolvedAs suggestedKind quote startChar endChar
    articleText reviewedAt reviewedBy reviewReason properties
  }
}`;

export const REVIEW_HISTORY = `query ReviewHistory($id: ID!) {
  history(id: $id, first: 20) { nodes { id action at by sources } }
}`;

export const ACCEPT_CANDIDATE = `mutation AcceptCandidate($id: ID!, $as: CandidateKind, $status: Status, $confidence: Float) {
  acceptCandidate(id: $id, as: $as, status: $status, confidence: $confidence) { id state result }
}`;

export const LINK_CANDIDATE = `mutation LinkCandidate($id: ID!, $to: ID!) {
  linkCandidate(id: $id, to: $to) { id state result }
}`;

export const REJECT_CANDIDATE = `mutation RejectCandidate($id: ID!, $reason: String!) {
  rejectCandidate(id: $id, reason: $reason) { id state result }
}`;

// An enum's name as words: "CANDIDATE_ENTITY" → "candidate entity".
const words = (name) => String(name || "").toLowerCase().replace(/_/g, " ");

// Where the item lies in its article: the name's span, or for a claim its sentence (the quote,
// found in the text; a clipped quote by the part before its ellipsis).
export function spanOf(item) {
  const text = item.articleText || "";
  if (Number.isInteger(item.startChar) && Number.isInteger(item.endChar) && item.startChar < item.endChar && item.endChar <= text.length) {
    return [item.startChar, item.endChar];
  }
  const quote = String(item.quote || "").replace(/\s*…$/, "").trim();
  const at = quote ? text.indexOf(quote) : -1;
  return at < 0 ? null : [at, at + quote.length];
}

export class ReviewView {
  constructor(app) {
    this.app = app;
    this.started = false;
    this.cursors = [null]; // the `after` of each page seen so far
    this.pageIndex = 0;
    this.kind = "";
    this.itemId = "";
    this.enums = { reviewKinds: [], candidateKinds: [] };
    this.bindToken();
    $("#review-kind").addEventListener("change", (event) => {
      address.set({ view: "review", "rv.kind": event.target.value });
      this.setKind(event.target.value);
    });
    $("#review-prev").addEventListener("click", () => this.page(this.pageIndex - 1));
    $("#review-next").addEventListener("click", () => this.page(this.pageIndex + 1));
  }

  // --- the curator's token: once per tab, never in the address --------------------------------

  get token() {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  }

  bindToken() {
    const form = $("#review-token-form");
    const input = $("#review-token");
    const forget = $("#review-token-forget");
    const shown = () => {
      const held = Boolean(this.token);
      forget.hidden = !held;
      setStatus($("#review-token-status"), held ? "A token is set for this tab." : "No token: you can read the queue, not decide.");
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (value) sessionStorage.setItem(TOKEN_KEY, value);
      input.value = "";
      shown();
    });
    forget.addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      shown();
      input.focus();
    });
    shown();
  }

  // --- the list -------------------------------------------------------------------------------

  async show() {
    if (this.started) return;
    this.started = true;
    try {
      const data = await gql(REVIEW_ENUMS);
      this.enums = {
        reviewKinds: data.reviewKinds?.enumValues.map((v) => v.name) ?? [],
        candidateKinds: data.candidateKinds?.enumValues.map((v) => v.name) ?? [],
      };
    } catch (err) {
      setStatus($("#review-status"), `Could not read the queue's kinds: ${err.message}`, "error");
    }
    const select = $("#review-kind");
    select.replaceChildren(el("option", { value: "" }, "every kind"), ...this.enums.reviewKinds.map((name) => el("option", { value: name }, words(name))));
    this.restore(address.get(), { force: true });
  }

  restore(state, { force = false } = {}) {
    if (!this.started) return; // show() restores once the enums are in
    const kind = state["rv.kind"] || "";
    if (force || kind !== this.kind) this.setKind(kind);
    const id = state["rv.item"] || "";
    if (force || id !== this.itemId) this.open(id, { record: false });
  }

  setKind(kind) {
    this.kind = this.enums.reviewKinds.includes(kind) ? kind : "";
    $("#review-kind").value = this.kind;
    this.cursors = [null];
    this.page(0);
  }

  async page(index) {
    if (index < 0 || index >= this.cursors.length) return;
    this.pageIndex = index;
    const status = $("#review-status");
    setStatus(status, "Loading the queue…");
    let queue;
    try {
      queue = (await gql(REVIEW_QUEUE, { kind: this.kind || null, first: PAGE, after: this.cursors[index] })).reviewQueue;
    } catch (err) {
      setStatus(status, `Could not load the queue: ${err.message}`, "error");
      return;
    }
    const next = queue.pageInfo.hasNextPage ? queue.pageInfo.endCursor : null;
    this.cursors = [...this.cursors.slice(0, index + 1), ...(next ? [next] : [])];
    $("#review-prev").disabled = index === 0;
    $("#review-next").disabled = !next;
    const count = queue.nodes.length;
    const first = index * PAGE + 1;
    setStatus(status, count ? `Pending: items ${first}–${first + count - 1}${next ? " (more on the next page)" : ""}.` : "Nothing is waiting for review.");
    $("#review-list").replaceChildren(
      ...queue.nodes.map((item) =>
        el(
          "li",
          {},
          el(
            "button",
            {
              type: "button",
              class: "result review-entry",
              dataset: { id: item.id },
              "aria-current": item.id === this.itemId ? "true" : null,
              onclick: () => this.open(item.id),
            },
            el("span", { class: "result-name" }, item.name),
            el("span", { class: "result-date" }, [words(item.kind), item.suggestedKind && `as ${words(item.suggestedKind)}?`, item.sourceTitle].filter(Boolean).join(" · ")),
          ),
        ),
      ),
    );
  }

  // --- one item -------------------------------------------------------------------------------

  async open(id, { record = true } = {}) {
    this.itemId = id;
    if (record) address.set({ view: "review", "rv.item": id });
    for (const entry of document.querySelectorAll("#review-list .review-entry")) {
      if (entry.dataset.id === id) entry.setAttribute("aria-current", "true");
      else entry.removeAttribute("aria-current");
    }
    const pane = $("#review-item");
    if (!id) {
      pane.replaceChildren(el("p", { class: "muted" }, "Choose an item on the left to see it in its article."));
      return;
    }
    pane.replaceChildren(el("p", { class: "status" }, "Loading…"));
    let item;
    try {
      item = (await gql(REVIEW_ITEM, { id })).reviewItem;
    } catch (err) {
      pane.replaceChildren(el("p", { class: "status error" }, `Could not load ${id}: ${err.message}`));
      return;
    }
    if (this.itemId !== id) return; // another item was chosen meanwhile
    if (!item) {
      pane.replaceChildren(el("p", { class: "status error" }, `No item ${id} in the review queue.`));
      return;
    }
    this.render(item);
  }

  render(item) {
    const props = JSON.parse(item.properties || "{}");
    const named = Number.isInteger(item.startChar); // a name in the text, not a claim
    const pending = !item.reviewedAt;
    const pane = $("#review-item");
    const matches = el("ul", { class: "review-matches", "aria-label": "Close matches in the graph" });
    pane.replaceChildren(
      el("h2", { id: "review-item-title" }, item.name),
      el(
        "p",
        { class: "meta" },
        el("span", { class: "review-kind" }, words(item.kind)),
        item.suggestedKind ? el("span", {}, `suggested: ${words(item.suggestedKind)}`) : null,
        el("span", { class: "review-state" }, words(item.state)),
      ),
      pending ? null : this.decided(item),
      el("h3", {}, "In its article"),
      el(
        "p",
        { class: "help" },
        item.source
          ? el("button", { type: "button", class: "link", onclick: () => this.app.focusInGraph(item.source) }, item.sourceTitle || item.source)
          : "The article is not in the graph.",
      ),
      this.articleText(item),
      el("h3", {}, named ? "Close matches in the graph" : "What the claim joins"),
      matches,
      pending ? this.forms(item, named) : null,
      el("div", { id: "review-decision", class: "status", role: "status", "aria-live": "polite" }),
    );
    pane.querySelector("mark")?.scrollIntoView({ block: "nearest" });
    if (named) this.findMatches(item, matches, pending);
    else this.showEnds(props, matches);
    if (item.resolvedAs) this.showHistory(item.resolvedAs);
  }

  articleText(item) {
    const text = item.articleText;
    if (!text) return el("p", { class: "muted" }, "The article's text is not in the graph.");
    const span = spanOf(item);
    const body = span
      ? [text.slice(0, span[0]), el("mark", {}, text.slice(span[0], span[1])), text.slice(span[1])]
      : [text];
    return el("div", { class: "review-text", tabindex: "0", role: "region", "aria-label": "The article's text, the item marked" }, ...body);
  }

  async findMatches(item, list, pending) {
    list.replaceChildren(el("li", { class: "muted" }, "Searching…"));
    let edges;
    try {
      edges = (await gql(SEARCH, { text: item.name, kinds: null, first: MATCHES })).search.edges;
    } catch (err) {
      list.replaceChildren(el("li", { class: "error" }, `Search failed: ${err.message}`));
      return;
    }
    if (!edges.length) {
      list.replaceChildren(el("li", { class: "muted" }, "Nothing in the graph matches this name."));
      return;
    }
    list.replaceChildren(
      ...edges.map(({ node }) =>
        el(
          "li",
          {},
          badge(node.kind),
          " ",
          el("button", { type: "button", class: "link review-match", dataset: { id: node.id }, onclick: () => this.app.focusInGraph(node.id) }, node.name),
          el("code", {}, node.id),
          pending
            ? el("button", { type: "button", class: "review-use", onclick: () => this.useForLink(node.id) }, "Link to this")
            : null,
        ),
      ),
    );
  }

  showEnds(props, list) {
    const ends = [props.start, props.end].filter(Boolean);
    list.replaceChildren(
      ...(ends.length
        ? ends.map((id) => el("li", {}, el("button", { type: "button", class: "link review-match", dataset: { id }, onclick: () => this.app.focusInGraph(id) }, id)))
        : [el("li", { class: "muted" }, props.reason ? `The reader could not resolve it: ${props.reason}.` : "The reader found no ends.")]),
    );
    if (props.type) list.prepend(el("li", { class: "muted" }, `${props.start || "?"} → ${props.end || "?"}, read as ${words(props.type)}`));
  }

  useForLink(id) {
    const input = $("#review-link-to");
    if (!input) return;
    input.value = id;
    input.focus();
  }

  decided(item) {
    const when = item.reviewedAt ? new Date(item.reviewedAt).toISOString().slice(0, 16).replace("T", " ") : "";
    return el(
      "div",
      { class: "review-decided" },
      el("p", {}, `${words(item.state)} ${when} UTC by ${item.reviewedBy || "?"}`, item.reviewReason ? ` — reason: ${item.reviewReason}` : ""),
      item.resolvedAs
        ? el("p", {}, "Now in the graph as ", el("button", { type: "button", class: "link review-result", dataset: { id: item.resolvedAs }, onclick: () => this.app.focusInGraph(item.resolvedAs) }, item.resolvedAs))
        : null,
      item.resolvedAs ? el("ol", { id: "review-history", class: "review-history", "aria-label": `History of ${item.resolvedAs}` }) : null,
    );
  }

  async showHistory(id) {
    const list = $("#review-history");
    if (!list) return;
    try {
      const changes = (await gql(REVIEW_HISTORY, { id })).history.nodes;
      list.replaceChildren(
        ...changes.map((c) => el("li", { dataset: { action: c.action } }, el("time", { datetime: c.at }, c.at.slice(0, 19).replace("T", " ")), ` ${words(c.action)} by ${c.by}`, c.sources.length ? ` · from ${c.sources.join(", ")}` : "")),
      );
    } catch (err) {
      list.replaceChildren(el("li", { class: "error" }, `History: ${err.message}`));
    }
  }

  // --- the decisions --------------------------------------------------------------------------

  forms(item, named) {
    const option = (value, text) => el("option", { value }, text);
    const statuses = VOCABULARY.statuses.map((s) => option(s.name, s.title));
    const accept = el(
      "form",
      { id: "review-accept", class: "review-form" },
      el("h3", {}, "Accept"),
      named
        ? el("label", {}, "As", el("select", { id: "review-as" }, option("", item.suggestedKind ? `${words(item.suggestedKind)} (suggested)` : "choose a kind"), ...this.enums.candidateKinds.map((k) => option(k, words(k)))))
        : null,
      el("label", {}, "Status", el("select", { id: "review-accept-status" }, option("", "the strongest the article allows"), ...statuses)),
      named ? null : el("label", {}, "Confidence", el("input", { id: "review-confidence", type: "number", min: "0", max: "1", step: "0.05", placeholder: "as read" })),
      el("button", { type: "submit", class: "primary" }, "Accept"),
    );
    accept.addEventListener("submit", (event) => {
      event.preventDefault();
      const confidence = $("#review-confidence")?.value;
      this.decide(ACCEPT_CANDIDATE, {
        id: item.id,
        as: $("#review-as")?.value || null,
        status: $("#review-accept-status").value || null,
        confidence: confidence ? Number(confidence) : null,
      });
    });
    const link = named
      ? el(
          "form",
          { id: "review-link", class: "review-form" },
          el("h3", {}, "Link to a node already in the graph"),
          el("label", {}, "Node id", el("input", { id: "review-link-to", type: "text", required: true, autocomplete: "off", spellcheck: "false" })),
          el("button", { type: "submit" }, "Link"),
        )
      : null;
    link?.addEventListener("submit", (event) => {
      event.preventDefault();
      this.decide(LINK_CANDIDATE, { id: item.id, to: $("#review-link-to").value.trim() });
    });
    const reject = el(
      "form",
      { id: "review-reject", class: "review-form" },
      el("h3", {}, "Reject"),
      el("label", {}, "Reason", el("textarea", { id: "review-reason", rows: "2", required: true })),
      el("button", { type: "submit" }, "Reject"),
    );
    reject.addEventListener("submit", (event) => {
      event.preventDefault();
      this.decide(REJECT_CANDIDATE, { id: item.id, reason: $("#review-reason").value });
    });
    return el("div", { class: "review-forms" }, accept, link, reject);
  }

  async decide(mutation, variables) {
    const status = $("#review-decision");
    if (!this.token) {
      setStatus(status, "Enter the curator token first (above the queue).", "error");
      $("#review-token").focus();
      return;
    }
    setStatus(status, "Sending…");
    let decision;
    try {
      decision = Object.values(await gql(mutation, variables, { token: this.token }))[0];
    } catch (err) {
      setStatus(status, err.message, "error");
      return;
    }
    await this.open(decision.id, { record: false });
    setStatus($("#review-decision"), `${words(decision.state)}${decision.result ? `: ${decision.result}` : ""}`, "ok");
    this.page(this.pageIndex);
  }
}
