/**
 * Renders every diagram in processes/ to docs/diagrams/<name>.png with bpmn-js's own viewer in
 * headless Chromium, so the pictures in the docs are exactly what the modeler shows.
 */
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const viewer = readFileSync(require.resolve("bpmn-js/dist/bpmn-viewer.production.min.js"), "utf8");
const css = ["diagram-js.css", "bpmn-js.css", "bpmn-font/css/bpmn-embedded.css"]
  .map((f) => readFileSync(require.resolve(`bpmn-js/dist/assets/${f}`), "utf8"))
  .join("\n");

const outDir = "docs/diagrams";
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const file of readdirSync("processes").filter((f) => f.endsWith(".bpmn"))) {
    const xml = readFileSync(join("processes", file), "utf8");
    const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1.5 });
    await page.setContent(`<html><head><style>${css} html,body{margin:0;background:#fff}</style></head><body><div id="c"></div></body></html>`);
    await page.addScriptTag({ content: viewer });
    const size = await page.evaluate(async (diagram) => {
      const BpmnJS = (window as unknown as { BpmnJS: new (o: object) => { importXML(x: string): Promise<unknown>; get(n: string): { viewbox(): { inner: { width: number; height: number } }; zoom(z: string | number, c?: string): void } } }).BpmnJS;
      const container = document.getElementById("c")!;
      const bpmn = new BpmnJS({ container });
      await bpmn.importXML(diagram);
      const inner = bpmn.get("canvas").viewbox().inner;
      const size = { width: Math.ceil(inner.width) + 80, height: Math.ceil(inner.height) + 80 };
      container.style.width = `${size.width}px`;
      container.style.height = `${size.height}px`;
      (bpmn.get("canvas") as unknown as { resized(): void }).resized();
      bpmn.get("canvas").zoom(1, "auto");
      bpmn.get("canvas").zoom("fit-viewport", "auto");
      return size;
    }, xml);
    await page.setViewportSize(size);
    const out = join(outDir, `${basename(file, ".bpmn")}.png`);
    await page.locator("#c").screenshot({ path: out });
    await page.close();
    console.log(`${out} ${size.width}x${size.height}`);
  }
} finally {
  await browser.close();
}
