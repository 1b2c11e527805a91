import { expect } from "chai";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { unwrap } from "../../lib/engine/client.js";
import { bundleModeler } from "../../web/client/modeler/bundle.js";
import { useEngine, type TestEngine } from "../support/engine.js";
import { drawnReviewThenWork, pageAs, startHarness, type Harness } from "./cockpit-harness.test.js";
import { launchBrowser } from "./support/browser.js";

const OWNER = "owner.laine";
const TASK_NAME = "Tarkista rekisteri";

/**
 * docs/deployment-policy.md where a process owner meets it: the modeler, bundled with the
 * repository's own .bpmnlintrc, marks a construct the engine would refuse on its element while
 * the owner edits, refuses to deploy it, and the engine refuses the same saved diagram on the
 * same element.
 */
describe("modeler: the deployment policy while editing", function () {
  this.timeout(180_000);
  let engine: TestEngine;
  let harness: Harness;
  let browser: Browser;
  let fixtures: string;

  before(async () => {
    engine = await useEngine();
    fixtures = mkdtempSync(join(tmpdir(), "nivel-modeler-policy-"));
    mkdirSync(join(fixtures, "forms"));
    await bundleModeler();
    harness = await startHarness(engine, join(fixtures, "forms"));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  async function versions(key: string) {
    return unwrap(await engine.client.GET("/process-definition", { params: { query: { key } } }));
  }

  /** waits until the modeler marks the element with this issue, then opens it as the owner would */
  async function seeIssue(page: Page, elementId: string, message: string): Promise<void> {
    const overlay = page.locator(`.djs-overlays[data-container-id="${elementId}"] .bjsl-overlay`, { hasText: message });
    await overlay.waitFor({ state: "attached" });
    await overlay.locator(".bjsl-icon").click();
    await overlay.locator(".bjsl-dropdown-content", { hasText: message }).waitFor();
  }

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
    await page.keyboard.type(TASK_NAME);
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
    await page.locator(".status.error", { hasText: "lint error" }).waitFor();

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
    await page.locator(".status", { hasText: `Deployed ${key} v1.` }).waitFor();
    await page.context().close();
    expect((await versions(key)).map((d) => d.version)).to.deep.equal([1]);
  });
});
