// The address: every view's state in the URL's hash, so a view can be shared, bookmarked and
// gone back to. One module owns it; views read it, write their own keys, and subscribe.
//
//   #chains?node=statement:takaichi-2025-11-07-diet&chain.from=statement:…&chain.hops=6
//
// The part before "?" is the open tab; the rest are keys, one set per view, kept while
// another tab is open (so a shared address restores every view its sender touched):
//   graph     node
//   chains    chain.from chain.kind chain.country chain.hops chain.conf chain.first chain.asof
//   timeline  tl.from tl.to tl.kinds tl.country (and any other tl.* the timeline keeps)
//   map       map.mineral
//   cypher    cy.canned cy.p.<param> (a canned query) or cy.text (free Cypher)
//   review    rv.item (the chosen queue item) rv.kind (the list's filter)
//
// get(key) reads a value ("" when absent); get() the whole state {view, …keys}.
// set(changes, {replace}) writes keys (null or "" removes one; a list is joined with ",";
// the key "view" is the tab). It adds a history entry unless replace is true, and does
// nothing when nothing changes, so a view restoring itself from the address may call set()
// again harmlessly. subscribe(fn) calls fn(state, changed) after Back, Forward or an edited
// address, with the names of the keys that changed ("view" among them when the tab did).

const listeners = new Set();
let current = parse(globalThis.location?.hash ?? "");

// Characters a hash may hold as they are, kept readable in shared links.
const READABLE = { "%3A": ":", "%2C": ",", "%2F": "/", "%40": "@" };

function encode(text) {
  return encodeURIComponent(text).replace(/%3A|%2C|%2F|%40/g, (code) => READABLE[code]);
}

function decode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

export function parse(hash) {
  const text = String(hash || "").replace(/^#/, "");
  const at = text.indexOf("?");
  const state = { view: decode(at < 0 ? text : text.slice(0, at)) };
  if (at >= 0) {
    for (const pair of text.slice(at + 1).split("&")) {
      if (!pair) continue;
      const eq = pair.indexOf("=");
      const key = decode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? "" : decode(pair.slice(eq + 1));
      if (key && key !== "view" && value !== "") state[key] = value;
    }
  }
  return state;
}

export function format(state) {
  const keys = Object.keys(state)
    .filter((key) => key !== "view" && state[key] !== "")
    .sort();
  const query = keys.map((key) => `${encode(key)}=${encode(state[key])}`).join("&");
  return `#${encode(state.view || "")}${query ? `?${query}` : ""}`;
}

function text(value) {
  if (value === null || value === undefined || value === false) return "";
  return Array.isArray(value) ? value.join(",") : String(value);
}

function differences(before, after) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => (before[key] ?? "") !== (after[key] ?? ""));
}

export function get(key) {
  if (key === undefined) return { ...current };
  return current[key] ?? "";
}

// A key's value as a list ("a,b" → ["a", "b"]); [] when absent.
export function getList(key) {
  const value = get(key);
  return value ? value.split(",").filter(Boolean) : [];
}

export function set(changes, { replace = false } = {}) {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    const written = text(value);
    if (written === "") delete next[key];
    else next[key] = written;
  }
  if (!next.view) next.view = current.view || "";
  if (!differences(current, next).length) return false;
  current = next;
  const url = format(next);
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  return true;
}

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// Back, Forward, or an address typed or pasted into this page: tell every subscriber.
function arrived() {
  const next = parse(location.hash);
  const changed = differences(current, next);
  if (!changed.length) return;
  current = next;
  for (const fn of [...listeners]) fn(get(), changed);
}

globalThis.window?.addEventListener("popstate", arrived);
globalThis.window?.addEventListener("hashchange", arrived);
