import { inputFields, type FormSchema } from "./form-schema.js";

export type EngineVariable = { value: unknown; type: string };

/** `2026-05-01` as the engine's Date format, midnight UTC. */
function engineDate(isoDate: string): string {
  return `${isoDate.slice(0, 10)}T00:00:00.000+0000`;
}

/**
 * Only the form's own fields become process variables, typed as contracts.md names them: dates
 * as Date, lists as Json. Anything else the browser sends is ignored.
 */
export function formVariables(schema: FormSchema, data: Record<string, unknown>): Record<string, EngineVariable> {
  const variables: Record<string, EngineVariable> = {};
  for (const field of inputFields(schema.components)) {
    const value = data[field.key!];
    if (value === undefined || value === null || value === "") continue;
    if (field.type === "datetime" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
      variables[field.key!] = { value: engineDate(value), type: "Date" };
    } else if (typeof value === "boolean") variables[field.key!] = { value, type: "Boolean" };
    else if (typeof value === "number") variables[field.key!] = { value, type: Number.isInteger(value) ? "Long" : "Double" };
    else if (typeof value === "string") variables[field.key!] = { value, type: "String" };
    else variables[field.key!] = { value: JSON.stringify(value), type: "Json" };
  }
  return variables;
}
