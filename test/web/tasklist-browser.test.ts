import { expect } from "chai";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_DEMO_PASSWORD } from "../../lib/engine/demo-users.js";
import { unwrap } from "../../lib/engine/client.js";
import { bundleTasklist } from "../../web/client/tasklist/bundle.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { until } from "../support/until.js";
import { launchBrowser, signedInPage } from "./support/browser.js";
import { deployIntakePathway, ensureDemoUsers, newCaseRef, openTaskOf, startApp, startCase, type RunningApp } from "./support/tasklist-app.js";

const KEY = "tasklist_browser_test";

describe("tasklist in a browser", () => {
  let engine: TestEngine;
  let app: RunningApp;
  let browser: Browser;

  before(async () => {
    engine = await useEngine();
    await Promise.all([bundleTasklist(), ensureDemoUsers(engine), deployIntakePathway(engine, KEY)]);
    app = await startApp(engine);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const signedIn = (userId: string): Promise<Page> => signedInPage(browser, app.url, userId);

  it("lets a caseworker claim a task, shows a form error, and completes the fixed form so the case moves on", async () => {
    const caseRef = newCaseRef();
    await startCase(engine, KEY, caseRef);
    const task = (await openTaskOf(engine, caseRef))!;
    await app.store.plans.save(caseRef, "county", { releaseDate: null, goals: [{ area: "housing", text: "Asunto ennen vapautumista" }] }, "sw.nieminen", new Date());
    await app.store.network.add({ caseRef, name: "Vertaistukihenkilö", role: "vertaistuki", organisation: "Kriminaalihuollon tukisäätiö", language: "fi", kind: "peer" }, "intake.korhonen", new Date());
    await app.store.inbox.add({ userId: "intake.korhonen", caseRef, template: "referral-received", title: "Uusi ilmoitus", body: `Asia ${caseRef} odottaa kartoitusta.`, link: `/#/tasks/${task.id}`, createdAt: new Date() });

    const page = await signedIn("intake.korhonen");
    await page.getByRole("button", { name: "Ryhmieni tehtävät" }).click();
    const row = page.getByRole("row").filter({ hasText: caseRef });
    await row.getByRole("link", { name: "Kartoita tilanne" }).click();
    await page.getByRole("button", { name: "Ota käsittelyyn" }).click();
    await page.getByRole("button", { name: "Palauta ryhmälle" }).waitFor();

    await page.getByLabel("Tilanteen kuvaus").fill("Asunto ja toimeentulo selvitettävä");
    await page.getByLabel("Sovittuja tapaamisia").fill("2");
    await page.getByRole("heading", { name: `Asia ${caseRef}` }).waitFor();
    await page.getByText("Arvioinnin valmistuminen").waitFor();
    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/tasklist.png", fullPage: true });

    await page.getByLabel("Sovittuja tapaamisia").fill("99");
    await page.getByRole("button", { name: "Valmis" }).click();
    await page.getByRole("alert").filter({ hasText: "Korjaa lomakkeen virheet" }).waitFor();
    expect(await page.getByText("Field must have maximum value of 10").count()).to.be.greaterThan(0);
    expect(unwrap(await engine.client.GET("/task/{id}", { params: { path: { id: task.id! } } })).assignee).to.equal("intake.korhonen");

    await page.getByLabel("Sovittuja tapaamisia").fill("2");

    // a double click sends one request: no "updated by another transaction" for the second
    const completions: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/complete")) completions.push(r.url());
    });
    await page.getByRole("button", { name: "Valmis" }).dblclick();
    await page.getByRole("status").filter({ hasText: "Tehtävä valmis" }).waitFor();
    expect(completions, "one completion for a double click").to.have.length(1);
    const next = await until(async () => {
      const open = await openTaskOf(engine, caseRef);
      return open?.taskDefinitionKey === "meet" ? open : undefined;
    });
    expect(next.name).to.equal("Sovi tapaaminen");
    const history = unwrap(await engine.client.GET("/history/task", { params: { query: { taskId: task.id! } } }));
    expect(history[0]!.assignee).to.equal("intake.korhonen");
    expect(history[0]!.endTime).to.be.a("string");
  });

  it("switches the whole tasklist to Swedish or English and remembers the choice", async () => {
    const page = await signedIn("rise.virtanen");
    await page.getByLabel("Kieli").selectOption("sv");
    await page.getByRole("heading", { name: "Mina uppgifter" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).to.equal("sv");
    await page.reload();
    await page.getByRole("heading", { name: "Mina uppgifter" }).waitFor();
    await page.getByLabel("Språk").selectOption("en");
    await page.getByRole("heading", { name: "My tasks" }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();

    // on another device the choice follows the user, as it does their notices
    const elsewhere = await (await browser.newContext()).newPage();
    await elsewhere.goto(app.url);
    await elsewhere.getByLabel("Käyttäjätunnus").fill("rise.virtanen");
    await elsewhere.getByLabel("Salasana").fill(DEFAULT_DEMO_PASSWORD);
    await elsewhere.getByRole("button", { name: "Kirjaudu sisään" }).click();
    await elsewhere.getByRole("heading", { name: "My tasks" }).waitFor();
    expect(await app.store.preferences.languageOf("rise.virtanen")).to.equal("en");
    await elsewhere.getByLabel("Language").selectOption("fi");
    await elsewhere.getByRole("heading", { name: "Omat tehtäväni" }).waitFor();
    await elsewhere.context().close();
  });

  it("keeps another group's caseworker out of the task and the case by the UI, the URL and the API", async () => {
    const caseRef = newCaseRef();
    await startCase(engine, KEY, caseRef);
    const task = (await openTaskOf(engine, caseRef))!;

    const page = await signedIn("sw.nieminen");
    await page.getByRole("button", { name: "Ryhmieni tehtävät" }).click();
    await page.getByRole("heading", { name: "Ryhmieni tehtävät" }).waitFor();
    expect(await page.getByText(caseRef).count()).to.equal(0);

    await page.goto(`${app.url}/#/tasks/${task.id}`);
    await page.getByRole("alert").filter({ hasText: "Sinulla ei ole pääsyä" }).waitFor();
    expect(await page.getByText("Tilanteen kuvaus").count()).to.equal(0);
    expect(await page.getByText(caseRef).count()).to.equal(0);

    const statuses = await page.evaluate(
      async ([taskId, ref]) => [(await fetch(`/api/tasks/${taskId}`)).status, (await fetch(`/api/cases/${ref}`)).status],
      [task.id!, caseRef] as const,
    );
    expect(statuses).to.deep.equal([403, 403]);
  });
});
