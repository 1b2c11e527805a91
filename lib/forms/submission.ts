/**
 * Checks a task form submission `{key: value}` against its Camunda Form and turns it into typed
 * Camunda variables, so a submission that the form would refuse never reaches the engine.
 */
import { evaluate } from "@bpmn-io/feelin";
import { z } from "zod";
import { engineDate, parseEngineDate } from "../engine/engine-date.js";
import { valueFields, type Choices, type FormDefinition, type FormField, type Option } from "./form-definition.js";
import { fromHelsinkiWallTime, helsinkiDate } from "../time/helsinki-date.js";
import { orderProblems } from "./field-order.js";

export const camundaVariable = z.discriminatedUnion("type", [
  z.object({ type: z.literal("String"), value: z.string() }),
  z.object({ type: z.literal("Boolean"), value: z.boolean() }),
  z.object({ type: z.literal("Integer"), value: z.number().int() }),
  z.object({ type: z.literal("Double"), value: z.number() }),
  z.object({ type: z.literal("Date"), value: z.string() }),
  z.object({ type: z.literal("Json"), value: z.string() }),
]);
export type CamundaVariable = z.infer<typeof camundaVariable>;

export type SubmissionResult =
  | { ok: true; variables: Record<string, CamundaVariable> }
  | { ok: false; errors: Record<string, string> };

const REQUIRED = "Pakollinen tieto / Required";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

const PASSED = "Päivämäärä ei voi olla mennyt / The date cannot be in the past";

function dateSchema(field: Extract<FormField, { type: "datetime" }>, now: Date) {
  const shape = field.subtype === "date" ? isoDate : isoDateTime;
  const hint = field.subtype === "date" ? "VVVV-KK-PP / YYYY-MM-DD" : "VVVV-KK-PPTHH:MM / YYYY-MM-DDTHH:MM";
  return z
    .string({ message: `Päivämäärä muodossa ${hint} / Date as ${hint}` })
    .regex(shape, `Päivämäärä muodossa ${hint} / Date as ${hint}`)
    .transform((s, ctx) => {
      // a date is stored as its UTC midnight; a time typed without a zone is Helsinki's, whatever the browser's zone
      const date = field.subtype === "date" ? new Date(`${s}T00:00:00Z`) : HAS_ZONE.test(s) ? new Date(s) : fromHelsinkiWallTime(s) ?? new Date(NaN);
      if (Number.isNaN(date.getTime()) || (field.subtype === "date" && date.toISOString().slice(0, 10) !== s)) {
        ctx.addIssue({ code: "custom", message: "Päivämäärää ei ole / No such date" });
        return z.NEVER;
      }
      // a date counts by the Finnish calendar: today is allowed, yesterday is not
      const passed = field.subtype === "date" ? s < helsinkiDate(now) : date.getTime() < now.getTime();
      if (field.disallowPassedDates && passed) {
        ctx.addIssue({ code: "custom", message: PASSED });
        return z.NEVER;
      }
      return { type: "Date" as const, value: engineDate(date) };
    });
}

function textSchema(field: FormField) {
  const v = field.validate ?? {};
  let s = z.string({ message: "Tekstiä / Text expected" });
  if (v.minLength !== undefined) s = s.min(v.minLength, `Vähintään ${v.minLength} merkkiä / At least ${v.minLength} characters`);
  if (v.maxLength !== undefined) s = s.max(v.maxLength, `Enintään ${v.maxLength} merkkiä / At most ${v.maxLength} characters`);
  if (v.pattern !== undefined) s = s.regex(new RegExp(`^(?:${v.pattern})$`), "Väärä muoto / Wrong format");
  return s.transform((value) => ({ type: "String" as const, value }));
}

function numberSchema(field: Extract<FormField, { type: "number" }>) {
  const v = field.validate ?? {};
  let n = z.number({ message: "Numero / Number expected" });
  if (v.min !== undefined) n = n.min(v.min, `Vähintään ${v.min} / At least ${v.min}`);
  if (v.max !== undefined) n = n.max(v.max, `Enintään ${v.max} / At most ${v.max}`);
  if (!field.decimalDigits) n = n.int("Kokonaisluku / Whole number expected");
  return n.transform((value) =>
    field.decimalDigits ? { type: "Double" as const, value } : { type: "Integer" as const, value });
}

/** A choice field's options: its own, or for dynamic options (`valuesKey`) those the server supplied with the task. */
function optionsOf(field: Extract<FormField, { type: "radio" | "select" }>, choices: Choices): readonly Option[] {
  return "values" in field ? field.values : (choices[field.valuesKey] ?? []);
}

