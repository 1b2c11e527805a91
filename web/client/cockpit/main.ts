import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css";
import "./cockpit.css";
import { api, setCsrfToken } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { measuresView } from "./measures-view.js";
import { sessionsView } from "./sessions-view.js";
import { instanceView, instancesView, overviewView, type MountedView } from "./views.js";

const app = document.getElementById("app")!;

async function render(outcome = ""): Promise<void> {
  const [path = "/", query = ""] = location.hash.replace(/^#/, "").split("?");
  const nav = h(
    "nav",
    {},
    h("strong", {}, "Nivel cockpit"),
    h("a", { href: "#/" }, "Pathways & deadlines"),
    h("a", { href: "#/instances" }, "Cases"),
    h("a", { href: "#/measures" }, "Measures"),
    h("a", { href: "#/sessions" }, "Sessions"),
  );
  let shown: MountedView;
  try {
    const instance = /^\/instance\/(.+)$/.exec(path);
    if (instance) shown = await instanceView(decodeURIComponent(instance[1]!), outcome, (next) => void render(next));
    else if (path === "/instances") shown = { view: await instancesView(new URLSearchParams(query)) };
    else if (path === "/measures") shown = { view: await measuresView(new URLSearchParams(query)) };
    else if (path === "/sessions") shown = { view: await sessionsView(outcome, (next) => void render(next)) };
    else shown = { view: await overviewView() };
  } catch (e) {
    shown = { view: h("p", { class: "error", role: "alert" }, (e as Error).message) };
  }
  app.replaceChildren(nav, h("main", {}, shown.view));
  shown.mounted?.();
}

window.addEventListener("hashchange", () => void render());
// the session's CSRF token, which every action must carry
api<{ csrfToken: string }>("/api/me")
  .then((me) => setCsrfToken(me.csrfToken))
  .finally(() => void render());
