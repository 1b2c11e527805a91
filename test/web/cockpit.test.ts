import { expect } from "chai";
import type { Browser } from "playwright-core";
import type { Client } from "camunda-external-task-client-js";
import { unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { createWorkerClient } from "../../lib/engine/worker-client.js";
import { bundleCockpit } from "../../web/client/cockpit/bundle.js";
import { engineDate } from "../../lib/engine/engine-date.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { drawnReviewThenWork, newCaseRef, pageAs, startHarness, type Harness } from "./cockpit-harness.test.js";
import { launchBrowser } from "./support/browser.js";
import { reviewWithReleaseDateMessage } from "./support/release-date-pathway.js";

const ADMIN = "ops.heikkinen";

describe("cockpit", function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let harness: Harness;
  let browser: Browser;
  let worker: Client | undefined;

  before(async () => {
    engine = await useEngine();
    await bundleCockpit();
    harness = await startHarness(engine);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });
  afterEach(() => {
    worker?.stop();
    worker = undefined;
  });

  async function start(key: string, variables: Record<string, { value: unknown; type: string }> = {}) {
    const caseRef = newCaseRef();
    const instance = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", {
        params: { path: { key } },
        body: { businessKey: caseRef, variables: { caseRef: { value: caseRef, type: "String" }, ...variables } },
      }),
    );
    return { id: instance.id!, caseRef };
  }

  /** An instance whose external task failed with no retries left: an open failedExternalTask incident. */
  async function instanceWithIncident() {
    const key = `cockpit-incident-${Date.now()}`;
    const topic = `${key}-work`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: drawnReviewThenWork(key, topic) }], key);
    const { id, caseRef } = await start(key);
    // two more cases waiting in review, so the diagram shows a token count above one
    await start(key);
    await start(key);
    const [task] = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceId: id } } }));
    unwrap(await engine.client.POST("/task/{id}/complete", { params: { path: { id: task!.id! } }, body: {} }));
    worker = createWorkerClient(engine.worker, { workerId: "cockpit-test" });
    worker.subscribe(topic, async ({ task: t, taskService }) => {
      await taskService.handleFailure(t, { errorMessage: "register unavailable", errorDetails: "test", retries: 0, retryTimeout: 0 });
    });
    await until(async () => {
      const incidents = unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId: id } } }));
      return incidents.length > 0;
    });
    worker.stop();
    worker = undefined;
    return { key, id, caseRef };
  }

  it("lets an admin find an incident on the diagram and retry it", async () => {
    const { key, id, caseRef } = await instanceWithIncident();
    const page = await pageAs(browser, harness, ADMIN);
    await page.goto(`${harness.url}/cockpit`);
    await page.locator(".deadline-chart").waitFor();
    expect(await page.locator(".deadline-chart rect").count()).to.equal(5);
    const row = page.locator("table.definitions tr", { hasText: key });
    expect(await row.locator("td").nth(2).innerText()).to.equal("3");
    expect(await row.locator("td").nth(3).innerText()).to.equal("1");
    await row.locator("a.bad").first().click();
    await page.locator("table.instances a", { hasText: caseRef }).click();
    await page.locator(".diagram[data-ready]").waitFor();
    expect(await page.locator('.token-badge[data-activity="work"]').innerText()).to.equal("1");
    expect(await page.locator(".token-badge").count()).to.equal(1);
    const badge = page.locator('.incident-badge[data-activity="work"]');
    expect(await badge.innerText()).to.contain("1");
    await badge.click();
    const selected = page.locator("li.incident.selected");
    expect(await selected.getAttribute("data-activity")).to.equal("work");
    expect(await selected.innerText()).to.contain("register unavailable");
    const incidentIdShown = await selected.getAttribute("data-incident");
    await page.screenshot({ path: "docs/screenshots/cockpit-instance.png", fullPage: false });

    await selected.locator("button.retry").click();
    await page.locator(".status", { hasText: "Retry: done." }).waitFor();
    await page.locator(".diagram[data-ready]").waitFor();
    const open = unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId: id } } }));
    expect(open).to.deep.equal([]);
    const [externalTask] = unwrap(await engine.client.GET("/external-task", { params: { query: { processInstanceId: id } } }));
    expect(externalTask?.retries).to.equal(1);
    const retried = (await harness.auditBy(ADMIN)).filter((e) => e.action === "cockpit.retry" && e.caseRef === caseRef);
    expect(retried.map((e) => e.detail)).to.deep.equal([{ incidentId: incidentIdShown, incidentType: "failedExternalTask", activityId: "work", processInstanceId: id }]);
    // the page shows the token still waiting at the external task, now without an incident
    await page.locator('.token-badge[data-activity="work"]').waitFor();
    expect(await page.locator(".incident-badge").count()).to.equal(0);
    await page.context().close();
  });

  it("refuses its API to anyone but admins", async () => {
    for (const user of ["owner.laine", "sw.nieminen", "lead.makinen"]) {
      const read = await harness.as(user, "/cockpit/api/definitions");
      expect(read.status).to.equal(403);
      const act = await harness.as(user, "/cockpit/api/incidents/x/retry", { method: "POST", body: "{}" });
      expect(act.status).to.equal(403);
    }
    const anonymous = await fetch(`${harness.url}/cockpit/api/definitions`);
    expect(anonymous.status).to.equal(401);
    const allowed = await harness.as(ADMIN, "/cockpit/api/definitions");
    expect(allowed.status).to.equal(200);
  });

  it("correlates ReleaseDateChanged with the new date and cancels with a recorded reason", async () => {
    const key = `cockpit-message-${Date.now()}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: reviewWithReleaseDateMessage(key) }], key);
    const { id, caseRef } = await start(key);
    // the same case's other instance (as the joint assessment a release pathway calls), and another case
    const sibling = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", {
        params: { path: { key } },
        body: { businessKey: caseRef, variables: { caseRef: { value: caseRef, type: "String" } } },
      }),
    ).id!;
    const { id: otherCase } = await start(key);

    const bad = await harness.as(ADMIN, `/cockpit/api/instances/${id}/message`, {
      method: "POST",
      body: JSON.stringify({ messageName: "ReleaseDateChanged", releaseDate: "next week" }),
    });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { type: string }).type).to.equal("InvalidRequestException");

    const sent = await harness.as(ADMIN, `/cockpit/api/instances/${id}/message`, {
      method: "POST",
      body: JSON.stringify({ messageName: "ReleaseDateChanged", releaseDate: "2027-02-15" }),
    });
    expect(sent.status).to.equal(204);
    const [releaseDate] = unwrap(
      await engine.client.GET("/variable-instance", { params: { query: { processInstanceIdIn: id, variableName: "releaseDate" } } }),
    );
    expect(new Date(String(releaseDate?.value).replace(/(\d{2})(\d{2})$/, "$1:$2")).toISOString()).to.equal("2027-02-15T00:00:00.000Z");
    const ended = unwrap(
      await engine.client.GET("/history/activity-instance", { params: { query: { processInstanceId: id, activityId: "recomputed" } } }),
    );
    expect(ended).to.have.length(1);
    const heard = async (instance: string) =>
      unwrap(await engine.client.GET("/variable-instance", { params: { query: { processInstanceIdIn: instance, variableName: "releaseDate" } } })).length;
    expect([await heard(sibling), await heard(otherCase)]).to.deep.equal([1, 0]);

    const noReason = await harness.as(ADMIN, `/cockpit/api/instances/${id}/cancel`, { method: "POST", body: JSON.stringify({ reason: "" }) });
    expect(noReason.status).to.equal(400);
    const cancel = await harness.as(ADMIN, `/cockpit/api/instances/${id}/cancel`, {
      method: "POST",
      body: JSON.stringify({ reason: "Duplicate case opened by mistake" }),
    });
    expect(cancel.status).to.equal(204);
    const [history] = unwrap(await engine.client.GET("/history/process-instance", { params: { query: { processInstanceId: id } } }));
    expect(history?.state).to.equal("EXTERNALLY_TERMINATED");

    const detail = (await (await harness.as(ADMIN, `/cockpit/api/instances/${id}`)).json()) as {
      audit: { action: string; actor: string; detail?: { reason?: string } }[];
    };
    const cancelled = detail.audit.find((a) => a.action === "cockpit.cancel");
    expect(cancelled?.actor).to.equal(ADMIN);
    expect(cancelled?.detail?.reason).to.equal("Duplicate case opened by mistake");
    expect(detail.audit.map((a) => a.action)).to.include("cockpit.message");
  });

  it("filters cases by overdue deadline and counts them on the deadline board", async () => {
    const key = `cockpit-deadline-${Date.now()}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: reviewWithReleaseDateMessage(key) }], key);
    const board = async () => (await (await harness.as(ADMIN, "/cockpit/api/deadlines")).json()) as Record<string, number>;
    const before = await board();
    const day = 24 * 60 * 60 * 1000;
    const due = (offsetDays: number) => ({ assessmentCompletionDue: { value: engineDate(new Date(Date.now() + offsetDays * day)), type: "Date" } });
    const overdue = await start(key, due(-3));
    await start(key, due(5));
    await start(key, due(60));
    await start(key, { ...due(20), needsMultiAgencyWork: { value: true, type: "Boolean" } });

    const after = await board();
    expect(after.overdue! - before.overdue!).to.equal(1);
    expect(after["due-soon"]! - before["due-soon"]!).to.equal(1);
    expect(after["on-track"]! - before["on-track"]!).to.equal(1);
    expect(after["done-in-time"]! - before["done-in-time"]!).to.equal(1);

    const list = (await (await harness.as(ADMIN, `/cockpit/api/instances?pathway=${key}&overdue=true`)).json()) as { id: string }[];
    expect(list.map((r) => r.id)).to.deep.equal([overdue.id]);
    const waiting = (await (await harness.as(ADMIN, `/cockpit/api/instances?pathway=${key}&activity=review&state=ACTIVE`)).json()) as { id: string }[];
    expect(waiting).to.have.length(4);
    const definitions = (await (await harness.as(ADMIN, "/cockpit/api/definitions")).json()) as { key: string; running: number; overdue: number }[];
    expect(definitions.find((d) => d.key === key)).to.include({ running: 4, overdue: 1 });
  });
});
