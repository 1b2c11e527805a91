/**
 * The web app's process entry. `startWeb` is what the app process (scripts/app.ts) calls beside
 * the workers; run this file directly for a web-only process, which needs the store on
 * PostgreSQL (APP_DATABASE_URL) since an embedded store belongs to one process.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { engineFromEnv, type EngineConnection } from "../../lib/config.js";
import { createEngineClient } from "../../lib/engine/client.js";
import { openStore, storeOptionsFromEnv, type Store } from "../../lib/store/index.js";
import { bundleCockpit } from "../client/cockpit/bundle.js";
import { bundleModeler } from "../client/modeler/bundle.js";
import { bundleTasklist } from "../client/tasklist/bundle.js";
import { createApp } from "./app.js";

export async function startWeb(connection: EngineConnection, store: Store, env: NodeJS.ProcessEnv = process.env): Promise<Server> {
  await Promise.all([bundleTasklist(), bundleCockpit(), bundleModeler()]);
  const trustProxy = env.TRUST_PROXY;
  const app = createApp({
    engine: { connection, client: createEngineClient(connection) },
    store,
    ...(trustProxy ? { trustProxy: /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy } : {}),
  });
  const port = Number(env.PORT ?? 8080);
  // this machine only unless HOST opens it on purpose (the image and compose set 0.0.0.0): the
  // embedded default has demo users with a published password
  const host = env.HOST || "127.0.0.1";
  return new Promise((resolve) => {
    const server = app.listen(port, host, () => {
      console.log(`web: listening on ${host}:${(server.address() as AddressInfo).port}`);
      resolve(server);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const connection = engineFromEnv("app");
  if (!connection) {
    console.error("Set ENGINE_URL and ENGINE_APP_PASSWORD.");
    process.exit(1);
  }
  const store = await openStore(storeOptionsFromEnv());
  const server = await startWeb(connection, store);
  const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
