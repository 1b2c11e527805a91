import "@bpmn-io/form-js-viewer/dist/assets/form-js.css";
import "./tasklist.css";
import { ApiError, api, setCsrfToken } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { casePage } from "./case-page.js";
import { caseSection } from "./case-panel.js";
import { inboxSection } from "./inbox.js";
import { newCaseSection } from "./new-case.js";
import { transfersSection } from "./transfers.js";
import { LANGUAGES, LANGUAGE_NAMES, type Language, type Strings } from "./strings.js";
import { taskListSection } from "./task-list.js";
import { taskFormSection } from "./task-form.js";
import type { Me } from "./types.js";

const root = document.getElementById("app")!;
let language: Language = (localStorage.getItem("nivel-language") as Language | null) ?? "fi";
if (!(language in LANGUAGES)) language = "fi";
const t = (): Strings => LANGUAGES[language];
/** the language saved on the server is taken once per page load, at sign-in; after that the select rules */
let languageSynced = false;
/** the case just started, greeted once on its page */
let justStarted: string | null = null;
/** a status line for the case page after a change made on it (a handover, a transfer) */
let caseNotice: string | null = null;

/** A readable message for any failure; the server's own message when it sent one. */
export function errorBox(error: unknown): HTMLElement {
  const text =
    error instanceof ApiError ? (error.status === 403 && error.type === "AuthorizationException" ? t().notAllowed : error.message) : String(error);
  return h("p", { class: "error", role: "alert" }, `${t().error}: ${text}`);
}

function header(me: Me): HTMLElement {
  const select = h(
    "select",
    {
      id: "language",
      onchange: async (e) => {
        language = (e.target as HTMLSelectElement).value as Language;
        localStorage.setItem("nivel-language", language);
        // saved for the notices too; should that fail, this device still keeps the choice
        await api("/api/me/language", { method: "PUT", body: { language } }).catch(() => undefined);
        await render();
      },
    },
    ...Object.entries(LANGUAGE_NAMES).map(([code, name]) => h("option", { value: code, selected: code === language }, name)),
  );
  return h(
    "header",
    { class: "top" },
    h("a", { href: "#/", class: "brand" }, t().appName),
    h(
      "div",
      { class: "top-right" },
      h("label", { for: "language" }, t().language),
      select,
      h("span", { class: "me" }, me.name),
      h("button", {
        type: "button",
        onclick: async () => {
          await api("/api/logout", { method: "POST" });
          location.hash = "#/";
          await render();
        },
      }, t().signOut),
    ),
  );
}

function loginView(): HTMLElement {
  const status = h("div", { "aria-live": "assertive" });
  const form = h(
    "form",
    {
      class: "login",
      onsubmit: async (e) => {
        e.preventDefault();
        const data = new FormData(form);
        try {
          const me = await api<Me>("/api/login", { method: "POST", body: { username: data.get("username"), password: data.get("password") } });
          setCsrfToken(me.csrfToken);
          await render();
        } catch (error) {
          status.replaceChildren(h("p", { class: "error", role: "alert" }, `${t().signInFailed}: ${error instanceof Error ? error.message : String(error)}`));
        }
      },
    },
    h("h1", {}, t().appName),
    h("label", { for: "username" }, t().username),
    h("input", { id: "username", name: "username", autocomplete: "username", required: true }),
    h("label", { for: "password" }, t().password),
    h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true }),
    h("button", { type: "submit" }, t().signIn),
    status,
  );
  return h("main", { id: "main" }, form);
}

async function render(): Promise<void> {
  document.documentElement.lang = language;
  let me: Me;
  try {
    me = await api<Me>("/api/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      root.replaceChildren(loginView());
      document.getElementById("username")?.focus();
      return;
    }
    root.replaceChildren(errorBox(error));
    return;
  }
  setCsrfToken(me.csrfToken);
  if (!languageSynced) {
    languageSynced = true;
    if (me.language && me.language in LANGUAGES && me.language !== language) {
      language = me.language as Language;
      localStorage.setItem("nivel-language", language);
      document.documentElement.lang = language;
    }
  }
  const main = h("main", { id: "main", tabindex: "-1" });
  root.replaceChildren(header(me), main);
  const taskMatch = /^#\/tasks\/([\w-]+)$/.exec(location.hash);
  const caseMatch = /^#\/cases\/([\w.-]+)$/.exec(location.hash);
  if (location.hash === "#/new-case") {
    main.append(h("p", {}, h("a", { href: "#/" }, `← ${t().back}`)));
    main.append(
      await newCaseSection(t(), me.groups, errorBox, (caseRef) => {
        justStarted = caseRef;
        location.hash = `#/cases/${caseRef}`;
      }),
    );
  } else if (caseMatch) {
    const caseRef = decodeURIComponent(caseMatch[1]!);
    main.append(h("p", {}, h("a", { href: "#/" }, `← ${t().back}`)));
    const notice = justStarted === caseRef ? t().caseStarted(caseRef) : (caseNotice ?? undefined);
    justStarted = null;
    caseNotice = null;
    main.append(
      await casePage(caseRef, t(), errorBox, notice, (changedNotice) => {
        caseNotice = changedNotice;
        void render();
      }),
    );
  } else if (taskMatch) {
    main.append(h("p", {}, h("a", { href: "#/" }, `← ${t().back}`)));
    const layout = h("div", { class: "task-layout" });
    main.append(layout);
    const detail = await taskFormSection(taskMatch[1]!, t(), errorBox, () => render());
    layout.append(detail.element);
    if (detail.caseRef) layout.append(await caseSection(detail.caseRef, t(), errorBox));
  } else {
    const layout = h("div", { class: "list-layout" });
    main.append(layout);
    const transfers = await transfersSection(t(), errorBox, (caseRef) => {
      caseNotice = t().accepted(caseRef);
      location.hash = `#/cases/${caseRef}`;
    });
    layout.append(await taskListSection(t(), errorBox), ...(transfers ? [transfers] : []), await inboxSection(t(), errorBox));
  }
  main.focus();
}

window.addEventListener("hashchange", () => void render());
void render();
