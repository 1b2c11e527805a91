import type { EngineClient } from "../../../lib/engine/client.js";
import { staffOf } from "../../../lib/engine/staff.js";
import { valueFields, type Choices, type FormDefinition, type Option } from "../../../lib/forms/form-definition.js";
import type { Store } from "../../../lib/store/index.js";

/**
 * The options of a form's dynamic choice fields (form-js `valuesKey`), worked out for the case:
 * the server gives them with the task and checks the answer against the same list, so nothing
 * later steps need (a personal worker) can be typed wrong.
 */
const SOURCES: Record<string, (engine: EngineClient, countyId: string) => Promise<Option[]>> = {
  /** the social workers of the case's county: the personal worker is one of them (SHL 42 §) */
  countySocialWorkers: async (engine, countyId) => (await staffOf(engine, countyId, "county-social-worker")).map((s) => ({ label: s.name, value: s.id })),
};

export async function choicesFor(engine: EngineClient, store: Store, form: FormDefinition, caseRef: string | null): Promise<Choices> {
  const keys = [...new Set(valueFields(form).flatMap((f) => ("valuesKey" in f ? [f.valuesKey] : [])))];
  if (!keys.length) return {};
  const record = caseRef ? await store.cases.get(caseRef) : null;
  const entries = await Promise.all(keys.map(async (key) => [key, record && SOURCES[key] ? await SOURCES[key](engine, record.countyId) : []] as const));
  return Object.fromEntries(entries);
}
