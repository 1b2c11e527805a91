/**
 * Nivel's own data: cases (organisations, team, transfers), plans, consents, network members, inbox, notice ledger, audit log, sessions,
 * sign-in attempts, case references, users' preferences.
 * PostgreSQL in production (APP_DATABASE_URL), embedded PGlite otherwise; the same SQL on both.
 *
 * @example
 *   import { openStore, storeOptionsFromEnv } from "../lib/store/index.js";
 *
 *   const store = await openStore(storeOptionsFromEnv());   // or { backend: "memory" } in tests
 *   await store.consents.record("NIV-2026-000123", { grants: [{ item: "goals", to: "rise" }], purpose: "…", givenHow: "in-person", validUntil: null }, "anna", new Date());
 *   const { version } = await store.plans.save("NIV-2026-000123", "county", countyPlan, "anna", new Date());
 *   const claim = await store.notices.claim(dedupeKey, new Date(), staleBefore); // "claimed" | "sent" | "busy"
 *   await store.audit.append({ actor: "anna", action: "case.read", caseRef: "NIV-2026-000123", at: new Date() });
 *   await store.transaction(async (tx) => {                          // both or neither
 *     await tx.audit.append({ actor: "anna", action: "preferences.language", at: new Date() });
 *     await tx.preferences.setLanguage("anna", "sv", new Date());
 *   });
 *   const report = await store.audit.verify();                       // { ok: true, rows, head, … }
 *   const caseRef = await store.caseRefs.next(2026);                  // "NIV-2026-000124"
 *   await store.close();
 *
 * Invalid input makes a repository throw StoreInputError (naming the field) before writing anything.
 */
import { join, resolve } from "node:path";
import { z } from "zod";
import { auditRepository, type AuditRepository } from "./audit.js";
import { caseRefsRepository, type CaseRefsRepository } from "./case-refs.js";
import { casesRepository, type CasesRepository } from "./cases.js";
import { consentsRepository, type ConsentsRepository } from "./consents.js";
import { insideTransaction, type Database } from "./database.js";
import { inboxRepository, type InboxRepository } from "./inbox.js";
import { migrate } from "./migrate.js";
import { networkRepository, type NetworkRepository } from "./network.js";
import { noticesRepository, type NoticesRepository } from "./notices.js";
import { openPgDatabase } from "./pg-database.js";
import { openPgliteDatabase } from "./pglite-database.js";
import { plansRepository, type PlansRepository } from "./plans.js";
import { preferencesRepository, type PreferencesRepository } from "./preferences.js";
import { sessionsRepository, type SessionsRepository } from "./sessions.js";
import { signInAttemptsRepository, type SignInAttemptsRepository } from "./sign-in-attempts.js";

export const StoreOptions = z.discriminatedUnion("backend", [
  z.object({
    backend: z.literal("postgres"),
    url: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
    /** work in this schema (created if missing) instead of the search_path's default */
    schema: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  }),
  z.object({ backend: z.literal("pglite"), dataDir: z.string().min(1) }),
  /** nothing persisted: for tests */
  z.object({ backend: z.literal("memory") }),
]);
export type StoreOptions = z.infer<typeof StoreOptions>;

/** Every repository of the store. */
export interface Repositories {
  plans: PlansRepository;
  consents: ConsentsRepository;
  network: NetworkRepository;
  inbox: InboxRepository;
  notices: NoticesRepository;
  audit: AuditRepository;
  sessions: SessionsRepository;
  signInAttempts: SignInAttemptsRepository;
  caseRefs: CaseRefsRepository;
  cases: CasesRepository;
  preferences: PreferencesRepository;
}

export interface Store extends Repositories {
  readonly backend: Database["backend"];
  /**
   * Runs `work` with repositories inside one transaction: everything it writes is committed when
   * it resolves and nothing when it throws. An audit row and the change it records go together.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** the migrations this open applied (empty when the schema was already current) */
  readonly migrationsApplied: number[];
  close(): Promise<void>;
}

/** PostgreSQL when APP_DATABASE_URL is set, else PGlite under DATA_DIR/app. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  if (env.APP_DATABASE_URL) return StoreOptions.parse({ backend: "postgres", url: env.APP_DATABASE_URL });
  return { backend: "pglite", dataDir: join(resolve(env.DATA_DIR ?? "data"), "app") };
}

/** Opens the database, brings its schema up to date, and returns the repositories. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const o = StoreOptions.parse(options);
  const db =
    o.backend === "postgres" ? await openPgDatabase(o.url, o.schema) : await openPgliteDatabase(o.backend === "pglite" ? o.dataDir : undefined);
  let migrationsApplied: number[];
  try {
    migrationsApplied = await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    backend: db.backend,
    ...repositories(db),
    transaction: (work) => db.transaction((tx) => work(repositories(insideTransaction(tx, db.backend)))),
    migrationsApplied,
    close: () => db.close(),
  };
}

function repositories(db: Database): Repositories {
  return {
    plans: plansRepository(db),
    consents: consentsRepository(db),
    network: networkRepository(db),
    inbox: inboxRepository(db),
    notices: noticesRepository(db),
    audit: auditRepository(db),
    sessions: sessionsRepository(db),
    signInAttempts: signInAttemptsRepository(db),
    caseRefs: caseRefsRepository(db),
    cases: casesRepository(db),
    preferences: preferencesRepository(db),
  };
}

export { StoreInputError } from "./validate.js";
export { PlanContent, PlanOwner, PlanVersion } from "./plans.js";
export { NetworkMember, NetworkMemberInput } from "./network.js";
export { InboxEntry, InboxEntryInput } from "./inbox.js";
export { Notice, type Claim } from "./notices.js";
export { PreferredLanguage } from "./preferences.js";
export { AuditEntry, AuditInput, AuditQuery, type AuditRepository } from "./audit.js";
export { Session, SessionInput, SignedInUserSessions } from "./sessions.js";
export type { AttemptCount } from "./sign-in-attempts.js";
export type { ChainReport } from "./audit-chain.js";
