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

/** form-js's way of showing a field only when it applies: a FEEL expression that hides it */
const conditional = z.object({ hide: z.string().optional() }).optional();

/** a read-only field shows a value the process already has (e.g. which service a task is about) */
const readonly = z.boolean().optional();

const base = { id: z.string(), key: z.string(), label: z.string().optional(), validate, conditional, readonly };

export const formField = z.union([
  z.object({ ...base, type: z.enum(["textfield", "textarea"]) }),
  z.object({ ...base, type: z.literal("number"), decimalDigits: z.number().int().nonnegative().optional() }),
  z.object({ ...base, type: z.literal("checkbox") }),
  z.object({ ...base, type: z.enum(["radio", "select"]), values: z.array(option).min(1) }),
  /**
   * form-js's dynamic options: the choices come with the task's data under `valuesKey` (e.g. the
   * case's county's social workers), so the server that supplies them also checks the answer
   */
  z.object({ ...base, type: z.enum(["radio", "select"]), valuesKey: z.string().min(1) }),
  z.object({ ...base, type: z.enum(["checklist", "taglist"]), values: z.array(option).min(1) }),
  z.object({
    ...base,
    type: z.literal("datetime"),
    subtype: z.enum(["date", "datetime"]),
    dateLabel: z.string().optional(),
    /** form-js's "no dates in the past": a review or meeting being agreed lies ahead */
    disallowPassedDates: z.boolean().optional(),
  }),
]);
export type FormField = z.infer<typeof formField>;
export type Option = z.infer<typeof option>;
/** The options of dynamic choice fields, by their `valuesKey`. */
export type Choices = Record<string, readonly Option[]>;

/** Components that carry no value (text, spacers, groups' layout) are kept but not validated. */
type Component = { type: string; key?: string; path?: string; components?: Component[] };
const component: z.ZodType<Component> = z.lazy(() =>
  z.looseObject({ type: z.string(), key: z.string().optional(), path: z.string().optional(), components: z.array(component).optional() }),
);

export const formDefinition = z.object({
  id: z.string().min(1),
  type: z.literal("default"),
  // set by the modeler for Camunda 7; forms from elsewhere may lack them, which changes nothing here
  executionPlatform: z.literal("Camunda Platform").optional(),
  executionPlatformVersion: z.string().optional(),
  components: z.array(component),
});
export type FormDefinition = z.infer<typeof formDefinition>;

/** Value-carrying components, with those of groups: a group without a `path` keeps its fields' keys at the top. */
function flatten(components: Component[]): Component[] {
  return components.flatMap((c) => {
    if (c.type !== "group") return [c];
    if (c.path) throw new Error(`group with path "${c.path}" is not supported: give its fields keys of their own`);
    return flatten(c.components ?? []);
  });
}

/** The form's value fields, each checked against the field shapes above. */
export function valueFields(form: FormDefinition): FormField[] {
  return flatten(form.components).filter((c) => c.key !== undefined).map((c) => formField.parse(c));
}

export function parseForm(json: unknown): FormDefinition {
  const form = formDefinition.parse(json);
  valueFields(form);
  return form;
}