function choiceSchema(field: Extract<FormField, { type: "radio" | "select" }>, choices: Choices) {
  const options = optionsOf(field, choices);
  const allowed = options.map((o) => o.value);
  const message = `Valitse jokin: ${options.map((o) => o.label).join(", ")} / Choose one of the options`;
  return z.custom<string | boolean | number>((x) => allowed.includes(x as never), message).transform((value) => {
    if (typeof value === "boolean") return { type: "Boolean" as const, value };
    if (typeof value === "number") return { type: "Integer" as const, value };
    return { type: "String" as const, value };
  });
}

function multiSchema(field: Extract<FormField, { type: "checklist" | "taglist" }>) {
  const allowed = field.values.map((o) => o.value);
  let list = z.array(z.custom((x) => allowed.includes(x as never)), {
    message: "Valitse annetuista vaihtoehdoista / Choose from the options",
  });
  if (field.validate?.required) list = list.min(1, REQUIRED);
  return list.transform((value) => ({ type: "Json" as const, value: JSON.stringify([...new Set(value)]) }));
}

function checkboxSchema(field: FormField) {
  const b = z.boolean({ message: "Kyllä tai ei / true or false" });
  return (field.validate?.required ? b.refine((x) => x, REQUIRED) : b).transform((value) => ({ type: "Boolean" as const, value }));
}

function fieldSchema(field: FormField, now: Date, choices: Choices): z.ZodType<CamundaVariable, unknown> {
  switch (field.type) {
    case "textfield":
    case "textarea":
      return textSchema(field);
    case "number":
      return numberSchema(field);
    case "checkbox":
      return checkboxSchema(field);
    case "radio":
    case "select":
      return choiceSchema(field, choices);
    case "checklist":
    case "taglist":
      return multiSchema(field);
    case "datetime":
      return dateSchema(field, now);
  }
}

const isEmpty = (x: unknown) => x === undefined || x === null || x === "";

/**
 * Whether the form hides `field` for this submission, by the same FEEL the form-js viewer
 * evaluates over the entered data. A hidden field is neither required nor submitted; an
 * expression that fails to evaluate hides nothing, as in the viewer.
 */
export function hidden(field: FormField, input: Record<string, unknown>): boolean {
  const hide = field.conditional?.hide?.trim();
  if (!hide?.startsWith("=")) return false;
  try {
    return evaluate(hide.slice(1), input).value === true;
  } catch {
    return false;
  }
}

/**
 * The zod schema of a form's submissions; it yields the Camunda variables to complete the task with.
 * `choices` are the options of dynamic choice fields (`valuesKey`), as the server gave them with the task.
 */
export function submissionSchema(form: FormDefinition, now: Date = new Date(), choices: Choices = {}) {
  const fields = valueFields(form);
  return z
    .record(z.string(), z.unknown())
    .superRefine((input, ctx) => {
      for (const key of Object.keys(input)) {
        if (!fields.some((f) => f.key === key)) ctx.addIssue({ code: "custom", path: [key], message: "Lomakkeessa ei ole tätä kenttää / Not a field of this form" });
      }
    })
    .transform((input, ctx) => {
      const variables: Record<string, CamundaVariable> = {};
      for (const field of fields) {
        const raw = input[field.key];
        // shown, never set: the viewer sends a read-only value back, and it must not change the process
        if (field.readonly) continue;
        if (hidden(field, input)) {
          if (!isEmpty(raw)) ctx.addIssue({ code: "custom", path: [field.key], message: "Kenttä ei koske tätä vastausta / This field does not apply to these answers" });
          continue;
        }
        if (isEmpty(raw)) {
          if (field.validate?.required) ctx.addIssue({ code: "custom", path: [field.key], message: REQUIRED });
          continue;
        }
        const result = fieldSchema(field, now, choices).safeParse(raw);
        if (result.success) variables[field.key] = result.data;
        else ctx.addIssue({ code: "custom", path: [field.key], message: result.error.issues[0]?.message ?? REQUIRED });
      }
      const instant = (v: unknown) => (v && typeof v === "object" && (v as CamundaVariable).type === "Date" ? (parseEngineDate((v as { value: string }).value)?.getTime() ?? null) : null);
      for (const [key, message] of Object.entries(orderProblems(variables, instant))) ctx.addIssue({ code: "custom", path: [key], message });
      return variables;
    });
}

/** `now` decides what "in the past" means for fields that refuse passed dates. */
export function validateSubmission(form: FormDefinition, submission: unknown, now: Date = new Date(), choices: Choices = {}): SubmissionResult {
  const result = submissionSchema(form, now, choices).safeParse(submission);
  if (result.success) return { ok: true, variables: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
