// GraphQL Code Generator over the committed SDL, as a front end would run it (used by
// tests/test_graphql_codegen.py). Reads files only: nothing is fetched.
//
//   node codegen.mjs SCHEMA.graphql OUT_DIR OPERATIONS.graphql... [--explorer DIR]
//
// Every document (the operations files, and every GraphQL operation the explorer's modules
// in DIR export) is validated against the schema with graphql-js; then the typescript-operations
// plugin (which since v6 writes the enums and inputs the operations use as well) writes OUT_DIR/types.ts. Prints a JSON summary
// ({operations: {file: [names]}}) on success; on failure, the problems on stderr and exit 1.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { codegen } from "@graphql-codegen/core";
import * as typescriptOperations from "@graphql-codegen/typescript-operations";
import { GraphQLError, Source, buildSchema, parse, printSchema, validate } from "graphql";

const OPERATION = /^\s*(query|mutation|subscription)\b/;
// An operation written as a template string in the explorer's source: `query Name(...`.
const OPERATION_IN_SOURCE = /`\s*(query|mutation|subscription)\b/g;

function fail(problems) {
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.exit(1);
}

function located(name, error) {
  const where = (error.locations || []).map((l) => `${l.line}:${l.column}`).join(", ");
  return `${name}${where ? `:${where}` : ""}: ${error.message}`;
}

/** Every GraphQL operation the explorer's modules export, as {name, body} documents. */
async function explorerOperations(dir) {
  const found = [];
  const problems = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js")).sort()) {
    const path = join(dir, file);
    const written = (readFileSync(path, "utf8").match(OPERATION_IN_SOURCE) || []).length;
    if (written === 0) continue;
    let module;
    try {
      module = await import(pathToFileURL(path).href);
    } catch (error) {
      problems.push(`${path}: holds ${written} GraphQL operation(s) but cannot be loaded: ${error}`);
      continue;
    }
    const exported = Object.entries(module).filter(
      ([, value]) => typeof value === "string" && OPERATION.test(value),
    );
    if (exported.length !== written) {
      problems.push(
        `${path}: ${written} operation(s) written, ${exported.length} exported; export every ` +
          "operation so that this check sees it",
      );
    }
    for (const [name, body] of exported) found.push({ name: `${path}#${name}`, body });
  }
  if (problems.length) fail(problems);
  return found;
}

async function main() {
  const args = process.argv.slice(2);
  let explorerDir = null;
  const at = args.indexOf("--explorer");
  if (at >= 0) [explorerDir] = args.splice(at, 2).slice(1);
  const [schemaPath, outDir, ...operationFiles] = args;
  if (!schemaPath || !outDir || operationFiles.length === 0) {
    fail(["usage: node codegen.mjs SCHEMA.graphql OUT_DIR OPERATIONS.graphql... [--explorer DIR]"]);
  }

  const schema = buildSchema(readFileSync(schemaPath, "utf8"));
  const sources = operationFiles.map((path) => ({
    name: resolve(path),
    body: readFileSync(path, "utf8"),
  }));
  if (explorerDir) sources.push(...(await explorerOperations(explorerDir)));

  const documents = [];
  const problems = [];
  const operations = {};
  for (const { name, body } of sources) {
    let document;
    try {
      document = parse(new Source(body, name));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      problems.push(located(name, error));
      continue;
    }
    problems.push(...validate(schema, document).map((error) => located(name, error)));
    const names = document.definitions
      .filter((d) => d.kind === "OperationDefinition")
      .map((d) => d.name?.value ?? "(anonymous)");
    const file = name.split("#")[0];
    operations[file] = [...(operations[file] || []), ...names];
    documents.push({ location: name, document });
  }
  if (problems.length) fail(problems);

  const output = await codegen({
    filename: join(outDir, "types.ts"),
    schema: parse(printSchema(schema)),
    schemaAst: schema,
    documents,
    plugins: [{ typescriptOperations: {} }],
    pluginMap: { typescriptOperations },
    config: {
      // The plugin's defaults (what a front end gets), plus: a scalar added to the API without
      // a TypeScript type here is an error, not `any`.
      strictScalars: true,
      scalars: { Date: "string", DateTime: "string", JSON: "unknown" },
    },
  });
  writeFileSync(join(outDir, "types.ts"), output);
  process.stdout.write(`${JSON.stringify({ operations, schema: basename(schemaPath) })}\n`);
}

await main();
