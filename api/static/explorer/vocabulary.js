// The graph's vocabulary as the server's schema/ defines it (GET /explorer/vocabulary.json):
// kinds of node with their colour and shape, relation types with their causal direction,
// statuses with their line, source grades and methods with what they mean. The page lists
// none of them itself; every module that draws one asks here. The explorer starts once
// loadVocabulary() has answered; importing this module fetches nothing.

import { getJson } from "./api.js";

// {kinds, statuses, relations, grades, methods}: lists of items, in the vocabulary's order.
export let VOCABULARY = null;
const lookups = {};

// Each item by its GraphQL name or stored value, and a kind also by its Neo4j label,
// which the canned queries' graphs carry; case does not matter.
function index(items, also = () => []) {
  const map = new Map();
  for (const item of items) {
    for (const key of [item.name, item.value, ...also(item)]) {
      if (key) map.set(String(key).toUpperCase(), item);
    }
  }
  return map;
}

export async function loadVocabulary() {
  const { status, body } = await getJson("/explorer/vocabulary.json");
  if (status !== 200 || !body) throw new Error(`The explorer could not load its vocabulary (the server answered ${status}).`);
  VOCABULARY = body;
  lookups.kinds = index(body.kinds, (kind) => [kind.label]);
  for (const section of ["relations", "statuses", "grades"]) lookups[section] = index(body[section]);
  return body;
}

function find(section, key) {
  return lookups[section]?.get(String(key ?? "").toUpperCase()) ?? null;
}

export const kindOf = (kind) => find("kinds", kind);
export const relationOf = (type) => find("relations", type);
export const statusOf = (status) => find("statuses", status);
export const gradeOf = (grade) => find("grades", grade);

// A fact whose status is not given is drawn as the weakest (the last) status.
export const weakestStatus = () => VOCABULARY.statuses[VOCABULARY.statuses.length - 1];
