/**
 * `npm start`: the whole system on one machine. Starts the engine (unless ENGINE_URL names one),
 * deploys processes/ and forms/ with duplicate filtering, creates the demo users on an empty
 * embedded engine, then runs the app (web + workers, scripts/app.ts) as a child process. Ctrl-C
 * stops all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { engineFromEnv, type EngineConnection } from "../lib/config.js";
import { engineKindFromEnv, missingToolchain } from "../lib/engine/build.js";
import { createEngineClient } from "../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD, ensureDemoIdentity } from "../lib/engine/demo-users.js";
import { deployableFiles, deployFiles } from "../lib/engine/deploy.js";
import { startEngine, type RunningEngine } from "../lib/engine/process.js";

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

function run(name: string, script: string, connection: EngineConnection): void {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: "inherit",
    env: {
      ...env,
      DATA_DIR: dataDir,
      ENGINE_URL: connection.url,
      ENGINE_ADMIN_USER: connection.user,
      ENGINE_ADMIN_PASSWORD: connection.password,
    },
  });
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
    void shutdown(1);
  });
  children.push(child);
}

async function main(): Promise<void> {
  let connection = engineFromEnv();
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
      databaseUrl: env.DATABASE_URL,
      admin: env.ENGINE_ADMIN_USER && env.ENGINE_ADMIN_PASSWORD ? { user: env.ENGINE_ADMIN_USER, password: env.ENGINE_ADMIN_PASSWORD } : undefined,
      maxHeap: env.ENGINE_MAX_HEAP ?? "1g",
    });
    connection = engine.connection;
    if (!env.ENGINE_ADMIN_PASSWORD) console.log(`Engine admin: ${connection.user} (password in ${dataDir}/engine-admin.properties)`);
    console.log(`Engine ready in ${(engine.startupMs / 1000).toFixed(1)} s: ${connection.url} (web apps at ${connection.url.replace(/\/engine-rest$/, "")}/${kind}/)`);
  }

  const files = deployableFiles([resolve("processes"), resolve("forms")]);
  if (files.length) {
    const deployment = await deployFiles(connection, files);
    console.log(
      deployment.definitions.length
        ? `Deployed new versions of: ${deployment.definitions.map((d) => `${d.key} v${d.version}`).join(", ")}`
        : "Processes and forms unchanged since the last deployment.",
    );
  }

  // Demo users only on an embedded engine, or when asked for: never by surprise in production.
  if (!external || env.DEMO_USERS === "true") {
    const password = env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
    const created = await ensureDemoIdentity(createEngineClient(connection), connection.user, password);
    if (created.length) {
      console.log(`Demo users (for local use only), password "${password}": ${created.join(", ")}`);
    }
  }

  run("app", "scripts/app.ts", connection);
  console.log(`Nivel: http://localhost:${env.PORT ?? 8080}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
