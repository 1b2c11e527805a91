import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { engineKindFromEnv } from "../../lib/engine/build.js";
import { createEngineClient, unwrap, type EngineClient } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { freePort } from "../../lib/engine/free-port.js";
import { startEngine, type RunningEngine } from "../../lib/engine/process.js";
import { TEST_ADMIN } from "../support/engine.js";
import { singleUserTask } from "../support/models.js";

/**
 * A crash must not lose what the engine acknowledged: commands run concurrently, the engine is
 * killed with SIGKILL in their midst, restarted on the same DATA_DIR (or database), and every
 * command that got a success answer must be there.
 */
describe("engine durability across SIGKILL", function () {
  this.timeout(300_000);
  let dataDir: string;
  let engine: RunningEngine | undefined;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), "nivel-durability-"));
  });
  after(async () => {
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function boot(port: number): Promise<EngineClient> {
    engine = await startEngine({
      kind: engineKindFromEnv(),
      dataDir,
      port,
      admin: TEST_ADMIN,
      databaseUrl: process.env.DATABASE_URL,
    });
    return createEngineClient(engine.connection);
  }

  it("keeps every acknowledged start and task completion", async () => {
    const port = await freePort();
    let client = await boot(port);
    const key = `durability-${Date.now()}`;
    await deployResources(engine!.connection, [{ name: `${key}.bpmn`, content: singleUserTask(key) }], key);

    const acknowledgedStarts = new Set<string>();
    const acknowledgedCompletions = new Set<string>();
    let stop = false;
    let sequence = 0;

    async function loop(): Promise<void> {
      while (!stop) {
        const businessKey = `${key}-${sequence++}`;
        try {
          const started = await client.POST("/process-definition/key/{key}/start", {
            params: { path: { key } },
            body: { businessKey },
          });
          if (!started.response.ok) continue;
          acknowledgedStarts.add(businessKey);
          const tasks = await client.GET("/task", { params: { query: { processInstanceBusinessKey: businessKey } } });
          const id = tasks.data?.[0]?.id;
          if (!id) continue;
          const done = await client.POST("/task/{id}/complete", { params: { path: { id } }, body: {} });
          if (done.response.ok) acknowledgedCompletions.add(businessKey);
        } catch {
          return; // the engine is gone
        }
      }
    }

    const loops = Array.from({ length: 8 }, () => loop());
    while (acknowledgedCompletions.size < 150) await sleep(20);
    await engine!.kill();
    stop = true;
    await Promise.all(loops);
    const startsBeforeKill = acknowledgedStarts.size;
    const completionsBeforeKill = acknowledgedCompletions.size;
    expect(completionsBeforeKill).to.be.greaterThan(0);

    client = await boot(port);
    const historic = unwrap(
      await client.GET("/history/process-instance", { params: { query: { processDefinitionKey: key, maxResults: 100_000 } } }),
    );
    const state = new Map(historic.map((h) => [h.businessKey, h.state]));
    const lostStarts = [...acknowledgedStarts].filter((k) => !state.has(k));
    const lostCompletions = [...acknowledgedCompletions].filter((k) => state.get(k) !== "COMPLETED");
    expect(lostStarts, `${lostStarts.length} of ${startsBeforeKill} acknowledged starts lost`).to.deep.equal([]);
    expect(lostCompletions, `${lostCompletions.length} of ${completionsBeforeKill} acknowledged completions lost`).to.deep.equal([]);

    // the restarted engine still works on what survived
    const open = unwrap(await client.GET("/task", { params: { query: { processDefinitionKey: key, maxResults: 1 } } }));
    if (open[0]) {
      const done = await client.POST("/task/{id}/complete", { params: { path: { id: open[0].id! } }, body: {} });
      expect(done.response.ok).to.equal(true);
    }
  });
});
