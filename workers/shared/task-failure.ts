import type { Task, TaskService } from "camunda-external-task-client-js";
import { z } from "zod";
import { StoreInputError } from "../../lib/store/index.js";

/**
 * The process gave the task variables it cannot work with. Retrying cannot help, so the task
 * fails with no retries left: an incident with this message for an admin in the cockpit.
 */
export class BadInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadInput";
  }
}

/**
 * Not a failure of this attempt but a wait: someone else may still be working on it (a claim
 * not yet stale). Retried after `afterMs` without using up a retry.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly afterMs: number,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}

export const RetryPolicy = z.object({
  /** attempts after the first before an incident */
  retries: z.number().int().min(0),
  /** wait before the first retry; doubled for each following one */
  firstDelayMs: z.number().int().min(0),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 5, firstDelayMs: 30_000 };

/** Reads the task's variables through a zod schema; anything amiss becomes a BadInput naming the variables. */
export function readVariables<S extends z.ZodType>(task: Task, schema: S): z.infer<S> {
  const parsed = schema.safeParse(task.variables.getAll());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "variables"}: ${i.message}`);
  throw new BadInput(`Invalid process variables for topic ${task.topicName}: ${problems.join("; ")}`);
}

/**
 * Fails the task: a BadInput, or input the app store refused, at once into an incident; anything else (a mail server or the
 * engine being away) with one retry fewer each time and a doubling wait, so nothing is lost and
 * an incident appears only when the retries run out. `errorDetails` carries no client data.
 */
export async function failTask(task: Task, taskService: TaskService, error: unknown, policy: RetryPolicy): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BadInput || error instanceof StoreInputError) {
    await taskService.handleFailure(task, { errorMessage: message, errorDetails: message, retries: 0, retryTimeout: 0 });
    return;
  }
  if (error instanceof RetryLater) {
    const retries = typeof task.retries === "number" ? task.retries : policy.retries;
    await taskService.handleFailure(task, { errorMessage: message, errorDetails: message, retries, retryTimeout: error.afterMs });
    return;
  }
  const retries = typeof task.retries === "number" ? Math.max(task.retries - 1, 0) : policy.retries;
  const attempt = policy.retries - retries;
  await taskService.handleFailure(task, {
    errorMessage: message,
    errorDetails: error instanceof Error && error.stack ? error.stack : message,
    retries,
    retryTimeout: policy.firstDelayMs * 2 ** Math.max(attempt, 0),
  });
}
