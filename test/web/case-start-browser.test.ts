/*
 * Starting a case from the tasklist UI in headless Chromium, on the pathways as deployed from
 * processes/ and forms/.
 */
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { unwrap } from "../../lib/engine/client.js";
import { deployFiles, deployableFiles } from "../../lib/engine/deploy.js";
import { bundleTasklist } from "../../web/client/tasklist/bundle.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { launchBrowser, signedInPage } from "./support/browser.js";
import { ensureDemoUsers, openTaskOf, startApp, type RunningApp } from "./support/tasklist-app.js";

describe("starting a case in the tasklist in a browser", function () {
  this.timeout(120_000);
  let engine: TestEngine;
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    engine = await useEngine();
    await Promise.all([bundleTasklist(), ensureDemoUsers(engine), deployFiles(engine.connection, deployableFiles(["processes", "forms"]), "nivel-pathways")]);
    app = await startApp(engine);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const signedIn = (userId: string): Promise<Page> => signedInPage(browser, app.url, userId);

  const startedWith = async (clientName: string) =>
    unwrap(await engine.client.POST("/history/process-instance/count", { body: { variables: [{ name: "clientName", operator: "eq", value: clientName }] } })).count;

  it("lets a RISE officer start a release preparation, shows a field error from the server, lands on the new case and claims its first task", async () => {
    const clientName = `Ville Vapautuja ${randomBytes(3).toString("hex")}`;
    const page = await signedIn("rise.virtanen");
    await page.getByRole("link", { name: "Uusi asia" }).click();
    await page.getByRole("heading", { name: "Uusi asia" }).waitFor();
    const choices = page.getByRole("radio");
    expect(await choices.count(), "both pathways are the officer's to start").to.equal(2);
    await page.getByRole("radio", { name: /Vapautumisen valmistelu/ }).check();
    expect(await page.getByLabel("Ilmoittajataho").inputValue(), "RISE refers from prison by default").to.equal("rise-prison");

    // one letter: the server refuses it and the form says why, at the field
    await page.getByLabel("Asiakkaan nimi").fill(" V ");
    await page.getByRole("button", { name: "Aloita asia" }).click();
    await page.getByText("Anna asiakkaan nimi (2–200 merkkiä).").waitFor();
    expect(await page.getByLabel("Asiakkaan nimi").getAttribute("aria-invalid")).to.equal("true");
    await page.getByRole("alert").filter({ hasText: "Korjaa lomakkeen virheet" }).waitFor();
    expect(await startedWith("V")).to.equal(0);

    await page.getByLabel("Asiakkaan nimi").fill(clientName);
    // no home municipality yet: the server names the field
    await page.getByRole("button", { name: "Aloita asia" }).click();
    await page.getByText("Valitse asiakkaan kotikunta luettelosta.").waitFor();
    expect(await startedWith(clientName)).to.equal(0);
    await page.getByLabel("Asiakkaan kotikunta").selectOption({ label: "Porvoo" });
    expect(await page.getByLabel("Rikosseuraamuslaitoksen yksikkö").count(), "an officer's case is their own unit's").to.equal(0);
    await page.getByRole("button", { name: "Aloita asia" }).click();
    const started = page.getByRole("status").filter({ hasText: /^Asia NIV-\d{4}-\d{6} aloitettu\.$/ });
    await started.waitFor();
    const caseRef = /NIV-\d{4}-\d{6}/.exec((await started.textContent())!)![0];
    expect(new URL(page.url()).hash).to.equal(`#/cases/${caseRef}`);
    await page.getByRole("heading", { name: `Asia ${caseRef}` }).waitFor();
    await page.getByText(`Asiakas: ${clientName}`).waitFor();
    const row = page.getByRole("row").filter({ hasText: "Tunnista tarve ja ota yhteyttä hyvinvointialueeseen" });
    await row.getByText("Asian tiimi, Rikosseuraamuslaitos").waitFor();
    const team = page.getByRole("region", { name: "Asian tiimi" });
    await team.getByText("Itä-Uudenmaan hyvinvointialue").waitFor();
    await team.getByText("Vantaan vankila").waitFor();
    await team.getByText(/Riikka Virtanen – RISE:n vastuutyöntekijä/).waitFor();

    const instance = unwrap(await engine.client.GET("/process-instance", { params: { query: { businessKey: caseRef } } }))[0]!;
    const variables = unwrap(await engine.client.GET("/process-instance/{id}/variables", { params: { path: { id: instance.id! } } }));
    expect(variables.clientName).to.include({ value: clientName });
    expect(variables.referrerOrganisation).to.include({ value: "rise-prison" });

    // the starter is the case's RISE worker: the first task is already theirs
    expect(await row.getByRole("button", { name: /Ota käsittelyyn/ }).count()).to.equal(0);
    await row.getByRole("link", { name: "Tunnista tarve ja ota yhteyttä hyvinvointialueeseen" }).click();
    await page.getByRole("button", { name: "Palauta ryhmälle" }).waitFor();
    await page.getByRole("heading", { name: "Tunnista tarve ja ota yhteyttä hyvinvointialueeseen" }).waitFor();
    const task = await openTaskOf(engine, caseRef);
    expect(task).to.include({ taskDefinitionKey: "ota-yhteytta", assignee: "rise.virtanen" });
    expect(new URL(page.url()).hash).to.equal(`#/tasks/${task!.id}`);
  });

  it("offers county intake only the joint assessment, in Swedish too, and a social worker no new case at all", async () => {
    const intake = await signedIn("intake.korhonen");
    await intake.getByLabel("Kieli").selectOption("sv");
    await intake.getByRole("link", { name: "Nytt ärende" }).click();
    await intake.getByRole("heading", { name: "Nytt ärende" }).waitFor();
    const radios = intake.getByRole("radio");
    expect(await radios.count()).to.equal(1);
    expect(await radios.first().isChecked(), "the only choice is chosen").to.equal(true);
    await intake.getByRole("radio", { name: /Gemensam bedömning av servicebehovet/ }).waitFor();
    expect(await intake.getByLabel("Anmälande part").inputValue()).to.equal("county");
    // the county names the RISE unit it works with, by its Swedish name too
    await intake.getByLabel("Klientens hemkommun").selectOption({ label: "Borgå" });
    await intake.getByLabel("Brottspåföljdsmyndighetens enhet").selectOption({ label: "Vanda fängelse" });
    await intake.getByLabel("Språk").selectOption("fi");

    const socialWorker = await signedIn("sw.nieminen");
    await socialWorker.getByRole("heading", { name: "Omat tehtäväni" }).waitFor();
    expect(await socialWorker.getByRole("link", { name: "Uusi asia" }).count()).to.equal(0);
    await socialWorker.goto(`${app.url}/#/new-case`);
    await socialWorker.getByRole("alert").filter({ hasText: "Sinulla ei ole oikeutta aloittaa tätä asiaa." }).waitFor();
  });
});
