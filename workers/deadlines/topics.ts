/**
 * The deadline topics of docs/contracts.md on the official external-task client:
 * `deadline-compute` writes the four deadline Dates and moves the timers that wait for them;
 * `deadline-escalate` records an escalation in the case's `escalations` list (the notice
 * itself is the diagram's own `notify` task).
 */
import { Variables, type Client, type Task } from "camunda-external-task-client-js";
import type { EngineClient } from "../../lib/engine/client.js";
import { BadInput, readVariables, type RetryPolicy } from "../shared/task-failure.js";
import { subscribeOptions, taskHandler, type TaskFilter } from "../shared/task-handler.js";
import { caseDeadlines, DeadlineFacts, DEADLINE_VARIABLES } from "./case-deadlines.js";
import { ChangedReleaseDay, URGENT_CONTINUITY } from "./release-days.js";
import { EscalateVariables, type Escalation } from "./escalation.js";
import { timerRescheduler } from "./reschedule-timers.js";

export const DEADLINE_COMPUTE_TOPIC = "deadline-compute";
export const DEADLINE_ESCALATE_TOPIC = "deadline-escalate";

export interface DeadlineContext {
  /** the engine's REST API: diagrams and timer jobs */
  engine: EngineClient;
  filter?: TaskFilter;
  /** how long a fetched task stays locked; by default the client's */
  lockDuration?: number;
  clock?: () => Date;
  retry?: RetryPolicy;
  /** lines without client data; default console.log */
  log?: (line: string) => void;
}

type Work = (task: Task) => Promise<Variables>;

const LATE_WARNING_VARIABLES = [
  ["assessment-start", "assessmentStartWarningLate"],
  ["assessment-completion", "assessmentCompletionWarningLate"],
  ["release", "releaseWarningLate"],
] as const;

export function subscribeDeadlines(client: Client, ctx: DeadlineContext): void {
  const log = ctx.log ?? ((line: string) => console.log(line));
  const clock = ctx.clock ?? (() => new Date());
  const reschedule = timerRescheduler(ctx.engine);

  const compute: Work = async (task) => {
    const deadlines = caseDeadlines(readVariables(task, DeadlineFacts));
    if (!task.processInstanceId || !task.processDefinitionId) throw new BadInput(`task ${task.id} belongs to no process instance`);
    // timers first: if completing then fails, the retried task moves them again to the same place
    const instants: Record<string, Date> = { ...deadlines.instants, ...deadlines.release?.instants, ...deadlines.children?.instants };
    await reschedule(task.processInstanceId, task.processDefinitionId, instants);
    const variables = new Variables();
    for (const [name, instant] of Object.entries(instants)) variables.set(name, instant);
    variables.set("fastTrack", deadlines.fastTrack);
    if (deadlines.fastTrack) variables.setTyped("urgentContinuity", { type: "json", value: [...URGENT_CONTINUITY], valueInfo: {} });
    // one Boolean per warning, for the diagrams' gateways: a warning already passed at the contact raises no escalation
    for (const [rule, name] of LATE_WARNING_VARIABLES) variables.set(name, deadlines.lateWarnings.includes(rule));
    // a ReleaseDateChanged message says which day changed (`changedReleaseDay`); nothing else is accepted
    const changed = task.variables.get("changedReleaseDay");
    if (changed !== undefined && changed !== null && !ChangedReleaseDay.safeParse(changed).success)
      throw new BadInput(`changedReleaseDay must be one of ${ChangedReleaseDay.options.join(", ")}, not ${JSON.stringify(changed)}`);
    return variables;
  };

  // A case's escalations come days apart. Were two to complete at once, the engine's optimistic
  // locking on the `escalations` row fails one completion and that task, fetched again after
  // its lock, appends to the saved list; only the very first entry has no row to lock on.
  const escalate: Work = async (task) => {
    const v = readVariables(task, EscalateVariables);
    const entry: Escalation = { rule: v.deadlineRule, stage: v.deadlineStage, at: clock().toISOString(), activityId: task.activityId ?? "" };
    return new Variables().setTyped("escalations", { type: "json", value: [...(v.escalations ?? []), entry], valueInfo: {} });
  };

  const options = (variables: string[]) => subscribeOptions(ctx.filter, ctx.lockDuration, variables);
  client.subscribe(DEADLINE_COMPUTE_TOPIC, options(["contactDate", "releaseDate", "probation", "probationFrom", "fullTermDate", "urgent", "childrenInCare", "changedReleaseDay"]), taskHandler(compute, { log, retry: ctx.retry }));
  client.subscribe(DEADLINE_ESCALATE_TOPIC, options(["deadlineRule", "deadlineStage", "escalations"]), taskHandler(escalate, { log, retry: ctx.retry }));
}
