import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
// what `GET api/measures` answers: the server's own types, erased from the bundle
import type { Measures, ServiceFigures, TimeFromContact } from "../../server/cockpit/measures.js";
import { label, type Strings } from "./strings.js";
import { filterForm, table, type ViewContext } from "./views.js";

function figures(t: Strings, m: Measures): HTMLElement {
  const percent = new Intl.NumberFormat(t.locale, { style: "percent", maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 });
  const share = (value: number | null) => (value === null ? "—" : percent.format(value));
  const serviceRow = (name: string, f: ServiceFigures): string[] => {
    const judged = f.services - f.awaitingReleaseDay;
    return [name, String(f.services), t.ofTotal(f.arrangedByReleaseDay, judged), share(judged > 0 ? f.arrangedByReleaseDay / judged : null), String(f.escalated), String(f.awaitingReleaseDay)];
  };
  const joint = m.jointAssessments;
  const continuity = m.releaseContinuity;
  if (joint.cases === 0 && continuity.services === 0) {
    return h("p", { class: "empty" }, t.noPeriodCases);
  }
  const time = (name: string, f: TimeFromContact) => [name, String(f.measured), f.medianDays === null ? "—" : days.format(f.medianDays), t.ofTotal(f.withinLimit, f.measured), share(f.share)];
  const ratings = ["1", "2", "3", "4", "5"] as const;
  return h(
    "div",
    { class: "figures" },
    h("h2", {}, t.jointAssessments),
    table(
      t.outcomeHeaders,
      (
        [
          [t.outcomes.cases, joint.cases],
          [t.outcomes.concluded, joint.concluded],
          [t.outcomes.consentDeclined, joint.consentDeclined],
          [t.outcomes.consentWithdrawn, joint.consentWithdrawn],
          [t.outcomes.open, joint.open],
          [t.outcomes.endedOtherwise, joint.endedOtherwise],
        ] as const
      ).map(([name, n]) => [name, String(n)]),
      "outcomes",
    ),
    h("h2", {}, t.timeFromContact),
    table(t.timeHeaders, [time(t.timeStart, m.start), time(t.timeCompletion, m.completion)], "times"),
    h("p", { class: "note" }, t.timeNote),
    h("h2", {}, t.workerPairs),
    m.workerPairs.length
      ? table(t.pairHeaders, m.workerPairs.map((p) => [p.rise ?? t.unknownWorker, p.county ?? t.unknownWorker, String(p.cases)]), "pairs")
      : h("p", {}, t.noPairs),
    h("h2", {}, t.continuity),
    continuity.services
      ? h(
          "div",
          {},
          table(t.serviceHeaders, [serviceRow(t.allServices, continuity)], "continuity"),
          table(
            [t.service, ...t.serviceHeaders.slice(1)],
            continuity.byServiceKind.map((k) => serviceRow(label(t.serviceKinds, k.serviceKind), k)),
            "continuity-kinds",
          ),
          h("p", { class: "note" }, t.continuityNote(continuity.cases)),
        )
      : h("p", {}, t.noContinuity),
    h("h2", {}, t.feedback),
    m.feedback.responses
      ? h(
          "div",
          {},
          table(
            t.feedbackHeaders([...ratings]),
            [[
              String(m.feedback.responses),
              m.feedback.averageRating == null ? "–" : days.format(Number(m.feedback.averageRating.toFixed(1))),
              ...ratings.map((r) => String(m.feedback.ratings[r])),
              String(m.feedback.comments),
            ]],
            "feedback",
          ),
          h("p", { class: "note" }, t.feedbackNote),
        )
      : h("p", {}, t.noFeedback),
  );
}

/** The measures of DOMAIN.md's "Measuring the change" for a period of contact dates. */
export async function measuresView(context: ViewContext, query: URLSearchParams): Promise<HTMLElement> {
  const { t } = context;
  const from = h("input", { type: "date", name: "from", value: query.get("from") ?? "" });
  const to = h("input", { type: "date", name: "to", value: query.get("to") ?? "" });
  const form = filterForm(
    (data) => {
      const target = `#/measures?${data}`;
      // the same period again reads the figures afresh
      if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
      else location.hash = target;
    },
    h("label", {}, t.periodFrom, from),
    h("label", {}, t.periodTo, to),
    h("button", { type: "submit" }, t.show),
  );
  let body: HTMLElement;
  try {
    const measures = await api<Measures>(`api/measures?${query}`);
    from.value = measures.period.from;
    to.value = measures.period.to;
    body = h("div", {}, h("p", { class: "period" }, t.period(measures.period.from, measures.period.to)), figures(t, measures));
  } catch (e) {
    if (context.refused(e)) throw e;
    body = h("p", { class: "error", role: "alert" }, t.figuresFailed((e as Error).message));
  }
  return h("section", { class: "measures" }, h("h1", {}, `${t.measures} `, h("small", {}, t.measuresNote)), form, body);
}
