import { Variables, type Client } from "camunda-external-task-client-js";
import { BadInput, readVariables, type RetryPolicy } from "../shared/task-failure.js";
import { subscribeOptions, taskHandler, type TaskFilter } from "../shared/task-handler.js";
import type { PlanOwner } from "../../lib/store/index.js";
import { PlanContent, type Plan } from "./plan-model.js";
import type { PlanStore } from "./plan-store.js";
import { ConsentVariables, PlanSyncVariables } from "./plan-variables.js";
import { reconcile } from "./reconcile.js";

export const CONSENT_RECORD_TOPIC = "consent-record";
export const PLAN_SYNC_TOPIC = "plan-sync";
/** who wrote what plan-sync wrote, in the plans' version history */
export const PLAN_SYNC_AUTHOR = "nivel:plan-sync";

export interface PlanDeps {
  store: PlanStore;
  /** how long a fetched task stays locked to this worker; default: the client's */
  lockDuration?: number;
  filter?: TaskFilter;
  clock?: () => Date;
  retry?: RetryPolicy;
  /** lines without client data; default console.log */
  log?: (line: string) => void;
}

/** Subscribes `consent-record` and `plan-sync`. */
export function subscribePlans(client: Client, deps: PlanDeps): void {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.log(line));
  const options = subscribeOptions(deps.filter, deps.lockDuration);
  const handling = { log, retry: deps.retry };

  const recordConsent = taskHandler(async (task) => {
    const v = readVariables(task, ConsentVariables);
    const by = v.consentRecordedBy ?? `worker:${task.workerId}`;
    await deps.store.consents.record(v.caseRef, { given: v.consentGiven, items: v.consentGiven ? (v.consentItems ?? []) : [] }, by, clock());
    return undefined;
  }, handling);

  const syncPlans = taskHandler(async (task) => {
    const { caseRef } = readVariables(task, PlanSyncVariables);
    const rise = await latestPlan(deps.store, caseRef, "rise");
    const county = await latestPlan(deps.store, caseRef, "county");
    const consent = await deps.store.consents.latest(caseRef);
    const result = reconcile(rise, county, consent);
    const now = clock();
    if (result.continuations.length > 0) {
      await deps.store.plans.save(caseRef, "county", { ...county, services: [...county.services, ...result.continuations] }, PLAN_SYNC_AUTHOR, now);
    }
    await deps.store.plans.save(caseRef, "joint", { status: result.status, joint: result.joint, conflicts: result.conflicts }, PLAN_SYNC_AUTHOR, now);
    return new Variables().set("planSyncStatus", result.status).setTyped("planConflictCount", { type: "Integer", value: result.conflicts.length, valueInfo: {} });
  }, handling);

  client.subscribe(CONSENT_RECORD_TOPIC, options, recordConsent);
  client.subscribe(PLAN_SYNC_TOPIC, options, syncPlans);
}

/**
 * The latest version of a plan, or an empty one when the organisation has none yet. Read back
 * through the schema: a version saved under an older schema must not slip through unchecked.
 */
async function latestPlan(store: PlanStore, caseRef: string, owner: Exclude<PlanOwner, "joint">): Promise<Plan> {
  const stored = await store.plans.latest(caseRef, owner);
  const parsed = PlanContent.safeParse(stored ? stored.content : { releaseDate: null });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new BadInput(`The stored ${owner} plan (version ${stored?.version}) of case ${caseRef} is invalid: ${problems}`);
}
