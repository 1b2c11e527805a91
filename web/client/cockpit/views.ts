import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { pathwayName as namedPathway, type Language } from "../shared/language.js";
import { deadlineChart } from "./deadline-chart.js";
import { formatTime } from "./format-time.js";
import { renderInstanceDiagram } from "./instance-diagram.js";
import { label, type Strings } from "./strings.js";
// what the cockpit API answers: the server's own types, erased from the bundle
import type { DeadlineBoard } from "../../server/cockpit/deadlines.js";
import type { InstanceDetail } from "../../server/cockpit/instance-detail.js";
import type { InstanceRow } from "../../server/cockpit/instance-list.js";
import type { DefinitionSummary } from "../../server/cockpit/overview.js";

/** What every view gets: its words, and a way to hand a sign-in or rights refusal to the page. */
export interface ViewContext {
  t: Strings;
  language: Language;
  /** true when the error was a refusal (signed out, not an admin) and the page now says so */
  refused(error: unknown): boolean;
}

const STATES = ["ACTIVE", "SUSPENDED", "COMPLETED", "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED"] as const;

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

/** A pathway by its name in the chosen language; one the app does not know by the name it was deployed with. */
export function pathwayName(context: ViewContext, key: string, deployedName?: string | null): string {
  return namedPathway(context.language, key, deployedName);
}

/** The process's own name in its BPMN, for the pathways the app does not name itself. */
function deployedNameIn(xml: string, key: string): string | null {
  const process = new DOMParser().parseFromString(xml, "application/xml").getElementsByTagNameNS("*", "process");
  for (const p of Array.from(process)) if (p.getAttribute("id") === key) return p.getAttribute("name");
  return null;
}

export async function overviewView(context: ViewContext): Promise<HTMLElement> {
  const { t } = context;
  const [definitions, board] = await Promise.all([
    api<DefinitionSummary[]>("api/definitions"),
    api<DeadlineBoard>("api/deadlines"),
  ]);
  return h(
    "section",
    {},
    h("h1", {}, t.pathways),
    table(
      t.pathwayHeaders,
      definitions.map((d) => [
        h("a", { href: `#/instances?pathway=${encodeURIComponent(d.key)}` }, pathwayName(context, d.key, d.name)),
        t.version(d.version),
        String(d.running),
        d.incidents ? h("a", { class: "bad", href: `#/instances?pathway=${encodeURIComponent(d.key)}&incident=true` }, String(d.incidents)) : "0",
        d.overdue ? h("a", { class: "bad", href: `#/instances?pathway=${encodeURIComponent(d.key)}&overdue=true` }, String(d.overdue)) : "0",
      ]),
      "definitions",
    ),
    h("h2", {}, t.deadlineBoard),
    deadlineChart(board, t),
  );
}

export async function instancesView(context: ViewContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t } = context;
  const [rows, definitions] = await Promise.all([api<InstanceRow[]>(`api/instances?${query}`), api<DefinitionSummary[]>("api/definitions")]);
  const names = new Map<string, string>();
  for (const d of definitions) names.set(d.key, pathwayName(context, d.key, d.name));
  const chosenPathway = query.get("pathway") ?? "";
  if (chosenPathway && !names.has(chosenPathway)) names.set(chosenPathway, pathwayName(context, chosenPathway));
  const field = (text: string, control: HTMLElement) => h("label", {}, text, control);
  const form = filterForm(
    (data) => {
      location.hash = `#/instances?${data}`;
    },
    field(
      t.filterPathway,
      h(
        "select",
        { name: "pathway" },
        h("option", { value: "" }, t.anyPathway),
        ...[...names].map(([key, name]) => h("option", { value: key, selected: key === chosenPathway }, name)),
      ),
    ),
    field(
      t.filterState,
      h(
        "select",
        { name: "state" },
        h("option", { value: "" }, t.anyState),
        ...STATES.map((s) => h("option", { value: s, selected: query.get("state") === s }, t.states[s])),
      ),
    ),
    field(t.filterActivity, h("input", { name: "activity", value: query.get("activity") ?? "" })),
    field(t.filterOverdue, h("input", { type: "checkbox", name: "overdue", value: "true", checked: query.get("overdue") === "true" })),
    field(t.filterIncident, h("input", { type: "checkbox", name: "incident", value: "true", checked: query.get("incident") === "true" })),
    h("button", { type: "submit" }, t.filter),
  );
  return h(
    "section",
    {},
    h("h1", {}, t.cases),
    form,
    rows.length
      ? table(
          t.caseHeaders,
          rows.map((r) => [
            h("a", { href: `#/instance/${r.id}` }, r.caseRef || r.id),
            `${names.get(r.pathway) ?? pathwayName(context, r.pathway)}, ${t.version(r.version)}`,
            h("span", { class: "state", "data-state": r.state }, label(t.states, r.state)),
            formatTime(r.startTime, t.locale),
            h("span", { class: `deadline ${r.deadline}`, "data-deadline": r.deadline }, t.deadlines[r.deadline]),
          ]),
          "instances",
        )
      : h("p", { class: "empty" }, t.noCases),
  );
}

