import type { SubscribeOptions, Task, TaskService, Variables } from "camunda-external-task-client-js";
import { BadInput, DEFAULT_RETRY_POLICY, failTask, type RetryPolicy } from "./task-failure.js";

/** Narrows the tasks a worker takes, e.g. a worker per pathway or tenant. */
export type TaskFilter = Pick<SubscribeOptions, "processDefinitionKey" | "tenantIdIn">;

/**
 * A subscription's options. An undefined lockDuration would override the client's own and make
 * the engine refuse the fetch, so it is left out unless given.
 */
export function subscribeOptions(filter: TaskFilter | undefined, lockDuration: number | undefined, variables?: string[]): SubscribeOptions {
  return { ...filter, ...(lockDuration && { lockDuration }), ...(variables && { variables }) };
}

/**
 * The subscription handler of a topic: runs `work` on each task and completes the task with the
 * variables `work` gives, or fails it through failTask. Every topic of every worker goes through here.
 */
export function taskHandler(
  work: (task: Task) => Promise<Variables | undefined>,
  deps: { log: (line: string) => void; retry?: RetryPolicy },
) {
  const { log } = deps;
  const handle = async (task: Task, taskService: TaskService): Promise<void> => {
    let variables: Variables | undefined;
    try {
      variables = await work(task);
    } catch (error) {
      // BadInput messages may quote a variable's value: they go to the incident, not the log
      log(`${task.topicName}: task ${task.id} failed${error instanceof BadInput ? " on bad input (the message is in its incident)" : `: ${error instanceof Error ? error.message : String(error)}`}`);
      await failTask(task, taskService, error, deps.retry ?? DEFAULT_RETRY_POLICY).catch((e: unknown) =>
        log(`${task.topicName}: could not report the failure of task ${task.id}: ${String(e)}`),
      );
      return;
    }
    await taskService.complete(task, variables).catch((e: unknown) => log(`${task.topicName}: could not complete task ${task.id}: ${String(e)}`));
  };
  return ({ task, taskService }: { task: Task; taskService: TaskService }): void => void handle(task, taskService);
}
