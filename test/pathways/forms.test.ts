import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { parseForm, valueFields, type Choices, type FormField } from "../../lib/forms/form-definition.js";
import { hidden, validateSubmission } from "../../lib/forms/submission.js";
import { FIELD_ORDER } from "../../lib/forms/field-order.js";

const formFiles = readdirSync("forms").filter((f) => f.endsWith(".form"));
/** the day these tests' dates are written for; forms that refuse past dates judge from it */
const NOW = new Date("2026-11-23T10:00:00+02:00");
/** the dynamic options the server would give with a task (web/server/tasklist/form-choices.ts) */
const CHOICES: Choices = { countySocialWorkers: [{ label: "Sanna Nieminen", value: "sw.nieminen" }, { label: "Heikki Hämäläinen", value: "sw.hamalainen" }] };
const load = (file: string) => parseForm(JSON.parse(readFileSync(join("forms", file), "utf8")));

/** A value each field accepts, built from the form itself so every form is covered. */
function acceptable(field: FormField): unknown {
  switch (field.type) {
    case "textfield":
    case "textarea":
      return "x".repeat(Math.max(field.validate?.minLength ?? 1, 12));
    case "number":
      return field.validate?.min ?? 1;
    case "checkbox":
      return true;
    case "radio":
    case "select":
      return ("values" in field ? field.values : CHOICES[field.valuesKey]!)[0]!.value;
    case "checklist":
    case "taglist":
      return [field.values[0]!.value];
    case "datetime":
      // a field that must come after another (lib/forms/field-order.ts) gets a later value
      if (FIELD_ORDER.some((r) => r.after === field.key)) return field.subtype === "date" ? "2026-12-02" : "2026-12-01T11:30:00+02:00";
      return field.subtype === "date" ? "2026-12-01" : "2026-12-01T10:30:00+02:00";
  }
}

const expectedType: Record<FormField["type"], string[]> = {
  textfield: ["String"], textarea: ["String"], number: ["Integer", "Double"], checkbox: ["Boolean"],
  radio: ["String", "Boolean", "Integer"], select: ["String", "Boolean", "Integer"],
  checklist: ["Json"], taglist: ["Json"], datetime: ["Date"],
};

