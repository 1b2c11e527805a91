import { readdirSync, readFileSync } from "node:fs";
import { expect } from "chai";
import { parseForm, valueFields } from "../../lib/forms/form-definition.js";
import { VARIABLES } from "../../lib/consent/classification.js";
import { CONSENT_FIELDS, CONSENT_FORM_ID } from "../../lib/consent/consent-form.js";
import { CONSENT_ITEMS } from "../../lib/consent/model.js";

const forms = readdirSync("forms").filter((f) => f.endsWith(".form")).map((f) => ({ file: f, form: parseForm(JSON.parse(readFileSync(`forms/${f}`, "utf8"))) }));
const diagrams = readdirSync("processes").filter((f) => f.endsWith(".bpmn")).map((f) => readFileSync(`processes/${f}`, "utf8"));
/** the consent form's answers become a consent version, never process variables (consent-form.ts) */
const CONSENT_ANSWERS = new Set<string>(Object.values(CONSENT_FIELDS).filter((k) => k !== CONSENT_FIELDS.given));

describe("consent classification (the shared view's table)", () => {
  it("places every field of every form: a field nobody placed would never cross, or would cross unchecked", () => {
    const missing = forms.flatMap(({ file, form }) => valueFields(form).map((f) => f.key).filter((k) => !CONSENT_ANSWERS.has(k) && !(k in VARIABLES)).map((k) => `${file}: ${k}`));
    expect(missing).to.deep.equal([]);
  });

  it("places every variable the diagrams read in an expression or map into a called pathway", () => {
    const names = new Set<string>();
    for (const xml of diagrams) {
      for (const m of xml.matchAll(/\$\{([^}]*)\}/g)) {
        const expression = m[1]!.replace(/&amp;/g, "&");
        // names given as strings to getVariable/hasVariable, and the bare identifiers, but no method names
        for (const quoted of expression.matchAll(/Variable\('(\w+)'\)/g)) names.add(quoted[1]!);
        for (const id of expression.replace(/'[^']*'/g, "").matchAll(/(?<![.\w])([a-z][A-Za-z]+)\b(?!\s*\()/g)) names.add(id[1]!);
      }
      for (const m of xml.matchAll(/camunda:(?:in|out) source="(\w+)"/g)) names.add(m[1]!);
    }
    // words of the expression language, not variables
    for (const word of ["execution", "true", "false", "null", "empty", "not", "and", "or", "eq", "ne"]) names.delete(word);
    expect([...names].filter((n) => !(n in VARIABLES)).sort()).to.deep.equal([]);
  });

  it("offers on the consent form exactly the consent items of the model, in both directions, under the keys the server reads", () => {
    const consent = forms.find((f) => f.form.id === CONSENT_FORM_ID)!.form;
    const fields = new Map(valueFields(consent).map((f) => [f.key, f]));
    for (const key of [CONSENT_FIELDS.toRise, CONSENT_FIELDS.toCounty]) {
      const field = fields.get(key) as { values?: { value: unknown }[] } | undefined;
      expect(field?.values?.map((v) => v.value), key).to.deep.equal([...CONSENT_ITEMS]);
    }
    expect([...fields.keys()].sort()).to.deep.equal(Object.values(CONSENT_FIELDS).sort());
  });

  it("keeps health data apart: substance-abuse and mental-health services are items of their own", () => {
    expect(VARIABLES.services).to.deep.equal({ owner: "county", item: "services" });
    expect(VARIABLES.meetingSummary!.item).to.equal("meeting-notes");
    expect(VARIABLES.conclusionSummary!.item).to.equal("assessment-outcome");
    // the children's situation is child welfare's and never crosses through Nivel
    expect(VARIABLES.childrenSituation!.item).to.equal(null);
  });
});
