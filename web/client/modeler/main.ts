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
import { adoptServerLanguage, chooseLanguage, languageSelect, pathwayName, storedLanguage, type Language } from "../shared/language.js";
import { download } from "./download.js";
import { clearEngineErrors, showEngineErrors, type ParseProblem } from "./engine-errors.js";
import { FormsPanel } from "./forms-panel.js";
import { LANGUAGES, type Strings } from "./strings.js";

// camunda-bpmn-js is ESM without "type": "module", so NodeNext types its default export as a CJS
// namespace; the bundler hands over the class itself.
const CamundaModeler = CamundaModelerModule as unknown as typeof CamundaModelerModule.default;

interface Definition { id: string; key: string; name: string; version: number; resource: string }
interface DeployAnswer { deploymentId: string; definitions: { id: string; key: string; version: number }[] }
interface LintIssue { category: string }
interface Me { id: string; name: string; groups: string[]; csrfToken: string; language: string | null }

let language: Language = storedLanguage();
const t = (): Strings => LANGUAGES[language];
/** a message in whichever language is chosen, so that switching words it again */
type Message = (t: Strings) => string;
let me: Me | null = null;
let signedOut = false;

const status = h("p", { class: "status", role: "status" });
let shownMessage: { message: Message; error: boolean } | null = null;
const say = (message: Message, error = false) => {
  shownMessage = { message, error };
  status.textContent = message(t());
  status.classList.toggle("error", error);
};
const picker = h("select", { class: "open" });
const fromDisk = h("input", { type: "file", accept: ".bpmn,.xml", class: "open-file" });
const fileName = h("input", { class: "file-name", value: "diagram.bpmn" });
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
const forms = new FormsPanel(formsHost, say, t, (e) => refused(e));

type Service = { get<T>(name: string): T };
const services = modeler as unknown as Service;
interface CommandStack { undo(): void; redo(): void }
interface EventBus { on(event: string, callback: (event: { issues: Record<string, LintIssue[]> }) => void): void }
let lintErrors = 0;
services.get<EventBus>("eventBus").on("linting.completed", ({ issues }) => {
  lintErrors = Object.values(issues).flat().filter((i) => i.category === "error").length;
  app.dataset.lintErrors = String(lintErrors);
});

type Refusal = "signed-out" | "session-ended" | "not-owner";

function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401) return signedOut ? "signed-out" : "session-ended";
  if (error.status === 403 && error.type === "AuthorizationException") return "not-owner";
  return null;
}

/** true when the error was a sign-in or rights refusal, which the page now says in place of the modeler */
function refused(error: unknown): boolean {
  const refusal = refusalOf(error);
  if (refusal) showRefusal(refusal);
  return refusal !== null;
}

function showRefusal(refusal: Refusal): void {
  me = null;
  document.documentElement.lang = language;
  const words = t();
  const [title, text] =
    refusal === "not-owner"
      ? [words.notOwnerTitle, words.notOwnerText]
      : refusal === "signed-out"
        ? [words.signedOutTitle, words.signedOutText]
        : [words.sessionEndedTitle, words.sessionEndedText];
  app.replaceChildren(
    h(
      "nav",
      {},
      h("strong", {}, words.appName),
      languageSelect(language, words.language, (chosen) => {
        language = chosen;
        void chooseLanguage(chosen, false).then(() => showRefusal(refusal));
      }),
    ),
    h(
      "main",
      { id: "main", class: "refusal", "data-refusal": refusal },
      h("h1", {}, title),
      h("p", {}, text),
      h("p", {}, h("a", { href: "/" }, refusal === "not-owner" ? words.toTasklist : words.signInLink)),
    ),
  );
}

let definitions: Definition[] = [];

function definitionLabel(d: Definition): string {
  return `${pathwayName(language, d.key, d.name)}, ${t().version(d.version)}`;
}

function fillPicker(selectId = picker.value): void {
  picker.replaceChildren(
    h("option", { value: "" }, t().openDeployed),
    ...definitions.map((d) => h("option", { value: d.id, "data-key": d.key, "data-resource": d.resource, selected: d.id === selectId }, definitionLabel(d))),
  );
}

async function loadDefinitions(selectId?: string): Promise<void> {
  definitions = await api<Definition[]>("api/definitions");
  fillPicker(selectId);
}

async function open(definitionId: string): Promise<void> {
  const { xml } = await api<{ xml: string }>(`api/definitions/${encodeURIComponent(definitionId)}/xml`);
  await modeler.importXML(xml);
  clearEngineErrors(services.get("overlays"));
  const resource = picker.selectedOptions[0]?.dataset.resource ?? "diagram.bpmn";
  fileName.value = resource.split("/").pop()!;
  app.dataset.opened = definitionId;
  const definition = definitions.find((d) => d.id === definitionId);
  say((words) => words.opened(definition ? definitionLabel(definition) : definitionId));
}

