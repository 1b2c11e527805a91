/**
 * Walks the real pathways (processes/, forms/) over the engine's REST API for the cockpit's
 * measures tests (declares no tests), as test/pathways' route harness does: user tasks completed
 * with data checked against their deployed Camunda Form, claimed first by the worker who does
 * them (so the history says who), `deadline-compute` and `deadline-escalate` served by the real
 * deadline worker, notify, consent-record and plan-sync completed by the official client, timers
 * fired through the job API.
 */
import { Variables, type Client } from "camunda-external-task-client-js";
import { basicAuthHeader } from "../../../lib/config.js";
import { createWorkerClient } from "../../../lib/engine/worker-client.js";
import { parseForm } from "../../../lib/forms/form-definition.js";
import { validateSubmission } from "../../../lib/forms/submission.js";
import { subscribeDeadlines } from "../../../workers/deadlines/topics.js";
import type { TestEngine } from "../../support/engine.js";
import { until } from "../../support/until.js";

type Typed = Record<string, { value: unknown; type: string }>;

export function pathwayWalk(engine: TestEngine) {
  let client: Client | undefined;
  const stamp = Date.now().toString(36);
  let cases = 0;

  async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${engine.connection.url}${path}`, {
      method,
      headers: { Authorization: basicAuthHeader(engine.connection), "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  function serveWorkers(): void {
    client = createWorkerClient(engine.connection, { workerId: `measures-${stamp}`, lockDuration: 20_000 });
    subscribeDeadlines(client, { engine: engine.client, log: () => undefined });
    client.subscribe("notify", async ({ task, taskService }) => taskService.complete(task));
    client.subscribe("consent-record", async ({ task, taskService }) => taskService.complete(task));
    client.subscribe("plan-sync", async ({ task, taskService }) =>
      taskService.complete(task, new Variables().setAll({ planSyncStatus: "synced", planConflictCount: 0 })),
    );
  }

  function stopWorkers(): void {
    client?.stop();
    client = undefined;
  }

  /** Starts a case as the tasklist does: business key and caseRef, client name, referrer. */
  async function start(key: string, referrerUserId: string, variables: Typed = {}): Promise<{ id: string; caseRef: string }> {
    cases += 1;
    const caseRef = `NIV-2026-${stamp}-${cases}`;
    const started = await rest<{ id: string }>("POST", `/process-definition/key/${key}/start`, {
      businessKey: caseRef,
      variables: {
        caseRef: { value: caseRef, type: "String" },
        clientName: { value: "Mittari Testiasiakas", type: "String" },
        referrerUserId: { value: referrerUserId, type: "String" },
        referrerOrganisation: { value: "rise-prison", type: "String" },
        ...variables,
      },
    });
    return { id: started.id, caseRef };
  }

  async function problems(processInstanceId: string): Promise<string[]> {
    const list = await rest<{ activityId: string; incidentMessage: string }[]>("GET", `/incident?processInstanceId=${processInstanceId}`);
    return list.map((i) => `${i.activityId}: ${i.incidentMessage}`);
  }

  /** the open tasks `key` of an instance, once there are `count` of them */
  async function openTasks(processInstanceId: string, key: string, count = 1) {
    return until(async () => {
      const found = await problems(processInstanceId);
      if (found.length) throw new Error(`waiting for ${key}: ${found.join("; ")}`);
      const tasks = await rest<{ id: string }[]>("GET", `/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${key}`);
      return tasks.length === count ? tasks : undefined;
    });
  }

  /** Claims the task for `userId` and completes it with `data`, checked against the task's deployed form. */
  async function completeTask(taskId: string, userId: string, data: Record<string, unknown>): Promise<void> {
    const form = parseForm(await rest<unknown>("GET", `/task/${taskId}/deployed-form`));
    const checked = validateSubmission(form, data);
    if (!checked.ok) throw new Error(`test data does not fit form ${form.id}: ${JSON.stringify(checked.errors)}`);
    await rest("POST", `/task/${taskId}/claim`, { userId });
    await rest("POST", `/task/${taskId}/complete`, { variables: checked.variables });
  }

  async function complete(processInstanceId: string, key: string, userId: string, data: Record<string, unknown>): Promise<void> {
    const [task] = await openTasks(processInstanceId, key);
    await completeTask(task!.id, userId, data);
  }

  /** No external task of the instance is open (a timer fired meanwhile would clash with the worker). */
  async function settled(processInstanceId: string): Promise<void> {
    await until(async () => (await rest<unknown[]>("GET", `/external-task?processInstanceId=${processInstanceId}`)).length === 0);
  }

  async function reached(processInstanceId: string, activityId: string): Promise<void> {
    await until(async () => {
      const found = await problems(processInstanceId);
      if (found.length) throw new Error(`waiting for ${activityId}: ${found.join("; ")}`);
      const list = await rest<unknown[]>("GET", `/history/activity-instance?processInstanceId=${processInstanceId}&activityId=${activityId}&finished=true`);
      return list.length > 0;
    });
  }

  async function ended(processInstanceId: string): Promise<void> {
    await until(async () => (await rest<{ state: string }>("GET", `/history/process-instance/${processInstanceId}`)).state === "COMPLETED");
  }

  /** Fires the instance's timers on `activityId` through the job API, as the job executor would. */
  async function fire(processInstanceId: string, activityId: string): Promise<void> {
    await settled(processInstanceId);
    const jobs = await rest<{ id: string }[]>("GET", `/job?processInstanceId=${processInstanceId}&activityId=${activityId}&timers=true`);
    if (jobs.length === 0) throw new Error(`no timer waits on ${activityId}`);
    for (const job of jobs) await rest("POST", `/job/${job.id}/execute`);
  }

  /** The joint assessment a release preparation called. */
  async function calledAssessment(processInstanceId: string): Promise<string> {
    const child = await until(async () => (await rest<{ id: string }[]>("GET", `/process-instance?superProcessInstance=${processInstanceId}`))[0]);
    return child.id;
  }

  /** The open tasks `key`, by the service each one is about (the form variable `serviceKind`). */
  async function tasksByService(processInstanceId: string, key: string, count: number): Promise<Record<string, string>> {
    const byService: Record<string, string> = {};
    for (const task of await openTasks(processInstanceId, key, count)) {
      const shown = await rest<Record<string, { value: unknown }>>("GET", `/task/${task.id}/form-variables`);
      byService[String(shown.serviceKind?.value)] = task.id;
    }
    return byService;
  }

  return { rest, serveWorkers, stopWorkers, start, openTasks, completeTask, complete, settled, reached, ended, fire, calledAssessment, tasksByService };
}
