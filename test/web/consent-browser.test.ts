/*
 * Issue #11's consent in a browser, as the county's personal worker would do it: the consent task's
 * form in Finnish, then a partial withdrawal on the case page in Swedish; RISE's officer sees the
 * withdrawn item go from the case at once.
 */
import { expect } from "chai";
import type { Browser, Page } from "playwright-core";
import { unwrap } from "../../lib/engine/client.js";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { bundleTasklist } from "../../web/client/tasklist/bundle.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { pathwayHarness } from "../support/pathway-harness.js";
import { until } from "../support/until.js";
import { launchBrowser, signedInPage } from "./support/browser.js";
import { ensureDemoUsers, signIn, startApp, type RunningApp } from "./support/tasklist-app.js";

describe("the client's consent in the tasklist in a browser", function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let app: RunningApp;
  let browser: Browser;
  let h: ReturnType<typeof pathwayHarness>;

  before(async () => {
    engine = await useEngine();
    await Promise.all([bundleTasklist(), ensureDemoUsers(engine), deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways")]);
    app = await startApp(engine);
    browser = await launchBrowser();
    h = pathwayHarness(engine);
    h.serveWorkers();
  });
  after(async () => {
    h?.stopWorkers();
    await browser?.close();
    await app?.close();
  });

  const signedIn = (userId: string): Promise<Page> => signedInPage(browser, app.url, userId);

  it("records the consent on the task's form, withdraws one item on the case page, and RISE no longer sees it", async () => {
    const officer = await signIn(app, "rise.virtanen");
    const started = await officer.fetch("/api/cases", {
      method: "POST",
      json: { pathway: "joint-assessment", clientName: "Suostumus Selain", referrerOrganisation: "rise-prison", municipality: "638" },
    });
    const { caseRef } = (await started.json()) as { caseRef: string };
    const intake = await signIn(app, "intake.korhonen");
    const [register] = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef } } }));
    await intake.fetch(`/api/tasks/${register!.id}/claim`, { method: "POST" });
    const today = new Date().toISOString().slice(0, 10);
    expect((await intake.fetch(`/api/tasks/${register!.id}/complete`, { method: "POST", json: { data: { contactDate: today, personalWorkerId: "sw.nieminen" } } })).status).to.equal(204);
    await until(async () => unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, taskDefinitionKey: "kirjaa-suostumus" } } }))[0]);
    await app.store.plans.save(caseRef, "county", { releaseDate: null, goals: [{ area: "housing", text: "Oma vuokra-asunto" }] }, "sw.nieminen", new Date());

    // the personal worker records the consent on the task's form, in Finnish
    const worker = await signedIn("sw.nieminen");
    await worker.goto(`${app.url}/#/cases/${caseRef}`);
    await worker.getByRole("row").filter({ hasText: "Kirjaa asiakkaan suostumus" }).getByRole("button", { name: /Ota/ }).click();
    await worker.getByRole("heading", { name: "Kirjaa asiakkaan suostumus tietojen luovutukseen" }).waitFor();
    await worker.getByLabel("Kyllä").check();
    const toRise = worker.locator(".fjs-form-field-checklist").filter({ hasText: "Hyvinvointialueelta Rikosseuraamuslaitokselle" });
    await toRise.getByLabel("Tavoitteet").check();
    await toRise.getByLabel("Tapaamisten ajat ja paikat").check();
    await worker.locator(".fjs-form-field-checklist").filter({ hasText: "Rikosseuraamuslaitokselta hyvinvointialueelle" }).getByLabel("Vapautumispäivät").check();
    await worker.getByLabel("Kirjallisesti").check();
    await worker.screenshot({ path: "/tmp/nivel-consent-form-fi.png", fullPage: true });
    await worker.getByRole("button", { name: "Valmis" }).click();
    await worker.getByRole("status").filter({ hasText: "Tehtävä valmis." }).waitFor();
    const [first] = await app.store.consents.history(caseRef);
    expect(first).to.deep.include({ version: 1, change: "given", recordedBy: "sw.nieminen", givenHow: "in-writing" });
    expect(first!.grants.map((g) => `${g.item}>${g.to}`).sort()).to.deep.equal(["goals>rise", "meetings>rise", "release-dates>county"]);

    // RISE's officer sees the county's goal in the joint plan
    const rise = await signedIn("rise.virtanen");
    await rise.goto(`${app.url}/#/cases/${caseRef}`);
    await rise.getByText("Oma vuokra-asunto").waitFor();

    // the personal worker, in Swedish, takes the goals back on the case page
    await worker.getByLabel("Kieli").selectOption("sv");
    await worker.goto(`${app.url}/#/cases/${caseRef}`);
    const section = worker.getByRole("region", { name: "Klientens samtycke" });
    const goals = section.getByLabel("Mål: Från välfärdsområdet till Brottspåföljdsmyndigheten");
    expect(await goals.isChecked()).to.equal(true);
    await goals.uncheck();
    await worker.screenshot({ path: "/tmp/nivel-consent-case-sv.png", fullPage: true });
    await section.getByRole("button", { name: "Spara ny version" }).click();
    await worker.getByRole("status").filter({ hasText: "Samtycket har sparats." }).waitFor();
    await worker.getByRole("region", { name: "Klientens samtycke" }).getByText("Tidigare versioner").click();
    await worker.getByText(/version 2,.* · delvis återkallat · sw\.nieminen/).waitFor();
    const current = (await app.store.consents.current(caseRef))!;
    expect([current.version, current.change, current.grants.map((g) => `${g.item}>${g.to}`).sort()]).to.deep.equal([2, "withdrawn-partly", ["meetings>rise", "release-dates>county"]]);

    // and at once the goal is gone from RISE's page
    await rise.reload();
    await rise.getByRole("heading", { name: /Asia|Ärende/ }).first().waitFor();
    await rise.getByText("Suostumus tietojen vaihtoon").waitFor();
    expect(await rise.getByText("Oma vuokra-asunto").count()).to.equal(0);
    await rise.screenshot({ path: "/tmp/nivel-consent-rise-fi.png", fullPage: true });

    // someone of another county sees no consent section and may not change it
    const stranger = await signIn(app, "sw.koskinen");
    expect((await stranger.fetch(`/api/cases/${caseRef}/consent`)).status).to.equal(403);
  });
});
