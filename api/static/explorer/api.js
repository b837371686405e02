// Talking to the app: GraphQL (POST /graphql) and the canned-query JSON (/queries…).
// Every request goes to this origin; nothing else is ever fetched.

export class ApiError extends Error {}

// A curator's token, when given, goes as `Authorization: Bearer …` (mutations need it).
export async function gql(query, variables = {}, { token = "" } = {}) {
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    throw new ApiError(`the server did not answer (${err.message})`);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`the server answered ${response.status} without JSON`);
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    const where = first.path ? ` (at ${first.path.join(".")})` : "";
    throw new ApiError(first.message + where);
  }
  if (!response.ok) throw new ApiError(`the server answered ${response.status}`);
  return body.data;
}

// GET a JSON document from this app; returns {status, body} and never throws on 4xx.
export function getJson(path) {
  return exchangeJson(path, { headers: { accept: "application/json" } });
}

// POST JSON to this app; returns {status, body} and never throws on 4xx.
export function postJson(path, payload) {
  return exchangeJson(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(payload),
  });
}

async function exchangeJson(path, init) {
  const response = await fetch(path, init);
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

// The fields every view wants for a node, whatever its kind. Aliases keep fields whose
// nullability differs between kinds apart (GraphQL refuses to merge them).
export const NODE_FIELDS = `
  __typename id kind name aliases nativeName description status
  sources { title publisher url published publishedPrecision reliability origin }
  ... on Country { iso3 m49 capital }
  ... on Place { placeType latitude longitude }
  ... on Office { title }
  ... on Organization { orgType }
  ... on Statement { date datePrecision summary quote stance venue }
  ... on Policy { policyType summary legalRef announced effective suspended ended }
  ... on Event { eventType date endDate eventSummary: summary }
  ... on Mineral { symbol atomicNumber group rareEarth hsCodes }
  ... on Mine { siteType latitude longitude }
  ... on Industry { sector }
  ... on SourceNode { title publisher url citation published publishedPrecision reliability origin sourceKind }
`;

export const SEARCH = `query Search($text: String!, $kinds: [NodeKind!], $first: Int!) {
  search(text: $text, kinds: $kinds, first: $first) {
    capped edges { score node { id kind name ... on Statement { date } ... on Policy { announced } ... on Event { date } } }
  }
}`;

export const NODE = `query Node($id: ID!) {
  node(id: $id) {
    ${NODE_FIELDS}
    relations(first: 40) {
      type direction status confidence
      other { id kind name }
    }
  }
}`;

export const SOURCES = `query Sources($ids: [ID!]!) {
  nodes(ids: $ids) { id ... on SourceNode { title publisher url published publishedPrecision reliability origin } }
}`;

export const NEIGHBOURHOOD = `query Hood($id: ID!, $depth: Int!, $limit: Int!) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    codedEvents codedEventsIsExact
    nodes { data { id label kind status date } }
    edges { data { id source target type label status confidence sources } }
  }
}`;

export const CHAINS = `query Chains($from: ID!, $toKind: NodeKind, $toCountry: ID, $maxHops: Int!,
    $minConfidence: Float!, $asOf: Date, $first: Int!) {
  causalChains(from: $from, toKind: $toKind, toCountry: $toCountry, maxHops: $maxHops,
      minConfidence: $minConfidence, asOf: $asOf, first: $first) {
    score hops
    nodes { id kind name }
    steps {
      cause { id kind name } effect { id kind name }
      relation forward confidence status quote note
      sources { title url publisher published publishedPrecision reliability origin }
    }
  }
}`;

export const TIMELINE = `query Timeline($countries: [ID!], $from: Date, $to: Date, $kinds: [NodeKind!]) {
  timeline(countries: $countries, from: $from, to: $to, kinds: $kinds, first: 1000) {
    totalCount capped codedEvents codedEventsIsExact
    items {
      id kind name status
      ... on Statement { date summary }
      ... on Policy { announced policySummary: summary }
      ... on Event { date eventSummary: summary }
    }
  }
}`;
