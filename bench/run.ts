/**
 * `npm run bench`: Nivel's engine paths measured on Operaton/H2, Operaton/PostgreSQL and
 * Camunda 7.24/H2, with bpmn-engine (in-process JavaScript) on the same models as the peer,
 * printed side by side. Sizes come from BENCH_* variables (see bench/plan.ts); PostgreSQL is
 * BENCH_DATABASE_URL (a server where a database may be created), else TEST_DATABASE_URL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { EngineKind } from "../lib/engine/build.js";
import { benchBpmnEngine } from "./bpmn-engine.js";
import { benchCamunda7 } from "./camunda7.js";
import { planFromEnv, type Figures } from "./plan.js";

const plan = planFromEnv();
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const results: { name: string; figures: Figures | string }[] = [];

async function onEngine(name: string, kind: EngineKind, usePostgres: boolean): Promise<void> {
  console.error(`… ${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), "nivel-bench-"));
  let admin: pg.Client | undefined;
  const database = `nivel_bench_${Date.now()}`;
  try {
    let databaseUrl: string | undefined;
    if (usePostgres) {
      if (!pgBase) {
        results.push({ name, figures: "not run: set BENCH_DATABASE_URL or TEST_DATABASE_URL" });
        return;
      }
      admin = new pg.Client({ connectionString: pgBase });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(pgBase);
      url.pathname = `/${database}`;
      databaseUrl = url.toString();
    }
    results.push({ name, figures: await benchCamunda7(kind, dataDir, databaseUrl, plan) });
  } finally {
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.env.BENCH_ONLY?.split(",");
const wanted = (name: string) => !only || only.some((o) => name.toLowerCase().includes(o.toLowerCase()));
if (wanted("Operaton/H2")) await onEngine("Operaton/H2", "operaton", false);
if (wanted("Operaton/PostgreSQL")) await onEngine("Operaton/PostgreSQL", "operaton", true);
if (wanted("Camunda 7.24/H2")) await onEngine("Camunda 7.24/H2", "camunda", false);
if (wanted("bpmn-engine")) {
  console.error("… bpmn-engine (peer)");
  results.push({ name: "bpmn-engine (peer, in-process)", figures: await benchBpmnEngine(plan) });
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
const rows: [string, (f: Figures) => string][] = [
  ["process instances started / s", (f) => fmt(f.startsPerSecond)],
  ["external tasks / s (fetchAndLock + complete)", (f) => fmt(f.externalTasksPerSecond)],
  ...plan.openTasks.flatMap((n): [string, (f: Figures) => string][] => [
    [`task query first page p50 ms @ ${n} open`, (f) => (f.queryLatency[n] ? fmt(f.queryLatency[n].p50, 1) : "n/a")],
    [`task query first page p95 ms @ ${n} open`, (f) => (f.queryLatency[n] ? fmt(f.queryLatency[n].p95, 1) : "n/a")],
  ]),
  ["RSS MiB after the run", (f) => fmt(f.rssMiB)],
  ["start-up ms (to healthy REST)", (f) => fmt(f.startupMs)],
];
const header = ["", ...results.map((r) => r.name)];
const table = [header, ...rows.map(([label, get]) => [label, ...results.map((r) => (typeof r.figures === "string" ? r.figures : get(r.figures)))])];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
console.log(
  `\nplan: ${plan.starts} starts, ${plan.externalTasks} external tasks (official client: maxTasks ${plan.workerMaxTasks}, ` +
    `lockDuration 60 s, long polling 1 s, no pause between fetches, one worker), ${plan.concurrency} concurrent REST callers, ${plan.querySamples} query samples\n`,
);
for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | "));
