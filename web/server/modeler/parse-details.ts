import { z } from "zod";

/**
 * Camunda 7.24's REST API spells the field with a Cyrillic "е" (U+0435), Operaton with a Latin
 * "e": both are read, and the modeler gets `elementIds` either way.
 */
const CYRILLIC_ELEMENT_IDS = "\u0435lementIds";

const Problem = z
  .object({
    message: z.string(),
    line: z.number().nullish(),
    column: z.number().nullish(),
    mainElementId: z.string().nullish(),
    elementIds: z.array(z.string()).nullish(),
    [CYRILLIC_ELEMENT_IDS]: z.array(z.string()).nullish(),
  })
  .transform((p) => ({
    message: p.message,
    line: p.line ?? null,
    column: p.column ?? null,
    mainElementId: p.mainElementId ?? null,
    elementIds: p.elementIds ?? p[CYRILLIC_ELEMENT_IDS] ?? (p.mainElementId ? [p.mainElementId] : []),
  }));

/** The engine's parse problems per resource, with the BPMN elements they concern. */
export const ParseDetails = z.record(
  z.string(),
  z.object({
    errors: z.array(Problem).default([]),
    warnings: z.array(Problem).default([]),
  }),
);
export type ParseDetails = z.infer<typeof ParseDetails>;
