import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { AccessReportRow, Organisations, TeamView } from "./types.js";

const nameIn = (name: { fi: string; sv: string } | null, lang: string) => (name ? (lang === "sv" ? name.sv : name.fi) : "–");

/** The group a task waits on, in words: the case's intake or one side of its team. */
export function offeredToName(groupId: string, t: Strings): string {
  const team = /^case-team\..+\.(county|rise)$/.exec(groupId);
  if (team) return t.teamSide[team[1]!] ?? groupId;
  if (groupId.startsWith("county-intake.")) return t.groupNames["county-intake"] ?? groupId;
  return t.groupNames[groupId] ?? groupId;
}

/**
 * The case's organisations and team; for a team lead, handing their side over to another worker;
 * for the county side, asking to move the case to the county of the client's new municipality.
 * `changed` reloads the page with a status line.
 */
export async function teamSection(caseRef: string, team: TeamView, t: Strings, errorBox: (e: unknown) => HTMLElement, changed: (notice: string) => void): Promise<HTMLElement> {
  const lang = document.documentElement.lang;
  const section = h("section", { class: "case-team", "aria-labelledby": "case-team-title" });
  const status = h("div", { class: "status", "aria-live": "assertive" });
  section.append(
    h("h2", { id: "case-team-title" }, t.team),
    h(
      "dl",
      { class: "meta-list" },
      h("dt", {}, t.countyLabel),
      h("dd", {}, nameIn(team.county.name, lang)),
      h("dt", {}, t.riseUnit),
      h("dd", {}, nameIn(team.riseUnit.name, lang)),
    ),
    team.team.length
      ? h("ul", { class: "team-list" }, ...team.team.map((m) => h("li", {}, h("strong", {}, m.name), ` – ${t.teamRoles[m.role] ?? m.role}, ${t.sideNames[m.side] ?? m.side}`)))
      : h("p", { class: "empty" }, t.noTeam),
    status,
  );
  const post = async (path: string, body: unknown, notice: string) => {
    try {
      await api(path, { method: "POST", body });
      changed(notice);
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  };

  if (team.handover) {
    const side = team.handover.side;
    const members = team.team.filter((m) => m.side === side);
    const form = h(
      "form",
      { class: "case-form", novalidate: true },
      h("h3", {}, t.handOver),
      h("label", { for: "handover-from" }, t.handOverFrom),
      h("select", { id: "handover-from", name: "from" }, ...members.map((m) => h("option", { value: m.userId }, m.name)), h("option", { value: "" }, t.nobodyNamed)),
      h("label", { for: "handover-to" }, t.handOverTo),
      h("select", { id: "handover-to", name: "to", required: true }, h("option", { value: "" }, "–"), ...team.handover.candidates.map((c) => h("option", { value: c.id }, c.name))),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, t.handOver)),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const data = new FormData(form);
      void post(`/api/cases/${encodeURIComponent(caseRef)}/handover`, { side, from: data.get("from") || null, to: data.get("to") ?? "" }, t.handedOver);
    });
    section.append(form);
  }

  if (team.handover) section.append(reportPart(caseRef, t, errorBox));

  if (team.transfer.pending) {
    section.append(h("p", { class: "meta", role: "status" }, t.transferPending(nameIn(team.transfer.pending.toCounty, lang)), ` (${formatDate(String(team.transfer.pending.requestedAt), lang)})`));
  } else if (team.transfer.mayRequest) {
    const { municipalities } = await api<Organisations>("/api/organisations");
    const form = h(
      "form",
      { class: "case-form", novalidate: true },
      h("h3", {}, t.transfer),
      h("label", { for: "transfer-municipality" }, t.newMunicipality),
      h(
        "select",
        { id: "transfer-municipality", name: "municipality", required: true },
        h("option", { value: "" }, "–"),
        ...municipalities.filter((m) => m.countyId !== team.county.id).map((m) => h("option", { value: m.code }, nameIn(m.name, lang))),
      ),
      h("div", { class: "actions" }, h("button", { type: "submit" }, t.requestTransfer)),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void post(`/api/cases/${encodeURIComponent(caseRef)}/transfer`, { municipality: new FormData(form).get("municipality") ?? "" }, t.transferRequested);
    });
    section.append(form);
  }
  return section;
}

/** For the case's team leads: the access report as a table, and as CSV to hand to the client. */
function reportPart(caseRef: string, t: Strings, errorBox: (e: unknown) => HTMLElement): HTMLElement {
  const lang = document.documentElement.lang;
  const part = h("div", { class: "access-report" }, h("h3", {}, t.accessReport));
  const body = h("div", {});
  const show = h("button", { type: "button" }, t.showReport);
  show.addEventListener("click", async () => {
    try {
      const { rows } = await api<{ rows: AccessReportRow[] }>(`/api/cases/${encodeURIComponent(caseRef)}/access-report`);
      body.replaceChildren(
        h(
          "table",
          { class: "task-table" },
          h("caption", { class: "visually-hidden" }, t.accessReport),
          h("thead", {}, h("tr", {}, ...t.reportColumns.map((c) => h("th", { scope: "col" }, c)))),
          h(
            "tbody",
            {},
            ...rows.map((r) =>
              h("tr", {}, h("td", {}, new Date(r.at).toLocaleString(lang === "sv" ? "sv-FI" : "fi-FI", { timeZone: "Europe/Helsinki", dateStyle: "short", timeStyle: "short" })), h("td", {}, r.name), h("td", {}, r.organisation ?? "–"), h("td", {}, t.reportWhat[r.what] ?? r.what), h("td", {}, r.basis === "consent" ? t.consentByConsent(r.consentVersion, r.items.map((i) => t.consentItemNames[i] ?? i).join(", ")) : (t.reportBasis[r.basis] ?? r.basis))),
            ),
          ),
        ),
      );
    } catch (error) {
      body.replaceChildren(errorBox(error));
    }
  });
  part.append(
    h("p", { class: "actions" }, show, " ", h("a", { href: `/api/cases/${encodeURIComponent(caseRef)}/access-report?format=csv`, download: `${caseRef}-access-report.csv` }, t.downloadCsv)),
    body,
  );
  return part;
}
