/**
 * What a test needs to walk the real pathways (processes/, forms/) through the engine's REST API
 * as their users would (the route tests, the cockpit's measures, the end-to-end test):
 * start a case, complete the open user task with data its deployed Camunda Form accepts, let the
 * workers serve the external tasks (unless the app's own do), and fire a timer once its due date has been checked.
 *
 * The deadline topics are served by the real deadline worker (so timers carry the dates the rules
 * give); notify and plan-sync by the official client in the test, which records
 * what each notice was asked to say and to whom (their own suites test the real workers).
 */
import { expect } from "chai";
import { Variables, type Client } from "camunda-external-task-client-js";
import { createEngineClient, unwrap } from "../../lib/engine/client.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { parseForm } from "../../lib/forms/form-definition.js";
import { validateSubmission } from "../../lib/forms/submission.js";
import { subscribeDeadlines } from "../../workers/deadlines/topics.js";
import type { TestEngine } from "./engine.js";
import { until } from "./until.js";
import { consentFromAnswers, CONSENT_FORM_ID } from "../../lib/consent/consent-form.js";
import { routingVariables } from "../../lib/consent/model.js";

export interface Notice {
  processInstanceId: string;
  activityId: string;
  template: string;
  to: string;
}

export interface Escalation {
  rule: string;
  stage: string;
  activityId: string;
}

type Typed = Record<string, { value: unknown; type: string }>;

/** The route tests' dates are written for cases opened on Mon 23 Nov 2026: forms judge "the past" from then. */
const CASES_OPENED = new Date("2026-11-23T10:00:00+02:00");

export interface HarnessOptions {
  /** the moment forms judge "in the past" from; by default that of the route tests' cases */
  formsNow?: Date;
  /** how long to wait for the engine or the workers to move on; by default that of until() */
  waitMs?: number;
}

