import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { CaseView } from "./types.js";

/** Beside the form: the client's path so far, the clocks, the plans, the network and consent. */
export async function caseSection(caseRef: string, t: Strings, errorBox: (e: unknown) => HTMLElement): Promise<HTMLElement> {
  let view: CaseView;
  try {
    view = await api<CaseView>(`/api/cases/${encodeURIComponent(caseRef)}`);
  } catch (error) {
    return h("aside", { class: "case", "aria-labelledby": "case-title" }, h("h2", { id: "case-title" }, `${t.case} ${caseRef}`), errorBox(error));
  }
  return caseAside(view, t);
}

/** The case as caseSection shows it, from a view already fetched. */
export function caseAside(view: CaseView, t: Strings): HTMLElement {
  const aside = h("aside", { class: "case", "aria-labelledby": "case-title" });
  const lang = document.documentElement.lang;
  aside.append(
    h("h2", { id: "case-title" }, `${t.case} ${view.caseRef}`),
    h("p", { class: "meta" }, view.processDefinitionName, view.clientName ? ` · ${t.client}: ${view.clientName}` : ""),
    h("h3", {}, t.clocks),
    view.clocks.length
      ? h(
          "ul",
          { class: "clocks" },
          ...view.clocks.map((c) =>
            h(
              "li",
              { class: c.passed ? "passed" : c.daysLeft <= 7 ? "soon" : undefined },
              h("span", { class: "clock-name" }, t.clockNames[c.name] ?? c.name),
              h("span", {}, formatDate(c.due, lang)),
              h("strong", {}, t.daysLeft(c.daysLeft)),
            ),
          ),
        )
      : h("p", { class: "empty" }, "–"),
    h("h3", {}, t.path),
    view.steps.length
      ? h("ol", { class: "steps" }, ...view.steps.map((s) => h("li", {}, h("span", {}, s.name), h("time", { datetime: s.endedAt }, formatDate(s.endedAt, lang)))))
      : h("p", { class: "empty" }, t.noSteps),
    h("h3", {}, t.plans),
    h(
      "ul",
      { class: "plans" },
      ...(["rise", "county"] as const).map((owner) => {
        const plan = view.plans[owner];
        const goals = plan?.content.goals ?? [];
        return h(
          "li",
          {},
          h("strong", {}, t.planOwners[owner] ?? owner),
          ": ",
          plan ? t.planVersion(plan.version, formatDate(plan.savedAt, lang)) : view.plansWithheld.includes(owner) ? t.planWithheld : t.noPlan,
          goals.length ? h("ul", {}, ...goals.map((g) => h("li", {}, String(g.text ?? g.title ?? "")))) : null,
        );
      }),
      jointItem(view, t),
    ),
    h("h3", {}, t.network),
    view.network.length
      ? h("ul", { class: "network" }, ...view.network.map((m) => h("li", {}, `${m.name} – ${m.role}${m.organisation ? `, ${m.organisation}` : ""}`)))
      : h("p", { class: "empty" }, t.noNetwork),
    h("p", {}, `${t.consent}: `, h("strong", {}, view.consent?.grants.length ? t.consentInForce(view.consent.version, view.consent.grants.length) : t.consentNo)),
  );
  return aside;
}

/** The joint plan: what of the other organisation's plan crosses to this viewer, by consent, now. */
function jointItem(view: CaseView, t: Strings): HTMLElement {
  const joint = view.plans.joint;
  const other = view.plansWithheld[0];
  const shared = joint?.joint.shared ?? [];
  const goals = other && joint?.joint.goals ? joint.joint.goals.flatMap((g) => g[other]) : [];
  return h(
    "li",
    {},
    h("strong", {}, t.planOwners.joint ?? "joint"),
    ": ",
    shared.length ? `${t.jointShared}: ${shared.map((i) => t.consentItemNames[i] ?? i).join(", ")}` : t.noPlan,
    goals.length ? h("ul", {}, ...goals.map((g) => h("li", {}, g))) : null,
  );
}
