import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { Pathway, TaskSummary } from "./types.js";

/** The filters live in the URL's query so a view can be bookmarked and reloaded. */
function currentFilters(): URLSearchParams {
  const params = new URLSearchParams(location.search);
  if (!params.get("view")) params.set("view", "mine");
  return params;
}

function applyFilters(params: URLSearchParams): void {
  history.replaceState(null, "", `?${params}${location.hash}`);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

export async function taskListSection(t: Strings, errorBox: (e: unknown) => HTMLElement): Promise<HTMLElement> {
  const params = currentFilters();
  const lang = document.documentElement.lang;
  const section = h("section", { class: "tasks", "aria-labelledby": "tasks-title" });
  const view = params.get("view") === "groups" ? "groups" : "mine";
  const head = h("div", { class: "section-head" }, h("h1", { id: "tasks-title" }, view === "mine" ? t.myTasks : t.groupTasks));
  section.append(head);

  const tabs = h(
    "nav",
    { class: "tabs", "aria-label": t.myTasks + " / " + t.groupTasks },
    ...(["mine", "groups"] as const).map((v) =>
      h("button", {
        type: "button",
        "aria-pressed": String(v === view),
        onclick: () => {
          params.set("view", v);
          applyFilters(params);
        },
      }, v === "mine" ? t.myTasks : t.groupTasks),
    ),
  );
  section.append(tabs);

  const pathways = await api<Pathway[]>("/api/pathways").catch((): Pathway[] => []);
  // only for those who may start a case on some pathway (the server checks again)
  if (pathways.some((p) => p.startable)) head.append(h("a", { href: "#/new-case", class: "button primary" }, t.newCase));
  const filters = h(
    "form",
    {
      class: "filters",
      onsubmit: (e) => e.preventDefault(),
      onchange: (e) => {
        const form = (e.currentTarget ?? e.target) as HTMLFormElement;
        const data = new FormData(form.closest("form")!);
        for (const name of ["pathway", "dueBefore"]) {
          const value = String(data.get(name) ?? "");
          if (value) params.set(name, value);
          else params.delete(name);
        }
        if (data.get("overdue")) params.set("overdue", "true");
        else params.delete("overdue");
        applyFilters(params);
      },
    },
    h("label", { for: "filter-pathway" }, t.pathway),
    h(
      "select",
      { id: "filter-pathway", name: "pathway" },
      h("option", { value: "" }, t.allPathways),
      ...pathways.map((p) => h("option", { value: p.key, selected: p.key === params.get("pathway") }, p.name)),
    ),
    h("label", { for: "filter-due" }, t.dueBefore),
    h("input", { id: "filter-due", name: "dueBefore", type: "date", value: params.get("dueBefore") ?? "" }),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", name: "overdue", value: "true", checked: params.get("overdue") === "true" }),
      t.overdueOnly,
    ),
  );
  section.append(filters);

  let tasks: TaskSummary[];
  try {
    tasks = await api<TaskSummary[]>(`/api/tasks?${params}`);
  } catch (error) {
    section.append(errorBox(error));
    return section;
  }
  if (tasks.length === 0) {
    section.append(h("p", { class: "empty" }, t.noTasks));
    return section;
  }
  const rows = tasks.map((task) =>
    h(
      "tr",
      { class: task.overdue ? "overdue" : undefined },
      h("td", {}, h("a", { href: `#/tasks/${task.id}` }, task.name)),
      h("td", {}, task.caseRef ? h("a", { href: `#/cases/${encodeURIComponent(task.caseRef)}` }, task.caseRef) : ""),
      h("td", {}, task.pathway ?? ""),
      h("td", {}, task.due ? formatDate(task.due, lang) : t.noDue, task.overdue ? h("span", { class: "badge late" }, t.overdue) : null),
      h("td", {}, task.assignee ?? "–"),
    ),
  );
  section.append(
    h(
      "table",
      { class: "task-table" },
      h("caption", { class: "visually-hidden" }, view === "mine" ? t.myTasks : t.groupTasks),
      h("thead", {}, h("tr", {}, ...[t.task, t.case, t.pathway, t.due, t.assignee].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, ...rows),
    ),
  );
  return section;
}
