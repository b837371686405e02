// A front end's use of the types GraphQL Code Generator makes from the committed SDL and
// operations.graphql. tests/test_graphql_codegen.py compiles it with `tsc --strict --noEmit`
// next to the generated types.ts; it is never run. Each function is what a view would do, and
// it compiles only while the API keeps the shape a client relies on.

import type {
  CausalChainsWithSourcesQuery,
  DatePrecision,
  NeighbourhoodTypedQuery,
  NodeKind,
  NodePartialQuery,
  NodesAlignedQuery,
  PoliciesBackwardQuery,
  PoliciesBackwardQueryVariables,
  PoliciesForwardQuery,
  PoliciesForwardQueryVariables,
  PolicyPageFragment,
  RelationType,
  SearchHitsQuery,
  StatementsByStatusQuery,
  StatementsByStatusQueryVariables,
  Status,
  TimelineDatedQuery,
} from "./types";

/** graphql-request's `request`, as the views receive it. */
export type Request = <Result, Variables>(document: string, variables: Variables) => Promise<Result>;

/** True only when A and B are the same type (not merely assignable). */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

function assertNever(value: never): never {
  throw new Error(`unhandled value ${String(value)}`);
}

// --- Closed sets are enums: a switch can be exhaustive --------------------------------------

/** Compiles only while every kind is handled: a kind added to the API fails here. */
export function kindLabel(kind: NodeKind): string {
  switch (kind) {
    case "COUNTRY":
      return "Country";
    case "PLACE":
      return "Place";
    case "LEADER":
      return "Leader";
    case "OFFICE":
      return "Office";
    case "ORGANIZATION":
      return "Organization";
    case "STATEMENT":
      return "Statement";
    case "POLICY":
      return "Policy";
    case "EVENT":
      return "Event";
    case "MINERAL":
      return "Mineral";
    case "MINE":
      return "Mine";
    case "INDUSTRY":
      return "Industry";
    case "SOURCE":
      return "Source";
    case "TRADE_FLOW":
      return "Trade flow";
    default:
      return assertNever(kind);
  }
}

export function precisionHint(precision: DatePrecision): string {
  switch (precision) {
    case "DAY":
      return "";
    case "MONTH":
      return "known to the month";
    case "YEAR":
      return "known to the year";
    default:
      return assertNever(precision);
  }
}

export function statusBadge(status: Status | null): string {
  if (status === null) return "";
  switch (status) {
    case "CONFIRMED":
      return "✔";
    case "REPORTED":
      return "reported";
    case "ALLEGED":
      return "alleged";
    case "UNVERIFIED":
      return "unverified";
    default:
      return assertNever(status);
  }
}

/** An enum-typed filter variable: the wire value, never a lower-case string. */
export function confirmedStatements(
  request: Request,
  after: string | null,
): Promise<StatementsByStatusQuery> {
  const variables: StatementsByStatusQueryVariables = { status: "CONFIRMED", first: 20, after };
  // @ts-expect-error: the status filter takes the enum's values only
  const lowerCase: StatementsByStatusQueryVariables = { status: "confirmed", first: 20 };
  void lowerCase;
  return request<StatementsByStatusQuery, StatementsByStatusQueryVariables>(
    "StatementsByStatus",
    variables,
  );
}

// --- Partial answers: `node` is nullable, `nodes` is aligned ---------------------------------

const nodeIsNullable: Equals<Extract<NodePartialQuery["unknown"], null>, null> = true;
const nodesEntriesAreNullable: Equals<Extract<NodesAlignedQuery["nodes"][number], null>, null> =
  true;
void nodeIsNullable;
void nodesEntriesAreNullable;

/** A page that asked for a known and an unknown id still shows what it found. */
export function partialAnswer(data: NodePartialQuery): string[] {
  const lines: string[] = [];
  const known = data.known;
  if (known === null) {
    lines.push("not in the graph");
  } else {
    const iso3 = known.__typename === "Country" ? ` (${known.iso3})` : "";
    lines.push(`${kindLabel(known.kind)}: ${known.name}${iso3}`);
    for (const relation of known.relations) {
      const arrow = relation.direction === "OUT" ? "→" : "←";
      const flows = relation.effectFlows === null ? "" : ` effect ${relation.effectFlows}`;
      lines.push(`${arrow} ${relation.type} ${relation.other.name}${flows}`);
    }
  }
  if (data.unknown === null) lines.push("the second id is unknown");
  return lines;
}

