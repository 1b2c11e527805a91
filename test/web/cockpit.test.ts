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
    // Finnish by default, as the tasklist
    await page.getByRole("heading", { name: "Polut", exact: true }).waitFor();
    expect(await page.locator(".deadline-chart .label").allTextContents()).to.include("Ylittynyt");
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
    await page.locator(".status", { hasText: "Uudelleenyritys käynnistetty." }).waitFor();
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

  it("answers a browser refused the cockpit's or the modeler's page in words, in three languages, and an API caller in JSON", async () => {
    const html = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
    for (const page of ["/cockpit/", "/modeler/"]) {
      const signedOut = await fetch(`${harness.url}${page}`, { headers: html });
      expect(signedOut.status).to.equal(401);
      expect(signedOut.headers.get("content-type")).to.match(/^text\/html/);
      const words = await signedOut.text();
      expect(words).to.contain("Kirjaudu ensin sisään.").and.contain("Logga in först.").and.contain("Sign in first.").and.not.contain("sign-in-required");
    }
    const refused = await harness.as("sw.nieminen", "/cockpit/", { headers: html });
    expect(refused.status).to.equal(403);
    expect(await refused.text()).to.contain("Tämä sivu on vain").and.contain('href="/"');
    // not a browser: the API's own answer
    const api = await fetch(`${harness.url}/cockpit/`, { headers: { accept: "application/json" } });
    expect([api.status, ((await api.json()) as { code: string }).code]).to.deep.equal([401, "sign-in-required"]);
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
      body: JSON.stringify({ messageName: "ReleaseDateChanged", date: "next week" }),
    });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { type: string }).type).to.equal("InvalidRequestException");

    const sent = await harness.as(ADMIN, `/cockpit/api/instances/${id}/message`, {
      method: "POST",
      body: JSON.stringify({ messageName: "ReleaseDateChanged", date: "2027-02-15" }),
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

    // another of the release days: the day it is, and which day changed, for the deadline worker
    const probation = await harness.as(ADMIN, `/cockpit/api/instances/${id}/message`, {
      method: "POST",
      body: JSON.stringify({ messageName: "ReleaseDateChanged", day: "probationFrom", date: "2027-01-20" }),
    });
    expect(probation.status).to.equal(204);
    const valueOf = async (name: string) =>
      unwrap(await engine.client.GET("/variable-instance", { params: { query: { processInstanceIdIn: id, variableName: name } } }))[0]?.value;
    expect(String(await valueOf("probationFrom"))).to.match(/^2027-01-20T00:00:00/);
    expect(await valueOf("changedReleaseDay")).to.equal("probationFrom");
    // a release before the contact is refused, and changes nothing
    unwrap(await engine.client.PUT("/process-instance/{id}/variables/{varName}", { params: { path: { id, varName: "contactDate" } }, body: { value: "2026-11-23T00:00:00.000+0000", type: "Date" } }));
    const beforeContact = await harness.as(ADMIN, `/cockpit/api/instances/${id}/message`, {
      method: "POST",
      body: JSON.stringify({ messageName: "ReleaseDateChanged", date: "2019-05-01" }),
    });
    expect(beforeContact.status).to.equal(400);
    expect(((await beforeContact.json()) as { code: string }).code).to.equal("release-before-contact");
    expect(String(await valueOf("releaseDate"))).to.match(/^2027-02-15T00:00:00/);
    // the admin corrects a value behind an incident: only the pathways' own variables, of their own type, audited by name
    const correct = (body: unknown) => harness.as(ADMIN, `/cockpit/api/instances/${id}/variables`, { method: "POST", body: JSON.stringify(body) });
    expect((await correct({ name: "releaseDate", value: "2027-03-01" })).status).to.equal(204);
    expect(String(await valueOf("releaseDate"))).to.match(/^2027-03-01T00:00:00/);
    expect(((await (await correct({ name: "somethingElse", value: "x" })).json()) as { code: string }).code).to.equal("not-correctable");
    expect(((await (await correct({ name: "releaseDate", value: true })).json()) as { code: string }).code).to.equal("wrong-type");
    expect(((await (await correct({ name: "releaseDate", value: "2027-02-31" })).json()) as { code: string }).code, "no such day").to.equal("wrong-type");
    expect(((await (await correct({ name: "meetingPlace", value: "x" })).json()) as { code: string }).code, "not on this case").to.equal("no-such-variable");
    expect((await harness.auditBy(ADMIN)).filter((e) => e.action === "cockpit.correct").map((e) => e.detail)).to.deep.include({ name: "releaseDate", type: "Date", processInstanceId: id });
    const unknownDay = await harness.as(ADMIN, `/cockpit/api/instances/${id}/message`, {
      method: "POST",
      body: JSON.stringify({ messageName: "ReleaseDateChanged", day: "birthday", date: "2027-01-20" }),
    });
    expect(unknownDay.status).to.equal(400);

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

  it("speaks Finnish, Swedish and English, words the engine's keys, and signs out to a worded page", async () => {
    const key = `cockpit-words-${Date.now()}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: reviewWithReleaseDateMessage(key) }], key);
    const running = await start(key);
    const cancelled = await start(key);
    const cancel = await harness.as(ADMIN, `/cockpit/api/instances/${cancelled.id}/cancel`, { method: "POST", body: JSON.stringify({ reason: "Opened twice by mistake" }) });
    expect(cancel.status).to.equal(204);

    const page = await pageAs(browser, harness, ADMIN);
    const rowOf = (caseRef: string) => page.locator("table.instances tr", { hasText: caseRef });
    const shownText = () => page.locator("body").innerText();
    await page.goto(`${harness.url}/cockpit/#/instances?pathway=${key}`);
    await page.getByRole("heading", { name: "Asiat", exact: true }).waitFor();
    expect(await rowOf(cancelled.caseRef).locator(".state").innerText()).to.equal("Peruttu");
    expect(await rowOf(cancelled.caseRef).locator(".deadline").innerText()).to.equal("ei määräaikaa");
    expect(await rowOf(running.caseRef).locator(".state").innerText()).to.equal("Käynnissä");
    expect(await page.getByLabel("Tila").locator("option").allInnerTexts()).to.include("Peruttu");
    for (const raw of ["EXTERNALLY_TERMINATED", "no-deadline", "ACTIVE"]) expect(await shownText()).to.not.contain(raw);
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal("fi");
    await page.screenshot({ path: "/tmp/i18n-cockpit-cases-fi.png" });

    // the instance page words its state and deadline too, and its audit trail
    await rowOf(cancelled.caseRef).locator("a").click();
    const heading = page.locator("h1 small");
    await heading.waitFor();
    expect(await heading.innerText()).to.contain("Peruttu").and.contain("määräaika: ei määräaikaa");
    expect(await page.locator("table.audit").innerText()).to.contain("perui asian").and.contain("perustelu: Opened twice by mistake");
    for (const raw of ["EXTERNALLY_TERMINATED", "no-deadline", "cockpit.cancel", "userTask"]) expect(await shownText()).to.not.contain(raw);
    await page.screenshot({ path: "/tmp/i18n-cockpit-instance-fi.png", fullPage: true });

    await page.selectOption("#language", "sv");
    await page.getByRole("heading", { name: "Historik" }).waitFor();
    expect(await heading.innerText()).to.contain("Annullerat").and.contain("tidsfrist: ingen tidsfrist");
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal("sv");
    await page.getByRole("link", { name: "Ärenden" }).click();
    await page.getByRole("heading", { name: "Ärenden", exact: true }).waitFor();
    await page.goto(`${harness.url}/cockpit/#/instances?pathway=${key}`);
    await rowOf(cancelled.caseRef).waitFor();
    expect(await rowOf(cancelled.caseRef).locator(".state").innerText()).to.equal("Annullerat");
    expect(await rowOf(cancelled.caseRef).locator(".deadline").innerText()).to.equal("ingen tidsfrist");
    expect(await page.getByRole("button", { name: "Logga ut" }).count()).to.equal(1);
    await page.screenshot({ path: "/tmp/i18n-cockpit-cases-sv.png" });
    await page.getByRole("link", { name: "Processer och tidsfrister" }).click();
    await page.getByRole("heading", { name: "Processer", exact: true }).waitFor();
    await page.locator(".deadline-chart").waitFor();
    expect(await page.locator(".deadline-chart .label").allTextContents()).to.include("Överskriden");
    await page.screenshot({ path: "/tmp/i18n-cockpit-overview-sv.png" });

    await page.selectOption("#language", "en");
    await page.getByRole("heading", { name: "Pathways", exact: true }).waitFor();
    // kept on the server (as the tasklist keeps it) and on this device: a reload stays English
    await until(async () => (await harness.store.preferences.languageOf(ADMIN)) === "en");
    await page.reload();
    await page.getByRole("heading", { name: "Pathways", exact: true }).waitFor();
    await page.goto(`${harness.url}/cockpit/#/instances?pathway=${key}`);
    await rowOf(cancelled.caseRef).waitFor();
    expect(await rowOf(cancelled.caseRef).locator(".state").innerText()).to.equal("Cancelled");
    expect(await rowOf(cancelled.caseRef).locator(".deadline").innerText()).to.equal("no deadline");

    // an answer refusing the user (their rights changed while the page was open) is a page, not JSON
    await page.route("**/cockpit/api/definitions", (route) =>
      route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ type: "AuthorizationException", code: "forbidden", message: "Only members of the group admin may do this." }) }),
    );
    await page.getByRole("link", { name: "Pathways & deadlines" }).click();
    await page.getByRole("heading", { name: "No access to the cockpit" }).waitFor();
    expect(await shownText()).to.not.contain("{").and.not.contain("AuthorizationException");
    expect(await page.getByRole("link", { name: "To the task list" }).getAttribute("href")).to.equal("/");
    await page.unroute("**/cockpit/api/definitions");

    await page.goto(`${harness.url}/cockpit/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "You are signed out" }).waitFor();
    expect(await shownText()).to.not.contain("{").and.not.contain("AuthenticationException");
    expect((await page.request.get(`${harness.url}/api/me`)).status()).to.equal(401);
    expect((await harness.auditBy(ADMIN)).map((e) => e.action)).to.include("auth.sign-out");
    // signed out, the language can still be chosen on this device
    await page.selectOption("#language", "fi");
    await page.getByRole("heading", { name: "Olet kirjautunut ulos" }).waitFor();
    await page.screenshot({ path: "/tmp/i18n-cockpit-signed-out-fi.png" });
    // moving on within the page still says so, rather than showing the API's answer
    await page.evaluate(() => (location.hash = "#/instances"));
    await page.getByRole("heading", { name: "Olet kirjautunut ulos" }).waitFor();
    expect(await page.getByRole("link", { name: "Kirjaudu sisään" }).getAttribute("href")).to.equal("/");
    await page.context().close();
  });
});
