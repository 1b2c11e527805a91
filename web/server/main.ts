import { engineFromEnv } from "../../lib/config.js";
import { createEngineClient } from "../../lib/engine/client.js";
import { openStore, storeOptionsFromEnv } from "../../lib/store/index.js";
import { bundleCockpit } from "../client/cockpit/bundle.js";
import { bundleModeler } from "../client/modeler/bundle.js";
import { bundleTasklist } from "../client/tasklist/bundle.js";
import { createApp } from "./app.js";

const connection = engineFromEnv();
if (!connection) {
  console.error("Set ENGINE_URL, ENGINE_ADMIN_USER and ENGINE_ADMIN_PASSWORD.");
  process.exit(1);
}
await Promise.all([bundleTasklist(), bundleCockpit(), bundleModeler()]);
const store = await openStore(storeOptionsFromEnv());
const app = createApp({
  engine: { connection, client: createEngineClient(connection) },
  store,
  ...(process.env.TRUST_PROXY ? { trustProxy: /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY } : {}),
});
const port = Number(process.env.PORT ?? 8080);
const server = app.listen(port, () => console.log(`web: listening on port ${port}`));
const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
