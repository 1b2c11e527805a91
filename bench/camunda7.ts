import { Variables } from "camunda-external-task-client-js";
import { setTimeout as sleep } from "node:timers/promises";
import type { EngineKind } from "../lib/engine/build.js";
import { createEngineClient, unwrap } from "../lib/engine/client.js";
import { deployResources } from "../lib/engine/deploy.js";
import { freePort } from "../lib/engine/free-port.js";
import { startEngine } from "../lib/engine/process.js";
import { createWorkerClient } from "../lib/engine/worker-client.js";
import { singleExternalTask, singleUserTask } from "../test/support/models.js";
import pg from "pg";
import { percentile, rssMiB, throughput } from "./measure.js";
import type { BenchPlan, Figures } from "./plan.js";

async function analyze(databaseUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query("ANALYZE");
  await db.end();
}

/** One Camunda 7 REST engine (Operaton or Camunda, H2 or PostgreSQL) through the paths Nivel uses. */
export async function benchCamunda7(kind: EngineKind, dataDir: string, databaseUrl: string | undefined, plan: BenchPlan): Promise<Figures> {
  const engine = await startEngine({ kind, dataDir, port: await freePort(), databaseUrl, admin: { user: "admin", password: "Bench-secret-1" }, maxHeap: "2g" });
  try {
    const client = createEngineClient(engine.connection);
    await deployResources(engine.connection, [
      { name: "bench-user.bpmn", content: singleUserTask("bench-user") },
      { name: "bench-external.bpmn", content: singleExternalTask("bench-external", "bench-work") },
    ]);
    const start = async (key: string) => {
      unwrap(await client.POST("/process-definition/key/{key}/start", { params: { path: { key } }, body: {} }));
    };

    const startsPerSecond = await throughput(plan.starts, plan.concurrency, () => start("bench-user"));

    await throughput(plan.externalTasks, plan.concurrency, () => start("bench-external"));
    const worker = createWorkerClient(engine.connection, {
      workerId: "bench",
      maxTasks: plan.workerMaxTasks,
      lockDuration: 60_000,
      asyncResponseTimeout: 1_000,
      autoPoll: false,
    });
    let completed = 0;
    const t0 = performance.now();
    worker.subscribe("bench-work", async ({ task, taskService }) => {
      await taskService.complete(task, new Variables().set("done", true));
      completed += 1;
    });
    worker.start();
    while (completed < plan.externalTasks) await sleep(5);
    const externalTasksPerSecond = plan.externalTasks / ((performance.now() - t0) / 1000);
    worker.stop();

    const queryLatency: Figures["queryLatency"] = {};
    let open = plan.starts;
    for (const target of plan.openTasks) {
      await throughput(Math.max(0, target - open), plan.concurrency, () => start("bench-user"));
      open = Math.max(open, target);
      // PostgreSQL plans the task query on table statistics, which autovacuum refreshes on its
      // own schedule; right after a bulk load they are stale. Time the settled state.
      if (databaseUrl) await analyze(databaseUrl);
      const samples: number[] = [];
      for (let i = 0; i < plan.querySamples; i++) {
        const t = performance.now();
        unwrap(
          await client.POST("/task", {
            params: { query: { firstResult: 0, maxResults: 15 } },
            body: { candidateGroups: ["county-social-worker"], sorting: [{ sortBy: "dueDate", sortOrder: "asc" }] },
          }),
        );
        samples.push(performance.now() - t);
      }
      queryLatency[target] = { p50: percentile(samples, 50), p95: percentile(samples, 95) };
    }
    return { startsPerSecond, externalTasksPerSecond, queryLatency, rssMiB: rssMiB(engine.process.pid!), startupMs: engine.startupMs };
  } finally {
    await engine.stop();
  }
}
