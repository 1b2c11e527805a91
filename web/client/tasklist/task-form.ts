import { Form } from "@bpmn-io/form-js-viewer";
import { ApiError, api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { TaskDetail } from "./types.js";
import { orderProblems } from "../../../lib/forms/field-order.js";

/**
 * The task's Camunda Form rendered by form-js, with claim/unclaim. form-js checks the form's
 * rules in the browser; the server checks them again and its refusal is shown the same way.
 */
export async function taskFormSection(
  taskId: string,
  t: Strings,
  errorBox: (e: unknown) => HTMLElement,
  rerender: () => Promise<void>,
): Promise<{ element: HTMLElement; caseRef: string | null }> {
  const section = h("section", { class: "task", "aria-labelledby": "task-title" });
  let task: TaskDetail;
  try {
    task = await api<TaskDetail>(`/api/tasks/${encodeURIComponent(taskId)}`);
  } catch (error) {
    section.append(h("h1", { id: "task-title" }, t.task), errorBox(error));
    return { element: section, caseRef: null };
  }
  const me = (await api<{ id: string }>("/api/me")).id;
  const mine = task.assignee === me;
  const status = h("div", { class: "status", "aria-live": "assertive" });
  const action = async (path: string) => {
    try {
      await api(`/api/tasks/${task.id}/${path}`, { method: "POST" });
      await rerender();
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  };
  section.append(
    h("h1", { id: "task-title" }, task.name),
    h(
      "p",
      { class: "meta" },
      task.caseRef ? `${t.case}: ${task.caseRef}` : "",
      task.due ? ` · ${t.due}: ${formatDate(task.due, document.documentElement.lang)}` : "",
      ` · ${t.assignee}: ${task.assignee ?? "–"}`,
    ),
    h(
      "div",
      { class: "actions" },
      mine
        ? h("button", { type: "button", onclick: () => action("unclaim") }, t.unclaim)
        : h("button", { type: "button", class: "primary", onclick: () => action("claim") }, t.claim),
    ),
    status,
  );
  if (!mine) section.append(h("p", { class: "hint" }, t.claimFirst));

  const container = h("div", { class: "form-container" });
  section.append(container);
  const form = new Form({ container });
  await form.importSchema(task.form, task.data);
  form.setProperty("disabled", !mine);
  if (mine) {
    const submit = h("button", { type: "button", class: "primary", id: "complete" }, t.complete);
    submit.addEventListener("click", async () => {
      const { data, errors } = form.submit();
      // the server's own rule for dates that must come in order, before anything is sent
      const order = orderProblems(data, (v) => (typeof v === "string" && v ? Date.parse(v) : null));
      if (Object.keys(order).length > 0) {
        status.replaceChildren(h("div", { class: "error", role: "alert" }, ...Object.values(order).map((m) => h("p", {}, m))));
        return;
      }
      if (Object.keys(errors).length > 0) {
        status.replaceChildren(h("p", { class: "error", role: "alert" }, t.fixErrors));
        (container.querySelector("[aria-invalid='true']") as HTMLElement | null)?.focus();
        return;
      }
      // one request at a time: a second click while the first runs would find the task gone
      if (submit.disabled) return;
      submit.disabled = true;
      try {
        await api(`/api/tasks/${task.id}/complete`, { method: "POST", body: { data } });
        status.replaceChildren(h("p", { class: "ok", role: "status" }, t.completed));
        setTimeout(() => (location.hash = "#/"), 800);
      } catch (error) {
        submit.disabled = false;
        status.replaceChildren(error instanceof ApiError ? errorBox(error) : errorBox(String(error)));
      }
    });
    section.append(submit);
  }
  return { element: section, caseRef: task.caseRef };
}
