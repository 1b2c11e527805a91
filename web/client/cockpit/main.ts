import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css";
import "./cockpit.css";
import { ApiError, api, setCsrfToken } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { adoptServerLanguage, chooseLanguage, languageSelect, storedLanguage, type Language } from "../shared/language.js";
import { measuresView } from "./measures-view.js";
import { sessionsView } from "./sessions-view.js";
import { LANGUAGES, type Strings } from "./strings.js";
import { instanceView, instancesView, overviewView, type MountedView, type ViewContext } from "./views.js";

interface Me {
  id: string;
  name: string;
  groups: string[];
  csrfToken: string;
  language: string | null;
}

const app = document.getElementById("app")!;
let language: Language = storedLanguage();
const t = (): Strings => LANGUAGES[language];
let me: Me | null = null;
/** the language saved on the server is taken once per page load; after that the select rules */
let languageSynced = false;
/** set once the user signs out here, so the page says so rather than "your session ended" */
let signedOut = false;

type Refusal = "signed-out" | "session-ended" | "not-admin";

/** What a failed request means for the whole page: signed out, or not an admin; null for any other failure. */
function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401) return signedOut ? "signed-out" : "session-ended";
  if (error.status === 403 && error.type === "AuthorizationException") return "not-admin";
  return null;
}

function header(): HTMLElement {
  return h(
    "div",
    { class: "top-right" },
    languageSelect(language, t().language, (chosen) => {
      language = chosen;
      void chooseLanguage(chosen, me !== null).then(() => render());
    }),
    me ? h("span", { class: "me" }, me.name) : null,
    me
      ? h(
          "button",
          {
            type: "button",
            class: "sign-out",
            onclick: async () => {
              await api("/api/logout", { method: "POST" }).catch(() => undefined);
              me = null;
              signedOut = true;
              showRefusal("signed-out");
            },
          },
          t().signOut,
        )
      : null,
  );
}

/** A worded page in place of the cockpit, with the way on: sign in, or the task list. */
function showRefusal(refusal: Refusal): void {
  document.documentElement.lang = language;
  me = null;
  const words = t();
  const [title, text] =
    refusal === "not-admin"
      ? [words.notAdminTitle, words.notAdminText]
      : refusal === "signed-out"
        ? [words.signedOutTitle, words.signedOutText]
        : [words.sessionEndedTitle, words.sessionEndedText];
  const page = h(
    "main",
    { id: "main", class: "refusal", "data-refusal": refusal },
    h("h1", {}, title),
    h("p", {}, text),
    h(
      "p",
      { class: "ways" },
      h("a", { href: "/" }, refusal === "not-admin" ? words.toTasklist : words.signInLink),
    ),
  );
  app.replaceChildren(
    h("nav", {}, h("strong", {}, words.appName), languageSelect(language, words.language, (chosen) => {
      language = chosen;
      void chooseLanguage(chosen, false).then(() => showRefusal(refusal));
    })),
    page,
  );
}

async function signedInUser(): Promise<Me> {
  const user = await api<Me>("/api/me");
  setCsrfToken(user.csrfToken);
  if (!languageSynced) {
    languageSynced = true;
    language = adoptServerLanguage(user.language) ?? language;
  }
  return user;
}

async function render(outcome = ""): Promise<void> {
  try {
    me ??= await signedInUser();
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) return showRefusal(refusal);
    app.replaceChildren(h("p", { class: "error", role: "alert" }, `${t().error}: ${(e as Error).message}`));
    return;
  }
  if (!me.groups.includes("admin")) return showRefusal("not-admin");
  document.documentElement.lang = language;
  const words = t();
  const [path = "/", query = ""] = location.hash.replace(/^#/, "").split("?");
  const nav = h(
    "nav",
    {},
    h("strong", {}, words.appName),
    h("a", { href: "#/" }, words.navOverview),
    h("a", { href: "#/instances" }, words.navCases),
    h("a", { href: "#/measures" }, words.navMeasures),
    h("a", { href: "#/sessions" }, words.navSessions),
    header(),
  );
  const context: ViewContext = {
    t: words,
    language,
    refused: (e) => {
      const refusal = refusalOf(e);
      if (refusal) showRefusal(refusal);
      return refusal !== null;
    },
  };
  let shown: MountedView;
  try {
    const instance = /^\/instance\/(.+)$/.exec(path);
    if (instance) shown = await instanceView(context, decodeURIComponent(instance[1]!), outcome, (next) => void render(next));
    else if (path === "/instances") shown = { view: await instancesView(context, new URLSearchParams(query)) };
    else if (path === "/measures") shown = { view: await measuresView(context, new URLSearchParams(query)) };
    else if (path === "/sessions") shown = { view: await sessionsView(context, outcome, (next) => void render(next)) };
    else shown = { view: await overviewView(context) };
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) return showRefusal(refusal);
    shown = { view: h("p", { class: "error", role: "alert" }, `${words.error}: ${(e as Error).message}`) };
  }
  app.replaceChildren(nav, h("main", { id: "main" }, shown.view));
  shown.mounted?.();
}

window.addEventListener("hashchange", () => void render());
void render();
