import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SERVICE_ACCOUNTS, SERVICE_GROUP, type EngineConnection, type ServiceAccount } from "../config.js";
import { createEngineClient, unwrap, type EngineClient } from "./client.js";

/**
 * The service accounts' identities and authorizations. With authorization on, each account reaches
 * only what it is granted here; staff hold no authorization at all: they sign in to Nivel, whose
 * app account checks their password through /identity/verify.
 */

/** Camunda 7's resource type numbers (org.camunda.bpm.engine.authorization.Resources). */
const RESOURCE = { USER: 1, GROUP: 2, PROCESS_DEFINITION: 6, TASK: 7, PROCESS_INSTANCE: 8, DEPLOYMENT: 9 } as const;
type Grant = { resourceType: number; permissions: string[] };

/**
 * What each account needs, and no more: the permissions the engine checks for the REST calls the
 * app (web/server) and the workers (workers/) make. Neither may change identities or
 * authorizations; only the app deploys (the modeler), and only the app starts or cancels cases.
 */
export const GRANTS: Record<ServiceAccount, Grant[]> = {
  app: [
    {
      resourceType: RESOURCE.PROCESS_DEFINITION,
      permissions: ["READ", "CREATE_INSTANCE", "READ_INSTANCE", "UPDATE_INSTANCE", "DELETE_INSTANCE", "READ_TASK", "UPDATE_TASK", "READ_HISTORY"],
    },
    { resourceType: RESOURCE.PROCESS_INSTANCE, permissions: ["CREATE", "READ", "UPDATE", "DELETE"] },
    { resourceType: RESOURCE.TASK, permissions: ["READ", "UPDATE"] },
    { resourceType: RESOURCE.DEPLOYMENT, permissions: ["CREATE", "READ"] },
    { resourceType: RESOURCE.USER, permissions: ["READ"] },
    { resourceType: RESOURCE.GROUP, permissions: ["READ"] },
  ],
  worker: [
    // fetchAndLock needs READ_INSTANCE and UPDATE_INSTANCE on the definitions it fetches from;
    // deadline-compute moves the due dates of open tasks that follow a changed release day (READ_TASK, UPDATE_TASK)
    { resourceType: RESOURCE.PROCESS_DEFINITION, permissions: ["READ", "READ_INSTANCE", "UPDATE_INSTANCE", "READ_TASK", "UPDATE_TASK", "READ_HISTORY"] },
    { resourceType: RESOURCE.PROCESS_INSTANCE, permissions: ["READ", "UPDATE"] },
    // notice recipients: users' e-mail addresses and groups' members
    { resourceType: RESOURCE.USER, permissions: ["READ"] },
    { resourceType: RESOURCE.GROUP, permissions: ["READ"] },
  ],
};

const StoredPasswords = z.object({ app: z.string().min(10), worker: z.string().min(10) });
export type ServicePasswords = z.infer<typeof StoredPasswords>;

/** 24 random characters framed so that the engine's password policy holds (as the engine admin's). */
function generatePassword(): string {
  return `Nv-${randomBytes(18).toString("base64url")}-7`;
}

/**
 * The accounts' passwords: ENGINE_APP_PASSWORD and ENGINE_WORKER_PASSWORD when given (production,
 * from the secret store), otherwise generated once and kept in `<dataDir>/engine-accounts.json`
 * (mode 600), beside the engine admin's generated credentials.
 */
