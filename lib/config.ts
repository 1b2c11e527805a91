import { z } from "zod";

/**
 * Where the engine is and how to reach it. Every part of Nivel (web app, workers, tests,
 * scripts) speaks only the Camunda 7 REST API at `url`, so Operaton, Camunda 7.24 or a remote
 * production engine are interchangeable.
 */
export const EngineConnection = z.object({
  url: z.string().url(),
  user: z.string().min(1),
  password: z.string().min(1),
});
export type EngineConnection = z.infer<typeof EngineConnection>;

/**
 * Nivel's own accounts on the engine (lib/engine/service-accounts.ts grants them what they need).
 * The engine's REST gate (engine/src/engine/java/fi/nivel/engine/RestGate.java) admits only
 * members of SERVICE_GROUP and the engine admin.
 */
export const SERVICE_GROUP = "nivel-service";
export const SERVICE_ACCOUNTS = {
  /** the web app: tasklist, cockpit, modeler, sign-in */
  app: "nivel-app",
  /** the external-task workers */
  worker: "nivel-worker",
} as const;
export type ServiceAccount = keyof typeof SERVICE_ACCOUNTS;

/** Who speaks to the engine: its admin (bootstrap and tests) or one of Nivel's service accounts. */
export type EngineAccount = "admin" | ServiceAccount;

const CREDENTIALS: Record<EngineAccount, { user: string | undefined; password: string }> = {
  admin: { user: undefined, password: "ENGINE_ADMIN_PASSWORD" },
  app: { user: SERVICE_ACCOUNTS.app, password: "ENGINE_APP_PASSWORD" },
  worker: { user: SERVICE_ACCOUNTS.worker, password: "ENGINE_WORKER_PASSWORD" },
};

/**
 * The engine named by ENGINE_URL, as `account`: the admin with ENGINE_ADMIN_USER and
 * ENGINE_ADMIN_PASSWORD, the app with ENGINE_APP_PASSWORD, the workers with
 * ENGINE_WORKER_PASSWORD (their user names are fixed: lib/engine/service-accounts.ts).
 * Undefined without ENGINE_URL.
 */
export function engineFromEnv(account: EngineAccount, env: NodeJS.ProcessEnv = process.env): EngineConnection | undefined {
  if (!env.ENGINE_URL) return undefined;
  const names = CREDENTIALS[account];
  const parsed = EngineConnection.safeParse({
    url: env.ENGINE_URL.replace(/\/+$/, ""),
    user: names.user ?? env.ENGINE_ADMIN_USER,
    password: env[names.password],
  });
  if (!parsed.success) {
    const needed = account === "admin" ? "ENGINE_ADMIN_USER and ENGINE_ADMIN_PASSWORD" : names.password;
    throw new Error(`ENGINE_URL is set, so ${needed} must be set too: ` + parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return parsed.data;
}

export function basicAuthHeader(c: Pick<EngineConnection, "user" | "password">): string {
  return "Basic " + Buffer.from(`${c.user}:${c.password}`).toString("base64");
}
