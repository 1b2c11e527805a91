/*
 * A case held by an incident says so to its caseworkers, in their words and without the engine's:
 * issue #14 ("bad input stalls cases with no sign to anyone").
 */
import { expect } from "chai";
import { createEngineClient, unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { singleExternalTask } from "../support/models.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { ensureDemoUsers, newCaseRef, signIn, startApp, type RunningApp } from "./support/tasklist-app.js";

describe("a case held by an incident, as its caseworkers see it", function () {
  this.timeout(120_000);
  let engine: TestEngine;
  let app: RunningApp;

  before(async () => {
    engine = await useEngine();
    await ensureDemoUsers(engine);
    app = await startApp(engine);
  });
  after(async () => {
    await app?.close();
  });

  it("tells the case's team that it waits for support, and shows none of the engine's message", async () => {
    const key = `support-${Date.now()}`;
    const topic = `support-topic-${Date.now()}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: singleExternalTask(key, topic) }], key);
    const caseRef = newCaseRef();
    await app.store.cases.create({ caseRef, pathway: key, countyId: "hva-ita-uusimaa", riseUnitId: "rise-vantaan-vankila", municipality: "638", startedBy: "rise.virtanen", startedAt: new Date() });
    await app.store.cases.join(caseRef, "sw.nieminen", "county", "personal-worker", "intake.korhonen", new Date());
    const started = unwrap(await engine.client.POST("/process-definition/key/{key}/start", { params: { path: { key } }, body: { businessKey: caseRef } }));
    const worker = createEngineClient(engine.worker);
    const sw = await signIn(app, "sw.nieminen");
    const view = async () => (await (await sw.fetch(`/api/cases/${caseRef}`)).json()) as { waitsForSupport: boolean };
    expect((await view()).waitsForSupport).to.equal(false);

    const [locked] = await until(async () => {
      const tasks = unwrap(await worker.POST("/external-task/fetchAndLock", { body: { workerId: "support-test", maxTasks: 1, topics: [{ topicName: topic, lockDuration: 60_000 }] } }));
      return tasks.length ? tasks : undefined;
    });
    unwrap(await worker.POST("/external-task/{id}/failure", { params: { path: { id: locked!.id! } }, body: { workerId: "support-test", errorMessage: "Henkilötunnus 131052-308T ei kelpaa", retries: 0, retryTimeout: 0 } }));
    await until(async () => (unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId: started.id! } } })).length ? true : undefined));

    const response = await sw.fetch(`/api/cases/${caseRef}`);
    const text = await response.text();
    expect((JSON.parse(text) as { waitsForSupport: boolean }).waitsForSupport).to.equal(true);
    expect(text, "the engine's words, which may quote client data, stay in the cockpit").to.not.contain("131052-308T");
  });
});
