// Small DOM helpers. Text always goes in as text (never as HTML), links only as http(s).

import { kindColour } from "./styles.js";
import { gradeOf, kindOf, statusOf, weakestStatus } from "./vocabulary.js";

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

// el("li", {class: "x", onclick: fn}, "text", childNode, …)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A link to a source outside the app: opened in a new tab, never fetched by the page.
export function externalLink(url, text) {
  if (!/^https?:\/\//i.test(url || "")) return document.createTextNode(text || "");
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text || url);
}

export function setStatus(node, text, kind = "") {
  node.textContent = text;
  node.className = `status ${kind}`.trim();
}

export function kindLabel(kind) {
  return kindOf(kind)?.title ?? String(kind || "").toLowerCase();
}

// A kind's name on its colour.
export function badge(kind) {
  const node = el("span", { class: "badge" }, kindLabel(kind));
  node.style.setProperty("--kind", kindColour(kind));
  return node;
}

// A fact's status in its colour, optionally followed by more text (its confidence).
export function statusTag(status, more = "") {
  const entry = statusOf(status) ?? weakestStatus();
  const node = el("span", { class: "st", dataset: { status: entry.value } }, more ? `${entry.title} ${more}` : entry.title);
  node.style.setProperty("--status", entry.colour);
  return node;
}

export function formatConfidence(value) {
  return value === null || value === undefined ? "" : Number(value).toFixed(2);
}

// A source's grade on its colour, with what the grade means on hover.
export function gradeBadge(grade) {
  const entry = gradeOf(grade);
  if (!entry) return el("span", { class: "grade grade-none", title: "not graded" }, "?");
  const node = el("span", { class: "grade", dataset: { grade: entry.name }, title: `Grade ${entry.title}: ${entry.meaning}` }, entry.title);
  node.style.setProperty("--grade", entry.colour);
  return node;
}

// A date as precise as it is known: "2025", "Nov 2025" or "2025-11-07".
export function formatPartialDate(value, precision) {
  if (!value) return "";
  const [year, month] = String(value).split("-");
  const exact = String(precision || "day").toLowerCase(); // the API says DAY, MONTH or YEAR
  if (exact === "year") return year;
  if (exact === "month") {
    const name = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString("en", { month: "short", timeZone: "UTC" });
    return `${name} ${year}`;
  }
  return String(value);
}

// A list of sources: grade badge, title (linked), publisher (and origin when it differs), date.
export function sourceList(sources) {
  if (!sources || !sources.length) return el("p", { class: "muted" }, "No sources listed.");
  return el(
    "ul",
    { class: "sources" },
    sources.map((s) => {
      const via = s.origin && s.origin !== s.publisher ? `${s.publisher} (origin: ${s.origin})` : s.publisher;
      return el(
        "li",
        {},
        gradeBadge(s.reliability),
        " ",
        externalLink(s.url, s.title || s.id),
        el("span", { class: "src-meta" }, [via, formatPartialDate(s.published, s.publishedPrecision)].filter(Boolean).join(" · ")),
      );
    }),
  );
}

// Save text or a Blob as a file the browser downloads.
export function download(filename, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let toastTimer = null;
export function toast(message) {
  const node = $("#toast");
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    node.hidden = true;
  }, 5000);
}