export function pathwayHarness(engine: TestEngine, options: HarnessOptions = {}) {
  const { formsNow = CASES_OPENED, waitMs } = options;
  let client: Client | undefined;
  const notices: Notice[] = [];
  let cases = 0;
  const stamp = Date.now().toString(36);
  const api = engine.client;

  function serveWorkers(): void {
    client = createWorkerClient(engine.worker, { workerId: `routes-${stamp}`, lockDuration: 20_000 });
    subscribeDeadlines(client, { engine: createEngineClient(engine.worker), log: () => undefined });
    client.subscribe("notify", async ({ task, taskService }) => {
      notices.push({
        processInstanceId: task.processInstanceId!,
        activityId: task.activityId!,
        template: String(task.variables.get("template")),
        to: String(task.variables.get("to")),
      });
      await taskService.complete(task);
    });
    client.subscribe("plan-sync", async ({ task, taskService }) =>
      taskService.complete(task, new Variables().setAll({ planSyncStatus: "synced", planConflictCount: 0 })),
    );
  }

  /** the options the tasklist gives with the task (web/server/tasklist/form-choices.ts): Itä-Uusimaa's social workers */
  const HOME_CHOICES = { countySocialWorkers: [{ label: "Sanna Nieminen", value: "sw.nieminen" }, { label: "Heikki Hämäläinen", value: "sw.hamalainen" }] };

  async function start(key: string, variables: Typed = {}): Promise<{ id: string; caseRef: string }> {
    cases += 1;
    const caseRef = `NIV-2026-${stamp}-${cases}`;
    const started = unwrap(
      await api.POST("/process-definition/key/{key}/start", {
        params: { path: { key } },
        body: {
          businessKey: caseRef,
          variables: {
            caseRef: { value: caseRef, type: "String" },
            referrerUserId: { value: "rise.virtanen", type: "String" },
            // a case of Itä-Uusimaa and Vantaa prison, referred by its RISE worker (as POST /api/cases starts one)
            countyId: { value: "hva-ita-uusimaa", type: "String" },
            riseUnitId: { value: "rise-vantaan-vankila", type: "String" },
            riseWorkerId: { value: "rise.virtanen", type: "String" },
            ...variables,
          },
        },
      }),
    );
    return { id: started.id!, caseRef };
  }

  async function incidents(processInstanceId: string): Promise<string[]> {
    const list = unwrap(await api.GET("/incident", { params: { query: { processInstanceId } } }));
    return list.map((i) => `${i.activityId}: ${i.incidentMessage}`);
  }

  /** the open tasks `key` of an instance, once there are `count` of them */
  async function openTasks(processInstanceId: string, key: string, count = 1) {
    return until(async () => {
      const problems = await incidents(processInstanceId);
      if (problems.length) throw new Error(`waiting for ${key}: ${problems.join("; ")}`);
      const found = unwrap(await api.GET("/task", { params: { query: { processInstanceId, taskDefinitionKey: key } } }));
      return found.length === count ? found.map((t) => ({ id: t.id!, due: t.due ?? null })) : undefined;
    }, waitMs);
  }

  /**
   * Completes a task with `data` after checking it against the task's own deployed form, as the
   * tasklist does; claimed first by `asUser` when given, so the history says who did it.
   */
  async function completeTaskById(taskId: string, data: Record<string, unknown>, asUser?: string): Promise<void> {
    const form = parseForm(unwrap(await api.GET("/task/{id}/deployed-form", { params: { path: { id: taskId } } })));
    const checked = validateSubmission(form, data, formsNow, HOME_CHOICES);
    if (!checked.ok) throw new Error(`test data does not fit form ${form.id}: ${JSON.stringify(checked.errors)}`);
    if (asUser) unwrap(await api.POST("/task/{id}/claim", { params: { path: { id: taskId } }, body: { userId: asUser } }));
    unwrap(await api.POST("/task/{id}/complete", { params: { path: { id: taskId } }, body: { variables: form.id === CONSENT_FORM_ID ? consentRouting(data) : checked.variables } }));
  }

  /** the consent form's answers reach the pathway only as the routing variables the tasklist sets (web/server/tasklist/consent.ts) */
  function consentRouting(data: Record<string, unknown>) {
    const consent = consentFromAnswers(data);
    if (!consent.ok) throw new Error(`test data gives no consent the tasklist would record: ${consent.field}`);
    const routing = routingVariables(consent.consent.grants);
    return { consentGiven: { type: "Boolean", value: routing.consentGiven }, consentItems: { type: "Json", value: JSON.stringify(routing.consentItems) } };
  }

  async function complete(processInstanceId: string, key: string, data: Record<string, unknown>, asUser?: string): Promise<void> {
    const [task] = await openTasks(processInstanceId, key);
    await completeTaskById(task!.id, data, asUser);
  }

  /** the open tasks `key` (one per service), by the service each is about, as the tasklist's form shows it */
  async function tasksByService(processInstanceId: string, key: string, count: number): Promise<Record<string, string>> {
    const byService: Record<string, string> = {};
    for (const task of await openTasks(processInstanceId, key, count)) {
      const shown = unwrap(await api.GET("/task/{id}/form-variables", { params: { path: { id: task.id } } }));
      byService[String(shown.serviceKind?.value)] = task.id;
    }
    return byService;
  }

  /** the joint assessment a release preparation called */
  async function calledAssessment(processInstanceId: string): Promise<{ id: string; businessKey: string }> {
    const called = await until(async () => unwrap(await api.GET("/process-instance", { params: { query: { superProcessInstance: processInstanceId } } }))[0], waitMs);
    return { id: called.id!, businessKey: called.businessKey! };
  }

  async function candidateGroups(taskId: string): Promise<string[]> {
    const links = unwrap(await api.GET("/task/{id}/identity-links", { params: { path: { id: taskId } } }));
    return links.filter((l) => l.type === "candidate" && l.groupId).map((l) => l.groupId!).sort();
  }

  /** activity ids the instance has passed through, in order */
  async function visited(processInstanceId: string): Promise<string[]> {
    const list = unwrap(await api.GET("/history/activity-instance", { params: { query: { processInstanceId, sortBy: "startTime", sortOrder: "asc" } } }));
    return list.map((a) => a.activityId!);
  }

  async function reached(processInstanceId: string, activityId: string): Promise<void> {
    await until(async () => {
      const problems = await incidents(processInstanceId);
      if (problems.length) throw new Error(`waiting for ${activityId}: ${problems.join("; ")}`);
      return (await visited(processInstanceId)).includes(activityId);
    }, waitMs);
  }

  async function ended(processInstanceId: string): Promise<void> {
    await until(async () => unwrap(await api.GET("/history/process-instance/{id}", { params: { path: { id: processInstanceId } } })).state === "COMPLETED", waitMs);
  }

  /**
   * Waits until no external task of the instance is open: a timer fired while a worker completes
   * a task on the same execution would make one of the two fail on the engine's optimistic lock.
   */
  async function settled(processInstanceId: string): Promise<void> {
    await until(async () => unwrap(await api.GET("/external-task", { params: { query: { processInstanceId } } })).length === 0, waitMs);
  }

  /** the instance's waiting timers: activity id → due dates (ISO, sorted) */
  async function timers(processInstanceId: string): Promise<Record<string, string[]>> {
    const jobs = unwrap(await api.GET("/job", { params: { query: { processInstanceId, timers: true } } }));
    const result: Record<string, string[]> = {};
    for (const job of jobs) {
      const [definition] = unwrap(await api.GET("/job-definition", { params: { query: { jobDefinitionId: job.jobDefinitionId! } } }));
      (result[definition!.activityId!] ??= []).push(new Date(job.dueDate!).toISOString());
    }
    for (const list of Object.values(result)) list.sort();
    return result;
  }

  /** Fires the instance's timers on `activityId` through the job API, as the job executor would at their due date. */
  async function fire(processInstanceId: string, activityId: string): Promise<void> {
    await settled(processInstanceId);
    const jobs = unwrap(await api.GET("/job", { params: { query: { processInstanceId, activityId, timers: true } } }));
    expect(jobs, `a timer waits on ${activityId}`).to.not.be.empty;
    for (const job of jobs) unwrap(await api.POST("/job/{id}/execute", { params: { path: { id: job.id! } } }));
  }

  async function variable<T>(processInstanceId: string, name: string): Promise<T | undefined> {
    const list = unwrap(await api.GET("/history/variable-instance", { params: { query: { processInstanceId, variableName: name, deserializeValues: false } } }));
    return list[0]?.value as T | undefined;
  }

  async function escalations(processInstanceId: string): Promise<Escalation[]> {
    const raw = await variable<string>(processInstanceId, "escalations");
    return raw ? (JSON.parse(raw) as Escalation[]).map(({ rule, stage, activityId }) => ({ rule, stage, activityId })) : [];
  }

  /** Correlates the message `messageName` to the case `caseRef`. */
  async function message(messageName: string, caseRef: string): Promise<void> {
    unwrap(await api.POST("/message", { body: { messageName, businessKey: caseRef } }));
  }

  /** The message a new release date sends to the whole case: every instance under its reference. */
  async function releaseDateChanged(caseRef: string, releaseDate: string): Promise<void> {
    unwrap(
      await api.POST("/message", {
        body: {
          messageName: "ReleaseDateChanged",
          businessKey: caseRef,
          all: true,
          processVariables: { releaseDate: { value: `${releaseDate}T00:00:00.000+0000`, type: "Date" } },
        },
      }),
    );
  }

  function noticesOf(processInstanceId: string): Omit<Notice, "processInstanceId">[] {
    return notices.filter((n) => n.processInstanceId === processInstanceId).map(({ activityId, template, to }) => ({ activityId, template, to }));
  }

  return {
    serveWorkers,
    stopWorkers: () => {
      client?.stop();
      client = undefined;
    },
    start,
    openTasks,
    complete,
    completeTaskById,
    tasksByService,
    calledAssessment,
    candidateGroups,
    visited,
    reached,
    ended,
    settled,
    timers,
    fire,
    variable,
    escalations,
    message,
    releaseDateChanged,
    noticesOf,
  };
}
