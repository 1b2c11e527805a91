import { expect } from "chai";
import type { Client } from "camunda-external-task-client-js";
import { unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { PLAN_SYNC_AUTHOR, subscribePlans } from "../../workers/plans/subscribe-plans.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { isCompleted, openIncident, processVariable, startProcess, type TypedVariables } from "./support/engine-helpers.js";
import { openStore, type Store } from "../../lib/store/index.js";
import { externalTasksInOrder } from "./support/plan-model.js";

const RISE_PLAN = {
  releaseDate: "2026-12-07",
  goals: [{ area: "housing", text: "Oma vuokra-asunto vapautuessa" }],
  services: [
    { kind: "substance-abuse", provider: "A-klinikka", start: "2026-09-01", end: null, responsible: "rise.virtanen", continuesAfterRelease: true },
  ],
  contacts: [{ role: "erityisohjaaja", name: "Riikka Virtanen" }],
};
const COUNTY_PLAN = {
  releaseDate: "2026-12-14",
  goals: [{ area: "housing", text: "Asunto ensimmäisestä päivästä" }],
  services: [{ kind: "housing", provider: "Y-Säätiö", start: "2026-12-07", end: null, responsible: "sw.nieminen" }],
  contacts: [],
  reviewDate: "2027-03-01",
};

const consent = (given: boolean, items: string[] | null): TypedVariables => ({
  consentGiven: { value: given, type: "Boolean" },
  ...(items ? { consentItems: { value: JSON.stringify(items), type: "Json" } } : {}),
});

describe("plan workers: consent-record and plan-sync", function () {
  this.timeout(120_000);
  let engine: TestEngine;
  let client: Client | undefined;
  let store: Store | undefined;
  let run = 0;
  const stamp = Date.now().toString(36);

  before(async () => {
    engine = await useEngine();
  });
  afterEach(async () => {
    client?.stop();
    client = undefined;
    await store?.close();
    store = undefined;
  });

  async function fresh(topics: string[]) {
    run += 1;
    const key = `plans-test-${stamp}-${run}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: externalTasksInOrder(key, topics) }], key);
    store = await openStore({ backend: "memory" });
    const caseRef = `NIV-2026-${String(900 + run).padStart(6, "0")}`;
    client = createWorkerClient(engine.worker, { workerId: `plans-test-${run}` });
    subscribePlans(client, {
      store,
      filter: { processDefinitionKey: key },
      clock: () => new Date("2026-11-23T08:00:00Z"),
      log: () => undefined,
    });
    return { key, store, caseRef };
  }

  it("records the consent with who recorded it and when", async () => {
    const { key, store, caseRef } = await fresh(["consent-record"]);
    const id = await startProcess(engine, key, caseRef, { ...consent(true, ["goals", "services"]), consentRecordedBy: { value: "sw.nieminen", type: "String" } });
    await until(() => isCompleted(engine, id));
    expect(await store.consents.history(caseRef)).to.deep.equal([
      { caseRef, given: true, items: ["goals", "services"], recordedBy: "sw.nieminen", recordedAt: new Date("2026-11-23T08:00:00Z") },
    ]);

    const second = await startProcess(engine, key, caseRef, consent(false, ["goals"]));
    await until(() => isCompleted(engine, second));
    const [, withdrawn] = await store.consents.history(caseRef);
    expect(withdrawn).to.deep.include({ given: false, items: [], recordedBy: `worker:plans-test-${run}` });
    expect(await store.consents.latest(caseRef)).to.deep.equal({ given: false, items: [] });
  });

  it("with consent: adds the continuation to the client plan, lists conflicts, writes the joint view and the variables", async () => {
    const { key, store, caseRef } = await fresh(["consent-record", "plan-sync"]);
    await store.plans.save(caseRef, "rise", RISE_PLAN, "rise.virtanen", new Date());
    await store.plans.save(caseRef, "county", COUNTY_PLAN, "sw.nieminen", new Date());
    const id = await startProcess(engine, key, caseRef, consent(true, ["goals", "services", "release-date"]));
    await until(() => isCompleted(engine, id));

    expect(await processVariable(engine, id, "planSyncStatus")).to.equal("conflicts");
    expect(await processVariable(engine, id, "planConflictCount")).to.equal(1);

    const county = await store.plans.latest(caseRef, "county");
    expect(county!.version).to.equal(2);
    expect(county!.savedBy).to.equal(PLAN_SYNC_AUTHOR);
    const services = (county!.content as typeof COUNTY_PLAN).services as { kind: string; provider: string | null; continuationOf?: string }[];
    expect(services.map((s) => [s.kind, s.provider, s.continuationOf])).to.deep.equal([
      ["housing", "Y-Säätiö", undefined],
      ["substance-abuse", "A-klinikka", "rise"],
    ]);
    // the differing release dates are listed, not overwritten
    expect((county!.content as typeof COUNTY_PLAN).releaseDate).to.equal("2026-12-14");
    const joint = (await store.plans.latest(caseRef, "joint"))!.content as { status: string; conflicts: unknown[]; joint: { shared: string[]; contacts: unknown } };
    expect(joint.status).to.equal("conflicts");
    expect(joint.conflicts).to.deep.equal([{ kind: "release-date-mismatch", rise: "2026-12-07", county: "2026-12-14" }]);
    expect(joint.joint.shared).to.deep.equal(["goals", "services", "release-date"]);
    expect(joint.joint.contacts).to.equal(null);
  });

  it("without consent shares nothing and says so", async () => {
    const { key, store, caseRef } = await fresh(["consent-record", "plan-sync"]);
    await store.plans.save(caseRef, "rise", RISE_PLAN, "rise.virtanen", new Date());
    await store.plans.save(caseRef, "county", COUNTY_PLAN, "sw.nieminen", new Date());
    const id = await startProcess(engine, key, caseRef, consent(false, null));
    await until(() => isCompleted(engine, id));

    expect(await processVariable(engine, id, "planSyncStatus")).to.equal("no-consent");
    expect(await processVariable(engine, id, "planConflictCount")).to.equal(0);
    expect((await store.plans.latest(caseRef, "county"))!.version).to.equal(1);
    const joint = (await store.plans.latest(caseRef, "joint"))!.content;
    expect(joint).to.deep.equal({
      status: "no-consent",
      joint: { shared: [], releaseDate: null, goals: null, services: null, contacts: null },
      conflicts: [],
    });
  });

  it("fails tasks with bad variables into an incident with a readable message, and keeps working", async () => {
    const { key, store, caseRef } = await fresh(["consent-record", "plan-sync"]);
    const bad: { variables: TypedVariables; message: RegExp }[] = [
      { variables: { consentGiven: { value: "yes", type: "String" } }, message: /consentGiven/ },
      { variables: consent(true, ["goals", "health-records"]), message: /consentItems\.1/ },
      { variables: consent(true, []), message: /consentItems: must name what may be shared/ },
      { variables: {}, message: /consentGiven/ },
    ];
    for (const c of bad) {
      const id = await startProcess(engine, key, caseRef, c.variables);
      const incident = await until(() => openIncident(engine, id));
      expect(incident.incidentType).to.equal("failedExternalTask");
      expect(incident.incidentMessage).to.match(/^Invalid process variables for topic consent-record/).and.match(c.message);
      const [task] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId: id } } }));
      expect(task!.retries).to.equal(0);
    }

    const noCaseRef = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", { params: { path: { key } }, body: { variables: consent(true, ["goals"]) } }),
    );
    const incident = await until(() => openIncident(engine, noCaseRef.id!));
    expect(incident.incidentMessage).to.match(/consent-record: caseRef/);

    const badCaseRef = await startProcess(engine, key, "case-1", consent(true, ["goals"]));
    const storeIncident = await until(() => openIncident(engine, badCaseRef));
    expect(storeIncident.incidentMessage).to.match(/Invalid consent: caseRef: must look like NIV-2026-000123/);
    expect(await store.consents.history(caseRef)).to.deep.equal([]);

    const good = await startProcess(engine, key, caseRef, consent(true, ["goals"]));
    await until(() => isCompleted(engine, good));
    expect(await processVariable(engine, good, "planSyncStatus")).to.equal("synced");
  });
});
