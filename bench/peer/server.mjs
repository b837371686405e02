// The benchmark's peer: @neo4j/graphql behind Apollo Server, reading the same Neo4j as Dyad.
// Benchmark scaffolding only (bench/peer.py starts it and times it beside `dyad serve`).
//
// The typeDefs map the part of Dyad's graph the peer queries: Policy, Mineral, Country and
// the nodes the same relationships reach (Statement, Industry), with the relationships in
// their stored directions (schema/vocabulary.py):
//   (Policy)-[:RESTRICTS]->(Mineral | Industry)
//   (Policy | Statement)-[:TARGETS]->(Country)
// so that the peer walks exactly the relationships Dyad's equivalent query returns.
//
// Environment: PEER_PORT (default 4797), NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

// Every type is a read-only node with an id and a name, and the fields given.
const node = (name, fields = "") => /* GraphQL */ `
  type ${name} @node @mutation(operations: []) {
    id: ID!
    name: String!${fields}
  }`;

const typeDefs = [
  node("Policy", `
    status: String
    announced: Date
    announcedLatest: Date @alias(property: "announced_latest")
    restricts: [Restricted!]! @relationship(type: "RESTRICTS", direction: OUT)
    targets: [Country!]! @relationship(type: "TARGETS", direction: OUT)`),
  node("Statement"),
  node("Mineral", `
    symbol: String`),
  node("Industry"),
  node("Country", `
    iso3: String
    targetedBy: [Targeting!]! @relationship(type: "TARGETS", direction: IN)`),
  "union Restricted = Mineral | Industry",
  "union Targeting = Policy | Statement",
].join("\n");

const env = process.env;
// No password: a server with authentication off, as the benchmark's own Neo4j runs.
const auth = env.NEO4J_PASSWORD
  ? neo4j.auth.basic(env.NEO4J_USER ?? "neo4j", env.NEO4J_PASSWORD)
  : undefined;
const driver = neo4j.driver(env.NEO4J_URI ?? "bolt://127.0.0.1:7687", auth);
const database = env.NEO4J_DATABASE || undefined;
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const port = Number(env.PEER_PORT ?? 4797);
const { url } = await startStandaloneServer(server, {
  listen: { port, host: "127.0.0.1" },
  context: async () => (database ? { sessionConfig: { database } } : {}),
});
console.log(`peer serves ${url}`);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
