/**
 * A notify worker process that kills itself with SIGKILL at a chosen point of a delivery, as a
 * crash would: `after-claim` (the e-mail's key claimed, nothing sent) or `after-send` (the e-mail
 * accepted by the SMTP server and marked sent, the task not yet completed). Test use only, in a
 * process of its own (see `spawnCrashingNotifyWorker`); importing this module starts nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { z } from "zod";
import { EngineConnection } from "../../../lib/config.js";
import { createEngineClient } from "../../../lib/engine/client.js";
import { createWorkerClient } from "../../../lib/engine/worker-client.js";
import { subscribeNotifications } from "../../../workers/notifications/notify.js";
import { openStore } from "../../../lib/store/index.js";

export const CrashSettings = z.object({
  connection: EngineConnection,
  /** the app store's PGlite directory, opened by one process at a time */
  storeDir: z.string(),
  smtpUrl: z.string(),
  appUrl: z.string(),
  processDefinitionKey: z.string(),
  lockDuration: z.number(),
  crashAt: z.enum(["after-claim", "after-send"]),
});
export type CrashSettings = z.infer<typeof CrashSettings>;

/** Starts the worker in a child process (settings in its environment, not on its command line). */
export function spawnCrashingNotifyWorker(settings: CrashSettings): ChildProcess {
  const entry = `import { runCrashingNotifyWorker } from ${JSON.stringify(import.meta.url)}; await runCrashingNotifyWorker();`;
  return spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", entry], {
    env: { ...process.env, NIVEL_CRASH_WORKER: JSON.stringify(settings) },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

export async function runCrashingNotifyWorker(): Promise<void> {
  const settings = CrashSettings.parse(JSON.parse(process.env.NIVEL_CRASH_WORKER ?? "{}"));
  const store = await openStore({ backend: "pglite", dataDir: settings.storeDir });
  const isEmail = (key: string) => key.endsWith("/email");
  const crash = () => process.kill(process.pid, "SIGKILL");

  const notices = {
    ...store.notices,
    async claim(key: string, now: Date, staleBefore?: Date) {
      const claim = await store.notices.claim(key, now, staleBefore);
      if (settings.crashAt === "after-claim" && isEmail(key) && claim === "claimed") crash();
      return claim;
    },
    async markSent(key: string, now: Date) {
      await store.notices.markSent(key, now);
      if (settings.crashAt === "after-send" && isEmail(key)) crash();
    },
  };

  const client = createWorkerClient(settings.connection, {
    workerId: `crashing-${process.pid}`,
    lockDuration: settings.lockDuration,
    asyncResponseTimeout: 1_000,
  });
  subscribeNotifications(client, {
    engine: createEngineClient(settings.connection),
    store: { inbox: store.inbox, network: store.network, preferences: store.preferences, consents: store.consents, notices },
    smtpUrl: settings.smtpUrl,
    mailFrom: "Nivel <no-reply@nivel.test>",
    appUrl: settings.appUrl,
    lockDuration: settings.lockDuration,
    filter: { processDefinitionKey: settings.processDefinitionKey },
    log: () => undefined,
  });
}
