import { z } from "zod";

/** The engine's parse problems per resource, with the BPMN elements they concern. */
export const ParseDetails = z.record(
  z.string(),
  z.object({
    errors: z.array(z.object({ message: z.string(), elementIds: z.array(z.string()).nullish() }).loose()).default([]),
    warnings: z.array(z.object({ message: z.string(), elementIds: z.array(z.string()).nullish() }).loose()).default([]),
  }),
);
export type ParseDetails = z.infer<typeof ParseDetails>;
