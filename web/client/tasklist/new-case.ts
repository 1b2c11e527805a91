import { ApiError, api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import type { Strings } from "./strings.js";
import type { Organisations, Pathway, StartedCase } from "./types.js";

const ORGANISATIONS = ["rise-prison", "rise-community-sanctions", "county", "client"] as const;
const FIELDS = ["pathway", "clientName", "referrerOrganisation", "municipality", "riseUnitId"] as const;

/** The organisation a starter most likely refers from: intake receives for the county, RISE refers from prison. */
function defaultOrganisation(groups: string[]): string {
  return groups.includes("rise-caseworker") ? "rise-prison" : groups.includes("county-intake") ? "county" : "";
}

/**
 * "New case": the pathways the user may start, the client's name and the referring organisation.
 * The server decides; its field errors are shown at their fields. On success `started` gets the
 * new case's reference.
 */
export async function newCaseSection(
  t: Strings,
  groups: string[],
  errorBox: (e: unknown) => HTMLElement,
  started: (caseRef: string) => void,
): Promise<HTMLElement> {
  const section = h("section", { class: "new-case", "aria-labelledby": "new-case-title" });
  section.append(h("h1", { id: "new-case-title" }, t.newCase));
  let pathways: Pathway[];
  let organisations: Organisations;
  try {
    [pathways, organisations] = await Promise.all([api<Pathway[]>("/api/pathways").then((all) => all.filter((p) => p.startable)), api<Organisations>("/api/organisations")]);
  } catch (error) {
    section.append(errorBox(error));
    return section;
  }
  if (!pathways.length) {
    section.append(h("p", { class: "error", role: "alert" }, t.mayNotStart));
    return section;
  }

  const status = h("div", { class: "status", "aria-live": "assertive" });
  const fieldError = (key: (typeof FIELDS)[number]) => h("p", { class: "field-error", id: `new-case-${key}-error` });
  const errorOf: Record<(typeof FIELDS)[number], HTMLElement> = {
    pathway: fieldError("pathway"),
    clientName: fieldError("clientName"),
    referrerOrganisation: fieldError("referrerOrganisation"),
    municipality: fieldError("municipality"),
    riseUnitId: fieldError("riseUnitId"),
  };
  const lang = document.documentElement.lang === "sv" ? "sv" : "fi";
  // a RISE officer's case is their own unit's; the county names the RISE unit it works with
  const countyStarts = groups.includes("county-intake") && !groups.includes("rise-caseworker");
  const pathwayChoices = h(
    "fieldset",
    { class: "choices", "aria-describedby": "new-case-pathway-error" },
    h("legend", {}, t.pathway),
    ...pathways.map((p) =>
      h(
        "label",
        { class: "choice" },
        h("input", { type: "radio", name: "pathway", value: p.key, required: true, checked: pathways.length === 1 }),
        h("span", {}, h("strong", {}, t.pathwayNames[p.key] ?? p.name), t.pathwayHints[p.key] ? h("span", { class: "hint-text" }, t.pathwayHints[p.key]) : null),
      ),
    ),
    errorOf.pathway,
  );
  const initialOrganisation = defaultOrganisation(groups);
  const form = h(
    "form",
    { class: "case-form", novalidate: true },
    pathwayChoices,
    h("label", { for: "new-case-client" }, t.clientName),
    h("input", {
      id: "new-case-client",
      name: "clientName",
      autocomplete: "off",
      maxlength: "200",
      required: true,
      "aria-describedby": "new-case-clientName-error",
    }),
    errorOf.clientName,
    h("label", { for: "new-case-referrer" }, t.referrerOrganisation),
    h(
      "select",
      { id: "new-case-referrer", name: "referrerOrganisation", required: true, "aria-describedby": "new-case-referrerOrganisation-error" },
      h("option", { value: "", selected: !initialOrganisation }, "–"),
      ...ORGANISATIONS.map((o) => h("option", { value: o, selected: o === initialOrganisation }, t.organisationNames[o] ?? o)),
    ),
    errorOf.referrerOrganisation,
    h("label", { for: "new-case-municipality" }, t.municipality),
    h(
      "select",
      { id: "new-case-municipality", name: "municipality", required: true, "aria-describedby": "new-case-municipality-error" },
      h("option", { value: "" }, "–"),
      ...organisations.municipalities.map((m) => h("option", { value: m.code }, m.name[lang])),
    ),
    errorOf.municipality,
    countyStarts ? h("label", { for: "new-case-rise-unit" }, t.riseUnit) : null,
    countyStarts
      ? h(
          "select",
          { id: "new-case-rise-unit", name: "riseUnitId", required: true, "aria-describedby": "new-case-riseUnitId-error" },
          h("option", { value: "" }, "–"),
          ...organisations.riseUnits.map((u) => h("option", { value: u.id }, u.name[lang])),
        )
      : null,
    errorOf.riseUnitId,
    h("p", { class: "meta" }, t.newCaseHint),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, t.startCase), " ", h("a", { href: "#/" }, t.cancel)),
    status,
  );

  const fieldElement = (key: string): HTMLElement | null =>
    key === "pathway" ? pathwayChoices.querySelector("input") : (form.elements.namedItem(key) as HTMLElement | null);
  const showErrors = (fields: { key: string; message: string }[]) => {
    for (const key of FIELDS) {
      errorOf[key].replaceChildren();
      fieldElement(key)?.removeAttribute("aria-invalid");
    }
    const other: string[] = [];
    for (const f of fields) {
      if ((FIELDS as readonly string[]).includes(f.key)) {
        const key = f.key as (typeof FIELDS)[number];
        errorOf[key].replaceChildren(t.newCaseErrors[key] ?? f.message);
        fieldElement(key)?.setAttribute("aria-invalid", "true");
      } else other.push(`${f.key}: ${f.message}`);
    }
    status.replaceChildren(h("p", { class: "error", role: "alert" }, [t.fixErrors, ...other].join(" ")));
    fieldElement(fields.find((f) => (FIELDS as readonly string[]).includes(f.key))?.key ?? "")?.focus();
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const submit = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    submit.disabled = true;
    try {
      const result = await api<StartedCase>("/api/cases", {
        method: "POST",
        body: {
          pathway: data.get("pathway") ?? "",
          clientName: data.get("clientName") ?? "",
          referrerOrganisation: data.get("referrerOrganisation") ?? "",
          municipality: data.get("municipality") ?? "",
          ...(countyStarts ? { riseUnitId: data.get("riseUnitId") ?? "" } : {}),
        },
      });
      started(result.caseRef);
    } catch (error) {
      submit.disabled = false;
      const fields = error instanceof ApiError ? (error.body as { fields?: { key: string; message: string }[] }).fields : undefined;
      if (error instanceof ApiError && error.status === 400 && fields?.length) showErrors(fields);
      else if (error instanceof ApiError && error.status === 403 && error.type === "AuthorizationException")
        status.replaceChildren(h("p", { class: "error", role: "alert" }, t.mayNotStart));
      else status.replaceChildren(errorBox(error));
    }
  });
  section.append(form);
  return section;
}
