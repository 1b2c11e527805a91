/** The part of a Camunda Form (form-js JSON) that decides what a submission may contain. */
import { z } from "zod";

const option = z.object({ label: z.string(), value: z.union([z.string(), z.boolean(), z.number()]) });

const validate = z
  .object({
    required: z.boolean().optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().optional(),
    pattern: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .optional();

const base = { id: z.string(), key: z.string(), label: z.string().optional(), validate };

export const formField = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.enum(["textfield", "textarea"]) }),
  z.object({ ...base, type: z.literal("number"), decimalDigits: z.number().int().nonnegative().optional() }),
  z.object({ ...base, type: z.literal("checkbox") }),
  z.object({ ...base, type: z.enum(["radio", "select"]), values: z.array(option).min(1) }),
  z.object({ ...base, type: z.enum(["checklist", "taglist"]), values: z.array(option).min(1) }),
  z.object({ ...base, type: z.literal("datetime"), subtype: z.enum(["date", "datetime"]), dateLabel: z.string().optional() }),
]);
export type FormField = z.infer<typeof formField>;

/** Components that carry no value (text, spacers, groups' layout) are kept but not validated. */
const component = z.looseObject({ type: z.string(), key: z.string().optional() });

export const formDefinition = z.object({
  id: z.string().min(1),
  type: z.literal("default"),
  executionPlatform: z.literal("Camunda Platform"),
  executionPlatformVersion: z.string(),
  components: z.array(component),
});
export type FormDefinition = z.infer<typeof formDefinition>;

/** The form's value fields, each checked against the field shapes above. */
export function valueFields(form: FormDefinition): FormField[] {
  return form.components.filter((c) => c.key !== undefined).map((c) => formField.parse(c));
}

export function parseForm(json: unknown): FormDefinition {
  const form = formDefinition.parse(json);
  valueFields(form);
  return form;
}
