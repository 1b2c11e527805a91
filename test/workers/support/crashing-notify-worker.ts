/**
 * A notify worker process that kills itself with SIGKILL at a chosen point of a delivery, as a
 * crash would: `after-claim` (the e-mail's key claimed, nothing sent) or `after-send` (the e-mail
 * accepted by the SMTP server and marked sent, the task not yet completed). Test use only; run as
 * `node --import tsx crashing-notify-worker.ts` with its settings as JSON in NIVEL_CRASH_WORKER.
 */
import { z } from "zod";
import { EngineConnection } from "../../../lib/config.js";
import { createEngineClient } from "../../../lib/engine/client.js";
import { createWorkerClient } from "../../../lib/engine/worker-client.js";
import { subscribeNotifications } from "../../../workers/notifications/notify.js";
import { fileStore } from "./file-store.js";

const Settings = z.object({
  connection: EngineConnection,
  storeFile: z.string(),
  smtpUrl: z.string(),
  appUrl: z.string(),
  processDefinitionKey: z.string(),
  lockDuration: z.number(),
  crashAt: z.enum(["after-claim", "after-send"]),
});
const settings = Settings.parse(JSON.parse(process.env.NIVEL_CRASH_WORKER ?? "{}"));
const store = fileStore(settings.storeFile);
const isEmail = (key: string) => key.endsWith("/email");
const crash = () => process.kill(process.pid, "SIGKILL");

const notices = {
  async claim(key: string, now: Date, staleBefore: Date) {
    const claim = await store.notices.claim(key, now, staleBefore);
    if (settings.crashAt === "after-claim" && isEmail(key) && claim === "claimed") crash();
    return claim;
  },
  async markSent(key: string, now: Date) {
    await store.notices.markSent(key, now);
    if (settings.crashAt === "after-send" && isEmail(key)) crash();
  },
  release: store.notices.release,
};

const client = createWorkerClient(settings.connection, { workerId: `crashing-${process.pid}`, lockDuration: settings.lockDuration });
subscribeNotifications(client, {
  engine: createEngineClient(settings.connection),
  store: { ...store, notices },
  smtpUrl: settings.smtpUrl,
  mailFrom: "Nivel <no-reply@nivel.test>",
  appUrl: settings.appUrl,
  lockDuration: settings.lockDuration,
  filter: { processDefinitionKey: settings.processDefinitionKey },
  log: () => undefined,
});
