/*
 * The deadline topics through the official external-task client against the test engine.
 * Expected instants worked out by hand from a printed calendar: Helsinki is UTC+2 until
 * summer time begins on Sun 28 Mar 2027, so 23:59:59 local is 21:59:59Z and 08:00 is 06:00Z.
 */
import { expect } from "chai";
import type { Client } from "camunda-external-task-client-js";
import { createEngineClient, unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { subscribeDeadlines } from "../../workers/deadlines/topics.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { deadlineProcess } from "./support/deadline-model.js";

type TypedVariables = Record<string, { value: unknown; type: string }>;

const farRelease = { value: "2027-12-31T00:00:00.000+0000", type: "Date" };

describe("deadline topics", function () {
  this.timeout(120_000);
  const key = `deadline-test-${Date.now().toString(36)}`;
  const clock = () => new Date("2026-12-30T06:00:05.000Z");
  let engine: TestEngine;
  let client: Client;
  const log: string[] = [];
  let cases = 0;

  before(async () => {
    engine = await useEngine();
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: deadlineProcess(key) }], key);
    client = createWorkerClient(engine.worker, { workerId: key, lockDuration: 10_000 });
    subscribeDeadlines(client, { engine: createEngineClient(engine.worker), filter: { processDefinitionKey: key }, clock, log: (line) => log.push(line) });
  });
  after(() => client?.stop());

  async function start(variables: TypedVariables): Promise<string> {
    cases += 1;
    const caseRef = `NIV-2026-${String(900000 + cases)}`;
    const instance = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", {
        params: { path: { key } },
        // a release date far enough not to shorten the three months, unless a case gives its own
        body: { businessKey: caseRef, variables: { caseRef: { value: caseRef, type: "String" }, releaseDate: farRelease, ...variables } },
      }),
    );
    return instance.id!;
  }

  async function variables(processInstanceId: string) {
    // serialized, so that a Json variable comes back as its JSON text rather than a Spin node
    return unwrap(
      await engine.client.GET("/process-instance/{id}/variables", { params: { path: { id: processInstanceId }, query: { deserializeValues: false } } }),
    );
  }

  /** the deadline variables as ISO instants, once all four are there */
  async function deadlines(processInstanceId: string) {
    const v = await variables(processInstanceId);
    const names = ["assessmentStartDue", "assessmentStartWarning", "assessmentCompletionDue", "assessmentCompletionWarning"];
    if (!names.every((n) => v[n]?.type === "Date")) return undefined;
    return Object.fromEntries(names.map((n) => [n, new Date(v[n]!.value as string).toISOString()]));
  }

  async function timerDue(processInstanceId: string, activityId: string): Promise<string | undefined> {
    const [job] = unwrap(await engine.client.GET("/job", { params: { query: { processInstanceId, activityId, timers: true } } }));
    return job?.dueDate ? new Date(job.dueDate).toISOString() : undefined;
  }

  async function timers(processInstanceId: string) {
    return {
      "start-warning": await timerDue(processInstanceId, "start-warning"),
      "start-due": await timerDue(processInstanceId, "start-due"),
      "completion-warning": await timerDue(processInstanceId, "completion-warning"),
      "completion-due": await timerDue(processInstanceId, "completion-due"),
    };
  }

  async function releaseDateChanged(processInstanceId: string, releaseDate: { value: unknown; type: string }) {
    unwrap(
      await engine.client.POST("/message", {
        body: { messageName: "ReleaseDateChanged", processInstanceId, processVariables: { releaseDate } },
      }),
    );
  }

  /** once the event subprocess's recompute task is done, none is left to fetch */
  async function recomputed(processInstanceId: string) {
    const open = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId, activityId: "recompute" } } }));
    return open.length === 0;
  }

  it("computes the deadlines from the contact date, and the timers wait for them", async () => {
    // contact Mon 21 Dec 2026 (midnight in Helsinki)
    const id = await start({ contactDate: { value: "2026-12-21T00:00:00.000+0200", type: "Date" } });
    const computed = await until(() => deadlines(id));
    expect(computed).to.deep.equal({
      // 7th weekday: Tue 22, Wed 23, [Christmas Eve to Sun 27], Mon 28, Tue 29, Wed 30, Thu 31, [New Year's Day to Sun 3], Mon 4 Jan 2027
      assessmentStartDue: "2027-01-04T21:59:59.000Z",
      // 2 weekdays before: Thu 31 Dec (1), Wed 30 Dec (2)
      assessmentStartWarning: "2026-12-30T06:00:00.000Z",
      // 21 Mar 2027 is a Sunday → Mon 22 Mar 2027
      assessmentCompletionDue: "2027-03-22T21:59:59.000Z",
      // 14 days before: Mon 8 Mar 2027
      assessmentCompletionWarning: "2027-03-08T06:00:00.000Z",
    });
    expect(await until(async () => (await timerDue(id, "completion-due")) && timers(id))).to.deep.equal({
      "start-warning": computed.assessmentStartWarning,
      "start-due": computed.assessmentStartDue,
      "completion-warning": computed.assessmentCompletionWarning,
      "completion-due": computed.assessmentCompletionDue,
    });
  });

  it("moves the waiting timers when the release date changes", async () => {
    const id = await start({ contactDate: { value: "2026-12-21T00:00:00.000+0200", type: "Date" } });
    await until(() => timerDue(id, "completion-due"));

    // released Mon 15 Feb 2027, before the three months: the completion limit is the release day,
    // warned 14 days before, Mon 1 Feb 2027; the start limit stays. A form's ISO date string.
    await releaseDateChanged(id, { value: "2027-02-15", type: "String" });
    await until(() => recomputed(id));
    expect(await timers(id)).to.deep.equal({
      "start-warning": "2026-12-30T06:00:00.000Z",
      "start-due": "2027-01-04T21:59:59.000Z",
      "completion-warning": "2027-02-01T06:00:00.000Z",
      "completion-due": "2027-02-15T21:59:59.000Z",
    });
    expect((await deadlines(id))?.assessmentCompletionDue).to.equal("2027-02-15T21:59:59.000Z");
    // the release-day timer waits for 08:00 on Mon 15 Feb 2027 in Helsinki (UTC+2), not its midnight
    expect(await timerDue(id, "release-day")).to.equal("2027-02-15T06:00:00.000Z");

    // release put off to Wed 30 Jun 2027 (a Date variable): the three months rule again
    await releaseDateChanged(id, { value: "2027-06-30T00:00:00.000+0300", type: "Date" });
    await until(async () => (await timerDue(id, "completion-due")) === "2027-03-22T21:59:59.000Z");
    expect(await timers(id)).to.deep.equal({
      "start-warning": "2026-12-30T06:00:00.000Z",
      "start-due": "2027-01-04T21:59:59.000Z",
      "completion-warning": "2027-03-08T06:00:00.000Z",
      "completion-due": "2027-03-22T21:59:59.000Z",
    });
    // moved in the same pass as the others, perhaps a moment after completion-due
    await until(async () => (await timerDue(id, "release-day")) === "2027-06-30T05:00:00.000Z");
  });

  it("records each escalation in the case's escalations list", async () => {
    const id = await start({ contactDate: { value: "2026-12-21T00:00:00.000+0200", type: "Date" } });
    await until(() => timerDue(id, "start-due"));
    const escalations = async (count: number) => {
      const v = (await variables(id)).escalations;
      const list = v ? (JSON.parse(v.value as string) as unknown[]) : [];
      return list.length === count && list;
    };
    for (const [activityId, count] of [["start-warning", 1], ["start-due", 2]] as const) {
      const [job] = unwrap(await engine.client.GET("/job", { params: { query: { processInstanceId: id, activityId, timers: true } } }));
      unwrap(await engine.client.POST("/job/{id}/execute", { params: { path: { id: job!.id! } } }));
      await until(() => escalations(count));
    }
    expect(await escalations(2)).to.deep.equal([
      { rule: "assessment-start", stage: "warning", at: "2026-12-30T06:00:05.000Z", activityId: "escalate-start-warning" },
      { rule: "assessment-start", stage: "passed", at: "2026-12-30T06:00:05.000Z", activityId: "escalate-start-passed" },
    ]);
  });

  it("turns bad variables into an incident with a readable message, and goes on working", async () => {
    const bad: [TypedVariables, string][] = [
      [{ contactDate: { value: "next week", type: "String" } }, 'contactDate: must be a Date or an ISO date (YYYY-MM-DD), not "next week"'],
      [{}, "contactDate: is missing"],
      [
        { contactDate: { value: "2026-12-21", type: "String" }, releaseDate: { value: 20270215, type: "Integer" } },
        "releaseDate: must be a Date or an ISO date (YYYY-MM-DD), not 20270215",
      ],
    ];
    const ids: string[] = [];
    for (const [vars] of bad) ids.push(await start(vars));
    const good = await start({ contactDate: { value: "2026-12-21", type: "String" } });

    for (const [i, [, message]] of bad.entries()) {
      const incident = await until(async () => unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId: ids[i] } } }))[0]);
      expect(incident.activityId).to.equal("compute");
      expect(incident.incidentMessage).to.contain(message);
    }
    expect((await until(() => deadlines(good))).assessmentStartDue).to.equal("2027-01-04T21:59:59.000Z");
    // the values went to the incidents, not to the log
    expect(log.join("\n")).not.to.contain("next week").and.not.to.contain("20270215");
  });
});
