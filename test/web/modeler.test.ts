import { expect } from "chai";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { unwrap } from "../../lib/engine/client.js";
import { deployResources } from "../../lib/engine/deploy.js";
import { bundleModeler } from "../../web/client/modeler/bundle.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { drawnReviewThenWork, newCaseRef, pageAs, startHarness, type Harness } from "./cockpit-harness.test.js";
import { launchBrowser } from "./support/browser.js";
import { until } from "../support/until.js";

const OWNER = "owner.laine";

const reviewForm = {
  id: "modeler-test-review",
  type: "default",
  schemaVersion: 18,
  components: [{ id: "notes", key: "notes", label: "Notes", type: "textfield" }],
};

describe("modeler", function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let harness: Harness;
  let browser: Browser;
  let fixtures: string;
  let formsDir: string;

  before(async () => {
    engine = await useEngine();
    fixtures = mkdtempSync(join(tmpdir(), "nivel-modeler-"));
    formsDir = join(fixtures, "forms");
    mkdirSync(formsDir);
    // the rules the repository's .bpmnlintrc names, given here so the test depends only on them
    const rcFile = join(fixtures, ".bpmnlintrc");
    writeFileSync(rcFile, JSON.stringify({ extends: ["bpmnlint:recommended", "plugin:camunda-compat/camunda-platform-7-24", "plugin:nivel/recommended"] }));
    await bundleModeler(rcFile);
    writeFileSync(join(formsDir, "modeler-test-review.form"), JSON.stringify(reviewForm, null, 2));
    harness = await startHarness(engine, formsDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  async function versions(key: string) {
    return unwrap(await engine.client.GET("/process-definition", { params: { query: { key, sortBy: "version", sortOrder: "asc" } } }));
  }

  /** a form resource of a deployment, as the engine keeps it */
  async function deployedForm(deploymentId: string, resourceId: string) {
    const data = unwrap(await engine.client.GET("/deployment/{id}/resources/{resourceId}/data", { params: { path: { id: deploymentId, resourceId } } }));
    return data as unknown as { components: { key: string; label: string }[] };
  }

  /** waits until the modeler marks the element with this issue, then opens it as the owner would */
  async function seeIssue(page: Page, elementId: string, message: string): Promise<void> {
    const overlay = page.locator(`.djs-overlays[data-container-id="${elementId}"] .bjsl-overlay`, { hasText: message });
    await overlay.waitFor({ state: "attached" });
    await overlay.locator(".bjsl-icon").click();
    await overlay.locator(".bjsl-dropdown-content", { hasText: message }).waitFor();
  }

  it("lets a process owner rename an element, see and fix a lint error, deploy version 2 and start it", async () => {
    const key = `modeler-rename-${Date.now()}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: drawnReviewThenWork(key, `${key}-work`) }], "nivel");
    const [v1] = await versions(key);

    const page = await pageAs(browser, harness, OWNER);
    await page.goto(`${harness.url}/modeler`);
    await page.locator(`select.open option[value="${v1!.id}"]`).waitFor({ state: "attached" });
    await page.selectOption("select.open", v1!.id!);
    await page.locator(`#app[data-opened="${v1!.id}"][data-lint-errors="0"]`).waitFor();
    expect(await page.inputValue("input.file-name")).to.equal(`${key}.bpmn`);

    await page.dblclick('.djs-element[data-element-id="review"]');
    await page.locator(".djs-direct-editing-parent").waitFor();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Assess service needs");
    await page.click(".canvas", { position: { x: 700, y: 500 } });
    await page.locator('.djs-element[data-element-id="review"]', { hasText: "Assess service needs" }).waitFor();

    // a broken change: without the flow into it, "Check register" would be an implicit start
    // a straight flow has a box of no height, which Playwright counts as invisible
    await page.click('.djs-element[data-element-id="f2"]', { force: true });
    await page.click('.djs-context-pad [data-action="delete"]');
    await page.locator('.djs-overlays[data-container-id="work"] .bjsl-overlay').waitFor();
    expect(Number(await page.getAttribute("#app", "data-lint-errors"))).to.be.greaterThan(0);
    await page.click('.djs-element[data-element-id="work"]');
    await page.click('.djs-overlays[data-container-id="work"] .bjsl-overlay .bjsl-icon');
    await page.locator(".bjsl-dropdown-content", { hasText: "implicit start" }).waitFor();
    await page.screenshot({ path: "docs/screenshots/modeler.png" });
    await page.click("button.deploy");
    await page.locator(".status.error", { hasText: "tarkistusvirheet" }).waitFor();
    expect((await versions(key)).map((d) => d.version)).to.deep.equal([1]);

    await page.click("button.undo");
    await page.locator('#app[data-lint-errors="0"]').waitFor();
    expect(await page.locator('.djs-overlays[data-container-id="work"] .bjsl-overlay').count()).to.equal(0);
    const downloading = page.waitForEvent("download");
    await page.click("button.download");
    const downloaded = await downloading;
    expect(downloaded.suggestedFilename()).to.equal(`${key}.bpmn`);
    const file = await downloaded.path();
    expect(readFileSync(file, "utf8")).to.contain('name="Assess service needs"');

    await page.click("button.deploy");
    await page.locator(".status", { hasText: `Käytössä nyt: Test pathway ${key}, versio 2.` }).waitFor();
    await page.context().close();

    const all = await versions(key);
    expect(all.map((d) => d.version)).to.deep.equal([1, 2]);
    const v2 = all[1]!;
    const xml = unwrap(await engine.client.GET("/process-definition/{id}/xml", { params: { path: { id: v2.id! } } }));
    expect(xml.bpmn20Xml).to.contain('name="Assess service needs"');
    const caseRef = newCaseRef();
    const started = unwrap(
      await engine.client.POST("/process-definition/key/{key}/start", {
        params: { path: { key } },
        body: { businessKey: caseRef, variables: { caseRef: { value: caseRef, type: "String" } } },
      }),
    );
    expect(started.definitionId).to.equal(v2.id);
    const [task] = unwrap(await engine.client.GET("/task", { params: { query: { processInstanceId: started.id! } } }));
    expect(task?.name).to.equal("Assess service needs");
    const deployed = (await harness.auditBy(OWNER)).filter((e) => e.action === "modeler.deploy" && JSON.stringify(e.detail).includes(key));
    expect(deployed.map((e) => e.detail.diagram)).to.deep.equal([`${key}.bpmn`]);
  });

  it("refuses its API to anyone but process owners", async () => {
    for (const user of ["ops.heikkinen", "sw.nieminen", "lead.makinen"]) {
      expect((await harness.as(user, "/modeler/api/definitions")).status).to.equal(403);
      const deploy = await harness.as(user, "/modeler/api/deploy", {
        method: "POST",
        body: JSON.stringify({ diagram: { name: "x.bpmn", xml: "<x/>" } }),
      });
      expect(deploy.status).to.equal(403);
    }
    expect((await harness.as(OWNER, "/modeler/api/definitions")).status).to.equal(200);
  });

  it("shows the engine's parse errors on the elements they concern, and deploys nothing", async () => {
    const key = `modeler-invalid-${Date.now()}`;
    const invalid = drawnReviewThenWork(key, "unused").replace(/ camunda:type="external" camunda:topic="unused"/, "");
    const answer = await harness.as(OWNER, "/modeler/api/deploy", {
      method: "POST",
      body: JSON.stringify({ diagram: { name: `${key}.bpmn`, xml: invalid } }),
    });
    expect(answer.status).to.equal(400);
    const body = (await answer.json()) as { type: string; code: string; details: Record<string, { errors: { message: string; elementIds: string[] }[] }> };
    expect([body.type, body.code]).to.deep.equal(["InvalidDiagram", "diagram-invalid"]);
    const errors = body.details[`${key}.bpmn`]!.errors;
    expect(errors.flatMap((e) => e.elementIds)).to.include("work");
    expect(await versions(key)).to.deep.equal([]);

    const page = await pageAs(browser, harness, OWNER);
    await page.goto(`${harness.url}/modeler/`);
    await page.setInputFiles("input.open-file", { name: `${key}.bpmn`, mimeType: "application/xml", buffer: Buffer.from(invalid) });
    await page.locator(`#app[data-opened="${key}.bpmn"][data-lint-errors="0"]`).waitFor();
    await page.click("button.deploy");
    await page.locator(".status.error", { hasText: "Moottori ei hyväksynyt käyttöönottoa" }).waitFor();
    expect(await page.locator('.engine-error[data-element="work"]').innerText()).to.contain("Moottori:");
    await page.context().close();
    expect(await versions(key)).to.deep.equal([]);
  });

  it("deploys the forms a diagram references together with it, and refuses a diagram naming a missing form", async () => {
    const key = `modeler-forms-${Date.now()}`;
    const withForm = (formId: string) =>
      drawnReviewThenWork(key, `${key}-work`).replace(
        'camunda:candidateGroups="county-intake"',
        `camunda:candidateGroups="county-intake" camunda:formRef="${formId}" camunda:formRefBinding="latest"`,
      );
    const missing = await harness.as(OWNER, "/modeler/api/deploy", {
      method: "POST",
      body: JSON.stringify({ diagram: { name: `${key}.bpmn`, xml: withForm("no-such-form") } }),
    });
    expect(missing.status).to.equal(400);
    expect(((await missing.json()) as { message: string }).message).to.contain("no-such-form");
    expect(await versions(key)).to.deep.equal([]);

    const edited = { ...reviewForm, components: [...reviewForm.components, { id: "extra", key: "extra", label: "Extra", type: "textfield" }] };
    const answer = await harness.as(OWNER, "/modeler/api/deploy", {
      method: "POST",
      body: JSON.stringify({
        diagram: { name: `${key}.bpmn`, xml: withForm(reviewForm.id) },
        forms: [{ name: "modeler-test-review.form", content: JSON.stringify(edited) }],
      }),
    });
    expect(answer.status).to.equal(201);
    const { deploymentId } = (await answer.json()) as { deploymentId: string };
    const resources = unwrap(await engine.client.GET("/deployment/{id}/resources", { params: { path: { id: deploymentId } } }));
    expect(resources.map((r) => r.name).sort()).to.deep.equal([`${key}.bpmn`, "modeler-test-review.form"]);
    const form = resources.find((r) => r.name === "modeler-test-review.form")!;
    expect((await deployedForm(deploymentId, form.id!)).components.map((c) => c.key)).to.deep.equal(["notes", "extra"]);
  });

  it("edits a form in the form editor and deploys it with the diagram that uses it", async () => {
    const key = `modeler-form-edit-${Date.now()}`;
    const diagram = drawnReviewThenWork(key, `${key}-work`).replace(
      'camunda:candidateGroups="county-intake"',
      `camunda:candidateGroups="county-intake" camunda:formRef="${reviewForm.id}" camunda:formRefBinding="latest"`,
    );
    const page = await pageAs(browser, harness, OWNER);
    await page.goto(`${harness.url}/modeler/`);
    await page.click("button.tab-forms");
    await page.click('button[data-form="modeler-test-review.form"]');
    await page.click('.fjs-editor-container .fjs-element[data-id="notes"]');
    await page.click('.bio-properties-panel-group-header:has-text("General")');
    await page.click("#bio-properties-panel-label");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Notes from the meeting");
    await page.locator('.fjs-editor-container .fjs-element[data-id="notes"]', { hasText: "Notes from the meeting" }).waitFor();

    const downloading = page.waitForEvent("download");
    await page.click("button.download-form");
    const downloaded = await downloading;
    expect(JSON.parse(readFileSync(await downloaded.path(), "utf8")).components[0].label).to.equal("Notes from the meeting");

    await page.click("button.tab-diagram");
    await page.setInputFiles("input.open-file", { name: `${key}.bpmn`, mimeType: "application/xml", buffer: Buffer.from(diagram) });
    await page.locator(`#app[data-opened="${key}.bpmn"][data-lint-errors="0"]`).waitFor();
    await page.click("button.deploy");
    await page.locator(".status", { hasText: `Käytössä nyt: Test pathway ${key}, versio 1.` }).waitFor();
    await page.context().close();

    const [definition] = await versions(key);
    const resources = unwrap(await engine.client.GET("/deployment/{id}/resources", { params: { path: { id: definition!.deploymentId! } } }));
    const form = resources.find((r) => r.name === "modeler-test-review.form");
    expect(form, "the form is deployed with the diagram").to.not.equal(undefined);
    expect((await deployedForm(definition!.deploymentId!, form!.id!)).components[0]!.label).to.equal("Notes from the meeting");
  });

  // docs/deployment-policy.md where a process owner meets it: marked on the element while editing,
  // in the engine's words, before the engine would refuse the same saved diagram on that element
  it("marks a service task the owner adds with a Java class, then with an expression calling getClass, on that task, and deploys it only once it is an external task again", async () => {
    const key = `modeler-policy-${Date.now()}`;
    const page = await pageAs(browser, harness, OWNER);
    await page.goto(`${harness.url}/modeler/`);
    await page.setInputFiles("input.open-file", { name: `${key}.bpmn`, mimeType: "application/xml", buffer: Buffer.from(drawnReviewThenWork(key, "notify")) });
    await page.locator(`#app[data-opened="${key}.bpmn"][data-lint-errors="0"]`).waitFor();

    // room after "Check register": the end moved right, then a new task dropped on the flow to it
    const end = (await page.locator('.djs-element[data-element-id="done"]').boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
    await page.mouse.down();
    await page.mouse.move(end.x + end.width / 2 + 200, end.y + end.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.click('.djs-palette [data-action="create.task"]');
    const flow = (await page.locator('.djs-element[data-element-id="f3"]').boundingBox())!;
    await page.mouse.move(flow.x + flow.width / 2, flow.y + flow.height / 2, { steps: 5 });
    await page.mouse.click(flow.x + flow.width / 2, flow.y + flow.height / 2);
    await page.locator(".djs-direct-editing-parent").waitFor();
    const id = (await page.locator(".djs-shape.selected").getAttribute("data-element-id"))!;
    await page.keyboard.type("Tarkista rekisteri");
    await page.keyboard.press("Enter");
    const task = page.locator(`.djs-element[data-element-id="${id}"]`);
    await task.click();
    await page.click('.djs-context-pad [data-action="replace"]');
    await page.click('.djs-popup [data-id="replace-with-service-task"]');
    await page.locator('#app[data-lint-errors="0"]').waitFor();

    // implemented by a Java class: marked on the task before any deployment is tried
    await page.click('.bio-properties-panel-group-header:has-text("Implementation")');
    await page.selectOption("#bio-properties-panel-implementationType", "class");
    await page.fill("#bio-properties-panel-javaClass", "org.example.Delegate");
    await seeIssue(page, id, 'the attribute class="org.example.Delegate" may not be deployed: it runs code on the server');
    await page.click("button.deploy");
    await page.locator(".status.error", { hasText: "tarkistusvirheet" }).waitFor();

    // by an expression that calls getClass: marked the same way
    await page.selectOption("#bio-properties-panel-implementationType", "expression");
    await page.fill("#bio-properties-panel-expression", "${''.getClass().getName()}");
    await seeIssue(page, id, "the expression ${''.getClass().getName()} is not allowed: nothing may be called or read on the literal ''");
    // the one error the deploy button counts before it sends anything
    expect(await page.getAttribute("#app", "data-lint-errors")).to.equal("1");
    expect(await versions(key)).to.deep.equal([]);

    // the engine refuses the diagram as the modeler saves it, on the same element, in the same words
    const downloading = page.waitForEvent("download");
    await page.click("button.download");
    const xml = readFileSync(await (await downloading).path(), "utf8");
    const refused = await harness.as(OWNER, "/modeler/api/deploy", { method: "POST", body: JSON.stringify({ diagram: { name: `${key}.bpmn`, xml } }) });
    expect(refused.status).to.equal(400);
    const body = (await refused.json()) as { details: Record<string, { errors: { mainElementId?: string; message: string }[] }> };
    expect(Object.values(body.details).flatMap((r) => r.errors).map((e) => [e.mainElementId, e.message])).to.deep.include([
      id,
      `Nivel deployment policy: the expression \${''.getClass().getName()} is not allowed: nothing may be called or read on the literal '' (element ${id})`,
    ]);

    // an external task again: nothing marked, and the owner deploys
    await page.selectOption("#bio-properties-panel-implementationType", "external");
    await page.fill("#bio-properties-panel-externalTopic", "notify");
    await page.locator('#app[data-lint-errors="0"]').waitFor();
    expect(await page.locator(`.djs-overlays[data-container-id="${id}"] .bjsl-overlay`).count()).to.equal(0);
    await page.click("button.deploy");
    await page.locator(".status", { hasText: `Käytössä nyt: Test pathway ${key}, versio 1.` }).waitFor();
    await page.context().close();
    expect((await versions(key)).map((d) => d.version)).to.deep.equal([1]);
  });

  // last: it leaves the owner's language English and signs their page out
  it("speaks Finnish, Swedish and English, names versions by pathway rather than key, and signs out to a worded page", async () => {
    const key = `modeler-words-${Date.now()}`;
    await deployResources(engine.connection, [{ name: `${key}.bpmn`, content: drawnReviewThenWork(key, `${key}-work`) }], "nivel");
    const releasePreparation = readFileSync(fileURLToPath(new URL("../../processes/release-preparation.bpmn", import.meta.url)), "utf8");
    await deployResources(engine.connection, [{ name: "release-preparation.bpmn", content: releasePreparation }], "nivel");
    const [v1] = await versions(key);
    const [pathway] = (await versions("release-preparation")).slice(-1);

    const page = await pageAs(browser, harness, OWNER);
    const optionText = (id: string) => page.locator(`select.open option[value="${id}"]`).textContent();
    await page.goto(`${harness.url}/modeler/`);
    await page.locator(`select.open option[value="${v1!.id}"]`).waitFor({ state: "attached" });
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal("fi");
    expect(await optionText(pathway!.id!)).to.equal(`Vapautumisen valmistelu, versio ${pathway!.version}`);
    expect(await page.locator("button.deploy").innerText()).to.equal("Ota uusi versio käyttöön");
    expect(await page.locator("button.tab-forms").innerText()).to.equal("Lomakkeet");
    expect(await page.locator("nav").innerText()).to.contain("Kirjaudu ulos").and.not.contain("release-preparation");
    await page.selectOption("select.open", v1!.id!);
    await page.locator(`#app[data-opened="${v1!.id}"][data-lint-errors="0"]`).waitFor();
    await page.locator(".status", { hasText: `Avattu: Test pathway ${key}, versio 1.` }).waitFor();
    await page.screenshot({ path: "/tmp/i18n-modeler-fi.png" });

    // switching the language words the controls and the status again, and keeps the diagram open
    await page.selectOption("#language", "sv");
    await page.locator("button.deploy", { hasText: "Ta i bruk en ny version" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal("sv");
    expect(await page.locator(".status").innerText()).to.equal(`Öppnad: Test pathway ${key}, version 1.`);
    expect(await optionText(pathway!.id!)).to.equal(`Förberedelse inför frigivningen, version ${pathway!.version}`);
    expect(await page.locator("button.tab-forms").innerText()).to.equal("Blanketter");
    expect(await page.getByRole("button", { name: "Logga ut" }).count()).to.equal(1);
    expect(await page.getAttribute("#app", "data-opened")).to.equal(v1!.id);
    await page.locator('.djs-element[data-element-id="review"]').waitFor();
    await page.screenshot({ path: "/tmp/i18n-modeler-sv.png" });

    await page.selectOption("#language", "en");
    await page.locator("button.deploy", { hasText: "Deploy new version" }).waitFor();
    expect(await optionText(pathway!.id!)).to.equal(`Release preparation, version ${pathway!.version}`);
    // kept on the server, as the tasklist keeps it: a reload stays English
    await until(async () => (await harness.store.preferences.languageOf(OWNER)) === "en");
    await page.reload();
    await page.locator("button.deploy", { hasText: "Deploy new version" }).waitFor();
    await page.locator(`select.open option[value="${v1!.id}"]`).waitFor({ state: "attached" });

    // refused (the owner's group taken away while the page was open): a page, not JSON
    await page.route("**/modeler/api/definitions", (route) =>
      route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ type: "AuthorizationException", code: "forbidden", message: "Only members of the group process-owner may do this." }) }),
    );
    await page.reload();
    await page.getByRole("heading", { name: "No access to the modeler" }).waitFor();
    expect(await page.locator("body").innerText()).to.not.contain("{").and.not.contain("AuthorizationException");
    await page.unroute("**/modeler/api/definitions");

    await page.reload();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "You are signed out" }).waitFor();
    expect(await page.locator("body").innerText()).to.not.contain("{");
    expect((await page.request.get(`${harness.url}/api/me`)).status()).to.equal(401);
    await page.selectOption("#language", "fi");
    await page.getByRole("heading", { name: "Olet kirjautunut ulos" }).waitFor();
    expect(await page.getByRole("link", { name: "Kirjaudu sisään" }).getAttribute("href")).to.equal("/");
    await page.context().close();
  });
});
