import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import type { Store } from "../../../lib/store/index.js";
import type { SignedInUser } from "../auth/user.js";
import { PlanContent } from "../../../lib/store/plans.js";
import { visibleValue } from "../../../lib/consent/shared-view.js";
import { serviceItem } from "../../../lib/consent/classification.js";
import type { ConsentItem } from "../../../lib/consent/model.js";
import { reconcile } from "../../../workers/plans/reconcile.js";
import { taskIsOpenTo, type TaskUser } from "./access.js";
import { sideOf } from "./case-team.js";
import { crossingFor } from "./consent.js";
import { helsinkiDaysBetween } from "../../../lib/time/helsinki-date.js";

/** The deadline variables of contracts.md, shown as clocks. */
export const CLOCK_VARIABLES = ["assessmentStartDue", "assessmentCompletionDue", "releaseDate", "planReviewDate"] as const;

export interface Clock {
  name: (typeof CLOCK_VARIABLES)[number];
  due: string;
  /** whole days from today to the limit; negative once passed */
  daysLeft: number;
  passed: boolean;
}


export function clocksOf(variables: Record<string, { type?: string | null; value?: unknown }>, now: Date): Clock[] {
  const clocks: Clock[] = [];
  for (const name of CLOCK_VARIABLES) {
    const v = variables[name];
    if (!v || v.value === null || v.value === undefined) continue;
    const due = new Date(String(v.value));
    if (Number.isNaN(due.getTime())) continue;
    // days by the Finnish calendar: a limit at 23:59:59 Helsinki is "today" all that day
    const daysLeft = helsinkiDaysBetween(now, due);
    clocks.push({ name, due: due.toISOString(), daysLeft, passed: due.getTime() < now.getTime() });
  }
  return clocks;
}

/**
 * The case as the tasklist shows it to `viewer` beside a form: path so far, clocks, plans,
 * network, consent. The viewer's side sees its own plan whole; of the other side's plan and
 * variables only what the client's consent lets cross to it now (lib/consent/shared-view.ts):
 * the joint plan is derived here, on every read, never kept. `crossed` names the items that did,
 * for the audit.
 */
export async function caseView(engine: EngineClient, store: Store, caseRef: string, now: Date, viewer: Pick<SignedInUser, "groups">) {
  const instances = unwrap(
    await engine.GET("/history/process-instance", {
      params: { query: { processInstanceBusinessKey: caseRef, sortBy: "startTime", sortOrder: "desc" } },
    }),
  );
  const instance = instances[0];
  if (!instance) return null;
  const steps = unwrap(
    await engine.GET("/history/activity-instance", {
      params: { query: { processInstanceId: instance.id!, finished: true, sortBy: "endTime", sortOrder: "asc" } },
    }),
  )
    .filter((a) => a.activityType === "userTask" || a.activityType?.endsWith("Event"))
    .filter((a) => a.activityName)
    .map((a) => ({ name: a.activityName!, type: a.activityType!, endedAt: a.endTime!, by: a.assignee ?? null }));
  const variables =
    instance.state === "ACTIVE" || instance.state === "SUSPENDED"
      ? unwrap(await engine.GET("/process-instance/{id}/variables", { params: { path: { id: instance.id! }, query: { deserializeValues: false } } }))
      : {};
  const side = sideOf(viewer);
  // an incident in any running instance of the case: the case waits for support, and says so
  const running = instances.filter((i) => i.state === "ACTIVE" || i.state === "SUSPENDED");
  const incidents = (await Promise.all(running.map(async (i) => unwrap(await engine.GET("/incident", { params: { query: { processInstanceId: i.id! } } }))))).flat();
  const [rise, county, network, { consent, crossing }] = await Promise.all([
    store.plans.latest(caseRef, "rise"),
    store.plans.latest(caseRef, "county"),
    store.network.membersOf(caseRef),
    crossingFor(store, caseRef, { side }, now),
  ]);
  const planOf = (v: typeof rise) => PlanContent.parse(v?.content ?? { releaseDate: null });
  const joint = side && (rise || county) ? reconcile(planOf(rise), planOf(county), crossing) : null;
  const shownVariables = Object.fromEntries(Object.entries(variables).filter(([name, v]) => visibleValue(name, v.value, { side }, crossing) !== undefined));
  return {
    caseRef,
    processInstanceId: instance.id!,
    processDefinitionKey: instance.processDefinitionKey!,
    processDefinitionName: instance.processDefinitionName ?? instance.processDefinitionKey!,
    state: instance.state!,
    startedAt: instance.startTime!,
    clientName: typeof variables.clientName?.value === "string" ? variables.clientName.value : null,
    steps,
    clocks: clocksOf(shownVariables, now),
    plans: { rise: side === "rise" ? rise : null, county: side === "county" ? county : null, joint: joint && { status: joint.status, joint: joint.joint, conflicts: joint.conflicts } },
    /** the sides' own plans kept from this viewer (not the same as a side having no plan) */
    plansWithheld: (["rise", "county"] as const).filter((s) => s !== side),
    network,
    consent,
    /** an incident holds the case: an admin has it in the cockpit (the engine's own words are theirs alone) */
    waitsForSupport: incidents.length > 0,
    /** what of the other side's data this view shows, and by which consent version: the audit's basis */
    crossed: joint && side ? joint.joint.shared.filter((item) => holds(planOf(side === "rise" ? county : rise), item)) : [],
    consentVersion: consent?.version ?? null,
  };
}

/** Whether the other side's plan has anything of `item` to show: only then did it cross. */
function holds(plan: PlanContent, item: ConsentItem): boolean {
  if (item === "goals") return plan.goals.length > 0;
  if (item === "release-dates") return plan.releaseDate !== null;
  if (item === "contact-details") return plan.contacts.length > 0;
  return plan.services.some((s) => serviceItem(s.kind) === item);
}

export interface OpenTask {
  id: string;
  name: string;
  assignee: string | null;
  due: string | null;
  /** the groups it is offered to */
  candidateGroups: string[];
  /** the user may open and claim it (access.ts's rule) */
  mayOpen: boolean;
}

/**
 * The case's open tasks, of every instance with its reference (a called joint assessment shares
 * it), oldest first: those the user may not open still show that the case waits on another group.
 */
export async function openTasksOf(engine: EngineClient, user: TaskUser, caseRef: string): Promise<OpenTask[]> {
  const tasks = unwrap(await engine.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, sortBy: "created", sortOrder: "asc" } } }));
  return Promise.all(
    tasks.map(async (task) => {
      const links = unwrap(await engine.GET("/task/{id}/identity-links", { params: { path: { id: task.id! }, query: { type: "candidate" } } }));
      const candidateGroups = links.map((l) => l.groupId).filter((g): g is string => !!g);
      return {
        id: task.id!,
        name: task.name ?? task.taskDefinitionKey!,
        assignee: task.assignee ?? null,
        due: task.due ?? null,
        candidateGroups,
        mayOpen: taskIsOpenTo(user, task.assignee, links),
      };
    }),
  );
}
