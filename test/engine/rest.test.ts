import { expect } from "chai";
import { Variables, type Client } from "camunda-external-task-client-js";
import { basicAuthHeader } from "../../lib/config.js";
import { unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { userThenExternalTask } from "../support/models.js";
import { until } from "../support/until.js";

describe("engine over REST and the official external-task client", function () {
  this.timeout(120_000);
  let engine: TestEngine;
  let client: Client | undefined;
  let run = 0;

  before(async () => {
    engine = await useEngine();
  });
  afterEach(() => {
    client?.stop();
    client = undefined;
  });

  /** Deploys a fresh process with its own topic, so tests never see each other's tasks. */
  async function freshProcess() {
    run += 1;
    const key = `engine-check-${Date.now()}-${run}`;
    const topic = `${key}-work`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: userThenExternalTask(key, topic) }], key);
    return { key, topic };
  }

  async function startAndPassUserTask(key: string, variables: Record<string, { value: unknown; type: string; valueInfo?: Record<string, unknown> }> = {}) {
    const instance = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", {
        params: { path: { key } },
        body: { businessKey: `NIV-TEST-${run}`, variables: { caseRef: { value: `NIV-TEST-${run}`, type: "String" }, ...variables } },
      }),
    );
    const [task] = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceId: instance.id! } } }));
    expect(task?.taskDefinitionKey).to.equal("review");
    unwrap(
      await engine.client.POST("/task/{id}/complete", {
        params: { path: { id: task!.id! } },
        body: { variables: { reviewed: { value: true, type: "Boolean" } } },
      }),
    );
    return instance.id!;
  }

  async function endEvents(processInstanceId: string) {
    const ends = unwrap(
      await engine.client.GET("/history/activity-instance", { params: { query: { processInstanceId, activityType: "noneEndEvent" } } }),
    );
    return ends.map((a) => a.activityId);
  }

  async function history(processInstanceId: string) {
    const [h] = unwrap(await engine.client.GET("/history/process-instance", { params: { query: { processInstanceId } } }));
    return h!;
  }

  it("refuses REST calls without valid credentials", async () => {
    const anonymous = await fetch(`${engine.connection.url}/process-definition`);
    expect(anonymous.status).to.equal(401);
    // Not the admin: a wrong password makes the engine delay that user's next logins.
    const wrong = await fetch(`${engine.connection.url}/process-definition`, {
      headers: { Authorization: basicAuthHeader({ user: "nobody", password: "wrong" }) },
    });
    expect(wrong.status).to.equal(401);
  });

  // Both the engine and Jackson's JAX-RS provider map these errors; which one answered used to
  // depend on the order the providers loaded in at that start (engine/…/JsonErrors.java).
  it("answers a body that is not JSON, or of the wrong shape, in the engine's {type, message} shape", async () => {
    for (const [path, body] of [
      ["/message", "{not json"],
      ["/process-instance", "[1, 2"],
      ["/message", '{"messageName": {"no": "string"}, "processVariables": 7}'],
      ["/task/x/complete", '{"variables": "none"}'],
    ] as const) {
      const response = await fetch(`${engine.connection.url}${path}`, {
        method: "POST",
        headers: { Authorization: basicAuthHeader(engine.connection), "content-type": "application/json" },
        body,
      });
      expect(response.status, `${path} ${body}`).to.equal(400);
      expect(response.headers.get("content-type"), `${path} ${body}`).to.match(/^application\/json/);
      const answer = (await response.json()) as { type?: unknown; message?: unknown };
      expect(answer.type, `${path} ${body}`).to.equal("InvalidRequestException");
      expect(answer.message, `${path} ${body}`).to.be.a("string").that.is.not.empty;
    }
  });

  it("deploys with duplicate filtering: an unchanged model gets no new version", async () => {
    const { key, topic } = await freshProcess();
    const again = await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: userThenExternalTask(key, topic) }], key);
    expect(again.definitions).to.deep.equal([]);
    const definitions = unwrap(await engine.client.GET("/process-definition", { params: { query: { key } } }));
    expect(definitions.map((d) => d.version)).to.deep.equal([1]);
  });

  it("starts with typed variables, completes the user task, and the official client completes the external task", async () => {
    const { key, topic } = await freshProcess();
    const id = await startAndPassUserTask(key, { count: { value: 3, type: "Integer" } });
    client = createWorkerClient(engine.worker, { workerId: "test-complete", asyncResponseTimeout: 1000 });
    const seen: unknown[] = [];
    client.subscribe(topic, async ({ task, taskService }) => {
      seen.push(task.variables.get("count"), task.variables.get("reviewed"));
      const out = new Variables().set("result", "ok");
      await taskService.complete(task, out);
    });
    await until(async () => (await history(id)).state === "COMPLETED");
    expect(seen).to.deep.equal([3, true]);
    const [result] = unwrap(
      await engine.client.GET("/history/variable-instance", { params: { query: { processInstanceId: id, variableName: "result" } } }),
    );
    expect(result?.value).to.equal("ok");
    expect(await endEvents(id)).to.deep.equal(["done"]);
  });

  it("turns a failure with no retries left into a failedExternalTask incident, and resolves it when retries are set", async () => {
    const { key, topic } = await freshProcess();
    const id = await startAndPassUserTask(key);
    let attempts = 0;
    client = createWorkerClient(engine.worker, { workerId: "test-failure", asyncResponseTimeout: 1000 });
    client.subscribe(topic, async ({ task, taskService }) => {
      attempts += 1;
      if (attempts === 1) {
        await taskService.handleFailure(task, { errorMessage: "downstream unavailable", errorDetails: "first try", retries: 1, retryTimeout: 0 });
      } else if (attempts === 2) {
        await taskService.handleFailure(task, { errorMessage: "downstream still unavailable", errorDetails: "second try", retries: 0, retryTimeout: 0 });
      } else {
        await taskService.complete(task);
      }
    });
    const incident = await until(async () => {
      const [found] = unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId: id } } }));
      return found;
    });
    expect(incident.incidentType).to.equal("failedExternalTask");
    expect(incident.incidentMessage).to.equal("downstream still unavailable");
    expect(attempts).to.equal(2);

    const [externalTask] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId: id } } }));
    unwrap(await engine.client.PUT("/external-task/{id}/retries", { params: { path: { id: externalTask!.id! } }, body: { retries: 1 } }));
    await until(async () => (await history(id)).state === "COMPLETED");
    expect(attempts).to.equal(3);
    const open = unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId: id } } }));
    expect(open).to.deep.equal([]);
  });

  it("routes a BPMN error to the boundary event", async () => {
    const { key, topic } = await freshProcess();
    const id = await startAndPassUserTask(key);
    client = createWorkerClient(engine.worker, { workerId: "test-bpmn-error", asyncResponseTimeout: 1000 });
    client.subscribe(topic, async ({ task, taskService }) => {
      await taskService.handleBpmnError(task, "WORK_REJECTED", "client declined");
    });
    await until(async () => (await history(id)).state === "COMPLETED");
    expect(await endEvents(id)).to.deep.equal(["rejectedEnd"]);
    const vars = unwrap(await engine.client.GET("/history/variable-instance", { params: { query: { processInstanceId: id } } }));
    const byName = Object.fromEntries(vars.map((v) => [v.name, v.value]));
    expect(byName.rejectionCode).to.equal("WORK_REJECTED");
    expect(byName.rejectionMessage).to.equal("client declined");
  });

  it("hands a task whose lock expired to another worker and refuses the first worker's late completion", async () => {
    const { key, topic } = await freshProcess();
    const id = await startAndPassUserTask(key);
    const locked = unwrap(
      await engine.client.POST("/external-task/fetchAndLock", {
        body: { workerId: "crashed-worker", maxTasks: 1, topics: [{ topicName: topic, lockDuration: 1000 }] },
      }),
    );
    expect(locked).to.have.length(1);
    const taskId = locked[0]!.id!;

    client = createWorkerClient(engine.worker, { workerId: "second-worker", asyncResponseTimeout: 1000 });
    const takenBy: string[] = [];
    client.subscribe(topic, async ({ task, taskService }) => {
      takenBy.push(String(task.workerId));
      await taskService.complete(task);
    });
    await until(async () => (await history(id)).state === "COMPLETED");
    expect(takenBy).to.deep.equal(["second-worker"]);

    const late = await engine.client.POST("/external-task/{id}/complete", {
      params: { path: { id: taskId } },
      body: { workerId: "crashed-worker" },
    });
    expect(late.response.ok).to.equal(false);
    expect((late.error as { message?: string }).message).to.be.a("string").and.not.equal("");
  });

  it("round-trips Json, Object (application/json) and Date variables", async () => {
    const { key, topic } = await freshProcess();
    const plan = { goals: ["asunto", "toimeentulo"], services: [{ kind: "housing", provider: "Y-Säätiö" }] };
    const releaseDate = "2026-12-07T00:00:00.000+0200";
    const id = await startAndPassUserTask(key, {
      plan: { value: JSON.stringify(plan), type: "Json" },
      meta: {
        value: JSON.stringify({ source: "rise" }),
        type: "Object",
        valueInfo: { objectTypeName: "java.util.LinkedHashMap", serializationDataFormat: "application/json" },
      },
      releaseDate: { value: releaseDate, type: "Date" },
    });
    client = createWorkerClient(engine.worker, { workerId: "test-values", asyncResponseTimeout: 1000 });
    const received: Record<string, unknown> = {};
    client.subscribe(topic, async ({ task, taskService }) => {
      received.plan = task.variables.get("plan");
      received.releaseDate = task.variables.get("releaseDate");
      const out = new Variables();
      out.set("sentBack", { ...plan, checked: true });
      out.set("reviewDue", new Date("2027-03-01T10:00:00.000Z"));
      await taskService.complete(task, out);
    });
    await until(async () => (await history(id)).state === "COMPLETED");

    expect(received.plan).to.deep.equal(plan);
    expect((received.releaseDate as Date).toISOString()).to.equal("2026-12-06T22:00:00.000Z");

    const vars = unwrap(
      await engine.client.GET("/history/variable-instance", { params: { query: { processInstanceId: id, deserializeValues: false } } }),
    );
    const byName = Object.fromEntries(vars.map((v) => [v.name, v]));
    expect(byName.sentBack?.type).to.equal("Json");
    expect(JSON.parse(byName.sentBack!.value as string)).to.deep.equal({ ...plan, checked: true });
    expect(byName.meta?.type).to.equal("Object");
    expect(byName.meta?.valueInfo).to.include({ serializationDataFormat: "application/json" });
    expect(JSON.parse(byName.meta!.value as string)).to.deep.equal({ source: "rise" });
    expect(byName.reviewDue?.type).to.equal("Date");
    expect(new Date(byName.reviewDue!.value as string).toISOString()).to.equal("2027-03-01T10:00:00.000Z");
  });
});
