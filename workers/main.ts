/**
 * The external-task workers, every topic family on one official client. `startWorkers` is what
 * the app process (scripts/app.ts) calls beside the web server; run this file directly for a
 * workers-only process (more of them compete for tasks through fetchAndLock), which needs the
 * store on PostgreSQL (APP_DATABASE_URL) since an embedded store belongs to one process.
 */
import { hostname } from "node:os";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { engineFromEnv, type EngineConnection } from "../lib/config.js";
import { createEngineClient } from "../lib/engine/client.js";
import { createWorkerClient } from "../lib/engine/worker-client.js";
import { openStore, storeOptionsFromEnv, type Store } from "../lib/store/index.js";
import { subscribeDeadlines } from "./deadlines/index.js";
import { subscribeNotifications } from "./notifications/index.js";
import { subscribePlans } from "./plans/index.js";

export const WorkerSettings = z.object({
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Nivel <nivel@localhost>"),
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(8080),
  WORKER_ID: z.string().min(1).default(`nivel-${hostname()}-${process.pid}`),
  /** a task a crashed worker held returns to the others after this long */
  LOCK_DURATION_MS: z.coerce.number().int().positive().default(60_000),
});
export type WorkerSettings = z.infer<typeof WorkerSettings>;

export interface RunningWorkers {
  stop(): void;
}

export function startWorkers(connection: EngineConnection, store: Store, env: NodeJS.ProcessEnv = process.env): RunningWorkers {
  const settings = WorkerSettings.parse(env);
  const engine = createEngineClient(connection);
  const client = createWorkerClient(connection, { workerId: settings.WORKER_ID, lockDuration: settings.LOCK_DURATION_MS });
  subscribeDeadlines(client, { engine });
  subscribeNotifications(client, {
    engine,
    store,
    smtpUrl: settings.SMTP_URL,
    mailFrom: settings.MAIL_FROM,
    appUrl: settings.APP_URL ?? `http://localhost:${settings.PORT}`,
    lockDuration: settings.LOCK_DURATION_MS,
  });
  subscribePlans(client, { store });
  console.log(`workers: ${settings.WORKER_ID} serving deadline-compute, deadline-escalate, notify, plan-sync`);
  return { stop: () => client.stop() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const connection = engineFromEnv("worker");
  if (!connection) {
    console.error("workers: set ENGINE_URL and ENGINE_WORKER_PASSWORD");
    process.exit(2);
  }
  const store = await openStore(storeOptionsFromEnv());
  const workers = startWorkers(connection, store);
  const stop = async () => {
    workers.stop();
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}
