import { z } from "zod";

/** The part of a form-js schema the server needs: its fields, their keys, types and validation. */
export interface FormField {
  type: string;
  key?: string;
  label?: string;
  subtype?: string;
  validate?: { required?: boolean; min?: number; max?: number; minLength?: number; maxLength?: number; pattern?: string };
  components?: FormField[];
}

const Validate = z
  .object({
    required: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    pattern: z.string().optional(),
  })
  .partial();

export const FormField: z.ZodType<FormField> = z.lazy(() =>
  z.object({
    type: z.string(),
    key: z.string().optional(),
    label: z.string().optional(),
    subtype: z.string().optional(),
    validate: Validate.optional(),
    components: z.array(FormField).optional(),
  }),
);

export const FormSchema = z.object({ components: z.array(FormField) });
export type FormSchema = z.infer<typeof FormSchema>;

/** The fields that carry a value, groups flattened. */
export function inputFields(fields: FormField[]): FormField[] {
  return fields.flatMap((f) => [...(f.key && f.type !== "group" ? [f] : []), ...inputFields(f.components ?? [])]);
}
