import { inputFields, type FormSchema } from "./form-schema.js";

export interface FieldError {
  key: string;
  label: string;
  message: string;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * The form's own validation rules, checked again on the server: the browser's check is a
 * convenience, this one is what keeps a bad submission out of the engine.
 */
export function validateSubmission(schema: FormSchema, data: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of inputFields(schema.components)) {
    const key = field.key!;
    const label = field.label ?? key;
    const rules = field.validate ?? {};
    const value = data[key];
    const fail = (message: string) => errors.push({ key, label, message });
    if (isEmpty(value)) {
      if (rules.required && field.type !== "checkbox") fail("is required");
      if (rules.required && field.type === "checkbox" && value !== true) fail("is required");
      continue;
    }
    if (field.type === "checkbox" && rules.required && value !== true) fail("is required");
    if (field.type === "number") {
      const n = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(n)) fail("must be a number");
      else {
        if (rules.min !== undefined && n < rules.min) fail(`must be at least ${rules.min}`);
        if (rules.max !== undefined && n > rules.max) fail(`must be at most ${rules.max}`);
      }
    }
    if (typeof value === "string") {
      if (rules.minLength !== undefined && value.length < rules.minLength) fail(`must have at least ${rules.minLength} characters`);
      if (rules.maxLength !== undefined && value.length > rules.maxLength) fail(`must have at most ${rules.maxLength} characters`);
      if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`).test(value)) fail("has the wrong format");
    }
  }
  return errors;
}
