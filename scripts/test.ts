/**
 * `npm test`: every test, on every engine and database the project promises.
 *   1. type check (the REST client is typed from the engine's OpenAPI document);
 *   2. the whole suite on Operaton with H2 (the embedded default) and, for the app store, PGlite;
 *   3. the engine and pathway suites on Camunda 7.24 with H2;
 *   4. with TEST_DATABASE_URL (a PostgreSQL database this may create databases from): the store
 *      suite on PostgreSQL too (in run 2), and the engine and pathway suites on Operaton with a
 *      fresh PostgreSQL database.
 * Ends with one line `tests: N passed, N failed` over all runs.
 */
import { spawn, spawnSync } from "node:child_process";
import pg from "pg";

const ALL = "test/**/*.test.ts";
const ENGINE_SUITES = ["test/engine", "test/pathways", "test/security"];
let passed = 0;
let failed = 0;
const broken: string[] = [];

function mocha(label: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn("npx", ["mocha", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(output)?.[1] ?? 0);
      passed += count("passing");
      failed += count("failing");
      if (code !== 0 && count("failing") === 0) broken.push(label);
      resolve();
    });
  });
}

function existing(paths: string[]): string[] {
  return paths.filter((p) => spawnSync("test", ["-d", p]).status === 0);
}

async function withDatabase(baseUrl: string, run: (url: string) => Promise<void>): Promise<void> {
  const name = `nivel_test_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const typecheck = spawnSync("npm", ["run", "--silent", "typecheck"], { stdio: "inherit" });
if (typecheck.status !== 0) broken.push("typecheck");

const pgBase = process.env.TEST_DATABASE_URL;
await mocha(`all suites: Operaton + H2; app store on PGlite${pgBase ? " and PostgreSQL" : ""}`, [ALL]);
const engineSuites = existing(ENGINE_SUITES).map((dir) => `${dir}/**/*.test.ts`);
await mocha("engine and pathways: Camunda 7.24 + H2", engineSuites, { ENGINE: "camunda" });

if (pgBase) {
  await withDatabase(pgBase, (url) =>
    mocha("engine and pathways: Operaton + PostgreSQL", engineSuites, { DATABASE_URL: url }),
  );
} else {
  console.log("\nTEST_DATABASE_URL is not set: the PostgreSQL runs were not done (see README).");
}

if (broken.length) console.log(`\nruns that failed without a failing test: ${broken.join(", ")}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken.length > 0 ? 1 : 0);
