/**
 * Prepares an external engine for Nivel (compose's engine-init): deploys processes/ and forms/,
 * creates the service accounts with ENGINE_APP_PASSWORD and ENGINE_WORKER_PASSWORD and grants
 * them their authorizations, and with DEMO_USERS=true the demo users. Needs ENGINE_URL,
 * ENGINE_ADMIN_USER and ENGINE_ADMIN_PASSWORD; it is the only Nivel process that holds the
 * admin's credentials.
 */
import { resolve } from "node:path";
import { engineFromEnv, SERVICE_ACCOUNTS } from "../lib/config.js";
import { bootstrapEngine } from "../lib/engine/bootstrap.js";

const admin = engineFromEnv("admin");
if (!admin) {
  console.error("Set ENGINE_URL, ENGINE_ADMIN_USER and ENGINE_ADMIN_PASSWORD.");
  process.exit(2);
}
if (!process.env.ENGINE_APP_PASSWORD || !process.env.ENGINE_WORKER_PASSWORD) {
  console.error("Set ENGINE_APP_PASSWORD and ENGINE_WORKER_PASSWORD: the app and the workers run with these accounts.");
  process.exit(2);
}
await bootstrapEngine(admin, {
  dataDir: resolve(process.env.DATA_DIR ?? "data"),
  demoUsers: process.env.DEMO_USERS === "true",
  ...(process.env.DEMO_PASSWORD ? { demoPassword: process.env.DEMO_PASSWORD } : {}),
});
console.log(`Engine ready for Nivel: service accounts ${Object.values(SERVICE_ACCOUNTS).join(" and ")}.`);