export interface MountedView {
  view: HTMLElement;
  /** runs once the view is in the page, for parts that measure their container */
  mounted?: () => void;
}

/** A variable's value as words: yes or no, a date in Helsinki time, text as it is. */
function valueText(t: Strings, type: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (type === "Boolean" && typeof value === "boolean") return value ? t.yes : t.no;
  if (type === "Date" && typeof value === "string") return formatTime(value, t.locale);
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** An audit entry's details as "name: value" pairs in the chosen language. */
function detailText(t: Strings, detail: Record<string, unknown> | undefined): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([key, value]) => {
      const shown =
        key === "incidentType" && typeof value === "string"
          ? label(t.incidentTypes, value)
          : key === "messageName" && typeof value === "string"
            ? label(t.messageNames, value)
            : typeof value === "string"
              ? value
              : JSON.stringify(value);
      return `${label(t.detailNames, key)}: ${shown}`;
    })
    .join("; ");
}

function auditAction(t: Strings, action: string): string {
  const failed = /^(.*)\.failed$/.exec(action);
  return failed ? t.actionFailed(label(t.auditActions, failed[1]!)) : label(t.auditActions, action);
}

/** Shows one case; after an action it renders itself afresh with `rerender`, passing on the outcome. */
export async function instanceView(context: ViewContext, id: string, outcome: string, rerender: (outcome: string) => void): Promise<MountedView> {
  const { t } = context;
  const detail = await api<InstanceDetail>(`api/instances/${encodeURIComponent(id)}`);
  const { xml } = await api<{ xml: string }>(`api/definitions/${encodeURIComponent(detail.definitionId)}/xml`);
  const status = h("p", { class: "status", role: "status" }, outcome);
  const act = async (what: string, done: string, action: () => Promise<void>) => {
    try {
      await action();
      rerender(done);
    } catch (e) {
      if (context.refused(e)) return;
      status.textContent = t.failed(what, (e as Error).message);
      status.classList.add("error");
    }
  };
  const stepNames = new Map(detail.history.map((a) => [a.activityId, a.name]));

  const incidentRows = detail.incidents.map((i) =>
    h(
      "li",
      { class: "incident", "data-activity": i.activityId, "data-incident": i.id },
      h("strong", {}, stepNames.get(i.activityId) || i.activityId),
      ` ${label(t.incidentTypes, i.type)}: ${i.message} `,
      h("button", { type: "button", class: "retry", onclick: () => act(t.actionNames.retry, t.retryDone, () => api(`api/incidents/${i.id}/retry`, { method: "POST" })) }, t.retry),
    ),
  );
  const incidentList = h("ul", { class: "incidents" }, ...incidentRows);
  const diagram = h("div", { class: "diagram" });

  const running = detail.endTime === null;
  const reason = h("input", { name: "reason", placeholder: t.cancelReason, "aria-label": t.cancelReason, required: true, minlength: "3" });
  const releaseDate = h("input", { name: "releaseDate", type: "date", required: true });
  const releaseDay = h("select", { name: "day" }, ...(["releaseDate", "probationFrom", "fullTermDate"] as const).map((d) => h("option", { value: d }, t.releaseDays[d])));
  const actions = running
    ? h(
        "div",
        { class: "actions" },
        h(
          "form",
          {
            onsubmit: (e: Event) => {
              e.preventDefault();
              void act(t.actionNames.message, t.releaseDateDone, () =>
                api(`api/instances/${id}/message`, { method: "POST", body: { messageName: "ReleaseDateChanged", day: releaseDay.value, date: releaseDate.value } }),
              );
            },
          },
          h("label", {}, `${t.changedReleaseDay} `, releaseDay),
          " ",
          h("label", {}, `${t.newReleaseDate} `, releaseDate),
          h("button", { type: "submit" }, t.sendReleaseDate),
        ),
        h(
          "form",
          {
            onsubmit: (e: Event) => {
              e.preventDefault();
              if (confirm(t.confirmCancel)) void act(t.actionNames.cancel, t.cancelDone, () => api(`api/instances/${id}/cancel`, { method: "POST", body: { reason: reason.value } }));
            },
          },
          reason,
          h("button", { type: "submit", class: "danger" }, t.cancelCase),
        ),
      )
    : null;

  /** an admin corrects the value behind an incident (the server allows only the pathways' own variables, of their own type) */
  const correctionForm = () => {
    const correctable = detail.variables.filter((v) => ["String", "Boolean", "Integer", "Long", "Date"].includes(v.type));
    const name = h("select", { name: "name" }, ...correctable.map((v) => h("option", { value: v.name }, v.name)));
    const value = h("input", { name: "value", required: true });
    return h(
      "form",
      {
        class: "correct",
        onsubmit: (e: Event) => {
          e.preventDefault();
          const type = correctable.find((v) => v.name === name.value)?.type;
          const typed = type === "Boolean" ? value.value === "true" : type === "Integer" || type === "Long" ? Number(value.value) : value.value;
          void act(t.actionNames.correct, t.correctDone, () => api(`api/instances/${id}/variables`, { method: "POST", body: { name: name.value, value: typed } }));
        },
      },
      h("h3", {}, t.correctTitle),
      h("label", {}, `${t.correctName} `, name),
      " ",
      h("label", {}, `${t.correctValue} `, value),
      " ",
      h("button", { type: "submit" }, t.correctSend),
    );
  };
  const pathway = pathwayName(context, detail.pathway, deployedNameIn(xml, detail.pathway));
  const section = h(
    "section",
    { class: "instance" },
    h(
      "h1",
      {},
      `${detail.caseRef || detail.id} `,
      h(
        "small",
        { "data-state": detail.state, "data-deadline": detail.deadline },
        `${pathway}, ${t.version(detail.version)} · ${label(t.states, detail.state)} · ${t.deadlineOf(t.deadlines[detail.deadline])}`,
      ),
    ),
    status,
    diagram,
    h("h2", {}, t.incidents),
    detail.incidents.length ? incidentList : h("p", {}, t.noIncidents),
    actions,
    h(
      "div",
      { class: "columns" },
      h(
        "div",
        {},
        h("h2", {}, t.variables),
        table(t.variableHeaders, detail.variables.map((v) => [v.name, label(t.variableTypes, v.type), valueText(t, v.type, v.value)]), "variables"),
        running ? correctionForm() : null,
      ),
      h(
        "div",
        {},
        h("h2", {}, t.history),
        table(
          t.historyHeaders,
          detail.history.map((a) => [a.name || a.activityId, label(t.activityTypes, a.type), formatTime(a.startTime, t.locale), a.canceled ? t.cancelled : formatTime(a.endTime, t.locale)]),
          "history",
        ),
      ),
    ),
    h("h2", {}, t.audit),
    table(t.auditHeaders, detail.audit.map((a) => [formatTime(a.at, t.locale), a.actor, auditAction(t, a.action), detailText(t, a.detail)]), "audit"),
  );
  const mounted = () => {
    void renderInstanceDiagram(diagram, xml, t, {
      tokens: detail.tokens,
      incidents: detail.incidents,
      onIncident: (activityId) => {
        for (const row of incidentRows) row.classList.toggle("selected", row.dataset.activity === activityId);
        incidentList.querySelector(".selected")?.scrollIntoView({ block: "nearest" });
      },
    })
      .then(() => diagram.setAttribute("data-ready", "true"))
      .catch((e: Error) => diagram.replaceChildren(h("p", { class: "error", role: "alert" }, t.diagramFailed(e.message))));
  };
  return { view: section, mounted };
}
