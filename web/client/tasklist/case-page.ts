import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { caseAside } from "./case-panel.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { CaseView, OpenTask } from "./types.js";
import { offeredToName, teamSection } from "./team-section.js";
import { consentSection } from "./consent-section.js";

/**
 * A case on its own page (`#/cases/<caseRef>`): its open tasks, each to open or claim when it is
 * the user's group's, beside the case as the task page shows it. `notice` is a status line above
 * them, such as "case started".
 */
export async function casePage(caseRef: string, t: Strings, errorBox: (e: unknown) => HTMLElement, notice?: string, changed: (notice: string) => void = () => undefined): Promise<HTMLElement> {
  const page = h("div", { class: "task-layout" });
  const section = h("section", { class: "case-tasks", "aria-labelledby": "case-tasks-title" });
  const status = h("div", { class: "status", "aria-live": "assertive" });
  if (notice) status.append(h("p", { class: "ok", role: "status" }, notice));
  section.append(h("h1", { id: "case-tasks-title" }, `${t.openTasks} · ${caseRef}`), status);
  page.append(section);
  let view: CaseView;
  try {
    view = await api<CaseView>(`/api/cases/${encodeURIComponent(caseRef)}`);
  } catch (error) {
    section.append(errorBox(error));
    return page;
  }
  const lang = document.documentElement.lang;
  const claim = async (task: OpenTask) => {
    try {
      await api(`/api/tasks/${encodeURIComponent(task.id)}/claim`, { method: "POST" });
      location.hash = `#/tasks/${task.id}`;
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  };
  const row = (task: OpenTask) =>
    h(
      "tr",
      {},
      h("td", {}, task.mayOpen ? h("a", { href: `#/tasks/${task.id}` }, task.name) : task.name),
      h("td", {}, task.candidateGroups.map((g) => offeredToName(g, t)).join(", ") || "–"),
      h("td", {}, task.due ? formatDate(task.due, lang) : t.noDue),
      h("td", {}, task.assignee ?? "–"),
      h(
        "td",
        {},
        task.mayOpen && !task.assignee
          ? h("button", { type: "button", class: "primary", "aria-label": `${t.claim}: ${task.name}`, onclick: () => void claim(task) }, t.claim)
          : null,
      ),
    );
  if (view.waitsForSupport) section.append(h("p", { class: "error", role: "alert" }, t.waitsForSupport));
  section.append(
    view.openTasks.length
      ? h(
          "table",
          { class: "task-table" },
          h("caption", { class: "visually-hidden" }, t.openTasks),
          h("thead", {}, h("tr", {}, ...[t.task, t.offeredTo, t.due, t.assignee, ""].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, ...view.openTasks.map(row)),
        )
      : h("p", { class: "empty" }, t.noOpenTasks),
  );
  if (view.team) section.append(await teamSection(caseRef, view.team, t, errorBox, changed));
  const consent = await consentSection(caseRef, t, errorBox, changed);
  if (consent) section.append(consent);
  page.append(caseAside(view, t));
  return page;
}