describe("form submissions (lib/forms)", () => {
  it("there are forms to check", () => expect(formFiles.length).to.be.greaterThan(0));

  for (const file of formFiles) {
    describe(file, () => {
      const form = load(file);
      const fields = valueFields(form);
      const answers = Object.fromEntries(fields.map((f) => [f.key, acceptable(f)]));
      // what the viewer would submit: no value for a field these answers hide
      const full = Object.fromEntries(fields.filter((f) => !hidden(f, answers)).map((f) => [f.key, answers[f.key]]));

      it("accepts a complete submission and types every variable", () => {
        const result = validateSubmission(form, full, NOW, CHOICES);
        expect(result.ok, JSON.stringify(result)).to.equal(true);
        if (!result.ok) return;
        for (const field of fields.filter((f) => !f.readonly && f.key in full)) expect(expectedType[field.type]).to.include(result.variables[field.key]!.type);
      });

      for (const field of fields.filter((f) => f.validate?.required)) {
        it(`refuses a submission without the required ${field.key}`, () => {
          const { [field.key]: _left, ...rest } = full;
          const result = validateSubmission(form, rest, NOW, CHOICES);
          expect(result.ok).to.equal(false);
          // (a field that only applies to some answers of this one may be refused too)
          if (!result.ok) expect(result.errors[field.key]).to.equal("Pakollinen tieto / Required");
        });
      }

      for (const field of fields.filter((f) => !f.readonly && (f.type === "radio" || f.type === "select" || f.type === "checklist"))) {
        it(`refuses a value of ${field.key} that is not one of its options`, () => {
          const bad = field.type === "checklist" ? ["not-an-option"] : "not-an-option";
          const result = validateSubmission(form, { ...full, [field.key]: bad }, NOW, CHOICES);
          expect(result.ok).to.equal(false);
          if (!result.ok) expect(result.errors[field.key]).to.be.a("string");
        });
      }

      it("refuses a key the form does not have", () => {
        const result = validateSubmission(form, { ...full, personalIdentityCode: "010101-123A" }, NOW, CHOICES);
        expect(result).to.deep.equal({ ok: false, errors: { personalIdentityCode: "Lomakkeessa ei ole tätä kenttää / Not a field of this form" } });
      });
    });
  }

  describe("field rules", () => {
    const register = load("ja-register.form");
    const meeting = load("ja-meeting.form");
    const conclusion = load("ja-conclusion.form");

    it("turns a date field into a Camunda Date at midnight UTC", () => {
      const result = validateSubmission(register, { contactDate: "2026-11-23", urgent: false, personalWorkerId: "sw.nieminen" }, NOW, CHOICES);
      expect(result).to.deep.equal({ ok: true, variables: {
        contactDate: { type: "Date", value: "2026-11-23T00:00:00.000+0000" },
        urgent: { type: "Boolean", value: false },
        personalWorkerId: { type: "String", value: "sw.nieminen" },
      } });
    });

    it("refuses a date that does not exist and one in another format", () => {
      expect(validateSubmission(register, { contactDate: "2026-02-30", personalWorkerId: "sw.nieminen" }, NOW, CHOICES)).to.deep.equal({ ok: false, errors: { contactDate: "Päivämäärää ei ole / No such date" } });
      const result = validateSubmission(register, { contactDate: "23.11.2026" }, NOW, CHOICES);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors.contactDate).to.match(/^Päivämäärä muodossa VVVV-KK-PP/);
    });

    it("keeps the time and offset of a date-time field", () => {
      const result = validateSubmission(meeting, { meetingStart: "2026-12-01T10:30+02:00", meetingEnd: "2026-12-01T12:00+02:00", meetingPlace: "Vankila", meetingSummary: "Sovittiin asunnosta", moreMeetings: false }, NOW, CHOICES);
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.variables.meetingStart).to.deep.equal({ type: "Date", value: "2026-12-01T08:30:00.000+0000" });
    });

    it("reads a time typed without a zone as Helsinki's wall clock, in winter and in summer, and refuses one that does not exist there", () => {
      const at = (meetingStart: string) => {
        const result = validateSubmission(meeting, { meetingStart, meetingEnd: "2027-12-31T12:00", meetingPlace: "Vankila", meetingSummary: "ok", moreMeetings: false }, NOW, CHOICES);
        return result.ok ? result.variables.meetingStart : result.errors;
      };
      // winter: UTC+2
      expect(at("2026-12-07T09:00")).to.deep.equal({ type: "Date", value: "2026-12-07T07:00:00.000+0000" });
      // summer: UTC+3
      expect(at("2027-06-14T09:00")).to.deep.equal({ type: "Date", value: "2027-06-14T06:00:00.000+0000" });
      // just after midnight in Helsinki is the evening before in UTC
      expect(at("2027-01-01T00:30")).to.deep.equal({ type: "Date", value: "2026-12-31T22:30:00.000+0000" });
      // 28 Mar 2027: the clocks go from 03:00 to 04:00, so 03:30 is no time in Helsinki
      expect(at("2027-03-28T03:30")).to.deep.equal({ meetingStart: "Päivämäärää ei ole / No such date" });
      expect(at("2027-03-28T04:00")).to.deep.equal({ type: "Date", value: "2027-03-28T01:00:00.000+0000" });
      // 31 Oct 2027: 03:30 comes twice; taken as the second, in winter time again
      expect(at("2027-10-31T03:30")).to.deep.equal({ type: "Date", value: "2027-10-31T01:30:00.000+0000" });
    });

    it("refuses a meeting that ends before it starts, and a release before the contact, on the later field, changing nothing", () => {
      const ends = validateSubmission(meeting, { meetingStart: "2026-12-07T10:00", meetingEnd: "2026-12-07T09:00", meetingPlace: "Vankila", meetingSummary: "ok", moreMeetings: false }, NOW, CHOICES);
      expect(ends).to.deep.equal({ ok: false, errors: { meetingEnd: "Tapaaminen ei voi päättyä ennen kuin se alkaa / The meeting cannot end before it starts" } });
      const same = validateSubmission(meeting, { meetingStart: "2026-12-07T10:00", meetingEnd: "2026-12-07T10:00", meetingPlace: "Vankila", meetingSummary: "ok", moreMeetings: false }, NOW, CHOICES);
      expect(same.ok, "a meeting of no length").to.equal(false);
      const early = validateSubmission(register, { contactDate: "2026-11-23", releaseDate: "2026-11-20", personalWorkerId: "sw.nieminen" }, new Date("2026-11-01T10:00:00+02:00"), CHOICES);
      expect(early).to.deep.equal({ ok: false, errors: { releaseDate: "Vapautumispäivä ei voi olla ennen yhteydenottoa / The release date cannot be before the contact" } });
      const sameDay = validateSubmission(register, { contactDate: "2026-11-23", releaseDate: "2026-11-23", personalWorkerId: "sw.nieminen" }, new Date("2026-11-01T10:00:00+02:00"), CHOICES);
      expect(sameDay.ok, "released on the day of the contact").to.equal(true);
    });

    it("enforces text lengths with a readable message", () => {
      const result = validateSubmission(meeting, { meetingStart: "2026-12-01T10:30", meetingEnd: "2026-12-01T12:00", meetingPlace: "V", meetingSummary: "ok", moreMeetings: true }, NOW, CHOICES);
      expect(result).to.deep.equal({ ok: false, errors: { meetingPlace: "Vähintään 2 merkkiä / At least 2 characters" } });
    });

    it("stores a checklist as a Json array without repeats", () => {
      const result = validateSubmission(conclusion, { needsMultiAgencyWork: true, services: ["housing", "income", "housing"], conclusionSummary: "Asunto ja toimeentulo" }, NOW, CHOICES);
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.variables.services).to.deep.equal({ type: "Json", value: '["housing","income"]' });
    });

    it("asks for the next review date only when the follow-up goes on, as the form's FEEL condition says", () => {
      const review = load("rp-plan-review.form");
      expect(validateSubmission(review, { reviewNote: "Jatketaan", continueFollowUp: true }, NOW, CHOICES)).to.deep.equal({
        ok: false,
        errors: { planReviewDate: "Pakollinen tieto / Required" },
      });
      const ending = validateSubmission(review, { reviewNote: "Päätetään", continueFollowUp: false }, NOW, CHOICES);
      expect(ending).to.deep.equal({ ok: true, variables: { reviewNote: { type: "String", value: "Päätetään" }, continueFollowUp: { type: "Boolean", value: false } } });
      expect(validateSubmission(review, { reviewNote: "Päätetään", continueFollowUp: false, planReviewDate: "2027-05-01" }, NOW, CHOICES)).to.deep.equal({
        ok: false,
        errors: { planReviewDate: "Kenttä ei koske tätä vastausta / This field does not apply to these answers" },
      });
    });

    it("shows the service a continuity or ending task is about, read-only: what comes back for it never reaches the process", () => {
      for (const file of ["rp-service-confirm.form", "rp-ending.form"]) {
        const form = load(file);
        expect(valueFields(form).find((f) => f.key === "serviceKind")?.readonly, file).to.equal(true);
      }
      const result = validateSubmission(load("rp-ending.form"), { serviceKind: "income", serviceOutcome: "continues", endingNote: "Jatkuu" }, NOW, CHOICES);
      expect(result).to.deep.equal({ ok: true, variables: {
        serviceOutcome: { type: "String", value: "continues" },
        endingNote: { type: "String", value: "Jatkuu" },
      } });
    });

    it("refuses a review date in the past by the Finnish calendar, and takes today", () => {
      const plan = load("rp-client-plan.form");
      // 23:30 on 22 Nov in UTC is already 23 Nov in Helsinki
      const lateEvening = new Date("2026-11-22T23:30:00Z");
      expect(validateSubmission(plan, { planGoals: "Asunto", planReviewDate: "2026-11-22" }, lateEvening)).to.deep.equal({
        ok: false,
        errors: { planReviewDate: "Päivämäärä ei voi olla mennyt / The date cannot be in the past" },
      });
      expect(validateSubmission(plan, { planGoals: "Asunto", planReviewDate: "2026-11-23" }, lateEvening).ok).to.equal(true);
      // a form without the rule still records past dates, as a contact date must be
      expect(validateSubmission(load("ja-register.form"), { contactDate: "2020-01-01", personalWorkerId: "sw.hamalainen" }, NOW, CHOICES).ok).to.equal(true);
    });

    it("takes a dynamic choice (valuesKey) only from the options the server gave with the task", () => {
      const pick = { contactDate: "2026-11-23", personalWorkerId: "sw.koskinen" };
      // a social worker of another county is not among the case's county's social workers
      expect(validateSubmission(register, pick, NOW, CHOICES).ok).to.equal(false);
      // with no options given, nothing can be chosen
      expect(validateSubmission(register, { ...pick, personalWorkerId: "sw.nieminen" }, NOW).ok).to.equal(false);
    });

    it("reads the fields of a group as the form's own", () => {
      const grouped = parseForm({
        id: "g", type: "default",
        components: [{ id: "grp", type: "group", label: "Ryhmä", components: [{ id: "n", type: "textfield", key: "note", label: "Huomio", validate: { required: true } }] }],
      });
      expect(validateSubmission(grouped, {}, NOW, CHOICES)).to.deep.equal({ ok: false, errors: { note: "Pakollinen tieto / Required" } });
      expect(validateSubmission(grouped, { note: "ok" }, NOW, CHOICES)).to.deep.equal({ ok: true, variables: { note: { type: "String", value: "ok" } } });
    });

    it("refuses a form whose field has no options to choose from", () => {
      expect(() => parseForm({ id: "x", type: "default", executionPlatform: "Camunda Platform", executionPlatformVersion: "7.24.0", components: [{ id: "a", type: "radio", key: "a", values: [] }] })).to.throw();
    });
  });
});
