import { expect } from "chai";
import type { Client } from "camunda-external-task-client-js";
import { unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { PLAN_SYNC_AUTHOR, subscribePlans } from "../../workers/plans/subscribe-plans.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { isCompleted, openIncident, processVariable, startProcess } from "./support/engine-helpers.js";
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

/** a consent version in the store, as the web app records it */
const grant = (store: Store, caseRef: string, grants: { item: string; to: string }[]) =>
  store.consents.record(caseRef, { grants: grants as never, purpose: "Yhteinen arviointi", givenHow: "in-person", validUntil: null }, "sw.nieminen", new Date("2026-11-20T08:00:00Z"));
const toCounty = (...items: string[]) => items.map((item) => ({ item, to: "county" }));

describe("plan worker: plan-sync", function () {
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

  it("with consent: adds the continuation to the client plan, counts the conflicts, and keeps no copy of the joint view", async () => {
    const { key, store, caseRef } = await fresh(["plan-sync"]);
    await store.plans.save(caseRef, "rise", RISE_PLAN, "rise.virtanen", new Date());
    await store.plans.save(caseRef, "county", COUNTY_PLAN, "sw.nieminen", new Date());
    await grant(store, caseRef, toCounty("goals", "services", "substance-abuse-services", "release-dates"));
    const id = await startProcess(engine, key, caseRef, {});
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
  });

  it("continues a substance-abuse service into the client plan only with that item: services alone are not enough", async () => {
    const { key, store, caseRef } = await fresh(["plan-sync"]);
    await store.plans.save(caseRef, "rise", RISE_PLAN, "rise.virtanen", new Date());
    await store.plans.save(caseRef, "county", COUNTY_PLAN, "sw.nieminen", new Date());
    await grant(store, caseRef, [...toCounty("services"), { item: "substance-abuse-services", to: "rise" }]);
    const id = await startProcess(engine, key, caseRef, {});
    await until(() => isCompleted(engine, id));
    expect((await store.plans.latest(caseRef, "county"))!.version).to.equal(1);
    expect(await processVariable(engine, id, "planSyncStatus")).to.equal("synced");
  });

  it("without consent shares nothing and says so", async () => {
    const { key, store, caseRef } = await fresh(["plan-sync"]);
    await store.plans.save(caseRef, "rise", RISE_PLAN, "rise.virtanen", new Date());
    await store.plans.save(caseRef, "county", COUNTY_PLAN, "sw.nieminen", new Date());
    await grant(store, caseRef, []);
    const id = await startProcess(engine, key, caseRef, {});
    await until(() => isCompleted(engine, id));

    expect(await processVariable(engine, id, "planSyncStatus")).to.equal("no-consent");
    expect(await processVariable(engine, id, "planConflictCount")).to.equal(0);
    expect((await store.plans.latest(caseRef, "county"))!.version).to.equal(1);
  });

  it("fails a task with no case or a malformed one into an incident with a readable message, and keeps working", async () => {
    const { key, store, caseRef } = await fresh(["plan-sync"]);
    const noCaseRef = unwrap(await engine.client.POST("/process-definition/key/{key}/start", { params: { path: { key } }, body: { variables: {} } }));
    const incident = await until(() => openIncident(engine, noCaseRef.id!));
    expect(incident.incidentType).to.equal("failedExternalTask");
    expect(incident.incidentMessage).to.match(/plan-sync: caseRef/);
    const [task] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId: noCaseRef.id! } } }));
    expect(task!.retries).to.equal(0);

    await store.plans.save(caseRef, "county", COUNTY_PLAN, "sw.nieminen", new Date());
    const good = await startProcess(engine, key, caseRef, {});
    await until(() => isCompleted(engine, good));
    expect(await processVariable(engine, good, "planSyncStatus")).to.equal("no-consent");
  });
});
