import type { Response } from "express";
import { z } from "zod";
import { EngineError, type EngineClient } from "../../lib/engine/client.js";
import type { AuditInput, Repositories, Store } from "../../lib/store/index.js";
import type { AuditPort, AuditRecord } from "./cockpit/deps.js";
import { currentUser } from "./auth/user.js";
import { engineProblem } from "./engine-problems.js";
import { ApiProblem } from "./problems.js";

const CASE_REF = /^NIV-\d{4}-\d{6}$/;

type Detail = Record<string, string | number | boolean | null | string[]>;

const caseRefOrNull = (caseRef: string | null | undefined) => (caseRef && CASE_REF.test(caseRef) ? caseRef : null);

/** The stable code of what went wrong, for the failure row: never the engine's message. */
function failureCode(error: unknown): string {
  if (error instanceof ApiProblem) return error.code;
  if (error instanceof EngineError) return engineProblem(error).code;
  return "server-error";
}

/**
 * The ordering every change follows (web/server/README.md): the row first, so a change whose row
 * cannot be written is never made; then the change; if the change then fails, a second row
 * `<action>.failed` with the error's code, and the error goes on to the caller.
 */
async function aroundChange<T>(append: (entry: AuditInput) => Promise<unknown>, now: () => Date, entry: AuditInput, work: () => Promise<T>): Promise<T> {
  await append(entry);
  try {
    return await work();
  } catch (error) {
    await append({ ...entry, action: `${entry.action}.failed`, detail: { ...entry.detail, code: failureCode(error) }, at: now() });
    throw error;
  }
}

function entryOf(res: Response, action: string, caseRef: string | null, detail: Detail): AuditInput {
  return { actor: currentUser(res).id, action, caseRef: caseRefOrNull(caseRef), detail, at: (res.locals.now as () => Date)() };
}

/**
 * Writes who read what of which case, now: routers call it after reading and before answering, so
 * nothing is shown whose reading was not recorded. The detail holds identifiers and outcomes only,
 * never the client's data.
 */
export async function audit(res: Response, action: string, caseRef: string | null, detail: Detail = {}): Promise<void> {
  await (res.locals.store as Store).audit.append(entryOf(res, action, caseRef, detail));
}

/** A change made in the engine (or anywhere outside the store), audited before it is made. */
export function auditedChange<T>(res: Response, action: string, caseRef: string | null, detail: Detail, work: () => Promise<T>): Promise<T> {
  return aroundChange((e) => (res.locals.store as Store).audit.append(e), res.locals.now as () => Date, entryOf(res, action, caseRef, detail), work);
}

/** A change to the store, audited in the same transaction: both are written or neither. */
export function auditedStoreChange<T>(res: Response, action: string, caseRef: string | null, detail: Detail, work: (tx: Repositories) => Promise<T>): Promise<T> {
  const entry = entryOf(res, action, caseRef, detail);
  return (res.locals.store as Store).transaction(async (tx) => {
    await tx.audit.append(entry);
    return work(tx);
  });
}

const InstanceDetail = z.object({ processInstanceId: z.string() });

/**
 * The cockpit's and modeler's audit port on the store's log: entries about an instance carry its
 * business key as the case reference (so the case's whole trail is one query) and the instance id
 * in the detail.
 */
export function storeAuditPort(store: Store, engine: EngineClient, now: () => Date): AuditPort {
  const caseRefOf = async (processInstanceId: string): Promise<string | null> => {
    const { data } = await engine.GET("/history/process-instance/{id}", { params: { path: { id: processInstanceId } } });
    return caseRefOrNull(data?.businessKey);
  };
  const entryFor = async (entry: Omit<AuditRecord, "at">): Promise<AuditInput> => ({
    actor: entry.actor,
    action: entry.action,
    caseRef: entry.processInstanceId ? await caseRefOf(entry.processInstanceId) : null,
    detail: JSON.parse(JSON.stringify({ ...(entry.detail ?? {}), ...(entry.processInstanceId ? { processInstanceId: entry.processInstanceId } : {}) })),
    at: now(),
  });
  return {
    async record(entry) {
      await store.audit.append(await entryFor(entry));
    },
    async around(entry, work) {
      return aroundChange((e) => store.audit.append(e), now, await entryFor(entry), work);
    },
    async forProcessInstance(processInstanceId, businessKey) {
      const caseRef = caseRefOrNull(businessKey);
      if (!caseRef) return [];
      const entries = await store.audit.query({ caseRef, limit: 10_000 });
      return entries
        .filter((e) => InstanceDetail.safeParse(e.detail).data?.processInstanceId === processInstanceId)
        .map((e): AuditRecord => ({ at: e.at.toISOString(), actor: e.actor, action: e.action, processInstanceId, detail: e.detail }));
    },
  };
}
