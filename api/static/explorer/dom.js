// Small DOM helpers. Text always goes in as text (never as HTML), links only as http(s).

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
  const key = String(kind || "").toUpperCase();
  return key === "SOURCENODE" ? "source" : key.toLowerCase();
}

export function badge(kind, colour) {
  const node = el("span", { class: "badge" }, kindLabel(kind));
  node.style.setProperty("--kind", colour);
  return node;
}

export function formatConfidence(value) {
  return value === null || value === undefined ? "" : Number(value).toFixed(2);
}

// A list of sources: title (linked), publisher, date.
export function sourceList(sources) {
  if (!sources || !sources.length) return el("p", { class: "muted" }, "No sources listed.");
  return el(
    "ul",
    { class: "sources" },
    sources.map((s) =>
      el(
        "li",
        {},
        externalLink(s.url, s.title || s.id),
        el("span", { class: "src-meta" }, [s.publisher, s.date || s.sourceDate].filter(Boolean).join(" · ")),
      ),
    ),
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
