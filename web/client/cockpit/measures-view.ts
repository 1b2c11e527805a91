import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
// what `GET api/measures` answers: the server's own types, erased from the bundle
import type { Measures, ServiceFigures, TimeFromContact } from "../../server/cockpit/measures.js";
import { filterForm, table } from "./views.js";

/** The services of docs/contracts.md, named as the conclusion form names them. */
const SERVICE_KINDS: Record<string, string> = {
  housing: "Housing",
  income: "Income (social assistance)",
  "substance-abuse": "Substance-abuse services",
  "mental-health": "Mental-health services",
  "health-care": "Health care",
  "work-study": "Work and study",
  identity: "Identity card and e-identification",
  "ngo-peer": "NGOs and peer support",
};

const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const days = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

const share = (value: number | null) => (value === null ? "—" : percent.format(value));
const ofTotal = (part: number, whole: number) => `${part} of ${whole}`;

function serviceRow(label: string, f: ServiceFigures): string[] {
  const judged = f.services - f.awaitingReleaseDay;
  return [label, String(f.services), ofTotal(f.arrangedByReleaseDay, judged), share(judged > 0 ? f.arrangedByReleaseDay / judged : null), String(f.escalated), String(f.awaitingReleaseDay)];
}

function figures(m: Measures): HTMLElement {
  const joint = m.jointAssessments;
  const continuity = m.releaseContinuity;
  if (joint.cases === 0 && continuity.services === 0) {
    return h("p", { class: "empty" }, "No cases with a contact date in this period.");
  }
  const time = (label: string, t: TimeFromContact) => [label, String(t.measured), t.medianDays === null ? "—" : days.format(t.medianDays), ofTotal(t.withinLimit, t.measured), share(t.share)];
  const serviceHeaders = ["", "Services", "Arranged by release day", "Share arranged", "Escalated on release day", "Release day still ahead"];
  return h(
    "div",
    { class: "figures" },
    h("h2", {}, "Joint assessments"),
    table(
      ["Outcome", "Cases"],
      [
        ["Cases", joint.cases],
        ["Concluded", joint.concluded],
        ["Consent declined", joint.consentDeclined],
        ["Consent withdrawn", joint.consentWithdrawn],
        ["Still open", joint.open],
        ["Ended otherwise", joint.endedOtherwise],
      ].map(([label, n]) => [String(label), String(n)]),
      "outcomes",
    ),
    h("h2", {}, "Time from contact"),
    table(
      ["Step", "Cases", "Median days", "Within the limit", "Share within"],
      [time("Assessment started (consent recorded)", m.start), time("Assessment concluded", m.completion)],
      "times",
    ),
    h(
      "p",
      { class: "note" },
      "Calendar days from the contact date. The start counts when the client's consent is recorded, against the 7th-weekday limit; " +
        "the conclusion when it is recorded, against the three-month limit (or the release date when earlier).",
    ),
    h("h2", {}, "Joint cases per worker pair"),
    m.workerPairs.length
      ? table(["Referring worker", "County worker who concluded", "Concluded cases"], m.workerPairs.map((p) => [p.rise ?? "unknown", p.county ?? "unknown", String(p.cases)]), "pairs")
      : h("p", {}, "No joint assessment concluded in this period."),
    h("h2", {}, "Services in place on release day"),
    continuity.services
      ? h(
          "div",
          {},
          table(serviceHeaders, [serviceRow("All services", continuity)], "continuity"),
          table(
            ["Service", ...serviceHeaders.slice(1)],
            continuity.byServiceKind.map((k) => serviceRow(SERVICE_KINDS[k.serviceKind] ?? k.serviceKind, k)),
            "continuity-kinds",
          ),
          h(
            "p",
            { class: "note" },
            `${continuity.cases} release preparation${continuity.cases === 1 ? "" : "s"}. A service is arranged by the release day when its task was completed on that day or before; ` +
              "services whose release day is still ahead are left out of the share.",
          ),
        )
      : h("p", {}, "No release preparation in this period has reached its continuity tasks."),
    h("h2", {}, "Client feedback"),
    m.feedback.responses
      ? h(
          "div",
          {},
          table(
            ["Responses", "Average rating (1–5)", ...["1", "2", "3", "4", "5"].map((r) => `Rated ${r}`), "With own words"],
            [[
              String(m.feedback.responses),
              m.feedback.averageRating == null ? "–" : m.feedback.averageRating.toFixed(1),
              ...(["1", "2", "3", "4", "5"] as const).map((r) => String(m.feedback.ratings[r])),
              String(m.feedback.comments),
            ]],
            "feedback",
          ),
          h("p", { class: "note" }, "Asked at the joint assessment's plan review and when the release pathway's follow-up ends; giving feedback is up to the client. Their words stay in the case."),
        )
      : h("p", {}, "No client feedback in this period."),
  );
}

/** The measures of DOMAIN.md's "Measuring the change" for a period of contact dates. */
export async function measuresView(query: URLSearchParams): Promise<HTMLElement> {
  const from = h("input", { type: "date", name: "from", value: query.get("from") ?? "" });
  const to = h("input", { type: "date", name: "to", value: query.get("to") ?? "" });
  const form = filterForm(
    (data) => {
      const target = `#/measures?${data}`;
      // the same period again reads the figures afresh
      if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
      else location.hash = target;
    },
    h("label", {}, "Contact date from", from),
    h("label", {}, "to", to),
    h("button", { type: "submit" }, "Show"),
  );
  let body: HTMLElement;
  try {
    const measures = await api<Measures>(`api/measures?${query}`);
    from.value = measures.period.from;
    to.value = measures.period.to;
    body = h(
      "div",
      {},
      h("p", { class: "period" }, `Cases with a contact date from ${measures.period.from} to ${measures.period.to}, both days included.`),
      figures(measures),
    );
  } catch (e) {
    body = h("p", { class: "error", role: "alert" }, `The figures cannot be shown: ${(e as Error).message}`);
  }
  return h(
    "section",
    { class: "measures" },
    h("h1", {}, "Measures ", h("small", {}, "measuring the change (DOMAIN.md, seed 000)")),
    form,
    body,
  );
}
