import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { deadlineChart } from "./deadline-chart.js";
import { formatTime } from "./format-time.js";
import { renderInstanceDiagram } from "./instance-diagram.js";
// what the cockpit API answers: the server's own types, erased from the bundle
import type { DeadlineBoard } from "../../server/cockpit/deadlines.js";
import type { InstanceDetail } from "../../server/cockpit/instance-detail.js";
import type { InstanceRow } from "../../server/cockpit/instance-list.js";
import type { DefinitionSummary } from "../../server/cockpit/overview.js";

export function table(headers: string[], rows: (Node | string)[][], className: string): HTMLTableElement {
  return h(
    "table",
    { class: className },
    h("thead", {}, h("tr", {}, ...headers.map((t) => h("th", {}, t)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))),
  );
}

/** A filter form: on submit, its filled-in fields as a query, for `go` to show. */
export function filterForm(go: (query: URLSearchParams) => void, ...fields: HTMLElement[]): HTMLFormElement {
  return h(
    "form",
    {
      class: "filters",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new URLSearchParams();
        new FormData(e.target as HTMLFormElement).forEach((v, k) => v && data.set(k, String(v)));
        go(data);
      },
    },
    ...fields,
  );
}

export async function overviewView(): Promise<HTMLElement> {
  const [definitions, board] = await Promise.all([
    api<DefinitionSummary[]>("api/definitions"),
    api<DeadlineBoard>("api/deadlines"),
  ]);
  return h(
    "section",
    {},
    h("h1", {}, "Pathways"),
    table(
      ["Pathway", "Version", "Running", "Incidents", "Overdue"],
      definitions.map((d) => [
        h("a", { href: `#/instances?pathway=${encodeURIComponent(d.key)}` }, d.name),
        `v${d.version}`,
        String(d.running),
        d.incidents ? h("a", { class: "bad", href: `#/instances?pathway=${encodeURIComponent(d.key)}&incident=true` }, String(d.incidents)) : "0",
        d.overdue ? h("a", { class: "bad", href: `#/instances?pathway=${encodeURIComponent(d.key)}&overdue=true` }, String(d.overdue)) : "0",
      ]),
      "definitions",
    ),
    h("h2", {}, "Deadline board: the three-month assessment limit"),
    deadlineChart(board),
  );
}

export async function instancesView(query: URLSearchParams): Promise<HTMLElement> {
  const rows = await api<InstanceRow[]>(`api/instances?${query}`);
  const field = (label: string, control: HTMLElement) => h("label", {}, label, control);
  const form = filterForm(
    (data) => {
      location.hash = `#/instances?${data}`;
    },
    field("Pathway", h("input", { name: "pathway", value: query.get("pathway") ?? "" })),
    field("State",
      h(
        "select",
        { name: "state" },
        ...["", "ACTIVE", "SUSPENDED", "COMPLETED", "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED"].map((s) =>
          h("option", { value: s, selected: query.get("state") === s }, s || "any"),
        ),
      ),
    ),
    field("Waiting in activity", h("input", { name: "activity", value: query.get("activity") ?? "" })),
    field("Overdue", h("input", { type: "checkbox", name: "overdue", value: "true", checked: query.get("overdue") === "true" })),
    field("With incident", h("input", { type: "checkbox", name: "incident", value: "true", checked: query.get("incident") === "true" })),
    h("button", { type: "submit" }, "Filter"),
  );
  return h(
    "section",
    {},
    h("h1", {}, "Cases"),
    form,
    table(
      ["Case", "Pathway", "State", "Started", "Deadline"],
      rows.map((r) => [
        h("a", { href: `#/instance/${r.id}` }, r.caseRef || r.id),
        `${r.pathway} v${r.version}`,
        r.state,
        formatTime(r.startTime),
        h("span", { class: `deadline ${r.deadline}` }, r.deadline),
      ]),
      "instances",
    ),
  );
}

export interface MountedView {
  view: HTMLElement;
  /** runs once the view is in the page, for parts that measure their container */
  mounted?: () => void;
}

