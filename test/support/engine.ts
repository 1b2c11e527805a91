/**
 * The engine every test run shares: the one at ENGINE_URL (with ENGINE_ADMIN_USER and
 * ENGINE_ADMIN_PASSWORD), or else one started here on first use (ENGINE=operaton|camunda,
 * DATABASE_URL for PostgreSQL) with its job executor off, so tests fire timers and async
 * continuations themselves through the job REST API. Stopped by the root hook after the run.
 *
 *   import { useEngine } from "../support/engine.js";
 *   const engine = await useEngine();   // { connection, client, app, worker, kind }
 *
 * `connection` and `client` are the engine admin's, for tests that set up and drive the engine;
 * `app` and `worker` are Nivel's service accounts, which the web app and the workers under test
 * run with, so the suite proves their authorizations are enough.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineFromEnv, type EngineConnection } from "../../lib/config.js";
import { engineKindFromEnv, type EngineKind } from "../../lib/engine/build.js";
import { createEngineClient, type EngineClient } from "../../lib/engine/client.js";
import { freePort } from "../../lib/engine/free-port.js";
import { startEngine, type RunningEngine } from "../../lib/engine/process.js";
import { ensureServiceAccounts, serviceConnection } from "../../lib/engine/service-accounts.js";

export interface TestEngine {
  connection: EngineConnection;
  client: EngineClient;
  /** the web app's service account */
  app: EngineConnection;
  /** the workers' service account */
  worker: EngineConnection;
  /** which engine, or "external" when ENGINE_URL named one */
  kind: EngineKind | "external";
}

/**
 * The engine admin of every engine tests start. One for all: engines that share a PostgreSQL
 * database share their identity tables, and the engine creates its admin only when missing.
 */
export const TEST_ADMIN = { user: "admin", password: "Test-root-secret-1" };
export const TEST_SERVICE_PASSWORDS = { app: "Test-app-password-1", worker: "Test-worker-password-1" };

/** The engine as the tests see it: the admin's client and the service accounts, created if missing. */
export async function testEngine(connection: EngineConnection, kind: TestEngine["kind"]): Promise<TestEngine> {
  await ensureServiceAccounts(connection, TEST_SERVICE_PASSWORDS);
  return {
    connection,
    client: createEngineClient(connection),
    app: serviceConnection(connection.url, "app", TEST_SERVICE_PASSWORDS),
    worker: serviceConnection(connection.url, "worker", TEST_SERVICE_PASSWORDS),
    kind,
  };
}

let shared: Promise<TestEngine> | undefined;
let running: RunningEngine | undefined;
let dataDir: string | undefined;

export function useEngine(): Promise<TestEngine> {
  shared ??= start();
  return shared;
}

async function start(): Promise<TestEngine> {
  const external = engineFromEnv("admin");
  if (external) return testEngine(external, "external");
  const kind = engineKindFromEnv();
  dataDir = mkdtempSync(join(tmpdir(), "nivel-test-engine-"));
  running = await startEngine({
    kind,
    dataDir,
    port: await freePort(),
    jobExecutor: false,
    databaseUrl: process.env.DATABASE_URL,
    admin: TEST_ADMIN,
  });
  return testEngine(running.connection, kind);
}

export async function stopSharedEngine(): Promise<void> {
  await running?.stop();
  if (dataDir && !process.env.KEEP_ENGINE_DATA) rmSync(dataDir, { recursive: true, force: true });
  running = undefined;
  shared = undefined;
}
