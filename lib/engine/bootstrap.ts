import { resolve } from "node:path";
import type { EngineConnection } from "../config.js";
import { createEngineClient } from "./client.js";
import { DEFAULT_DEMO_PASSWORD, ensureDemoIdentity, ensureGroups } from "./demo-users.js";
import { deployableFiles, deployFiles } from "./deploy.js";
import { ensureServiceAccounts, servicePasswords, type ServicePasswords } from "./service-accounts.js";

export interface BootstrapOptions {
  /** where generated service-account passwords are kept when the environment gives none */
  dataDir: string;
  /** create the demo users (an embedded engine, or DEMO_USERS=true) */
  demoUsers: boolean;
  demoPassword?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/**
 * What the engine needs before Nivel runs on it, done as the engine admin: the pathways deployed
 * (duplicate-filtered), Nivel's role and organisation groups, the service accounts and their grants, and on request the
 * demo users. Idempotent: `npm start` runs it at every start, compose's engine-init at every `up`.
 * Returns the service accounts' passwords, which the app and the workers run with.
 */
export async function bootstrapEngine(admin: EngineConnection, options: BootstrapOptions): Promise<ServicePasswords> {
  const log = options.log ?? console.log;
  const files = deployableFiles([resolve("processes"), resolve("forms")]);
  if (files.length) {
    const deployment = await deployFiles(admin, files);
    log(
      deployment.definitions.length
        ? `Deployed new versions of: ${deployment.definitions.map((d) => `${d.key} v${d.version}`).join(", ")}`
        : "Processes and forms unchanged since the last deployment.",
    );
  }
  const passwords = servicePasswords(options.dataDir, options.env);
  await ensureServiceAccounts(admin, passwords);
  await ensureGroups(createEngineClient(admin), admin.user);
  if (options.demoUsers) {
    const password = options.demoPassword ?? DEFAULT_DEMO_PASSWORD;
    const created = await ensureDemoIdentity(createEngineClient(admin), admin.user, password);
    if (created.length) log(`Demo users (for local use only), password "${password}": ${created.join(", ")}`);
  }
  return passwords;
}
