/**
 * An engine of the suite's own (declares no tests), for tests whose figures are over everything
 * the engine holds in a period of dates relative to today: other suites' cases in the shared
 * engine would land in it. The same engine kind as the shared one (ENGINE), H2 in a temporary
 * directory, job executor off. With ENGINE_URL the tests use that engine instead, as every
 * suite does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineFromEnv } from "../../../lib/config.js";
import { engineKindFromEnv } from "../../../lib/engine/build.js";
import { freePort } from "../../../lib/engine/free-port.js";
import { startEngine } from "../../../lib/engine/process.js";
import { TEST_ADMIN, testEngine, useEngine, type TestEngine } from "../../support/engine.js";

export interface OwnEngine {
  engine: TestEngine;
  stop(): Promise<void>;
}

export async function startOwnEngine(): Promise<OwnEngine> {
  if (engineFromEnv("admin")) return { engine: await useEngine(), stop: async () => undefined };
  const kind = engineKindFromEnv();
  const dataDir = mkdtempSync(join(tmpdir(), "nivel-own-engine-"));
  const running = await startEngine({ kind, dataDir, port: await freePort(), jobExecutor: false, admin: TEST_ADMIN });
  return {
    engine: await testEngine(running.connection, kind),
    async stop() {
      await running.stop();
      if (!process.env.KEEP_ENGINE_DATA) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
