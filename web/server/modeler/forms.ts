import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** A Camunda Form as a file: its resource name and its form-js JSON text. */
export const FormFile = z.object({
  name: z.string().regex(/^[\w.-]+\.form$/, "A form's file name ends in .form"),
  content: z.string().min(2),
});
export type FormFile = z.infer<typeof FormFile>;

const FormSchemaId = z.object({ id: z.string().min(1) });

/** The id `camunda:formRef` uses to name the form. */
export function formId(form: FormFile): string {
  return FormSchemaId.parse(JSON.parse(form.content)).id;
}

export function readForms(dir: string): FormFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".form"))
    .sort()
    .map((name) => ({ name, content: readFileSync(join(dir, name), "utf8") }));
}

/**
 * The forms a diagram references, each taken from the edited ones when given, else from the
 * forms folder. Names a missing form instead of deploying a diagram whose tasks cannot open.
 */
export function formsFor(refs: string[], edited: FormFile[], stored: FormFile[]): { forms: FormFile[]; missing: string[] } {
  const byId = new Map<string, FormFile>();
  for (const form of [...stored, ...edited]) byId.set(formId(form), form);
  const forms: FormFile[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const form = byId.get(ref);
    if (form) forms.push(form);
    else missing.push(ref);
  }
  return { forms, missing };
}
