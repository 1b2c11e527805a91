/**
 * The deadline topics of docs/contracts.md on the official external-task client:
 * `deadline-compute` writes the four deadline Dates and moves the timers that wait for them;
 * `deadline-escalate` records an escalation in the case's `escalations` list (the notice
 * itself is the diagram's own `notify` task).
 */
import { Variables, type Client, type SubscribeOptions, type Task, type TaskService } from "camunda-external-task-client-js";
import type { EngineClient } from "../../lib/engine/client.js";
import { BadInput, DEFAULT_RETRY_POLICY, failTask, readVariables, type RetryPolicy } from "../shared/task-failure.js";
import { caseDeadlines, DeadlineFacts, DEADLINE_VARIABLES } from "./case-deadlines.js";
import { EscalateVariables, type Escalation } from "./escalation.js";
import { timerRescheduler } from "./reschedule-timers.js";

export const DEADLINE_COMPUTE_TOPIC = "deadline-compute";
export const DEADLINE_ESCALATE_TOPIC = "deadline-escalate";

export interface DeadlineContext {
  /** the engine's REST API: diagrams and timer jobs */
  engine: EngineClient;
  /** narrows the tasks this worker takes, e.g. a worker per pathway or tenant */
  filter?: Pick<SubscribeOptions, "processDefinitionKey" | "tenantIdIn">;
  /** how long a fetched task stays locked; by default the client's */
  lockDuration?: number;
  clock?: () => Date;
  retry?: RetryPolicy;
  /** lines without client data; default console.log */
  log?: (line: string) => void;
}

type Work = (task: Task) => Promise<Variables>;

/** The instant a `${releaseDate}` timer waits for: the variable's own, as the engine reads it. */
function releaseInstant(value: unknown): Date | undefined {
  const instant = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? instant : undefined;
}

export function subscribeDeadlines(client: Client, ctx: DeadlineContext): void {
  const log = ctx.log ?? ((line: string) => console.log(line));
  const clock = ctx.clock ?? (() => new Date());
  const reschedule = timerRescheduler(ctx.engine);
  // an undefined lockDuration would override the client's own and make the engine refuse the fetch
  const options = (variables: string[]): SubscribeOptions => ({ ...ctx.filter, ...(ctx.lockDuration && { lockDuration: ctx.lockDuration }), variables });

  const compute: Work = async (task) => {
    const deadlines = caseDeadlines(readVariables(task, DeadlineFacts));
    if (!task.processInstanceId || !task.processDefinitionId) throw new BadInput(`task ${task.id} belongs to no process instance`);
    // timers first: if completing then fails, the retried task moves them again to the same place.
    // Timers on `${releaseDate}` itself (service continuity) move to the new date as given.
    const release = releaseInstant(task.variables.get("releaseDate"));
    await reschedule(task.processInstanceId, task.processDefinitionId, { ...deadlines.instants, ...(release && { releaseDate: release }) });
    const variables = new Variables();
    for (const name of DEADLINE_VARIABLES) variables.set(name, deadlines.instants[name]);
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

  const handle = (work: Work) => async ({ task, taskService }: { task: Task; taskService: TaskService }) => {
    let variables: Variables;
    try {
      variables = await work(task);
    } catch (error) {
      // BadInput messages may quote a variable's value: they go to the incident, not the log
      log(`${task.topicName}: task ${task.id} failed${error instanceof BadInput ? " on its variables" : `: ${error instanceof Error ? error.message : String(error)}`}`);
      await failTask(task, taskService, error, ctx.retry ?? DEFAULT_RETRY_POLICY).catch((e: unknown) =>
        log(`${task.topicName}: could not report the failure of task ${task.id}: ${String(e)}`),
      );
      return;
    }
    await taskService.complete(task, variables).catch((e: unknown) => log(`${task.topicName}: could not complete task ${task.id}: ${String(e)}`));
  };

  client.subscribe(DEADLINE_COMPUTE_TOPIC, options(["contactDate", "releaseDate", "urgent"]), (args) => void handle(compute)(args));
  client.subscribe(DEADLINE_ESCALATE_TOPIC, options(["deadlineRule", "deadlineStage", "escalations"]), (args) => void handle(escalate)(args));
}
