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

/** The engine named by ENGINE_URL / ENGINE_ADMIN_USER / ENGINE_ADMIN_PASSWORD, if any. */
export function engineFromEnv(env: NodeJS.ProcessEnv = process.env): EngineConnection | undefined {
  if (!env.ENGINE_URL) return undefined;
  const parsed = EngineConnection.safeParse({
    url: env.ENGINE_URL.replace(/\/+$/, ""),
    user: env.ENGINE_ADMIN_USER,
    password: env.ENGINE_ADMIN_PASSWORD,
  });
  if (!parsed.success) {
    throw new Error(
      "ENGINE_URL is set, so ENGINE_ADMIN_USER and ENGINE_ADMIN_PASSWORD must be set too: " +
        parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  return parsed.data;
}

export function basicAuthHeader(c: Pick<EngineConnection, "user" | "password">): string {
  return "Basic " + Buffer.from(`${c.user}:${c.password}`).toString("base64");
}
