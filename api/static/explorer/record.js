// "About this record": the audit's figures (how sure the record is, how strong its sources
// are), fetched when the panel is first opened.

import { gql } from "./api.js";
import { el, gradeBadge, kindLabel } from "./dom.js";
import { statusOf } from "./vocabulary.js";

export const AUDIT = `query Audit {
  audit {
    healthy
    factsByStatus { status count }
    sourcesByGrade { grade count }
    newest { kind date id }
    breaches { subject message }
    seedOnly { subject }
    unusedSources { subject }
    sourcesWithoutUrl { subject }
  }
}`;

export class RecordPanel {
  constructor(details, body) {
    this.body = body;
    this.loaded = false;
    details.addEventListener("toggle", () => {
      if (details.open && !this.loaded) this.load();
    });
  }

  async load() {
    this.loaded = true;
    this.body.replaceChildren(el("p", { class: "muted" }, "Auditing the record…"));
    try {
      const { audit } = await gql(AUDIT);
      this.body.replaceChildren(...this.render(audit));
    } catch (err) {
      this.loaded = false;
      this.body.replaceChildren(el("p", { class: "error" }, `Audit failed: ${err.message}`));
    }
  }

  render(audit) {
    const facts = audit.factsByStatus.map((s) => `${s.count} ${statusOf(s.status)?.title ?? s.status}`).join(" · ");
    const grades = el(
      "ul",
      { class: "grade-counts", "aria-label": "Sources by grade" },
      audit.sourcesByGrade.map((g) => el("li", {}, gradeBadge(g.grade), ` ${g.count}`)),
    );
    const newest = el(
      "ul",
      { class: "newest", "aria-label": "Newest fact of each kind" },
      audit.newest.map((n) => el("li", {}, `${kindLabel(n.kind)}: ${n.date}`)),
    );
    return [
      el("p", { class: audit.healthy ? "record-ok" : "record-bad" },
        audit.healthy ? "Every fact keeps the status rules." : `${audit.breaches.length} facts break a status rule.`),
      el("p", {}, `Facts: ${facts}`),
      el("p", {}, "Sources by grade:"),
      grades,
      el("p", {}, "Newest:"),
      newest,
      el("p", { class: "muted" },
        `${audit.seedOnly.length} facts rest on the seed article alone; ${audit.unusedSources.length} sources are unused; ` +
        `${audit.sourcesWithoutUrl.length} have no URL.`),
    ];
  }
}
