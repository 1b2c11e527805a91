import "camunda-bpmn-js/dist/assets/camunda-platform-modeler.css";
import "bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css";
import "@bpmn-io/form-js/dist/assets/form-js.css";
import "@bpmn-io/form-js/dist/assets/form-js-editor.css";
import "@bpmn-io/form-js/dist/assets/properties-panel.css";
import "./modeler.css";
import CamundaModelerModule from "camunda-bpmn-js/lib/camunda-platform/Modeler.js";
import lintModule from "bpmn-js-bpmnlint";
import lintConfig from "nivel:bpmnlint-config";
import { ApiError, api, setCsrfToken } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { download } from "./download.js";
import { clearEngineErrors, showEngineErrors, type ParseProblem } from "./engine-errors.js";
import { FormsPanel } from "./forms-panel.js";

// camunda-bpmn-js is ESM without "type": "module", so NodeNext types its default export as a CJS
// namespace; the bundler hands over the class itself.
const CamundaModeler = CamundaModelerModule as unknown as typeof CamundaModelerModule.default;

interface Definition { id: string; key: string; name: string; version: number; resource: string }
interface DeployAnswer { deploymentId: string; definitions: { id: string; key: string; version: number }[] }
interface LintIssue { category: string }

const status = h("p", { class: "status", role: "status" });
const say = (text: string, error = false) => {
  status.textContent = text;
  status.classList.toggle("error", error);
};
const picker = h("select", { class: "open", "aria-label": "Open a deployed version" });
const fromDisk = h("input", { type: "file", accept: ".bpmn,.xml", class: "open-file", "aria-label": "Open a BPMN file" });
const fileName = h("input", { class: "file-name", "aria-label": "File name", value: "diagram.bpmn" });
const canvas = h("div", { class: "canvas" });
const properties = h("div", { class: "properties" });
const formsHost = h("div", { class: "forms", hidden: true });
const app = document.getElementById("app")!;

const modeler = new CamundaModeler({
  container: canvas,
  propertiesPanel: { parent: properties },
  additionalModules: [lintModule],
  linting: { bpmnlint: lintConfig, active: true },
});
const forms = new FormsPanel(formsHost, say);

type Service = { get<T>(name: string): T };
const services = modeler as unknown as Service;
interface CommandStack { undo(): void; redo(): void }
interface EventBus { on(event: string, callback: (event: { issues: Record<string, LintIssue[]> }) => void): void }
let lintErrors = 0;
services.get<EventBus>("eventBus").on("linting.completed", ({ issues }) => {
  lintErrors = Object.values(issues).flat().filter((i) => i.category === "error").length;
  app.dataset.lintErrors = String(lintErrors);
});

async function loadDefinitions(selectId?: string): Promise<void> {
  const definitions = await api<Definition[]>("api/definitions");
  picker.replaceChildren(
    h("option", { value: "" }, "Open a deployed version…"),
    ...definitions.map((d) => h("option", { value: d.id, "data-resource": d.resource, selected: d.id === selectId }, `${d.name} (${d.key}) v${d.version}`)),
  );
}

async function open(definitionId: string): Promise<void> {
  const { xml } = await api<{ xml: string }>(`api/definitions/${encodeURIComponent(definitionId)}/xml`);
  await modeler.importXML(xml);
  clearEngineErrors(services.get("overlays"));
  const resource = picker.selectedOptions[0]?.dataset.resource ?? "diagram.bpmn";
  fileName.value = resource.split("/").pop()!;
  app.dataset.opened = definitionId;
  say(`Opened ${picker.selectedOptions[0]?.textContent ?? definitionId}.`);
}

async function openFile(file: File): Promise<void> {
  await modeler.importXML(await file.text());
  clearEngineErrors(services.get("overlays"));
  fileName.value = file.name;
  picker.value = "";
  app.dataset.opened = file.name;
  say(`Opened ${file.name} from your computer.`);
}

async function deploy(): Promise<void> {
  if (lintErrors > 0) {
    say(`Fix the ${lintErrors} lint error${lintErrors > 1 ? "s" : ""} marked on the diagram before deploying.`, true);
    return;
  }
  const { xml } = await modeler.saveXML({ format: true });
  try {
    const answer = await api<DeployAnswer>("api/deploy", { method: "POST", body: { diagram: { name: fileName.value, xml }, forms: forms.edited() } });
    clearEngineErrors(services.get("overlays"));
    const versions = answer.definitions.map((d) => `${d.key} v${d.version}`).join(", ");
    say(versions ? `Deployed ${versions}.` : "The diagram is unchanged, so it got no new version (changed forms, if any, were deployed).");
    await loadDefinitions(answer.definitions[0]?.id);
  } catch (e) {
    const body = e instanceof ApiError ? (e.body as { details?: Record<string, { errors: ParseProblem[] }> }) : undefined;
    const problems = Object.values(body?.details ?? {}).flatMap((d) => d.errors);
    showEngineErrors(services.get("overlays"), services.get("elementRegistry"), problems);
    say(`The engine refused the deployment: ${(e as Error).message}`, true);
  }
}

function showTab(tab: "diagram" | "forms"): void {
  workspace.hidden = tab !== "diagram";
  formsHost.hidden = tab !== "forms";
  if (tab === "forms") void forms.load();
}

const workspace = h("div", { class: "workspace" }, canvas, properties);
fromDisk.addEventListener("change", () => {
  const file = fromDisk.files?.[0];
  if (file) void openFile(file).catch((e: Error) => say(`${file.name} cannot be opened: ${e.message}`, true));
});
picker.addEventListener("change", () => picker.value && void open(picker.value).catch((e: Error) => say(e.message, true)));
app.append(
  h(
    "nav",
    {},
    h("strong", {}, "Nivel modeler"),
    h("button", { type: "button", onclick: () => showTab("diagram") }, "Diagram"),
    h("button", { type: "button", onclick: () => showTab("forms") }, "Forms"),
    picker,
    h("label", { class: "file-button" }, "Open file…", fromDisk),
    fileName,
    h("button", { type: "button", class: "undo", onclick: () => services.get<CommandStack>("commandStack").undo() }, "Undo"),
    h("button", { type: "button", class: "redo", onclick: () => services.get<CommandStack>("commandStack").redo() }, "Redo"),
    h("button", {
      type: "button",
      class: "download",
      onclick: async () => download(fileName.value, (await modeler.saveXML({ format: true })).xml ?? "", "application/xml"),
    }, "Download"),
    h("button", { type: "button", class: "deploy", onclick: () => void deploy() }, "Deploy new version"),
  ),
  status,
  workspace,
  formsHost,
);
// the session's CSRF token, which deploying must carry
api<{ csrfToken: string }>("/api/me")
  .then((me) => setCsrfToken(me.csrfToken))
  .then(() => loadDefinitions())
  .catch((e: Error) => say(e.message, true));
