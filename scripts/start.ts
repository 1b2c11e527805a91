/**
 * `npm start`: the whole system on one machine. Starts the engine (unless ENGINE_URL names one),
 * bootstraps it as its admin (deploys processes/ and forms/, the service accounts, the demo users
 * on an embedded engine), then runs the app (web + workers, scripts/app.ts) as a child process
 * with the service accounts' credentials only. Ctrl-C stops all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { engineFromEnv } from "../lib/config.js";
import { bootstrapEngine } from "../lib/engine/bootstrap.js";
import { engineKindFromEnv, missingToolchain } from "../lib/engine/build.js";
import { startEngine, type RunningEngine } from "../lib/engine/process.js";
import type { ServicePasswords } from "../lib/engine/service-accounts.js";

const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? "data");
const children: ChildProcess[] = [];
let engine: RunningEngine | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : undefined)));
    await engine?.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** Runs a part of Nivel as a child process that knows the service accounts, never the engine admin. */
function run(name: string, script: string, url: string, passwords: ServicePasswords): void {
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    DATA_DIR: dataDir,
    ENGINE_URL: url,
    ENGINE_APP_PASSWORD: passwords.app,
    ENGINE_WORKER_PASSWORD: passwords.worker,
  };
  delete childEnv.ENGINE_ADMIN_USER;
  delete childEnv.ENGINE_ADMIN_PASSWORD;
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: "inherit", env: childEnv });
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
    void shutdown(1);
  });
  children.push(child);
}

async function main(): Promise<void> {
  let connection = engineFromEnv("admin");
  const external = connection !== undefined;
  if (!connection) {
    const missing = missingToolchain();
    if (missing) {
      console.error(missing);
      process.exit(1);
    }
    const kind = engineKindFromEnv();
    const port = Number(env.ENGINE_PORT ?? 8081);
    console.log(`Starting the ${kind} engine on port ${port} (data in ${dataDir})…`);
    engine = await startEngine({
      kind,
      dataDir,
      port,
      jobExecutor: env.JOB_EXECUTOR !== "false",
      webapps: env.ENGINE_WEBAPPS === "true",
      databaseUrl: env.DATABASE_URL,
      admin: env.ENGINE_ADMIN_USER && env.ENGINE_ADMIN_PASSWORD ? { user: env.ENGINE_ADMIN_USER, password: env.ENGINE_ADMIN_PASSWORD } : undefined,
      maxHeap: env.ENGINE_MAX_HEAP ?? "1g",
    });
    connection = engine.connection;
    if (!env.ENGINE_ADMIN_PASSWORD) console.log(`Engine admin: ${connection.user} (password in ${dataDir}/engine-admin.properties)`);
    console.log(`Engine ready in ${(engine.startupMs / 1000).toFixed(1)} s: ${connection.url} (on this machine only)`);
  }

  // Demo users only on an embedded engine, or when asked for: never by surprise in production.
  const passwords = await bootstrapEngine(connection, {
    dataDir,
    demoUsers: !external || env.DEMO_USERS === "true",
    ...(env.DEMO_PASSWORD ? { demoPassword: env.DEMO_PASSWORD } : {}),
  });

  run("app", "scripts/app.ts", connection.url, passwords);
  // the web app listens on loopback unless HOST opens it (web/server/main.ts)
  console.log(`Nivel: http://localhost:${env.PORT ?? 8080}${env.HOST ? ` (listening on ${env.HOST})` : " (this machine only; HOST=0.0.0.0 opens it)"}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