async function openFile(file: File): Promise<void> {
  await modeler.importXML(await file.text());
  clearEngineErrors(services.get("overlays"));
  fileName.value = file.name;
  picker.value = "";
  app.dataset.opened = file.name;
  say((words) => words.openedFile(file.name));
}

async function deploy(): Promise<void> {
  if (lintErrors > 0) {
    const count = lintErrors;
    say((words) => words.fixLint(count), true);
    return;
  }
  const { xml } = await modeler.saveXML({ format: true });
  try {
    const answer = await api<DeployAnswer>("api/deploy", { method: "POST", body: { diagram: { name: fileName.value, xml }, forms: forms.edited() } });
    clearEngineErrors(services.get("overlays"));
    await loadDefinitions(answer.definitions[0]?.id);
    const deployed = answer.definitions.map((d) => definitions.find((known) => known.id === d.id) ?? { ...d, name: d.key, resource: "" });
    app.dataset.deployed = answer.definitions.map((d) => `${d.key}:${d.version}`).join(" ");
    say((words) => (deployed.length ? words.deployed(deployed.map(definitionLabel).join("; ")) : words.unchanged));
  } catch (e) {
    if (refused(e)) return;
    const body = e instanceof ApiError ? (e.body as { details?: Record<string, { errors: ParseProblem[] }> }) : undefined;
    const problems = Object.values(body?.details ?? {}).flatMap((d) => d.errors);
    showEngineErrors(services.get("overlays"), services.get("elementRegistry"), problems, t().enginePrefix);
    const why = (e as Error).message;
    say((words) => words.refused(why), true);
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
  if (file) void openFile(file).catch((e: Error) => say((words) => words.cannotOpen(file.name, e.message), true));
});
picker.addEventListener(
  "change",
  () =>
    picker.value &&
    void open(picker.value).catch((e: Error) => {
      if (!refused(e)) say((words) => `${words.error}: ${e.message}`, true);
    }),
);

/** The controls worded in the chosen language; the diagram and its edits stay as they are. */
const worded: [HTMLElement, (words: Strings) => string][] = [];
function wordedButton(className: string, text: (words: Strings) => string, onclick: () => void): HTMLButtonElement {
  const button = h("button", { type: "button", class: className, onclick });
  worded.push([button, text]);
  return button;
}
const fileButtonText = h("span", {});
worded.push([fileButtonText, (words) => words.openFile]);
const title = h("strong", {});
worded.push([title, (words) => words.appName]);
const userName = h("span", { class: "me" });
const languageHost = h("span", {});

function applyLanguage(): void {
  const words = t();
  document.documentElement.lang = language;
  for (const [element, text] of worded) element.textContent = text(words);
  picker.setAttribute("aria-label", words.openDeployedLabel);
  fromDisk.setAttribute("aria-label", words.openFileLabel);
  fileName.setAttribute("aria-label", words.fileName);
  languageHost.replaceChildren(
    languageSelect(language, words.language, (chosen) => {
      language = chosen;
      applyLanguage();
      void chooseLanguage(chosen, me !== null);
    }),
  );
  fillPicker();
  forms.applyLanguage();
  if (shownMessage) say(shownMessage.message, shownMessage.error);
}

app.append(
  h(
    "nav",
    {},
    title,
    wordedButton("tab-diagram", (words) => words.diagramTab, () => showTab("diagram")),
    wordedButton("tab-forms", (words) => words.formsTab, () => showTab("forms")),
    picker,
    h("label", { class: "file-button" }, fileButtonText, fromDisk),
    fileName,
    wordedButton("undo", (words) => words.undo, () => services.get<CommandStack>("commandStack").undo()),
    wordedButton("redo", (words) => words.redo, () => services.get<CommandStack>("commandStack").redo()),
    wordedButton("download", (words) => words.download, async () => download(fileName.value, (await modeler.saveXML({ format: true })).xml ?? "", "application/xml")),
    wordedButton("deploy", (words) => words.deploy, () => void deploy()),
    h(
      "span",
      { class: "top-right" },
      languageHost,
      userName,
      wordedButton("sign-out", (words) => words.signOut, async () => {
        await api("/api/logout", { method: "POST" }).catch(() => undefined);
        signedOut = true;
        showRefusal("signed-out");
      }),
    ),
  ),
  status,
  h("main", { id: "main", class: "modeler-main" }, workspace, formsHost),
);
applyLanguage();

// who is signed in, their language, and the session's CSRF token, which deploying must carry
api<Me>("/api/me")
  .then((user) => {
    me = user;
    setCsrfToken(user.csrfToken);
    userName.textContent = user.name;
    const saved = adoptServerLanguage(user.language);
    if (saved && saved !== language) {
      language = saved;
      applyLanguage();
    }
    if (!user.groups.includes("process-owner")) return showRefusal("not-owner");
    return loadDefinitions();
  })
  .catch((e: Error) => {
    if (!refused(e)) say((words) => `${words.error}: ${e.message}`, true);
  });