export function servicePasswords(dataDir: string, env: NodeJS.ProcessEnv = process.env): ServicePasswords {
  const file = join(dataDir, "engine-accounts.json");
  const stored = existsSync(file) ? StoredPasswords.parse(JSON.parse(readFileSync(file, "utf8"))) : undefined;
  const passwords = {
    app: env.ENGINE_APP_PASSWORD || stored?.app || generatePassword(),
    worker: env.ENGINE_WORKER_PASSWORD || stored?.worker || generatePassword(),
  };
  if (!env.ENGINE_APP_PASSWORD || !env.ENGINE_WORKER_PASSWORD) {
    if (!stored || stored.app !== passwords.app || stored.worker !== passwords.worker) {
      writeFileSync(file, JSON.stringify(passwords), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
  }
  return passwords;
}

/** The connection of one service account to the engine at `url`. */
export function serviceConnection(url: string, account: ServiceAccount, passwords: ServicePasswords): EngineConnection {
  return { url, user: SERVICE_ACCOUNTS[account], password: passwords[account] };
}

/**
 * Creates the service group and accounts when missing, resets a password that no longer matches
 * (rotation: change the variable, bootstrap again), and grants each account exactly GRANTS:
 * missing grants are created, grants of other permissions are corrected. Run as the engine admin.
 */
export async function ensureServiceAccounts(admin: EngineConnection, passwords: ServicePasswords): Promise<void> {
  const engine = createEngineClient(admin);
  const groups = unwrap(await engine.GET("/group", { params: { query: { id: SERVICE_GROUP } } }));
  if (groups.length === 0) {
    unwrap(await engine.POST("/group/create", { body: { id: SERVICE_GROUP, name: "Nivel: palvelutilit / service accounts", type: "SYSTEM" } }));
  }
  for (const account of Object.keys(SERVICE_ACCOUNTS) as ServiceAccount[]) {
    const id = SERVICE_ACCOUNTS[account];
    await ensureUser(engine, admin, id, passwords[account]);
    const members = unwrap(await engine.GET("/user", { params: { query: { memberOfGroup: SERVICE_GROUP, id } } }));
    if (members.length === 0) unwrap(await engine.PUT("/group/{id}/members/{userId}", { params: { path: { id: SERVICE_GROUP, userId: id } } }));
    await ensureGrants(engine, id, GRANTS[account]);
  }
}

async function ensureUser(engine: EngineClient, admin: EngineConnection, id: string, password: string): Promise<void> {
  const existing = unwrap(await engine.GET("/user", { params: { query: { id } } }));
  if (existing.length === 0) {
    unwrap(
      await engine.POST("/user/create", {
        // no names: the password policy refuses a password that contains the user's names
        body: { profile: { id }, credentials: { password } },
      }),
    );
    return;
  }
  const { authenticated } = unwrap(await engine.POST("/identity/verify", { body: { username: id, password } }));
  if (!authenticated) {
    unwrap(
      await engine.PUT("/user/{id}/credentials", {
        params: { path: { id } },
        body: { password, authenticatedUserPassword: admin.password },
      }),
    );
  }
}

async function ensureGrants(engine: EngineClient, userId: string, grants: Grant[]): Promise<void> {
  const held = unwrap(await engine.GET("/authorization", { params: { query: { userIdIn: userId } } }));
  for (const grant of grants) {
    const current = held.find((a) => a.type === 1 && a.resourceType === grant.resourceType && a.resourceId === "*");
    const wanted = [...grant.permissions].sort();
    if (!current) {
      unwrap(
        await engine.POST("/authorization/create", {
          body: { type: 1, permissions: wanted, userId, resourceType: grant.resourceType, resourceId: "*" },
        }),
      );
    } else if (JSON.stringify([...(current.permissions ?? [])].sort()) !== JSON.stringify(wanted)) {
      unwrap(
        await engine.PUT("/authorization/{id}", {
          params: { path: { id: current.id! } },
          body: { permissions: wanted, userId, resourceType: grant.resourceType, resourceId: "*" },
        }),
      );
    }
  }
  // anything else an account holds was not granted here: take it away
  for (const extra of held.filter((a) => !grants.some((g) => a.type === 1 && a.resourceType === g.resourceType && a.resourceId === "*"))) {
    unwrap(await engine.DELETE("/authorization/{id}", { params: { path: { id: extra.id! } } }));
  }
}
