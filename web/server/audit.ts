import type { Response } from "express";
import { z } from "zod";
import type { EngineClient } from "../../lib/engine/client.js";
import type { Store } from "../../lib/store/index.js";
import type { AuditPort, AuditRecord } from "./cockpit/deps.js";
import { currentUser } from "./auth/user.js";

const CASE_REF = /^NIV-\d{4}-\d{6}$/;

/**
 * Writes who did what to which case, now. The detail holds identifiers and outcomes only, never
 * the client's data. Routers call it after the read or action succeeded.
 */
export async function audit(res: Response, action: string, caseRef: string | null, detail: Record<string, string | number | boolean | null> = {}): Promise<void> {
  const store = res.locals.store as Store;
  const now = res.locals.now as () => Date;
  await store.audit.append({ actor: currentUser(res).id, action, caseRef: caseRef && CASE_REF.test(caseRef) ? caseRef : null, detail, at: now() });
}

const InstanceDetail = z.object({ processInstanceId: z.string() });

/**
 * The cockpit's and modeler's audit port on the store's log: entries about an instance carry its
 * business key as the case reference (so the case's whole trail is one query) and the instance id
 * in the detail.
 */
export function storeAuditPort(store: Store, engine: EngineClient, now: () => Date): AuditPort {
  const caseRefFrom = (businessKey: string | null | undefined) => (businessKey && CASE_REF.test(businessKey) ? businessKey : null);
  const caseRefOf = async (processInstanceId: string): Promise<string | null> => {
    const { data } = await engine.GET("/history/process-instance/{id}", { params: { path: { id: processInstanceId } } });
    return caseRefFrom(data?.businessKey);
  };
  return {
    async record(entry) {
      const caseRef = entry.processInstanceId ? await caseRefOf(entry.processInstanceId) : null;
      const detail = JSON.parse(JSON.stringify({ ...(entry.detail ?? {}), ...(entry.processInstanceId ? { processInstanceId: entry.processInstanceId } : {}) }));
      await store.audit.append({ actor: entry.actor, action: entry.action, caseRef, detail, at: now() });
    },
    async forProcessInstance(processInstanceId, businessKey) {
      const caseRef = caseRefFrom(businessKey);
      if (!caseRef) return [];
      const entries = await store.audit.query({ caseRef, limit: 10_000 });
      return entries
        .filter((e) => InstanceDetail.safeParse(e.detail).data?.processInstanceId === processInstanceId)
        .map((e): AuditRecord => ({ at: e.at.toISOString(), actor: e.actor, action: e.action, processInstanceId, detail: e.detail }));
    },
  };
}