/** `nodes(ids)` answers one entry per id sent, in order: zip them. */
export function alignedNames(ids: readonly string[], data: NodesAlignedQuery): Map<string, string> {
  const names = new Map<string, string>();
  data.nodes.forEach((node, i) => {
    const id = ids[i];
    if (id !== undefined) names.set(id, node === null ? "(unknown id)" : node.name);
  });
  return names;
}

// --- Relay pages, forward and backward --------------------------------------------------------

type PageInfo = PolicyPageFragment["pageInfo"];
const startCursorIsNullable: Equals<PageInfo["startCursor"], string | null> = true;
const endCursorIsNullable: Equals<PageInfo["endCursor"], string | null> = true;
const edgeCursorIsAString: Equals<PolicyPageFragment["edges"][number]["cursor"], string> = true;
void startCursorIsNullable;
void endCursorIsNullable;
void edgeCursorIsAString;

export async function allPolicyIds(request: Request): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const variables: PoliciesForwardQueryVariables = { first: 25, after, sort: "DATE", order: "ASC" };
    const { policies }: PoliciesForwardQuery = await request<
      PoliciesForwardQuery,
      PoliciesForwardQueryVariables
    >("PoliciesForward", variables);
    ids.push(...policies.edges.map((edge) => edge.node.id));
    if (!policies.pageInfo.hasNextPage) return ids;
    after = policies.pageInfo.endCursor;
  }
}

export async function allPolicyIdsBackward(request: Request): Promise<string[]> {
  let ids: string[] = [];
  let before: string | null = null;
  for (;;) {
    const variables: PoliciesBackwardQueryVariables = { last: 25, before, sort: "DATE" };
    const { policies }: PoliciesBackwardQuery = await request<
      PoliciesBackwardQuery,
      PoliciesBackwardQueryVariables
    >("PoliciesBackward", variables);
    ids = [...policies.edges.map((edge) => edge.node.id), ...ids];
    const start: string | null = policies.pageInfo.startCursor;
    if (!policies.pageInfo.hasPreviousPage || start === null) return ids;
    before = start;
  }
}

// --- Dated kinds share one date and one summary ----------------------------------------------

type Act = TimelineDatedQuery["timeline"]["items"][number];
type Summaries = Extract<Act, { __typename: "Statement" | "Event" | "Policy" }>["summary"];
const summaryIsOneType: Equals<Summaries, string | null> = true;
void summaryIsOneType;

export function timelineRows(data: TimelineDatedQuery): string[] {
  return data.timeline.items.map((act: Act) => {
    if (!("when" in act)) return `${kindLabel(act.kind)} ${act.name}`;
    const { display, precision, earliest, latest } = act.when;
    const range = earliest === latest ? "" : ` (${earliest}..${latest})`;
    const hint = precisionHint(precision);
    return `${display}${range}${hint ? ` ${hint}` : ""}: ${act.summary ?? act.name} ${statusBadge(act.status)}`;
  });
}

// --- Search, chains, neighbourhood ------------------------------------------------------------

export function searchRows(data: SearchHitsQuery): string[] {
  return data.search.edges.map(({ score, node }) => {
    const when = "when" in node ? ` ${node.when.display}` : "";
    return `${score.toFixed(2)} ${kindLabel(node.kind)} ${node.name}${when}`;
  });
}

export function chainCitations(data: CausalChainsWithSourcesQuery): string[] {
  return data.causalChains.flatMap((chain) =>
    chain.steps.map((step) => {
      const sources = step.sources
        .map((source) => `${source.reliability ?? "?"} ${source.url ?? source.title}`)
        .join("; ");
      const way = step.forward ? "→" : "⇠";
      return `${step.cause.name} ${way}[${step.relation}] ${step.effect.name}: ${sources}`;
    }),
  );
}

const CAUSAL: ReadonlySet<RelationType> = new Set<RelationType>(["PROVOKED", "RESPONDS_TO"]);

export function drawable(data: NeighbourhoodTypedQuery): {
  nodes: number;
  kinds: number;
  causal: number;
  codedEventsLeftOut: number;
} {
  const { nodes, edges, codedEvents } = data.neighbourhood;
  const kinds = new Set<NodeKind>(nodes.map((node) => node.data.kind));
  const causal = edges.filter((edge) => CAUSAL.has(edge.data.type)).length;
  return { nodes: nodes.length, kinds: kinds.size, causal, codedEventsLeftOut: codedEvents };
}
