/*
 * Issue #11's browser test: a county team lead hands a case over from one social worker to
 * another on the case page; the new worker (in Swedish) takes its task; the old one gets 403.
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

describe("handing a case over in the tasklist in a browser", function () {
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

  it("lets the county's team lead hand the case to another social worker, who works its task, while the old worker is refused", async () => {
    // referred by RISE, registered by intake with Sanna Nieminen as the personal worker
    const officer = await signIn(app, "rise.virtanen");
    const started = await officer.fetch("/api/cases", {
      method: "POST",
      json: { pathway: "joint-assessment", clientName: "Siirto Asiakas", referrerOrganisation: "rise-prison", municipality: "638" },
    });
    const { caseRef } = (await started.json()) as { caseRef: string };
    const intake = await signIn(app, "intake.korhonen");
    const [register] = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef } } }));
    await intake.fetch(`/api/tasks/${register!.id}/claim`, { method: "POST" });
    const today = new Date().toISOString().slice(0, 10);
    expect((await intake.fetch(`/api/tasks/${register!.id}/complete`, { method: "POST", json: { data: { contactDate: today, personalWorkerId: "sw.nieminen" } } })).status).to.equal(204);
    const consent = await until(async () => unwrap(await engine.client.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, taskDefinitionKey: "kirjaa-suostumus" } } }))[0]);

    // the personal worker reads the case before it is handed over
    const old = await signIn(app, "sw.nieminen");
    expect((await old.fetch(`/api/cases/${caseRef}`)).status).to.equal(200);

    const lead = await signedIn("lead.makinen");
    await lead.goto(`${app.url}/#/cases/${caseRef}`);
    const team = lead.getByRole("region", { name: "Asian tiimi" });
    await team.getByText(/Sanna Nieminen – Omatyöntekijä, Hyvinvointialue/).waitFor();
    await team.getByLabel("Luovuttava työntekijä").selectOption({ label: "Sanna Nieminen" });
    await team.getByLabel("Uusi työntekijä").selectOption({ label: "Heikki Hämäläinen" });
    await lead.screenshot({ path: "/tmp/nivel-handover-fi.png", fullPage: true });
    await team.getByRole("button", { name: "Siirrä asia toiselle työntekijälle" }).click();
    await lead.getByRole("status").filter({ hasText: "Asia siirretty uudelle työntekijälle." }).waitFor();
    await lead.getByRole("region", { name: "Asian tiimi" }).getByText(/Heikki Hämäläinen – Omatyöntekijä/).waitFor();
    const members = await lead.getByRole("region", { name: "Asian tiimi" }).getByRole("listitem").allTextContents();
    expect(members.filter((m) => m.includes("Sanna Nieminen")), `the old worker has left the team: ${members.join("; ")}`).to.deep.equal([]);

    // the new worker, in Swedish, finds the task among their group's and takes it
    const worker = await signedIn("sw.hamalainen");
    await worker.getByLabel("Kieli").selectOption("sv");
    await worker.goto(`${app.url}/#/cases/${caseRef}`);
    const row = worker.getByRole("row").filter({ hasText: "Kirjaa asiakkaan suostumus tietojen luovutukseen" });
    await row.getByText("Ärendets team, välfärdsområdet").waitFor();
    await worker.getByRole("region", { name: "Ärendets team" }).getByText(/Heikki Hämäläinen – Egen kontaktperson, Välfärdsområdet/).waitFor();
    await worker.screenshot({ path: "/tmp/nivel-handover-sv.png", fullPage: true });
    await row.getByRole("button", { name: /Ta/ }).click();
    await worker.getByRole("heading", { name: "Kirjaa asiakkaan suostumus tietojen luovutukseen" }).waitFor();
    expect(unwrap(await engine.client.GET("/task/{id}", { params: { path: { id: consent!.id! } } })).assignee).to.equal("sw.hamalainen");

    // the old worker: refused the case and the task, and their page says so
    expect((await old.fetch(`/api/cases/${caseRef}`)).status).to.equal(403);
    expect((await old.fetch(`/api/tasks/${consent!.id}`)).status).to.equal(403);
    const oldPage = await signedIn("sw.nieminen");
    await oldPage.goto(`${app.url}/#/cases/${caseRef}`);
    await oldPage.getByRole("alert").waitFor();

    // the access report lists both workers' reads and the handover, with their organisation and basis
    await lead.reload();
    const report = lead.getByRole("region", { name: "Asian tiimi" });
    await report.getByRole("button", { name: "Näytä käyttöloki" }).click();
    const table = report.getByRole("table", { name: "Asiakkaan tietojen käyttöloki" });
    await table.getByRole("row").filter({ hasText: "Sanna Nieminen" }).filter({ hasText: "Luki asian" }).filter({ hasText: "Asiakassuhde (asian tiimi)" }).waitFor();
    await table.getByRole("row").filter({ hasText: "Heikki Hämäläinen" }).filter({ hasText: "Luki asian" }).first().waitFor();
    await table.getByRole("row").filter({ hasText: "Leena Mäkinen" }).filter({ hasText: "Asia siirrettiin työntekijälle" }).waitFor();
    expect(await table.getByRole("row").filter({ hasText: "Itä-Uudenmaan hyvinvointialue" }).count()).to.be.greaterThan(2);
    await lead.screenshot({ path: "/tmp/nivel-access-report-fi.png", fullPage: true });
    const leadApi = await signIn(app, "lead.makinen");
    const csv = await leadApi.fetch(`/api/cases/${caseRef}/access-report?format=csv`);
    expect(csv.headers.get("content-type")).to.match(/^text\/csv/);
    const text = await csv.text();
    expect(text).to.contain("sw.nieminen").and.contain("sw.hamalainen").and.not.contain("Siirto Asiakas");
    expect((await old.fetch(`/api/cases/${caseRef}/access-report`)).status, "not a team lead").to.equal(403);
    expect((await (await signIn(app, "lead.heino")).fetch(`/api/cases/${caseRef}/access-report`)).status, "another county's lead").to.equal(403);
    const trail = await app.store.audit.query({ caseRef, limit: 1000 });
    expect(trail.filter((e) => e.action === "case.access-report").map((e) => e.actor)).to.deep.equal(["lead.makinen", "lead.makinen"]);
  });
});
