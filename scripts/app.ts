/**
 * The Nivel app: the web server and the workers in one process on one store. One process
 * because the embedded store (PGlite) can be opened by one process only; with the store on
 * PostgreSQL, web-only (web/server/main.ts) and workers-only (workers/main.ts) processes scale
 * out instead.
 */
import { engineFromEnv } from "../lib/config.js";
import { openStore, storeOptionsFromEnv } from "../lib/store/index.js";
import { startWeb } from "../web/server/main.js";
import { startWorkers } from "../workers/main.js";

const app = engineFromEnv("app");
const worker = engineFromEnv("worker");
if (!app || !worker) {
  console.error("Set ENGINE_URL, ENGINE_APP_PASSWORD and ENGINE_WORKER_PASSWORD.");
  process.exit(2);
}
const store = await openStore(storeOptionsFromEnv());
const workers = startWorkers(worker, store);
const server = await startWeb(app, store);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  workers.stop();
  server.close(() => void store.close().then(() => process.exit(0)));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
