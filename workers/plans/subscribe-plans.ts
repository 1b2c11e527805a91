import { Variables, type Client } from "camunda-external-task-client-js";
import { BadInput, readVariables, type RetryPolicy } from "../shared/task-failure.js";
import { subscribeOptions, taskHandler, type TaskFilter } from "../shared/task-handler.js";
import type { PlanOwner } from "../../lib/store/index.js";
import { PlanContent, type Plan } from "./plan-model.js";
import type { PlanStore } from "./plan-store.js";
import { PlanSyncVariables } from "./plan-variables.js";
import { reconcile } from "./reconcile.js";
import { itemsCrossingTo } from "../../lib/consent/model.js";
import { helsinkiDate } from "../../lib/time/helsinki-date.js";

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

/** Subscribes `plan-sync`. */
export function subscribePlans(client: Client, deps: PlanDeps): void {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.log(line));
  const options = subscribeOptions(deps.filter, deps.lockDuration);
  const handling = { log, retry: deps.retry };

  const syncPlans = taskHandler(async (task) => {
    const { caseRef } = readVariables(task, PlanSyncVariables);
    const rise = await latestPlan(deps.store, caseRef, "rise");
    const county = await latestPlan(deps.store, caseRef, "county");
    const now = clock();
    // RISE's services continue into the client plan only as far as they may cross to the county;
    // the joint view itself is never stored: each viewer's is derived from the consent as it stands
    const result = reconcile(rise, county, itemsCrossingTo(await deps.store.consents.current(caseRef), "county", helsinkiDate(now)));
    if (result.continuations.length > 0) {
      await deps.store.plans.save(caseRef, "county", { ...county, services: [...county.services, ...result.continuations] }, PLAN_SYNC_AUTHOR, now);
    }
    return new Variables().set("planSyncStatus", result.status).setTyped("planConflictCount", { type: "Integer", value: result.conflicts.length, valueInfo: {} });
  }, handling);

  client.subscribe(PLAN_SYNC_TOPIC, options, syncPlans);
}

/**
 * The latest version of a plan, or an empty one when the organisation has none yet. Read back
 * through the schema: a version saved under an older schema must not slip through unchecked.
 */
async function latestPlan(store: PlanStore, caseRef: string, owner: PlanOwner): Promise<Plan> {
  const stored = await store.plans.latest(caseRef, owner);
  const parsed = PlanContent.safeParse(stored ? stored.content : { releaseDate: null });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new BadInput(`The stored ${owner} plan (version ${stored?.version}) of case ${caseRef} is invalid: ${problems}`);
}