/** Shows one case; after an action it renders itself afresh with `rerender`, passing on the outcome. */
export async function instanceView(id: string, outcome: string, rerender: (outcome: string) => void): Promise<MountedView> {
  const detail = await api<InstanceDetail>(`api/instances/${encodeURIComponent(id)}`);
  const { xml } = await api<{ xml: string }>(`api/definitions/${encodeURIComponent(detail.definitionId)}/xml`);
  const status = h("p", { class: "status", role: "status" }, outcome);
  const act = async (label: string, action: () => Promise<void>) => {
    try {
      await action();
      rerender(`${label}: done.`);
    } catch (e) {
      status.textContent = `${label} failed: ${(e as Error).message}`;
      status.classList.add("error");
    }
  };

  const incidentRows = detail.incidents.map((i) =>
    h(
      "li",
      { class: "incident", "data-activity": i.activityId, "data-incident": i.id },
      h("strong", {}, i.activityId), ` ${i.type}: ${i.message} `,
      h("button", { type: "button", class: "retry", onclick: () => act("Retry", () => api(`api/incidents/${i.id}/retry`, { method: "POST" })) }, "Retry"),
    ),
  );
  const incidentList = h("ul", { class: "incidents" }, ...incidentRows);
  const diagram = h("div", { class: "diagram" });

  const running = detail.endTime === null;
  const reason = h("input", { name: "reason", placeholder: "Reason for cancelling", required: true, minlength: "3" });
  const releaseDate = h("input", { name: "releaseDate", type: "date", required: true });
  const actions = running
    ? h(
        "div",
        { class: "actions" },
        h(
          "form",
          { onsubmit: (e: Event) => { e.preventDefault(); void act("Release date change", () => api(`api/instances/${id}/message`, { method: "POST", body: { messageName: "ReleaseDateChanged", releaseDate: releaseDate.value } })); } },
          h("label", {}, "New release date ", releaseDate), h("button", { type: "submit" }, "Send ReleaseDateChanged"),
        ),
        h(
          "form",
          { onsubmit: (e: Event) => { e.preventDefault(); if (confirm("Cancel this case?")) void act("Cancel", () => api(`api/instances/${id}/cancel`, { method: "POST", body: { reason: reason.value } })); } },
          reason, h("button", { type: "submit", class: "danger" }, "Cancel case"),
        ),
      )
    : null;

  const section = h(
    "section",
    { class: "instance" },
    h("h1", {}, `${detail.caseRef || detail.id} `, h("small", {}, `${detail.pathway} v${detail.version} · ${detail.state} · deadline: ${detail.deadline}`)),
    status,
    diagram,
    h("h2", {}, "Incidents"),
    detail.incidents.length ? incidentList : h("p", {}, "No open incidents."),
    actions,
    h("div", { class: "columns" },
      h("div", {}, h("h2", {}, "Variables"), table(["Name", "Type", "Value"], detail.variables.map((v) => [v.name, v.type, typeof v.value === "string" ? v.value : JSON.stringify(v.value)]), "variables")),
      h("div", {}, h("h2", {}, "History"), table(["Activity", "Type", "Started", "Ended"], detail.history.map((a) => [a.name, a.type, formatTime(a.startTime), a.canceled ? "cancelled" : formatTime(a.endTime)]), "history")),
    ),
    h("h2", {}, "Audit trail"),
    table(["When", "Who", "What", "Details"], detail.audit.map((a) => [formatTime(a.at), a.actor, a.action, a.detail ? JSON.stringify(a.detail) : ""]), "audit"),
  );
  const mounted = () => {
    void renderInstanceDiagram(diagram, xml, {
      tokens: detail.tokens,
      incidents: detail.incidents,
      onIncident: (activityId) => {
        for (const row of incidentRows) row.classList.toggle("selected", row.dataset.activity === activityId);
        incidentList.querySelector(".selected")?.scrollIntoView({ block: "nearest" });
      },
    })
      .then(() => diagram.setAttribute("data-ready", "true"))
      .catch((e: Error) => diagram.replaceChildren(h("p", { class: "error", role: "alert" }, `The diagram cannot be shown: ${e.message}`)));
  };
  return { view: section, mounted };
}
