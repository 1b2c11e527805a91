import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { basicAuthHeader, type EngineConnection } from "../config.js";
import { ensureEngineBuilt, type EngineKind } from "./build.js";

export interface EngineOptions {
  kind: EngineKind;
  dataDir: string;
  port: number;
  /** false leaves due jobs to `POST /job/{id}/execute`, as Camunda's own tests drive timers */
  jobExecutor?: boolean;
  /** PostgreSQL instead of H2 under dataDir */
  databaseUrl?: string;
  /** serve the engine's own Cockpit, Tasklist and Admin (ENGINE_WEBAPPS); off by default */
  webapps?: boolean;
  admin?: { user: string; password: string };
  maxHeap?: string;
  /** where the engine's stdout and stderr go; default `<dataDir>/engine.log` */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface RunningEngine {
  connection: EngineConnection;
  process: ChildProcess;
  startupMs: number;
  /** SIGTERM and wait for exit */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would */
  kill(): Promise<void>;
}

function readStoredAdmin(dataDir: string): { user: string; password: string } {
  const text = readFileSync(join(dataDir, "engine-admin.properties"), "utf8");
  const value = (key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(text)?.[1]?.trim();
  const user = value("user");
  const password = value("password");
  if (!user || !password) throw new Error(`No admin credentials in ${dataDir}/engine-admin.properties`);
  return { user, password };
}

/** Starts the engine jar as a child process and resolves once its REST API answers. */
export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const jar = ensureEngineBuilt(options.kind);
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = options.logFile ?? join(options.dataDir, "engine.log");
  const out = openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    ENGINE_PORT: String(options.port),
    JOB_EXECUTOR: String(options.jobExecutor ?? true),
    ENGINE_WEBAPPS: String(options.webapps ?? false),
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.admin) {
    env.ENGINE_ADMIN_USER = options.admin.user;
    env.ENGINE_ADMIN_PASSWORD = options.admin.password;
  } else {
    delete env.ENGINE_ADMIN_USER;
    delete env.ENGINE_ADMIN_PASSWORD;
  }
  const started = Date.now();
  const child = spawn("java", [`-Xmx${options.maxHeap ?? "1g"}`, "-XX:+ExitOnOutOfMemoryError", "-jar", jar], {
    env,
    stdio: ["ignore", out, out],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let exitCode: number | null | undefined;
  child.once("exit", (code) => (exitCode = code));

  const deadline = started + (options.startTimeoutMs ?? 180_000);
  const base = `http://127.0.0.1:${options.port}`;
  while (true) {
    if (exitCode !== undefined) {
      throw new Error(`The engine exited (code ${exitCode}) while starting; see ${logFile}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The engine did not become healthy in time; see ${logFile}`);
    }
    try {
      const health = await fetch(`${base}/actuator/health`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  const admin = options.admin ?? readStoredAdmin(options.dataDir);
  const connection: EngineConnection = { url: `${base}/engine-rest`, ...admin };
  const probe = await fetch(`${connection.url}/process-definition/count`, {
    headers: { Authorization: basicAuthHeader(connection) },
  });
  if (!probe.ok) {
    child.kill("SIGKILL");
    throw new Error(`The engine is up but its REST API refused the admin (${probe.status}); see ${logFile}`);
  }
  const startupMs = Date.now() - started;

  const end = async (signal: NodeJS.Signals) => {
    if (exitCode === undefined) child.kill(signal);
    await exited;
  };
  return { connection, process: child, startupMs, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
